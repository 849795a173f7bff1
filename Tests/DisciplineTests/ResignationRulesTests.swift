import Testing
@testable import Discipline

/// Article 2.2 (R37): a resignation is a roster act effective on the day it was sent; a member association gives its
/// proof of collective decision.
@Suite struct ResignationRulesTests {
    static let person = MemberRecord(
        id: "m4", displayName: "Damien", email: "d@x.org", kind: .person, joinedOn: Day("2025-01-02")!)
    static let association = MemberRecord(
        id: "a1", displayName: "Antenne", email: "a@x.org", kind: .association, joinedOn: Day("2025-01-02")!)

    @Test func R37_aPersonResignsByEmailEffectiveOnTheDaySent() throws {
        // Given a member, when their e-mail to the board is recorded on the day it was sent
        let event = try ResignationDecider.decide(
            Self.person, via: "email", collectiveDecision: nil, on: Day("2026-03-02")!
        ).get()
        // Then the roster event is a resignation, and the record counts them gone from that day
        #expect(event == .resigned(member: "m4", via: "email", collectiveDecision: nil))
        let record = MemberRecord.evolve(Self.person, DatedMemberEvent(on: Day("2026-03-02")!, event: event))
        #expect(record?.departedOn == Day("2026-03-02"))
        #expect(record?.standing(on: Day("2026-03-01")!, judgementsSat: []).isActive(on: Day("2026-03-01")!) == true)
        #expect(record?.standing(on: Day("2026-03-02")!, judgementsSat: []).isActive(on: Day("2026-03-02")!) == false)
    }

    @Test func R37_aMemberAssociationGivesItsProofOfCollectiveDecision() throws {
        let refused = ResignationDecider.decide(
            Self.association, via: "email", collectiveDecision: nil, on: Day("2026-03-02")!)
        #expect(refused.failureRule == .R37)
        let unsubscribed = ResignationDecider.decide(
            Self.association, via: "unsubscribed", collectiveDecision: "PV", on: Day("2026-03-02")!)
        #expect(unsubscribed.failureRule == .R37)
        let event = try ResignationDecider.decide(
            Self.association, via: "email", collectiveDecision: "PV de l'AG du 28/02/2026",
            on: Day("2026-03-02")!
        ).get()
        #expect(event == .resigned(member: "a1", via: "email", collectiveDecision: "PV de l'AG du 28/02/2026"))
    }

    @Test func R37_theTextsRefusals() throws {
        var gone = Self.person
        gone.departedOn = Day("2026-02-01")
        #expect(
            ResignationDecider.decide(gone, via: "email", collectiveDecision: nil, on: Day("2026-03-02")!).failureRule
                == .R37)
        var radiated = Self.person
        radiated.radiatedOn = Day("2026-02-01")
        #expect(
            ResignationDecider.decide(radiated, via: "email", collectiveDecision: nil, on: Day("2026-03-02")!)
                .failureRule == .R37)
        #expect(
            ResignationDecider.decide(Self.person, via: "letter", collectiveDecision: nil, on: Day("2026-03-02")!)
                .failureRule == .R37)
        #expect(
            ResignationDecider.decide(Self.person, via: "email", collectiveDecision: nil, on: Day("2024-12-31")!)
                .failureRule == .order)
    }
}

extension Result where Failure == Refusal {
    var failureRule: RuleID? {
        if case .failure(let r) = self { return r.rule }
        return nil
    }
}
