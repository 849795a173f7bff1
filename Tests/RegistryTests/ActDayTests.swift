import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// Acts recorded late on their real day keep the stored projections equal to the replay; an act dated after the day
/// of recording writes nothing.
@Suite struct ActDayTests {
    @Test func order_lateRecordedActsKeepProjectionsEqualToTheReplay() throws {
        let f = try RegistryFixture()
        try f.instructUntilCellCall()
        for m: MemberID in ["M0007", "M0008", "M0009"] {
            try f.act("2026-01-23", .acceptVolunteer(MemberRef(member: m)))
        }
        try f.act("2026-01-24", .sendSummaryToCell(Note()))
        try f.act("2026-01-26", .holdCellMeeting(CellMeeting(attendees: ["M0007", "M0008", "M0009"])))
        try f.act("2026-01-26", .reachConsensus(Decision(sanctions: ["warning"], reasons: "accord")))
        try f.act("2026-01-27", .sendJudgementToBoard(Note()))
        try f.act("2026-02-20", .receiveDecisionLetter(MemberRef(member: "M0004")))
        // Typed in after the accused's: the victim's receipt, a testimony of the instruction, the board's execution.
        try f.act("2026-02-19", .receiveDecisionLetter(MemberRef(member: "M0005")))
        try f.act("2026-01-16", .addEvidence(Evidence(kind: .testimony, description: "témoignage du 16/01")))
        try f.act("2026-01-27", .executeJudgement(Note()))
        let loaded = try f.registry.loadCase("2026-001")
        #expect(loaded.state.appealDeadline(for: "M0005", rulebook: .cle) == d("2026-04-19"))
        #expect(
            loaded.state.deadlines(asOf: d("2026-02-20"), rulebook: .cle).first { $0.rule == .R22 }?.status
                == .met(on: d("2026-01-27"), marginDays: 0))
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        // The agenda of the day before the victim's receipt does not list her appeal yet.
        let then = try f.registry.dueIndex(asOf: d("2026-02-18")).flatMap(\.pending).map(\.labelFr)
        #expect(!then.contains("recours de M0005"))
        #expect(
            try f.registry.dueIndex(asOf: d("2026-02-20")).flatMap(\.pending).map(\.labelFr).contains(
                "recours de M0005")
        )
    }

    @Test func order_anActAfterTheDayOfRecordingWritesNothing() throws {
        let f = try RegistryFixture()
        let head = try f.fingerprint()
        let clerk = Recording(actor: "M0001", today: d("2026-03-01"))
        #expect(throws: RegistryError.self) {
            try f.registry.perform(
                .fileComplaint(RegistryFixture.complaint), in: "2026-001", on: d("2026-03-02"), recording: clerk)
        }
        // Without a day given, the day of the recording instant (in the rulebook's time zone) is today.
        let instant = Recording(actor: "M0001", recordedAt: Date(timeIntervalSince1970: 1_767_600_000)) // 2026-01-05
        #expect(instant.day(inTimeZone: "Europe/Paris") == d("2026-01-05"))
        #expect(throws: RegistryError.self) {
            try f.registry.perform(
                .fileComplaint(RegistryFixture.complaint), in: "2026-001", on: d("2026-01-06"), recording: instant)
        }
        #expect(try f.fingerprint() == head)
        try f.registry.perform(
            .fileComplaint(RegistryFixture.complaint), in: "2026-001", on: d("2026-03-01"), recording: clerk)
    }
}
