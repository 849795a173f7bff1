import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// Article 3.2 (R31) through the registry: the request checked against the roster, its deadline in the agenda, the
/// Article 5.6 case its implementation opens; refusals write nothing; the replay rebuilds the index.
@Suite struct CrisisRequestTests {
    static let signatories: [MemberID] = ["M0004", "M0005", "M0007", "M0008", "M0009"]

    func fixture() throws -> RegistryFixture {
        let f = try RegistryFixture()
        try f.registry.record(.mandateHeld(member: "M0006", role: .moderator), on: d("2026-01-02"), recording: f.clerk)
        return f
    }

    @Test func R31_requestLodgedThenImplementedOpensTheCase() throws {
        let f = try fixture()
        let lodging = CrisisRequestLodging(
            target: "M0006", signatories: Self.signatories, motives: ["harm"], facts: "Bannissements")
        let lodged = try f.registry.lodgeCrisisRequest(lodging, id: nil, on: d("2026-03-02"), recording: f.clerk)
        #expect(lodged.id == "2026-D001")
        #expect(lodged.due == d("2026-03-09"))
        let agenda = try f.registry.pathAgenda()
        #expect(agenda.contains { $0.subject == "request 2026-D001" && $0.due == d("2026-03-09") && $0.rule == .R31 })
        let done = try f.registry.implementCrisisRequest(
            "2026-D001", channel: .email, on: d("2026-03-11"), recording: f.clerk)
        guard case .implemented(let i) = done.events.first else { Issue.record("not implemented"); return }
        #expect(i.daysLate == 2)
        let opened = try f.registry.loadCase(i.caseID)
        #expect(opened.state.complaint?.value.accused.map(\.id) == ["M0006"])
        #expect(opened.state.complaint?.value.complainants.map(\.id) == Self.signatories)
        #expect(try f.registry.pathAgenda().isEmpty)
        #expect(try f.registry.requestIndex().first?.caseID == i.caseID)
        // The replay gives the same index as the one kept inline.
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }

    @Test func R31_aSignatoryWithoutDuesIsRefusedAndNothingIsWritten() throws {
        let f = try fixture()
        let before = try f.fingerprint()
        let lodging = CrisisRequestLodging(
            target: "M0006", signatories: ["M0004", "M0005", "M0007", "M0008", "M0011"], motives: ["harm"], facts: "x")
        #expect(throws: RegistryError.self) {
            try f.registry.lodgeCrisisRequest(lodging, id: nil, on: d("2026-03-02"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == before)
    }

    @Test func R31_anUnknownSignatoryIsNotFound() throws {
        let f = try fixture()
        let before = try f.fingerprint()
        let lodging = CrisisRequestLodging(
            target: "M0006", signatories: ["M0004", "M0005", "M0007", "M0008", "nobody"], motives: ["harm"], facts: "x")
        #expect(throws: PathError.unknownMember("nobody")) {
            try f.registry.lodgeCrisisRequest(lodging, id: nil, on: d("2026-03-02"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == before)
    }
}
