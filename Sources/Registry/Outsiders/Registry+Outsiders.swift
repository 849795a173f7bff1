public import Discipline
public import EventLog
import Foundation

/// A ladder act names someone who is neither on the roster nor an outside person of the register (rule `person`,
/// exit 66): nothing is written, and the nearest known people are suggested.
public struct UnknownPersonError: Error, Equatable {
    /// What the act named.
    public var named: String
    /// Known ids near it (by id or by name), nearest first, at most three.
    public var candidates: [MemberID]

    public init(named: String, candidates: [MemberID]) {
        self.named = named
        self.candidates = candidates
    }
}

extension Registry {
    /// The stream of an outside person: `outsider/<id>`.
    static let outsiderPrefix = "outsider/"

    public static func outsiderStream(_ id: MemberID) -> String { outsiderPrefix + id.rawValue }

    /// Every outside person, from the inline index, ordered by id.
    public func outsiders() throws -> [OutsiderRecord] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.outsiderPrefix).map { try Projections.decode(OutsiderRecord.self, $0) }
        }
    }

    /// One outside person rebuilt from their stream, or `nil`.
    public func outsider(_ id: MemberID) throws -> OutsiderRecord? {
        var record: OutsiderRecord?
        for stored in try store.readStream(Registry.outsiderStream(id)) {
            let dated = try Registry.datedOutsiderEvent(stored)
            record = OutsiderRecord.evolve(record, on: dated.on, dated.event)
        }
        return record
    }

    static func datedOutsiderEvent(_ record: EventRecord) throws -> (on: Day, event: OutsiderEvent) {
        try dayAndEvent(record, OutsiderEvent.decode(type:payload:))
    }

    /// What creating an outside person recorded (or, in a dry run, would record).
    public struct OutsiderAdded: Sendable {
        public var id: MemberID
        public var event: OutsiderEvent
        public var records: [EventRecord]
    }

    /// Creates an outside person (rule `person`) under the next free id `X0001`…: name and contact are sealed under
    /// the person's own key before hashing. Refused (nothing written) without a name or a contact.
    @discardableResult
    public func addOutsider(
        name: String, contact: String, note: String?, homonym: Bool = false, on day: Day,
        recording: Recording, dryRun: Bool = false
    ) throws -> OutsiderAdded {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        let members = try self.members(), outsiders = try self.outsiders()
        let id = OutsiderDecider.nextID(taken: Set(members.map(\.id) + outsiders.map(\.id)))
        // The names are compared in memory only, revealed, without case or accents.
        let reveal = try self.reveal()
        let wanted = Registry.foldedName(name)
        let sameName =
            members.filter { $0.erasedOn == nil && Registry.foldedName(reveal($0.displayName)) == wanted }.map(\.id)
            + outsiders.filter { $0.erasedOn == nil && Registry.foldedName(reveal($0.name)) == wanted }.map(\.id)
        let event: OutsiderEvent
        switch OutsiderDecider.add(
            id: id, name: name, contact: contact, note: note, sameName: sameName, homonym: homonym)
        {
        case .success(let e): event = e
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        if dryRun { return OutsiderAdded(id: id, event: event, records: []) }
        return OutsiderAdded(id: id, event: event, records: try appendOutsider(event, on: day, recording: recording))
    }

    /// Creates an outside person for a first ladder act about them (`ladder incident --outsider NAME --contact …`):
    /// the person and the act are both decided before the person is written, so a refusal of either writes nothing.
    /// The caller then records the act with `performLadder` under the id returned.
    public func addOutsiderForLadder(
        _ command: LadderCommand, name: String, contact: String, note: String?,
        homonym: Bool, rulebook rulebookID: String, on day: Day, recording: Recording
    )
        throws -> OutsiderAdded
    {
        let planned = try addOutsider(
            name: name, contact: contact, note: note, homonym: homonym, on: day,
            recording: recording, dryRun: true)
        let loaded = try loadLadder(rulebookID, member: planned.id, opening: day)
        try refuseFutureAct(on: day, recording, timeZone: loaded.rulebook.timeZone)
        if case .failure(let refusal) = LadderDecider.decide(
            loaded.state, command, member: planned.id,
            rulebook: loaded.rulebook, on: day)
        {
            throw LadderError.refused(refusal)
        }
        return try addOutsider(
            name: name, contact: contact, note: note, homonym: homonym, on: day, recording: recording)
    }

    /// Appends one outsider event with the stream's version checked, and its index entry in the same transaction.
    func appendOutsider(_ event: OutsiderEvent, on day: Day, recording: Recording) throws -> [EventRecord] {
        let stream = Registry.outsiderStream(event.outsider)
        let version = try store.version(of: stream)
        var record: OutsiderRecord?
        for stored in try store.readStream(stream) {
            let dated = try Registry.datedOutsiderEvent(stored)
            record = OutsiderRecord.evolve(record, on: dated.on, dated.event)
        }
        let (payload, sealed) = try sealedPayload(
            stream: stream, version: version + 1, type: event.typeName,
            encode: { try event.payloadJSON(sealer: $0) },
            decode: { try OutsiderEvent.decode(type: event.typeName, payload: $0) })
        let folded = OutsiderRecord.evolve(record, on: day, sealed)
        let new = envelope(
            type: event.typeName, schemaVersion: OutsiderEvent.schemaVersion, on: day, payload: payload,
            recording: recording, correlation: event.outsider.rawValue)
        return try store.append(to: stream, expected: .exactly(version), events: [new]) { writer, appended in
            if let folded { try writer.put(stream, Array(try Projections.jsonEncoder.encode(folded))) }
            try Projections.noteCommand(recording, appended, into: writer)
        }
    }

    /// Erases an outside person's data (Article 6): records `OutsiderErased`, then destroys their key and the key of
    /// their ladder records' texts. Refused when already erased or without a reason.
    @discardableResult
    func eraseOutsider(
        _ found: OutsiderRecord, reason: String, requestedBy: MemberID?, on day: Day,
        recording: Recording
    ) throws -> [EventRecord] {
        let subjects = [Registry.outsiderStream(found.id), Registry.stream(of: found.id)]
        if let erased = found.erasedOn {
            var finished = false
            for subject in subjects {
                guard try keys.currentKeyIfAny(of: subject) != nil else { continue }
                _ = try keys.destroyKey(of: subject, on: day)
                finished = true
            }
            if finished { forgetCachedTexts(); return [] }
            throw RegistryError.refused(
                Refusal(
                    .R35, fr: "les données de \(found.id) sont déjà effacées (le \(erased.frenchDescription))",
                    en: "the data of \(found.id) is already erased (on \(erased))"))
        }
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw RegistryError.refused(
                Refusal(
                    .R35, fr: "un effacement dit pourquoi (--reason) : demande de la personne, fin de la relation…",
                    en: "an erasure says why (--reason): the person's request, end of the relation…"))
        }
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        if let requestedBy, requestedBy != found.id, try member(requestedBy) == nil {
            throw RegistryError.unknownMember(requestedBy)
        }
        if store.dryRun { return [] }
        let records = try appendOutsider(
            .erased(outsider: found.id, reason: reason, requestedBy: requestedBy), on: day,
            recording: recording)
        for subject in subjects { _ = try keys.destroyKey(of: subject, on: day) }
        forgetCachedTexts()
        return records
    }

    /// Refuses a ladder act about someone the register does not know (rule `person`): neither a member on the roster
    /// nor an outside person. The error carries the nearest known ids, by id or by (revealed) name.
    public func requireKnownPerson(_ id: MemberID) throws {
        if try firstUnknownMember([id]) == nil { return }
        if try store.version(of: Registry.outsiderStream(id)) > 0 { return }
        throw UnknownPersonError(named: id.rawValue, candidates: try peopleNear(id.rawValue))
    }

    /// Up to three known people (members and outsiders) whose id is a typo away from `text`, or whose name holds it
    /// (or is held in it), compared without case or accents.
    public func peopleNear(_ text: String) throws -> [MemberID] {
        let reveal = try self.reveal()
        let folded = Registry.foldedName
        let query = folded(text)
        let people =
            try members().map { ($0.id, $0.erasedOn == nil ? reveal($0.displayName) : "") }
            + outsiders().map { ($0.id, $0.erasedOn == nil ? reveal($0.name) : "") }
        var scored: [(MemberID, Int)] = []
        for (id, name) in people {
            let byID = Registry.typos(folded(id.rawValue), query)
            let n = folded(name)
            let byName =
                !n.isEmpty && !query.isEmpty && (n.contains(query) || query.contains(n))
                ? 0
                : (n.isEmpty ? Int.max : Registry.typos(n, query))
            let best = min(byID, byName)
            if best <= max(1, query.count / 4) { scored.append((id, best)) }
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    /// A name as compared: without case, accents or extra spaces.
    static func foldedName(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The edit distance between two short texts (insertions, deletions, substitutions).
    static func typos(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Rebuilds the outsider index from the log alone (for `projectionsFromLog` and the audit's replay check).
struct OutsidersReplay {
    var records: [MemberID: OutsiderRecord] = [:]

    /// Takes in a record of an `outsider/` stream; false for any other stream.
    mutating func apply(_ record: EventRecord) throws -> Bool {
        guard record.stream.hasPrefix(Registry.outsiderPrefix) else { return false }
        let dated = try Registry.datedOutsiderEvent(record)
        records[dated.event.outsider] = OutsiderRecord.evolve(records[dated.event.outsider], on: dated.on, dated.event)
        return true
    }

    func projections() throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for (id, record) in records {
            out[Registry.outsiderStream(id)] = Array(try Projections.jsonEncoder.encode(record))
        }
        return out
    }
}
