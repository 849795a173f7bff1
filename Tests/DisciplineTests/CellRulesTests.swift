import Testing
@testable import Discipline

// R13–R18: forming the crisis cell, recusal, draw, end of instruction, judgement cap, cell meeting.

private func called() -> Scenario {
    var s = Fixture.throughSummary()
    s.act("2026-02-03", .callCell(CellCall(channel: .email)))
    return s
}

@Test func R13_cellMembersHaveDuesAndAreIndependent() {
    let s = called()
    for ineligible: MemberID in ["lapsed", "gone", "dan", "vera", "carl", "alice", "nobody"] {
        expect(given: s.events, when: .acceptVolunteer(MemberRef(member: ineligible)), on: d("2026-02-04"),
               then: refusal(.R13))
    }
    expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "m1")), on: d("2026-02-04"),
           then: [.volunteerAccepted(MemberRef(member: "m1"))])
    // A witness is not independent either.
    var witnessed = s
    witnessed.events.insert(DatedEvent(on: d("2026-01-15"), event: .evidenceAdded(
        Evidence(kind: .testimony, description: "témoignage", witness: "m6"))), at: 3)
    let reasons = witnessed.state.isEligibleForCell("m6", context: Fixture.context, on: d("2026-02-04"))
    #expect(reasons.map(\.rule) == [.R13])
    #expect(reasons.first?.en.contains("witness") == true)
}

@Test func R13_callingNamesEligibleMembersOnly() {
    let s = Fixture.throughSummary()
    expect(given: s.events, when: .callCell(CellCall(channel: .online, called: ["m1", "lapsed"])), on: d("2026-02-03"),
           then: refusal(.R13))
    // No call before the summary.
    var early = Scenario()
    early.act("2026-01-05", .fileComplaint(Fixture.complaint))
    early.act("2026-01-10", .holdBoardMeeting(Fixture.meeting))
    expect(given: early.events, when: .callCell(CellCall(channel: .online)), on: d("2026-01-11"), then: refusal(.R13))
}

@Test func R13_cellHasThreeMembers() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "m4")), on: d("2026-02-04"), then: refusal(.R13))
    expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "m1")), on: d("2026-02-04"), then: refusal(.R13))
}

@Test func R14_secondRecusalBySameParty() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    s.act("2026-02-05", .recuse(Recusal(by: "dan", member: "m1")))
    #expect(s.state.cell == ["m2", "m3"])
    #expect(s.state.recusalsUsed(by: "dan") == 1)
    expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "m1")), on: d("2026-02-06"), then: refusal(.R14))
    s.act("2026-02-06", .acceptVolunteer(MemberRef(member: "m4")))
    let refused = expect(given: s.events, when: .recuse(Recusal(by: "dan", member: "m2")), on: d("2026-02-07"),
                         then: refusal(.R14))
    #expect(refused?.fr.contains("une seule fois") == true)
    // The victim still has theirs.
    expect(given: s.events, when: .recuse(Recusal(by: "vera", member: "m2")), on: d("2026-02-07"),
           then: [.memberRecused(Recusal(by: "vera", member: "m2"))])
    // A revoked member cannot come back; a complainant cannot revoke.
    #expect(s.state.isEligibleForCell("m1", context: Fixture.context, on: d("2026-02-07")).map(\.rule) == [.R14])
    expect(given: s.events, when: .recuse(Recusal(by: "carl", member: "m2")), on: d("2026-02-07"), then: refusal(.R14))
}

@Test func R14_newCallWithinSevenDaysIsShown() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    s.act("2026-02-05", .recuse(Recusal(by: "vera", member: "m3")))
    let open = s.state.deadlines(asOf: d("2026-02-06"), rulebook: .cle).first { $0.rule == .R14 }
    #expect(open?.due == d("2026-02-12"))
    #expect(open?.status == .open(daysLeft: 6))
    var onTime = s
    onTime.act("2026-02-12", .callCell(CellCall(channel: .email, called: ["m4"])))
    #expect(onTime.state.deadlines(asOf: d("2026-02-12"), rulebook: .cle).first { $0.rule == .R14 }?.status
        == .met(on: d("2026-02-12"), marginDays: 0))
    s.act("2026-02-14", .acceptVolunteer(MemberRef(member: "m4")))
    #expect(s.state.deadlines(asOf: d("2026-02-14"), rulebook: .cle).first { $0.rule == .R14 }?.status
        == .missed(byDays: 2, doneOn: d("2026-02-14")))
}

@Test func R15_drawnMembersAnswerPresentOrTheDrawIsRedone() {
    var s = called()
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    let pool: [MemberID] = ["m2", "m3", "m4", "m5", "m6"]
    let announcement = CaseDrawAnnouncement(pool: pool, poolSHA256: Fixture.hash, entropySources: ["loto 2026-02-07"])
    let unsorted = CaseDrawAnnouncement(pool: ["m3", "m2"], poolSHA256: Fixture.hash, entropySources: ["loto"])
    expect(given: s.events, when: .announceDraw(unsorted), on: d("2026-02-05"), then: refusal(.R15))
    let stale = CaseDrawAnnouncement(pool: ["lapsed", "m2"], poolSHA256: Fixture.hash, entropySources: ["loto"])
    expect(given: s.events, when: .announceDraw(stale), on: d("2026-02-05"), then: refusal(.R15))
    expect(given: s.events, when: .performDraw(DrawResult(entropyValues: ["1"], key: "1", selection: ["m2"])),
           on: d("2026-02-05"), then: refusal(.R15))
    s.act("2026-02-05", .announceDraw(announcement))
    let outside = DrawResult(entropyValues: ["12 34"], key: "12 34/", selection: ["m1"])
    expect(given: s.events, when: .performDraw(outside), on: d("2026-02-07"), then: refusal(.R15))
    s.act("2026-02-07", .performDraw(DrawResult(entropyValues: ["12 34"], key: "12 34/", selection: ["m4", "m2"])))
    #expect(s.state.drawnPending == ["m4", "m2"])
    expect(given: s.events, when: .drawnMemberPresent(MemberRef(member: "m5")), on: d("2026-02-08"), then: refusal(.R15))
    s.act("2026-02-08", .drawnMemberPresent(MemberRef(member: "m4")))
    s.act("2026-02-08", .drawnMemberDeclined(MemberRef(member: "m2")))
    #expect(s.state.cell == ["m1", "m4"])
    #expect(s.state.redrawRequired)
    // Redo the draw.
    expect(given: s.events, when: .announceDraw(announcement), on: d("2026-02-09"), then: [.drawAnnounced(announcement)])
}

@Test func R16_summaryGoesToAFullCellAndEndsTheInstruction() {
    var s = called()
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m2")))
    expect(given: s.events, when: .sendSummaryToCell(Note()), on: d("2026-02-05"), then: refusal(.R16))
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m3")))
    expect(given: s.events, when: .sendSummaryToCell(Note()), on: d("2026-02-05"),
           then: [.summarySentToCell(SummarySent(cell: ["m1", "m2", "m3"], victims: ["vera"]))])
    s.act("2026-02-05", .sendSummaryToCell(Note()))
    #expect(s.state.instructionEndedOn == d("2026-02-05"))
    #expect(s.state.step == .awaitingCellMeeting)
    expect(given: s.events, when: .addEvidence(Evidence(kind: .other, description: "tardif")), on: d("2026-02-06"),
           then: refusal(.R16))
}

@Test func R17_fourthJudgementBySameMember() {
    let s = called()
    let refused = expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "veteran")), on: d("2026-02-04"),
                         then: refusal(.R17))
    #expect(refused?.fr.contains("limités à 3 interventions") == true)
    // A third judgement is still allowed.
    expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "twice")), on: d("2026-02-04"),
           then: [.volunteerAccepted(MemberRef(member: "twice"))])
}

@Test func R17_capCountingIsARulebookParameter() {
    let state = called().state
    var perYear = Rulebook.cle
    perYear.judgementCap.counting = .year
    // veteran judged in 2024 and 2025: under a per-year reading they may sit in 2026.
    #expect(state.isEligibleForCell("veteran", context: Fixture.context, on: d("2026-02-04"), rulebook: perYear).isEmpty)
    #expect(state.isEligibleForCell("veteran", context: Fixture.context, on: d("2026-02-04"), rulebook: .cle)
        .map(\.rule) == [.R17])
    var twoMax = Rulebook.cle
    twoMax.judgementCap.max = 2
    #expect(state.isEligibleForCell("twice", context: Fixture.context, on: d("2026-02-04"), rulebook: twoMax)
        .map(\.rule) == [.R17])
}

@Test func R18_cellMeetsWithinSevenDaysOfTheEndOfInstruction() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    expect(given: s.events, when: .holdCellMeeting(CellMeeting(attendees: ["m1"])), on: d("2026-02-05"),
           then: refusal(.R18))
    s.act("2026-02-05", .sendSummaryToCell(Note()))
    expect(given: s.events, when: .holdCellMeeting(CellMeeting(attendees: ["m1", "m9"])), on: d("2026-02-06"),
           then: refusal(.R18))
    #expect(s.state.deadlines(asOf: d("2026-02-06"), rulebook: .cle).first { $0.rule == .R18 }?.due == d("2026-02-12"))
    s.act("2026-02-13", .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])))
    #expect(s.state.breaches(asOf: d("2026-02-13"), rulebook: .cle).map(\.rule) == [.R18])
}

@Test func R15_drawnMemberMustStillBeEligible() {
    var s = called()
    // The pool is the whole year's list; eligibility is checked when a drawn member answers.
    let pool: [MemberID] = ["dan", "m4", "veteran"]
    s.act("2026-02-05", .announceDraw(CaseDrawAnnouncement(pool: pool, poolSHA256: Fixture.hash, entropySources: ["loto"])))
    s.act("2026-02-07", .performDraw(DrawResult(entropyValues: ["7"], key: "7/", selection: ["dan", "veteran", "m4"])))
    expect(given: s.events, when: .drawnMemberPresent(MemberRef(member: "dan")), on: d("2026-02-08"), then: refusal(.R13))
    expect(given: s.events, when: .drawnMemberPresent(MemberRef(member: "veteran")), on: d("2026-02-08"), then: refusal(.R17))
    expect(given: s.events, when: .drawnMemberPresent(MemberRef(member: "m4")), on: d("2026-02-08"),
           then: [.drawnMemberPresent(MemberRef(member: "m4"))])
}
