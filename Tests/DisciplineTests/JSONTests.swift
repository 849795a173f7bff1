import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

private func encoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    return e
}

@Test func json_examplesCoverEveryType() {
    #expect(Set(Examples.commands.map(\.typeName)) == Set(CaseCommand.typeNames))
    #expect(Examples.commands.count == CaseCommand.typeNames.count)
    #expect(Set(Examples.events.map(\.typeName)) == Set(CaseEvent.typeNames))
    #expect(Examples.events.count == CaseEvent.typeNames.count)
}

@Test func json_everyCommandRoundTripsAsAFlatObjectWithType() throws {
    for command in Examples.commands {
        let data = try encoder().encode(command)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["type"] as? String == command.typeName)
        #expect(object?["commandId"] as? String == command.commandId)
        let back = try JSONDecoder().decode(CaseCommand.self, from: data)
        #expect(back == command, "\(command.typeName)")
    }
}

@Test func json_everyEventPayloadRoundTripsWithoutTheDay() throws {
    for event in Examples.events {
        let payload = try event.payloadJSON()
        let object = try JSONSerialization.jsonObject(with: payload) as? [String: Any]
        #expect(object?["type"] == nil)
        #expect(object?["on"] == nil && object?["occurredOn"] == nil)
        #expect(try CaseEvent.decode(type: event.typeName, payload: payload) == event, "\(event.typeName)")
        // The flat form round-trips too.
        let flat = try encoder().encode(event)
        #expect(try JSONDecoder().decode(CaseEvent.self, from: flat) == event, "\(event.typeName) flat")
    }
}

@Test func json_payloadsAreCanonical() throws {
    let event = Examples.events[1]
    let text = String(decoding: try event.payloadJSON(), as: UTF8.self)
    #expect(
        text.hasPrefix(#"{"accused":[{"holdsMandate":true,"id":"dan","isMember":true}],"boardLearnedOn":"2026-02-08""#))
}

@Test func json_unknownTypesAreErrorsNotCrashes() {
    #expect(throws: CaseEvent.UnknownEventType.self) { try CaseEvent.decode(type: "Nope", payload: Data("{}".utf8)) }
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(CaseCommand.self, from: Data(#"{"type":"nope"}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(CaseCommand.self, from: Data(#"{"type":"complaint.file","facts":"x"}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
        try CaseEvent.decode(type: "ComplaintFiled", payload: Data(#"{"boardLearnedOn":"2026-02-30"}"#.utf8))
    }
}

@Test func json_commandFromAScript() throws {
    let text = #"{"type":"appeal.lodge","by":"dan","companion":"Zoé","commandId":"k-42"}"#
    let command = try JSONDecoder().decode(CaseCommand.self, from: Data(text.utf8))
    #expect(command == .lodgeAppeal(Appeal(by: "dan", companion: "Zoé"), commandId: "k-42"))
}

@Test func rulebook_roundTripsAndLoads() throws {
    let data = try Rulebook.cle.jsonData()
    #expect(try Rulebook.load(from: data) == Rulebook.cle)
    #expect(try Rulebook.cle.jsonData() == data)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""timeZone" : "Europe/Paris""#))
    #expect(Rulebook.cle.motives.count == 20)
    #expect(Rulebook.cle.sanction(Rulebook.SanctionID.probationaryReintegration) != nil)
    var broken = Rulebook.cle
    broken.cellSize = 0
    #expect(throws: Rulebook.InvalidRulebook.self) { try Rulebook.load(from: try broken.jsonData()) }
    #expect(throws: Rulebook.InvalidRulebook(description: "$.id: required field missing")) {
        try Rulebook.load(from: Data(#"{"kind": "procedure"}"#.utf8))
    }
    // The file form names its kind; a ladder file is not a procedure.
    #expect(String(decoding: data, as: UTF8.self).contains(#""kind" : "procedure""#))
    #expect(throws: Rulebook.InvalidRulebook.self) { try Rulebook.load(from: Data(#"{"kind": "ladder"}"#.utf8)) }
}

@Test func rulebook_numbersComeFromTheRulebook() {
    // A rulebook with other numbers changes the procedure without code changes.
    var book = Rulebook.cle
    book.deadlines.boardMeeting = .init(.init(3, .days), from: .complaintFiled)
    let filed = CaseDecider.replay([DatedEvent(on: d("2026-01-05"), event: .complaintFiled(Fixture.complaint))])
    #expect(filed.deadlines(asOf: d("2026-01-05"), rulebook: book).first { $0.rule == .R04 }?.due == d("2026-01-08"))
    book.deadlines.boardMeeting = .init(.init(7, .days), from: .boardLearned)
    var complaint = Fixture.complaint
    complaint.boardLearnedOn = d("2026-01-01")
    let early = CaseDecider.replay([DatedEvent(on: d("2026-01-05"), event: .complaintFiled(complaint))])
    #expect(early.deadlines(asOf: d("2026-01-05"), rulebook: book).first { $0.rule == .R04 }?.due == d("2026-01-08"))
}

@Test func json_datedEventsRoundTrip() throws {
    let history = Fixture.throughLetters().events
    let data = try encoder().encode(history)
    #expect(try JSONDecoder().decode([DatedEvent].self, from: data) == history)
    #expect(String(decoding: data, as: UTF8.self).hasPrefix(#"[{"event":{"accused":"#))
}
