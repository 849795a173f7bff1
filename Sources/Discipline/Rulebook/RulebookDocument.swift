import Crypto
public import Foundation

/// Where a rulebook comes from: the organisation's text (a seed file) and its article or section.
public struct RulebookSource: Codable, Equatable, Sendable {
    public var document: String
    public var article: String
    public init(document: String, article: String) {
        self.document = document
        self.article = article
    }
}

/// A rulebook file, of either kind, in the one format of `Schemas/rulebook.schema.json`.
///
/// Both kinds share a header (`kind`, `id`, `version`, `title`, `source`, `timeZone`); a **procedure** rulebook then
/// gives the numbers of a full procedure (Article 5.6: deadlines, two-thirds, cell size, recusals, judgement cap,
/// motives, sanctions), a **ladder** rulebook the rungs of a graduated charter (roles, incidents, measures). The same
/// commands list, show, validate and adopt both, and an adoption records either in a `RulebookAdopted` event.
public enum RulebookDocument: Equatable, Sendable {
    case procedure(Rulebook)
    case ladder(LadderRulebook)

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case procedure, ladder
    }

    public var kind: Kind {
        switch self {
        case .procedure: .procedure
        case .ladder: .ladder
        }
    }
    /// The fields both kinds share.
    private var header: (id: String, version: Int, title: String, source: RulebookSource, timeZone: String) {
        switch self {
        case .procedure(let b): (b.id, b.version, b.title, b.source, b.timeZone)
        case .ladder(let b): (b.id, b.version, b.title, b.source, b.timeZone)
        }
    }
    public var id: String { header.id }
    public var version: Int { header.version }
    public var title: String { header.title }
    public var source: RulebookSource { header.source }
    public var timeZone: String { header.timeZone }
    public var ladder: LadderRulebook? {
        if case .ladder(let b) = self { return b }
        return nil
    }
    public var procedure: Rulebook? {
        if case .procedure(let b) = self { return b }
        return nil
    }
}

extension RulebookDocument: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static let kind = Key("kind")
    }

    /// `kind` names the body; a file without it (the first ladder files had none) is read by its body: `deadlines`
    /// makes a procedure, anything else a ladder.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let kind =
            try c.decodeIfPresent(Kind.self, forKey: .kind)
            ?? (c.contains(Key("deadlines")) ? .procedure : .ladder)
        switch kind {
        case .procedure: self = .procedure(try Rulebook(from: decoder))
        case .ladder: self = .ladder(try LadderRulebook(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .procedure(let b): try b.encode(to: encoder)
        case .ladder(let b): try b.encode(to: encoder)
        }
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: .kind)
    }
}

extension RulebookDocument {
    /// The file form: sorted keys, pretty-printed, `kind` included, so two equal rulebooks give the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// SHA-256 of the file form, lowercase hex: what an adoption records and an auditor can recompute.
    public func digest() throws -> String {
        RFC3797.hex(SHA256.hash(data: try jsonData()), uppercase: false)
    }

    /// Every fault of the rulebook, each at its JSON path: the header both kinds share, then the kind's own fields.
    /// `knownProcedures` are the procedure rulebooks a ladder rung may escalate to.
    public func faults(knownProcedures: Set<String> = [Rulebook.cle.id]) -> [RulebookFault] {
        var faults: [RulebookFault] = []
        for (path, value) in [
            ("$.id", id), ("$.title", title), ("$.source.document", source.document),
            ("$.source.article", source.article)
        ]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let field = path.split(separator: ".").last.map(String.init) ?? path
            faults.append(RulebookFault(path: path, fr: "libellé « \(field) » vide", en: "empty \(field) label"))
        }
        if !(1...1_000_000).contains(version) {
            faults.append(
                RulebookFault(path: "$.version", fr: "la version doit être ≥ 1", en: "version must be at least 1"))
        }
        // The schema says an IANA time zone: one the system's time-zone database knows (`Europe/Paris`).
        if !timeZone.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, TimeZone(identifier: timeZone) == nil {
            faults.append(
                RulebookFault(
                    path: "$.timeZone", fr: "« \(timeZone) » n'est pas un fuseau horaire IANA (ex. Europe/Paris)",
                    en: "\"\(timeZone)\" is not an IANA time zone (e.g. Europe/Paris)"))
        }
        switch self {
        case .procedure(let b): return faults + b.faults()
        case .ladder(let b): return faults + b.faults(knownProcedures: knownProcedures)
        }
    }

    /// Reads a rulebook file of either kind and checks it; a file that does not decode or does not hold together is
    /// refused with the JSON path of every fault found.
    public static func load(
        from data: Data, knownProcedures: Set<String> = [Rulebook.cle.id]
    )
        -> Result<RulebookDocument, InvalidRulebookFile>
    {
        let document: RulebookDocument
        do {
            document = try JSONDecoder().decode(RulebookDocument.self, from: data)
        } catch let error as DecodingError {
            return .failure(InvalidRulebookFile(faults: [RulebookFault(decoding: error)]))
        } catch {
            return .failure(
                InvalidRulebookFile(faults: [
                    RulebookFault(path: "$", fr: "JSON illisible : \(error)", en: "unreadable JSON: \(error)")
                ]))
        }
        let faults = document.faults(knownProcedures: knownProcedures)
        return faults.isEmpty ? .success(document) : .failure(InvalidRulebookFile(faults: faults))
    }
}

/// One fault of a rulebook file, at a JSON path such as `$.measures[2].requires[0].measure`.
public struct RulebookFault: Equatable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    public var fr: String
    public var en: String
    public init(path: String, fr: String, en: String) {
        self.path = path
        self.fr = fr
        self.en = en
    }
    public var description: String { "\(path): \(en)" }

    init(decoding error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("$") { out, key in key.intValue.map { out + "[\($0)]" } ?? out + "." + key.stringValue }
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(
                path: path(context.codingPath + [key]), fr: "champ obligatoire manquant", en: "required field missing")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            self.init(
                path: path(context.codingPath), fr: "valeur du mauvais type : \(context.debugDescription)",
                en: "value of the wrong type: \(context.debugDescription)")
        case let .dataCorrupted(context):
            self.init(
                path: path(context.codingPath), fr: "valeur invalide : \(context.debugDescription)",
                en: "invalid value: \(context.debugDescription)")
        @unknown default:
            self.init(path: "$", fr: "fichier illisible", en: "unreadable file")
        }
    }
}

/// A rulebook file that cannot be used, with every fault found.
public struct InvalidRulebookFile: Error, Equatable, Sendable, CustomStringConvertible {
    public var faults: [RulebookFault]
    public init(faults: [RulebookFault]) { self.faults = faults }
    public var description: String { faults.map(\.description).joined(separator: "; ") }
}
