import GreffeTestSupport
import Testing
@testable import Discipline

// The GA docket (5.6.10, 5.6.12): which GA hears what, with the suspension in force and the conflicts.

private let spring = Assembly(scheduledOn: d("2026-03-01"), heldOn: d("2026-04-25"))
private let summer = Assembly(scheduledOn: d("2026-03-15"), heldOn: d("2026-06-20"))

@Test func R23_anAppealOnTheLastDayIsOnTheDocketAndALateOneIsNot() {
    var s = Fixture.throughLetters()
    // dan's window ends on 10 April: an appeal on the 11th is refused, so it never reaches a docket.
    expect(given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-04-11"), then: refusal(.R23))
    s.act("2026-04-10", .lodgeAppeal(Appeal(by: "dan", companion: "Zoé")))
    let autumn = Assembly(scheduledOn: d("2026-04-10"), heldOn: d("2026-09-12"))
    let items = Docket.items(for: autumn, among: [spring, autumn], cases: [("2026-001", s.state)], rulebook: .cle)
    let appeal = items.first { if case .appeal = $0.matter { true } else { false } }
    #expect(appeal?.matter == .appeal(by: "dan", on: d("2026-04-10"), deadline: d("2026-04-10"), companion: "Zoé"))
    // R25: the decision applies as a new suspension until the GA.
    #expect(appeal?.suspensions.map(\.rule) == [.R25])
    #expect(appeal?.questionFr.contains("avertissement") == true)
    // The parties, the rapporteur and the cell members are flagged.
    #expect(Set(appeal?.conflicts.map(\.member) ?? []) == ["dan", "vera", "carl", "alice", "m1", "m2", "m3"])
    // The spring GA's agenda was fixed on 1 March, before the appeal: it does not hear it.
    #expect(
        Docket.items(for: spring, among: [spring, autumn], cases: [("2026-001", s.state)], rulebook: .cle)
            .allSatisfy { if case .appeal = $0.matter { false } else { true } })
}

@Test func R23_anAppealWindowStillOpenOnTheGADayIsShownAsSuch() {
    let s = Fixture.throughLetters()
    let early = Assembly(scheduledOn: d("2026-02-11"), heldOn: d("2026-03-14"))
    let items = Docket.items(for: early, among: [early], cases: [("2026-001", s.state)], rulebook: .cle)
    #expect(
        items.map(\.matter) == [
            .windowOpen(party: "dan", until: d("2026-04-10")),
            .windowOpen(party: "vera", until: d("2026-04-10"))
        ])
}

@Test func R21_aReferralAfterEveryVoteFailedGoesToTheNearestGA() {
    var s = Fixture.throughCellMeeting()
    let cell: [MemberID] = ["m1", "m2", "m3"]
    let proposals = [
        Proposal(id: "A", sanctions: ["warning"]), Proposal(id: "B", sanctions: ["radiation"]),
        Proposal(id: "C", sanctions: ["mediation"])
    ]
    s.act(
        "2026-02-08",
        .holdCellVote(
            CellVote(
                proposals: proposals,
                ballots: zip(cell, ["A", "B", "C"]).map {
                    Ballot(member: $0, option: $1)
                })))
    s.act(
        "2026-02-08",
        .holdReintegrationVote(
            ReintegrationVote(
                ballots: zip(
                    cell,
                    [
                        Rulebook.SanctionID.immediateReintegration, Rulebook.SanctionID.probationaryReintegration, nil
                    ]
                ).map {
                    Ballot(member: $0, option: $1)
                })))
    s.act("2026-03-05", .referToGeneralAssembly(GAReferral()))
    // Two GAs scheduled: spring's agenda was fixed before the referral, so summer hears it.
    let cases: [(id: CaseID, state: CaseState)] = [("2026-004", s.state)]
    #expect(Docket.items(for: spring, among: [spring, summer], cases: cases, rulebook: .cle).isEmpty)
    let items = Docket.items(for: summer, among: [spring, summer], cases: cases, rulebook: .cle)
    #expect(items.map(\.matter) == [.referral(on: d("2026-03-05"))])
    #expect(items.first?.questionFr.contains("deux tiers") == true)
    #expect(items.first?.questionFr.contains("avertissement, radiation") == true)
    #expect(items.first?.suspensions.map(\.rule) == [.R07])
    // Once the GA decided, the case leaves every later docket.
    s.act(
        "2026-06-20",
        .recordGeneralAssemblyVote(
            GAVote(
                proposals: proposals, votes: [OptionVotes(option: "A", votes: 30), OptionVotes(option: "B", votes: 10)],
                blanks: 5, bodySize: 50)))
    #expect(Docket.items(for: summer, among: [spring, summer], cases: [("2026-004", s.state)], rulebook: .cle).isEmpty)
}

@Test func R24_theNearestGAIsChosenAmongSeveral() {
    let assemblies = [summer, spring, Assembly(scheduledOn: d("2026-01-10"), heldOn: d("2026-02-01"))]
    #expect(Assembly.hearing(d("2026-02-20"), among: assemblies) == spring)
    #expect(Assembly.hearing(d("2026-03-10"), among: assemblies) == summer)
    #expect(Assembly.hearing(d("2026-07-01"), among: assemblies) == nil)
}

@Test func R24_anAppealTheGADidNotSettleStaysOnTheNextDocket() {
    var s = Fixture.throughLetters()
    s.act("2026-03-01", .lodgeAppeal(Appeal(by: "dan")))
    let first = Assembly(scheduledOn: d("2026-03-02"), heldOn: d("2026-06-20"))
    let second = Assembly(scheduledOn: d("2026-07-01"), heldOn: d("2026-12-05"))
    let assemblies = [first, second]
    #expect(Docket.items(for: first, among: assemblies, cases: [("2026-001", s.state)], rulebook: .cle).count == 1)
    // The first GA recorded nothing: the appeal, and its R25 suspension, carry over to the second.
    let carried = Docket.items(for: second, among: assemblies, cases: [("2026-001", s.state)], rulebook: .cle)
    #expect(
        carried.map(\.matter) == [.appeal(by: "dan", on: d("2026-03-01"), deadline: d("2026-04-10"), companion: nil)])
    #expect(carried.first?.suspensions.map(\.rule) == [.R25])
}
