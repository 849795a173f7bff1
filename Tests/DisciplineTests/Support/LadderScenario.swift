import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

/// The package root, found from this file's path (Tests/DisciplineTests/Support/LadderScenario.swift).
let ladderPackageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A shipped ladder rulebook, read from `Sources/Registry/Rulebooks/<id>.json` and checked.
func shippedLadder(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LadderRulebook {
    let url = ladderPackageRoot.appendingPathComponent("Sources/Registry/Rulebooks/\(id).json")
    switch LadderRulebook.load(from: try Data(contentsOf: url)) {
    case .success(let book): return book
    case .failure(let invalid):
        Issue.record("\(id) is invalid: \(invalid)", sourceLocation: sourceLocation)
        throw invalid
    }
}

/// A person's ladder record built by running real commands through the decider, with given/when/then checks.
struct LadderScenario {
    let rulebook: LadderRulebook
    var member: MemberID = "m004"
    var events: [DatedLadderEvent] = []

    init(_ rulebook: LadderRulebook) { self.rulebook = rulebook }

    var state: LadderState { LadderDecider.replay(events) }

    /// When `command` is decided on `day`, then it is recorded (the scenario moves on).
    @discardableResult
    mutating func act(
        _ day: String, _ command: LadderCommand, sourceLocation: SourceLocation = #_sourceLocation
    )
        -> [LadderEvent]
    {
        let on = d(day, sourceLocation: sourceLocation)
        switch LadderDecider.decide(state, command, member: member, rulebook: rulebook, on: on) {
        case .success(let new):
            events += new.map { DatedLadderEvent(on: on, event: $0) }
            return new
        case .failure(let refusal):
            Issue.record("scenario step refused: \(refusal)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// When `command` is decided on `day`, then it is refused under the rulebook's rule, quoting `article`.
    @discardableResult
    func refuses(
        _ day: String, _ command: LadderCommand, article: String? = nil, saying words: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> LadderRefusal? {
        switch LadderDecider.decide(
            state, command, member: member, rulebook: rulebook, on: d(day, sourceLocation: sourceLocation))
        {
        case .success(let events):
            Issue.record("expected a refusal, got \(events.map(\.typeName))", sourceLocation: sourceLocation)
            return nil
        case .failure(let refusal):
            #expect(refusal.rule == rulebook.rule, sourceLocation: sourceLocation)
            #expect(
                !refusal.fr.isEmpty && !refusal.en.isEmpty && !refusal.quote.isEmpty, sourceLocation: sourceLocation)
            if let article { #expect(refusal.article == article, "\(refusal)", sourceLocation: sourceLocation) }
            if let words { #expect(refusal.fr.contains(words), "\(refusal.fr)", sourceLocation: sourceLocation) }
            return refusal
        }
    }
}

func incident(_ facts: String = "faits", kind: String? = nil, channel: LadderRulebook.Channel? = nil) -> LadderCommand {
    .recordIncident(IncidentReport(kind: kind, channel: channel, facts: .clear(facts)))
}

func measure(
    _ id: String, by signatures: [String: String], channel: LadderRulebook.Channel? = nil, until: String? = nil,
    outcome: String? = nil, reason: String? = nil, exception: String? = nil, detail: String? = nil
) -> LadderCommand {
    .takeMeasure(
        MeasureDecision(
            measure: id,
            signatures: signatures.sorted { $0.key < $1.key }.map {
                Signature(role: $0.key, member: MemberID($0.value))
            },
            channel: channel, until: until.map { d($0) }, outcome: outcome, reason: reason.map(Sealed.clear),
            exception: exception, detail: detail.map(Sealed.clear)))
}
