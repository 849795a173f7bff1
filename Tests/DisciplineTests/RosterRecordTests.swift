import Foundation
import Testing
@testable import Discipline

/// A day from `YYYY-MM-DD` for the roster tests.
func rosterDay(_ text: String) -> Day {
    guard let d = Day(text) else { Issue.record("bad test day \(text)"); return Day(dayNumber: 0) }
    return d
}

/// Member events: names, payloads, round trips.
@Suite struct RosterEventTests {
    static let all: [MemberEvent] = [
        .joined(member: "m-1", displayName: "Alice Martin", email: "alice@example.org", kind: .person),
        .detailsChanged(member: "m-1", displayName: nil, email: "alice@exemple.fr", kind: nil),
        .duesPaid(member: "m-1", year: 2026),
        .mandateHeld(member: "m-1", role: .boardMember),
        .mandateEnded(member: "m-1", role: .other("trésorière")),
        .left(member: "m-1"),
        .radiated(member: "m-1", byCase: "2026-001"),
        .erased(member: "m-1", reason: "demande de la personne", requestedBy: "m-1"),
        .resigned(member: "m-1", via: "email", collectiveDecision: nil)
    ]

    @Test func everyEventRoundTripsThroughItsPayload() throws {
        #expect(Self.all.map(\.typeName) == MemberEvent.typeNames)
        #expect(MemberEvent.schemaVersion == 1)
        for event in Self.all {
            let decoded = try MemberEvent.decode(type: event.typeName, payload: event.payloadJSON())
            #expect(decoded == event)
            let viaCodable = try JSONDecoder().decode(MemberEvent.self, from: JSONEncoder().encode(event))
            #expect(viaCodable == event)
        }
    }

    @Test func payloadHasSortedKeysAndNoDay() throws {
        let json = String(decoding: try Self.all[0].payloadJSON(), as: UTF8.self)
        #expect(json == #"{"displayName":"Alice Martin","email":"alice@example.org","kind":"person","member":"m-1"}"#)
        let changed = String(decoding: try Self.all[1].payloadJSON(), as: UTF8.self)
        #expect(changed == #"{"email":"alice@exemple.fr","member":"m-1"}"#)
        #expect(
            String(decoding: try Self.all[3].payloadJSON(), as: UTF8.self)
                == #"{"member":"m-1","role":"board-member"}"#)
    }

    @Test func unknownTypeAndMissingFieldAreErrors() {
        #expect(throws: MemberEventDecodingError.unknownType("MemberTeleported")) {
            try MemberEvent.decode(type: "MemberTeleported", payload: Data(#"{"member":"m"}"#.utf8))
        }
        #expect(throws: MemberEventDecodingError.missingField(type: "MemberDuesPaid", field: "year")) {
            try MemberEvent.decode(type: "MemberDuesPaid", payload: Data(#"{"member":"m"}"#.utf8))
        }
    }
}

/// The fold of a member's stream and the standing a case decider reads.
@Suite struct RosterRecordTests {
    static let stream: [DatedMemberEvent] = [
        DatedMemberEvent(
            on: rosterDay("2025-01-10"),
            event: .joined(member: "m-1", displayName: "Alice", email: "a@x.org", kind: .person)),
        DatedMemberEvent(on: rosterDay("2025-01-10"), event: .duesPaid(member: "m-1", year: 2025)),
        DatedMemberEvent(on: rosterDay("2025-03-01"), event: .mandateHeld(member: "m-1", role: .boardMember)),
        DatedMemberEvent(
            on: rosterDay("2025-06-01"),
            event: .detailsChanged(member: "m-1", displayName: "Alice M.", email: nil, kind: nil)),
        DatedMemberEvent(on: rosterDay("2026-01-15"), event: .duesPaid(member: "m-1", year: 2026)),
        DatedMemberEvent(on: rosterDay("2026-02-01"), event: .mandateEnded(member: "m-1", role: .boardMember)),
        DatedMemberEvent(on: rosterDay("2026-02-01"), event: .mandateHeld(member: "m-1", role: .moderator))
    ]

    @Test func foldRebuildsTheMember() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        #expect(record.displayName == "Alice M.")
        #expect(record.email == "a@x.org")
        #expect(record.joinedOn == rosterDay("2025-01-10"))
        #expect(record.duesYears == [2025, 2026])
        #expect(
            record.mandates == [
                Mandate(role: .boardMember, from: rosterDay("2025-03-01"), until: rosterDay("2026-02-01")),
                Mandate(role: .moderator, from: rosterDay("2026-02-01"))
            ])
        #expect(!record.holdsOpenMandate(.boardMember))
        #expect(record.holdsOpenMandate(.moderator))
    }

    @Test func eventsBeforeJoiningOrAboutSomeoneElseChangeNothing() {
        #expect(
            MemberRecord.evolve(
                nil, DatedMemberEvent(on: rosterDay("2025-01-01"), event: .duesPaid(member: "m-1", year: 2025))) == nil)
        let record = MemberRecord.fold(Array(Self.stream.prefix(1)))
        let other = DatedMemberEvent(on: rosterDay("2025-02-01"), event: .left(member: "m-2"))
        #expect(MemberRecord.evolve(record, other) == record)
    }

    @Test func R13_standingOnADayUsesMandatesInForceThatDay() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        let onBoard = record.standing(on: rosterDay("2025-12-01"), judgementsSat: [])
        #expect(onBoard.boardMember)
        // The board mandate ended on 2026-02-01: not on the board that day or after.
        #expect(!record.standing(on: rosterDay("2026-02-01"), judgementsSat: []).boardMember)
        #expect(!record.standing(on: rosterDay("2026-03-01"), judgementsSat: []).boardMember)
        // Before it started.
        #expect(!record.standing(on: rosterDay("2025-02-28"), judgementsSat: []).boardMember)
    }

    @Test func R13_standingCountsDuesPaidByThatDay() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        #expect(record.standing(on: rosterDay("2026-01-14"), judgementsSat: []).duesYears == [2025])
        #expect(record.standing(on: rosterDay("2026-01-15"), judgementsSat: []).duesYears == [2025, 2026])
    }

    @Test func R17_standingCarriesTheJudgementsSat() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        let standing = record.standing(on: rosterDay("2026-03-01"), judgementsSat: ["2025-004", "2026-001"])
        #expect(standing.judgementsSat == ["2025-004", "2026-001"])
        #expect(standing.id == "m-1")
        #expect(standing.displayName == "Alice M.")
    }

    @Test func leavingAndRadiationShowInStanding() throws {
        let left = Self.stream + [DatedMemberEvent(on: rosterDay("2026-05-01"), event: .left(member: "m-1"))]
        let record = try #require(MemberRecord.fold(left))
        let standing = record.standing(on: rosterDay("2026-06-01"), judgementsSat: [])
        #expect(standing.departedOn == rosterDay("2026-05-01"))
        #expect(!standing.isActive(on: rosterDay("2026-06-01")))
        #expect(standing.isActive(on: rosterDay("2026-04-30")))

        let radiated =
            Self.stream + [
                DatedMemberEvent(on: rosterDay("2026-07-01"), event: .radiated(member: "m-1", byCase: "2026-002"))
            ]
        let r = try #require(MemberRecord.fold(radiated))
        #expect(r.radiatedOn == rosterDay("2026-07-01"))
        #expect(r.radiatedByCase == "2026-002")
        #expect(!r.standing(on: rosterDay("2026-07-01"), judgementsSat: []).isActive(on: rosterDay("2026-07-01")))
    }
}
