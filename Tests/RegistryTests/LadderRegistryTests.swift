import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// A registry fixture with one shipped ladder rulebook adopted.
private func adopted(_ id: String, withRoster: Bool = true) throws -> (RegistryFixture, LadderRulebook) {
    let fixture = try RegistryFixture(withRoster: withRoster)
    guard let book = try ShippedRulebooks.ladder(id) else {
        Issue.record("no shipped rulebook \(id)")
        throw LadderError.unknownRulebook(id)
    }
    try fixture.registry.adopt(book, on: d("2026-01-02"), recording: fixture.clerk)
    return (fixture, book)
}

private func signed(_ role: String, _ member: MemberID) -> [Signature] { [Signature(role: role, member: member)] }

extension RegistryFixture {
    @discardableResult
    func ladder(
        _ day: String, _ command: LadderCommand, member: MemberID = "M0004", rulebook: String
    )
        throws -> Registry.LadderPerformed
    {
        try registry.performLadder(command, member: member, rulebook: rulebook, on: d(day), recording: clerk)
    }
}

@Test func shippedRulebooks_theFiveSeedCharters() throws {
    #expect(
        try ShippedRulebooks.ladders().map(\.id).sorted() == [
            "aalmi-5", "act-alliance", "cle-5.2", "collectivite", "coopol-4"
        ])
    #expect(try ShippedRulebooks.all().filter { $0.kind == .procedure }.map(\.id) == ["cle-autistes-ri"])
}

@Test func R29_theThirdRepeatFilesAComplaintThatOpensAnArticle56CaseLinkedToTheRecord() throws {
    let (f, _) = try adopted("cle-5.2")
    let board = signed("conseil", "M0001")
    try f.ladder("2026-01-05", .recordIncident(IncidentReport(facts: "Propos dénigrants")), rulebook: "cle-5.2")
    for day in ["2026-02-10", "2026-03-10", "2026-04-01"] {
        try f.ladder(day, .recordIncident(IncidentReport(facts: "Récidive du \(day)")), rulebook: "cle-5.2")
    }
    let done = try f.ladder(
        "2026-04-02", .takeMeasure(MeasureDecision(measure: "plainte", signatures: board)),
        rulebook: "cle-5.2")
    #expect(done.openedCase == "2026-001")
    #expect(done.records.map(\.type) == ["LadderMeasureTaken", "LadderEscalatedToCase"])

    let opened = try f.registry.loadCase("2026-001")
    #expect(opened.state.accusedIDs == ["M0004"])
    #expect(opened.state.complaint?.value.motives == ["conduct"])
    #expect(opened.state.complaint?.value.boardLearnedOn == d("2026-04-01"))
    let facts = try #require(opened.state.complaint?.value.facts)
    let reveal = try f.registry.reveal()
    #expect(reveal(facts).contains("ladder/cle-5.2/M0004"))
    // Copied into the case, the person's incidents are sealed under the case's key.
    #expect(facts.box?.at == "case/2026-001#1/ComplaintFiled/facts")
    let record = try f.registry.loadLadder("cle-5.2", member: "M0004")
    #expect(record.state.links == [EscalationLink(procedure: "cle-autistes-ri", caseID: "2026-001")])
    #expect(try f.registry.ladderAgenda(today: d("2026-04-02")).isEmpty)
    #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
}

@Test func ladder_refusalsLeaveTheStoreHeadUnchanged() throws {
    let (f, _) = try adopted("aalmi-5")
    try f.ladder("2026-01-05", .recordIncident(IncidentReport(facts: "Hors sujet")), rulebook: "aalmi-5")
    let before = try f.fingerprint()
    let projections = try f.registry.storedProjections()
    // An exclusion without a prior warning, then a warning without the President.
    #expect(throws: LadderError.self) {
        try f.ladder(
            "2026-01-06",
            .takeMeasure(
                MeasureDecision(
                    measure: "exclusion", signatures: signed("administrateurs", "M0001") + signed("president", "M0002"),
                    channel: .phone, reason: "r")), rulebook: "aalmi-5")
    }
    #expect(throws: LadderError.self) {
        try f.ladder(
            "2026-01-06",
            .takeMeasure(MeasureDecision(measure: "avertissement", signatures: signed("administrateurs", "M0001"))),
            rulebook: "aalmi-5")
    }
    #expect(try f.fingerprint() == before)
    #expect(try f.registry.storedProjections() == projections)
}

@Test func R29_aComplaintRefusedByArticle56WritesNeitherTheCaseNorTheMeasure() throws {
    let (f, _) = try adopted("cle-5.2")
    for day in ["2026-01-05", "2026-02-10", "2026-03-10", "2026-04-01"] {
        try f.ladder(day, .recordIncident(IncidentReport(facts: "Récidive")), rulebook: "cle-5.2")
    }
    let before = try f.fingerprint()
    // The person cannot sign the complaint against themself (R02: accused and complainant at once).
    #expect(throws: RegistryError.self) {
        try f.ladder(
            "2026-04-02", .takeMeasure(MeasureDecision(measure: "plainte", signatures: signed("conseil", "M0004"))),
            rulebook: "cle-5.2")
    }
    #expect(try f.fingerprint() == before)
    #expect(try f.registry.caseExists("2026-001") == false)
}

@Test func R34_aRecordOpenedUnderVersion1KeepsItsRulesAfterVersion2IsAdopted() throws {
    let (f, v1) = try adopted("coopol-4")
    let team = signed("coopilotes", "M0003")
    try f.ladder(
        "2026-03-01", .recordIncident(IncidentReport(facts: "Insultes")), member: "M0004", rulebook: "coopol-4")
    try f.ladder(
        "2026-03-02", .recordIncident(IncidentReport(facts: "Insultes")), member: "M0005", rulebook: "coopol-4")

    // Version 2: suspension only after two repeats.
    var v2 = v1
    v2.version = 2
    if let i = v2.measures.firstIndex(where: { $0.id == "suspension" }) {
        v2.measures[i].requires = [.init(repeats: 2)]
    }
    try f.registry.adopt(v2, on: d("2026-03-05"), recording: f.clerk)
    #expect(try f.registry.adoptedRulebooks().map(\.version) == [1, 2])

    try f.ladder("2026-03-10", .recordIncident(IncidentReport(facts: "Encore")), member: "M0004", rulebook: "coopol-4")
    try f.ladder("2026-03-10", .recordIncident(IncidentReport(facts: "Encore")), member: "M0006", rulebook: "coopol-4")
    try f.ladder("2026-03-11", .recordIncident(IncidentReport(facts: "Encore")), member: "M0006", rulebook: "coopol-4")
    let suspend = LadderCommand.takeMeasure(
        MeasureDecision(measure: "suspension", signatures: team, until: d("2026-04-11"), reason: "r"))
    // M0004's record opened under v1: one repeat is enough.
    try f.ladder("2026-03-12", suspend, member: "M0004", rulebook: "coopol-4")
    #expect(try f.registry.loadLadder("coopol-4", member: "M0004").state.opened?.version == 1)
    // M0006's record opened under v2: one repeat is not.
    #expect(throws: LadderError.self) { try f.ladder("2026-03-12", suspend, member: "M0006", rulebook: "coopol-4") }
    #expect(try f.registry.loadLadder("coopol-4", member: "M0006").rulebook.version == 2)

    // Adopting v2 again, or another organisation's rulebook, is refused.
    #expect(throws: LadderError.self) { try f.registry.adopt(v2, on: d("2026-03-13"), recording: f.clerk) }
    let other = try #require(try ShippedRulebooks.ladder("aalmi-5"))
    #expect(throws: LadderError.self) { try f.registry.adopt(other, on: d("2026-03-13"), recording: f.clerk) }
    #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
}

@Test func ladderAgenda_showsARemovalRequestAwaitingTheReferentAndASuspensionUntilItEnds() throws {
    let (f, _) = try adopted("coopol-4")
    let team = signed("coopilotes", "M0003")
    try f.ladder("2026-03-01", .recordIncident(IncidentReport(facts: "Insultes")), rulebook: "coopol-4")
    try f.ladder("2026-03-05", .recordIncident(IncidentReport(facts: "Insultes")), rulebook: "coopol-4")
    try f.ladder(
        "2026-03-06",
        .takeMeasure(
            MeasureDecision(
                measure: "suspension", signatures: team, until: d("2026-04-05"),
                reason: "manquements répétés")), rulebook: "coopol-4")
    let running = try f.registry.ladderAgenda(today: d("2026-04-05"))
    #expect(running.map(\.pending.kind) == [.measureEnds])
    #expect(running.first?.pending.due == d("2026-04-05"))
    #expect(try f.registry.ladderAgenda(today: d("2026-04-06")).isEmpty)

    let (g, _) = try adopted("collectivite")
    // The agent is an outside person of the register (rule person): created first, named by the id it was given.
    let agent = try g.registry.addOutsider(
        name: "Agent 12", contact: "agent12@mairie.exemple.org", note: nil,
        on: d("2026-06-01"), recording: g.clerk
    ).id
    #expect(agent == "X0001")
    try g.ladder(
        "2026-06-01", .recordIncident(IncidentReport(kind: "demande-retrait-image", channel: .email, facts: "Photo")),
        member: agent, rulebook: "collectivite")
    let waiting = try g.registry.ladderAgenda(today: d("2026-06-10"))
    #expect(waiting.map(\.pending.kind) == [.awaitingMeasure])
    #expect(waiting.first?.pending.since == d("2026-06-01"))
    #expect(waiting.first?.member == agent)
}

@Test func ladder_anActUnderARulebookNotAdoptedIsRefusedBeforeAnythingIsWritten() throws {
    let f = try RegistryFixture()
    let before = try f.fingerprint()
    #expect(throws: LadderError.notAdopted("cle-5.2")) {
        try f.ladder("2026-01-05", .recordIncident(IncidentReport(facts: "x")), rulebook: "cle-5.2")
    }
    #expect(throws: LadderError.noRulebook) { try f.registry.adoptedRulebookID(nil) }
    #expect(try f.fingerprint() == before)
}

@Test func R34_aNewRecordOpensUnderTheVersionInForceOnTheDayOfItsFirstAct() throws {
    let (f, v1) = try adopted("coopol-4")
    var v2 = v1
    v2.version = 2
    try f.registry.adopt(v2, on: d("2026-03-05"), recording: f.clerk)
    // Recorded after v2's adoption, but dated before it: the record opens under v1.
    try f.ladder(
        "2026-03-01", .recordIncident(IncidentReport(facts: "Insultes")), member: "M0004", rulebook: "coopol-4")
    try f.ladder(
        "2026-03-05", .recordIncident(IncidentReport(facts: "Insultes")), member: "M0005", rulebook: "coopol-4")
    #expect(try f.registry.loadLadder("coopol-4", member: "M0004").state.opened?.version == 1)
    #expect(try f.registry.loadLadder("coopol-4", member: "M0005").state.opened?.version == 2)
    // Before the first adoption, no version was in force: refused, nothing written.
    let before = try f.fingerprint()
    #expect(throws: LadderError.notInForce("coopol-4", on: d("2025-12-31"), adoptedOn: d("2026-01-02"))) {
        try f.ladder("2025-12-31", .recordIncident(IncidentReport(facts: "x")), member: "M0006", rulebook: "coopol-4")
    }
    #expect(try f.fingerprint() == before)
}

@Test func ladderAudit_reDecidesEveryActUnderItsVersionAndNamesAForgedOne() throws {
    let (f, _) = try adopted("aalmi-5")
    let both = signed("administrateurs", "M0001") + signed("president", "M0002")
    try f.ladder("2026-01-05", .recordIncident(IncidentReport(facts: "Hors sujet")), rulebook: "aalmi-5")
    try f.ladder(
        "2026-01-06", .takeMeasure(MeasureDecision(measure: "avertissement", signatures: both)), rulebook: "aalmi-5")
    #expect(try f.registry.auditLadders().isEmpty)

    // An exclusion appended behind the decider's back: no repeat after the warning, no reason, no notification.
    let stream = Registry.ladderStream(rulebook: "aalmi-5", member: "M0007")
    let forged: [LadderEvent] = [
        .opened(LadderOpened(rulebook: "aalmi-5", version: 1, member: "M0007")),
        .incidentRecorded(IncidentRecorded(kind: "non-respect", channel: nil, facts: "x", reportedBy: nil, number: 1)),
        .measureTaken(MeasureDecision(measure: "exclusion", signatures: both))
    ]
    try f.store.append(
        to: stream, expected: .noStream,
        events: try forged.map { event in
            NewEvent(
                type: event.typeName, schemaVersion: 1, occurredOn: "2026-02-01", recordedAt: 0, actor: "x",
                correlationId: stream, causationId: "", payload: try event.payloadJSON())
        })
    let audit = try f.registry.auditLadders()
    #expect(audit.map(\.stream) == [stream])
    let findings = audit.first?.findings ?? []
    #expect(findings.map(\.index) == [2])
    #expect(findings.first?.refusal?.article == "§5, 2-")
}

@Test func R29_runAgainAfterAConflictTheComplaintLinksTheCaseItAlreadyOpened() throws {
    let (f, _) = try adopted("cle-5.2")
    for day in ["2026-01-05", "2026-02-10", "2026-03-10", "2026-04-01"] {
        try f.ladder(day, .recordIncident(IncidentReport(facts: "Récidive")), rulebook: "cle-5.2")
    }
    // As if a first run filed the complaint, then lost the race on the ladder stream.
    try f.registry.perform(
        .fileComplaint(RegistryFixture.complaint, commandId: "ladder/cle-5.2/M0004#cle-autistes-ri#1"),
        in: "2026-001", on: d("2026-04-02"), recording: f.clerk)
    let done = try f.ladder(
        "2026-04-02", .takeMeasure(MeasureDecision(measure: "plainte", signatures: signed("conseil", "M0001"))),
        rulebook: "cle-5.2")
    #expect(done.openedCase == "2026-001")
    #expect(try f.registry.caseExists("2026-002") == false)
}
