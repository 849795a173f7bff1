public import Discipline
public import EventLog
import Foundation

/// The registry folded from the log, one record at a time: every case's state, every member, every applied command.
///
/// `projectionsFromLog()`, the audit's replay check and `greffe audit replay --until` all fold through this one
/// type, so the stored projections, the audit and the time travel agree on what a record means.
public struct RegistryReplay: Sendable {
    /// A case as folded so far.
    public struct FoldedCase: Sendable {
        /// The case's stream folded, withdrawals and corrections applied (`CaseFold`).
        public var fold = CaseFold()
        public var state: CaseState { fold.state }
        /// The stream version of the last event folded, an erasure of the texts aside (R35: it changes no projection
        /// entry, the case's summary included).
        public var version: UInt64
        /// The sequence of the last event folded.
        public var lastSequence: UInt64
    }

    /// What one record meant.
    public enum Folded: Sendable {
        /// A case event, with the case's state just before it (what the decider saw).
        case caseEvent(CaseID, before: CaseState, DatedEvent)
        case memberEvent(DatedMemberEvent)
        /// A general assembly scheduled (the `assembly` stream).
        case assemblyEvent(AssemblyEvent)
        /// A ladder record's event, or a rulebook adoption (the `ladder/…` and `registry` streams).
        case ladderRecord
        /// A mediation's or a revocation's event (the `mediation/…` and `revocation/…` streams).
        case pathRecord(PathFolded)
        /// An outside person's event (the `outsider/…` streams, rule `person`), or a record of a non-payment procedure
        /// (`dues/…`, R38) or of members convening a GA (`assembly-request/…`, R39).
        case outsiderRecord
        /// A stream this version of Greffe does not know; nothing is folded.
        case unknownStream
    }

    public private(set) var cases: [CaseID: FoldedCase] = [:]
    public private(set) var members: [MemberID: MemberRecord] = [:]
    /// Command key (`command/<id>`) → sequence of the last record it wrote.
    public private(set) var commands: [String: UInt64] = [:]
    /// The last sequence folded (0 before the first).
    public private(set) var lastSequence: UInt64 = 0
    /// Ladder records and ladder adoptions (Ladders/).
    var ladders = LadderReplay()
    /// Mediations and revocations (Paths/).
    var paths = PathsReplay()
    /// Outside people of the ladders (Outsiders/).
    var outsiders = OutsidersReplay()
    /// Non-payment procedures (2.3) and members' requests for a GA (3.2).
    var membershipPaths = MembershipPathsReplay()
    /// The procedure rulebooks adopted so far (R34): each case is folded into its summary under the version its
    /// complaint recorded.
    public private(set) var procedures: ProcedureRulebooks
    /// The last roster record and the chain of changes of who sits in a cell, as `stamp/roster` and `stamp/judged`
    /// (see RosterFactsCache).
    var rosterStamp: UInt64?
    var judgedStamp: JudgedStamp?

    /// When set, a case's state is dropped as soon as the case is closed, its projection entries kept instead: memory
    /// then follows the open cases, not the length of the log. Only for rebuilding projections; `cases` then lacks the
    /// closed cases.
    let compacting: Bool
    /// Projection entries of the closed cases whose state was dropped.
    var closedEntries: [String: [UInt8]] = [:]
    var closedCases: Set<CaseID> = []

    /// A fold from the first record, the store's procedure starting under `base` (`Registry.rulebook`).
    public init(base: Rulebook) {
        procedures = ProcedureRulebooks(base: base)
        compacting = false
    }

    /// A fold that drops closed cases' states (see `compacting`).
    init(compactingFrom base: Rulebook) {
        procedures = ProcedureRulebooks(base: base)
        compacting = true
    }

    /// The rulebook `state` is evaluated under: the version its complaint recorded (R34), else the latest adopted.
    public func rulebook(for state: CaseState, of id: CaseID) throws -> Rulebook {
        try Registry.rulebook(for: state, of: id, in: procedures)
    }

    /// Decodes `record` as its stream's event and folds it. Throws `RegistryError.unreadableEvent` (and folds
    /// nothing) when its day or payload cannot be read.
    @discardableResult
    public mutating func fold(_ record: EventRecord) throws -> Folded {
        // Most records are a case's: looked at first (no other stream's name starts with `case/`).
        if record.stream.hasPrefix("case/") {
            var before: CaseState? = CaseDecider.initial
            let (id, dated) = try foldCaseEvent(record, before: &before)
            return .caseEvent(id, before: before ?? CaseDecider.initial, dated)
        }
        return try foldOther(record)
    }

    /// Folds `record` as ``fold(_:)`` does, for a rebuild of the projections: a case event's state before it is not
    /// kept. Keeping it would share every array of the state with the copy, so that the fold copies whichever array
    /// the event appends to (copy on write), at every record of the case.
    mutating func absorb(_ record: EventRecord) throws {
        if record.stream.hasPrefix("case/") {
            var before: CaseState?
            _ = try foldCaseEvent(record, before: &before)
        } else {
            _ = try foldOther(record)
        }
    }

    /// Folds a record of any stream but a case's.
    private mutating func foldOther(_ record: EventRecord) throws -> Folded {
        if record.stream == Registry.registryStream {
            if let adoption = try Registry.adoption(in: record) {
                switch adoption.rulebook {
                case .ladder(let book): ladders.adopt(book)
                case .procedure(let book): procedures.adopt(book, on: adoption.on)
                }
            }
            lastSequence = record.sequence
            return .ladderRecord
        }
        if try ladders.apply(record) {
            lastSequence = record.sequence
            return .ladderRecord
        }
        if try membershipPaths.apply(record) {
            if let key = Projections.commandKey(causation: record.event.causationId) { commands[key] = record.sequence }
            lastSequence = record.sequence
            return .outsiderRecord
        }
        if try outsiders.apply(record) {
            if let key = Projections.commandKey(causation: record.event.causationId) { commands[key] = record.sequence }
            lastSequence = record.sequence
            return .outsiderRecord
        }
        if let folded = try paths.apply(record) {
            // A path act's idempotency key (`--id`): its last record, as the append kept it.
            if let key = Projections.commandKey(causation: record.event.causationId) { commands[key] = record.sequence }
            lastSequence = record.sequence
            return .pathRecord(PathFolded(folded))
        }
        let folded = try Self.read(record)
        lastSequence = record.sequence
        switch folded {
        case let .memberEvent(dated):
            members[dated.event.member] = MemberRecord.evolve(members[dated.event.member], dated)
            rosterStamp = record.sequence
            if let key = Projections.commandKey(causation: record.event.causationId) { commands[key] = record.sequence }
        case .caseEvent, .assemblyEvent, .ladderRecord, .pathRecord, .outsiderRecord, .unknownStream:
            break
        }
        return folded
    }

    /// A case event folded in place in its dictionary entry: no copy of the whole state per record. `before` is set
    /// to the case's state before the event when it is not nil on entry (the audit reads it; a rebuild does not).
    private mutating func foldCaseEvent(
        _ record: EventRecord, before: inout CaseState?
    ) throws -> (CaseID, DatedEvent) {
        let id = CaseID(String(record.stream.dropFirst("case/".count)))
        if compacting, closedCases.contains(id) {
            // The erasure of a closed case's texts (R35) changes none of its projection entries.
            if record.type == "CaseTextsErased" {
                let dated = DatedEvent(
                    on: try Registry.day(of: record),
                    event: try CaseEvent.decode(type: record.type, payload: record.payload))
                lastSequence = record.sequence
                return (id, dated)
            }
            // The decider refuses every act after closing; only a write behind its back produces one.
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type,
                reason: Words("un événement après la clôture de son dossier", "an event after its case was closed"))
        }
        let event: CaseEvent
        do {
            event = try CaseEvent.decode(type: record.type, payload: record.payload)
        } catch {
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type, reason: readingWords(error))
        }
        let dated = DatedEvent(on: try Registry.day(of: record), event: event)
        if case .complaintFiled(let facts) = event, procedures.resolve(facts.rulebook) == nil {
            // Only a write behind the decider's back names a version the store never adopted before it.
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type,
                reason: Words(
                    "la plainte relève du règlement \(facts.rulebook.map(\.description) ?? "?"), non adopté avant elle",
                    "the complaint names rulebook \(facts.rulebook.map(\.description) ?? "?"), not adopted before it"))
        }
        lastSequence = record.sequence
        var entry = cases.removeValue(forKey: id) ?? FoldedCase(version: 0, lastSequence: 0)
        if before != nil { before = entry.state }
        // Only the cell lists are kept to tell whether the judges changed: an event that changes them copies a few
        // ids, the other arrays of the state stay uniquely held and grow in place.
        let cellBefore = entry.state.cell
        let judgementCellBefore = entry.state.judgement?.value.cell
        entry.fold.fold(CaseRecord(sequence: record.sequence, group: Registry.commandGroup(of: record), dated: dated))
        // The erasure of the texts (R35) changes no projection entry: the summary keeps the last act's version.
        if case .caseTextsErased = dated.event {} else { entry.version = record.version }
        entry.lastSequence = record.sequence
        if Projections.judgesChanged(cell: cellBefore, judgementCell: judgementCellBefore, to: entry.state) {
            judgedStamp = JudgedStamp(sequence: record.sequence, previous: judgedStamp?.sequence ?? 0, caseID: id)
        }
        if compacting, entry.state.closed != nil {
            try Self.caseEntries(
                id, entry.state, record.version, rulebook: try rulebook(for: entry.state, of: id),
                into: &closedEntries)
            closedCases.insert(id)
        } else {
            cases[id] = entry
        }
        if let key = Projections.commandKey(causation: record.event.causationId) { commands[key] = record.sequence }
        return (id, dated)
    }

    /// A member's or the assembly's record read (case records are read by ``foldCaseEvent(_:before:)``).
    private static func read(_ record: EventRecord) throws -> Folded {
        if record.stream.hasPrefix("member/") { return .memberEvent(try Registry.datedMemberEvent(record)) }
        if record.stream == Registry.assemblyStream {
            do {
                _ = try Registry.day(of: record)
                return .assemblyEvent(try AssemblyEvent.decode(type: record.type, payload: record.payload))
            } catch let error as RegistryError {
                throw error
            } catch {
                throw RegistryError.unreadableEvent(
                    sequence: record.sequence, type: record.type, reason: readingWords(error))
            }
        }
        return .unknownStream
    }

    /// A case's projection entries: its summary and its seats (R17).
    static func caseEntries(
        _ id: CaseID, _ state: CaseState, _ version: UInt64, rulebook: Rulebook,
        into out: inout [String: [UInt8]]
    ) throws {
        let summary = Projections.summary(id, state: state, rulebook: rulebook, version: version)
        // Written by hand, byte for byte what `Projections.jsonEncoder` gives (acts write it with that encoder).
        out[Projections.casePrefix + id.rawValue] = try ProjectionJSON.summary(summary)
        if let due = try Projections.dueEntry(summary, state) { out[Projections.duePrefix + id.rawValue] = due }
        for key in Projections.seatEntries(id, Projections.judges(state)) { out[key] = [] }
    }

    /// Hands out, and forgets, the entries kept only to be returned at the end: the closed cases' (when compacting)
    /// and the commands seen so far. A command's entry handed out here may be handed out again later with a later
    /// sequence (its records ran on, or its id came back): consumers apply entries in order, the last one wins.
    /// Rebuilding projections calls it as it goes, so memory follows the open cases, not the length of the log.
    mutating func drainEntries(_ emit: (String, [UInt8]) throws -> Void) throws {
        for (key, value) in closedEntries { try emit(key, value) }
        closedEntries.removeAll(keepingCapacity: true)
        for (key, sequence) in commands { try emit(key, Array(String(sequence).utf8)) }
        commands.removeAll(keepingCapacity: true)
    }

    /// The inline projections these folded records give (what the store must hold after them; after
    /// ``drainEntries(_:)``, what it must hold beyond the entries drained).
    public func projections() throws -> [String: [UInt8]] {
        var out = closedEntries
        for (id, entry) in cases {
            try Self.caseEntries(
                id, entry.state, entry.version, rulebook: try rulebook(for: entry.state, of: id), into: &out)
        }
        for (_, record) in members {
            out[Projections.rosterPrefix + record.id.rawValue] = Array(try Projections.jsonEncoder.encode(record))
        }
        for (key, sequence) in commands { out[key] = Array(String(sequence).utf8) }
        out.merge(try ladders.projections()) { kept, _ in kept }
        out.merge(try paths.projections()) { kept, _ in kept }
        out.merge(try outsiders.projections()) { kept, _ in kept }
        out.merge(try membershipPaths.projections()) { kept, _ in kept }
        if let rosterStamp { out[Registry.rosterStampKey] = Array(String(rosterStamp).utf8) }
        if let judgedStamp {
            out[Registry.judgedStampKey] = judgedStamp.bytes
            // Seats were written: the index by member holds them all (see `Projections.judgedIndexKey`).
            out[Projections.judgedIndexKey] = Array("1".utf8)
        }
        return out
    }
}

extension Registry {
    /// The registry as it stood after record `sequence` (the whole log when `nil`).
    public func replay(until sequence: UInt64? = nil) throws -> RegistryReplay {
        var replay = RegistryReplay(base: rulebook)
        var cursor = store.records(from: 1)
        while let record = try cursor.next() {
            if let sequence, record.sequence > sequence { break }
            try replay.fold(record)
        }
        return replay
    }
}
