import Discipline
import EventLog
import Foundation

/// The roster facts every case command reads (each member's record, the judgements each sat in), decoded once and
/// kept while they do not change.
///
/// Why: `caseContext` used to decode the whole roster projection and scan the whole judgement index on every command,
/// which made one act cost ~45 ms with 2,000 members and grow with the number of judged cases (docs/performance.md).
/// Validity, checked on every use so that another process's writes are seen:
/// - `stamp/roster` holds the sequence of the last roster record; when it moves, everything is read again;
/// - `stamp/judged` holds `SEQ PREVIOUS CASE`: the last record that changed who sat in judgement (R17), the one before
///   it, and its case. When it moved by exactly one such change since the cache was filled, only that case's cell is
///   read (its stream); otherwise everything is read again.
/// Both are written in the same transaction as the change, and a replay of the log recomputes them. A store without
/// `stamp/roster` (no roster act since) is read in full every time, as before.
final class RosterFactsCache {
    let rosterStamp: [UInt8]
    var judgedStamp: JudgedStamp?
    let records: [MemberRecord]
    var judged: [MemberID: [CaseID]]
    /// For each case, the members who sat in it (to leave it out of their own count in that case).
    var judgesOf: [CaseID: [MemberID]]
    /// Sorted day numbers where some member's standing may change (dues paid, a mandate starts or ends).
    let breakpoints: [Int]
    /// Standings per interval between breakpoints (the index of the interval).
    var standings: [Int: [MemberID: MemberStanding]] = [:]
    /// The last standings asked for as a case with judges sees them (see ``standings(on:for:)``).
    var lastCaseStandings: (interval: Int, caseID: CaseID, standings: [MemberID: MemberStanding])?

    init(rosterStamp: [UInt8], judgedStamp: JudgedStamp?, records: [MemberRecord], judged: [MemberID: [CaseID]]) {
        self.rosterStamp = rosterStamp
        self.judgedStamp = judgedStamp
        self.records = records
        self.judged = judged
        var judgesOf: [CaseID: [MemberID]] = [:]
        for (member, cases) in judged { for c in cases { judgesOf[c, default: []].append(member) } }
        self.judgesOf = judgesOf
        var days = Set<Int>()
        for r in records {
            for paid in r.duesPaidOn.values { days.insert(paid.dayNumber) }
            for m in r.mandates {
                days.insert(m.from.dayNumber)
                if let until = m.until { days.formUnion([until.dayNumber, until.dayNumber + 1]) }
            }
        }
        breakpoints = days.sorted()
    }

    /// Applies one more change of a case's seats: `judges` now sit (or sat) in `caseID`. A recusal removes a seat, so
    /// members no longer seated leave the case; the cache then says what a full read of the `seat/` index would.
    func update(caseID: CaseID, judges: Set<MemberID>, stamp: JudgedStamp) {
        // Dropped first: it may share storage with the standings changed below.
        lastCaseStandings = nil
        let before = Set(judgesOf[caseID] ?? [])
        let added = judges.subtracting(before)
        let removed = before.subtracting(judges)
        for m in added { judged[m, default: []].append(caseID) }
        for m in removed { judged[m]?.removeAll { $0 == caseID } }
        judgesOf[caseID] = Array(judges)
        let touched = added.union(removed)
        for key in Array(standings.keys) {
            for m in touched { standings[key]?[m]?.judgementsSat = judged[m] ?? [] }
        }
        judgedStamp = stamp
    }

    /// The standings on `day` as case `id` sees them: the judgements sat in that very case are not counted against
    /// its own cell. Leaving them out copies the whole dictionary (a quarter of an act's own work with 2,000 members),
    /// so the last such copy is kept: the acts of one case in a row share it until a change of seats.
    func standings(on day: Day, for id: CaseID) -> [MemberID: MemberStanding] {
        guard let judges = judgesOf[id], !judges.isEmpty else { return standings(on: day) }
        let index = interval(of: day)
        if let last = lastCaseStandings, last.interval == index, last.caseID == id { return last.standings }
        var adjusted = standings(on: day)
        for member in judges { adjusted[member]?.judgementsSat.removeAll { $0 == id } }
        lastCaseStandings = (index, id, adjusted)
        return adjusted
    }

    /// The index of the interval of days between breakpoints that holds `day`: the number of breakpoints at or
    /// before it.
    func interval(of day: Day) -> Int {
        let n = day.dayNumber
        var low = 0, high = breakpoints.count
        while low < high {
            let mid = (low + high) / 2
            if breakpoints[mid] <= n { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The standings on `day`, computed once per interval of days in which none of them can change.
    func standings(on day: Day) -> [MemberID: MemberStanding] {
        let low = interval(of: day)
        if let cached = standings[low] { return cached }
        var out: [MemberID: MemberStanding] = [:]
        out.reserveCapacity(records.count)
        for r in records { out[r.id] = r.standing(on: day, judgementsSat: judged[r.id] ?? []) }
        standings[low] = out
        return out
    }
}

/// The value of `stamp/judged`: `SEQ PREVIOUS CASE`.
struct JudgedStamp: Equatable {
    var sequence: UInt64
    var previous: UInt64
    var caseID: CaseID

    init(sequence: UInt64, previous: UInt64, caseID: CaseID) {
        self.sequence = sequence
        self.previous = previous
        self.caseID = caseID
    }

    init?(_ bytes: [UInt8]) {
        let parts = String(decoding: bytes, as: UTF8.self).split(separator: " ", maxSplits: 2)
        guard parts.count == 3, let s = UInt64(parts[0]), let p = UInt64(parts[1]) else { return nil }
        self.init(sequence: s, previous: p, caseID: CaseID(String(parts[2])))
    }

    var bytes: [UInt8] { Array("\(sequence) \(previous) \(caseID.rawValue)".utf8) }
}

extension Registry {
    static let rosterStampKey = "stamp/roster"
    static let judgedStampKey = "stamp/judged"

    /// The two stamps the roster facts are read under, as they stand now (`nil` values before any roster act).
    struct FactStamps: Equatable {
        var roster: [UInt8]?
        var judged: [UInt8]?

        init(_ reader: borrowing ProjectionReader) throws {
            roster = try reader.get(Registry.rosterStampKey)
            judged = try reader.get(Registry.judgedStampKey)
        }
    }

    /// The two stamps as they stand now, read before the facts a command decides on (and checked again in its write
    /// transaction).
    func factStamps() throws -> FactStamps { try store.readProjections { try FactStamps($0) } }

    /// The roster facts under `stamps` (read before them), from the cache when the stamps allow it (see
    /// ``RosterFactsCache``).
    func rosterFacts(under stamps: FactStamps) throws -> RosterFactsCache? {
        let (roster, judgedBytes) = (stamps.roster, stamps.judged)
        guard let roster else {
            rosterFactsCache = nil
            return nil
        }
        let judged = judgedBytes.flatMap(JudgedStamp.init)
        if let cache = rosterFactsCache, cache.rosterStamp == roster {
            if cache.judgedStamp == judged { return cache }
            if let judged, judged.previous == (cache.judgedStamp?.sequence ?? 0) {
                // Exactly one more judgement since: read that case's cell only (from the case-state cache when this
                // registry made the change).
                let state = try currentState(of: judged.caseID).state
                cache.update(caseID: judged.caseID, judges: Projections.judges(state), stamp: judged)
                return cache
            }
        }
        // A roster act alone (dues recorded, a member joining) leaves who sat in judgement as it was: the seats are
        // not read again (their number grows with the log; the roster's does not).
        let seats: [MemberID: [CaseID]]
        if let cache = rosterFactsCache, cache.judgedStamp == judged {
            seats = cache.judged
        } else {
            seats = try judgementsSat()
        }
        let cache = RosterFactsCache(rosterStamp: roster, judgedStamp: judged, records: try members(), judged: seats)
        rosterFactsCache = cache
        return cache
    }
}

extension Registry {
    /// The standings on `day` of `members` only, as case `id` sees them (its own seats not counted, as in
    /// ``RosterFactsCache/standings(on:for:)``): each member's roster record and their seats by member
    /// (`judged/<member>/`), a handful of reads instead of the whole roster and every seat. `nil` when the store's
    /// index by member may be incomplete (seats written before it, and no rebuild since): the caller reads everything.
    func standings(of members: Set<MemberID>, on day: Day, for id: CaseID) throws -> [MemberID: MemberStanding]? {
        try store.readProjections { reader in
            if try reader.get(Projections.judgedIndexKey) == nil, try reader.hasEntry(prefix: Projections.seatPrefix) {
                return nil
            }
            var out: [MemberID: MemberStanding] = [:]
            out.reserveCapacity(members.count)
            for member in members {
                let key = Projections.rosterPrefix + member.rawValue
                guard let bytes = try reader.get(key) else { continue }
                let record = try Projections.decode(MemberRecord.self, (key, bytes))
                let prefix = Projections.judgedPrefix(of: member)
                let sat = try reader.entries(prefix: prefix)
                    .map { CaseID(String($0.key.dropFirst(prefix.count))) }
                    .filter { $0 != id }
                out[member] = record.standing(on: day, judgementsSat: sat)
            }
            return out
        }
    }

    /// Whether the roster facts cache holds the facts under `stamps` as they are (no read needed).
    func rosterFactsCacheIsCurrent(under stamps: FactStamps) -> Bool {
        guard let cache = rosterFactsCache, let roster = stamps.roster else { return false }
        return cache.rosterStamp == roster && cache.judgedStamp == stamps.judged.flatMap(JudgedStamp.init)
    }

    /// The members whose standing deciding `command` on `state` may read, or `nil` when it may read every member's
    /// (forming the cell: a call, a draw, a seat, a recusal or a replacement reads the draw pool, that is the whole
    /// roster). Otherwise a decider reads only members the command or the case names (parties, attendees, the
    /// rapporteur, the cell, voters), so these are every member id found in them, the published draw aside (its
    /// pool names every member, and only the cell's own commands read it).
    static func membersRead(by command: CaseCommand, on state: CaseState) -> Set<MemberID>? {
        switch command {
        case .callCell, .acceptVolunteer, .recuse, .replaceCellMember, .recordExplicitDecision, .announceDraw,
            .performDraw, .drawnMemberPresent, .drawnMemberDeclined:
            return nil
        default:
            var found = Set<MemberID>()
            MemberIDScan.collect(command, into: &found)
            MemberIDScan.collect(state, into: &found, skipping: ["drawAnnouncement", "drawResult"])
            return found
        }
    }
}

/// Finds every ``MemberID`` held anywhere in a value, by reflection: the set of members a command and a case name,
/// whatever shape their payloads take (a new field holding a member is found without a change here).
enum MemberIDScan {
    static func collect(_ value: Any, into found: inout Set<MemberID>, skipping labels: Set<String> = []) {
        switch value {
        case let member as MemberID:
            found.insert(member)
            return
        case is String, is Sealed, is Data, is Day, is Int, is UInt64, is Bool, is Date:
            return
        default:
            break
        }
        for child in Mirror(reflecting: value).children {
            if let label = child.label, labels.contains(label) { continue }
            collect(child.value, into: &found, skipping: labels)
        }
    }
}
