public import Discipline
import EventLog

/// One deadline of a case as an auditor reads it: due, done, margin.
public struct DeadlineAudit: Sendable {
    public enum State: String, Sendable {
        case met, missed, open, notStarted, expired
    }
    public var rule: RuleID
    public var labelFr: String
    public var labelEn: String
    public var from: Day?
    public var due: Day?
    public var done: Day?
    public var state: State
    /// Days to spare: positive when done (or still open) before the due day, 0 on the day, negative when late.
    public var marginDays: Int?
    /// Missed and owed by the association: to highlight.
    public var breach: Bool

    init(_ deadline: Deadline) {
        rule = deadline.rule
        labelFr = deadline.labelFr
        labelEn = deadline.labelEn
        from = deadline.from
        due = deadline.due
        breach = deadline.isBreach
        switch deadline.status {
        case let .met(on, margin): (state, done, marginDays) = (.met, on, margin)
        case let .missed(by, doneOn): (state, done, marginDays) = (.missed, doneOn, -by)
        case let .open(left): (state, done, marginDays) = (.open, nil, left)
        case .notStarted: (state, done, marginDays) = (.notStarted, nil, nil)
        case .expired: (state, done, marginDays) = (.expired, nil, nil)
        }
    }
}

/// Everything an auditor re-checks in one case: deadlines, votes with their arithmetic, draws with their inputs.
public struct CaseAudit: Sendable {
    public var id: CaseID
    public var step: CaseStep
    public var openedOn: Day?
    public var lastActOn: Day?
    /// The day open deadlines are counted from.
    public var asOf: Day
    /// The procedure rulebook version the case is evaluated under (R34).
    public var rulebook: RulebookRef
    public var records: Int
    public var deadlines: [DeadlineAudit]
    public var votes: [VoteAudit]
    public var draws: [DrawAudit]
    /// Cell members replaced by the rapporteur or the board (5.6.9), with the ground and reason recorded.
    public var cellReplacements: [Dated<CellReplacement>] = []
    /// Every withdrawal and correction of the case, in log order.
    public var rectifications: [RectificationAudit] = []
}

/// A withdrawal or a correction as an auditor reads it: which record, which act's records, why, who.
public struct RectificationAudit: Sendable {
    public var sequence: UInt64
    public var on: Day
    public var actor: String
    public var withdrawn: Bool
    public var records: [UInt64]
    /// Sealed in the log: revealed by whoever prints it.
    public var reason: Sealed
}

extension Registry {
    /// The audit of every case (or only `only`), from one replay of the whole log; open deadlines are counted as of
    /// `asOf`. Cases come in id order.
    public func caseAudits(only: CaseID? = nil, asOf: Day) throws -> [CaseAudit] {
        var replay = RegistryReplay(base: rulebook)
        var votes: [CaseID: [VoteAudit]] = [:]
        var draws: [CaseID: [DrawAudit]] = [:]
        var counts: [CaseID: Int] = [:]
        var rectifications: [CaseID: [RectificationAudit]] = [:]
        var cursor = store.records(from: 1)
        while let record = try cursor.next() {
            guard case let .caseEvent(id, before, dated) = try replay.fold(record), only == nil || only == id else {
                continue
            }
            counts[id, default: 0] += 1
            switch dated.event {
            case .recordWithdrawn(let w):
                rectifications[id, default: []].append(
                    RectificationAudit(
                        sequence: record.sequence, on: dated.on, actor: record.event.actor, withdrawn: true,
                        records: w.records, reason: w.reason))
            case .recordCorrected(let c):
                rectifications[id, default: []].append(
                    RectificationAudit(
                        sequence: record.sequence, on: dated.on, actor: record.event.actor, withdrawn: false,
                        records: c.records, reason: c.reason))
            default: break
            }
            if case .drawPerformed(let draw) = dated.event {
                draws[id, default: []].append(
                    DrawAudit(caseID: id, sequence: record.sequence, performedOn: dated.on, draw: draw, before: before))
            }
            let caseRulebook = try replay.rulebook(for: before, of: id)
            if let vote = VoteAudit(
                caseID: id, sequence: record.sequence, event: dated, before: before, rulebook: caseRulebook)
            {
                votes[id, default: []].append(vote)
            }
        }
        if let only, replay.cases[only] == nil { throw RegistryError.unknownCase(only) }
        return try replay.cases.keys.filter { only == nil || $0 == only }.sorted().compactMap { id in
            guard let state = replay.cases[id]?.state else { return nil }
            let caseRulebook = try replay.rulebook(for: state, of: id)
            return CaseAudit(
                id: id, step: state.step, openedOn: state.openedOn, lastActOn: state.lastActOn, asOf: asOf,
                rulebook: RulebookRef(caseRulebook), records: counts[id] ?? 0,
                deadlines: state.deadlines(asOf: asOf, rulebook: caseRulebook).map(DeadlineAudit.init),
                votes: votes[id] ?? [], draws: draws[id] ?? [], cellReplacements: state.cellReplacements,
                rectifications: rectifications[id] ?? [])
        }
    }
}
