import Discipline
import EventLog
import Foundation
@testable import Registry
import GreffeTestSupport
import Testing

/// R17 across writers: the seats a command counts are read before it decides, and must still be the same when its
/// act is written.
@Suite struct ConcurrentFactsTests {
    @Test func R17_aSeatTakenByAnotherWriterWhileAVolunteerIsDecidedMakesTheActConflictAndWritesNothing() throws {
        let f = try RegistryFixture()
        // One judgement per member, so that a second seat breaks R17.
        var capOne = Rulebook.cle
        capOne.judgementCap = Rulebook.JudgementCap(max: 1, counting: .life)
        let first = Registry(store: f.store, rulebook: capOne)
        let other = Registry(store: f.store, rulebook: capOne)
        try f.instructUntilCellCall(in: "2026-001", through: first)
        try f.instructUntilCellCall(in: "2026-002", through: first)

        // While `first` decides M0007's seat in 2026-001 (allowed: no seat yet), `other` seats M0007 in 2026-002.
        var before: LogHead?
        first.willAppend = {
            first.willAppend = nil
            try other.perform(
                .acceptVolunteer(MemberRef(member: "M0007")), in: "2026-002", on: d("2026-01-23"), recording: f.clerk)
            before = try f.store.head()
        }
        #expect(throws: RegistryError.factsChanged(caseID: "2026-001")) {
            try first.perform(
                .acceptVolunteer(MemberRef(member: "M0007")), in: "2026-001", on: d("2026-01-23"), recording: f.clerk)
        }
        #expect(try f.store.head() == before)
        #expect(try first.loadCase("2026-001").state.cell.isEmpty)

        // Decided again, the act sees the seat and is refused (R17).
        do {
            try first.perform(
                .acceptVolunteer(MemberRef(member: "M0007")), in: "2026-001", on: d("2026-01-23"), recording: f.clerk)
            Issue.record("a second seat for M0007 was accepted")
        } catch RegistryError.refused(let refusal) {
            #expect(refusal.rule == .R17)
        }
        #expect(try f.store.head() == before)
        // An act that another writer did not disturb goes through.
        try first.perform(
            .acceptVolunteer(MemberRef(member: "M0008")), in: "2026-001", on: d("2026-01-23"), recording: f.clerk)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
    }
}
