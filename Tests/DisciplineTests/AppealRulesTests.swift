import GreffeTestSupport
import Testing
@testable import Discipline

// R23–R26, R28: appeal, GA decision, suspension during appeal, reparation, radiation.

private let uphold = Proposal(id: "uphold", sanctions: ["warning"])
private let overturn = Proposal(id: "overturn", sanctions: [Rulebook.SanctionID.immediateReintegration])

@Test func R23_lateAppealByOneDayRefusedLastDayAccepted() {
    // Letters received on 10 Feb 2026: the window runs until 10 Apr 2026 included.
    let s = Fixture.throughLetters()
    #expect(s.state.appealDeadline(for: "dan", rulebook: .cle) == d("2026-04-10"))
    let late = expect(given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-04-11"), then: refusal(.R23))
    #expect(late?.fr.contains("1 jour(s) de retard") == true)
    #expect(late?.allowed?.contains("2026-04-10") == true)
    let appeal = Appeal(by: "dan", companion: "Zoé")
    expect(given: s.events, when: .lodgeAppeal(appeal), on: d("2026-04-10"), then: [.appealLodged(appeal)])
}

@Test func R23_windowRunsFromEachPartysLetter() {
    var s = Fixture.throughCellMeeting()
    s.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-02-09"), then: refusal(.R23))
    s.act("2026-02-08", .receiveDecisionLetter(MemberRef(member: "vera")))
    s.act("2026-02-20", .receiveDecisionLetter(MemberRef(member: "dan")))
    // Vera's window (until 8 Apr) is over, Dan's (until 20 Apr) is not.
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "vera")), on: d("2026-04-09"), then: refusal(.R23))
    expect(
        given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-04-20"),
        then: [.appealLodged(Appeal(by: "dan"))])
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "carl")), on: d("2026-03-01"), then: refusal(.R23))
    let windows = s.state.deadlines(asOf: d("2026-04-12"), rulebook: .cle).filter { $0.rule == .R23 }
    #expect(windows.map(\.status) == [.expired(on: d("2026-04-08")), .open(daysLeft: 8)])
    #expect(windows.allSatisfy { !$0.isBreach })
}

@Test func R23_closingWaitsForTheAppealWindows() {
    let s = Fixture.throughLetters()
    expect(given: s.events, when: .closeCase(Closure(reason: "exécuté")), on: d("2026-04-10"), then: refusal(.R23))
    expect(
        given: s.events, when: .closeCase(Closure(reason: "exécuté")), on: d("2026-04-11"),
        then: [.caseClosed(Closure(reason: "exécuté"))])
}

@Test func R24_generalAssemblyDecidesByTwoThirds() {
    var s = Fixture.throughLetters()
    let early = GAVote(proposals: [uphold], votes: [OptionVotes(option: "uphold", votes: 10)], blanks: 0, bodySize: 10)
    expect(given: s.events, when: .recordGeneralAssemblyVote(early), on: d("2026-03-01"), then: refusal(.R24))
    s.act("2026-03-01", .lodgeAppeal(Appeal(by: "dan")))
    let overcount = GAVote(
        proposals: [uphold], votes: [OptionVotes(option: "uphold", votes: 11)], blanks: 0, bodySize: 10)
    expect(given: s.events, when: .recordGeneralAssemblyVote(overcount), on: d("2026-06-20"), then: refusal(.R24))
    let absurd = GAVote(
        proposals: [uphold, overturn],
        votes: [
            OptionVotes(option: "uphold", votes: Int.max),
            OptionVotes(option: "overturn", votes: Int.max)
        ],
        blanks: Int.max, bodySize: Int.max)
    expect(given: s.events, when: .recordGeneralAssemblyVote(absurd), on: d("2026-06-20"), then: refusal(.R24))
    // 20 of 30 ballots (blanks included): 20 × 3 = 60 ≥ 30 × 2 = 60.
    let vote = GAVote(
        proposals: [uphold, overturn],
        votes: [
            OptionVotes(option: "uphold", votes: 20),
            OptionVotes(option: "overturn", votes: 7)
        ],
        blanks: 3, bodySize: 40)
    guard
        case let .success(events) = CaseDecider.decide(
            s.state, .recordGeneralAssemblyVote(vote),
            context: Fixture.context, rulebook: .cle, on: d("2026-06-20")),
        case let .generalAssemblyDecided(record)? = events.first
    else {
        Issue.record("GA vote not decided")
        return
    }
    #expect(record.adopted == "uphold")
    #expect(record.tallies.first?.tally.arithmetic == "20 × 3 = 60 ≥ 30 × 2 = 60 → deux tiers atteints")
}

@Test func R24_generalAssemblyMissingTwoThirdsNeedsAnExplicitResolution() {
    var s = Fixture.throughLetters()
    s.act("2026-03-01", .lodgeAppeal(Appeal(by: "vera", companion: "une amie")))
    let split = GAVote(
        proposals: [uphold, overturn],
        votes: [
            OptionVotes(option: "uphold", votes: 15),
            OptionVotes(option: "overturn", votes: 15)
        ],
        blanks: 0, bodySize: 30)
    s.act("2026-06-20", .recordGeneralAssemblyVote(split))
    #expect(s.state.generalAssemblyVotes.last?.value.adopted == nil)
    // « selon les mêmes modalités que la cellule de crise »: the reintegration vote, which misses two-thirds too.
    #expect(s.state.step == .awaitingGeneralAssemblyReintegrationVote)
    s.act(
        "2026-06-20",
        .recordGeneralAssemblyReintegrationVote(
            GAReintegrationVote(
                votes: [OptionVotes(option: Rulebook.SanctionID.immediateReintegration, votes: 15)], blanks: 15,
                bodySize: 30)))
    #expect(s.state.step == .awaitingGeneralAssemblyResolution)
    #expect(s.state.step.fr.contains("muet"))
    // The engine invents nothing: no closing, and the R25 suspension goes on until someone decides.
    expect(given: s.events, when: .closeCase(Closure(reason: "-")), on: d("2026-06-21"), then: refusal(.R24))
    #expect(s.state.activeSuspensions(on: d("2026-06-21")).map(\.rule) == [.R25])
    let noReason = GAResolution(outcome: "maintien", reason: " ")
    expect(given: s.events, when: .recordGeneralAssemblyResolution(noReason), on: d("2026-06-21"), then: refusal(.R24))
    let resolution = GAResolution(
        outcome: "aucune sanction ; suspension levée",
        reason: "deux votes sans deux tiers ; l'Assemblée n'a porté aucune sanction")
    expect(
        given: s.events, when: .recordGeneralAssemblyResolution(resolution), on: d("2026-06-21"),
        then: [.generalAssemblyResolutionRecorded(resolution)])
    s.act("2026-06-21", .recordGeneralAssemblyResolution(resolution))
    #expect(s.state.outcome?.source == .generalAssemblyResolution)
    #expect(s.state.activeSuspensions(on: d("2026-06-21")).isEmpty)
    // Only when the GA missed two-thirds.
    expect(
        given: Fixture.throughLetters().events, when: .recordGeneralAssemblyResolution(resolution),
        on: d("2026-06-21"), then: refusal(.R24))
}

@Test func R25_suspensionDuringAppeal() {
    var s = Fixture.throughLetters()
    #expect(s.state.activeSuspensions(on: d("2026-02-20")).isEmpty)
    s.act("2026-03-01", .lodgeAppeal(Appeal(by: "dan")))
    #expect(s.state.step == .appealPending)
    let active = s.state.activeSuspensions(on: d("2026-03-01"))
    #expect(active.map(\.rule) == [.R25])
    #expect(active.first?.accused == ["dan"])
    #expect(s.state.activeSuspensions(on: d("2026-02-28")).isEmpty)
    s.act(
        "2026-06-20",
        .recordGeneralAssemblyVote(
            GAVote(
                proposals: [uphold], votes: [OptionVotes(option: "uphold", votes: 25)], blanks: 2, bodySize: 40)))
    #expect(s.state.activeSuspensions(on: d("2026-06-19")).map(\.rule) == [.R25])
    #expect(s.state.activeSuspensions(on: d("2026-06-20")).isEmpty)
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "vera")), on: d("2026-06-21"), then: refusal(.R23))
    // The GA's decision is executed in its turn; the first execution was the cell's.
    #expect(s.state.step == .generalAssemblyDecided)
    s.act("2026-06-21", .executeJudgement(Note()))
    #expect(s.state.executedOn == d("2026-02-09"))
    #expect(s.state.generalAssemblyExecutedOn == d("2026-06-21"))
    expect(given: s.events, when: .executeJudgement(Note()), on: d("2026-06-22"), then: refusal(.R22))
}

@Test func R26_reparationIsRecordedWhateverTheDecision() {
    let s = Fixture.throughLetters()
    let r = Reparation(measures: ["groupe de soutien par appel d'adhérents motivés"])
    expect(given: s.events, when: .recordReparation(r), on: d("2026-02-11"), then: [.reparationMeasuresRecorded(r)])
    expect(given: s.events, when: .recordReparation(Reparation(measures: [])), on: d("2026-02-11"), then: refusal(.R26))
    expect(given: [], when: .recordReparation(r), on: d("2026-02-11"), then: refusal(.R26))
}

@Test func R28_radiationFollowsADecisionAndIsAnnounced() {
    let s = Fixture.throughLetters()
    // The judgement was a warning: no radiation.
    expect(
        given: s.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-11"), then: refusal(.R28))
    var r = Fixture.throughCellMeeting()
    r.act("2026-02-08", .reachConsensus(Decision(sanctions: [Rulebook.SanctionID.radiation], reasons: "faits graves")))
    expect(
        given: r.events, when: .announceRadiation(Radiation(member: "vera")), on: d("2026-02-09"), then: refusal(.R28))
    // The board executes on receiving the judgement: not before it is sent.
    expect(
        given: r.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-09"), then: refusal(.R28))
    r.act("2026-02-09", .sendJudgementToBoard(Note()))
    expect(
        given: r.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-09"),
        then: [.radiationAnnounced(Radiation(member: "dan"))])
    // Appealed: until the GA the decision applies as a suspension, not as the radiation (R25).
    var appealed = r
    appealed.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "dan")))
    appealed.act("2026-02-11", .lodgeAppeal(Appeal(by: "dan")))
    expect(
        given: appealed.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-12"),
        then: refusal(.R25))
}

@Test func R23_theCaseIsNotClosedBeforeEveryPartyReceivedTheLetterAndTheirWindowPassed() {
    var s = Fixture.throughCellMeeting()
    s.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
    s.act("2026-02-09", .sendJudgementToBoard(Note()))
    s.act("2026-02-09", .executeJudgement(Note()))
    // No letter recorded: nobody's window has started, so closing would take away their appeal.
    expect(given: s.events, when: .closeCase(Closure(reason: "fin")), on: d("2026-02-09"), then: refusal(.R23))
    s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "dan")))
    // vera's receipt is still not recorded, even after dan's window.
    expect(given: s.events, when: .closeCase(Closure(reason: "fin")), on: d("2026-04-11"), then: refusal(.R23))
    s.act("2026-02-12", .receiveDecisionLetter(MemberRef(member: "vera")))
    expect(given: s.events, when: .closeCase(Closure(reason: "fin")), on: d("2026-04-12"), then: refusal(.R23))
    expect(
        given: s.events, when: .closeCase(Closure(reason: "fin")), on: d("2026-04-13"),
        then: [.caseClosed(Closure(reason: "fin"))])
}
