import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// Who recorded what: every act names a member on the roster; a case act, a board member or the case's rapporteur.
@Suite struct RecorderTests {
    func recording(_ actor: String) -> Recording {
        Recording(actor: actor, recordedAt: Date(timeIntervalSince1970: 1_767_600_000), today: d("2026-12-31"))
    }

    @Test func recorder_anActNamingNobodyOrAStrangerOrAMemberWithoutASeatWritesNothing() throws {
        let f = try RegistryFixture()
        let before = try f.fingerprint()
        let complaint = CaseCommand.fileComplaint(RegistryFixture.complaint)
        #expect(throws: RegistryError.unknownRecorder("zz")) {
            try f.registry.perform(complaint, in: "2026-001", on: d("2026-01-05"), recording: recording("zz"))
        }
        for actor in ["", "  ", "M0004"] {
            do {
                try f.registry.perform(complaint, in: "2026-001", on: d("2026-01-05"), recording: recording(actor))
                Issue.record("recorded by \"\(actor)\"")
            } catch RegistryError.refused(let refusal) {
                #expect(refusal.rule == .recorder, "\(actor): \(refusal)")
            }
        }
        // Roster acts and assemblies name a member too.
        #expect(throws: RegistryError.unknownRecorder("zz")) {
            try f.registry.record(
                .duesPaid(member: "M0004", year: 2027), on: d("2026-01-06"), recording: recording("zz"))
        }
        #expect(try f.fingerprint() == before)
        // A board member records the complaint.
        try f.registry.perform(complaint, in: "2026-001", on: d("2026-01-05"), recording: recording("M0003"))
    }

    @Test func recorder_theRapporteurWithoutASeatRecordsTheInstruction() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        try f.act(
            "2026-01-09",
            .holdBoardMeeting(
                BoardMeeting(
                    attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0010",
                    delegationReason: "Conseil indisponible")))
        let evidence = CaseCommand.addEvidence(Evidence(kind: .testimony, description: "témoignage"))
        try f.registry.perform(evidence, in: "2026-001", on: d("2026-01-10"), recording: recording("M0010"))
        let before = try f.fingerprint()
        do {
            try f.registry.perform(evidence, in: "2026-001", on: d("2026-01-10"), recording: recording("M0009"))
            Issue.record("recorded by a member who is neither on the board nor the rapporteur")
        } catch RegistryError.refused(let refusal) {
            #expect(refusal.rule == .recorder)
        }
        #expect(try f.fingerprint() == before)
    }

    @Test func recorder_theFirstRosterImportOfAnEmptyStoreIsRecordedInTheNameGiven() throws {
        let f = try RegistryFixture(withRoster: false)
        try f.registry.importRoster(
            header: RegistryFixture.header, rows: RegistryFixture.rows, on: d("2026-01-02"),
            recording: recording("Alice Martin, présidente"))
        #expect(try f.store.readStream("member/M0001").first?.event.actor == "Alice Martin, présidente")
        // From then on the roster knows its members: a later import names one of them.
        let before = try f.fingerprint()
        #expect(throws: RegistryError.unknownRecorder("Alice Martin, présidente")) {
            try f.registry.importRoster(
                header: RegistryFixture.header,
                rows: RegistryFixture.rows + [["m012", "Jules", "jules@exemple.org", "2026", "non"]],
                on: d("2026-01-03"), recording: recording("Alice Martin, présidente"))
        }
        #expect(try f.fingerprint() == before)
    }
}
