import Crypto
import Foundation

/// A ladder rulebook (or a new version of it) adopted by the organisation: the whole text of the rulebook is in the
/// event, so a record opened under an older version is still evaluated under that version after a newer one.
public struct RulebookAdopted: Codable, Equatable, Sendable {
    public var rulebook: LadderRulebook
    /// SHA-256 of the rulebook's canonical JSON (`LadderRulebook.jsonData()`), lowercase hex.
    public var sha256: String
    public init(rulebook: LadderRulebook, sha256: String) {
        self.rulebook = rulebook
        self.sha256 = sha256
    }

    public static let typeName = "RulebookAdopted"
    public static let schemaVersion = 1
}

extension LadderRulebook {
    /// SHA-256 of the canonical JSON, lowercase hex: what an adoption records and an auditor can recompute.
    public func digest() throws -> String {
        RFC3797.hex(SHA256.hash(data: try jsonData()), uppercase: false)
    }

    /// Whether `self` may be adopted after `adopted` (every version adopted so far, oldest first).
    ///
    /// One organisation per store: every adopted ladder has the same id; a new version must be newer than the last.
    public func adoption(after adopted: [LadderRulebook]) -> Result<RulebookAdopted, LadderRefusal> {
        let ground = (source.article, title)
        func refuse(_ fr: String, _ en: String) -> Result<RulebookAdopted, LadderRefusal> {
            .failure(LadderRefusal(rule: rule, article: ground.0, quote: ground.1, fr: fr, en: en))
        }
        if let other = adopted.last(where: { $0.id != id }) {
            return refuse("ce magasin tient déjà le règlement \(other.id) : une organisation par magasin",
                          "this store already keeps rulebook \(other.id): one organisation per store")
        }
        if let last = adopted.last, last.version >= version {
            return refuse("\(id) v\(last.version) est déjà adopté : une nouvelle adoption doit porter une version plus grande",
                          "\(id) v\(last.version) is already adopted: a new adoption needs a higher version")
        }
        do {
            return .success(RulebookAdopted(rulebook: self, sha256: try digest()))
        } catch {
            return refuse("règlement illisible : \(error)", "unreadable rulebook: \(error)")
        }
    }
}
