import Discipline
import Foundation
import GreffeTestSupport
@testable import Registry
import Testing

@testable import EventLog

/// Issue 14's « Bad input » for `correct` (the withdrawal's are in RectificationTests): a record of another case, a
/// record that does not exist, a record that is itself a correction, an empty reason: refused, nothing written.
@Suite struct RectificationBadInputTests {
    typealias Story = RectificationTests.Story

    func fix(_ s: Story, record: UInt64, reason: String = "témoin M0008", case id: CaseID? = nil) throws {
        try s.registry.correct(
            id ?? s.id, record: record, reason: reason, command: .addEvidence(Story.testimony(witness: "M0008")),
            on: d("2026-01-13"), recording: Story.rapporteur)
    }

    @Test func rectification_aCorrectionWithAnEmptyReasonOrOfAnUnknownRecordIsRefused() throws {
        let s = try Story()
        try s.expectRefused(.rectification, mentioning: "raison") { try fix(s, record: s.testimony, reason: " \n ") }
        let before = try s.head()
        #expect(throws: RegistryError.unknownRecord(9_999)) { try fix(s, record: 9_999) }
        #expect(throws: RegistryError.unknownCase("2026-077")) { try fix(s, record: s.testimony, case: "2026-077") }
        #expect(try s.head() == before)
    }

    @Test func rectification_aCorrectionOfACorrectionIsRefused() throws {
        let s = try Story()
        try fix(s, record: s.testimony)
        let correction = try s.sequence(of: "RecordCorrected")
        try s.expectRefused(.rectification) { try fix(s, record: correction) }
        // Nor may the correction be withdrawn: the original is corrected again only through a new correction's refusal.
        try s.expectRefused(.rectification) {
            try s.registry.withdraw(s.id, record: correction, reason: "erreur", recording: Story.rapporteur)
        }
    }

    @Test func rectification_aCorrectionOfAnotherCasesRecordIsRefused() throws {
        let f = try AuditFixture()
        let other = try #require(try f.registry.loadCase(CaseID("2026-002")).records.first?.sequence)
        let before = try f.store.head()
        do {
            try f.registry.correct(
                CaseID("2026-001"), record: other, reason: "erreur",
                command: .addEvidence(Story.testimony(witness: "M0008")), on: d("2026-01-13"),
                recording: AuditFixture.clerk)
            Issue.record("not refused")
        } catch RegistryError.refused(let refusal) {
            #expect(refusal.rule == .rectification && refusal.fr.contains("2026-002"), "\(refusal)")
        }
        #expect(try f.store.head() == before)
    }
}
