import GreffeTestSupport
import Testing
@testable import Discipline

/// Who may record a case's acts: a board member that day or the case's rapporteur, unless the rulebook widens it.
@Suite struct RecorderRulesTests {
    static func record(_ id: MemberID, board: (from: String, until: String?)? = nil) -> MemberRecord {
        var record = MemberRecord(
            id: id, displayName: .clear(id.rawValue), email: "", kind: .person, joinedOn: d("2025-01-01"))
        if let board {
            record.mandates = [Mandate(role: .boardMember, from: d(board.from), until: board.until.map { d($0) })]
        }
        return record
    }

    /// The case after a board meeting that delegated the instruction to m1, a member without a seat.
    static var delegated: CaseState {
        var s = Scenario()
        s.act("2026-01-05", .fileComplaint(Fixture.complaint))
        s.act(
            "2026-01-10",
            .holdBoardMeeting(
                BoardMeeting(
                    attendees: ["alice", "bob", "chloe"], rapporteur: "m1",
                    delegationReason: "aucun membre du Conseil disponible")))
        return s.state
    }

    @Test func recorder_theBoardAndTheCasesRapporteurRecordItsActs() {
        let state = Self.delegated
        #expect(state.rapporteur?.rapporteur == "m1")
        let day = d("2026-01-12")
        #expect(
            Recorder.refusal(
                actor: "alice", record: Self.record("alice", board: ("2025-06-01", nil)),
                state: state, on: day, policy: .boardOrRapporteur) == nil)
        #expect(
            Recorder.refusal(
                actor: "m1", record: Self.record("m1"), state: state, on: day,
                policy: .boardOrRapporteur) == nil)
    }

    @Test func recorder_anyoneElseIsRefused() {
        let state = Self.delegated
        let day = d("2026-01-12")
        // A member with no seat who is not the rapporteur.
        #expect(
            Recorder.refusal(
                actor: "m2", record: Self.record("m2"), state: state, on: day,
                policy: .boardOrRapporteur)?.rule == .recorder)
        // A former board member: the seat ended before the act's day.
        #expect(
            Recorder.refusal(
                actor: "bob", record: Self.record("bob", board: ("2024-01-01", "2026-01-11")),
                state: state, on: day, policy: .boardOrRapporteur)?.rule == .recorder)
        // Somebody the roster never held.
        #expect(
            Recorder.refusal(actor: "zz", record: nil, state: state, on: day, policy: .anyMember)?.rule == .recorder)
    }

    @Test func recorder_aRulebookMayLetAnyMemberRecord() {
        var rulebook = Rulebook.cle
        #expect(rulebook.recorderPolicy == .boardOrRapporteur)
        rulebook.recorders = .anyMember
        #expect(
            Recorder.refusal(
                actor: "m2", record: Self.record("m2"), state: Self.delegated, on: d("2026-01-12"),
                policy: rulebook.recorderPolicy) == nil)
    }
}
