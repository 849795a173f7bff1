public import Discipline
public import EventLog
import Foundation

/// A case as rebuilt from its stream.
public struct LoadedCase: Sendable {
    public var id: CaseID
    public var state: CaseState
    /// The procedure rulebook the case is evaluated under (R34): the version its complaint recorded; before a
    /// complaint, the latest adopted.
    public var rulebook: Rulebook
    /// The stream version the state was built from: the expected version of the next append.
    public var version: UInt64
    /// Every record's event as stored (withdrawals and corrections included); `fold` reads them as they now stand.
    public var events: [DatedEvent]
    public var records: [EventRecord]
    /// The case's fold: its acts as they now read, and what became of each withdrawn or corrected record.
    public var fold: CaseFold
}

/// What happened to a command given to the registry.
public enum Performed: Sendable {
    /// Recorded: these records were appended.
    case recorded([EventRecord])
    /// Skipped: a command with this id was already applied (at this sequence).
    case alreadyApplied(commandId: String, sequence: UInt64)
}

extension Registry {
    /// Rebuilds a case from its events, up to and including `asOf` when given (the case as it stood that day: its acts
    /// dated up to that day, read with every withdrawal and correction, which set right what happened).
    public func loadCase(_ id: CaseID, asOf: Day? = nil) throws -> LoadedCase {
        let records = try store.readStream(Registry.stream(of: id))
        var fold = CaseFold()
        var events: [DatedEvent] = []
        var kept: [EventRecord] = []
        for record in records {
            let day = try Registry.day(of: record)
            let dated = DatedEvent(on: day, event: try Registry.caseEvent(of: record))
            fold.fold(CaseRecord(sequence: record.sequence, group: Registry.commandGroup(of: record), dated: dated))
            if let asOf, day > asOf { continue }
            events.append(dated)
            kept.append(record)
        }
        let state = asOf.map { day in CaseFold.state(of: fold.acts().filter { $0.on <= day }) } ?? fold.state
        return LoadedCase(
            id: id, state: state, rulebook: try rulebook(for: state, of: id),
            version: UInt64(records.count), events: events, records: kept, fold: fold)
    }

    /// A case record's event, or `unreadableEvent`.
    static func caseEvent(of record: EventRecord) throws -> CaseEvent {
        do {
            return try CaseEvent.decode(type: record.type, payload: record.payload)
        } catch {
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type, reason: readingWords(error))
        }
    }

    /// The command group of a case record: the id the registry writes in its correlation id (`<case>#<version of the
    /// command's first record>`); for a record written before such ids, the act's moment, recorder, day and key,
    /// which every record of one command shares (docs/storage-format.md).
    public static func commandGroup(of record: EventRecord) -> String {
        let e = record.event
        // Searched as bytes: Foundation's `contains` of a string was 3 % of a replay.
        if e.correlationId.utf8.contains(UInt8(ascii: "#")) { return e.correlationId }
        return "\(e.recordedAt)|\(e.actor)|\(e.occurredOn)|\(e.causationId)"
    }

    /// The rulebook case `id` is evaluated under now (from the state kept since the last command when it is current).
    public func rulebook(of id: CaseID) throws -> Rulebook {
        try rulebook(for: try currentState(of: id).state, of: id)
    }

    /// The rulebook `state` is evaluated under (R34): the version its complaint recorded; before a complaint, the one
    /// in force on `day` (the latest adopted when no day is given).
    public func rulebook(for state: CaseState, of id: CaseID, on day: Day? = nil) throws -> Rulebook {
        try Registry.rulebook(for: state, of: id, in: try procedureRulebooks(), on: day)
    }

    /// The rulebook `state` is evaluated under among `procedures`, or `unknownRulebook` when its complaint names a
    /// version they do not hold (the registry and the replay both ask this).
    static func rulebook(
        for state: CaseState, of id: CaseID, in procedures: ProcedureRulebooks, on day: Day? = nil
    )
        throws -> Rulebook
    {
        guard let found = procedures.rulebook(for: state, on: day) else {
            throw RegistryError.unknownRulebook(
                state.complaint?.value.rulebook ?? RulebookRef(procedures.base), caseID: id)
        }
        return found
    }

    /// Whether a case stream exists.
    public func caseExists(_ id: CaseID) throws -> Bool { try store.version(of: Registry.stream(of: id)) > 0 }

    /// Decides `command` for case `id` on `day` and appends the resulting events with the version read, or throws
    /// `RegistryError.refused` (nothing written) or `EventStoreError.conflict` (someone wrote in between; nothing
    /// written). A command whose `commandId` was already applied is skipped.
    @discardableResult
    public func perform(_ command: CaseCommand, in id: CaseID, on day: Day, recording: Recording) throws -> Performed {
        // A case act's key is the command's; a path act's key (a request that opens a case) stays with the path's records.
        var recording = recording
        recording.commandId = nil
        if let commandId = command.commandId, CommandIdentifier.problem(commandId) != nil {
            throw RegistryError.invalidCommandId(commandId)
        }
        if let commandId = command.commandId, let sequence = try appliedSequence(of: commandId) {
            // The same act again (a retry, a file run twice), or an opening act whose case was allocated anew: skip
            // it. The id reused for another existing case is a mistake to report, not a silent skip.
            let appliedIn = try caseOfRecord(sequence)
            let targetExists = try caseExists(id)
            if appliedIn == id || !targetExists {
                return .alreadyApplied(commandId: commandId, sequence: sequence)
            }
            throw RegistryError.commandIdReused(commandId: commandId, caseID: appliedIn ?? id)
        }
        let loaded = try currentState(of: id)
        // A new case's id becomes a stream name and a projection key: only the documented form opens one.
        if loaded.version == 0, !id.isWellFormed { throw RegistryError.malformedCaseID(id) }
        // The stamps are read before the facts: if they still hold when the act is written, no roster act and no
        // change of who sits in judgement (another case's cell, R17) came in between.
        let stamps = try factStamps()
        let context = try caseContext(
            for: id, on: day, under: stamps, members: Registry.membersRead(by: command, on: loaded.state))
        let book = try rulebook(for: loaded.state, of: id, on: day)
        try refuseFutureAct(on: day, recording, timeZone: book.timeZone)
        try requireRecorder(recording, case: (loaded.state, book), on: day)
        let events: [CaseEvent]
        let decision = CaseDecider.decide(loaded.state, command, context: context, rulebook: book, on: day)
        if crossCheckFacts {
            // Tests: the decision on the members the command reads must be the decision on the whole roster.
            let whole = try wholeRosterContext(for: id, on: day)
            guard CaseDecider.decide(loaded.state, command, context: whole, rulebook: book, on: day) == decision else {
                throw RegistryError.factsChanged(caseID: id)
            }
        }
        switch decision {
        case .success(let decided): events = decided
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        guard !events.isEmpty else { return .recorded([]) }
        // The texts are sealed now, after the decision and before hashing: the log, the projections and the cached
        // state only ever see the sealed events.
        let stream = Registry.stream(of: id)
        var sealedEvents: [CaseEvent] = []
        let newEvents = try events.enumerated().map { offset, event in
            let (payload, sealed) = try sealedPayload(
                stream: stream, version: loaded.version + UInt64(offset) + 1, type: event.typeName,
                encode: { try event.payloadJSON(sealer: $0) },
                decode: { try CaseEvent.decode(type: event.typeName, payload: $0) })
            sealedEvents.append(sealed)
            return envelope(
                type: event.typeName, schemaVersion: event.schemaVersion, on: day, payload: payload,
                recording: recording, correlation: Registry.commandGroup(id, firstVersion: loaded.version + 1),
                causation: command.commandId ?? "")
        }
        var after = loaded.state
        // The offsets of the events that change who sat in judgement (R17): they move `stamp/judged`.
        var judgesChangedAt: [Int] = []
        for (offset, event) in sealedEvents.enumerated() {
            let before = after
            after = CaseDecider.evolve(after, DatedEvent(on: day, event: event))
            if Projections.judgesChanged(from: before, to: after) { judgesChangedAt.append(offset) }
        }
        let finalState = after
        try willAppend?()
        let records = try store.append(
            to: Registry.stream(of: id), expected: .exactly(loaded.version), events: newEvents
        ) { projections, appended in
            guard try FactStamps(projections.reader) == stamps else { throw RegistryError.factsChanged(caseID: id) }
            try Projections.caseAppended(
                id, state: finalState, rulebook: book, last: appended, into: projections)
            if let key = Projections.commandKey(causation: command.commandId ?? ""), let last = appended.last {
                try projections.put(key, Array(String(last.sequence).utf8))
            }
            if !judgesChangedAt.isEmpty {
                var stamp = try projections.get(Registry.judgedStampKey).flatMap(JudgedStamp.init)
                for offset in judgesChangedAt where appended.indices.contains(offset) {
                    stamp = JudgedStamp(sequence: appended[offset].sequence, previous: stamp?.sequence ?? 0, caseID: id)
                }
                if let stamp { try projections.put(Registry.judgedStampKey, stamp.bytes) }
            }
        }
        // A dry run wrote nothing: the cache keeps the state the store holds.
        if store.dryRun { return .recorded(records) }
        // The state as a reader of the log folds it: the stored records decoded, not the events in hand, through the
        // one fold of a case's stream (CaseFold).
        var stored = loaded.fold
        for record in records {
            guard let event = try? CaseEvent.decode(type: record.type, payload: record.payload),
                let on = try? Registry.day(of: record)
            else {
                caseStateCache.forget(id)
                return .recorded(records)
            }
            stored.fold(
                CaseRecord(
                    sequence: record.sequence, group: Registry.commandGroup(of: record),
                    dated: DatedEvent(on: on, event: event)))
        }
        caseStateCache.remember(id, fold: stored, version: loaded.version + UInt64(records.count))
        return .recorded(records)
    }

    /// The case a record belongs to, when it is a case's.
    func caseOfRecord(_ sequence: UInt64) throws -> CaseID? {
        var cursor = store.records(from: sequence, batchSize: 1)
        guard let record = try cursor.next(), record.sequence == sequence, record.stream.hasPrefix("case/") else {
            return nil
        }
        return CaseID(String(record.stream.dropFirst("case/".count)))
    }

    /// A case's current state and version for a command: from the cache when the stream's version is still the
    /// cached one (a stream is append-only, so the same version means the same events), else folded from the log.
    func currentState(of id: CaseID) throws -> (state: CaseState, version: UInt64, fold: CaseFold) {
        let version = try store.version(of: Registry.stream(of: id))
        if let cached = caseStateCache.fold(of: id, at: version) { return (cached.state, version, cached) }
        let loaded = try loadCase(id)
        caseStateCache.remember(id, fold: loaded.fold, version: loaded.version)
        return (loaded.state, loaded.version, loaded.fold)
    }

    /// The sequence at which a command id was applied, if it was.
    public func appliedSequence(of commandId: String) throws -> UInt64? {
        guard let bytes = try store.readProjections({ try $0.get(Projections.commandKey(commandId)) }) else {
            return nil
        }
        return UInt64(String(decoding: bytes, as: UTF8.self))
    }

    /// The next free case id of a year: `2026-001`, `2026-002`…
    public func nextCaseID(year: Int) throws -> CaseID {
        let prefix = Projections.casePrefix + String(year) + "-"
        let used = try store.readProjections { try $0.entries(prefix: prefix) }
            .compactMap { Int($0.key.dropFirst(prefix.count)) }
        let next = (used.max() ?? 0) + 1
        let digits = String(next)
        return CaseID("\(year)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)
    }

    /// The index of every case kept by the inline projection.
    public func caseIndex() throws -> [CaseSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Projections.casePrefix).compactMap { entry in
                try? JSONDecoder().decode(CaseSummary.self, from: Data(entry.value))
            }
        }
    }

    /// The deadlines still to be met, per case that has any (the `due/` index: closed and settled cases are not read).
    public func dueIndex() throws -> [(id: CaseID, pending: [PendingDeadline])] {
        try store.readProjections { reader in
            try reader.entries(prefix: Projections.duePrefix).map { entry in
                (
                    CaseID(String(entry.key.dropFirst(Projections.duePrefix.count))),
                    try Projections.decode([PendingDeadline].self, entry)
                )
            }
        }
    }

    /// The deadlines that were still to be met on a past `day`, per case that had any then: each case folded from its
    /// acts dated up to that day (the `due/` index holds only what is due now).
    public func dueIndex(asOf day: Day) throws -> [(id: CaseID, pending: [PendingDeadline])] {
        try caseIndex().compactMap { summary in
            let loaded = try loadCase(summary.id, asOf: day)
            guard loaded.state.closed == nil, !loaded.events.isEmpty else { return nil }
            let pending = Projections.pendingDeadlines(loaded.state, rulebook: loaded.rulebook, asOf: day)
            return pending.isEmpty ? nil : (summary.id, pending)
        }
    }

    /// The roster facts a case decider needs, as of `day`: every member's standing, with the judgements they sat in
    /// other cases (R17).
    public func caseContext(for id: CaseID, on day: Day) throws -> CaseContext {
        try caseContext(for: id, on: day, under: try factStamps())
    }

    /// `members`: the members the command reads (``membersRead(by:on:)``), `nil` for every member. A fresh process
    /// (one command of the terminal) reads only those; a registry that already holds the whole roster's facts, still
    /// current, uses them, and does not work out which members the command reads.
    func caseContext(
        for id: CaseID, on day: Day, under stamps: FactStamps, members: @autoclosure () -> Set<MemberID>? = nil
    ) throws
        -> CaseContext
    {
        if crossCheckFacts || !rosterFactsCacheIsCurrent(under: stamps), let members = members(),
            let standings = try standings(of: members, on: day, for: id)
        {
            return CaseContext(caseID: id, members: standings)
        }
        if let facts = try rosterFacts(under: stamps) {
            // Judgements sat in this very case are not counted against its own cell (as below).
            return CaseContext(caseID: id, members: facts.standings(on: day, for: id))
        }
        return try wholeRosterContext(for: id, on: day)
    }

    /// Every member's standing read from the projections, without the cache.
    func wholeRosterContext(for id: CaseID, on day: Day) throws -> CaseContext {
        let records = try members()
        let judged = try judgementsSat()
        var standings: [MemberID: MemberStanding] = [:]
        for record in records {
            let sat = (judged[record.id] ?? []).filter { $0 != id }
            standings[record.id] = record.standing(on: day, judgementsSat: sat)
        }
        return CaseContext(caseID: id, members: standings)
    }

    /// Cases whose crisis cell each member sits or sat in (from the projection; R17 counts them).
    public func judgementsSat() throws -> [MemberID: [CaseID]] {
        try store.readProjections { reader in
            var out: [MemberID: [CaseID]] = [:]
            for entry in try reader.entries(prefix: Projections.seatPrefix) {
                // seat/<case>/<member>: case ids have no "/", member ids might.
                let rest = entry.key.dropFirst(Projections.seatPrefix.count)
                guard let slash = rest.firstIndex(of: "/") else { continue }
                out[MemberID(String(rest[rest.index(after: slash)...])), default: []].append(
                    CaseID(String(rest[..<slash])))
            }
            return out
        }
    }
}
