import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// The end of membership ends its mandates (R37), and the règlement's other paths take an idempotency key (`--id`)
/// like case acts: the key is the records' causation id, an act already applied under it is skipped, nothing written.
@Suite struct PathEndTests {
    @Test func R37_aResignationEndsTheMembersOpenMandatesOnItsEffectiveDay() throws {
        let f = try RegistryFixture()
        try f.registry.record(.mandateHeld(member: "M0002", role: .moderator), on: d("2026-01-03"), recording: f.clerk)
        let before = try #require(try f.registry.member("M0002"))
        #expect(before.mandates.filter { $0.until == nil }.map(\.role) == [.boardMember, .moderator])
        let done = try f.registry.resign(
            "M0002", via: "email", collectiveDecision: nil, on: d("2026-02-10"), recording: f.clerk)
        #expect(done.mandatesEnded == [.boardMember, .moderator])
        #expect(done.records.map(\.type) == ["MemberResigned", "MemberMandateEnded", "MemberMandateEnded"])
        let after = try #require(try f.registry.member("M0002"))
        #expect(after.mandates.allSatisfy { $0.until == d("2026-02-10") })
        #expect(after.mandates.allSatisfy { $0.isInForce(on: d("2026-02-09")) })
        #expect(!after.mandates.contains { $0.isInForce(on: d("2026-02-10")) })
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        // A member without a mandate resigns alone.
        let plain = try f.registry.resign(
            "M0007", via: "email", collectiveDecision: nil, on: d("2026-02-10"), recording: f.clerk)
        #expect(plain.records.map(\.type) == ["MemberResigned"])
    }

    @Test func aResignationDryRunNamesTheMandatesItWouldEndAndWritesNothing() throws {
        let f = try RegistryFixture()
        let head = try f.fingerprint()
        let done = try f.registry.resign(
            "M0001", via: "email", collectiveDecision: nil, on: d("2026-02-10"), recording: f.clerk,
            dryRun: true)
        #expect(done.mandatesEnded == [.boardMember])
        #expect(try f.fingerprint() == head)
    }

    @Test func pathActId_isTheCausationIdAndARetryIsSkippedWritingNothing() throws {
        let f = try RegistryFixture()
        var keyed = f.clerk
        keyed.commandId = "mediation-M0004-M0007"
        let open = MediationCommand.open(MediationOpening(parties: ["M0004", "M0007"], facts: "Désaccord"))
        let done = try f.registry.performMediation(open, id: nil, on: d("2026-03-02"), recording: keyed)
        #expect(done.records.allSatisfy { $0.event.causationId == "mediation-M0004-M0007" })
        let head = try f.fingerprint()
        #expect(throws: CommandAlreadyApplied.self) {
            try f.registry.performMediation(open, id: nil, on: d("2026-03-02"), recording: keyed)
        }
        // The same key on another path act: refused as already applied too.
        #expect(throws: CommandAlreadyApplied.self) {
            try f.registry.resign("M0008", via: "email", collectiveDecision: nil, on: d("2026-03-02"), recording: keyed)
        }
        #expect(try f.fingerprint() == head)
        #expect(try f.registry.appliedSequence(of: "mediation-M0004-M0007") == done.records.last?.sequence)
        // The replay finds the key where the append put it.
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
    }

    @Test func pathActId_aResignationAndItsEndedMandatesShareTheKey() throws {
        let f = try RegistryFixture()
        var keyed = f.clerk
        keyed.commandId = "resign-M0003"
        let done = try f.registry.resign(
            "M0003", via: "email", collectiveDecision: nil, on: d("2026-02-10"), recording: keyed)
        #expect(done.records.count == 2)
        #expect(done.records.allSatisfy { $0.event.causationId == "resign-M0003" })
        #expect(try f.registry.appliedSequence(of: "resign-M0003") == done.records.last?.sequence)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }

    @Test func pathActId_freeTextInTheKeyIsRefusedAndNothingIsWritten() throws {
        let f = try RegistryFixture()
        let head = try f.fingerprint()
        for bad in ["", "Mehdi Tazi a insulté", "clé\u{1B}", String(repeating: "k", count: 300)] {
            var keyed = f.clerk
            keyed.commandId = bad
            #expect(throws: RegistryError.invalidCommandId(bad)) {
                try f.registry.resign(
                    "M0008", via: "email", collectiveDecision: nil, on: d("2026-03-02"), recording: keyed)
            }
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func R38_anUnpaidMembersRadiationIsDueInTheAgendaAndRecordedByApplyDue() throws {
        let f = try RegistryFixture()
        // M0011 paid 2025 only; the first renewal notice for 2026 goes out on 10/01/2026.
        let notice = try f.registry.performNonPayment(
            .sendNotice(year: 2026), member: "M0011", on: d("2026-01-10"), recording: f.clerk)
        #expect(notice.records.map(\.type) == ["RenewalNoticeSent"])
        let item = try #require(try f.registry.pathAgenda().first { $0.rule == .R38 })
        #expect(item.due == d("2026-03-10"))
        #expect(item.subject == "dues M0011 2026")
        // Nothing is due before the day; apply-due then records one act, never a silent change.
        #expect(try f.registry.radiationsDue(on: d("2026-03-09")).isEmpty)
        let head = try f.fingerprint()
        #expect(
            try f.registry.applyDueRadiations(on: d("2026-03-10"), recording: f.clerk, dryRun: true).map(\.member) == [
                "M0011"
            ])
        #expect(try f.fingerprint() == head)
        let done = try f.registry.applyDueRadiations(on: d("2026-03-10"), recording: f.clerk)
        #expect(done.flatMap { $0.records.map(\.type) } == ["NonPaymentRadiated", "MemberRadiated"])
        #expect(try f.registry.member("M0011")?.radiatedOn == d("2026-03-10"))
        #expect(try f.registry.pathAgenda().filter { $0.rule == .R38 }.isEmpty)
        #expect(try f.registry.applyDueRadiations(on: d("2026-03-11"), recording: f.clerk).isEmpty)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }

    @Test func R38_duesPaidAfterTheNoticeLeaveNothingDue() throws {
        let f = try RegistryFixture()
        try f.registry.performNonPayment(
            .sendNotice(year: 2026), member: "M0011", on: d("2026-01-10"), recording: f.clerk)
        try f.registry.record(.duesPaid(member: "M0011", year: 2026), on: d("2026-02-01"), recording: f.clerk)
        #expect(try f.registry.radiationsDue(on: d("2026-03-10")).isEmpty)
        #expect(try f.registry.pathAgenda().filter { $0.rule == .R38 }.isEmpty)
        let head = try f.fingerprint()
        #expect(throws: RegistryError.self) {
            try f.registry.performNonPayment(.radiate, member: "M0011", on: d("2026-03-10"), recording: f.clerk)
        }
        #expect(throws: PathError.unknownMember("nobody")) {
            try f.registry.performNonPayment(
                .sendNotice(year: 2026), member: "nobody", on: d("2026-03-10"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func R39_aQuarterOfTheMembersRequestAGeneralAssemblyWhichTheAgendaShowsUntilScheduled() throws {
        let f = try RegistryFixture()
        // 10 members with 2026 dues on the day (M0011 paid 2025 on 02/01/2026: under a year too): 11 in the body, 3 needed.
        let head = try f.fingerprint()
        #expect(throws: RegistryError.self) {
            try f.registry.requestAssembly(
                signatories: ["M0004", "M0005"], motive: .distrust, on: d("2026-03-02"), recording: f.clerk)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.requestAssembly(
                signatories: ["M0004", "M0005", "M0005"], motive: .distrust, on: d("2026-03-02"), recording: f.clerk)
        }
        #expect(throws: PathError.unknownMember("nobody")) {
            try f.registry.requestAssembly(
                signatories: ["M0004", "M0005", "nobody"], motive: .distrust, on: d("2026-03-02"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
        let done = try f.registry.requestAssembly(
            signatories: ["M0004", "M0005", "M0006"], motive: .distrust, on: d("2026-03-02"),
            recording: f.clerk)
        #expect(done.id == "2026-A001")
        #expect(done.request.arithmetic == "3 × 4 = 12 ≥ 11 × 1 = 11 → un quart atteint")
        let item = try #require(try f.registry.pathAgenda().first { $0.rule == .R39 })
        #expect(item.due == d("2026-03-09"))
        try f.registry.scheduleAssembly(
            AssemblyScheduled(heldOn: d("2026-04-04"), place: nil), on: d("2026-03-05"), recording: f.clerk)
        #expect(try f.registry.pathAgenda().filter { $0.rule == .R39 }.isEmpty)
        #expect(try f.registry.pathAgenda(asOf: d("2026-03-04")).filter { $0.rule == .R39 }.count == 1)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }
}
