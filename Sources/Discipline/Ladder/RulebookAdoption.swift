import Foundation

/// A rulebook (or a new version of it) adopted by the organisation: a sanction ladder, or the numbers of the full
/// procedure (R34). The whole text of the rulebook is in the event, so a record or a case opened under an older version
/// is still evaluated under that version after a newer one.
public struct RulebookAdopted: Codable, Equatable, Sendable {
    public var rulebook: RulebookDocument
    /// SHA-256 of the rulebook's file form (`RulebookDocument.jsonData()`), lowercase hex.
    public var sha256: String
    public init(rulebook: RulebookDocument, sha256: String) {
        self.rulebook = rulebook
        self.sha256 = sha256
    }

    public static let typeName = "RulebookAdopted"
    public static let schemaVersion = 1
}

extension LadderRulebook {
    /// SHA-256 of the file form, lowercase hex: what an adoption records and an auditor can recompute.
    public func digest() throws -> String { try RulebookDocument.ladder(self).digest() }
}

extension RulebookDocument {
    /// The words of the règlement a refused procedure adoption rests on (R34).
    public static let article9 =
        "Le présent règlement intérieur pourra être modifié sur proposition d'un membre du Conseil d'administration et par l'Assemblée générale à la majorité des deux tiers."

    /// Whether `self` may be adopted on `day` after `adopted` (every version adopted so far with its day, oldest
    /// first), the store's procedure starting from `base`.
    ///
    /// An adoption is not dated before the last one of its kind. One organisation per store: every adopted ladder has
    /// the same id, and so has every adopted procedure; a new version must be newer than the last of its id. A
    /// procedure with the base's id and version must be the base's very text (a changed text is a new version,
    /// Article 9).
    public func adoption(
        on day: Day, after adoptions: [(on: Day, rulebook: RulebookDocument)], base: Rulebook
    )
        -> Result<RulebookAdopted, LadderRefusal>
    {
        let rule = ladder?.rule ?? RuleID.R34.rawValue
        let article = ladder?.source.article ?? RuleID.R34.article
        let quote = ladder == nil ? Self.article9 : title
        func refuse(_ fr: String, _ en: String) -> Result<RulebookAdopted, LadderRefusal> {
            .failure(LadderRefusal(rule: rule, article: article, quote: quote, fr: fr, en: en))
        }
        if let last = adoptions.last(where: { $0.rulebook.kind == kind }), last.on > day {
            let book = last.rulebook
            return refuse(
                "\(book.id) v\(book.version) a été adopté le \(last.on.frenchDescription) : une adoption suivante ne peut être datée d'avant",
                "\(book.id) v\(book.version) was adopted on \(last.on): a later adoption cannot be dated before it")
        }
        let sameKind = adoptions.map(\.rulebook).filter { $0.kind == kind }
        if let other = sameKind.last(where: { $0.id != id }) {
            return refuse(
                "ce magasin tient déjà le règlement \(other.id) : une organisation par magasin",
                "this store already keeps rulebook \(other.id): one organisation per store")
        }
        if let last = sameKind.last, last.version >= version {
            return refuse(
                "\(id) v\(last.version) est déjà adopté : une nouvelle adoption doit porter une version plus grande",
                "\(id) v\(last.version) is already adopted: a new adoption needs a higher version")
        }
        if let procedure, procedure.id == base.id, procedure.version <= base.version, procedure != base {
            return refuse(
                "\(id) v\(version) est le texte livré ; un texte modifié porte une version plus grande (art. 9)",
                "\(id) v\(version) is the shipped text; a changed text needs a higher version (art. 9)")
        }
        do {
            return .success(RulebookAdopted(rulebook: self, sha256: try digest()))
        } catch {
            return refuse("règlement illisible : \(error)", "unreadable rulebook: \(error)")
        }
    }
}
