import GreffeTestSupport
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
        expect(
            given: s.events, when: .acceptVolunteer(MemberRef(member: ineligible)), on: d("2026-02-04"),
            then: refusal(.R13))
    }
    expect(
        given: s.events, when: .acceptVolunteer(MemberRef(member: "m1")), on: d("2026-02-04"),
        then: [.volunteerAccepted(MemberRef(member: "m1"))])
    // A witness is not independent either.
    var witnessed = s
    witnessed.events.insert(
        DatedEvent(
            on: d("2026-01-15"),
            event: .evidenceAdded(
                Evidence(kind: .testimony, description: "témoignage", witness: "m6"))), at: 3)
    let reasons = witnessed.state.isEligibleForCell("m6", context: Fixture.context, on: d("2026-02-04"))
    #expect(reasons.map(\.rule) == [.R13])
    #expect(reasons.first?.en.contains("witness") == true)
}

@Test func R13_callingNamesEligibleMembersOnly() {
    let s = Fixture.throughSummary()
    expect(
        given: s.events, when: .callCell(CellCall(channel: .online, called: ["m1", "lapsed"])), on: d("2026-02-03"),
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
    let refused = expect(
        given: s.events, when: .recuse(Recusal(by: "dan", member: "m2")), on: d("2026-02-07"),
        then: refusal(.R14))
    #expect(refused?.fr.contains("une seule fois") == true)
    // The victim still has theirs.
    expect(
        given: s.events, when: .recuse(Recusal(by: "vera", member: "m2")), on: d("2026-02-07"),
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
    #expect(
        onTime.state.deadlines(asOf: d("2026-02-12"), rulebook: .cle).first { $0.rule == .R14 }?.status
            == .met(on: d("2026-02-12"), marginDays: 0))
    s.act("2026-02-14", .acceptVolunteer(MemberRef(member: "m4")))
    #expect(
        s.state.deadlines(asOf: d("2026-02-14"), rulebook: .cle).first { $0.rule == .R14 }?.status
            == .missed(byDays: 2, doneOn: d("2026-02-14")))
}

/// A draw announcement for the seats left, over every member eligible on `day`, with one public source known later.
private func announcement(_ s: Scenario, on day: String, pool override: [MemberID]? = nil) -> DrawAnnouncement? {
    let state = s.state
    let members = override ?? state.cellPool(context: s.context, on: d(day), rulebook: .cle)
    guard let pool = try? DrawPool(members: members) else { return nil }
    let sources = [EntropySource(description: "Loto du 2026-02-07, numéros", valuesKnownOn: d("2026-02-07"))]
    return DrawAnnouncement(pool: members, poolDigest: pool.digest, sources: sources, seatsLeft: 3 - state.cell.count)
}

@Test func R15_thePoolIsEveryEligibleMemberInCanonicalOrderAnnouncedBeforeTheEntropy() throws {
    let s = called()
    let good = try #require(announcement(s, on: "2026-02-05"))
    #expect(good.pool == ["bob", "bruno", "chloe", "m1", "m2", "m3", "m4", "m5", "m6", "twice"])
    expect(given: s.events, when: .announceDraw(good), on: d("2026-02-05"), then: [.drawAnnounced(good)])
    // Leaving an eligible member out, or putting an ineligible one in (R13 no dues, R17 at the cap), is refused.
    let partial = try #require(announcement(s, on: "2026-02-05", pool: good.pool.filter { $0 != "m5" }))
    expect(given: s.events, when: .announceDraw(partial), on: d("2026-02-05"), then: refusal(.R15))
    for outsider: MemberID in ["lapsed", "veteran", "dan"] {
        let padded = try #require(announcement(s, on: "2026-02-05", pool: good.pool + [outsider]))
        expect(given: s.events, when: .announceDraw(padded), on: d("2026-02-05"), then: refusal(.R15))
    }
    let reordered = DrawAnnouncement(
        pool: good.pool.reversed(), poolDigest: good.poolDigest, sources: good.sources,
        seatsLeft: 3)
    expect(given: s.events, when: .announceDraw(reordered), on: d("2026-02-05"), then: refusal(.R15))
    let badDigest = DrawAnnouncement(
        pool: good.pool, poolDigest: String(repeating: "0", count: 64), sources: good.sources,
        seatsLeft: 3)
    expect(given: s.events, when: .announceDraw(badDigest), on: d("2026-02-05"), then: refusal(.R15))
    let wrongSeats = DrawAnnouncement(pool: good.pool, poolDigest: good.poolDigest, sources: good.sources, seatsLeft: 2)
    expect(given: s.events, when: .announceDraw(wrongSeats), on: d("2026-02-05"), then: refusal(.R15))
    // A source whose values are already public on the day of the announcement could be chosen after the fact.
    expect(given: s.events, when: .announceDraw(good), on: d("2026-02-07"), then: refusal(.R15))
    // Performing needs an announcement first.
    let draw = try CellDraw.perform(good, values: [["3", "11", "17", "25", "38", "42"]])
    expect(given: s.events, when: .performDraw(draw), on: d("2026-02-07"), then: refusal(.R15))
}

@Test func R17_aMemberAtTheJudgementCapIsNeverInTheDrawPool() {
    let s = called()
    let pool = s.state.cellPool(context: s.context, on: d("2026-02-05"), rulebook: .cle)
    #expect(!pool.contains("veteran"))
    #expect(pool.contains("twice"))
}

@Test func R15_theDrawMustRecomputeAndItsValuesMustBePublic() throws {
    var s = called()
    let a = try #require(announcement(s, on: "2026-02-05"))
    s.act("2026-02-05", .announceDraw(a))
    let draw = try CellDraw.perform(a, values: [["3", "11", "17", "25", "38", "42"]])
    // Before the source's values are known, a draw cannot have used them.
    expect(given: s.events, when: .performDraw(draw), on: d("2026-02-06"), then: refusal(.R15))
    // A record whose order was edited does not re-compute.
    var order = draw.order
    order.swapAt(0, 1)
    let edited = CellDraw(
        poolDigest: draw.poolDigest, poolSize: draw.poolSize, entropy: draw.entropy,
        keyString: draw.keyString, order: order, publiclyVerifiable: true)
    expect(given: s.events, when: .performDraw(edited), on: d("2026-02-07"), then: refusal(.R15))
    expect(given: s.events, when: .performDraw(draw), on: d("2026-02-07"), then: [.drawPerformed(draw)])
}

@Test func R15_drawnMembersAnswerAndReplacementsFollowTheRecordedOrder() throws {
    var s = called()
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    let a = try #require(announcement(s, on: "2026-02-05"))
    #expect(a.seatsLeft == 2)
    s.act("2026-02-05", .announceDraw(a))
    let draw = try CellDraw.perform(a, values: [["3", "11", "17", "25", "38", "42"]])
    s.act("2026-02-07", .performDraw(draw))
    let order = draw.members(in: a.pool)
    #expect(s.state.drawnPending == Array(order.prefix(2)))
    // Someone not summoned cannot answer.
    expect(
        given: s.events, when: .drawnMemberPresent(MemberRef(member: order[4])), on: d("2026-02-08"),
        then: refusal(.R15))
    s.act("2026-02-08", .drawnMemberPresent(MemberRef(member: order[0])))
    s.act("2026-02-08", .drawnMemberDeclined(DrawDecline(member: order[1])))
    // The next member of the recorded order is summoned: no new randomness.
    #expect(s.state.drawnPending == [order[2]])
    // …and no new draw may be announced while the order still names someone.
    expect(given: s.events, when: .announceDraw(a), on: d("2026-02-09"), then: refusal(.R15))
    s.act("2026-02-09", .drawnMemberPresent(MemberRef(member: order[2])))
    #expect(s.state.cell == ["m1", order[0], order[2]])
    #expect(s.state.drawnPending.isEmpty)
    // A party revokes a drawn member (R14): the next available one in the order is summoned.
    s.act("2026-02-10", .recuse(Recusal(by: "dan", member: order[0])))
    #expect(s.state.drawnPending == [order[3]])
}

@Test func R15_whenTheRecordedOrderIsExhaustedANewDrawIsAnnounced() throws {
    var s = called()
    let a = try #require(announcement(s, on: "2026-02-05"))
    s.act("2026-02-05", .announceDraw(a))
    let draw = try CellDraw.perform(a, values: [["7"]])
    s.act("2026-02-07", .performDraw(draw))
    // Everyone declines, in order, until fewer members remain than seats.
    while let next = s.state.drawnPending.first {
        s.act("2026-02-08", .drawnMemberDeclined(DrawDecline(member: next)))
    }
    #expect(s.state.redrawRequired)
    #expect(s.state.drawDeclined.count == draw.order.count - 2)
    // The decliners stay eligible, so the new pool is the same list; the new draw starts a new order.
    let again = try #require(announcement(s, on: "2026-02-09"))
    let sources = [EntropySource(description: "Loto du 2026-02-11", valuesKnownOn: d("2026-02-11"))]
    let renewed = DrawAnnouncement(pool: again.pool, poolDigest: again.poolDigest, sources: sources, seatsLeft: 3)
    expect(given: s.events, when: .announceDraw(renewed), on: d("2026-02-09"), then: [.drawAnnounced(renewed)])
}

@Test func R16_summaryGoesToAFullCellAndEndsTheInstruction() {
    var s = called()
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m2")))
    expect(given: s.events, when: .sendSummaryToCell(Note()), on: d("2026-02-05"), then: refusal(.R16))
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m3")))
    expect(
        given: s.events, when: .sendSummaryToCell(Note()), on: d("2026-02-05"),
        then: [.summarySentToCell(SummarySent(cell: ["m1", "m2", "m3"], victims: ["vera"]))])
    s.act("2026-02-05", .sendSummaryToCell(Note()))
    #expect(s.state.instructionEndedOn == d("2026-02-05"))
    #expect(s.state.step == .awaitingCellMeeting)
    expect(
        given: s.events, when: .addEvidence(Evidence(kind: .other, description: "tardif")), on: d("2026-02-06"),
        then: refusal(.R16))
}

@Test func R17_fourthJudgementBySameMember() {
    let s = called()
    let refused = expect(
        given: s.events, when: .acceptVolunteer(MemberRef(member: "veteran")), on: d("2026-02-04"),
        then: refusal(.R17))
    #expect(refused?.fr.contains("limités à 3 interventions") == true)
    // A third judgement is still allowed.
    expect(
        given: s.events, when: .acceptVolunteer(MemberRef(member: "twice")), on: d("2026-02-04"),
        then: [.volunteerAccepted(MemberRef(member: "twice"))])
}

@Test func R17_capCountingIsARulebookParameter() {
    let state = called().state
    var perYear = Rulebook.cle
    perYear.judgementCap.counting = .year
    // veteran judged in 2024 and 2025: under a per-year reading they may sit in 2026.
    #expect(
        state.isEligibleForCell("veteran", context: Fixture.context, on: d("2026-02-04"), rulebook: perYear).isEmpty)
    #expect(
        state.isEligibleForCell("veteran", context: Fixture.context, on: d("2026-02-04"), rulebook: .cle)
            .map(\.rule) == [.R17])
    var twoMax = Rulebook.cle
    twoMax.judgementCap.max = 2
    #expect(
        state.isEligibleForCell("twice", context: Fixture.context, on: d("2026-02-04"), rulebook: twoMax)
            .map(\.rule) == [.R17])
}

@Test func R18_cellMeetsWithinSevenDaysOfTheEndOfInstruction() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    expect(
        given: s.events, when: .holdCellMeeting(CellMeeting(attendees: ["m1"])), on: d("2026-02-05"),
        then: refusal(.R18))
    s.act("2026-02-05", .sendSummaryToCell(Note()))
    expect(
        given: s.events, when: .holdCellMeeting(CellMeeting(attendees: ["m1", "m9"])), on: d("2026-02-06"),
        then: refusal(.R18))
    #expect(s.state.deadlines(asOf: d("2026-02-06"), rulebook: .cle).first { $0.rule == .R18 }?.due == d("2026-02-12"))
    s.act("2026-02-13", .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])))
    #expect(s.state.breaches(asOf: d("2026-02-13"), rulebook: .cle).map(\.rule) == [.R18])
}

@Test func R15_drawnMemberMustStillBeEligibleWhenAnswering() throws {
    var s = called()
    let a = try #require(announcement(s, on: "2026-02-05"))
    s.act("2026-02-05", .announceDraw(a))
    let draw = try CellDraw.perform(a, values: [["7"]])
    s.act("2026-02-07", .performDraw(draw))
    let first = try #require(s.state.drawnPending.first)
    // The member left the association after the announcement: answering present is refused (R13).
    var context = s.context
    context.members[first]?.departedOn = d("2026-02-06")
    expect(
        given: s.events, when: .drawnMemberPresent(MemberRef(member: first)), on: d("2026-02-08"), then: refusal(.R13),
        context: context)
    expect(
        given: s.events, when: .drawnMemberPresent(MemberRef(member: first)), on: d("2026-02-08"),
        then: [.drawnMemberPresent(MemberRef(member: first))])
}

@Test func R13_aMemberAssociationDoesNotSitInTheCell() {
    let s = called()
    var context = s.context
    context.members["antenne"] = MemberStanding(id: "antenne", duesYears: [2026], isPerson: false)
    expect(
        given: s.events, when: .acceptVolunteer(MemberRef(member: "antenne")), on: d("2026-02-04"), then: refusal(.R13),
        context: context)
    #expect(!s.state.cellPool(context: context, on: d("2026-02-05"), rulebook: .cle).contains("antenne"))
}

@Test func R15_aPracticeDrawCannotFormARealCell() throws {
    var s = called()
    let a = try #require(announcement(s, on: "2026-02-05"))
    s.act("2026-02-05", .announceDraw(a))
    let practice = try CellDraw.practice(
        pool: try DrawPool(members: a.pool), randomBytes: Array(repeating: 7, count: 16))
    expect(given: s.events, when: .performDraw(practice), on: d("2026-02-07"), then: refusal(.R15))
    // A source without a publication day cannot be checked against the announcement.
    let undated = DrawAnnouncement(
        pool: a.pool, poolDigest: a.poolDigest,
        sources: [EntropySource(description: "un tirage, un jour", valuesKnownOn: nil)], seatsLeft: 3)
    expect(given: called().events, when: .announceDraw(undated), on: d("2026-02-05"), then: refusal(.R15))
}

@Test func R15_volunteersCannotTakeTheSeatsOfADrawUnderWay() throws {
    var s = called()
    let a = try #require(announcement(s, on: "2026-02-05"))
    s.act("2026-02-05", .announceDraw(a))
    let draw = try CellDraw.perform(a, values: [["3", "11", "17", "25", "38", "42"]])
    s.act("2026-02-07", .performDraw(draw))
    let outsider = try #require(a.pool.first { !s.state.drawnPending.contains($0) })
    expect(
        given: s.events, when: .acceptVolunteer(MemberRef(member: outsider)), on: d("2026-02-08"), then: refusal(.R15))
}

@Test func R18_theThreeMembersMeetAndR19EachVotes() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    s.act("2026-02-05", .sendSummaryToCell(Note()))
    expect(
        given: s.events, when: .holdCellMeeting(CellMeeting(attendees: ["m1"])), on: d("2026-02-08"),
        then: refusal(.R18))
    s.act("2026-02-08", .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])))
    // One member alone cannot make two-thirds: every member casts a ballot, blank if they wish.
    let proposals = [Proposal(id: "A", sanctions: ["radiation"]), Proposal(id: "B", sanctions: ["warning"])]
    expect(
        given: s.events,
        when: .holdCellVote(CellVote(proposals: proposals, ballots: [Ballot(member: "m1", option: "A")])),
        on: d("2026-02-08"), then: refusal(.R19))
    let full = CellVote(
        proposals: proposals,
        ballots: [
            Ballot(member: "m1", option: "A"), Ballot(member: "m2", option: "B"),
            Ballot(member: "m3", option: nil)
        ])
    guard
        case .success(let events) = CaseDecider.decide(
            s.state, .holdCellVote(full), context: s.context, rulebook: .cle,
            on: d("2026-02-08"))
    else {
        Issue.record("a full vote is decided")
        return
    }
    #expect(events.count == 1, "1–1–blank reaches no two-thirds: no judgement")
}

@Test func R13_theCellIsCheckedAgainWhenTheSummaryIsSent() {
    var s = called()
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    // m1 became a witness of the case after joining: no longer independent.
    s.act("2026-02-04", .addEvidence(Evidence(kind: .testimony, description: "témoignage", witness: "m1")))
    expect(given: s.events, when: .sendSummaryToCell(Note()), on: d("2026-02-05"), then: refusal(.R13))
}

@Test func R13_aDrawnMemberReplacedByTheRapporteurIsFollowedByTheNextInTheRecordedOrder() throws {
    // Given a cell completed by a draw,
    var s = called()
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    let a = try #require(announcement(s, on: "2026-02-05"))
    s.act("2026-02-05", .announceDraw(a))
    let draw = try CellDraw.perform(a, values: [["3", "11", "17", "25", "38", "42"]])
    s.act("2026-02-07", .performDraw(draw))
    let order = draw.members(in: a.pool)
    s.act("2026-02-08", .drawnMemberPresent(MemberRef(member: order[0])))
    s.act("2026-02-08", .drawnMemberPresent(MemberRef(member: order[1])))
    #expect(s.state.drawnPending.isEmpty)
    // when the rapporteur replaces a drawn member who stopped answering,
    s.act(
        "2026-02-10", .replaceCellMember(CellReplacement(member: order[0], ground: .noAnswer, reason: "sans réponse")))
    // then the next member of the recorded order is summoned, with no new randomness and no party's recusal used.
    #expect(s.state.drawnPending == [order[2]])
    #expect(s.state.recusals.isEmpty)
    s.act("2026-02-11", .drawnMemberPresent(MemberRef(member: order[2])))
    #expect(s.state.cell == ["m1", order[1], order[2]])
}
