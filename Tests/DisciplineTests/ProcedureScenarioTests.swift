import GreffeTestSupport
import Testing
@testable import Discipline

// Whole cases: the happy path, R03 and its forecast, ordering of days.

@Test func happyPath_complaintToExecution() {
    var s = Fixture.throughLetters()
    s.act("2026-02-11", .recordReparation(Reparation(measures: ["groupe de soutien"])))
    s.act("2026-04-11", .closeCase(Closure(reason: "jugement exécuté, délais de recours écoulés")))
    #expect(
        s.events.map(\.event.typeName) == [
            "ComplaintFiled", "BoardMet", "RapporteurDesignated", "SuspensionImposed", "EvidenceAdded",
            "DisciplinaryFileCompleted", "VictimHeard", "ExplanationRequested", "AnswerReceived", "SummaryWritten",
            "CellCalled", "VolunteerAccepted", "VolunteerAccepted", "VolunteerAccepted", "SummarySentToCell", "CellMet",
            "ConsensusReached", "JudgementRendered", "JudgementSentToBoard", "JudgementExecuted",
            "DecisionLetterReceived", "DecisionLetterReceived", "ReparationMeasuresRecorded", "CaseClosed"
        ])
    let state = s.state
    #expect(state.step == .closed)
    #expect(state.rapporteur?.rapporteur == "alice")
    #expect(state.cell == ["m1", "m2", "m3"])
    #expect(state.outcome?.sanctions == ["warning"])
    #expect(state.breaches(asOf: d("2026-04-11"), rulebook: .cle).isEmpty)
    let forecast = state.forecast(asOf: d("2026-04-11"), rulebook: .cle)
    #expect(forecast.concluded)
    #expect(forecast.concludesOn == d("2026-02-08"))
    #expect(forecast.limit == d("2026-03-05"))
    #expect(forecast.slackDays == 25)
    // Replaying gives the same state, and a closed case takes nothing more.
    #expect(CaseDecider.replay(s.events) == state)
    expect(
        given: s.events, when: .recordReparation(Reparation(measures: ["x"])), on: d("2026-04-12"),
        then: refusal(.order))
}

/// Board learned on 20 Dec 2025, complaint on 8 Jan 2026: the limit is 20 Feb. Every step takes its full allowance.
@Test func R03_fullAllowanceMissesTwoMonthsAndTheForecastSaidSoFromTheMeeting() {
    var complaint = Fixture.complaint
    complaint.boardLearnedOn = d("2025-12-20")
    var s = Scenario()
    s.act("2026-01-08", .fileComplaint(complaint))
    s.act("2026-01-15", .holdBoardMeeting(Fixture.meeting))
    let atMeeting = s.state.forecast(asOf: d("2026-01-15"), rulebook: .cle)
    #expect(atMeeting.limit == d("2026-02-20"))
    #expect(atMeeting.concludesOn == d("2026-02-28"))
    #expect(atMeeting.slackDays == -8)
    #expect(atMeeting.willMiss)
    #expect(
        atMeeting.steps.map(\.on) == [
            d("2026-01-15"), d("2026-01-30"), d("2026-01-30"), d("2026-02-14"),
            d("2026-02-21"), d("2026-02-21"), d("2026-02-28"), d("2026-02-28")
        ])
    var checkpoints: [(Day, CaseState)] = [(d("2026-01-15"), s.state)]
    s.act("2026-01-30", .completeFile(Note()))
    s.act("2026-01-30", .hearVictim(VictimHearing(victim: "vera", needs: "-", demands: ["excuses"], origin: .victim)))
    s.act("2026-01-30", .requestExplanation(ExplanationRequest(summary: "r", demands: ["excuses"])))
    checkpoints.append((d("2026-02-10"), s.state))
    s.act("2026-02-15", .lapseAnswerWindow(Note()))
    checkpoints.append((d("2026-02-15"), s.state))
    s.act("2026-02-21", .writeSummary(Summary(demand: "x", defence: "silence", proposedSanctions: ["warning"])))
    s.act("2026-02-21", .callCell(CellCall(channel: .online)))
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-21", .acceptVolunteer(MemberRef(member: m))) }
    s.act("2026-02-21", .sendSummaryToCell(Note()))
    checkpoints.append((d("2026-02-21"), s.state))
    s.act("2026-02-28", .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])))
    s.act("2026-02-28", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
    // The forecast warned at every step from the meeting on.
    for (day, state) in checkpoints {
        let f = state.forecast(asOf: day, rulebook: .cle)
        #expect(f.willMiss, "forecast on \(day) should warn")
        #expect(f.concludesOn == d("2026-02-28"), "on \(day)")
    }
    let deadlines = s.state.deadlines(asOf: d("2026-02-28"), rulebook: .cle)
    #expect(deadlines.first { $0.rule == .R03 }?.status == .missed(byDays: 8, doneOn: d("2026-02-28")))
    // Every association deadline but R03 was met on its last day.
    for rule: RuleID in [.R04, .R08, .R12, .R18] {
        #expect(deadlines.first { $0.rule == rule }?.status.isMetOnLastDay == true, "\(rule)")
    }
    #expect(s.state.breaches(asOf: d("2026-02-28"), rulebook: .cle).map(\.rule) == [.R03])
    let final = s.state.forecast(asOf: d("2026-03-01"), rulebook: .cle)
    #expect(final.concluded)
    #expect(final.slackDays == -8)
}

@Test func R03_conclusionPointIsARulebookParameter() {
    var byExecution = Rulebook.cle
    byExecution.conclusion = .execution
    let s = Fixture.throughLetters()
    #expect(s.state.concludedOn(rulebook: .cle) == d("2026-02-08"))
    #expect(s.state.concludedOn(rulebook: byExecution) == d("2026-02-09"))
    let open = Fixture.throughCellMeeting().state.forecast(asOf: d("2026-02-08"), rulebook: byExecution)
    #expect(open.steps.last?.rule == .R22)
}

@Test func order_actsCannotPrecedeTheCaseOrThePreviousAct() {
    let s = Fixture.throughSummary()
    expect(given: s.events, when: .callCell(CellCall(channel: .online)), on: d("2026-02-01"), then: refusal(.order))
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(Fixture.complaint))]
    expect(given: filed, when: .holdBoardMeeting(Fixture.meeting), on: d("2026-01-04"), then: refusal(.order))
    expect(given: filed, when: .fileComplaint(Fixture.complaint), on: d("2026-01-06"), then: refusal(.R02))
}

extension Deadline.Status {
    var isMetOnLastDay: Bool {
        if case .met(_, 0) = self { return true }
        return false
    }
}
