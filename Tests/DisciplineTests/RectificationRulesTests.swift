import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

/// Rule `rectification`: withdrawals and corrections decided from the case's fold, later acts decided again.
@Suite struct RectificationRulesTests {
    /// A case whose records are numbered from 1, one command group per act, as the registry stores them.
    struct Recorded {
        var fold = CaseFold()
        var next: UInt64 = 1
        let today = d("2026-03-31")

        /// Records `command` on `day` and returns the sequence of its first record.
        @discardableResult
        mutating func act(
            _ day: String, _ command: CaseCommand, sourceLocation: SourceLocation = #_sourceLocation
        ) -> UInt64 {
            let first = next
            switch CaseDecider.decide(fold.state, command, context: Fixture.context, rulebook: .cle, on: d(day)) {
            case .success(let events):
                for event in events {
                    fold.fold(
                        CaseRecord(sequence: next, group: "g\(first)", dated: DatedEvent(on: d(day), event: event)))
                    next += 1
                }
            case .failure(let refusal): Issue.record("step refused: \(refusal)", sourceLocation: sourceLocation)
            }
            return first
        }

        func correct(
            _ sequence: UInt64, _ command: CaseCommand, on day: String, reason: String = "erreur de saisie"
        )
            -> Result<CaseEvent, Refusal>
        {
            Rectification.correction(
                of: sequence, reason: reason, command: command, on: d(day), in: fold, today: today,
                facts: { _ in Fixture.context }, rulebook: .cle)
        }

        func withdraw(_ sequence: UInt64, reason: String = "erreur de saisie") -> Result<CaseEvent, Refusal> {
            Rectification.withdrawal(
                of: sequence, reason: reason, in: fold, today: today, facts: { _ in Fixture.context },
                rulebook: .cle)
        }

        /// Folds an allowed rectification as the registry would append it.
        mutating func record(_ result: Result<CaseEvent, Refusal>, sourceLocation: SourceLocation = #_sourceLocation) {
            guard case .success(let event) = result else {
                Issue.record("refused: \(result)", sourceLocation: sourceLocation)
                return
            }
            fold.fold(CaseRecord(sequence: next, group: "g\(next)", dated: DatedEvent(on: today, event: event)))
            next += 1
        }
    }

    /// Given the cell met; when the consensus was recorded with the wrong sanction id (warning for reminder), then the
    /// correction puts the right one in the judgement, before the judgement is sent.
    @Test func rectification_aSanctionIdIsCorrectedInTheJudgement() {
        var r = Recorded()
        for (day, command) in Self.throughCellMeeting { r.act(day, command) }
        let consensus = r.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
        r.record(
            r.correct(
                consensus, .reachConsensus(Decision(sanctions: ["reminder"], reasons: "accord")), on: "2026-02-08"))
        #expect(r.fold.state.judgement?.value.sanctions == ["reminder"])
        #expect(r.fold.amendments[consensus]?.kind == .corrected)
        #expect(r.fold.amendments[consensus + 1]?.kind == .corrected, "the judgement the consensus gave goes with it")
    }

    /// Given a judgement sent to the board; when its consensus is corrected or withdrawn, then refused: only the appeal
    /// and the general assembly change it.
    @Test func rectification_aJudgementSentIsChangedOnlyByTheProcedure() {
        var r = Recorded()
        for (day, command) in Self.throughCellMeeting { r.act(day, command) }
        let consensus = r.act("2026-02-08", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
        r.act("2026-02-09", .sendJudgementToBoard(Note()))
        guard
            case .failure(let refusal) = r.correct(
                consensus, .reachConsensus(Decision(sanctions: ["reminder"], reasons: "accord")), on: "2026-02-08"),
            case .failure(let withdrawn) = r.withdraw(consensus)
        else { Issue.record("not refused"); return }
        #expect(refusal.rule == .rectification && refusal.fr.contains("transmis au Conseil"))
        #expect(withdrawn.rule == .rectification)
    }

    /// Given the cell called and joined; when a volunteer is withdrawn while later acts stand on it, then the later
    /// acts are decided again and the first refused is named.
    @Test func rectification_aLaterActThatWouldBeRefusedIsNamedWithItsRule() {
        var r = Recorded()
        for (day, command) in Self.throughCellMeeting { r.act(day, command) }
        let volunteer =
            r.fold.records.first { if case .volunteerAccepted = $0.dated.event { true } else { false } }?.sequence ?? 0
        guard case .failure(let refusal) = r.withdraw(volunteer) else { Issue.record("not refused"); return }
        #expect(refusal.rule == .R16, "\(refusal)")
        #expect(refusal.fr.contains("cell.sendSummary"), "\(refusal.fr)")
    }

    /// Given a correction that changes nothing, or names another act, or an empty reason: refused.
    @Test func rectification_aCorrectionThatChangesNothingOrIsAnotherActIsRefused() {
        var r = Recorded()
        r.act("2026-01-05", .fileComplaint(Fixture.complaint))
        let meeting = r.act("2026-01-09", .holdBoardMeeting(Fixture.meeting))
        for result in [
            r.correct(meeting, .holdBoardMeeting(Fixture.meeting), on: "2026-01-09"),
            r.correct(meeting, .completeFile(Note()), on: "2026-01-09"),
            r.correct(meeting, .holdBoardMeeting(Fixture.meeting), on: "2026-01-08", reason: " ")
        ] {
            guard case .failure(let refusal) = result else { Issue.record("not refused"); return }
            #expect(refusal.rule == .rectification, "\(refusal)")
        }
        // A day in the future is not a correction either (rule order).
        guard case .failure(let future) = r.correct(meeting, .holdBoardMeeting(Fixture.meeting), on: "2026-04-01")
        else {
            Issue.record("not refused"); return
        }
        #expect(future.rule == .order)
    }

    /// Given an act dated after the day it is withdrawn (a store written before rule `order`): it can always be
    /// withdrawn, even when later acts stand on it.
    @Test func rectification_aFutureDatedActCanAlwaysBeWithdrawn() {
        var r = Recorded()
        r.act("2026-01-05", .fileComplaint(Fixture.complaint))
        let meeting = r.act("2027-01-09", .holdBoardMeeting(Fixture.meeting))
        r.act("2027-01-09", .imposeSuspension(Suspension(responsibilities: true, access: false, blockedSpaces: [])))
        r.record(r.withdraw(meeting))
        #expect(r.fold.state.boardMeeting == nil)
    }

    static let throughCellMeeting: [(String, CaseCommand)] = [
        ("2026-01-05", .fileComplaint(Fixture.complaint)),
        ("2026-01-10", .holdBoardMeeting(Fixture.meeting)),
        (
            "2026-01-10",
            .imposeSuspension(Suspension(responsibilities: true, access: true, blockedSpaces: ["#général"]))
        ),
        ("2026-01-15", .addEvidence(Evidence(kind: .screenshot, description: "capture", sha256: Fixture.hash))),
        ("2026-01-20", .completeFile(Note())),
        (
            "2026-01-21",
            .hearVictim(VictimHearing(victim: "vera", needs: "sécurité", demands: ["excuses"], origin: .victim))
        ),
        ("2026-01-22", .requestExplanation(ExplanationRequest(summary: "résumé", demands: ["excuses"]))),
        ("2026-01-30", .receiveAnswer(Answer(from: "dan", form: .written))),
        (
            "2026-02-02",
            .writeSummary(Summary(demand: "excuses", defence: "malentendu", proposedSanctions: ["warning"]))
        ),
        ("2026-02-03", .callCell(CellCall(channel: .online))),
        ("2026-02-04", .acceptVolunteer(MemberRef(member: "m1"))),
        ("2026-02-04", .acceptVolunteer(MemberRef(member: "m2"))),
        ("2026-02-04", .acceptVolunteer(MemberRef(member: "m3"))),
        ("2026-02-05", .sendSummaryToCell(Note())),
        ("2026-02-08", .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])))
    ]

    /// Given a closed case: nothing of it is withdrawn nor corrected (a closed case accepts no act; its projections
    /// are final).
    @Test func rectification_aClosedCaseIsNotRectified() {
        var r = Recorded()
        let complaint = r.act("2026-01-05", .fileComplaint(Fixture.complaint))
        // Closed as a store would hold it (the decider's own path to a closing is long and beside the point).
        r.fold.fold(
            CaseRecord(
                sequence: r.next, group: "close",
                dated: DatedEvent(
                    on: d("2026-01-06"), event: .caseClosed(Closure(reason: "plainte retirée par la plaignante")))))
        guard case .failure(let refusal) = r.withdraw(complaint) else { Issue.record("not refused"); return }
        #expect(refusal.rule == .rectification && refusal.fr.contains("clos"), "\(refusal)")
    }
}
