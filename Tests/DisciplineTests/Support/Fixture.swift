import Testing
@testable import Discipline

/// The cast of the test cases (year 2026).
enum Fixture {
    static let caseID: CaseID = "2026-001"
    static let year: Set<Int> = [2026]

    static let members: [MemberStanding] = [
        MemberStanding(id: "alice", displayName: "Alice", duesYears: year, boardMember: true),
        MemberStanding(id: "bob", displayName: "Bob", duesYears: year, boardMember: true),
        MemberStanding(id: "chloe", displayName: "Chloé", duesYears: year, boardMember: true),
        // A board member who is accused in the R05 tests.
        MemberStanding(id: "bruno", displayName: "Bruno", duesYears: year, boardMember: true),
        MemberStanding(id: "dan", displayName: "Dan (accused)", duesYears: year),
        MemberStanding(id: "vera", displayName: "Vera (victim)", duesYears: year),
        MemberStanding(id: "carl", displayName: "Carl (complainant)", duesYears: year),
        MemberStanding(id: "m1", duesYears: year),
        MemberStanding(id: "m2", duesYears: year),
        MemberStanding(id: "m3", duesYears: year),
        MemberStanding(id: "m4", duesYears: year),
        MemberStanding(id: "m5", duesYears: year),
        MemberStanding(id: "m6", duesYears: year),
        MemberStanding(id: "lapsed", duesYears: [2025]),
        MemberStanding(id: "gone", duesYears: year, departedOn: Day(year: 2026, month: 1, day: 2)),
        MemberStanding(id: "veteran", duesYears: year, judgementsSat: ["2024-003", "2025-001", "2025-007"]),
        MemberStanding(id: "twice", duesYears: year, judgementsSat: ["2024-003", "2025-001"])
    ]
    static let context = CaseContext(caseID: caseID, members: members)

    static let complaint = ComplaintFacts(
        channel: .privateTicket,
        complainants: [Party(id: "carl", isMember: true)],
        accused: [Party(id: "dan", isMember: true, holdsMandate: false)],
        victims: [Party(id: "vera", isMember: true)],
        facts: "Messages insultants répétés sur le serveur privé.",
        motives: ["insults", "domination"],
        boardLearnedOn: Day(year: 2026, month: 1, day: 5) ?? Day(dayNumber: 0))

    static let meeting = BoardMeeting(attendees: ["alice", "bob", "chloe"], rapporteur: "alice")
    static let hash = String(repeating: "ab", count: 32)
    static let probation = Probation(
        conditions: ["pas de message privé à la victime"],
        until: Day(year: 2026, month: 9, day: 1) ?? Day(dayNumber: 0),
        spaces: ["serveur privé"], approvedBy: ["vera"])

    /// Complaint on 5 Jan 2026 up to the summary on 2 Feb (every step on time).
    static func throughSummary() -> Scenario {
        var s = Scenario()
        s.act("2026-01-05", .fileComplaint(complaint))
        s.act("2026-01-10", .holdBoardMeeting(meeting))
        s.act(
            "2026-01-10",
            .imposeSuspension(Suspension(responsibilities: true, access: true, blockedSpaces: ["#général"])))
        s.act("2026-01-15", .addEvidence(Evidence(kind: .screenshot, description: "capture", sha256: hash)))
        s.act("2026-01-20", .completeFile(Note()))
        s.act(
            "2026-01-21",
            .hearVictim(VictimHearing(victim: "vera", needs: "sécurité", demands: ["excuses"], origin: .victim)))
        s.act("2026-01-22", .requestExplanation(ExplanationRequest(summary: "résumé", demands: ["excuses"])))
        s.act("2026-01-30", .receiveAnswer(Answer(from: "dan", form: .written)))
        s.act(
            "2026-02-02",
            .writeSummary(Summary(demand: "excuses", defence: "malentendu", proposedSanctions: ["warning"])))
        return s
    }

    /// … then a cell m1, m2, m3 by volunteering, the summary sent on 5 Feb and the cell meeting on 8 Feb.
    static func throughCellMeeting() -> Scenario {
        var s = throughSummary()
        s.act("2026-02-03", .callCell(CellCall(channel: .online)))
        s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m1")))
        s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m2")))
        s.act("2026-02-04", .acceptVolunteer(MemberRef(member: "m3")))
        s.act("2026-02-05", .sendSummaryToCell(Note()))
        s.act("2026-02-08", .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])))
        return s
    }

    /// … then a consensus warning on 8 Feb, sent to the board and executed on 9 Feb, letters received on 10 Feb.
    static func throughLetters() -> Scenario {
        var s = throughCellMeeting()
        s.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
        s.act("2026-02-09", .sendJudgementToBoard(Note()))
        s.act("2026-02-09", .executeJudgement(Note()))
        s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "dan")))
        s.act("2026-02-10", .receiveDecisionLetter(MemberRef(member: "vera")))
        return s
    }
}
