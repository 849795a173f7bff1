import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// The `due/` index the agenda reads, and rebuilding every index from the log.
@Suite struct ReindexTests {
    @Test func theDueIndexHoldsOnlyCasesWithSomethingDue() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        try f.act(
            "2026-01-05", .recordReport(ReportFacts(channel: .direct, concerning: ["M0004"], description: "malaise")),
            in: "2026-002")
        let due = try f.registry.dueIndex()
        #expect(due.map(\.id) == ["2026-001"], "a case with only a report has nothing due")
        #expect(due.first?.pending.first { $0.rule == .R04 }?.due == d("2026-01-12"))
        try f.act(
            "2026-01-09", .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0002")))
        #expect(try f.registry.dueIndex().first?.pending.contains { $0.rule == .R04 } == false)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
    }

    @Test func aStoreWhoseIndexesLagTheLogIsFoundByTheAuditAndRebuiltByReindex() throws {
        let f = try RegistryFixture()
        try f.instructUntilCellCall()
        // A store written by a version of Greffe without the `due/` index.
        try f.store.writeProjections { try $0.deleteAll(prefix: "due/") }
        #expect(try f.registry.dueIndex().isEmpty)
        let stale = try f.registry.audit()
        #expect(stale.checks.first { $0.check == .replay }?.failed == 1)
        let head = try f.store.head()

        // A rebuild computed before another write is refused, and writes nothing.
        #expect(throws: EventStoreError.conflict(stream: "log", expected: head.sequence - 1, actual: head.sequence)) {
            try f.store.replaceProjections(computedAt: LogHead(sequence: head.sequence - 1, hash: head.hash), with: [:])
        }
        #expect(try f.registry.dueIndex().isEmpty)

        let (entries, _, rebuiltAt) = try f.registry.rebuildProjections()
        #expect(rebuiltAt == head)
        #expect(try f.store.head() == head, "the log is not touched")
        #expect(entries == (try f.registry.storedProjections().count))
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        #expect(try f.registry.dueIndex().map(\.id) == ["2026-001"])
        #expect(try f.registry.audit().isValid)
    }
}
