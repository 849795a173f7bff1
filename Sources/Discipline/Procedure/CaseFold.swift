/// One record of a case's stream as the fold reads it: its place in the log, the act it belongs to, its event.
public struct CaseRecord: Equatable, Sendable {
    /// The record's sequence in the log.
    public var sequence: UInt64
    /// The command group: the records one command wrote share it (docs/storage-format.md).
    public var group: String
    public var dated: DatedEvent
    public init(sequence: UInt64, group: String, dated: DatedEvent) {
        self.sequence = sequence
        self.group = group
        self.dated = dated
    }
}

/// One act of a case as it now reads: the records it was written in, its day and its events (corrected when a
/// correction replaced them).
public struct RecordedAct: Equatable, Sendable {
    /// The sequences of the act's records, in order.
    public var sequences: [UInt64]
    public var on: Day
    public var events: [CaseEvent]
    /// The sequence that names the act (its first record).
    public var sequence: UInt64 { sequences.first ?? 0 }
}

/// The one fold of a case's stream, withdrawals and corrections applied: loading a case, the state a command is
/// decided on, the registry's replay and the audits all fold through it.
///
/// A plain event folds in place (it comes last, so nothing after it can change); a withdrawal or a correction folds
/// the case again from its first record, with the records it names left out or replaced where they stood.
public struct CaseFold: Sendable {
    public private(set) var records: [CaseRecord] = []
    public private(set) var state = CaseDecider.initial
    /// What became of each withdrawn or corrected record.
    public private(set) var amendments: [UInt64: Amendment] = [:]
    /// The corrections, by the sequence of the first record they correct.
    public private(set) var corrections: [UInt64: Correction] = [:]

    public init() {}

    public init(_ records: [CaseRecord]) {
        for record in records { fold(record) }
    }

    /// Folds the next record of the stream.
    public mutating func fold(_ record: CaseRecord) {
        records.append(record)
        switch record.dated.event {
        case .recordWithdrawn(let w):
            for s in w.records { amendments[s] = Amendment(kind: .withdrawn, by: record.sequence, reason: w.reason) }
            state = Self.state(of: acts())
        case .recordCorrected(let c):
            for s in c.records { amendments[s] = Amendment(kind: .corrected, by: record.sequence, reason: c.reason) }
            if let first = c.records.first { corrections[first] = c }
            state = Self.state(of: acts())
        default:
            if amendments[record.sequence] == nil { CaseDecider.evolve(&state, record.dated) }
        }
    }

    /// The acts as they now read, in the order they were recorded: withdrawn ones left out, corrected ones replaced
    /// by their correction; withdrawals and corrections themselves are not acts of the procedure. With `withdrawing`
    /// or `correcting`, as they would read after that withdrawal or correction too.
    public func acts(withdrawing: Set<UInt64> = [], correcting: Correction? = nil) -> [RecordedAct] {
        var out: [RecordedAct] = []
        var lastGroup: String?
        for record in records where !record.dated.event.isAmendment {
            let s = record.sequence
            if withdrawing.contains(s) { continue }
            if let correcting, correcting.records.contains(s) {
                if s == correcting.records.first {
                    out.append(
                        RecordedAct(sequences: correcting.records, on: correcting.actDay, events: correcting.events))
                }
                lastGroup = nil
                continue
            }
            switch amendments[s]?.kind {
            case .withdrawn?: continue
            case .corrected?:
                if let c = corrections[s] {
                    out.append(RecordedAct(sequences: c.records, on: c.actDay, events: c.events))
                }
                lastGroup = nil
                continue
            case nil: break
            }
            if let lastGroup, lastGroup == record.group, var last = out.popLast() {
                last.sequences.append(s)
                last.events.append(record.dated.event)
                out.append(last)
            } else {
                out.append(RecordedAct(sequences: [s], on: record.dated.on, events: [record.dated.event]))
            }
            lastGroup = record.group
        }
        return out
    }

    /// The sequences of the act record `sequence` belongs to (the records its command wrote), in order.
    public func group(of sequence: UInt64) -> [UInt64] {
        guard let group = records.first(where: { $0.sequence == sequence })?.group else { return [] }
        return records.filter { $0.group == group }.map(\.sequence)
    }

    /// The state these acts give.
    public static func state(of acts: [RecordedAct]) -> CaseState {
        var state = CaseDecider.initial
        for act in acts {
            for event in act.events { CaseDecider.evolve(&state, DatedEvent(on: act.on, event: event)) }
        }
        return state
    }
}
