import Testing
@testable import Discipline

/// Article 4.5 (R32): a revocation from its ground to the board's two-thirds vote, then the refusals of the text.
@Suite struct RevocationRulesTests {
    var state = RevocationDecider.initial
    let members = Dictionary(uniqueKeysWithValues: Fixture.members.map { ($0.id, $0) })
    let roles: [MemberID: Set<MandateRole>] = [
        "alice": [.boardMember], "bob": [.boardMember], "chloe": [.boardMember], "bruno": [.boardMember, .moderator],
        "m1": [.moderator]
    ]
    var rulebook = Rulebook.cle

    @discardableResult
    mutating func act(
        _ day: String, _ command: RevocationCommand, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> [RevocationEvent]
    {
        guard let d = Day(day) else { return [] }
        switch RevocationDecider.decide(state, command, members: members, roles: roles, rulebook: rulebook, on: d) {
        case .success(let events):
            state = events.reduce(state) { RevocationDecider.evolve($0, DatedRevocationEvent(on: d, event: $1)) }
            return events
        case .failure(let refusal):
            Issue.record("refused: \(refusal)", sourceLocation: sourceLocation)
            return []
        }
    }

    func refusal(_ day: String, _ command: RevocationCommand) -> Refusal? {
        guard let d = Day(day) else { return nil }
        if case .failure(let r) = RevocationDecider.decide(
            state, command, members: members, roles: roles,
            rulebook: rulebook, on: d)
        {
            return r
        }
        return nil
    }

    static let silence = RevocationOpening(
        holder: "bruno", role: .moderator,
        ground: RevocationGround(kind: .silence, silentSince: Day("2026-01-02"), facts: "Aucune nouvelle"))

    @Test mutating func R32_silenceConvocationNoAnswerAndTwoThirdsRevoke() throws {
        act("2026-03-02", .open(Self.silence))
        act("2026-03-03", .convene(HolderConvocation(form: .writing, companion: "une amie")))
        act("2026-03-20", .recordExplanation(HolderExplanation(outcome: .noAnswer)))
        let voted = act(
            "2026-03-21",
            .vote(ballots: [
                Ballot(member: "alice", option: "revoke"),
                Ballot(member: "bob", option: "revoke"),
                Ballot(member: "chloe", option: "keep")
            ]))
        guard case .boardVoted(let v) = voted.first else { Issue.record("no vote"); return }
        #expect(v.revoked)
        #expect(v.tally.arithmetic == "2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints")
        #expect(v.bodySize == 3) // bruno, the holder, is left out of the board
        #expect(RevocationDecider.recount(v, rulebook: rulebook) == nil)
        #expect(state.closed && state.revoked)
    }

    @Test mutating func R32_oneVoteShortOfTwoThirdsKeepsTheMandate() {
        act("2026-03-02", .open(Self.silence))
        act("2026-03-03", .convene(HolderConvocation(form: .oral)))
        act("2026-03-20", .recordExplanation(HolderExplanation(outcome: .persistentDisagreement)))
        let voted = act(
            "2026-03-21",
            .vote(ballots: [
                Ballot(member: "alice", option: "revoke"),
                Ballot(member: "bob", option: "keep"), Ballot(member: "chloe", option: nil)
            ]))
        guard case .boardVoted(let v) = voted.first else { Issue.record("no vote"); return }
        #expect(!v.revoked)
    }

    @Test mutating func R32_theHolderDoesNotVote() {
        act("2026-03-02", .open(Self.silence))
        act("2026-03-03", .convene(HolderConvocation(form: .oral)))
        act("2026-03-20", .recordExplanation(HolderExplanation(outcome: .noAnswer)))
        let r = refusal(
            "2026-03-21",
            .vote(ballots: [Ballot(member: "bruno", option: "keep"), Ballot(member: "alice", option: "revoke")]))
        #expect(r?.rule == .R32)
        #expect(r?.fr.contains("ne vote pas") == true)
    }

    @Test mutating func R32_theHolderIsConvenedBeforeAnyVote() {
        act("2026-03-02", .open(Self.silence))
        #expect(refusal("2026-03-03", .recordExplanation(HolderExplanation(outcome: .noAnswer)))?.rule == .R32)
        #expect(refusal("2026-03-03", .vote(ballots: [Ballot(member: "alice", option: "revoke")]))?.rule == .R32)
    }

    @Test mutating func R32_aSettlingExplanationEndsItWithoutAVote() {
        act("2026-03-02", .open(Self.silence))
        act("2026-03-03", .convene(HolderConvocation(form: .oral)))
        act("2026-03-10", .recordExplanation(HolderExplanation(outcome: .resolved)))
        #expect(state.closed && !state.revoked)
        #expect(refusal("2026-03-11", .vote(ballots: [Ballot(member: "alice", option: "revoke")]))?.rule == .order)
    }

    @Test func R32_twoMonthsOfSilenceAreCountedFromTheRulebook() {
        let early = RevocationOpening(
            holder: "bruno", role: .moderator,
            ground: RevocationGround(kind: .silence, silentSince: Day("2026-01-02"), facts: "x"))
        let r = RevocationDecider.decide(
            RevocationDecider.initial, .open(early), members: members, roles: roles,
            rulebook: rulebook, on: Day(year: 2026, month: 3, day: 1)!)
        guard case .failure(let refusal) = r else { Issue.record("accepted"); return }
        #expect(refusal.rule == .R32)
        #expect(refusal.fr.contains("2 mois"))
    }

    @Test func R32_threeConsecutiveMeetingsMissedAtLeast() {
        let two = RevocationOpening(
            holder: "m1", role: .moderator,
            ground: RevocationGround(kind: .missedMeetings, meetingsMissed: 2, facts: "x"))
        let r = RevocationDecider.decide(
            RevocationDecider.initial, .open(two), members: members, roles: roles,
            rulebook: rulebook, on: Day(year: 2026, month: 3, day: 1)!)
        guard case .failure(let refusal) = r else { Issue.record("accepted"); return }
        #expect(refusal.fr.contains("le texte en demande 3"))
    }

    @Test func R32_onlyAMandateHeldThatDayIsRevoked() {
        let none = RevocationOpening(
            holder: "m2", role: .moderator, ground: RevocationGround(kind: .breach, facts: "x"))
        let r = RevocationDecider.decide(
            RevocationDecider.initial, .open(none), members: members, roles: roles,
            rulebook: rulebook, on: Day(year: 2026, month: 3, day: 1)!)
        guard case .failure(let refusal) = r else { Issue.record("accepted"); return }
        #expect(refusal.rule == .R32)
    }

    @Test mutating func R32_onlyBoardMembersVoteOnce() {
        act("2026-03-02", .open(Self.silence))
        act("2026-03-03", .convene(HolderConvocation(form: .oral)))
        act("2026-03-20", .recordExplanation(HolderExplanation(outcome: .noAnswer)))
        #expect(
            refusal("2026-03-21", .vote(ballots: [Ballot(member: "m3", option: "revoke")]))?.fr.contains("ne siège pas")
                == true)
        #expect(
            refusal(
                "2026-03-21",
                .vote(ballots: [
                    Ballot(member: "alice", option: "revoke"),
                    Ballot(member: "alice", option: "revoke")
                ]))?.rule == .R32)
    }

    @Test func R32_aTamperedTallyIsFoundByTheRecount() {
        let tally = Rulebook.cle.reachesTwoThirds(yes: 1, cast: 3, blanks: 0, bodySize: 3)
        let forged = RevocationVote(
            ballots: [
                Ballot(member: "alice", option: "revoke"), Ballot(member: "bob", option: "keep"),
                Ballot(member: "chloe", option: "keep")
            ], bodySize: 3, tally: tally, revoked: true)
        #expect(RevocationDecider.recount(forged, rulebook: .cle) != nil)
    }
}
