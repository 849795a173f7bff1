import Discipline
import EventLog
import Foundation

/// The roster facts every case command reads (each member's record, the judgements each sat in), decoded once and
/// kept while they do not change.
///
/// Why: `caseContext` used to decode the whole roster projection and scan the whole judgement index on every command,
/// which made one act cost ~45 ms with 2,000 members and grow with the number of judged cases (docs/performance.md).
/// Validity: every write that changes these facts (a roster act; a case append that changes who sat in judgement)
/// also writes the projection `stamp/roster` — the sequence of that record — in the same transaction, and a replay
/// of the log recomputes it. A command reads that one key and reuses the cache when it is unchanged, so another
/// process's writes are seen. A store without the key (never changed since) is read in full every time, as before.
final class RosterFactsCache {
    let stamp: [UInt8]
    let records: [MemberRecord]
    let judged: [MemberID: [CaseID]]
    /// For each case, the members who sat in it (to leave it out of their own count in that case).
    let judgesOf: [CaseID: [MemberID]]
    /// Sorted day numbers where some member's standing may change (dues paid, a mandate starts or ends).
    let breakpoints: [Int]
    /// Standings per interval between breakpoints (the index of the interval).
    var standings: [Int: [MemberID: MemberStanding]] = [:]

    init(stamp: [UInt8], records: [MemberRecord], judged: [MemberID: [CaseID]]) {
        self.stamp = stamp
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

    /// The standings on `day`, computed once per interval of days in which none of them can change.
    func standings(on day: Day) -> [MemberID: MemberStanding] {
        // The number of breakpoints at or before the day.
        let n = day.dayNumber
        var low = 0, high = breakpoints.count
        while low < high {
            let mid = (low + high) / 2
            if breakpoints[mid] <= n { low = mid + 1 } else { high = mid }
        }
        if let cached = standings[low] { return cached }
        var out: [MemberID: MemberStanding] = [:]
        out.reserveCapacity(records.count)
        for r in records { out[r.id] = r.standing(on: day, judgementsSat: judged[r.id] ?? []) }
        standings[low] = out
        return out
    }
}

extension Registry {
    static let rosterStampKey = "stamp/roster"

    /// The roster facts, from the cache when `stamp/roster` has not moved since they were read.
    func rosterFacts() throws -> RosterFactsCache? {
        guard let stamp = try store.readProjections({ try $0.get(Registry.rosterStampKey) }) else {
            rosterFactsCache = nil
            return nil
        }
        if let cache = rosterFactsCache, cache.stamp == stamp { return cache }
        let cache = RosterFactsCache(stamp: stamp, records: try members(), judged: try judgementsSat())
        rosterFactsCache = cache
        return cache
    }
}
