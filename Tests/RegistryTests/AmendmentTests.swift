import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

extension RegistryFixture {
    /// The fixture's roster imported a year earlier (2025-01-02), so that its members may vote at a GA in 2026
    /// (Article 2.4's year of seniority, R36).
    static func veteran() throws -> RegistryFixture {
        let f = try RegistryFixture(withRoster: false)
        try f.registry.importRoster(header: header, rows: rows, on: d("2025-01-02"), recording: f.clerk)
        return f
    }

    /// Article 9 carried for `book`: proposed by board member M0002, voted by M0001–M0003 `adopt` at the GA on `day`.
    @discardableResult
    func carryAmendment(_ book: Rulebook, on day: String, summary: String = "modification") throws -> String {
        let proposed = try registry.proposeAmendment(
            .procedure(book), by: "M0002", summary: summary, id: nil, on: d(day), recording: clerk)
        try registry.voteAmendment(
            proposed.id,
            ballots: [
                Ballot(member: "M0001", option: "adopt"), Ballot(member: "M0002", option: "adopt"),
                Ballot(member: "M0003", option: "adopt")
            ], on: d(day), recording: clerk)
        return proposed.id
    }
}

/// The CLE rulebook with the board meeting due 10 days after the complaint (a changed text).
private func version(_ n: Int) -> Rulebook {
    var book = Rulebook.cle
    book.version = n
    book.title = "CLE Autistes — règlement intérieur modifié (v\(n))"
    book.deadlines.boardMeeting = Rulebook.DeadlineRule(Rulebook.Period(10, .days), from: .complaintFiled)
    return book
}

/// Article 9 (R34) through the registry: a board member's proposal, the GA's two-thirds, the one-month notice in the
/// agenda, the adoption gated on the carried vote; refusals write nothing; the audit re-counts the vote.
@Suite struct AmendmentTests {
    @Test func R34_anAmendmentProposedByTheBoardAndCarriedAtTwoThirdsIsAdoptedAndNotified() throws {
        let f = try RegistryFixture.veteran()
        let proposed = try f.registry.proposeAmendment(
            .procedure(version(2)), by: "M0002", summary: "Conseil sous 10 jours",
            id: nil, on: d("2026-05-02"), recording: f.clerk)
        #expect(proposed.id == "2026-A001")
        #expect(
            try f.registry.pathAgenda().contains {
                $0.subject == "amendment 2026-A001" && $0.rule == .R34 && $0.due == nil
            })
        let ballots = [
            Ballot(member: "M0001", option: "adopt"), Ballot(member: "M0002", option: "adopt"),
            Ballot(member: "M0003", option: "reject"), Ballot(member: "M0004", option: "adopt")
        ]
        let voted = try f.registry.voteAmendment("2026-A001", ballots: ballots, on: d("2026-06-04"), recording: f.clerk)
        guard case .voted(let vote) = voted.events.first else { Issue.record("no vote"); return }
        #expect(vote.carried)
        #expect(vote.tally.arithmetic == "3 × 3 = 9 ≥ 4 × 2 = 8 → deux tiers atteints")
        #expect(vote.noticeDue == d("2026-07-04"))
        // The one-month notice is on the agenda with its day.
        #expect(
            try f.registry.pathAgenda().contains { $0.subject == "amendment 2026-A001" && $0.due == d("2026-07-04") })
        try f.registry.adopt(.procedure(version(2)), on: d("2026-06-04"), recording: f.clerk)
        #expect(try f.registry.procedureRulebooks().inForce(on: d("2026-06-05")).version == 2)
        try f.registry.notifyAmendment("2026-A001", on: d("2026-06-10"), recording: f.clerk)
        #expect(try f.registry.pathAgenda().isEmpty)
        #expect(try f.registry.amendmentIndex().first?.noticeSentOn == d("2026-06-10"))
        // The audit re-counts the vote and rebuilds the index from the log.
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
        #expect((report.result(.votes)?.count ?? 0) >= 1)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
    }

    @Test func R34_aNewProcedureVersionWithoutACarriedVoteIsRefusedAndNothingIsWritten() throws {
        let f = try RegistryFixture.veteran()
        let head = try f.fingerprint()
        #expect(throws: LadderError.self) {
            try f.registry.adopt(.procedure(version(2)), on: d("2026-06-04"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
        // Proposed but not yet voted: still refused.
        try f.registry.proposeAmendment(
            .procedure(version(2)), by: "M0002", summary: "x", id: nil, on: d("2026-05-02"), recording: f.clerk)
        let proposedHead = try f.fingerprint()
        #expect(throws: LadderError.self) {
            try f.registry.adopt(.procedure(version(2)), on: d("2026-06-04"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == proposedHead)
    }

    @Test func R34_aVoteBelowTwoThirdsIsRecordedAndTheAdoptionStaysRefused() throws {
        let f = try RegistryFixture.veteran()
        try f.registry.proposeAmendment(
            .procedure(version(2)), by: "M0002", summary: "x", id: nil, on: d("2026-05-02"), recording: f.clerk)
        let ballots = [
            Ballot(member: "M0001", option: "adopt"), Ballot(member: "M0002", option: "reject"),
            Ballot(member: "M0003", option: nil)
        ]
        let voted = try f.registry.voteAmendment("2026-A001", ballots: ballots, on: d("2026-06-04"), recording: f.clerk)
        guard case .voted(let vote) = voted.events.first else { Issue.record("no vote"); return }
        #expect(!vote.carried)
        #expect(vote.tally.arithmetic == "1 × 3 = 3 < 3 × 2 = 6 → deux tiers non atteints")
        #expect(try f.registry.pathAgenda().isEmpty)
        let head = try f.fingerprint()
        #expect(throws: LadderError.self) {
            try f.registry.adopt(.procedure(version(2)), on: d("2026-06-04"), recording: f.clerk)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.notifyAmendment("2026-A001", on: d("2026-06-05"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func R34_aCarriedVoteAllowsOnlyTheTextItWasOn() throws {
        let f = try RegistryFixture.veteran()
        try f.carryAmendment(version(2), on: "2026-06-04")
        var other = version(2)
        other.cellSize = 5
        let head = try f.fingerprint()
        #expect(throws: LadderError.self) {
            try f.registry.adopt(.procedure(other), on: d("2026-06-04"), recording: f.clerk)
        }
        // Nor before the day of the vote.
        #expect(throws: LadderError.self) {
            try f.registry.adopt(.procedure(version(2)), on: d("2026-06-03"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func R34_aProposalByAMemberOffTheBoardIsRefusedAndNothingIsWritten() throws {
        let f = try RegistryFixture.veteran()
        let head = try f.fingerprint()
        #expect(throws: RegistryError.self) {
            try f.registry.proposeAmendment(
                .procedure(version(2)), by: "M0004", summary: "x", id: nil, on: d("2026-05-02"), recording: f.clerk)
        }
        #expect(throws: PathError.unknownMember("nobody")) {
            try f.registry.proposeAmendment(
                .procedure(version(2)), by: "nobody", summary: "x", id: nil, on: d("2026-05-02"), recording: f.clerk)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.proposeAmendment(
                .procedure(Rulebook.cle), by: "M0002", summary: "x", id: nil, on: d("2026-05-02"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func R34_aBallotWithoutTheRightToVoteIsRefusedAndNothingIsWritten() throws {
        // Roster imported on 2026-01-02: nobody has the year of seniority (2.4) at a GA in June 2026.
        let f = try RegistryFixture()
        try f.registry.proposeAmendment(
            .procedure(version(2)), by: "M0002", summary: "x", id: nil, on: d("2026-05-02"), recording: f.clerk)
        let head = try f.fingerprint()
        #expect(throws: RegistryError.self) {
            try f.registry.voteAmendment(
                "2026-A001", ballots: [Ballot(member: "M0001", option: "adopt")], on: d("2026-06-04"),
                recording: f.clerk
            )
        }
        #expect(throws: PathError.unknownAmendment("2026-A009")) {
            try f.registry.voteAmendment(
                "2026-A009", ballots: [Ballot(member: "M0001", option: "adopt")], on: d("2026-06-04"),
                recording: f.clerk
            )
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func R34_theShippedTextAndAStoresFirstProcedureUnderAnotherIdKeepThePlainAdoption() throws {
        let f = try RegistryFixture()
        try f.registry.adopt(.procedure(Rulebook.cle), on: d("2026-01-03"), recording: f.clerk)
        let g = try RegistryFixture()
        var own = version(1)
        own.id = "autre-association"
        try g.registry.adopt(.procedure(own), on: d("2026-01-03"), recording: g.clerk)
        #expect(try g.registry.procedureRulebooks().adopted.map(\.rulebook.id) == ["autre-association"])
    }
}
