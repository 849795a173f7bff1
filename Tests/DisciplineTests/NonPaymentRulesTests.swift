import Testing
@testable import Discipline

/// Article 2.3 (R38): radiation two months after the first renewal notice for an individual member; for a member
/// association, a warning after the delay, a suspension by two-thirds of the board, then a possible radiation.
@Suite struct NonPaymentRulesTests {
    static let person = MemberRecord(
        id: "m11", displayName: "Inès", email: "i@x.org", kind: .person, joinedOn: Day("2025-01-02")!)
    static let association = MemberRecord(
        id: "a1", displayName: "Antenne", email: "a@x.org", kind: .association,
        joinedOn: Day("2025-01-02")!)
    static let board: Set<MemberID> = ["m1", "m2", "m3"]

    func given(_ events: [(String, NonPaymentEvent)]) -> NonPaymentState {
        events.reduce(NonPaymentState()) { NonPaymentDecider.evolve($0, on: Day($1.0)!, $1.1) }
    }

    func when(
        _ state: NonPaymentState, _ command: NonPaymentCommand, _ member: MemberRecord = person, on day: String,
        rulebook: Rulebook = .cle
    ) -> Result<[NonPaymentEvent], Refusal> {
        NonPaymentDecider.decide(state, command, member: member, board: Self.board, rulebook: rulebook, on: Day(day)!)
    }

    @Test func R38_theFirstNoticeSetsTheRadiationTwoMonthsLater() throws {
        // Given nothing, when the first renewal notice of 2026 is sent on 10/01/2026
        let events = try when(NonPaymentState(), .sendNotice(year: 2026), on: "2026-01-10").get()
        // Then the radiation is due on 10/03/2026 (the rulebook's two months)
        #expect(
            events == [
                .noticeSent(RenewalNotice(member: "m11", year: 2026, due: Day("2026-03-10")!, isAssociation: false))
            ])
        // and a second first notice is refused
        let state = given([("2026-01-10", events[0])])
        #expect(when(state, .sendNotice(year: 2026), on: "2026-01-20").failureRule == .R38)
        #expect(state.due(paid: false)?.what == .radiation)
        #expect(state.due(paid: true) == nil)
    }

    @Test func R38_theRadiationIsRefusedBeforeItIsDueAndRecordedFromThatDay() throws {
        let notice = NonPaymentEvent.noticeSent(
            RenewalNotice(member: "m11", year: 2026, due: Day("2026-03-10")!, isAssociation: false))
        let state = given([("2026-01-10", notice)])
        #expect(when(state, .radiate, on: "2026-03-09").failureRule == .R38)
        #expect(
            try when(state, .radiate, on: "2026-03-10").get()
                == [.radiated(NonPaymentRadiation(member: "m11", year: 2026, dueOn: Day("2026-03-10")!))])
        // The delay is the rulebook's, not a literal: one month gives 10/02.
        var book = Rulebook.cle
        book.paths = PathRules(nonPayment: NonPaymentRules(delay: Rulebook.Period(1, .months)))
        #expect(
            try when(NonPaymentState(), .sendNotice(year: 2026), on: "2026-01-10", rulebook: book).get()
                == [
                    .noticeSent(RenewalNotice(member: "m11", year: 2026, due: Day("2026-02-10")!, isAssociation: false))
                ])
    }

    @Test func R38_duesPaidEndTheProcedure() throws {
        var paid = Self.person
        paid.duesPaidOn[2026] = Day("2026-02-01")
        let notice = NonPaymentEvent.noticeSent(
            RenewalNotice(member: "m11", year: 2026, due: Day("2026-03-10")!, isAssociation: false))
        #expect(when(given([("2026-01-10", notice)]), .radiate, paid, on: "2026-03-10").failureRule == .R38)
        #expect(when(NonPaymentState(), .sendNotice(year: 2026), paid, on: "2026-02-02").failureRule == .R38)
    }

    @Test func R38_aMemberAssociationIsWarnedThenSuspendedByTwoThirdsThenRadiated() throws {
        let a = Self.association
        let notice = try when(NonPaymentState(), .sendNotice(year: 2026), a, on: "2026-01-10").get()
        #expect(
            notice == [
                .noticeSent(RenewalNotice(member: "a1", year: 2026, due: Day("2026-03-10")!, isAssociation: true))
            ])
        var state = given([("2026-01-10", notice[0])])
        // No automatic radiation for an association, and no suspension before the warning
        #expect(when(state, .radiate, a, on: "2026-03-10").failureRule == .R38)
        #expect(
            when(state, .voteSuspension(ballots: [Ballot(member: "m1", option: "suspend")]), a, on: "2026-03-10")
                .failureRule == .R38)
        // The warning comes after the delay
        #expect(when(state, .warn(NonPaymentWarning(form: .oral)), a, on: "2026-03-09").failureRule == .R38)
        let warned = try when(state, .warn(NonPaymentWarning(form: .written)), a, on: "2026-03-10").get()
        state = given([("2026-01-10", notice[0]), ("2026-03-10", warned[0])])
        // 1 of 3 is short of two-thirds: 1 × 3 = 3 < 2 × 2 = 4 (blank counted)
        let short = try when(
            state,
            .voteSuspension(ballots: [Ballot(member: "m1", option: "suspend"), Ballot(member: "m2", option: nil)]),
            a, on: "2026-03-20"
        ).get()
        guard case .suspensionVoted(let lost) = short.first else { Issue.record("no vote"); return }
        #expect(!lost.suspended)
        #expect(lost.tally.arithmetic.contains("1 × 3 = 3 < 2 × 2 = 4"))
        // 2 of 3: carried; a board outsider's ballot, or a ballot twice, is refused
        #expect(
            when(state, .voteSuspension(ballots: [Ballot(member: "m9", option: "suspend")]), a, on: "2026-03-20")
                .failureRule == .R38)
        #expect(
            when(
                state,
                .voteSuspension(ballots: [
                    Ballot(member: "m1", option: "suspend"), Ballot(member: "m1", option: "suspend")
                ]),
                a, on: "2026-03-20"
            ).failureRule == .R38)
        let carried = try when(
            state,
            .voteSuspension(ballots: [
                Ballot(member: "m1", option: "suspend"), Ballot(member: "m2", option: "suspend"),
                Ballot(member: "m3", option: "keep")
            ]), a, on: "2026-03-20"
        ).get()
        guard case .suspensionVoted(let vote) = carried.first else { Issue.record("no vote"); return }
        #expect(vote.suspended)
        #expect(vote.tally.arithmetic.contains("2 × 3 = 6 ≥ 3 × 2 = 6"))
        #expect(NonPaymentDecider.recount(vote, rulebook: .cle) == nil)
        state = NonPaymentDecider.evolve(state, on: Day("2026-03-20")!, carried[0])
        #expect(
            try when(state, .radiate, a, on: "2026-04-01").get()
                == [.radiated(NonPaymentRadiation(member: "a1", year: 2026, dueOn: Day("2026-03-20")!))])
    }
}

/// Article 3.2 (R39): at least a quarter of the members with dues under a year convene a general assembly.
@Suite struct AssemblyRequestRulesTests {
    static func member(_ id: MemberID, paid: String?) -> MemberRecord {
        var r = MemberRecord(id: id, displayName: "x", email: "x@x.org", kind: .person, joinedOn: Day("2024-01-02")!)
        if let paid { r.duesPaidOn[Day(paid)!.year] = Day(paid)! }
        return r
    }
    // 8 members with dues under a year on 02/03/2026, and one whose last dues are older.
    static let roster =
        (1...8).map { member(MemberID("m\($0)"), paid: "2026-01-05") } + [member("m9", paid: "2024-06-01")]

    @Test func R39_aQuarterOfTheMembersWithRecentDuesConveneAGeneralAssembly() throws {
        // Given 8 members with dues under a year, when 2 sign a request for distrust of the board
        let request = try AssemblyRequestDecider.decide(
            signatories: ["m1", "m2"], motive: .distrust, roster: Self.roster,
            rulebook: .cle, on: Day("2026-03-02")!
        ).get()
        // Then 2 × 4 = 8 ≥ 8 × 1 = 8: a quarter, and the board convenes it within 7 days
        #expect(request.bodySize == 8)
        #expect(request.arithmetic == "2 × 4 = 8 ≥ 8 × 1 = 8 → un quart atteint")
        #expect(request.due == Day("2026-03-09"))
    }

    @Test func R39_tooFewStaleOrRepeatedSignatoriesAreRefused() throws {
        let day = Day("2026-03-02")!
        let one = AssemblyRequestDecider.decide(
            signatories: ["m1"], motive: .distrust, roster: Self.roster, rulebook: .cle, on: day)
        #expect(one.failureRule == .R39)
        if case .failure(let r) = one { #expect(r.fr.contains("1 × 4 = 4 < 8 × 1 = 8")) }
        #expect(
            AssemblyRequestDecider.decide(
                signatories: ["m1", "m9"], motive: .distrust, roster: Self.roster, rulebook: .cle,
                on: day
            ).failureRule == .R39)
        #expect(
            AssemblyRequestDecider.decide(
                signatories: ["m1", "m1"], motive: .distrust, roster: Self.roster, rulebook: .cle,
                on: day
            ).failureRule == .R39)
        // The share is the rulebook's: a third needs 3 of 8.
        var book = Rulebook.cle
        book.paths = PathRules(
            assemblyRequest: AssemblyRequestRules(
                share: Rulebook.Threshold(numerator: 1, denominator: 3, base: .allMembersOfBody)))
        #expect(
            AssemblyRequestDecider.decide(
                signatories: ["m1", "m2"], motive: .statutes, roster: Self.roster, rulebook: book,
                on: day
            ).failureRule == .R39)
    }
}

/// Rule `person`: an outside person of the ladders has a name and a contact; a name already known is not created twice.
@Suite struct OutsiderRulesTests {
    @Test func person_anOutsiderHasANameAndAContactAndAnIdNotMadeFromTheName() throws {
        #expect(OutsiderDecider.nextID(taken: []) == "X0001")
        #expect(OutsiderDecider.nextID(taken: ["X0001", "X0002"]) == "X0003")
        let event = try OutsiderDecider.add(id: "X0001", name: " Mehdi Tazi ", contact: "m@x.org", note: "").get()
        #expect(event == .added(outsider: "X0001", name: "Mehdi Tazi", contact: "m@x.org", note: nil))
        #expect(OutsiderDecider.add(id: "X0001", name: "Mehdi Tazi", contact: " ", note: nil).failureRule == .person)
        #expect(OutsiderDecider.add(id: "X0001", name: "", contact: "m@x.org", note: nil).failureRule == .person)
        #expect(
            OutsiderDecider.add(id: "X0002", name: "Mehdi Tazi", contact: "m@x.org", note: nil, sameName: ["X0001"])
                .failureRule == .person)
        #expect(
            (try? OutsiderDecider.add(
                id: "X0002", name: "Mehdi Tazi", contact: "m@x.org", note: nil, sameName: ["X0001"],
                homonym: true
            ).get()) != nil)
    }
}
