import GreffeTestSupport
import Testing
@testable import Discipline

/// What a command should produce: these events, or a refusal under this rule.
enum Then {
    case events([CaseEvent])
    case refused(RuleID)
}

func refusal(_ rule: RuleID) -> Then { .refused(rule) }

/// Given a history, when a command is decided on a day, then exactly these events (or this refusal).
@discardableResult
func expect(
    given: [DatedEvent], when command: CaseCommand, on day: Day, then expected: Then,
    context: CaseContext = Fixture.context, rulebook: Rulebook = .cle,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Refusal? {
    let state = CaseDecider.replay(given)
    let result = CaseDecider.decide(state, command, context: context, rulebook: rulebook, on: day)
    switch (result, expected) {
    case let (.success(events), .events(wanted)):
        #expect(events == wanted, sourceLocation: sourceLocation)
        return nil
    case let (.failure(refusal), .refused(rule)):
        #expect(refusal.rule == rule, "refused under \(refusal.rule): \(refusal.en)", sourceLocation: sourceLocation)
        #expect(!refusal.fr.isEmpty && !refusal.en.isEmpty, sourceLocation: sourceLocation)
        return refusal
    case let (.success(events), .refused(rule)):
        Issue.record("expected a refusal under \(rule), got \(events.map(\.typeName))", sourceLocation: sourceLocation)
        return nil
    case let (.failure(refusal), .events):
        Issue.record("unexpected refusal: \(refusal)", sourceLocation: sourceLocation)
        return refusal
    }
}

@discardableResult
func expect(
    given: [DatedEvent], when command: CaseCommand, on day: Day, then events: [CaseEvent],
    context: CaseContext = Fixture.context, rulebook: Rulebook = .cle,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Refusal? {
    expect(
        given: given, when: command, on: day, then: .events(events), context: context, rulebook: rulebook,
        sourceLocation: sourceLocation)
}

/// Builds a history by running real commands through the decider, so long scenarios stay valid as rules evolve.
struct Scenario {
    var events: [DatedEvent] = []
    var context: CaseContext = Fixture.context
    var rulebook: Rulebook = .cle

    var state: CaseState { CaseDecider.replay(events) }

    mutating func act(_ day: String, _ command: CaseCommand, sourceLocation: SourceLocation = #_sourceLocation) {
        let on = d(day, sourceLocation: sourceLocation)
        switch CaseDecider.decide(state, command, context: context, rulebook: rulebook, on: on) {
        case let .success(new): events += new.map { DatedEvent(on: on, event: $0) }
        case let .failure(refusal): Issue.record("scenario step refused: \(refusal)", sourceLocation: sourceLocation)
        }
    }
}
