import Discipline
import EventLog
import Foundation
@testable import Registry
import Testing

/// R17 across writers: the seats a command counts are read before it decides, and must still be the same when its
/// act is written.
@Suite struct ConcurrentFactsTests {
    /// Case `id` of the fixture's cast, instructed up to the call for the cell (m007, m008, m009).
    func instruct(_ f: RegistryFixture, _ registry: Registry, _ id: CaseID) throws {
        func act(_ day: String, _ command: CaseCommand) throws {
            try registry.perform(command, in: id, on: d(day), recording: f.clerk)
        }
        try act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        try act("2026-01-09", .holdBoardMeeting(BoardMeeting(attendees: ["m001", "m002", "m003"], rapporteur: "m002")))
        try act("2026-01-12", .completeFile(Note()))
        try act("2026-01-13", .hearVictim(VictimHearing(victim: "m005", needs: "-", demands: ["excuses"], origin: .victim)))
        try act("2026-01-14", .requestExplanation(ExplanationRequest(summary: "r", demands: ["excuses"])))
        try act("2026-01-20", .receiveAnswer(Answer(from: "m004", form: .written)))
        try act("2026-01-21", .writeSummary(Summary(demand: "excuses", defence: "-", proposedSanctions: ["warning"])))
        try act("2026-01-22", .callCell(CellCall(channel: .online, called: ["m007", "m008", "m009"])))
    }

    @Test func R17_aSeatTakenByAnotherWriterWhileAVolunteerIsDecidedMakesTheActConflictAndWritesNothing() throws {
        let f = try RegistryFixture()
        // One judgement per member, so that a second seat breaks R17.
        var capOne = Rulebook.cle
        capOne.judgementCap = Rulebook.JudgementCap(max: 1, counting: .life)
        let first = Registry(store: f.store, rulebook: capOne)
        let other = Registry(store: f.store, rulebook: capOne)
        try instruct(f, first, "2026-001")
        try instruct(f, first, "2026-002")

        // While `first` decides m007's seat in 2026-001 (allowed: no seat yet), `other` seats m007 in 2026-002.
        var before: LogHead?
        first.willAppend = {
            first.willAppend = nil
            try other.perform(.acceptVolunteer(MemberRef(member: "m007")), in: "2026-002", on: d("2026-01-23"), recording: f.clerk)
            before = try f.store.head()
        }
        #expect(throws: RegistryError.factsChanged(caseID: "2026-001")) {
            try first.perform(.acceptVolunteer(MemberRef(member: "m007")), in: "2026-001", on: d("2026-01-23"), recording: f.clerk)
        }
        #expect(try f.store.head() == before)
        #expect(try first.loadCase("2026-001").state.cell.isEmpty)

        // Decided again, the act sees the seat and is refused (R17).
        do {
            try first.perform(.acceptVolunteer(MemberRef(member: "m007")), in: "2026-001", on: d("2026-01-23"), recording: f.clerk)
            Issue.record("a second seat for m007 was accepted")
        } catch RegistryError.refused(let refusal) {
            #expect(refusal.rule == .R17)
        }
        #expect(try f.store.head() == before)
        // An act that another writer did not disturb goes through.
        try first.perform(.acceptVolunteer(MemberRef(member: "m008")), in: "2026-001", on: d("2026-01-23"), recording: f.clerk)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
    }
}
