import Foundation
import Testing
@testable import Discipline

private func day(_ text: String) -> Day {
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
        #expect(String(decoding: try Self.all[3].payloadJSON(), as: UTF8.self)
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
        DatedMemberEvent(on: day("2025-01-10"), event: .joined(member: "m-1", displayName: "Alice", email: "a@x.org", kind: .person)),
        DatedMemberEvent(on: day("2025-01-10"), event: .duesPaid(member: "m-1", year: 2025)),
        DatedMemberEvent(on: day("2025-03-01"), event: .mandateHeld(member: "m-1", role: .boardMember)),
        DatedMemberEvent(on: day("2025-06-01"), event: .detailsChanged(member: "m-1", displayName: "Alice M.", email: nil, kind: nil)),
        DatedMemberEvent(on: day("2026-01-15"), event: .duesPaid(member: "m-1", year: 2026)),
        DatedMemberEvent(on: day("2026-02-01"), event: .mandateEnded(member: "m-1", role: .boardMember)),
        DatedMemberEvent(on: day("2026-02-01"), event: .mandateHeld(member: "m-1", role: .moderator)),
    ]

    @Test func foldRebuildsTheMember() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        #expect(record.displayName == "Alice M.")
        #expect(record.email == "a@x.org")
        #expect(record.joinedOn == day("2025-01-10"))
        #expect(record.duesYears == [2025, 2026])
        #expect(record.mandates == [
            Mandate(role: .boardMember, from: day("2025-03-01"), until: day("2026-02-01")),
            Mandate(role: .moderator, from: day("2026-02-01")),
        ])
        #expect(!record.holdsOpenMandate(.boardMember))
        #expect(record.holdsOpenMandate(.moderator))
    }

    @Test func eventsBeforeJoiningOrAboutSomeoneElseChangeNothing() {
        #expect(MemberRecord.evolve(nil, DatedMemberEvent(on: day("2025-01-01"), event: .duesPaid(member: "m-1", year: 2025))) == nil)
        let record = MemberRecord.fold(Array(Self.stream.prefix(1)))
        let other = DatedMemberEvent(on: day("2025-02-01"), event: .left(member: "m-2"))
        #expect(MemberRecord.evolve(record, other) == record)
    }

    @Test func R13_standingOnADayUsesMandatesInForceThatDay() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        let onBoard = record.standing(on: day("2025-12-01"), judgementsSat: [])
        #expect(onBoard.boardMember)
        // The board mandate ended on 2026-02-01: not on the board that day or after.
        #expect(!record.standing(on: day("2026-02-01"), judgementsSat: []).boardMember)
        #expect(!record.standing(on: day("2026-03-01"), judgementsSat: []).boardMember)
        // Before it started.
        #expect(!record.standing(on: day("2025-02-28"), judgementsSat: []).boardMember)
    }

    @Test func R13_standingCountsDuesPaidByThatDay() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        #expect(record.standing(on: day("2026-01-14"), judgementsSat: []).duesYears == [2025])
        #expect(record.standing(on: day("2026-01-15"), judgementsSat: []).duesYears == [2025, 2026])
    }

    @Test func R17_standingCarriesTheJudgementsSat() throws {
        let record = try #require(MemberRecord.fold(Self.stream))
        let standing = record.standing(on: day("2026-03-01"), judgementsSat: ["2025-004", "2026-001"])
        #expect(standing.judgementsSat == ["2025-004", "2026-001"])
        #expect(standing.id == "m-1")
        #expect(standing.displayName == "Alice M.")
    }

    @Test func leavingAndRadiationShowInStanding() throws {
        let left = Self.stream + [DatedMemberEvent(on: day("2026-05-01"), event: .left(member: "m-1"))]
        let record = try #require(MemberRecord.fold(left))
        let standing = record.standing(on: day("2026-06-01"), judgementsSat: [])
        #expect(standing.departedOn == day("2026-05-01"))
        #expect(!standing.isActive(on: day("2026-06-01")))
        #expect(standing.isActive(on: day("2026-04-30")))

        let radiated = Self.stream + [DatedMemberEvent(on: day("2026-07-01"), event: .radiated(member: "m-1", byCase: "2026-002"))]
        let r = try #require(MemberRecord.fold(radiated))
        #expect(r.radiatedOn == day("2026-07-01"))
        #expect(r.radiatedByCase == "2026-002")
        #expect(!r.standing(on: day("2026-07-01"), judgementsSat: []).isActive(on: day("2026-07-01")))
    }
}

/// Idempotent, line-numbered roster imports.
@Suite struct RosterImportTests {
    static let header = ["Identifiant", "Nom", "Courriel", "Cotisation", "Type", "CA"]
    static let records: [[String]] = [
        ["m-1", "Alice Martin", "alice@example.org", "2025;2026", "personne", "oui"],
        ["m-2", "Les Ami·es", "contact@amies.org", "2026", "association", ""],
    ]

    /// Applies imported events as the application would, on one day.
    static func apply(_ events: [MemberID: [MemberEvent]], to existing: [MemberID: MemberRecord], on d: Day)
        -> [MemberID: MemberRecord] {
        var roster = existing
        for (id, list) in events {
            roster[id] = list.reduce(roster[id]) { MemberRecord.evolve($0, DatedMemberEvent(on: d, event: $1)) }
        }
        return roster
    }

    @Test func firstImportJoinsEveryMember() throws {
        let events = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        #expect(events["m-1"] == [
            .joined(member: "m-1", displayName: "Alice Martin", email: "alice@example.org", kind: .person),
            .duesPaid(member: "m-1", year: 2025), .duesPaid(member: "m-1", year: 2026),
            .mandateHeld(member: "m-1", role: .boardMember),
        ])
        #expect(events["m-2"] == [
            .joined(member: "m-2", displayName: "Les Ami·es", email: "contact@amies.org", kind: .association),
            .duesPaid(member: "m-2", year: 2026),
        ])
    }

    @Test func importingTheSameRowsTwiceGivesNoEvent() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: day("2026-01-20"))
        let second = try Roster.importEvents(header: Self.header, records: Self.records, existing: roster).get()
        #expect(second.isEmpty)
    }

    @Test func aChangedEmailGivesExactlyOneEvent() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: day("2026-01-20"))
        var changed = Self.records
        changed[0][2] = "alice.martin@example.org"
        let events = try Roster.importEvents(header: Self.header, records: changed, existing: roster).get()
        #expect(events == ["m-1": [.detailsChanged(member: "m-1", displayName: nil, email: "alice.martin@example.org", kind: nil)]])
    }

    @Test func newDuesYearAndBoardChangeGiveOnlyThose() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: day("2026-01-20"))
        var changed = Self.records
        changed[0][3] = "2026;2027"  // 2025 missing: not un-paid; 2027 new
        changed[0][5] = "non"
        changed[1][5] = "x"
        let events = try Roster.importEvents(header: Self.header, records: changed, existing: roster).get()
        #expect(events["m-1"] == [.duesPaid(member: "m-1", year: 2027), .mandateEnded(member: "m-1", role: .boardMember)])
        #expect(events["m-2"] == [.mandateHeld(member: "m-2", role: .boardMember)])
    }

    @Test func absentOptionalColumnsChangeNothing() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: day("2026-01-20"))
        let events = try Roster.importEvents(
            header: ["id", "name", "email"],
            records: [["m-1", "Alice Martin", "alice@example.org"], ["m-2", "Les Ami·es", "contact@amies.org"]],
            existing: roster).get()
        #expect(events.isEmpty)
    }

    @Test func malformedRowsAreReportedWithLineAndField() {
        let records: [[String]] = [
            ["m-1", "Alice", "alice@example.org", "2026", "", ""],  // line 2, fine
            ["", "Sans Id", "x@example.org", "", "", ""],            // line 3: empty id
            ["m-3", "Bob", "bob@", "", "", ""],                      // line 4: bad email
            ["m-4", "Carla", "carla@example.org", "2026;20x7", "", ""], // line 5: bad year
            ["m-1", "Alice bis", "a2@example.org", "", "", ""],      // line 6: duplicate id
            ["m-6", "Dan", "dan@example.org", "", "robot", "peut-être"], // line 7: bad type, bad board
        ]
        let result = Roster.importEvents(header: Self.header, records: records, existing: [:])
        guard case .failure(let error) = result else { Issue.record("malformed file accepted"); return }
        let found = error.problems.map { "\($0.line):\($0.field)" }
        #expect(found == ["3:id", "4:email", "5:dues", "6:id", "7:type", "7:board"])
        #expect(error.problems.contains(RosterProblem(line: 6, field: "id", value: "m-1", reason: .duplicateID(firstLine: 2))))
        #expect(error.description.contains("line 5, dues: \"2026;20x7\""))
    }

    @Test func rowsGivenDirectlyAreValidatedToo() {
        let rows = [
            RosterRow(line: 2, id: "m-1", name: "Alice", email: "alice@example.org", duesYears: [26]),
            RosterRow(line: 3, id: "a\nb", name: "", email: "b@example.org"),
        ]
        guard case .failure(let error) = Roster.importEvents(rows: rows, existing: [:]) else {
            Issue.record("bad rows accepted"); return
        }
        #expect(error.problems.map(\.reason) == [.invalidYear, .invalidID, .emptyName])
    }

    @Test func headersAreMatchedInFrenchOrEnglishWithoutCaseOrAccents() throws {
        let columns = try RosterColumns.map(header: ["\u{FEFF}ID", "Name", "E-mail", "DUES", "kind", "Board", "Téléphone"])
        #expect(columns == RosterColumns(id: 0, name: 1, email: 2, dues: 3, kind: 4, board: 5))
        let french = try RosterColumns.map(header: [" identifiant ", "NOM", "courriel", "Cotisation"])
        #expect(french == RosterColumns(id: 0, name: 1, email: 2, dues: 3, kind: nil, board: nil))
        #expect(try RosterColumns.map(header: ["Identifiant", "Nom", "Émail"]).email == 2)
    }

    @Test func missingRequiredColumnIsNamed() {
        #expect(throws: RosterImportError(problems: [
            RosterProblem(line: 1, field: "email", value: "", reason: .missingColumn(accepted: ["courriel", "email", "e-mail", "mail"])),
        ])) {
            try RosterColumns.map(header: ["id", "nom", "cotisation"])
        }
        do {
            _ = try RosterColumns.map(header: ["nom", "name", "courriel"])
            Issue.record("duplicate and missing columns accepted")
        } catch {
            #expect(error.problems.map(\.field) == ["name", "id"])
            #expect(error.description.contains("required column id is missing"))
        }
    }
}
