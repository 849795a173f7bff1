import Discipline
import EventLog
import Foundation
import GreffeTestSupport
@testable import Registry
import Testing

/// A fresh process reads only the members an act names (`Registry.membersRead(by:on:)`), through the seats indexed
/// by member (`judged/<member>/<case>`). Every act of `RegistryFixture` is also decided on the whole roster
/// (`crossCheckFacts`); these tests cover the index itself and a store written before it.
@Suite struct PartialFactsTests {
    func seatedCase() throws -> RegistryFixture { try RegistryFixture.withM007SeatedInCase1() }

    @Test func aMembersSeatsAreReadThroughTheIndexByMember() throws {
        let f = try seatedCase()
        let read = try #require(try f.registry.standings(of: ["M0007", "M0004"], on: d("2026-01-24"), for: "2026-002"))
        #expect(read["M0007"]?.judgementsSat == ["2026-001"])
        #expect(read["M0004"]?.judgementsSat == [])
        // The case's own seats are not counted against its own cell, as with the whole roster.
        let own = try #require(try f.registry.standings(of: ["M0007"], on: d("2026-01-24"), for: "2026-001"))
        #expect(own["M0007"]?.judgementsSat == [])
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
        // A recusal removes the seat from both indexes.
        try f.act("2026-01-24", .recuse(Recusal(by: "M0004", member: "M0007")))
        let after = try #require(try f.registry.standings(of: ["M0007"], on: d("2026-01-25"), for: "2026-002"))
        #expect(after["M0007"]?.judgementsSat == [])
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
    }

    /// A store whose seats were written before the index: its acts read the whole roster until it is rebuilt, and the
    /// audit's replay names the missing index.
    @Test func aStoreWithoutTheIndexReadsEveryMemberUntilRebuilt() throws {
        let f = try seatedCase()
        try f.store.writeProjections { writer in
            try writer.delete(Projections.judgedIndexKey)
            try writer.deleteAll(prefix: Projections.judgedPrefix)
        }
        #expect(try f.registry.standings(of: ["M0007"], on: d("2026-01-24"), for: "2026-002") == nil)
        #expect(try f.registry.projectionsFromLog() != f.registry.storedProjections())
        // Acts still decide on the whole roster meanwhile.
        try f.act("2026-01-24", .fileComplaint(RegistryFixture.complaint), in: "2026-002")
        try f.registry.rebuildProjections()
        let read = try #require(try f.registry.standings(of: ["M0007"], on: d("2026-01-25"), for: "2026-002"))
        #expect(read["M0007"]?.judgementsSat == ["2026-001"])
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
    }

    /// Member ids may hold a `/` or a `%`: the index by member escapes them, so two members never share a prefix.
    @Test func memberIdsWithASlashAreEscapedInTheIndex() {
        #expect(Projections.judgedPrefix(of: "a/b") == "judged/a%2Fb/")
        #expect(Projections.judgedPrefix(of: "a%2Fb") == "judged/a%252Fb/")
        #expect(Projections.judgedPrefix(of: "a") != Projections.judgedPrefix(of: "a/b"))
    }

    /// What an act that does not form the cell reads: the members the command and the case name, not the draw pool.
    @Test func anActReadsTheMembersItAndItsCaseName() throws {
        var state = CaseState()
        state = CaseDecider.evolve(
            state, DatedEvent(on: d("2026-01-05"), event: .complaintFiled(RegistryFixture.complaint)))
        let read = try #require(
            Registry.membersRead(
                by: .addEvidence(Evidence(kind: .testimony, description: "vu", witness: "M0009")), on: state))
        #expect(read.isSuperset(of: Set(RegistryFixture.complaint.accused.map(\.id))))
        #expect(read.contains("M0009"))
        #expect(!read.contains("M0010"))
        #expect(Registry.membersRead(by: .callCell(CellCall(channel: .online, called: ["M0007"])), on: state) == nil)
    }
}
