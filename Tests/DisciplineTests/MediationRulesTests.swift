import Testing
@testable import Discipline

/// Article 5.4 (R30): a mediation from the parties' conflict to its outcome, then the refusals its text implies.
@Suite struct MediationRulesTests {
    var state = MediationDecider.initial
    var facts = MediationFacts(members: Dictionary(uniqueKeysWithValues: Fixture.members.map { ($0.id, $0) }))
    let rulebook = Rulebook.cle

    @discardableResult
    mutating func act(
        _ day: String, _ command: MediationCommand, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> [MediationEvent]
    {
        guard let d = Day(day) else { Issue.record("bad day", sourceLocation: sourceLocation); return [] }
        switch MediationDecider.decide(state, command, facts: facts, rulebook: rulebook, on: d) {
        case .success(let events):
            state = events.reduce(state) { MediationDecider.evolve($0, DatedMediationEvent(on: d, event: $1)) }
            return events
        case .failure(let refusal):
            Issue.record("refused: \(refusal)", sourceLocation: sourceLocation)
            return []
        }
    }

    func refusal(_ day: String, _ command: MediationCommand) -> Refusal? {
        guard let d = Day(day) else { return nil }
        if case .failure(let r) = MediationDecider.decide(state, command, facts: facts, rulebook: rulebook, on: d) {
            return r
        }
        return nil
    }

    static let opening = MediationOpening(parties: ["dan", "vera"], facts: "Désaccord sur la modération")
    static let loto = [EntropySource(description: "Loto du 14 mars 2026", valuesKnownOn: Day("2026-03-14"))]

    @Test mutating func R30_boardCallUnansweredThenDrawThenAgreement() throws {
        act("2026-03-02", .open(Self.opening))
        #expect(state.pending.first?.labelEn.contains("mediator to name") == true)
        act("2026-03-05", .nameMediator(MediatorNaming(mediator: "m1", by: .board)))
        #expect(state.called == "m1")
        act("2026-03-12", .recordAnswer(MediatorAnswer(mediator: "m1", answer: .noAnswer)))
        let announced = act("2026-03-12", .announceDraw(sources: Self.loto))
        guard case .drawAnnounced(let a) = announced.first else { Issue.record("no announcement"); return }
        // Independent of the conflict, dues of 2026, still a member, a person, and not the member who did not answer.
        #expect(!a.pool.contains("dan") && !a.pool.contains("vera") && !a.pool.contains("m1"))
        #expect(!a.pool.contains("lapsed") && !a.pool.contains("gone"))
        #expect(a.seatsLeft == 1)
        act("2026-03-14", .performDraw(values: [["3", "11", "17", "25", "38"]]))
        let drawn = try #require(state.mediator)
        #expect(a.pool.contains(drawn))
        if let draw = state.draw {
            #expect(CellDraw.verify(recorded: draw, announcement: a) == .matches(stepsChecked: draw.order.count))
        }
        act("2026-04-01", .conclude(MediationOutcome(outcome: .agreement, note: "Accord écrit")))
        #expect(state.pending.isEmpty)
        #expect(refusal("2026-04-02", .conclude(MediationOutcome(outcome: .failure)))?.rule == .order)
    }

    @Test mutating func R30_partiesNameTheirMediatorWhoNeedNotHaveDues() {
        act("2026-03-02", .open(Self.opening))
        act("2026-03-03", .nameMediator(MediatorNaming(mediator: "lapsed", by: .parties)))
        #expect(state.mediator == "lapsed")
    }

    @Test mutating func R30_theBoardCallsOnlyAMemberUpToDateWithThisYearsDues() {
        act("2026-03-02", .open(Self.opening))
        let r = refusal("2026-03-03", .nameMediator(MediatorNaming(mediator: "lapsed", by: .board)))
        #expect(r?.rule == .R30)
        #expect(r?.fr.contains("à jour de cotisation") == true)
    }

    @Test mutating func R30_aPartyCannotMediateItsOwnConflict() {
        act("2026-03-02", .open(Self.opening))
        #expect(
            refusal("2026-03-03", .nameMediator(MediatorNaming(mediator: "dan", by: .parties)))?.fr.contains("partie")
                == true)
    }

    @Test mutating func R30_threeInterventionsAtMost() {
        facts.interventions = ["m2": 3, "m3": 2]
        act("2026-03-02", .open(Self.opening))
        let r = refusal("2026-03-03", .nameMediator(MediatorNaming(mediator: "m2", by: .parties)))
        #expect(r?.rule == .R30)
        #expect(r?.fr.contains("3 intervention(s)") == true)
        act("2026-03-03", .nameMediator(MediatorNaming(mediator: "m3", by: .parties)))
    }

    @Test mutating func R30_theCapIsTheRulebooksNumber() {
        var book = Rulebook.cle
        book.paths = PathRules(mediation: MediationRules(interventionCap: 5))
        facts.interventions = ["m2": 3]
        act("2026-03-02", .open(Self.opening))
        let d = Day(year: 2026, month: 3, day: 3)!
        let decided = MediationDecider.decide(
            state, .nameMediator(MediatorNaming(mediator: "m2", by: .parties)),
            facts: facts, rulebook: book, on: d)
        #expect((try? decided.get()) != nil)
    }

    @Test mutating func R30_noDrawWithoutANonAnswerToTheBoardsCall() {
        act("2026-03-02", .open(Self.opening))
        #expect(refusal("2026-03-03", .announceDraw(sources: Self.loto))?.fr.contains("non-réponse") == true)
        act("2026-03-05", .nameMediator(MediatorNaming(mediator: "m1", by: .board)))
        #expect(refusal("2026-03-06", .announceDraw(sources: Self.loto))?.rule == .R30)
    }

    @Test mutating func R30_aDrawIsAnnouncedBeforeItsEntropyIsKnown() {
        act("2026-03-02", .open(Self.opening))
        act("2026-03-05", .nameMediator(MediatorNaming(mediator: "m1", by: .board)))
        act("2026-03-12", .recordAnswer(MediatorAnswer(mediator: "m1", answer: .declined)))
        #expect(refusal("2026-03-14", .announceDraw(sources: Self.loto))?.rule == .R30)
    }

    @Test mutating func R30_aMediationNeedsTwoDistinctPartiesOnTheRoster() {
        #expect(refusal("2026-03-02", .open(MediationOpening(parties: ["dan"], facts: "x")))?.rule == .R30)
        #expect(refusal("2026-03-02", .open(MediationOpening(parties: ["dan", "dan"], facts: "x")))?.rule == .R30)
        #expect(refusal("2026-03-02", .open(MediationOpening(parties: ["dan", "nobody"], facts: "x")))?.rule == .R30)
        #expect(refusal("2026-03-02", .open(MediationOpening(parties: ["dan", "gone"], facts: "x")))?.rule == .R30)
    }

    @Test mutating func R30_noOutcomeBeforeAMediator() {
        act("2026-03-02", .open(Self.opening))
        #expect(refusal("2026-03-03", .conclude(MediationOutcome(outcome: .agreement)))?.rule == .R30)
    }

    @Test mutating func order_anActIsNotDatedBeforeThePreviousOne() {
        act("2026-03-02", .open(Self.opening))
        #expect(refusal("2026-03-01", .nameMediator(MediatorNaming(mediator: "m1", by: .parties)))?.rule == .order)
    }
}
