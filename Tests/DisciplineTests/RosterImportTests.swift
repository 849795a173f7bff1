import Foundation
import Testing
@testable import Discipline

/// Idempotent, line-numbered roster imports.
@Suite struct RosterImportTests {
    static let header = ["Identifiant", "Nom", "Courriel", "Cotisation", "Type", "CA"]
    static let records: [[String]] = [
        ["m-1", "Alice Martin", "alice@example.org", "2025;2026", "personne", "oui"],
        ["m-2", "Les Ami·es", "contact@amies.org", "2026", "association", ""]
    ]

    /// Applies imported events as the application would, on one day.
    static func apply(
        _ events: [MemberID: [MemberEvent]], to existing: [MemberID: MemberRecord], on d: Day
    )
        -> [MemberID: MemberRecord]
    {
        var roster = existing
        for (id, list) in events {
            roster[id] = list.reduce(roster[id]) { MemberRecord.evolve($0, DatedMemberEvent(on: d, event: $1)) }
        }
        return roster
    }

    @Test func firstImportJoinsEveryMember() throws {
        let events = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        #expect(
            events["M0001"] == [
                .joined(
                    member: "M0001", displayName: "Alice Martin", email: "alice@example.org", kind: .person,
                    reference: "m-1"),
                .duesPaid(member: "M0001", year: 2025), .duesPaid(member: "M0001", year: 2026),
                .mandateHeld(member: "M0001", role: .boardMember)
            ])
        #expect(
            events["M0002"] == [
                .joined(
                    member: "M0002", displayName: "Les Ami·es", email: "contact@amies.org", kind: .association,
                    reference: "m-2"),
                .duesPaid(member: "M0002", year: 2026)
            ])
    }

    @Test func importingTheSameRowsTwiceGivesNoEvent() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: rosterDay("2026-01-20"))
        let second = try Roster.importEvents(header: Self.header, records: Self.records, existing: roster).get()
        #expect(second.isEmpty)
    }

    @Test func aChangedEmailGivesExactlyOneEvent() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: rosterDay("2026-01-20"))
        var changed = Self.records
        changed[0][2] = "alice.martin@example.org"
        let events = try Roster.importEvents(header: Self.header, records: changed, existing: roster).get()
        #expect(
            events == [
                "M0001": [
                    .detailsChanged(member: "M0001", displayName: nil, email: "alice.martin@example.org", kind: nil)
                ]
            ])
    }

    @Test func newDuesYearAndBoardChangeGiveOnlyThose() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: rosterDay("2026-01-20"))
        var changed = Self.records
        changed[0][3] = "2026;2027" // 2025 missing: not un-paid; 2027 new
        changed[0][5] = "non"
        changed[1][5] = "x"
        let events = try Roster.importEvents(header: Self.header, records: changed, existing: roster).get()
        #expect(
            events["M0001"] == [
                .duesPaid(member: "M0001", year: 2027), .mandateEnded(member: "M0001", role: .boardMember)
            ])
        #expect(events["M0002"] == [.mandateHeld(member: "M0002", role: .boardMember)])
    }

    @Test func absentOptionalColumnsChangeNothing() throws {
        let first = try Roster.importEvents(header: Self.header, records: Self.records, existing: [:]).get()
        let roster = Self.apply(first, to: [:], on: rosterDay("2026-01-20"))
        let events = try Roster.importEvents(
            header: ["id", "name", "email"],
            records: [["m-1", "Alice Martin", "alice@example.org"], ["m-2", "Les Ami·es", "contact@amies.org"]],
            existing: roster
        ).get()
        #expect(events.isEmpty)
    }

    @Test func malformedRowsAreReportedWithLineAndField() {
        let records: [[String]] = [
            ["m-1", "Alice", "alice@example.org", "2026", "", ""], // line 2, fine
            ["", "Sans Id", "x@example.org", "", "", ""], // line 3: empty id
            ["m-3", "Bob", "bob@", "", "", ""], // line 4: bad email
            ["m-4", "Carla", "carla@example.org", "2026;20x7", "", ""], // line 5: bad year
            ["m-1", "Alice bis", "a2@example.org", "", "", ""], // line 6: duplicate id
            ["m-6", "Dan", "dan@example.org", "", "robot", "peut-être"] // line 7: bad type, bad board
        ]
        let result = Roster.importEvents(header: Self.header, records: records, existing: [:])
        guard case .failure(let error) = result else { Issue.record("malformed file accepted"); return }
        let found = error.problems.map { "\($0.line):\($0.field)" }
        #expect(found == ["3:id", "4:email", "5:dues", "6:id", "7:type", "7:board"])
        #expect(
            error.problems.contains(
                RosterProblem(line: 6, field: "id", value: "m-1", reason: .duplicateID(firstLine: 2))))
        #expect(error.description.contains("line 5, dues: \"2026;20x7\""))
        #expect(
            error.problems.contains {
                $0.fr == "ligne 5, dues : « 2026;20x7 » n'est pas une liste d'années comme 2025;2026"
            })
    }

    @Test func rowsGivenDirectlyAreValidatedToo() {
        let rows = [
            RosterRow(line: 2, id: "m-1", name: "Alice", email: "alice@example.org", duesYears: [26]),
            RosterRow(line: 3, id: "a\nb", name: "", email: "b@example.org")
        ]
        guard case .failure(let error) = Roster.importEvents(rows: rows, existing: [:]) else {
            Issue.record("bad rows accepted"); return
        }
        #expect(error.problems.map(\.reason) == [.invalidYear, .forbiddenCharacter("\n"), .emptyName])
    }

    @Test func headersAreMatchedInFrenchOrEnglishWithoutCaseOrAccents() throws {
        let columns = try RosterColumns.map(header: [
            "\u{FEFF}ID", "Name", "E-mail", "DUES", "kind", "Board", "Téléphone"
        ])
        #expect(
            columns == RosterColumns(id: 0, name: 1, email: 2, dues: 3, kind: 4, board: 5, phone: 6, missing: ["since"])
        )
        let french = try RosterColumns.map(header: [" identifiant ", "NOM", "courriel", "Cotisation"])
        #expect(
            french
                == RosterColumns(
                    id: 0, name: 1, email: 2, dues: 3, kind: nil, board: nil,
                    missing: ["type", "board", "since"]))
        #expect(try RosterColumns.map(header: ["Identifiant", "Nom", "Émail"]).email == 2)
    }

    /// Issue 17: the spreadsheet associations export (`Identifiant;Prénom;Nom;E-mail;Cotisation 2026;Membre du CA`)
    /// was imported as "Haddad" with no first name, no dues and no seat, silently.
    @Test func anAssociationsOwnSpreadsheetGivesEveryField() throws {
        let header = ["Identifiant", "Prénom", "Nom", "E-mail", "Cotisation 2025", "Cotisation 2026", "Membre du CA"]
        let columns = try RosterColumns.map(header: header)
        #expect(columns.firstName == 1 && columns.name == 2 && columns.board == 6)
        #expect(columns.duesYears == [.init(year: 2025, column: 4), .init(year: 2026, column: 5)])
        #expect(columns.ignored.isEmpty && columns.missing == ["type", "since"])
        let events = try Roster.importEvents(
            header: header,
            records: [
                ["n01", "Nadia", "Haddad", "nadia@example.org", "non", "oui", "oui"],
                ["n02", "Jules", "Martin", "jules@example.org", "12/03/2025", "", "non"],
                ["n03", "", "Collectif Bleu", "bleu@example.org", "x", "2026-01-15", ""]
            ], existing: [:]
        ).get()
        #expect(
            events["M0001"] == [
                .joined(
                    member: "M0001", displayName: "Nadia Haddad", email: "nadia@example.org", kind: .person,
                    reference: "n01"),
                .duesPaid(member: "M0001", year: 2026), .mandateHeld(member: "M0001", role: .boardMember)
            ])
        #expect(
            events["M0002"] == [
                .joined(
                    member: "M0002", displayName: "Jules Martin", email: "jules@example.org", kind: .person,
                    reference: "n02"),
                .duesPaid(member: "M0002", year: 2025)
            ])
        #expect(
            events["M0003"] == [
                .joined(
                    member: "M0003", displayName: "Collectif Bleu", email: "bleu@example.org", kind: .person,
                    reference: "n03"),
                .duesPaid(member: "M0003", year: 2025), .duesPaid(member: "M0003", year: 2026)
            ])
    }

    @Test func aDuesYearCellThatIsNeitherYesNoNorADayIsRefusedWithItsLine() {
        let header = ["id", "nom", "courriel", "Cotisation 2026"]
        guard
            case .failure(let error) = Roster.importEvents(
                header: header,
                records: [
                    ["m1", "Ana", "ana@example.org", "peut-être"], ["m2", "Bo", "bo@example.org", "31/02/2026"]
                ], existing: [:])
        else { Issue.record("bad cells accepted"); return }
        #expect(error.problems.map(\.line) == [2, 3])
        #expect(error.problems.map(\.field) == ["dues 2026", "dues 2026"])
        #expect(error.problems.allSatisfy { $0.reason == .invalidPaid })
        #expect(error.problems[0].fr.contains("ni oui/non ni une date"))
    }

    @Test func twoColumnsForTheSameDuesYearAreRefused() {
        #expect(throws: RosterImportError.self) {
            try RosterColumns.map(header: ["id", "nom", "courriel", "Cotisation 2026", "Cotisations 2026"])
        }
    }

    @Test func columnsGreffeDoesNotReadAndOptionalColumnsMissingAreListed() throws {
        let columns = try RosterColumns.map(header: ["id", "nom", "courriel", "Commentaire", " Adresse ", ""])
        #expect(columns.ignored == ["Commentaire", "Adresse"])
        #expect(columns.missing == ["dues", "type", "board", "since"])
    }

    @Test func missingRequiredColumnIsNamed() {
        #expect(
            throws: RosterImportError(problems: [
                RosterProblem(
                    line: 1, field: "email", value: "",
                    reason: .missingColumn(accepted: ["courriel", "email", "e-mail", "mail", "téléphone", "phone"]))
            ])
        ) {
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

    @Test func controlCharactersAndBidiOverridesAreRefusedInIdentityFields() {
        let rows = [
            RosterRow(line: 2, id: "m-1", name: "Eve\u{1B}[31m", email: "eve@example.org"),
            RosterRow(line: 3, id: "m-2", name: "Zoé\u{202E}éoZ", email: "zoe@example.org"),
            RosterRow(line: 4, id: "m-3", name: "Ana", email: "ana\u{07}@example.org"),
            RosterRow(line: 5, id: "m\u{0}4", name: "Bob", email: "bob@example.org"),
            RosterRow(line: 6, id: "m-5", name: "Cy\u{85}", email: "cy@example.org")
        ]
        guard case .failure(let error) = Roster.importEvents(rows: rows, existing: [:]) else {
            Issue.record("control characters accepted"); return
        }
        #expect(error.problems.map { "\($0.line):\($0.field)" } == ["2:name", "3:name", "4:email", "5:id", "6:name"])
        #expect(
            error.problems.map(\.reason) == [
                .forbiddenCharacter("\u{1B}"), .forbiddenCharacter("\u{202E}"),
                .forbiddenCharacter("\u{07}"), .forbiddenCharacter("\u{0}"),
                .forbiddenCharacter("\u{85}")
            ])
        #expect(
            error.problems[0].description
                == "line 2, name: contains the control character U+001B (control characters, line breaks and bidirectional overrides are refused in names, ids and emails)"
        )
        // The refused text itself is not repeated in the message.
        #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test func identityFieldsHaveALengthLimitAndAreNotEchoedWhole() {
        let id = "m" + String(repeating: "9", count: 10_000)
        let rows = [RosterRow(line: 2, id: id, name: String(repeating: "é", count: 200), email: "a@example.org")]
        guard case .failure(let error) = Roster.importEvents(rows: rows, existing: [:]) else {
            Issue.record("huge id accepted"); return
        }
        #expect(
            error.problems.map(\.reason) == [
                .tooLong(maxBytes: IdentityText.maxIDBytes, bytes: 10_001),
                .tooLong(maxBytes: IdentityText.maxFieldBytes, bytes: 400)
            ])
        #expect(error.description.utf8.count < 300)
        #expect(error.problems[0].fr.hasPrefix("ligne 2, id : « m9999"))
    }
}
