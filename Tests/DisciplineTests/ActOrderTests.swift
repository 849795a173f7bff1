import GreffeTestSupport
import Testing
@testable import Discipline

// Two times per act: the order of days follows what the text orders, not the order of typing; R14's new call counts
// from the recusal as recorded.

/// The cell's judgement on 8 Feb, sent to the board and executed on 9 Feb (no letter received yet).
private func judged() -> Scenario {
    var s = Fixture.throughCellMeeting()
    s.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
    s.act("2026-02-09", .sendJudgementToBoard(Note()))
    s.act("2026-02-09", .executeJudgement(Note()))
    return s
}

@Test func order_aReceiptRecordedLateKeepsItsDayAndItsOwnAppealWindow() {
    // Given the accused's receipt on 20 Feb already recorded,
    var s = judged()
    s.act("2026-02-20", .receiveDecisionLetter(MemberRef(member: "dan")))
    // when the victim's receipt of 19 Feb is recorded afterwards, then it is accepted on its real day
    expect(
        given: s.events, when: .receiveDecisionLetter(MemberRef(member: "vera")), on: d("2026-02-19"),
        then: [.decisionLetterReceived(MemberRef(member: "vera"))])
    s.act("2026-02-19", .receiveDecisionLetter(MemberRef(member: "vera")))
    // and each party's window runs from that party's own receipt.
    #expect(s.state.appealDeadline(for: "vera", rulebook: .cle) == d("2026-04-19"))
    #expect(s.state.appealDeadline(for: "dan", rulebook: .cle) == d("2026-04-20"))
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "vera")), on: d("2026-04-20"), then: refusal(.R23))
    expect(
        given: s.events, when: .lodgeAppeal(Appeal(by: "vera")), on: d("2026-04-19"),
        then: [.appealLodged(Appeal(by: "vera"))])
    let r23 = s.state.deadlines(asOf: d("2026-04-20"), rulebook: .cle).filter { $0.rule == .R23 }
    #expect(r23.map(\.due) == [d("2026-04-20"), d("2026-04-19")])
    // The stored state is the replay of the log, in recording order.
    #expect(CaseDecider.replay(s.events) == s.state)
}

@Test func order_evidenceReportsAndIndependentActsKeepTheirRealDay() {
    // Given a case whose cell met on 8 Feb (the instruction ended on 5 Feb),
    let s = Fixture.throughCellMeeting()
    // a testimony gathered on 25 Jan, recorded now, keeps its day; one dated after the end of instruction is refused.
    let testimony = Evidence(kind: .testimony, description: "témoignage recueilli le 25/01")
    expect(given: s.events, when: .addEvidence(testimony), on: d("2026-01-25"), then: [.evidenceAdded(testimony)])
    expect(given: s.events, when: .addEvidence(testimony), on: d("2026-02-06"), then: refusal(.R16))
    // A report from before the complaint, and reparation, stand on their own days.
    let report = ReportFacts(channel: .direct, concerning: ["dan"], description: "malaise signalé en décembre")
    expect(given: s.events, when: .recordReport(report), on: d("2026-01-02"), then: [.reportRecorded(report)])
    expect(
        given: s.events, when: .recordReparation(Reparation(measures: ["groupe de soutien"])), on: d("2026-01-12"),
        then: [.reparationMeasuresRecorded(Reparation(measures: ["groupe de soutien"]))])
    // The suspension decided at the meeting, typed in after the evidence of 15 Jan, keeps the meeting's day.
    var late = Scenario()
    late.act("2026-01-05", .fileComplaint(Fixture.complaint))
    late.act("2026-01-10", .holdBoardMeeting(Fixture.meeting))
    late.act("2026-01-15", .addEvidence(Evidence(kind: .screenshot, description: "capture", sha256: Fixture.hash)))
    let suspension = Suspension(responsibilities: true, access: true, blockedSpaces: ["#général"])
    expect(
        given: late.events, when: .imposeSuspension(suspension), on: d("2026-01-10"),
        then: [
            .suspensionImposed(
                SuspensionImposed(
                    accused: ["dan"], responsibilities: true, access: true,
                    blockedSpaces: ["#général"]))
        ])
    expect(given: late.events, when: .imposeSuspension(suspension), on: d("2026-01-09"), then: refusal(.order))
}

@Test func order_actsFollowWhatTheTextOrders() {
    // « une fois la réponse aux accusations reçue » — the answer follows the request, the summary the answer.
    var asked = Scenario()
    asked.act("2026-01-05", .fileComplaint(Fixture.complaint))
    asked.act("2026-01-10", .holdBoardMeeting(Fixture.meeting))
    asked.act("2026-01-20", .completeFile(Note()))
    asked.act(
        "2026-01-21", .hearVictim(VictimHearing(victim: "vera", needs: "-", demands: ["excuses"], origin: .victim)))
    asked.act("2026-01-22", .requestExplanation(ExplanationRequest(summary: "r", demands: ["excuses"])))
    expect(
        given: asked.events, when: .receiveAnswer(Answer(from: "dan", form: .written)), on: d("2026-01-21"),
        then: refusal(.order))
    asked.act("2026-01-30", .receiveAnswer(Answer(from: "dan", form: .written)))
    let summary = Summary(demand: "excuses", defence: "-", proposedSanctions: ["warning"])
    let refused = expect(given: asked.events, when: .writeSummary(summary), on: d("2026-01-29"), then: refusal(.order))
    #expect(refused?.fr.contains("réponse") == true)
    // The cell meets after the end of instruction; the judgement is sent after it is rendered; the board executes on
    // receipt; an appeal follows that party's receipt; closing follows every act.
    let s = Fixture.throughLetters()
    expect(
        given: Fixture.throughCellMeeting().events,
        when: .reachConsensus(Decision(sanctions: ["warning"], reasons: "-")),
        on: d("2026-02-07"), then: refusal(.order))
    expect(
        given: judged().events, when: .receiveDecisionLetter(MemberRef(member: "dan")), on: d("2026-02-07"),
        then: refusal(.order))
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-02-09"), then: refusal(.order))
    expect(given: s.events, when: .closeCase(Closure(reason: "-")), on: d("2026-02-09"), then: refusal(.order))
    // The board announces a radiation the cell decided once the judgement reached it.
    var radiated = Fixture.throughCellMeeting()
    radiated.act("2026-02-08", .reachConsensus(Decision(sanctions: [Rulebook.SanctionID.radiation], reasons: "-")))
    radiated.act("2026-02-10", .sendJudgementToBoard(Note()))
    expect(
        given: radiated.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-09"),
        then: refusal(.order))
    expect(
        given: radiated.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-10"),
        then: [.radiationAnnounced(Radiation(member: "dan"))])
}

@Test func R14_onlyACallRecordedAfterTheRecusalMeetsIt() {
    // Given a full cell formed on 5 Feb, and the victim's recusal the same day, after the members joined,
    var s = Fixture.throughSummary()
    s.act("2026-02-05", .callCell(CellCall(channel: .email)))
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-05", .acceptVolunteer(MemberRef(member: m))) }
    s.act("2026-02-05", .recuse(Recusal(by: "vera", member: "m3")))
    // then the call and the joins recorded before it do not meet the new call it leads to,
    let r14 = { (state: CaseState, asOf: String) in
        state.deadlines(asOf: d(asOf), rulebook: .cle).first { $0.rule == .R14 }
    }
    #expect(r14(s.state, "2026-02-06")?.status == .open(daysLeft: 6))
    // and a new call 8 days after the recusal is late by one day.
    s.act("2026-02-13", .callCell(CellCall(channel: .email, called: ["m4"])))
    #expect(r14(s.state, "2026-02-13")?.due == d("2026-02-12"))
    #expect(r14(s.state, "2026-02-13")?.status == .missed(byDays: 1, doneOn: d("2026-02-13")))
    #expect(s.state.breaches(asOf: d("2026-02-13"), rulebook: .cle).map(\.rule) == [.R14])
}
