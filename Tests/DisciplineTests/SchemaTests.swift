import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

/// The package root, found from this file's path (Tests/DisciplineTests/SchemaTests.swift).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func schemaNames(_ folder: String) throws -> Set<String> {
    let dir = packageRoot.appendingPathComponent("Schemas").appendingPathComponent(folder)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    return Set(files.filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) })
}

@Test func schema_everyTypeHasASchemaAndEverySchemaAType() throws {
    let commands = try schemaNames("commands")
    let events = try schemaNames("events")
    #expect(commands.subtracting(CaseCommand.typeNames).isEmpty, "command schemas without a type")
    #expect(Set(CaseCommand.typeNames).subtracting(commands).isEmpty, "command types without a schema")
    let eventTypes = Set(CaseEvent.typeNames + MemberEvent.typeNames + AssemblyEvent.typeNames)
    #expect(events.subtracting(eventTypes).isEmpty, "event schemas without a type")
    #expect(eventTypes.subtracting(events).isEmpty, "event types without a schema")
    for name in ["rulebook", "event-envelope"] {
        #expect(
            FileManager.default.fileExists(
                atPath: packageRoot.appendingPathComponent("Schemas/\(name).schema.json").path))
    }
}

@Test(.enabled(if: python3 != nil, "python3 is not on PATH: JSON Schema validation of the examples skipped"))
func schema_examplesValidateWithJsonschema() throws {
    let temporary = TemporaryDirectory(prefix: "greffe-schemas")
    let dir = temporary.url
    let fm = FileManager.default
    for sub in ["commands", "events", "envelope"] {
        try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    for command in Examples.commands {
        try encoder.encode(command).write(to: dir.appendingPathComponent("commands/\(command.typeName).json"))
    }
    for event in Examples.events {
        try event.payloadJSON().write(to: dir.appendingPathComponent("events/\(event.typeName).json"))
    }
    let memberEvents: [MemberEvent] = [
        .joined(member: "m1", displayName: "Zoé", email: "zoe@exemple.org", kind: .person),
        .detailsChanged(member: "m1", displayName: nil, email: "zoe.b@exemple.org", kind: nil),
        .duesPaid(member: "m1", year: 2026), .mandateHeld(member: "m1", role: .boardMember),
        .mandateEnded(member: "m1", role: .other("trésorière")), .left(member: "m1"),
        .resigned(member: "a1", via: "email", collectiveDecision: "PV de l'AG du 28/02/2026"),
        .radiated(member: "m1", byCase: "2026-001")
    ]
    for event in memberEvents {
        try event.payloadJSON().write(to: dir.appendingPathComponent("events/\(event.typeName).json"))
    }
    let assembly = AssemblyEvent.scheduled(AssemblyScheduled(heldOn: Examples.day, place: "Lyon"))
    try assembly.payloadJSON().write(to: dir.appendingPathComponent("events/\(assembly.typeName).json"))
    try Rulebook.cle.jsonData().write(to: dir.appendingPathComponent("rulebook.json"))
    // One stored record as the application writes it.
    let payload = try JSONSerialization.jsonObject(with: Examples.events[1].payloadJSON())
    let envelope: [String: Any] = [
        "sequence": 1, "stream": "case-2026-001", "version": 1, "type": Examples.events[1].typeName,
        "schemaVersion": Examples.events[1].schemaVersion, "occurredOn": "2026-02-08",
        "recordedAt": "2026-02-08T09:15:00Z",
        "actor": "alice", "correlationId": "c-1", "causationId": NSNull(), "payload": payload,
        "prevHash": String(repeating: "0", count: 64), "hash": Fixture.hash
    ]
    try JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys])
        .write(to: dir.appendingPathComponent("envelope/ComplaintFiled.json"))

    let (status, text) = try validateSchemaExamples(in: dir)
    if status == 3 {
        Issue.record("jsonschema is not installed for python3: \(text)")
        return
    }
    #expect(status == 0, "schema validation failed:\n\(text)")
    #expect(
        text.contains(
            "validated \(Examples.commands.count + Examples.events.count + memberEvents.count + 3) examples, 0 errors"),
        "\(text)")
}
