import GreffeTestSupport
import Testing
@testable import Discipline

// R08–R12: file, victim hearing, explanation, departure, summary.

private func afterMeeting() -> Scenario {
    var s = Scenario()
    s.act("2026-01-05", .fileComplaint(Fixture.complaint))
    s.act("2026-01-10", .holdBoardMeeting(Fixture.meeting))
    return s
}

/// Up to the explanation request on 22 Jan (window until 6 Feb).
private func afterRequest() -> Scenario {
    var s = afterMeeting()
    s.act("2026-01-20", .completeFile(Note()))
    s.act(
        "2026-01-21",
        .hearVictim(VictimHearing(victim: "vera", needs: "sécurité", demands: ["excuses"], origin: .victim)))
    s.act("2026-01-22", .requestExplanation(ExplanationRequest(summary: "résumé", demands: ["excuses"])))
    return s
}

@Test func R08_materialEvidenceNeedsAContentHash() {
    let s = afterMeeting()
    let bare = Evidence(kind: .screenshot, description: "capture d'écran")
    expect(given: s.events, when: .addEvidence(bare), on: d("2026-01-11"), then: refusal(.R08))
    let badHash = Evidence(kind: .screenshot, description: "capture", sha256: "ABC")
    expect(given: s.events, when: .addEvidence(badHash), on: d("2026-01-11"), then: refusal(.R08))
    let good = Evidence(kind: .screenshot, description: "capture", sha256: Fixture.hash)
    expect(given: s.events, when: .addEvidence(good), on: d("2026-01-11"), then: [.evidenceAdded(good)])
}

@Test func R08_lateFileIsRecordedAndShownAsBreach() {
    var s = afterMeeting()
    #expect(s.state.deadlines(asOf: d("2026-01-25"), rulebook: .cle).first { $0.rule == .R08 }?.due == d("2026-01-25"))
    s.act("2026-01-27", .completeFile(Note()))
    #expect(s.state.breaches(asOf: d("2026-01-27"), rulebook: .cle).map(\.rule) == [.R08])
    expect(given: s.events, when: .completeFile(Note()), on: d("2026-01-28"), then: refusal(.R08))
}

@Test func R09_memberVictimDemandsComeFromTheVictim() {
    let s = afterMeeting()
    let byBoard = VictimHearing(victim: "vera", needs: "sécurité", demands: ["excuses"], origin: .rapporteurAndBoard)
    expect(given: s.events, when: .hearVictim(byBoard), on: d("2026-01-12"), then: refusal(.R09))
    let byVictim = VictimHearing(victim: "vera", needs: "sécurité", demands: ["excuses"], origin: .victim)
    expect(given: s.events, when: .hearVictim(byVictim), on: d("2026-01-12"), then: [.victimHeard(byVictim)])
    let stranger = VictimHearing(victim: "m1", needs: "-", demands: [], origin: .victim)
    expect(given: s.events, when: .hearVictim(stranger), on: d("2026-01-12"), then: refusal(.R09))
}

@Test func R09_nonMemberVictimDemandsComeFromRapporteurAndBoard() {
    var complaint = Fixture.complaint
    complaint.victims = [Party(id: "outsider", isMember: false)]
    var s = Scenario()
    s.act("2026-01-05", .fileComplaint(complaint))
    s.act("2026-01-10", .holdBoardMeeting(Fixture.meeting))
    let byVictim = VictimHearing(victim: "outsider", needs: "-", demands: ["excuses"], origin: .victim)
    expect(given: s.events, when: .hearVictim(byVictim), on: d("2026-01-12"), then: refusal(.R09))
    let byBoard = VictimHearing(victim: "outsider", needs: "-", demands: ["excuses"], origin: .rapporteurAndBoard)
    expect(given: s.events, when: .hearVictim(byBoard), on: d("2026-01-12"), then: [.victimHeard(byBoard)])
}

@Test func R09_explanationWaitsForTheVictimsDemands() {
    var s = afterMeeting()
    s.act("2026-01-20", .completeFile(Note()))
    let request = ExplanationRequest(summary: "résumé", demands: [])
    expect(given: s.events, when: .requestExplanation(request), on: d("2026-01-21"), then: refusal(.R09))
}

@Test func R10_explanationRequestComesAfterTheFile() {
    let s = afterMeeting()
    expect(
        given: s.events, when: .requestExplanation(ExplanationRequest(summary: "r", demands: [])),
        on: d("2026-01-12"), then: refusal(.R10))
}

@Test func R10_noSummaryBeforeTheAnswerOrTheWindowsEnd() {
    let s = afterRequest()
    let summary = Summary(demand: "excuses", defence: "-", proposedSanctions: ["warning"])
    expect(given: s.events, when: .writeSummary(summary), on: d("2026-02-01"), then: refusal(.R10))
    // The window runs until 6 Feb included: silence can be noted from the 7th.
    expect(given: s.events, when: .lapseAnswerWindow(Note()), on: d("2026-02-06"), then: refusal(.R10))
    expect(
        given: s.events, when: .lapseAnswerWindow(Note(note: "silence")), on: d("2026-02-07"),
        then: [.answerWindowLapsed(Note(note: "silence"))])
    var lapsed = s
    lapsed.act("2026-02-07", .lapseAnswerWindow(Note()))
    expect(given: lapsed.events, when: .writeSummary(summary), on: d("2026-02-08"), then: [.summaryWritten(summary)])
    // R12's 7 days run from the window's end (6 Feb), not from the day the silence was noted.
    #expect(
        lapsed.state.deadlines(asOf: d("2026-02-08"), rulebook: .cle).first { $0.rule == .R12 }?.due == d("2026-02-13"))
}

@Test func R10_answerWindowIsTheAccusedsNotABreach() {
    var s = afterRequest()
    s.act("2026-02-07", .lapseAnswerWindow(Note()))
    let r10 = s.state.deadlines(asOf: d("2026-02-07"), rulebook: .cle).first { $0.rule == .R10 }
    // The accused's silence is their choice: the window expired, nobody is late.
    #expect(r10?.status == .expired(on: d("2026-02-06")))
    #expect(r10?.isBreach == false)
}

@Test func R11_accusedLeftWithoutPossibleOffenceStopsTheProcedure() {
    let s = afterRequest()
    let left = Departure(member: "dan", possibleOffence: false)
    expect(
        given: s.events, when: .recordAccusedLeft(left), on: d("2026-01-25"),
        then: [
            .accusedLeft(left),
            .procedureStopped(
                ProcedureStop(
                    reason:
                        "La personne mise en cause a quitté l'association sans participer à la procédure (5.6.7) ; le Conseil d'administration officialise la radiation."
                ))
        ])
    var stopped = s
    stopped.act("2026-01-25", .recordAccusedLeft(left))
    #expect(stopped.state.step == .stopped)
    #expect(stopped.state.activeSuspensions(on: d("2026-01-26")).isEmpty)
    expect(given: stopped.events, when: .lapseAnswerWindow(Note()), on: d("2026-02-07"), then: refusal(.R11))
    expect(given: stopped.events, when: .closeCase(Closure(reason: "fin")), on: d("2026-01-26"), then: refusal(.R11))
    expect(
        given: stopped.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-01-26"),
        then: [.radiationAnnounced(Radiation(member: "dan"))])
    stopped.act("2026-01-26", .announceRadiation(Radiation(member: "dan")))
    expect(
        given: stopped.events, when: .closeCase(Closure(reason: "radiation")), on: d("2026-01-26"),
        then: [.caseClosed(Closure(reason: "radiation"))])
    // R03: the stop is the conclusion.
    #expect(stopped.state.forecast(asOf: d("2026-01-26"), rulebook: .cle).concluded)
}

@Test func R11_accusedLeftWithPossibleOffenceContinues() {
    let s = afterRequest()
    let left = Departure(member: "dan", possibleOffence: true, note: "menaces")
    expect(given: s.events, when: .recordAccusedLeft(left), on: d("2026-01-25"), then: [.accusedLeft(left)])
    var going = s
    going.act("2026-01-25", .recordAccusedLeft(left))
    // A departure is no answer: the summary still waits for the end of the 15-day window (R10).
    #expect(going.state.step == .awaitingAnswer)
    let summary = Summary(demand: "-", defence: "aucune", proposedSanctions: [Rulebook.SanctionID.radiation])
    expect(given: going.events, when: .writeSummary(summary), on: d("2026-01-26"), then: refusal(.R10))
    going.act("2026-02-07", .lapseAnswerWindow(Note()))
    #expect(going.state.step == .awaitingSummary)
    expect(given: going.events, when: .writeSummary(summary), on: d("2026-02-07"), then: [.summaryWritten(summary)])
}

@Test func R12_theSummaryDeadlineRunsFromTheWindowsEndEvenBeforeTheSilenceIsNoted() {
    let s = afterRequest()
    // Requested on 22 January: the window ends on 6 February, the summary is due on 13 February.
    let r12 = s.state.deadlines(asOf: d("2026-03-20"), rulebook: .cle).first { $0.rule == .R12 }
    #expect(r12?.from == d("2026-02-06"))
    #expect(r12?.status == .missed(byDays: 35, doneOn: nil))
    // A late answer does not move it.
    var late = s
    late.act("2026-03-20", .receiveAnswer(Answer(from: "dan", form: .written)))
    #expect(
        late.state.deadlines(asOf: d("2026-03-20"), rulebook: .cle).first { $0.rule == .R12 }?.due == d("2026-02-13"))
}

@Test func R12_lateSummaryIsRecordedAndShownAsBreach() {
    var s = afterRequest()
    s.act("2026-01-30", .receiveAnswer(Answer(from: "dan", form: .oral)))
    #expect(s.state.deadlines(asOf: d("2026-01-30"), rulebook: .cle).first { $0.rule == .R12 }?.due == d("2026-02-06"))
    s.act("2026-02-09", .writeSummary(Summary(demand: "x", defence: "y", proposedSanctions: ["warning"])))
    #expect(s.state.breaches(asOf: d("2026-02-09"), rulebook: .cle).map(\.rule) == [.R12])
    let unknown = Summary(demand: "x", defence: "y", proposedSanctions: ["pillory"])
    expect(
        given: afterRequest().events + [
            DatedEvent(on: d("2026-01-30"), event: .answerReceived(Answer(from: "dan", form: .oral)))
        ],
        when: .writeSummary(unknown), on: d("2026-01-31"), then: refusal(.R12))
}
