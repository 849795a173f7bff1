import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

@Test func ladderSchema_everyLadderEventTypeHasASchema() throws {
    let dir = ladderPackageRoot.appendingPathComponent("Schemas/ladder-events")
    let names = Set(
        try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) })
    #expect(names == Set(LadderEvent.typeNames + [RulebookAdopted.typeName]))
}

/// The five shipped files, their canonical form (as an adoption stores them) and one payload of every ladder event
/// validate with Python's jsonschema (scripts/validate_schemas.py) against Schemas/rulebook.schema.json and Schemas/ladder-events/.
@Test(.enabled(if: python3 != nil, "python3 is not on PATH: JSON Schema validation of the ladders skipped"))
func ladderSchema_shippedRulebooksAndEventsValidateWithJsonschema() throws {
    let fm = FileManager.default
    let temporary = TemporaryDirectory(prefix: "greffe-ladder-schemas")
    let dir = temporary.url
    for sub in ["ladder-rulebooks", "ladder-events"] {
        try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let ids = ["cle-5.2", "aalmi-5", "coopol-4", "act-alliance", "collectivite"]
    for id in ids {
        let shipped = ladderPackageRoot.appendingPathComponent("Sources/Registry/Rulebooks/\(id).json")
        try fm.copyItem(at: shipped, to: dir.appendingPathComponent("ladder-rulebooks/\(id).json"))
        try shippedLadder(id).jsonData().write(to: dir.appendingPathComponent("ladder-rulebooks/\(id).canonical.json"))
    }
    let book = try shippedLadder("aalmi-5")
    let events: [LadderEvent] = [
        .opened(LadderOpened(rulebook: book.id, version: 1, member: "m004")),
        .incidentRecorded(
            IncidentRecorded(
                kind: "non-respect", channel: .privateMessage, facts: "Hors sujet",
                reportedBy: "m006", number: 2)),
        .measureTaken(
            MeasureDecision(
                measure: "exclusion",
                signatures: [
                    Signature(role: "administrateurs", member: "m001"), Signature(role: "president", member: "m002")
                ],
                channel: .phone, until: d("2026-05-01"), outcome: "accepte", reason: "récidive",
                exception: "nuisance-volontaire", detail: "groupe")),
        .escalatedToCase(EscalationLink(procedure: "cle-autistes-ri", caseID: "2026-001"))
    ]
    for event in events {
        try event.payloadJSON().write(to: dir.appendingPathComponent("ladder-events/\(event.typeName).json"))
    }
    let adopted = RulebookAdopted(rulebook: .ladder(book), sha256: try book.digest())
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(adopted).write(to: dir.appendingPathComponent("ladder-events/RulebookAdopted.json"))
    // The procedure of Article 5.6 in the same file format, and its adoption (R34).
    try RulebookDocument.procedure(.cle).jsonData().write(
        to: dir.appendingPathComponent("ladder-rulebooks/cle-autistes-ri.json"))
    let procedure = RulebookAdopted(rulebook: .procedure(.cle), sha256: try RulebookDocument.procedure(.cle).digest())
    try encoder.encode(procedure).write(to: dir.appendingPathComponent("ladder-events/RulebookAdopted.procedure.json"))

    let (status, text) = try validateSchemaExamples(in: dir)
    if status == 3 {
        Issue.record("jsonschema is not installed for python3: \(text)")
        return
    }
    #expect(status == 0, "ladder schema validation failed:\n\(text)")
    #expect(text.contains("validated \(ids.count * 2 + events.count + 3) examples, 0 errors"), "\(text)")
}
