import Foundation
import Testing
@testable import Discipline

/// Issue 15, « Ids must be opaque »: the register gives each new member its own id (`M0001`…), the association's
/// identifier becomes the member's sealed `reference`, and a later import finds the member again by it.
@Suite struct OpaqueMemberIDTests {
    static let header = ["Identifiant", "Nom", "Courriel", "Cotisation"]

    /// The roster after `events`, as the application folds it, with the texts still in clear (as the registry reveals
    /// them before an import).
    static func apply(
        _ events: [MemberID: [MemberEvent]], to existing: [MemberID: MemberRecord]
    )
        -> [MemberID: MemberRecord]
    {
        RosterImportTests.apply(events, to: existing, on: rosterDay("2026-01-20"))
    }

    @Test func newMembersGetTheRegistersIdsInFileOrder() throws {
        // Given a file whose identifiers say something about the person and are not in any order
        let records = [
            ["jules.m", "Jules Martin", "jules@example.org", "2026"],
            ["ana.b", "Ana Bel", "ana@example.org", "2026"],
            ["zoe", "Zoé Roy", "zoe@example.org", ""]
        ]
        // When it is imported into an empty register
        let events = try Roster.importEvents(header: Self.header, records: records, existing: [:]).get()
        // Then the members are M0001, M0002, M0003 in the file's order, each with their identifier as reference
        #expect(Set(events.keys) == ["M0001", "M0002", "M0003"])
        let references = events.mapValues { list -> String? in
            for case .joined(_, _, _, _, _, let reference?) in list { return reference.clearText }
            return nil
        }
        #expect(references == ["M0001": "jules.m", "M0002": "ana.b", "M0003": "zoe"])
        // And no id carries anything of the file
        #expect(events.keys.allSatisfy { !$0.rawValue.contains("jules") && !$0.rawValue.contains("ana") })
    }

    @Test func idsAreNeverReusedAndFollowTheLastOne() throws {
        // Given a register holding M0001 and M0002, the first of whom has left
        let first = try Roster.importEvents(
            header: Self.header,
            records: [["a", "Ana", "ana@example.org", "2026"], ["b", "Bo", "bo@example.org", "2026"]], existing: [:]
        ).get()
        var roster = Self.apply(first, to: [:])
        roster = Self.apply(["M0001": [.left(member: "M0001")]], to: roster)
        // When a file lists a new person (and no longer lists the one who left)
        let second = try Roster.importEvents(
            header: Self.header,
            records: [["b", "Bo", "bo@example.org", "2026"], ["c", "Cy", "cy@example.org", "2026"]],
            existing: roster
        ).get()
        // Then the new person is M0003: M0001 stays taken
        #expect(Array(second.keys) == ["M0003"])
        #expect(Roster.nextMemberID(taken: ["M0001", "M0002"]).id == "M0003")
        #expect(Roster.nextMemberID(taken: []).id == "M0001")
    }

    @Test func aReimportFindsTheMemberByTheirReference() throws {
        // Given a member imported with the identifier m-7
        let first = try Roster.importEvents(
            header: Self.header, records: [["m-7", "Nadia Haddad", "nadia@example.org", "2026"]], existing: [:]
        ).get()
        let roster = Self.apply(first, to: [:])
        #expect(roster["M0001"]?.reference == "m-7")
        // When a later file gives the same identifier with a new e-mail and a new year
        let second = try Roster.importEvents(
            header: Self.header, records: [["m-7", "Nadia Haddad", "nadia.h@example.org", "2026;2027"]],
            existing: roster
        ).get()
        // Then the same member is updated, not a second one made
        #expect(
            second == [
                "M0001": [
                    .detailsChanged(member: "M0001", displayName: nil, email: "nadia.h@example.org", kind: nil),
                    .duesPaid(member: "M0001", year: 2027)
                ]
            ])
    }

    @Test func aReferenceGivenTwiceInOneFileIsRefused() {
        let records = [
            ["m-7", "Nadia Haddad", "nadia@example.org", "2026"], ["m-7", "Nadia Bis", "n2@example.org", "2026"]
        ]
        guard case .failure(let error) = Roster.importEvents(header: Self.header, records: records, existing: [:])
        else { Issue.record("a reference given twice was accepted"); return }
        #expect(error.problems.map(\.reason) == [.duplicateID(firstLine: 2)])
    }

    @Test func aReferenceWrittenLikeAnotherMembersIdIsRefused() throws {
        // Given M0001 (reference a) and M0002 (reference b)
        let first = try Roster.importEvents(
            header: Self.header,
            records: [["a", "Ana", "ana@example.org", "2026"], ["b", "Bo", "bo@example.org", "2026"]], existing: [:]
        ).get()
        let roster = Self.apply(first, to: [:])
        // When a new row's identifier is M0002
        let result = Roster.importEvents(
            header: Self.header, records: [["M0002", "Cy", "cy@example.org", "2026"]], existing: roster)
        // Then it is refused, naming the member whose id it is
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.problems.map(\.reason) == [.referenceIsAnotherMembersID("M0002")])
        #expect(error.problems.first?.fr.contains("identifiant Greffe d'un autre membre (M0002)") == true)
    }

    @Test func newIdsSkipEveryReferenceOfTheFile() throws {
        // A file whose identifiers look like the register's ids: none of them is given to another person
        let records = [
            ["M0002", "Ana", "ana@example.org", "2026"], ["M0001", "Bo", "bo@example.org", "2026"]
        ]
        let events = try Roster.importEvents(header: Self.header, records: records, existing: [:]).get()
        #expect(Set(events.keys) == ["M0003", "M0004"])
    }

    @Test func aStoreWhoseIdsCameFromTheSpreadsheetIsMatchedByThoseIds() throws {
        // Given a member recorded before Greffe assigned its ids: id m001, no reference
        let legacy = MemberRecord(
            id: "m001", displayName: "Alice", email: "alice@example.org", kind: .person,
            joinedOn: rosterDay("2025-01-01"), duesPaidOn: [2026: rosterDay("2026-01-02")])
        // When the same spreadsheet is imported again with one new row
        let events = try Roster.importEvents(
            header: Self.header,
            records: [["m001", "Alice", "alice@example.org", "2026"], ["m002", "Bo", "bo@example.org", "2026"]],
            existing: ["m001": legacy]
        ).get()
        // Then the old member is left as is and the new one gets the register's first id
        #expect(events["m001"] == nil)
        #expect(Array(events.keys) == ["M0001"])
    }
}
