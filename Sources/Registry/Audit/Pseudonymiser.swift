import Crypto
import Foundation

/// Replaces people by stable keyed pseudonyms in an export: `p-` and the first 12 hex digits of
/// HMAC-SHA256(key, "greffe-pseudonym-1:" + id). The same key gives the same pseudonyms, export after export; without
/// the key nobody can compute them from an id.
///
/// In every string of the envelope and of the payload (values, not keys): an email becomes `<pseudonym>@pseudonyme.invalid`,
/// a full name `Personne <pseudonym>`, an id the pseudonym, and a lone word of a name (3 letters or more) the
/// pseudonym of the only person bearing it, or `[nom]`. Matching is case-insensitive and on whole words. Free text
/// can still describe a person in other words: an export meant for outsiders should still be read before it leaves.
public struct Pseudonymiser {
    public struct Person: Equatable, Sendable {
        public var id: String
        public var names: [String]
        public var emails: [String]
        public init(id: String, names: [String], emails: [String]) {
            self.id = id
            self.names = names
            self.emails = emails
        }
    }

    let key: SymmetricKey
    /// Names, e-mails and name words, by their lower-case form (matched without regard to case).
    let replacements: [String: String]
    /// Ids, exactly as written: `X` and `x` are two members and keep two pseudonyms.
    let ids: [String: String]
    let pattern: NSRegularExpression?

    public init(key: [UInt8], people: [Person]) throws {
        let key = SymmetricKey(data: key)
        self.key = key
        var replacements: [String: String] = [:]
        var ids: [String: String] = [:]
        var wordOwners: [String: Set<String>] = [:]
        for person in people {
            let pseudonym = Self.pseudonym(person.id, key: key)
            ids[person.id] = pseudonym
            for email in person.emails where !email.isEmpty {
                replacements[email.lowercased()] = pseudonym + "@pseudonyme.invalid"
            }
            for name in person.names where !name.isEmpty {
                replacements[name.lowercased()] = "Personne " + pseudonym
                for word in name.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" })
                where word.count >= 3 {
                    wordOwners[word.lowercased(), default: []].insert(pseudonym)
                }
            }
        }
        for (word, owners) in wordOwners where replacements[word] == nil {
            replacements[word] = owners.count == 1 ? owners.first ?? "[nom]" : "[nom]"
        }
        self.replacements = replacements
        self.ids = ids
        // Longest first, so that a full name or an email wins over the words inside it; a word is delimited by anything
        // but a letter, a digit or `_` (so `M.Martin` and `x.martin@ailleurs.org` lose their name too).
        let alternatives = Set(replacements.keys).union(ids.keys).sorted { ($0.count, $0) > ($1.count, $1) }
            .map(NSRegularExpression.escapedPattern(for:))
        self.pattern =
            alternatives.isEmpty
            ? nil
            : try NSRegularExpression(
                pattern: "(?<![\\p{L}\\p{N}_])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\p{N}_])",
                options: [.caseInsensitive])
    }

    static func pseudonym(_ id: String, key: SymmetricKey) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(("greffe-pseudonym-1:" + id).utf8), using: key)
        return "p-" + String(Array(code).hexString.prefix(12))
    }

    /// The pseudonym of a member or party id.
    public func pseudonym(_ id: String) -> String { Self.pseudonym(id, key: key) }

    /// `text` with every known email, name, id and name word replaced.
    public func text(_ text: String) -> String {
        guard let pattern else { return text }
        let source = text as NSString
        var out = ""
        var last = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let found = source.substring(with: match.range)
            out += ids[found] ?? replacements[found.lowercased()] ?? found
            last = match.range.location + match.range.length
        }
        return out + source.substring(from: last)
    }

    /// A JSON payload with every string value pseudonymised (keys kept); text that is not JSON is treated as text.
    public func payload(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: walk(object), options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return text(json) }
        return String(decoding: data, as: UTF8.self)
    }

    private func walk(_ value: Any) -> Any {
        switch value {
        case let string as String: return text(string)
        case let array as [Any]: return array.map(walk)
        case let object as [String: Any]:
            var out: [String: Any] = [:]
            for (key, value) in object {
                // A pool digest is SHA-256 of the real ids: anyone guessing them could check it. It becomes a keyed MAC.
                if key == "poolDigest", let digest = value as? String {
                    out[key] = mac(digest, purpose: "pool-digest")
                } else {
                    out[key] = walk(value)
                }
            }
            return out
        default: return value
        }
    }

    /// HMAC-SHA256 under the pseudonymisation key of `value`, in hex: computable only with the key, and the same for
    /// the same value (so links between lines survive).
    func mac(_ value: String, purpose: String) -> String {
        Array(HMAC<SHA256>.authenticationCode(for: Data(("greffe-\(purpose)-1:" + value).utf8), using: key)).hexString
    }

    /// An exported line with its people replaced. Its hashes are the original records' hashes (of bodies holding the
    /// real ids) put through a keyed MAC: the links between lines can still be followed, but no guessed id can be
    /// checked against them.
    func apply(_ line: ExportedRecord) -> ExportedRecord {
        var out = line
        // The first record's prevHash is the genesis (zeros): it holds no id and stays as it is.
        out.prevHash =
            line.prevHash.allSatisfy { $0 == "0" } ? line.prevHash : mac(line.prevHash, purpose: "record-hash")
        out.hash = mac(line.hash, purpose: "record-hash")
        out.stream = text(line.stream)
        out.actor = text(line.actor)
        out.correlationId = text(line.correlationId)
        out.causationId = text(line.causationId)
        out.payload = payload(line.payload)
        return out
    }
}
