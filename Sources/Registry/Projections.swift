import Discipline
import EventLog
import Foundation

/// One line of the case index kept inline with the log (`greffe cases`, the agenda).
public struct CaseSummary: Codable, Equatable, Sendable {
    public var id: CaseID
    public var step: CaseStep
    public var openedOn: Day?
    public var lastActOn: Day?
    public var accused: [MemberID]
    public var rapporteur: MemberID?
    /// The stream version this summary was computed at.
    public var version: UInt64
    /// The earliest pending deadline, if any.
    public var nextDue: Day?
    public var nextDueRule: RuleID?
    /// Every deadline still to be met, for the agenda (which thus reads no event).
    public var pending: [PendingDeadline]
}

/// A deadline still to be met, as the agenda lists it.
public struct PendingDeadline: Codable, Equatable, Sendable {
    public var rule: RuleID
    public var labelFr: String
    public var labelEn: String
    public var due: Day
    /// The association owes it (a miss is a breach); otherwise it is a party's window (an answer, an appeal) that
    /// simply closes.
    public var bindsAssociation: Bool
}

extension Deadline {
    /// Still to be done: open, or overdue and not done yet.
    public var isPending: Bool {
        switch status {
        case .open: return true
        case .missed(_, let doneOn): return doneOn == nil
        default: return false
        }
    }
}

/// The inline projections: keys and how an append changes them. They live in the `projections` database of the
/// store and are written in the same transaction as the events they derive from.
public enum Projections {
    static let casePrefix = "case/"
    static let judgedPrefix = "judged/"
    static let rosterPrefix = "roster/"
    static func commandKey(_ id: String) -> String { "command/" + id }

    public static let jsonEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static func summary(_ id: CaseID, state: CaseState, rulebook: Rulebook, version: UInt64) -> CaseSummary {
        let asOf = state.lastActOn ?? state.openedOn
        let open = asOf.map { day in
            state.deadlines(asOf: day, rulebook: rulebook).filter { $0.isPending && $0.due != nil }
        } ?? []
        let pending = open.compactMap { d in
            d.due.map {
                PendingDeadline(rule: d.rule, labelFr: d.labelFr, labelEn: d.labelEn, due: $0, bindsAssociation: d.bindsAssociation)
            }
        }.sorted { ($0.due, $0.rule.rawValue) < ($1.due, $1.rule.rawValue) }
        return CaseSummary(
            id: id, step: state.step, openedOn: state.openedOn, lastActOn: state.lastActOn, accused: state.accusedIDs,
            rapporteur: state.rapporteur?.rapporteur, version: version, nextDue: pending.first?.due,
            nextDueRule: pending.first?.rule, pending: pending)
    }

    /// Updates the case index and the judgements-sat index (R17) after an append to a case stream.
    static func caseAppended(
        _ id: CaseID, state: CaseState, rulebook: Rulebook, last: [EventRecord], into writer: ProjectionWriter
    ) throws {
        let version = last.last?.version ?? 0
        let summary = summary(id, state: state, rulebook: rulebook, version: version)
        try writer.put(casePrefix + id.rawValue, Array(try jsonEncoder.encode(summary)))
        for member in judges(state) { try writer.put(judgedPrefix + member.rawValue + "/" + id.rawValue, []) }
    }

    /// R17: the members who sat in judgement in this case (a judgement, or a referral to the GA after the cell's
    /// votes).
    static func judges(_ state: CaseState) -> Set<MemberID> {
        var sat = state.judgement?.value.cell ?? []
        if state.referral != nil { sat += state.cell }
        return Set(sat)
    }

    /// Updates the roster index after an append to a member stream.
    static func memberChanged(_ record: MemberRecord, into writer: ProjectionWriter) throws {
        try writer.put(rosterPrefix + record.id.rawValue, Array(try jsonEncoder.encode(record)))
    }
}

extension Registry {
    /// Every projection entry as stored in the store.
    public func storedProjections() throws -> [String: [UInt8]] {
        try store.readProjections { reader in
            Dictionary(uniqueKeysWithValues: try reader.entries(prefix: "").map { ($0.key, $0.value) })
        }
    }

    /// Every projection entry recomputed from the log alone, by replaying every record from the first.
    /// The stored projections must be exactly these (an invariant the tests and the audit check).
    public func projectionsFromLog() throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        try replayProjections { key, value in out[key] = value }
        return out
    }

    /// Replays the log from the first record and hands every projection entry to `emit` as soon as it is final:
    /// a command's entry at its record, a case's summary and judgement entries when the case closes (or at the end
    /// for cases still open), the roster at the end. A later call for the same key replaces the earlier value, and a
    /// `nil` value removes the key; applying the calls in order gives exactly ``projectionsFromLog()``.
    ///
    /// Memory is bounded by the open cases and the roster, not by the length of the log: a closed case's state is
    /// dropped once emitted (docs/performance.md). `emit` is called outside any transaction of the store, so it may
    /// write the entries to the store itself, in batches.
    public func replayProjections(_ emit: (String, [UInt8]?) throws -> Void) throws {
        var open: [CaseID: (state: CaseState, version: UInt64)] = [:]
        var closed = Set<CaseID>()
        var members: [MemberID: MemberRecord] = [:]
        // The last roster record (`stamp/roster`) and the chain of judgement changes (`stamp/judged`), see
        // RosterFactsCache.
        var rosterStamp: UInt64?
        var judgedStamp: JudgedStamp?
        func emitCase(_ id: CaseID, _ state: CaseState, _ version: UInt64) throws {
            let summary = Projections.summary(id, state: state, rulebook: rulebook, version: version)
            try emit(Projections.casePrefix + id.rawValue, Array(try Projections.jsonEncoder.encode(summary)))
            for member in Projections.judges(state) { try emit(Projections.judgedPrefix + member.rawValue + "/" + id.rawValue, []) }
        }
        func caseEvent(_ record: EventRecord) throws -> DatedEvent {
            do {
                return DatedEvent(on: try Registry.day(of: record),
                                  event: try CaseEvent.decode(type: record.type, payload: record.payload))
            } catch let error as RegistryError {
                throw error
            } catch {
                throw RegistryError.unreadableEvent(sequence: record.sequence, type: record.type, reason: "\(error)")
            }
        }
        var cursor = store.records(from: 1)
        while let record = try cursor.next() {
            if record.stream.hasPrefix("case/") {
                let id = CaseID(String(record.stream.dropFirst("case/".count)))
                let dated = try caseEvent(record)
                var previous = open[id]?.state ?? CaseDecider.initial
                if open[id] == nil, closed.contains(id) {
                    // An event after the case closed (the decider refuses them; only a raw import could write one):
                    // rebuild the case from its stream and withdraw what was emitted at its close.
                    closed.remove(id)
                    for earlier in try store.readStream(record.stream) where earlier.sequence < record.sequence {
                        previous = CaseDecider.evolve(previous, try caseEvent(earlier))
                    }
                    for member in Projections.judges(previous) {
                        try emit(Projections.judgedPrefix + member.rawValue + "/" + id.rawValue, nil)
                    }
                }
                let next = CaseDecider.evolve(previous, dated)
                if Projections.judges(next) != Projections.judges(previous) {
                    judgedStamp = JudgedStamp(sequence: record.sequence, previous: judgedStamp?.sequence ?? 0, caseID: id)
                }
                if !record.event.causationId.isEmpty {
                    try emit(Projections.commandKey(record.event.causationId), Array(String(record.sequence).utf8))
                }
                if next.closed != nil {
                    try emitCase(id, next, record.version)
                    open[id] = nil
                    closed.insert(id)
                } else {
                    open[id] = (next, record.version)
                }
            } else if record.stream.hasPrefix("member/") {
                let dated = try Registry.datedMemberEvent(record)
                let id = dated.event.member
                members[id] = MemberRecord.evolve(members[id], dated)
                rosterStamp = record.sequence
            }
        }
        for (id, entry) in open { try emitCase(id, entry.state, entry.version) }
        for (_, record) in members {
            try emit(Projections.rosterPrefix + record.id.rawValue, Array(try Projections.jsonEncoder.encode(record)))
        }
        if let rosterStamp { try emit(Registry.rosterStampKey, Array(String(rosterStamp).utf8)) }
        if let judgedStamp { try emit(Registry.judgedStampKey, judgedStamp.bytes) }
    }
}
