import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// Article 2.2 (R37) through the registry: the roster act, effective on the day sent; an accused who resigns makes the
/// open case's 5.6.7 step due in the agenda until `accusedLeft` is recorded; refusals write nothing.
@Suite struct ResignationTests {
    @Test func R37_theAccusedResignsAndTheOpenCaseShows5_6_7Due() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        let done = try f.registry.resign(
            "M0004", via: "email", collectiveDecision: nil, on: d("2026-01-20"), recording: f.clerk)
        #expect(done.event == .resigned(member: "M0004", via: "email", collectiveDecision: nil))
        #expect(done.openCasesAsAccused == ["2026-001"])
        #expect(try f.registry.member("M0004")?.departedOn == d("2026-01-20"))
        let due = try f.registry.pathAgenda().filter { $0.subject == "case 2026-001" }
        #expect(due.count == 1)
        #expect(due.first?.rule == .R11)
        #expect(due.first?.due == d("2026-01-20"))
        // Before the resignation's day, the agenda as of then does not list it.
        #expect(try f.registry.pathAgenda(asOf: d("2026-01-19")).filter { $0.subject == "case 2026-001" }.isEmpty)
        // The board records 5.6.7's step: the item leaves the agenda.
        try f.act("2026-01-21", .recordAccusedLeft(Departure(member: "M0004", possibleOffence: false)))
        #expect(try f.registry.pathAgenda().filter { $0.subject == "case 2026-001" }.isEmpty)
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }

    @Test func R37_aSecondResignationOrAnUnknownMemberIsRefusedAndNothingIsWritten() throws {
        let f = try RegistryFixture()
        try f.registry.resign(
            "M0007", via: "unsubscribed", collectiveDecision: nil, on: d("2026-02-01"), recording: f.clerk)
        let head = try f.fingerprint()
        #expect(throws: RegistryError.self) {
            try f.registry.resign(
                "M0007", via: "email", collectiveDecision: nil, on: d("2026-02-02"), recording: f.clerk)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.resign(
                "M0008", via: "lettre", collectiveDecision: nil, on: d("2026-02-02"), recording: f.clerk)
        }
        #expect(throws: PathError.unknownMember("nobody")) {
            try f.registry.resign(
                "nobody", via: "email", collectiveDecision: nil, on: d("2026-02-02"), recording: f.clerk)
        }
        // A dry run writes nothing either.
        try f.registry.resign(
            "M0008", via: "email", collectiveDecision: nil, on: d("2026-02-02"), recording: f.clerk, dryRun: true)
        #expect(try f.fingerprint() == head)
    }
}
