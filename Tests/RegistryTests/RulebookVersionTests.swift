import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// The CLE rulebook with the board meeting due 10 days after the complaint instead of 7: an amended règlement
/// (Article 9) adopted as version 2.
private func cleVersion2() -> Rulebook {
    var book = Rulebook.cle
    book.version = 2
    book.title = "CLE Autistes — règlement intérieur modifié (v2)"
    book.deadlines.boardMeeting = Rulebook.DeadlineRule(Rulebook.Period(10, .days), from: .complaintFiled)
    return book
}

private func boardMeetingDue(_ f: RegistryFixture, _ id: CaseID, asOf: String) throws -> Day? {
    let loaded = try f.registry.loadCase(id)
    return loaded.state.deadlines(asOf: d(asOf), rulebook: loaded.rulebook).first { $0.rule == .R04 }?.due
}

@Test func shippedProcedureRulebook_isTheSameTextAsRulebookCle() throws {
    let shipped = try ShippedRulebooks.named(Rulebook.cle.id)
    if shipped != .procedure(.cle) {
        let expected = FileManager.default.temporaryDirectory.appendingPathComponent("cle-autistes-ri.expected.json")
        try RulebookDocument.procedure(.cle).jsonData().write(to: expected)
        Issue.record(
            "Sources/Registry/Rulebooks/cle-autistes-ri.json differs from Rulebook.cle; its file form is in \(expected.path)"
        )
    }
    // The shipped file is byte for byte the file form, so its digest is what an adoption of it records.
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Registry/Rulebooks/cle-autistes-ri.json")
    #expect(try Data(contentsOf: url) == RulebookDocument.procedure(.cle).jsonData() + Data("\n".utf8))
}

@Test func R34_aCaseOpenedUnderVersion1KeepsItsDeadlinesAfterVersion2IsAdopted() throws {
    let f = try RegistryFixture.veteran()
    try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
    #expect(
        try f.registry.loadCase("2026-001").state.complaint?.value.rulebook
            == RulebookRef(id: "cle-autistes-ri", version: 1))
    #expect(try boardMeetingDue(f, "2026-001", asOf: "2026-01-06") == d("2026-01-12"))

    try f.carryAmendment(cleVersion2(), on: "2026-01-07")
    try f.registry.adopt(.procedure(cleVersion2()), on: d("2026-01-07"), recording: f.clerk)

    // The case opened under v1 keeps v1: its R04 deadline, its summary in the case index, its audit.
    #expect(try f.registry.loadCase("2026-001").rulebook.version == 1)
    #expect(try boardMeetingDue(f, "2026-001", asOf: "2026-01-08") == d("2026-01-12"))
    try f.act("2026-01-08", .addEvidence(Evidence(kind: .testimony, description: "témoignage", witness: "M0007")))
    #expect(
        try f.registry.caseIndex().first { $0.id == "2026-001" }?.pending.first { $0.rule == .R04 }?.due
            == d("2026-01-12"))

    // A complaint filed on or after the adoption runs under v2: 10 days.
    try f.act("2026-01-08", .fileComplaint(RegistryFixture.complaint), in: "2026-002")
    #expect(try f.registry.loadCase("2026-002").rulebook.version == 2)
    #expect(try boardMeetingDue(f, "2026-002", asOf: "2026-01-09") == d("2026-01-18"))
    #expect(
        try f.registry.caseIndex().first { $0.id == "2026-002" }?.pending.first { $0.rule == .R04 }?.due
            == d("2026-01-18"))

    // A complaint dated before the adoption's day (recorded late) still runs under v1.
    try f.act("2026-01-06", .fileComplaint(RegistryFixture.complaint), in: "2026-003")
    #expect(try f.registry.loadCase("2026-003").rulebook.version == 1)

    // The audit evaluates each case under its own version, and the replay rebuilds the same projections.
    let audits = try f.registry.caseAudits(asOf: d("2026-01-20"))
    #expect(audits.map(\.rulebook.version) == [1, 2, 1])
    #expect(audits[0].deadlines.first { $0.rule == .R04 }?.due == d("2026-01-12"))
    #expect(audits[1].deadlines.first { $0.rule == .R04 }?.due == d("2026-01-18"))
    #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
    let report = try f.registry.audit()
    #expect(report.isValid)
    #expect(report.rulebook.contains("cle-autistes-ri v2"))
}

@Test func R34_anAdoptionThatWouldRewriteHistoryIsRefusedAndWritesNothing() throws {
    let f = try RegistryFixture.veteran()
    try f.carryAmendment(cleVersion2(), on: "2026-01-10")
    var v3 = cleVersion2()
    v3.version = 3
    try f.carryAmendment(v3, on: "2026-01-12")
    try f.registry.adopt(.procedure(cleVersion2()), on: d("2026-02-01"), recording: f.clerk)
    let head = try f.fingerprint()

    // The shipped text under its own number, changed: a changed text is a new version.
    var changedV1 = Rulebook.cle
    changedV1.cellSize = 5
    #expect(throws: LadderError.self) {
        try f.registry.adopt(.procedure(changedV1), on: d("2026-02-02"), recording: f.clerk)
    }
    // Version 2 again, or an older version.
    #expect(throws: LadderError.self) {
        try f.registry.adopt(.procedure(cleVersion2()), on: d("2026-02-02"), recording: f.clerk)
    }
    // A version 3 dated before version 2's adoption.
    #expect(throws: LadderError.self) { try f.registry.adopt(.procedure(v3), on: d("2026-01-15"), recording: f.clerk) }
    // Another organisation's procedure in the same store.
    var other = cleVersion2()
    other.id = "autre-association"
    other.version = 3
    #expect(throws: LadderError.self) {
        try f.registry.adopt(.procedure(other), on: d("2026-02-02"), recording: f.clerk)
    }
    // A rulebook whose numbers make no sense.
    var broken = v3
    broken.cellSize = 0
    #expect(
        throws: LadderError.invalidRulebook(
            InvalidRulebookFile(faults: [
                RulebookFault(
                    path: "$.cellSize", fr: "la cellule compte de 1 à 1000 membres",
                    en: "cellSize must be between 1 and 1000")
            ]))
    ) { try f.registry.adopt(.procedure(broken), on: d("2026-02-02"), recording: f.clerk) }
    #expect(try f.fingerprint() == head)

    // v3 on its day is accepted.
    try f.registry.adopt(.procedure(v3), on: d("2026-02-02"), recording: f.clerk)
    #expect(try f.registry.procedureRulebooks().adopted.map(\.rulebook.version) == [2, 3])
}

@Test func R34_aComplaintNamingAVersionNotInForceIsRefused() throws {
    let f = try RegistryFixture()
    var complaint = RegistryFixture.complaint
    complaint.rulebook = RulebookRef(id: "cle-autistes-ri", version: 2)
    let head = try f.fingerprint()
    #expect(throws: RegistryError.self) { try f.act("2026-01-05", .fileComplaint(complaint)) }
    #expect(try f.fingerprint() == head)
    complaint.rulebook = RulebookRef(Rulebook.cle)
    try f.act("2026-01-05", .fileComplaint(complaint))
}

@Test func R34_aComplaintWrittenBehindTheDecidersBackUnderAnUnknownVersionIsFoundByTheAudit() throws {
    let f = try RegistryFixture()
    var complaint = RegistryFixture.complaint
    complaint.rulebook = RulebookRef(id: "cle-autistes-ri", version: 7)
    let event = CaseEvent.complaintFiled(complaint)
    let payload = try event.payloadJSON()
    try f.store.append(
        to: "case/2026-001", expected: .exactly(0),
        events: [
            NewEvent(
                type: "ComplaintFiled", schemaVersion: UInt32(event.schemaVersion), occurredOn: "2026-01-05",
                recordedAt: 0, actor: "import", correlationId: "2026-001", causationId: "", payload: payload)
        ])
    #expect(throws: RegistryError.unknownRulebook(RulebookRef(id: "cle-autistes-ri", version: 7), caseID: "2026-001")) {
        try f.registry.loadCase("2026-001")
    }
    let report = try f.registry.audit()
    #expect(!report.isValid)
    #expect(report.checks.first { $0.check == .payloads }?.failed == 1)
}
