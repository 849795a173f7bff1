/// A record of a case withdrawn: the case then reads as if the act those records hold had not been recorded.
///
/// Like a `git revert`, it names what it undoes and why, and is itself never edited: the original stays in the log.
public struct Withdrawal: Codable, Equatable, Sendable {
    /// The sequences of the withdrawn act's records (one act may have written several: a board meeting, a judgement).
    public var records: [UInt64]
    /// Why, in the recorder's words: a personal text, sealed under the case's key (a string in records written
    /// before sealing).
    public var reason: Sealed
    public init(records: [UInt64], reason: Sealed) {
        self.records = records
        self.reason = reason
    }
}

/// A record of a case corrected ("rectification d'erreur matérielle"): the act those records hold is read with the
/// corrected content, on the corrected day, where it stood.
public struct Correction: Codable, Equatable, Sendable {
    /// The sequences of the corrected act's records.
    public var records: [UInt64]
    /// Why, in the recorder's words: a personal text, sealed under the case's key (a string in records written
    /// before sealing).
    public var reason: Sealed
    /// The day the act happened, corrected or not (a field of its own: the envelope's day is the correction's).
    public var actDay: Day
    /// The act's events as decided again from the corrected command, in place of the records'.
    public var events: [CaseEvent]
    public init(records: [UInt64], reason: Sealed, actDay: Day, events: [CaseEvent]) {
        self.records = records
        self.reason = reason
        self.actDay = actDay
        self.events = events
    }
}

/// What became of a record of a case: withdrawn or corrected, by which record, why.
public struct Amendment: Equatable, Sendable {
    public enum Kind: String, Sendable { case withdrawn, corrected }
    public var kind: Kind
    /// The record that withdrew or corrected it.
    public var by: UInt64
    public var reason: Sealed
}

extension CaseEvent {
    /// A withdrawal or a correction: an event about other records, not a fact of the procedure.
    public var isAmendment: Bool {
        switch self {
        case .recordWithdrawn, .recordCorrected: true
        default: false
        }
    }
}
