import Discipline
import EventLog
import Foundation
import GreffeTestSupport
@testable import Registry
import Testing

/// A registry on a fresh store in its own temporary directory, with a small roster.
final class RegistryFixture {
    let temporary = TemporaryDirectory(prefix: "greffe-registry")
    var directory: String { temporary.path }
    let registry: Registry
    var store: EventStore { registry.store }
    /// A fixed instant (the same bytes on every run); "today" is later than every act the tests record.
    let clerk = Recording(
        actor: "M0001", recordedAt: Date(timeIntervalSince1970: 1_767_600_000),
        today: Day(year: 2026, month: 12, day: 31))

    static let header = ["identifiant", "nom", "courriel", "cotisation", "ca"]
    static let rows: [[String]] = [
        ["m001", "Alice", "alice@exemple.org", "2026", "oui"],
        ["m002", "Bruno", "bruno@exemple.org", "2026", "oui"],
        ["m003", "Chloé", "chloe@exemple.org", "2026", "oui"],
        ["m004", "Damien", "damien@exemple.org", "2026", "non"],
        ["m005", "Vera", "vera@exemple.org", "2026", "non"],
        ["m006", "Carole", "carole@exemple.org", "2026", "non"],
        ["m007", "Élise", "elise@exemple.org", "2026", "non"],
        ["m008", "Farid", "farid@exemple.org", "2026", "non"],
        ["m009", "Gaëlle", "gaelle@exemple.org", "2026", "non"],
        ["m010", "Hugo", "hugo@exemple.org", "2026", "non"],
        ["m011", "Inès", "ines@exemple.org", "2025", "non"]
    ]

    init(withRoster: Bool = true) throws {
        registry = Registry(store: try EventStore.create(at: temporary.path + "/store"))
        // Every act of these tests is decided on the members it reads and on the whole roster, and must agree.
        registry.crossCheckFacts = true
        if withRoster {
            try registry.importRoster(header: Self.header, rows: Self.rows, on: d("2026-01-02"), recording: clerk)
        }
    }

    /// Case 2026-001 instructed up to its cell, with M0007 seated in it as a volunteer (R17's seats).
    static func withM007SeatedInCase1() throws -> RegistryFixture {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(complaint))
        try f.act(
            "2026-01-09", .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0002")))
        try f.act("2026-01-12", .completeFile(Note()))
        try f.act(
            "2026-01-13", .hearVictim(VictimHearing(victim: "M0005", needs: "-", demands: ["excuses"], origin: .victim))
        )
        try f.act("2026-01-14", .requestExplanation(ExplanationRequest(summary: "r", demands: ["excuses"])))
        try f.act("2026-01-20", .receiveAnswer(Answer(from: "M0004", form: .written)))
        try f.act("2026-01-21", .writeSummary(Summary(demand: "excuses", defence: "-", proposedSanctions: ["warning"])))
        try f.act("2026-01-22", .callCell(CellCall(channel: .online, called: ["M0007"])))
        try f.act("2026-01-23", .acceptVolunteer(MemberRef(member: "M0007")))
        return f
    }

    /// Head and record count: what must not change after a refusal.
    func fingerprint() throws -> LogHead { try store.head() }

    @discardableResult
    func act(_ day: String, _ command: CaseCommand, in id: CaseID = "2026-001") throws -> Performed {
        try registry.perform(command, in: id, on: d(day), recording: clerk)
    }

    /// Case `id` (2026-001 unless told) from the complaint to the call for the cell (M0007, M0008, M0009), in January
    /// 2026, recorded through `registry` (the fixture's unless told).
    func instructUntilCellCall(in id: CaseID = "2026-001", through registry: Registry? = nil) throws {
        let registry = registry ?? self.registry
        func act(_ day: String, _ command: CaseCommand) throws {
            try registry.perform(command, in: id, on: d(day), recording: clerk)
        }
        try act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        try act(
            "2026-01-09", .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0002")))
        try act("2026-01-12", .completeFile(Note()))
        try act(
            "2026-01-13", .hearVictim(VictimHearing(victim: "M0005", needs: "-", demands: ["excuses"], origin: .victim))
        )
        try act("2026-01-14", .requestExplanation(ExplanationRequest(summary: "r", demands: ["excuses"])))
        try act("2026-01-20", .receiveAnswer(Answer(from: "M0004", form: .written)))
        try act("2026-01-21", .writeSummary(Summary(demand: "excuses", defence: "-", proposedSanctions: ["warning"])))
        try act("2026-01-22", .callCell(CellCall(channel: .online, called: ["M0007", "M0008", "M0009"])))
    }

    static let complaint = ComplaintFacts(
        channel: .privateTicket, complainants: [Party(id: "M0006", isMember: true)],
        accused: [Party(id: "M0004", isMember: true, holdsMandate: false)],
        victims: [Party(id: "M0005", isMember: true)],
        facts: "Messages insultants répétés.", motives: ["insults"], boardLearnedOn: d("2026-01-04"))
}
