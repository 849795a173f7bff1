import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

@Suite struct RosterImportTests {
    @Test func importingTheSameRowsTwiceAddsNothing() throws {
        let f = try RegistryFixture()
        let before = try f.fingerprint()
        let again = try f.registry.importRoster(
            header: RegistryFixture.header, rows: RegistryFixture.rows, on: d("2026-01-03"), recording: f.clerk)
        #expect(again.isEmpty)
        #expect(try f.fingerprint() == before)
        #expect(try f.registry.members().count == 11)
    }

    @Test func aChangedRowRecordsOnlyWhatChanged() throws {
        let f = try RegistryFixture()
        var rows = RegistryFixture.rows
        rows[3][2] = "damien.roux@exemple.org"
        let changes = try f.registry.importRoster(
            header: RegistryFixture.header, rows: rows, on: d("2026-01-03"), recording: f.clerk)
        #expect(changes.count == 1)
        #expect(changes["M0004"]?.map(\.typeName) == ["MemberDetailsChanged"])
        let reveal = try f.registry.reveal()
        #expect(try f.registry.member("M0004").map { reveal($0.email) } == "damien.roux@exemple.org")
        #expect(
            try f.registry.members().first { $0.id == "M0004" }.map { reveal($0.email) } == "damien.roux@exemple.org")
    }

    @Test func aMalformedRowIsReportedWithItsLineAndNothingIsWritten() throws {
        let f = try RegistryFixture()
        let before = try f.fingerprint()
        var rows = RegistryFixture.rows
        rows.append(["m012", "Jules", "pas-une-adresse", "2026", "non"])
        rows.append(["m013", "Kim", "kim@exemple.org", "2026", "non"])
        #expect {
            try f.registry.importRoster(
                header: RegistryFixture.header, rows: rows, on: d("2026-01-03"), recording: f.clerk)
        } throws: { error in
            guard case RegistryError.rosterImport(let importError) = error else { return false }
            return importError.problems.map(\.line) == [13] && importError.problems.first?.field == "email"
        }
        #expect(try f.fingerprint() == before)
        #expect(try f.registry.member("M0013") == nil)
    }
}

@Suite struct CaseTests {
    @Test func aComplaintOpensACaseAndTheIndexFollows() throws {
        let f = try RegistryFixture()
        #expect(try f.registry.nextCaseID(year: 2026) == "2026-001")
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        let loaded = try f.registry.loadCase("2026-001")
        #expect(loaded.version == 1)
        #expect(loaded.state.accusedIDs == ["M0004"])
        #expect(try f.registry.nextCaseID(year: 2026) == "2026-002")
        let index = try f.registry.caseIndex()
        #expect(index.map(\.id) == ["2026-001"])
        #expect(index.first?.nextDueRule == .R04)
        #expect(index.first?.nextDue == d("2026-01-12"))
    }

    @Test func aRefusalWritesNothing() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        let before = try f.fingerprint()
        let projections = try f.registry.storedProjections()
        // R06: the rapporteur may not be a party to the case (here the accused).
        #expect {
            try f.act(
                "2026-01-09",
                .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0004")))
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R06
        }
        #expect(try f.fingerprint() == before)
        #expect(try f.registry.storedProjections() == projections)
        // A day before the case opened is refused too.
        #expect(throws: RegistryError.self) {
            try f.act("2026-01-01", .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002"], rapporteur: "M0002")))
        }
        #expect(try f.fingerprint() == before)
    }

    @Test func aCommandIdIsAppliedOnce() throws {
        let f = try RegistryFixture()
        let first = try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint, commandId: "c-1"))
        guard case .recorded(let records) = first else {
            Issue.record("first application must record")
            return
        }
        let second = try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint, commandId: "c-1"))
        guard case .alreadyApplied(let id, let sequence) = second else {
            Issue.record("second application must be skipped")
            return
        }
        #expect(id == "c-1")
        #expect(sequence == records.last?.sequence)
        #expect(try f.registry.loadCase("2026-001").version == 1)
    }

    @Test func theCellsJudgesAreCountedForR17AndAsOfReplaysThePast() throws {
        let f = try RegistryFixture()
        try f.instructUntilCellCall()
        // M0011 has no dues for 2026: refused under R13, nothing written.
        let before = try f.fingerprint()
        #expect {
            try f.act("2026-01-23", .acceptVolunteer(MemberRef(member: "M0011")))
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R13
        }
        #expect(try f.fingerprint() == before)
        for m: MemberID in ["M0007", "M0008", "M0009"] {
            try f.act("2026-01-23", .acceptVolunteer(MemberRef(member: m)))
        }
        try f.act("2026-01-24", .sendSummaryToCell(Note()))
        try f.act("2026-01-26", .holdCellMeeting(CellMeeting(attendees: ["M0007", "M0008", "M0009"])))
        try f.act("2026-01-26", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))

        let judged = try f.registry.judgementsSat()
        #expect(judged["M0007"] == ["2026-001"])
        #expect(judged["M0001"] == nil)
        let context = try f.registry.caseContext(for: "2026-002", on: d("2026-02-01"))
        #expect(context.members["M0008"]?.judgementsSat == ["2026-001"])

        let past = try f.registry.loadCase("2026-001", asOf: d("2026-01-21"))
        #expect(past.state.summary != nil)
        #expect(past.state.cell.isEmpty)
        #expect(try f.registry.loadCase("2026-001").state.cell == ["M0007", "M0008", "M0009"])

        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
    }

    /// Issue 9: the roster facts a registry keeps between commands are checked against the store's stamps, so a write
    /// by another registry (another process) is seen at once — a roster change, and a judgement (read incrementally).
    @Test func cachedRosterFactsFollowOtherWriters() throws {
        let f = try RegistryFixture()
        let watcher = Registry(store: f.store)
        #expect(try watcher.caseContext(for: "2026-002", on: d("2026-02-01")).members["M0011"]?.duesYears == [2025])
        let other = Registry(store: f.store)
        var rows = RegistryFixture.rows
        rows[10][3] = "2025;2026"
        try other.importRoster(header: RegistryFixture.header, rows: rows, on: d("2026-01-03"), recording: f.clerk)
        #expect(
            try watcher.caseContext(for: "2026-002", on: d("2026-02-01")).members["M0011"]?.duesYears == [2025, 2026])

        try f.instructUntilCellCall()
        for m: MemberID in ["M0007", "M0008", "M0009"] {
            try f.act("2026-01-23", .acceptVolunteer(MemberRef(member: m)))
        }
        try f.act("2026-01-24", .sendSummaryToCell(Note()))
        try f.act("2026-01-26", .holdCellMeeting(CellMeeting(attendees: ["M0007", "M0008", "M0009"])))
        // R17: a seat counts from the moment it is taken, before the judgement.
        #expect(
            try watcher.caseContext(for: "2026-002", on: d("2026-02-01")).members["M0008"]?.judgementsSat == [
                "2026-001"
            ]
        )
        try f.act("2026-01-26", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))

        let seen = try watcher.caseContext(for: "2026-002", on: d("2026-02-01"))
        #expect(seen.members["M0008"]?.judgementsSat == ["2026-001"])
        #expect(seen == (try Registry(store: f.store).caseContext(for: "2026-002", on: d("2026-02-01"))))
        // In the judged case itself, its own judgement does not count (R17).
        #expect(try watcher.caseContext(for: "2026-001", on: d("2026-02-01")).members["M0008"]?.judgementsSat == [])
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
    }

    /// Issue 9: a registry keeps the state of the cases it decided for, and sees at once what another registry
    /// (another process) appended to them: the suspension below needs the board meeting the other one recorded.
    @Test func cachedCaseStatesFollowOtherWriters() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        let other = Registry(store: f.store)
        try other.perform(
            .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0002")),
            in: "2026-001", on: d("2026-01-09"), recording: f.clerk)
        try f.act("2026-01-09", .imposeSuspension(Suspension(responsibilities: true, access: true, blockedSpaces: [])))
        try other.perform(.completeFile(Note()), in: "2026-001", on: d("2026-01-12"), recording: f.clerk)
        #expect(try f.registry.loadCase("2026-001").version == 5)
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
    }
}

@Suite struct ReviewRegressionTests {
    /// R17: a seat in a cell still deliberating counts, so open seats in several cases cannot exceed the cap.
    @Test func R17_anOpenSeatCountsTowardTheCap() throws {
        let f = try RegistryFixture.withM007SeatedInCase1()
        #expect(
            try f.registry.caseContext(for: "2026-002", on: d("2026-01-24")).members["M0007"]?.judgementsSat == [
                "2026-001"
            ])
        // Revoked by a party before any judgement, the member leaves the count.
        try f.act("2026-01-24", .recuse(Recusal(by: "M0004", member: "M0007")))
        #expect(try f.registry.caseContext(for: "2026-002", on: d("2026-01-25")).members["M0007"]?.judgementsSat == [])
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
    }

    /// A command id already used for another existing case is refused, not silently skipped.
    @Test func aCommandIdReusedForAnotherCaseIsRefused() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint, commandId: "ticket-42"))
        var other = RegistryFixture.complaint
        other.facts = "Autres faits."
        try f.act("2026-01-06", .fileComplaint(other), in: "2026-002")
        let before = try f.fingerprint()
        #expect(throws: RegistryError.commandIdReused(commandId: "ticket-42", caseID: "2026-001")) {
            try f.act(
                "2026-01-09",
                .holdBoardMeeting(
                    BoardMeeting(attendees: ["M0001", "M0003"], rapporteur: "M0002"),
                    commandId: "ticket-42"), in: "2026-002")
        }
        #expect(try f.fingerprint() == before)
        // The same act retried in its own case is skipped.
        guard
            case .alreadyApplied = try f.act(
                "2026-01-05", .fileComplaint(RegistryFixture.complaint, commandId: "ticket-42"))
        else {
            Issue.record("a retry is skipped")
            return
        }
    }
}
