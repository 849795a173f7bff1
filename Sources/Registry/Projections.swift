public import Discipline
public import EventLog
public import Foundation

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
    /// `due/<case>`: the deadlines still to be met of an open case that has any (JSON `[PendingDeadline]`), so the
    /// agenda reads the cases with something due, not every case ever opened. A closed case accepts no act: nothing
    /// of it is due any more.
    static let duePrefix = "due/"

    /// What `due/<case>` holds for this summary, or nil when the case has nothing due.
    static func dueEntry(_ summary: CaseSummary, _ state: CaseState) throws -> [UInt8]? {
        guard state.closed == nil, !summary.pending.isEmpty else { return nil }
        return Array(try jsonEncoder.encode(summary.pending))
    }
    /// `seat/<case>/<member>`: who sits, or sat, in a case's crisis cell (R17).
    static let seatPrefix = "seat/"
    static func seatKey(_ caseID: CaseID, _ member: MemberID) -> String {
        seatPrefix + caseID.rawValue + "/" + member.rawValue
    }
    /// `judged/<member>/<case>`: the same seats by member, so that one member's judgements (R17) are read without
    /// walking every case's seats. The member id is escaped (`%` → `%25`, `/` → `%2F`): ids may hold a `/`.
    static let judgedPrefix = "judged/"
    static func judgedPrefix(of member: MemberID) -> String { judgedPrefix + escaped(member) + "/" }
    static func judgedKey(_ member: MemberID, _ caseID: CaseID) -> String { judgedPrefix(of: member) + caseID.rawValue }
    /// Present when `judged/` holds every seat of `seat/`: written by the replay (so by `greffe log reindex`) and by
    /// the first act that writes seats into a store that has none. A store whose seats came before the index has no
    /// marker: its acts read every seat, as before, until it is rebuilt.
    static let judgedIndexKey = "index/judged"

    static func escaped(_ member: MemberID) -> String {
        guard member.rawValue.contains(where: { $0 == "/" || $0 == "%" }) else { return member.rawValue }
        return member.rawValue.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }

    /// The projection entries of the seats of `caseID`: both indexes.
    static func seatEntries(_ caseID: CaseID, _ judges: Set<MemberID>) -> [String] {
        judges.flatMap { [seatKey(caseID, $0), judgedKey($0, caseID)] }
    }
    static let rosterPrefix = "roster/"
    /// A command id is an idempotency key across the store: scripts and retries may not know the case an opening
    /// act allocated.
    static func commandKey(_ id: String) -> String { "command/" + id }

    /// The command key of the records an act with causation id `causation` wrote: `nil` for an empty causation id
    /// (an act without a key). The registry writing an act and the replay of the log both ask this, so the stored
    /// index and the replay agree on every key.
    static func commandKey(causation: String) -> String? { causation.isEmpty ? nil : commandKey(causation) }

    public static let jsonEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static func summary(_ id: CaseID, state: CaseState, rulebook: Rulebook, version: UInt64) -> CaseSummary {
        let pending =
            (state.lastActOn ?? state.openedOn).map { pendingDeadlines(state, rulebook: rulebook, asOf: $0) } ?? []
        return CaseSummary(
            id: id, step: state.step, openedOn: state.openedOn, lastActOn: state.lastActOn, accused: state.accusedIDs,
            rapporteur: state.rapporteur?.rapporteur, version: version, nextDue: pending.first?.due,
            nextDueRule: pending.first?.rule, pending: pending)
    }

    /// The deadlines of `state` still to be met as of `day`, by due day.
    static func pendingDeadlines(_ state: CaseState, rulebook: Rulebook, asOf day: Day) -> [PendingDeadline] {
        state.deadlines(asOf: day, rulebook: rulebook).compactMap { d in
            guard d.isPending, let due = d.due else { return nil }
            return PendingDeadline(
                rule: d.rule, labelFr: d.labelFr, labelEn: d.labelEn, due: due, bindsAssociation: d.bindsAssociation)
        }.sorted { ($0.due, $0.rule.rawValue) < ($1.due, $1.rule.rawValue) }
    }

    /// Updates the case index and the judgements-sat index (R17) after an append to a case stream.
    static func caseAppended(
        _ id: CaseID, state: CaseState, rulebook: Rulebook, last: [EventRecord], into writer: borrowing ProjectionWriter
    ) throws {
        let version = last.last?.version ?? 0
        let summary = summary(id, state: state, rulebook: rulebook, version: version)
        try writer.put(casePrefix + id.rawValue, Array(try jsonEncoder.encode(summary)))
        if let due = try dueEntry(summary, state) {
            try writer.put(duePrefix + id.rawValue, due)
        } else {
            try writer.delete(duePrefix + id.rawValue)
        }
        // A recusal takes a member out of the cell: the case's seats are written anew each time.
        let judges = judges(state)
        let seats = try writer.reader.entries(prefix: seatPrefix + id.rawValue + "/")
        if seats.isEmpty && judges.isEmpty { return }
        if try writer.get(judgedIndexKey) == nil, seats.isEmpty, try !writer.reader.hasEntry(prefix: seatPrefix) {
            try writer.put(judgedIndexKey, Array("1".utf8))
        }
        for (key, _) in seats {
            let member = MemberID(String(key.dropFirst(seatPrefix.count + id.rawValue.count + 1)))
            try writer.delete(key)
            try writer.delete(judgedKey(member, id))
        }
        for key in seatEntries(id, judges) { try writer.put(key, []) }
    }

    /// R17: the members who sat in judgement in this case (a judgement, or a referral to the GA after the cell's
    /// votes).
    /// R17 « Les jugements par adhérents sont limités à 3 interventions »: a member counts a case from the moment
    /// they take a seat in its cell (a judgement, a referral, or a cell still deliberating), so that open seats in
    /// several cases cannot exceed the cap; a member revoked before the judgement leaves the count.
    static func judges(_ state: CaseState) -> Set<MemberID> {
        Set((state.judgement?.value.cell ?? []) + state.cell)
    }

    /// Whether an event changed who sits in judgement (it moves `stamp/judged`). The sets are built only when a cell
    /// list changed: most events seat nobody. The registry and the replay both decide it here, so the stamp a command
    /// writes is the one the replay recomputes.
    static func judgesChanged(from before: CaseState, to after: CaseState) -> Bool {
        guard before.cell != after.cell || before.judgement?.value.cell != after.judgement?.value.cell else {
            return false
        }
        return judges(before) != judges(after)
    }

    /// ``judgesChanged(from:to:)`` from the two cell lists of the state before (the replay keeps only these).
    static func judgesChanged(cell: [MemberID], judgementCell: [MemberID]?, to after: CaseState) -> Bool {
        guard cell != after.cell || judgementCell != after.judgement?.value.cell else { return false }
        return Set((judgementCell ?? []) + cell) != judges(after)
    }

    /// A stored projection value as `type`; an unreadable one is reported with its key.
    static func decode<T: Decodable>(_ type: T.Type, _ entry: (key: String, value: [UInt8])) throws -> T {
        do {
            return try PayloadDecoder.decode(type, from: Data(entry.value))
        } catch {
            throw RegistryError.unreadableEvent(
                sequence: 0, type: "projection \(entry.key)", reason: readingWords(error))
        }
    }

    /// Updates the roster index after an append to a member stream.
    static func memberChanged(_ record: MemberRecord, into writer: borrowing ProjectionWriter) throws {
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

    /// Rebuilds the stored projections from the log (after an upgrade that adds an index, or when `audit verify` finds
    /// them apart from the log): replays every record, then replaces every entry in one write transaction if no record
    /// came in meanwhile (else `EventStoreError.conflict`, nothing written). Returns the number of entries, how many
    /// of them were missing, stale or extra in the store, and the head they were computed at.
    @discardableResult
    public func rebuildProjections() throws -> (entries: Int, changed: Int, head: LogHead) {
        let head = try store.head()
        let entries = try projectionsFromLog()
        let stored = try storedProjections()
        let changed = Set(stored.keys).union(entries.keys).filter { stored[$0] != entries[$0] }.count
        try store.replaceProjections(computedAt: head, with: entries)
        rosterFactsCache = nil
        caseStateCache = CaseStateCache()
        return (entries.count, changed, head)
    }

    /// Hands every projection entry of a replay from the first record to `emit` (a `nil` value would remove a key),
    /// to rebuild the stored projections in batches. Entries that no later record changes (a closed case's, a
    /// command's) are handed out as the replay goes, so memory follows the open cases, not the log; a key may come
    /// more than once, the last value being the one to keep.
    public func replayProjections(_ emit: (String, [UInt8]?) throws -> Void) throws {
        var replay = RegistryReplay(compactingFrom: rulebook)
        var cursor = store.records(from: 1)
        while let record = try cursor.next() {
            try replay.absorb(record)
            if record.sequence % 4096 == 0 { try replay.drainEntries { try emit($0, $1) } }
        }
        try replay.drainEntries { try emit($0, $1) }
        for (key, value) in try replay.projections() { try emit(key, value) }
    }
}
