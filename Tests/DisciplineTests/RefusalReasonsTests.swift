import GreffeTestSupport
import Testing
@testable import Discipline

// Refusals that must give the right reason: an appeal after a referral (R21, R24), a complaint against a board
// member (R02).

@Test func R21_anAppealAfterAReferralIsRefusedForWhatItIs() {
    // Both cell votes missed two-thirds and the case went to the GA: there is no cell decision to appeal.
    var s = Fixture.throughCellMeeting()
    let cell: [MemberID] = ["m1", "m2", "m3"]
    let proposals = [
        Proposal(id: "A", sanctions: ["warning"]), Proposal(id: "B", sanctions: ["mediation"]),
        Proposal(id: "C", sanctions: [Rulebook.SanctionID.radiation])
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
            ReintegrationVote(ballots: [
                Ballot(member: "m1", option: Rulebook.SanctionID.immediateReintegration),
                Ballot(member: "m2", option: Rulebook.SanctionID.probationaryReintegration),
                Ballot(member: "m3", option: nil)
            ])))
    s.act("2026-02-09", .referToGeneralAssembly(GAReferral(assemblyOn: d("2026-06-20"))))
    let refused = expect(
        given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-02-10"), then: refusal(.R21))
    #expect(refused?.fr.contains("renvoyé à l'Assemblée générale") == true)
    // Once the GA decided, its judgement is final.
    s.act(
        "2026-06-20",
        .recordGeneralAssemblyVote(
            GAVote(
                proposals: [Proposal(id: "A", sanctions: ["warning"])], votes: [OptionVotes(option: "A", votes: 30)],
                blanks: 0, bodySize: 40)))
    let final = expect(given: s.events, when: .lodgeAppeal(Appeal(by: "dan")), on: d("2026-06-21"), then: refusal(.R24))
    #expect(final?.fr.contains("jugement final") == true)
}

@Test func R02_aComplaintAgainstABoardMemberSaysToNameThemAsAMandateHolder() {
    var complaint = Fixture.complaint
    complaint.accused = [Party(id: "bruno", isMember: true, holdsMandate: false)]
    let refused = expect(given: [], when: .fileComplaint(complaint), on: d("2026-01-05"), then: refusal(.R02))
    #expect(refused?.fr.contains("liste des membres") == true)
    #expect(refused?.allowed == "holdsMandate = true pour bruno")
}
