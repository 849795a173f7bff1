import GreffeTestSupport
import Testing
@testable import Discipline

// Decisions the text does not allow: contradictory measures (R27), revoking a mandate nobody holds (R32).

@Test func R27_contradictoryMeasuresAreRefusedTogether() {
    let s = Fixture.throughCellMeeting()
    let immediate = Rulebook.SanctionID.immediateReintegration
    let probationary = Rulebook.SanctionID.probationaryReintegration
    for pair in [
        [Rulebook.SanctionID.radiation, immediate], [Rulebook.SanctionID.radiation, probationary],
        [immediate, probationary], [immediate, "responsibility-bar"], [immediate, "suspension"]
    ] {
        expect(
            given: s.events,
            when: .reachConsensus(Decision(sanctions: pair, probation: Fixture.probation, reasons: "-")),
            on: d("2026-02-08"), then: refusal(.R27))
        let vote = CellVote(
            proposals: [Proposal(id: "A", sanctions: pair, probation: Fixture.probation)],
            ballots: [
                Ballot(member: "m1", option: "A"), Ballot(member: "m2", option: "A"),
                Ballot(member: "m3", option: nil)
            ])
        expect(given: s.events, when: .holdCellVote(vote), on: d("2026-02-08"), then: refusal(.R27))
    }
    var asked = Fixture.throughSummary().events
    asked.removeLast()
    expect(
        given: asked,
        when: .writeSummary(Summary(demand: "-", defence: "-", proposedSanctions: [immediate, "suspension"])),
        on: d("2026-02-02"), then: refusal(.R27))
    // Measures that go together are still accepted.
    expect(
        given: s.events,
        when: .reachConsensus(
            Decision(
                sanctions: [probationary, "responsibility-bar"],
                probation: Fixture.probation, reasons: "-")),
        on: d("2026-02-08"),
        then: [
            .consensusReached(
                Decision(sanctions: [probationary, "responsibility-bar"], probation: Fixture.probation, reasons: "-")),
            .judgementRendered(
                Judgement(
                    basis: .consensus, sanctions: [probationary, "responsibility-bar"],
                    probation: Fixture.probation, cell: ["m1", "m2", "m3"]))
        ])
}

@Test func R32_aMandateIsRevokedOnlyFromAMandateHolder() {
    // Dan holds no mandate (roster, complaint): revoking one is refused, in a decision or a proposal.
    let s = Fixture.throughCellMeeting()
    let revoke = Decision(sanctions: ["mandate-revocation"], reasons: "-")
    let refused = expect(given: s.events, when: .reachConsensus(revoke), on: d("2026-02-08"), then: refusal(.R32))
    #expect(refused?.rule.article == "4.5")
    // The roster says Dan holds a mandate that day (a board seat): the revocation is decided.
    var mandated = Fixture.context
    mandated.members["dan"]?.boardMember = true
    expect(
        given: s.events, when: .reachConsensus(revoke), on: d("2026-02-08"),
        then: [
            .consensusReached(revoke),
            .judgementRendered(
                Judgement(
                    basis: .consensus, sanctions: ["mandate-revocation"], probation: nil, cell: ["m1", "m2", "m3"]))
        ],
        context: mandated)
}
