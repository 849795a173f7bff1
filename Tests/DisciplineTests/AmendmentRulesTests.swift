import Testing
@testable import Discipline

/// Article 9 (R34): a board member's proposal, the GA's two-thirds, the one-month notice; then the refusals of the text.
@Suite struct AmendmentRulesTests {
    var state = AmendmentDecider.initial
    let roles: [MemberID: Set<MandateRole>] = ["alice": [.boardMember], "bob": [.boardMember], "m1": [.moderator]]
    let voters: Set<MemberID> = ["alice", "bob", "chloe", "m1", "m2"]
    var rulebook = Rulebook.cle

    static let proposal = AmendmentProposal(
        proposer: "alice", rulebook: Rulebook.cle.id, version: 2,
        sha256: String(repeating: "a", count: 64), summary: "Conseil sous 10 jours")

    @discardableResult
    mutating func act(
        _ day: String, _ command: AmendmentCommand, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> [AmendmentEvent]
    {
        guard let d = Day(day) else { return [] }
        switch AmendmentDecider.decide(state, command, roles: roles, rulebook: rulebook, on: d) {
        case .success(let events):
            state = events.reduce(state) { AmendmentDecider.evolve($0, DatedAmendmentEvent(on: d, event: $1)) }
            return events
        case .failure(let refusal):
            Issue.record("refused: \(refusal)", sourceLocation: sourceLocation)
            return []
        }
    }

    func refusal(_ day: String, _ command: AmendmentCommand) -> Refusal? {
        guard let d = Day(day) else { return nil }
        if case .failure(let r) = AmendmentDecider.decide(state, command, roles: roles, rulebook: rulebook, on: d) {
            return r
        }
        return nil
    }

    static func ballots(_ pairs: [(MemberID, String?)]) -> [Ballot] { pairs.map { Ballot(member: $0.0, option: $0.1) } }

    @Test mutating func R34_proposedByABoardMemberCarriedAtTwoThirdsThenNotifiedWithinAMonth() throws {
        // Given a board member's proposal
        act("2026-05-02", .propose(Self.proposal))
        #expect(state.pending?.fr == "vote de l'Assemblée générale (deux tiers) à tenir")
        // When the GA votes 4 adopt, 1 reject, 1 blank: 4 × 3 = 12 ≥ 6 × 2 = 12
        let events = act(
            "2026-06-04",
            .vote(
                ballots: Self.ballots([
                    ("alice", "adopt"), ("bob", "adopt"), ("chloe", "adopt"),
                    ("m1", "adopt"), ("m2", "reject")
                ]) + [], voters: voters))
        guard case .voted(let vote) = events.first else { Issue.record("no vote"); return }
        // Then it is carried and the new text is due to the members a month later
        #expect(vote.carried)
        #expect(vote.bodySize == 5)
        #expect(vote.tally.arithmetic == "4 × 3 = 12 ≥ 5 × 2 = 10 → deux tiers atteints")
        #expect(vote.noticeDue == Day("2026-07-04"))
        #expect(state.pending?.due == Day("2026-07-04"))
        #expect(AmendmentDecider.recount(vote, rulebook: rulebook) == nil)
        // And a late notice is recorded with its delay
        let sent = act("2026-07-06", .notify)
        #expect(sent == [.noticeSent(AmendmentNotice(daysLate: 2))])
        #expect(state.pending == nil)
    }

    @Test mutating func R34_theNoticeDelayComesFromTheRulebook() throws {
        rulebook.paths = PathRules(amendment: AmendmentRules(notice: Rulebook.Period(15, .days)))
        act("2026-05-02", .propose(Self.proposal))
        let events = act("2026-06-04", .vote(ballots: Self.ballots([("alice", "adopt")]), voters: voters))
        guard case .voted(let vote) = events.first else { Issue.record("no vote"); return }
        #expect(vote.noticeDue == Day("2026-06-19"))
    }

    @Test mutating func R34_belowTwoThirdsIsNotCarriedAndNothingIsToSend() throws {
        act("2026-05-02", .propose(Self.proposal))
        let events = act(
            "2026-06-04",
            .vote(ballots: Self.ballots([("alice", "adopt"), ("bob", "reject"), ("chloe", nil)]), voters: voters))
        guard case .voted(let vote) = events.first else { Issue.record("no vote"); return }
        #expect(!vote.carried)
        #expect(vote.noticeDue == nil)
        #expect(state.pending == nil)
        #expect(refusal("2026-06-05", .notify)?.rule == .R34)
    }

    @Test mutating func R34_theTextsRefusals() throws {
        // A member off the board does not propose.
        var offBoard = Self.proposal
        offBoard.proposer = "m1"
        #expect(refusal("2026-05-02", .propose(offBoard))?.rule == .R34)
        // Another organisation's rulebook, or a version not above the one in force.
        var other = Self.proposal
        other.rulebook = "autre"
        #expect(refusal("2026-05-02", .propose(other))?.rule == .R34)
        var same = Self.proposal
        same.version = 1
        #expect(refusal("2026-05-02", .propose(same))?.rule == .R34)
        // A vote with no proposal.
        #expect(refusal("2026-06-04", .vote(ballots: Self.ballots([("alice", "adopt")]), voters: voters))?.rule == .R34)
        act("2026-05-02", .propose(Self.proposal))
        // A voter not on Article 2.4's list, a member voting twice, an unknown ballot, no ballot at all.
        #expect(refusal("2026-06-04", .vote(ballots: Self.ballots([("zoe", "adopt")]), voters: voters))?.rule == .R34)
        #expect(
            refusal(
                "2026-06-04", .vote(ballots: Self.ballots([("alice", "adopt"), ("alice", "adopt")]), voters: voters))?
                .rule == .R34)
        #expect(refusal("2026-06-04", .vote(ballots: Self.ballots([("alice", "maybe")]), voters: voters))?.rule == .R34)
        #expect(refusal("2026-06-04", .vote(ballots: [], voters: voters))?.rule == .R34)
        // A vote before the proposal.
        #expect(
            refusal("2026-05-01", .vote(ballots: Self.ballots([("alice", "adopt")]), voters: voters))?.rule == .order)
    }

    @Test func R34_theAuditCatchesAForgedTally() throws {
        let ballots = Self.ballots([("alice", "adopt"), ("bob", "reject"), ("chloe", "reject")])
        let honest = AmendmentDecider.count(ballots, bodySize: 5, rulebook: .cle)
        let forged = AmendmentVote(
            ballots: ballots, bodySize: 5, tally: honest, carried: true, noticeDue: Day("2026-07-04"))
        #expect(AmendmentDecider.recount(forged, rulebook: .cle) != nil)
    }
}
