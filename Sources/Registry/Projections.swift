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
    /// The earliest open deadline, if any.
    public var nextDue: Day?
    public var nextDueRule: RuleID?
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
        let next = open.min { ($0.due ?? .init(dayNumber: .max / 2)) < ($1.due ?? .init(dayNumber: .max / 2)) }
        return CaseSummary(
            id: id, step: state.step, openedOn: state.openedOn, lastActOn: state.lastActOn, accused: state.accusedIDs,
            rapporteur: state.rapporteur?.rapporteur, version: version, nextDue: next?.due, nextDueRule: next?.rule)
    }

    /// Updates the case index and the judgements-sat index (R17) after an append to a case stream.
    static func caseAppended(
        _ id: CaseID, state: CaseState, rulebook: Rulebook, last: [EventRecord], into writer: ProjectionWriter
    ) throws {
        let version = last.last?.version ?? 0
        let summary = summary(id, state: state, rulebook: rulebook, version: version)
        try writer.put(casePrefix + id.rawValue, Array(try jsonEncoder.encode(summary)))
        // R17: the members who sat in judgement (a judgement, or a referral to the GA after the cell's votes).
        var sat = state.judgement?.value.cell ?? []
        if state.referral != nil { sat += state.cell }
        for member in Set(sat) { try writer.put(judgedPrefix + member.rawValue + "/" + id.rawValue, []) }
    }

    /// Updates the roster index after an append to a member stream.
    static func memberChanged(_ record: MemberRecord, into writer: ProjectionWriter) throws {
        try writer.put(rosterPrefix + record.id.rawValue, Array(try jsonEncoder.encode(record)))
    }
}
