import GreffeTestSupport
import Testing
@testable import Discipline

// R19–R22, R27: consensus, votes, reintegration vote, referral to the GA, execution.

private let warning = Proposal(id: "A", sanctions: ["warning"])
private let radiation = Proposal(id: "B", sanctions: [Rulebook.SanctionID.radiation])
private let mediation = Proposal(id: "C", sanctions: ["mediation"])
private let cell: [MemberID] = ["m1", "m2", "m3"]

private func record(_ proposals: [Proposal], _ ballots: [Ballot]) -> VoteRecord {
    let tallies = Ballots(ballots).tallies(options: proposals.map(\.id), bodySize: 3, rulebook: .cle)
    return VoteRecord(proposals: proposals, ballots: ballots, tallies: tallies, adopted: tallies.adopted)
}

private func ballots(_ options: [String?]) -> [Ballot] {
    zip(cell, options).map { Ballot(member: $0, option: $1) }
}

/// 1–1–1 on three proposals, then 1–1–blank on reintegration: two-thirds missed everywhere.
private func deadlocked() -> Scenario {
    var s = Fixture.throughCellMeeting()
    s.act(
        "2026-02-08",
        .holdCellVote(CellVote(proposals: [warning, radiation, mediation], ballots: ballots(["A", "B", "C"]))))
    s.act(
        "2026-02-08",
        .holdReintegrationVote(
            ReintegrationVote(
                ballots: ballots([
                    Rulebook.SanctionID.immediateReintegration, Rulebook.SanctionID.probationaryReintegration, nil
                ]))))
    return s
}

@Test func R19_consensusIsTheJudgement() {
    let s = Fixture.throughCellMeeting()
    let decision = Decision(sanctions: ["warning"], reasons: "accord de toute la cellule")
    expect(
        given: s.events, when: .reachConsensus(decision), on: d("2026-02-08"),
        then: [
            .consensusReached(decision),
            .judgementRendered(Judgement(basis: .consensus, sanctions: ["warning"], cell: cell))
        ])
    // Not before the cell met.
    expect(
        given: Fixture.throughSummary().events, when: .reachConsensus(decision), on: d("2026-02-08"),
        then: refusal(.R19))
}

@Test func R19_twoToOneVoteReachesTwoThirds() {
    let s = Fixture.throughCellMeeting()
    let vote = CellVote(proposals: [warning, radiation], ballots: ballots(["A", "A", "B"]))
    let expected = record([warning, radiation], vote.ballots)
    #expect(expected.adopted == "A")
    #expect(expected.tallies.first?.tally.arithmetic == "2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints")
    expect(
        given: s.events, when: .holdCellVote(vote), on: d("2026-02-08"),
        then: [
            .cellVoteHeld(expected),
            .judgementRendered(Judgement(basis: .cellVote, sanctions: ["warning"], cell: cell))
        ])
}

@Test func R19_onlyCellMembersVoteOnce() {
    let s = Fixture.throughCellMeeting()
    let outsider = CellVote(proposals: [warning], ballots: [Ballot(member: "m4", option: "A")])
    expect(given: s.events, when: .holdCellVote(outsider), on: d("2026-02-08"), then: refusal(.R19))
    let twice = CellVote(
        proposals: [warning], ballots: [Ballot(member: "m1", option: "A"), Ballot(member: "m1", option: "A")])
    expect(given: s.events, when: .holdCellVote(twice), on: d("2026-02-08"), then: refusal(.R19))
    let unknown = CellVote(proposals: [warning], ballots: [Ballot(member: "m1", option: "Z")])
    expect(given: s.events, when: .holdCellVote(unknown), on: d("2026-02-08"), then: refusal(.R19))
}

@Test func R20_oneOneOneFallsToTheReintegrationVote() {
    var s = Fixture.throughCellMeeting()
    let vote = CellVote(proposals: [warning, radiation, mediation], ballots: ballots(["A", "B", "C"]))
    let expected = record([warning, radiation, mediation], vote.ballots)
    #expect(expected.adopted == nil)
    #expect(expected.tallies.first?.tally.arithmetic == "1 × 3 = 3 < 3 × 2 = 6 → deux tiers non atteints")
    expect(given: s.events, when: .holdCellVote(vote), on: d("2026-02-08"), then: [.cellVoteHeld(expected)])
    s.act("2026-02-08", .holdCellVote(vote))
    #expect(s.state.step == .awaitingReintegrationVote)
    // No consensus or second judgement vote now; no referral yet.
    expect(
        given: s.events, when: .reachConsensus(Decision(sanctions: ["warning"], reasons: "-")), on: d("2026-02-08"),
        then: refusal(.R19))
    expect(given: s.events, when: .holdCellVote(vote), on: d("2026-02-08"), then: refusal(.R20))
    expect(given: s.events, when: .referToGeneralAssembly(GAReferral()), on: d("2026-02-08"), then: refusal(.R21))
    // Probation wins 2–1: the conditions come with it.
    let probationary = ballots([
        Rulebook.SanctionID.probationaryReintegration,
        Rulebook.SanctionID.probationaryReintegration, Rulebook.SanctionID.immediateReintegration
    ])
    expect(
        given: s.events, when: .holdReintegrationVote(ReintegrationVote(ballots: probationary)), on: d("2026-02-09"),
        then: refusal(.R20))
    let withConditions = ReintegrationVote(ballots: probationary, probation: Fixture.probation)
    let proposals = [
        Proposal(
            id: Rulebook.SanctionID.immediateReintegration, sanctions: [Rulebook.SanctionID.immediateReintegration]),
        Proposal(
            id: Rulebook.SanctionID.probationaryReintegration,
            sanctions: [Rulebook.SanctionID.probationaryReintegration], probation: Fixture.probation)
    ]
    let tallies = Ballots(probationary).tallies(options: proposals.map(\.id), bodySize: 3, rulebook: .cle)
    expect(
        given: s.events, when: .holdReintegrationVote(withConditions), on: d("2026-02-09"),
        then: [
            .reintegrationVoteHeld(
                VoteRecord(
                    proposals: proposals, ballots: probationary, tallies: tallies,
                    adopted: Rulebook.SanctionID.probationaryReintegration)),
            .judgementRendered(
                Judgement(
                    basis: .reintegrationVote, sanctions: [Rulebook.SanctionID.probationaryReintegration],
                    probation: Fixture.probation, cell: cell))
        ])
}

@Test func R21_twoThirdsMissedEverywhereGoesToTheGeneralAssembly() {
    var s = deadlocked()
    #expect(s.state.step == .awaitingGeneralAssemblyReferral)
    #expect(s.state.judgement == nil)
    expect(given: s.events, when: .sendJudgementToBoard(Note()), on: d("2026-02-09"), then: refusal(.R21))
    let referral = GAReferral(assemblyOn: d("2026-06-20"), note: "AG d'été")
    expect(
        given: s.events, when: .referToGeneralAssembly(referral), on: d("2026-02-09"),
        then: [.referredToGeneralAssembly(referral)])
    s.act("2026-02-09", .referToGeneralAssembly(referral))
    #expect(s.state.step == .referredToGeneralAssembly)
    #expect(s.state.concludedOn(rulebook: .cle) == d("2026-02-09"))
    // The R07 suspension lasts until the GA decides (5.6.4 waits for a decision the cell did not render).
    #expect(s.state.activeSuspensions(on: d("2026-05-01")).map(\.rule) == [.R07])
    let vote = GAVote(
        proposals: [warning, radiation],
        votes: [
            OptionVotes(option: "A", votes: 30),
            OptionVotes(option: "B", votes: 10)
        ],
        blanks: 5, bodySize: 50)
    expect(given: s.events, when: .executeJudgement(Note()), on: d("2026-06-19"), then: refusal(.R21))
    s.act("2026-06-20", .recordGeneralAssemblyVote(vote))
    #expect(s.state.outcome?.sanctions == ["warning"])
    #expect(s.state.outcome?.source == .generalAssembly)
    #expect(s.state.activeSuspensions(on: d("2026-06-20")).isEmpty)
    #expect(s.state.step == .generalAssemblyDecided)
    expect(given: s.events, when: .closeCase(Closure(reason: "-")), on: d("2026-06-21"), then: refusal(.R22))
    s.act("2026-06-22", .executeJudgement(Note(note: "avertissement")))
    #expect(s.state.step == .executed)
    #expect(s.state.generalAssemblyExecutedOn == d("2026-06-22"))
    expect(
        given: s.events, when: .closeCase(Closure(reason: "décision de l'AG exécutée")), on: d("2026-06-22"),
        then: [.caseClosed(Closure(reason: "décision de l'AG exécutée"))])
}

@Test func R22_executionOnReceiptIsSoft() {
    var s = Fixture.throughCellMeeting()
    s.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
    expect(given: s.events, when: .executeJudgement(Note()), on: d("2026-02-09"), then: refusal(.R22))
    s.act("2026-02-09", .sendJudgementToBoard(Note()))
    #expect(s.state.step == .awaitingExecution)
    #expect(
        s.state.deadlines(asOf: d("2026-02-09"), rulebook: .cle).first { $0.rule == .R22 }?.status == .open(daysLeft: 0)
    )
    #expect(s.state.breaches(asOf: d("2026-02-11"), rulebook: .cle).map(\.rule) == [.R22])
    s.act("2026-02-12", .executeJudgement(Note(note: "avertissement envoyé")))
    #expect(s.state.step == .executed)
    #expect(
        s.state.deadlines(asOf: d("2026-02-12"), rulebook: .cle).first { $0.rule == .R22 }?.status
            == .missed(byDays: 3, doneOn: d("2026-02-12")))
}

@Test func R27_probationIsLimitedInTimeAndSpace() {
    let s = Fixture.throughCellMeeting()
    let noConditions = Decision(sanctions: [Rulebook.SanctionID.probationaryReintegration], reasons: "-")
    expect(given: s.events, when: .reachConsensus(noConditions), on: d("2026-02-08"), then: refusal(.R27))
    var unlimited = Fixture.probation
    unlimited.spaces = []
    expect(
        given: s.events,
        when: .reachConsensus(
            Decision(
                sanctions: [Rulebook.SanctionID.probationaryReintegration],
                probation: unlimited, reasons: "-")),
        on: d("2026-02-08"), then: refusal(.R27))
    let fine = Decision(
        sanctions: [Rulebook.SanctionID.probationaryReintegration, "responsibility-bar"],
        probation: Fixture.probation, reasons: "réparation attendue")
    expect(
        given: s.events, when: .reachConsensus(fine), on: d("2026-02-08"),
        then: [
            .consensusReached(fine),
            .judgementRendered(
                Judgement(basis: .consensus, sanctions: fine.sanctions, probation: Fixture.probation, cell: cell))
        ])
    let immediate = Decision(sanctions: [Rulebook.SanctionID.immediateReintegration], reasons: "faits non établis")
    expect(
        given: s.events, when: .reachConsensus(immediate), on: d("2026-02-08"),
        then: [
            .consensusReached(immediate),
            .judgementRendered(Judgement(basis: .consensus, sanctions: immediate.sanctions, cell: cell))
        ])
}
