import Testing
@testable import Discipline

/// Article 3.2 (R31): members' request for a crisis procedure against a moderation mandate, and its 7 days.
@Suite struct CrisisRequestRulesTests {
    let members = Dictionary(uniqueKeysWithValues: Fixture.members.map { ($0.id, $0) })
    let roles: [MemberID: Set<MandateRole>] = ["dan": [.moderator], "alice": [.boardMember]]
    static let five: [MemberID] = ["m1", "m2", "m3", "m4", "m5"]
    static let day = Day(year: 2026, month: 3, day: 2)!

    func decide(
        _ command: CrisisRequestCommand, after state: CrisisRequestState = CrisisRequestDecider.initial,
        on day: Day = day, rulebook: Rulebook = .cle
    ) -> Result<[CrisisRequestEvent], Refusal> {
        CrisisRequestDecider.decide(state, command, members: members, roles: roles, rulebook: rulebook, on: day)
    }

    func lodging(
        _ signatories: [MemberID] = five, target: MemberID = "dan", motives: [String] = ["harm"]
    ) -> CrisisRequestLodging {
        CrisisRequestLodging(
            target: target, signatories: signatories, motives: motives, facts: "Bannissements arbitraires")
    }

    @Test func R31_fiveMembersWithDuesLodgeAndTheBoardActsWithinSevenDays() throws {
        let lodged = try decide(.lodge(lodging())).get()
        guard case .lodged(let l) = lodged.first else { Issue.record("no event"); return }
        #expect(l.due == Day(year: 2026, month: 3, day: 9))
        let state = CrisisRequestDecider.evolve(.init(), DatedCrisisRequestEvent(on: Self.day, event: lodged[0]))
        let onTime = try decide(.implement(caseID: "2026-004"), after: state, on: Day(year: 2026, month: 3, day: 9)!)
            .get()
        #expect(onTime == [.implemented(CrisisRequestImplemented(caseID: "2026-004", daysLate: 0))])
        let late = try decide(.implement(caseID: "2026-004"), after: state, on: Day(year: 2026, month: 3, day: 12)!)
            .get()
        #expect(late == [.implemented(CrisisRequestImplemented(caseID: "2026-004", daysLate: 3))])
    }

    @Test func R31_fourSignatoriesAreNotEnough() {
        guard case .failure(let r) = decide(.lodge(lodging(Array(Self.five.prefix(4))))) else {
            Issue.record("accepted"); return
        }
        #expect(r.rule == .R31)
        #expect(r.fr.contains("au moins 5"))
    }

    @Test func R31_theNumberOfSignatoriesIsTheRulebooks() {
        var book = Rulebook.cle
        book.paths = PathRules(crisisRequest: CrisisRequestRules(signatories: 4))
        #expect((try? decide(.lodge(lodging(Array(Self.five.prefix(4)))), rulebook: book).get()) != nil)
    }

    @Test func R31_signatoriesAreDistinctAndUpToDateWithDues() {
        guard case .failure(let twice) = decide(.lodge(lodging(["m1", "m1", "m2", "m3", "m4", "m5"]))) else {
            Issue.record("accepted"); return
        }
        #expect(twice.fr.contains("deux fois"))
        guard case .failure(let lapsed) = decide(.lodge(lodging(["m1", "m2", "m3", "m4", "lapsed"]))) else {
            Issue.record("accepted"); return
        }
        #expect(lapsed.fr.contains("lapsed n'est pas à jour de cotisation"))
        guard case .failure(let gone) = decide(.lodge(lodging(["m1", "m2", "m3", "m4", "gone"]))) else {
            Issue.record("accepted"); return
        }
        #expect(gone.rule == .R31)
    }

    @Test func R31_onlyAgainstAModerationMandateForAGraveMotive() {
        guard case .failure(let notModerator) = decide(.lodge(lodging(target: "alice"))) else {
            Issue.record("accepted"); return
        }
        #expect(notModerator.fr.contains("modération"))
        guard case .failure(let noMotive) = decide(.lodge(lodging(motives: []))) else {
            Issue.record("accepted"); return
        }
        #expect(noMotive.fr.contains("motif grave"))
        guard case .failure(let unknown) = decide(.lodge(lodging(motives: ["whim"]))) else {
            Issue.record("accepted"); return
        }
        #expect(unknown.rule == .R31)
    }
}
