import GreffeTestSupport
import Testing
@testable import Discipline

// The outcomes the règlement admits and the ways forward it leaves open: the general assembly « selon les mêmes
// modalités que la cellule de crise » (R24), a decision of no sanction (R19), the conditions of a probation (R27), the
// replacement of a cell member (R13).

private let radiate = Proposal(id: "radiate", sanctions: [Rulebook.SanctionID.radiation])
private let warn = Proposal(id: "warn", sanctions: ["warning"])
private let immediate = Rulebook.SanctionID.immediateReintegration
private let probationary = Rulebook.SanctionID.probationaryReintegration

/// A cell radiation, executed, appealed by the accused on 1 March.
private func radiationAppealed() -> Scenario {
    var s = Fixture.throughCellMeeting()
    s.act("2026-02-08", .reachConsensus(Decision(sanctions: [Rulebook.SanctionID.radiation], reasons: "faits graves")))
    s.act("2026-02-09", .sendJudgementToBoard(Note()))
    s.act("2026-02-09", .executeJudgement(Note()))
    s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "dan")))
    s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "vera")))
    s.act("2026-03-01", .lodgeAppeal(Appeal(by: "dan")))
    return s
}

/// 18 of 40 for radiation, 18 for a warning, 4 blank: two-thirds missed on the sanction.
private let splitOnTheSanction = GAVote(
    proposals: [radiate, warn],
    votes: [OptionVotes(option: "radiate", votes: 18), OptionVotes(option: "warn", votes: 18)],
    blanks: 4, bodySize: 40)

private func reintegration(
    _ immediateVotes: Int, _ probationaryVotes: Int, blanks: Int = 0,
    probation: Probation? = nil
) -> GAReintegrationVote {
    GAReintegrationVote(
        votes: [
            OptionVotes(option: immediate, votes: immediateVotes),
            OptionVotes(option: probationary, votes: probationaryVotes)
        ],
        blanks: blanks, bodySize: 40, probation: probation)
}

@Test func R24_aGAMissingTwoThirdsOnTheSanctionVotesOnTheReintegrationAsTheCellDoes() {
    // Given an appeal, when the assembly's vote on the sanction misses two-thirds,
    var s = radiationAppealed()
    s.act("2026-06-20", .recordGeneralAssemblyVote(splitOnTheSanction))
    // then the next step is its vote on the reintegration, not a resolution (« selon les mêmes modalités »).
    #expect(s.state.step == .awaitingGeneralAssemblyReintegrationVote)
    let early = GAResolution(
        outcome: "radiation maintenue", reason: "vote sans deux tiers",
        sanctions: [Rulebook.SanctionID.radiation])
    let refused = expect(
        given: s.events, when: .recordGeneralAssemblyResolution(early), on: d("2026-06-20"),
        then: refusal(.R24))
    #expect(refused?.allowed?.contains("ga.reintegrationVote") == true)
    expect(
        given: s.events, when: .recordGeneralAssemblyVote(splitOnTheSanction), on: d("2026-06-20"), then: refusal(.R24))
    expect(given: s.events, when: .executeJudgement(Note()), on: d("2026-06-20"), then: refusal(.R22))
    expect(
        given: s.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-06-20"), then: refusal(.R25))
    // The reintegration vote is counted like the sanction vote: 30 of 40 for probation (30 × 3 = 90 ≥ 40 × 2 = 80).
    expect(
        given: s.events, when: .recordGeneralAssemblyReintegrationVote(reintegration(8, 30, blanks: 2)),
        on: d("2026-06-20"), then: refusal(.R24)) // probation wins: its conditions are required
    let vote = reintegration(8, 30, blanks: 2, probation: Fixture.probation)
    let when = Day(year: 2026, month: 6, day: 20) ?? Day(dayNumber: 0)
    guard
        case let .success(events) = CaseDecider.decide(
            s.state, .recordGeneralAssemblyReintegrationVote(vote),
            context: Fixture.context, rulebook: .cle, on: when),
        case let .generalAssemblyReintegrationVoteHeld(record)? = events.first
    else {
        Issue.record("GA reintegration vote not recorded")
        return
    }
    #expect(record.adopted == probationary)
    #expect(record.tallies.map(\.tally.reached) == [false, true])
    s.act("2026-06-20", .recordGeneralAssemblyReintegrationVote(vote))
    #expect(s.state.step == .generalAssemblyDecided)
    #expect(s.state.outcome?.sanctions == [probationary])
    #expect(s.state.outcome?.probation == Fixture.probation)
    #expect(s.state.activeSuspensions(on: d("2026-06-20")).isEmpty)
    expect(
        given: s.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-06-21"), then: refusal(.R28))
    // Only after a failed sanction vote.
    expect(
        given: radiationAppealed().events, when: .recordGeneralAssemblyReintegrationVote(vote), on: d("2026-06-20"),
        then: refusal(.R24))
}

@Test func R24_aResolutionWhereTheTextIsSilentImposesNoSanctionTheAssemblyDidNotCarry() {
    // Given both GA votes missed two-thirds,
    var s = radiationAppealed()
    s.act("2026-06-20", .recordGeneralAssemblyVote(splitOnTheSanction))
    s.act("2026-06-20", .recordGeneralAssemblyReintegrationVote(reintegration(20, 20)))
    #expect(s.state.step == .awaitingGeneralAssemblyResolution)
    #expect(s.state.activeSuspensions(on: d("2026-06-21")).map(\.rule) == [.R25])
    // when a resolution would impose the radiation the assembly did not carry, it is refused;
    for sanction in [Rulebook.SanctionID.radiation, "warning", probationary] {
        let imposed = GAResolution(outcome: "sanction", reason: "décision du CA", sanctions: [sanction])
        expect(
            given: s.events, when: .recordGeneralAssemblyResolution(imposed), on: d("2026-06-21"), then: refusal(.R24))
    }
    // a resolution imposing nothing is recorded, then executed (the suspension is lifted), and no radiation follows.
    let none = GAResolution(outcome: "aucune sanction ; suspension levée", reason: "deux votes sans deux tiers")
    expect(
        given: s.events, when: .recordGeneralAssemblyResolution(none), on: d("2026-06-21"),
        then: [.generalAssemblyResolutionRecorded(none)])
    s.act("2026-06-21", .recordGeneralAssemblyResolution(none))
    #expect(s.state.outcome?.sanctions == [])
    #expect(s.state.activeSuspensions(on: d("2026-06-21")).isEmpty)
    expect(
        given: s.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-06-22"), then: refusal(.R28))
    s.act("2026-06-22", .executeJudgement(Note()))
    s.act("2026-06-23", .closeCase(Closure(reason: "résolution exécutée")))
    #expect(s.state.step == .closed)
}

@Test func R24_anOlderResolutionImposingAnUncarriedSanctionIsNeitherExecutedNorAnnounced() {
    // Given a log written before the rule: a resolution that names the radiation after a failed GA vote,
    var events = radiationAppealed().events
    let on = Day(year: 2026, month: 6, day: 20) ?? Day(dayNumber: 0)
    let failed = GAVoteRecord(
        proposals: [radiate], votes: [OptionVotes(option: "radiate", votes: 10)], blanks: 0,
        bodySize: 40, tallies: [], adopted: nil)
    events.append(DatedEvent(on: on, event: .generalAssemblyVoteFailed(failed)))
    events.append(
        DatedEvent(
            on: on,
            event: .generalAssemblyResolutionRecorded(
                GAResolution(
                    outcome: "radiation", reason: "décision du CA", sanctions: [Rulebook.SanctionID.radiation]))))
    // then neither the execution nor the announcement of that radiation is accepted.
    expect(given: events, when: .executeJudgement(Note()), on: d("2026-06-21"), then: refusal(.R24))
    expect(given: events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-06-21"), then: refusal(.R28))
}

@Test func R19_theCellMayDecideThatNoSanctionIsDue() {
    // Given the cell met, when it decides by consensus that no sanction is due,
    var s = Fixture.throughCellMeeting()
    let none = Decision(sanctions: [], reasons: "faits non établis")
    expect(
        given: s.events, when: .reachConsensus(none), on: d("2026-02-08"),
        then: [
            .consensusReached(none),
            .judgementRendered(Judgement(basis: .consensus, sanctions: [], cell: ["m1", "m2", "m3"]))
        ])
    // (with its reasons, and without probation conditions)
    expect(
        given: s.events, when: .reachConsensus(Decision(sanctions: [], reasons: " ")), on: d("2026-02-08"),
        then: refusal(.R19))
    expect(
        given: s.events, when: .reachConsensus(Decision(sanctions: [], probation: Fixture.probation, reasons: "r")),
        on: d("2026-02-08"), then: refusal(.R19))
    s.act("2026-02-08", .reachConsensus(none))
    // then the board's suspension ends with the decision, the letter, execution, appeal and closing follow.
    #expect(s.state.outcome?.sanctions == [])
    #expect(s.state.activeSuspensions(on: d("2026-02-08")).isEmpty)
    s.act("2026-02-09", .sendJudgementToBoard(Note()))
    s.act("2026-02-09", .executeJudgement(Note()))
    s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "dan")))
    s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "vera")))
    expect(
        given: s.events, when: .announceRadiation(Radiation(member: "dan")), on: d("2026-02-11"), then: refusal(.R28))
    expect(
        given: s.events, when: .lodgeAppeal(Appeal(by: "vera")), on: d("2026-03-01"),
        then: [.appealLodged(Appeal(by: "vera"))])
    expect(
        given: s.events, when: .closeCase(Closure(reason: "aucune sanction")), on: d("2026-04-11"),
        then: [.caseClosed(Closure(reason: "aucune sanction"))])
}

@Test func R19_aTwoThirdsVoteMayCarryNoSanction() {
    // Given the cell met, when two of three vote for no sanction,
    let s = Fixture.throughCellMeeting()
    let none = Proposal(id: "none", sanctions: [])
    let ballots = [
        Ballot(member: "m1", option: "none"), Ballot(member: "m2", option: "none"),
        Ballot(member: "m3", option: "warning")
    ]
    let vote = CellVote(proposals: [none, Proposal(id: "warning", sanctions: ["warning"])], ballots: ballots)
    let state = s.state
    guard
        case let .success(events) = CaseDecider.decide(
            state, .holdCellVote(vote), context: Fixture.context,
            rulebook: .cle, on: d("2026-02-08"))
    else {
        Issue.record("vote refused")
        return
    }
    // then the judgement carries no sanction.
    #expect(events.last == .judgementRendered(Judgement(basis: .cellVote, sanctions: [], cell: ["m1", "m2", "m3"])))
}

@Test func R27_aProbationRequiresProofOfReparationAndTheApprovalOfTheMembersConcerned() {
    let s = Fixture.throughCellMeeting()
    func consensus(_ p: Probation) -> CaseCommand {
        .reachConsensus(Decision(sanctions: [probationary], probation: p, reasons: "accord"))
    }
    var noProof = Fixture.probation
    noProof.reparationProofRequired = false
    let proof = expect(given: s.events, when: consensus(noProof), on: d("2026-02-08"), then: refusal(.R27))
    #expect(proof?.fr.contains("preuves de réparation") == true)
    var unapproved = Fixture.probation
    unapproved.approvedBy = []
    let approval = expect(given: s.events, when: consensus(unapproved), on: d("2026-02-08"), then: refusal(.R27))
    #expect(approval?.fr.contains("approbation des adhérents concernés") == true)
    var selfApproved = Fixture.probation
    selfApproved.approvedBy = ["dan"]
    expect(given: s.events, when: consensus(selfApproved), on: d("2026-02-08"), then: refusal(.R27))
    var unknown = Fixture.probation
    unknown.approvedBy = ["nobody"]
    expect(given: s.events, when: consensus(unknown), on: d("2026-02-08"), then: refusal(.R27))
    // The same holds in the reintegration vote that imposes it.
    var v = Fixture.throughCellMeeting()
    v.act(
        "2026-02-08",
        .holdCellVote(
            CellVote(
                proposals: [Proposal(id: "warning", sanctions: ["warning"]), radiate],
                ballots: [
                    Ballot(member: "m1", option: "warning"), Ballot(member: "m2", option: "radiate"),
                    Ballot(member: "m3", option: nil)
                ])))
    let ballots = ["m1", "m2", "m3"].map { Ballot(member: MemberID($0), option: probationary) }
    expect(
        given: v.events, when: .holdReintegrationVote(ReintegrationVote(ballots: ballots, probation: noProof)),
        on: d("2026-02-08"), then: refusal(.R27))
    expect(
        given: v.events, when: .holdReintegrationVote(ReintegrationVote(ballots: ballots, probation: unapproved)),
        on: d("2026-02-08"), then: refusal(.R27))
    expect(
        given: s.events, when: consensus(Fixture.probation), on: d("2026-02-08"),
        then: [
            .consensusReached(Decision(sanctions: [probationary], probation: Fixture.probation, reasons: "accord")),
            .judgementRendered(
                Judgement(
                    basis: .consensus, sanctions: [probationary], probation: Fixture.probation,
                    cell: ["m1", "m2", "m3"]))
        ])
}

/// The fixture's roster, with m1 paying dues for 2026 only and the others for 2026 and 2027.
private let acrossTheYear: CaseContext = {
    var members = Fixture.members.map { m -> MemberStanding in
        var m = m
        if m.id != "m1" { m.duesYears.insert(2027) }
        return m
    }
    members.removeAll { $0.id == "lapsed" }
    return CaseContext(caseID: Fixture.caseID, members: members)
}()

@Test func R13_aCellMemberNoLongerEligibleIsReplacedWithoutUsingAPartysRecusal() {
    // Given a cell m1, m2, m3 formed in 2026, m1 having paid only the 2026 dues,
    var s = Fixture.throughSummary()
    s.context = acrossTheYear
    s.act("2026-02-03", .callCell(CellCall(channel: .online)))
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    // on 1 January m1 can no longer sit: the summary cannot go to the cell, and the refusal says how to go on.
    let stuck = expect(
        given: s.events, when: .sendSummaryToCell(Note()), on: d("2027-01-02"), then: refusal(.R13),
        context: acrossTheYear)
    #expect(stuck?.allowed?.contains("cell.replace") == true)
    // A member still eligible is not replaced on that ground, nor anyone without a reason or outside the cell.
    expect(
        given: s.events,
        when: .replaceCellMember(CellReplacement(member: "m2", ground: .noLongerEligible, reason: "?")),
        on: d("2027-01-02"), then: refusal(.R13), context: acrossTheYear)
    expect(
        given: s.events,
        when: .replaceCellMember(CellReplacement(member: "m1", ground: .noLongerEligible, reason: " ")),
        on: d("2027-01-02"), then: refusal(.R13), context: acrossTheYear)
    expect(
        given: s.events, when: .replaceCellMember(CellReplacement(member: "m4", ground: .noAnswer, reason: "r")),
        on: d("2027-01-02"), then: refusal(.R13), context: acrossTheYear)
    // When the rapporteur replaces m1 with the reason,
    let replacement = CellReplacement(member: "m1", ground: .noLongerEligible, reason: "cotisation 2026 seulement")
    expect(
        given: s.events, when: .replaceCellMember(replacement), on: d("2027-01-02"),
        then: [.cellMemberReplaced(replacement)], context: acrossTheYear)
    s.act("2027-01-02", .replaceCellMember(replacement))
    // then m1 leaves the cell, no party's recusal is used, m1 cannot come back, and a new call fills the seat.
    #expect(s.state.cell == ["m2", "m3"])
    #expect(s.state.recusalsUsed(by: "dan") == 0 && s.state.recusalsUsed(by: "vera") == 0)
    #expect(s.state.cellReplacements.map(\.value) == [replacement])
    let open = s.state.deadlines(asOf: d("2027-01-05"), rulebook: .cle).filter { $0.rule == .R13 }
    #expect(open.map(\.status) == [.open(daysLeft: 4)])
    s.act("2027-01-04", .callCell(CellCall(channel: .online, called: ["m4"])))
    expect(
        given: s.events, when: .acceptVolunteer(MemberRef(member: "m1")), on: d("2027-01-05"), then: refusal(.R13),
        context: acrossTheYear)
    s.act("2027-01-05", .acceptVolunteer(MemberRef(member: "m4")))
    let met = s.state.deadlines(asOf: d("2027-01-20"), rulebook: .cle).filter { $0.rule == .R13 }
    #expect(met.map(\.status) == [.met(on: d("2027-01-04"), marginDays: 5)])
    // Both parties keep their recusal.
    expect(
        given: s.events, when: .recuse(Recusal(by: "dan", member: "m4")), on: d("2027-01-06"),
        then: [.memberRecused(Recusal(by: "dan", member: "m4"))], context: acrossTheYear)
    s.act("2027-01-06", .sendSummaryToCell(Note()))
    #expect(s.state.instructionEndedOn == d("2027-01-06"))
}

@Test func R13_aCellMemberWhoDoesNotAnswerIsReplacedWithTheReasonRecorded() {
    var s = Fixture.throughSummary()
    s.act("2026-02-03", .callCell(CellCall(channel: .online)))
    for m: MemberID in ["m1", "m2", "m3"] { s.act("2026-02-04", .acceptVolunteer(MemberRef(member: m))) }
    // Both parties already used their recusal: before, the case had no way on.
    s.act("2026-02-05", .recuse(Recusal(by: "dan", member: "m3")))
    s.act("2026-02-05", .acceptVolunteer(MemberRef(member: "m4")))
    s.act("2026-02-06", .recuse(Recusal(by: "vera", member: "m4")))
    s.act("2026-02-06", .acceptVolunteer(MemberRef(member: "m5")))
    let silent = CellReplacement(
        member: "m2", ground: .noAnswer, reason: "aucune réponse aux courriels des 6, 8 et 10 février")
    s.act("2026-02-11", .replaceCellMember(silent))
    s.act("2026-02-11", .acceptVolunteer(MemberRef(member: "m6")))
    #expect(s.state.cell == ["m1", "m5", "m6"])
    expect(given: s.events, when: .acceptVolunteer(MemberRef(member: "m2")), on: d("2026-02-11"), then: refusal(.R13))
    s.act("2026-02-12", .sendSummaryToCell(Note()))
    #expect(s.state.instructionEndedOn == d("2026-02-12"))
    // Once the instruction ended, the cell is formed: no more replacement.
    expect(
        given: s.events, when: .replaceCellMember(CellReplacement(member: "m1", ground: .noAnswer, reason: "r")),
        on: d("2026-02-13"), then: refusal(.R13))
}

/// A small association: the board (no dues this year), the parties, and only `eligible` may sit in the cell.
private func smallAssociation(_ eligible: [MemberID]) -> CaseContext {
    var members = Fixture.members.filter { ["alice", "bob", "chloe", "dan", "vera", "carl"].contains($0.id) }
    for i in members.indices where ["alice", "bob", "chloe"].contains(members[i].id) { members[i].duesYears = [] }
    members += eligible.map { MemberStanding(id: $0, duesYears: Fixture.year) }
    return CaseContext(caseID: Fixture.caseID, members: members)
}

@Test func R15_fewerEligibleMembersThanSeatsAndNoVolunteerLeadToAnExplicitDecisionNotADeadEnd() {
    // Given an association where only m1 and m2 may sit, and a call answered by m1 alone,
    var s = Fixture.throughSummary()
    s.context = smallAssociation(["m1", "m2"])
    let decision = ExplicitDecision(
        matter: .cellCannotBeFormed, decision: "renvoi à l'Assemblée générale la plus proche",
        reason: "1 membre éligible pour 2 sièges, aucun autre volontaire")
    expect(
        given: s.events, when: .recordExplicitDecision(decision), on: d("2026-02-03"), then: refusal(.R13),
        context: s.context)
    s.act("2026-02-03", .callCell(CellCall(channel: .online)))
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    // the draw cannot complete the cell,
    let pool = s.state.cellPool(context: s.context, on: d("2026-02-10"), rulebook: .cle)
    #expect(pool == ["m2"])
    // and where a draw could, the explicit decision is refused;
    expect(given: s.events, when: .recordExplicitDecision(decision), on: d("2026-02-10"), then: refusal(.R15))
    expect(
        given: s.events,
        when: .recordExplicitDecision(
            ExplicitDecision(
                matter: .cellCannotBeFormed, decision: "renvoi",
                reason: " ")),
        on: d("2026-02-10"), then: refusal(.R21), context: s.context)
    // when the board records its decision with the reason, the matter goes to the nearest general assembly.
    expect(
        given: s.events, when: .recordExplicitDecision(decision), on: d("2026-02-10"),
        then: [.explicitDecisionRecorded(decision), .referredToGeneralAssembly(GAReferral(note: decision.reason))],
        context: s.context)
    s.act("2026-02-10", .recordExplicitDecision(decision))
    #expect(s.state.step == .referredToGeneralAssembly)
    #expect(s.state.explicitDecisions.map(\.value) == [decision])
    #expect(s.state.activeSuspensions(on: d("2026-03-01")).map(\.rule) == [.R07])
    s.act(
        "2026-06-20",
        .recordGeneralAssemblyVote(
            GAVote(
                proposals: [warn], votes: [OptionVotes(option: "warn", votes: 30)], blanks: 0, bodySize: 40)))
    #expect(s.state.outcome?.sanctions == ["warning"])
}

@Test func R11_whenEveryAccusedLeftNotAllWithoutTakingPartTheBoardMayStopExplicitly() {
    // Given two accused: m6 leaves without taking part, then dan leaves after answering,
    var s = Scenario()
    var complaint = Fixture.complaint
    complaint.accused.append(Party(id: "m6", isMember: true, holdsMandate: false))
    s.act("2026-01-05", .fileComplaint(complaint))
    s.act("2026-01-10", .holdBoardMeeting(Fixture.meeting))
    s.act("2026-01-20", .completeFile(Note()))
    s.act(
        "2026-01-21",
        .hearVictim(VictimHearing(victim: "vera", needs: "sécurité", demands: ["excuses"], origin: .victim)))
    s.act("2026-01-22", .requestExplanation(ExplanationRequest(summary: "résumé", demands: ["excuses"])))
    s.act("2026-01-25", .recordAccusedLeft(Departure(member: "m6", possibleOffence: false)))
    let decision = ExplicitDecision(
        matter: .everyAccusedLeft, decision: "arrêt de la procédure",
        reason: "les deux personnes mises en cause ont quitté l'association")
    expect(given: s.events, when: .recordExplicitDecision(decision), on: d("2026-01-25"), then: refusal(.R11))
    s.act("2026-01-30", .receiveAnswer(Answer(from: "dan", form: .written)))
    s.act("2026-02-01", .recordAccusedLeft(Departure(member: "dan", possibleOffence: false)))
    // the procedure did not stop by itself (dan took part): before, nothing said how it ends.
    #expect(s.state.stopped == nil)
    let stop = ProcedureStop(
        reason: "arrêt de la procédure — les deux personnes mises en cause ont quitté l'association")
    expect(
        given: s.events, when: .recordExplicitDecision(decision), on: d("2026-02-02"),
        then: [.explicitDecisionRecorded(decision), .procedureStopped(stop)])
    // A possible criminal offence keeps it going to a final decision (5.6.7).
    var offence = s
    offence.events.removeLast()
    offence.act("2026-02-01", .recordAccusedLeft(Departure(member: "dan", possibleOffence: true)))
    expect(given: offence.events, when: .recordExplicitDecision(decision), on: d("2026-02-02"), then: refusal(.R11))
    s.act("2026-02-02", .recordExplicitDecision(decision))
    s.act("2026-02-03", .announceRadiation(Radiation(member: "m6")))
    s.act("2026-02-03", .announceRadiation(Radiation(member: "dan")))
    s.act("2026-02-04", .closeCase(Closure(reason: "procédure arrêtée")))
    #expect(s.state.step == .closed)
}

@Test func R15_theDocketSaysTheCellCouldNotBeFormedAndNamesTheSummarysProposals() {
    var s = Fixture.throughSummary()
    s.context = smallAssociation(["m1", "m2"])
    s.act("2026-02-03", .callCell(CellCall(channel: .online)))
    s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
    s.act(
        "2026-02-10",
        .recordExplicitDecision(
            ExplicitDecision(
                matter: .cellCannotBeFormed, decision: "renvoi à l'Assemblée générale",
                reason: "1 éligible pour 2 sièges")))
    let assembly = Assembly(scheduledOn: d("2026-03-01"), heldOn: d("2026-06-20"))
    let items = Docket.items(for: assembly, among: [assembly], cases: [(Fixture.caseID, s.state)], rulebook: .cle)
    #expect(
        items.first?.questionFr.hasPrefix(
            "La cellule de crise n'a pas pu être constituée (décision explicite du Conseil)") == true,
        "\(items.map(\.questionFr))")
    #expect(items.first?.questionFr.contains("avertissement") == true)
}
