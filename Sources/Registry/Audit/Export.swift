import Discipline
public import EventLog
import Foundation

/// The first line of an export: what follows and whether the chain can be re-verified from it.
public struct ExportHeader: Codable, Equatable, Sendable {
    public static let currentFormat = "greffe-export-1"
    public var format: String
    /// The storage format whose hashing rules apply (docs/storage-format.md).
    public var storageFormat: UInt32
    /// Records exported: 1 to `headSequence`.
    public var records: UInt64
    public var headSequence: UInt64
    public var headHash: String
    /// Names, emails and member ids were replaced by keyed pseudonyms.
    public var pseudonymised: Bool
    /// Whether the hashes can be recomputed from the lines (not after pseudonymisation).
    public var chainVerifiable: Bool
    public var note: String
}

/// One line of an export: a record with its whole envelope, enough to recompute its hash.
public struct ExportedRecord: Codable, Equatable, Sendable {
    public var sequence: UInt64
    public var stream: String
    public var version: UInt64
    public var type: String
    public var schemaVersion: UInt32
    public var occurredOn: String
    /// For people: ISO 8601, UTC.
    public var recordedAt: String
    /// Exactly as hashed: milliseconds since 1970-01-01T00:00:00Z.
    public var recordedAtMs: Int64
    public var actor: String
    public var correlationId: String
    public var causationId: String
    /// The stored payload, byte for byte, as text (it is UTF-8 JSON).
    public var payload: String
    public var prevHash: String
    public var hash: String

    init(_ record: EventRecord) {
        sequence = record.sequence
        stream = record.stream
        version = record.version
        type = record.type
        schemaVersion = record.event.schemaVersion
        occurredOn = record.event.occurredOn
        recordedAtMs = record.event.recordedAt
        recordedAt = ExportedRecord.iso(record.event.recordedAt)
        actor = record.event.actor
        correlationId = record.event.correlationId
        causationId = record.event.causationId
        payload = String(decoding: record.payload, as: UTF8.self)
        prevHash = record.previousHash.hexString
        hash = record.hash.hexString
    }

    static func iso(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    /// The record this line describes, with its hashes as written (`nil` when a hash is not 64 hex digits).
    public var record: EventRecord? {
        guard let previous = [UInt8](hexString: prevHash), previous.count == 32,
            let stored = [UInt8](hexString: hash), stored.count == 32
        else { return nil }
        let event = NewEvent(
            type: type, schemaVersion: schemaVersion, occurredOn: occurredOn, recordedAt: recordedAtMs,
            actor: actor, correlationId: correlationId, causationId: causationId,
            payload: Data(payload.utf8))
        return EventRecord(
            sequence: sequence, stream: stream, version: version, event: event,
            previousHash: previous, hash: stored)
    }
}

extension Registry {
    static let exportEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Writes the log as JSON Lines: a header, then every record up to the head read at the start, one per line.
    /// With a pseudonymisation key, member names, emails and ids are replaced by keyed pseudonyms (HMAC-SHA256): the
    /// hashes and pool digests are then keyed MACs of the original values and cannot be recomputed from the lines.
    ///
    /// The log is verified first (`EventStore.verify`, up to the head it reads): a log that fails is not exported,
    /// `RegistryError.notVerifiable` is thrown before anything is written, so no export of a tampered store claims to
    /// be verifiable.
    @discardableResult
    public func export(pseudonymisingWith key: [UInt8]? = nil, _ write: (String) throws -> Void) throws -> ExportHeader
    {
        let verification = try store.verify()
        if let failure = verification.failure { throw RegistryError.notVerifiable(failure) }
        // The head the verification read: every record up to it was checked; later appends are left for the next export.
        let head = verification.storedHead
        let pseudonymiser = try key.map { try Pseudonymiser(key: $0, people: people(upTo: head.sequence)) }
        let note =
            pseudonymiser == nil
            ? "Each line after this one is a record; SHA-256 of its canonical body (docs/storage-format.md) is its hash, and prevHash links it to the line before (scripts/verify_export.py)."
            : "PSEUDONYMISED: names, emails and member ids are replaced by keyed pseudonyms; prevHash, hash, headHash and pool digests are keyed MACs of the original values, so links can be followed but no hash can be recomputed from these lines, nor checked against guessed ids."
        let header = ExportHeader(
            format: ExportHeader.currentFormat, storageFormat: EventStore.formatVersion, records: head.sequence,
            headSequence: head.sequence,
            headHash: pseudonymiser.map { $0.mac(head.hash.hexString, purpose: "record-hash") } ?? head.hash.hexString,
            pseudonymised: pseudonymiser != nil,
            chainVerifiable: pseudonymiser == nil, note: note)
        try write(String(decoding: try Self.exportEncoder.encode(header), as: UTF8.self))
        var cursor = store.records(from: 1)
        while let record = try cursor.next(), record.sequence <= head.sequence {
            var line = ExportedRecord(record)
            if let pseudonymiser { line = pseudonymiser.apply(line) }
            try write(String(decoding: try Self.exportEncoder.encode(line), as: UTF8.self))
        }
        return header
    }

    /// Every person the log names: members (every name and email they ever had) and the parties of complaints.
    func people(upTo sequence: UInt64) throws -> [Pseudonymiser.Person] {
        var people: [String: Pseudonymiser.Person] = [:]
        func note(_ id: String, name: String? = nil, email: String? = nil) {
            var person = people[id] ?? Pseudonymiser.Person(id: id, names: [], emails: [])
            if let name { person.names.append(name) }
            if let email { person.emails.append(email) }
            people[id] = person
        }
        var cursor = store.records(from: 1)
        while let record = try cursor.next(), record.sequence <= sequence {
            if record.stream.hasPrefix("member/"),
                let event = try? MemberEvent.decode(type: record.type, payload: record.payload)
            {
                switch event {
                case let .joined(member, name, email, _, _, _):
                    note(member.rawValue, name: name.clearText, email: email.clearText)
                case let .detailsChanged(member, name, email, _, _, _):
                    note(member.rawValue, name: name?.clearText, email: email?.clearText)
                default: note(event.member.rawValue)
                }
            } else if record.type == "ComplaintFiled",
                case .complaintFiled(let facts)? = try? CaseEvent.decode(type: record.type, payload: record.payload)
            {
                for party in facts.complainants + facts.accused + facts.victims { note(party.id.rawValue) }
            }
        }
        return people.values.sorted { $0.id < $1.id }
    }
}

/// The outcome of re-verifying an export's chain.
public struct ExportVerification: Equatable, Sendable {
    public var records: UInt64
    public var headHash: String
    /// The first line that fails, with the reason; `nil` when the whole chain re-verifies.
    public var failure: AuditFinding?

    /// Re-verifies an export from its lines alone: sequence order, links and every hash recomputed.
    public static func check(_ text: String) -> ExportVerification {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        var result = ExportVerification(records: 0, headHash: "", failure: nil)
        func fail(_ sequence: UInt64, _ words: Words) -> ExportVerification {
            result.failure = AuditFinding(sequence: sequence, words)
            return result
        }
        guard let first = lines.next(),
            let header = try? JSONDecoder().decode(ExportHeader.self, from: Data(first.utf8)),
            header.format == ExportHeader.currentFormat
        else { return fail(0, Words("en-tête d'export illisible", "unreadable export header")) }
        guard header.chainVerifiable else {
            return fail(
                0,
                Words(
                    "export pseudonymisé : les hachages ne peuvent pas être recalculés",
                    "pseudonymised export: the hashes cannot be recomputed"))
        }
        var previous = [UInt8](repeating: 0, count: 32)
        var expected: UInt64 = 1
        while let line = lines.next() {
            guard let exported = try? JSONDecoder().decode(ExportedRecord.self, from: Data(line.utf8)),
                let record = exported.record
            else { return fail(expected, Words("ligne illisible", "unreadable line")) }
            guard record.sequence == expected else {
                return fail(
                    expected,
                    Words(
                        "séquence \(record.sequence) au lieu de \(expected)",
                        "sequence \(record.sequence) instead of \(expected)"))
            }
            guard record.previousHash == previous else {
                return fail(expected, Words("chaîne rompue", "broken chain"))
            }
            guard record.recomputedHash == record.hash else {
                return fail(expected, Words("le hachage recalculé diffère", "the recomputed hash differs"))
            }
            previous = record.hash
            expected += 1
            result.records += 1
        }
        result.headHash = previous.hexString
        guard result.records == header.headSequence, result.headHash == header.headHash else {
            return fail(
                expected, Words("l'export s'arrête avant la tête annoncée", "the export ends before its announced head")
            )
        }
        return result
    }
}
