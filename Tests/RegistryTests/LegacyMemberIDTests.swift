import Discipline
import EventLog
import Foundation
import GreffeTestSupport
@testable import Registry
import Testing

/// Issue 15: a store written before Greffe assigned its own member ids (the spreadsheet's identifiers as ids, no
/// reference) still opens, replays and verifies, and a re-import of its spreadsheet finds its members by those ids.
@Suite struct LegacyMemberIDTests {
    @Test func aStoreWhoseIdsCameFromTheSpreadsheetStillVerifiesAndReimports() throws {
        // Given a store whose members were recorded with the spreadsheet's ids (as Greffe did before)
        let f = try RegistryFixture(withRoster: false)
        let day = d("2026-01-02")
        let clerk = Recording(actor: "m001", recordedAt: f.clerk.recordedAt, today: f.clerk.today)
        try f.registry.recordMembers(
            [
                "m001": [
                    .joined(member: "m001", displayName: "Alice", email: "alice@exemple.org", kind: .person),
                    .duesPaid(member: "m001", year: 2026), .mandateHeld(member: "m001", role: .boardMember)
                ],
                "m002": [.joined(member: "m002", displayName: "Bruno", email: "bruno@exemple.org", kind: .person)]
            ], on: day, recording: clerk)
        #expect(try f.registry.audit().isValid)
        let before = try f.fingerprint()
        // When the same spreadsheet is imported again, with one more row
        let changes = try f.registry.importRoster(
            header: ["identifiant", "nom", "courriel", "cotisation", "ca"],
            rows: [
                ["m001", "Alice", "alice@exemple.org", "2026", "oui"],
                ["m002", "Bruno", "bruno@exemple.org", "", ""],
                ["m003", "Chloé", "chloe@exemple.org", "2026", "non"]
            ], on: d("2026-01-03"), recording: clerk)
        // Then the old members are found by their ids (nothing to change), the new one gets the register's id
        #expect(Array(changes.keys) == ["M0001"])
        #expect(try f.store.head().sequence == before.sequence + 2)
        #expect(try f.registry.member("M0001").map { try f.registry.reveal()($0.reference!) } == "m003")
        #expect(try f.registry.member("m001")?.reference == nil)
        // And the whole store still verifies (chain, payloads, replay)
        #expect(try f.registry.audit().isValid)
    }
}
