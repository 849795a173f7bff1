import Foundation
import GreffeCLI
import Discipline
import EventLog
import GreffeCLITestSupport
import GreffeTestSupport
import Registry
import Testing

/// The règlement's other paths (mediation, revocation, members' crisis request, amendment, resignation) seal their
/// free texts like a case's (R35, docs/privacy.md): no file of the store holds them in clear, and the command line
/// still shows them through the reveal.
@Suite struct PathPrivacyCommandTests {
    static let today = ["GREFFE_TODAY": "2026-04-30"]

    func rosterStore(on day: String = "2026-01-02") throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", day]).status, .ok)
        return f
    }

    @discardableResult
    func run(
        _ f: CLIFixture, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIFixture.Result {
        let r = try f.greffe(args, environment: Self.today)
        expectExit(r.status, .ok, "\(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    /// Fails for every secret found in clear in a regular file under the store (log, projections, key store).
    func expectNoClearText(_ f: CLIFixture, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: f.store) else {
            Issue.record("no store at \(f.store)", sourceLocation: sourceLocation)
            return
        }
        var scanned = 0
        for case let relative as String in walker {
            let full = f.store + "/" + relative
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let bytes = fm.contents(atPath: full)
            else { continue }
            scanned += 1
            for secret in secrets {
                #expect(
                    bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in clear in \(full)",
                    sourceLocation: sourceLocation)
            }
        }
        #expect(scanned > 0, sourceLocation: sourceLocation)
    }

    @Test func R35_mediationFactsAndNoteAreSealed_statusShowsThem() throws {
        let f = try rosterStore()
        let opened = try run(
            f,
            [
                "mediation", "open", "--party", "M0004", "--party", "M0007", "--facts", "Querelle du salon vocal",
                "--on", "2026-03-02"
            ])
        #expect(opened.stdout.contains("Querelle du salon vocal"), "\(opened.stdout)")
        try run(f, ["mediation", "name", "2026-M001", "--mediator", "M0009", "--by", "parties", "--on", "2026-03-05"])
        try run(
            f,
            [
                "mediation", "conclude", "2026-M001", "--outcome", "accord", "--note", "Excuses échangées par écrit",
                "--on", "2026-04-01"
            ])
        expectNoClearText(f, ["Querelle du salon vocal", "Excuses échangées par écrit"])
        let status = try run(f, ["mediation", "status", "2026-M001"])
        #expect(status.stdout.contains("Querelle du salon vocal"), "\(status.stdout)")
        #expect(status.stdout.contains("Excuses échangées par écrit"), "\(status.stdout)")
        let log = try run(f, ["log", "show", "--json"])
        #expect(log.stdout.contains("Querelle du salon vocal"), "\(log.stdout)")
    }

    @Test func R35_revocationFactsCompanionAndNoteAreSealed_statusShowsThem() throws {
        let f = try rosterStore()
        try run(
            f,
            [
                "revocation", "open", "--holder", "M0003", "--role", "board-member", "--ground", "silence",
                "--silent-since", "2026-01-02", "--facts", "Aucune réponse aux relances", "--on", "2026-03-05"
            ])
        try run(
            f,
            [
                "revocation", "convene", "2026-R001", "--form", "ecrit", "--companion", "Sa cousine Odile", "--on",
                "2026-03-06"
            ])
        try run(
            f,
            [
                "revocation", "explanation", "2026-R001", "--outcome", "desaccord",
                "--note", "Refus de toute conciliation", "--on", "2026-03-20"
            ])
        expectNoClearText(f, ["Aucune réponse aux relances", "Sa cousine Odile", "Refus de toute conciliation"])
        let status = try run(f, ["revocation", "status", "2026-R001", "--lang", "en"])
        for text in ["Aucune réponse aux relances", "Sa cousine Odile", "Refus de toute conciliation"] {
            #expect(status.stdout.contains(text), "\(status.stdout)")
        }
    }

    @Test func R35_crisisRequestFactsAreSealed_statusAndTheCaseShowThem() throws {
        let f = try rosterStore()
        // The CSV import holds only board seats: M0006's moderation mandate is recorded through the registry.
        do {
            let registry = Registry(store: try EventStore.open(at: f.store))
            try registry.record(
                .mandateHeld(member: "M0006", role: .moderator), on: Day("2026-01-02")!,
                recording: Recording(
                    actor: "M0001", recordedAt: Date(timeIntervalSince1970: 1_767_600_000),
                    today: Day("2026-04-30")!))
        }
        try run(
            f,
            [
                "request", "lodge", "--target", "M0006", "--signatory", "M0004", "--signatory", "M0005", "--signatory",
                "M0007",
                "--signatory", "M0008", "--signatory", "M0009", "--motive", "harm",
                "--facts", "Bannissements arbitraires du salon", "--on", "2026-03-02"
            ])
        try run(f, ["request", "implement", "2026-D001", "--via", "email", "--on", "2026-03-06"])
        expectNoClearText(f, ["Bannissements arbitraires du salon"])
        let status = try run(f, ["request", "status", "2026-D001"])
        #expect(status.stdout.contains("Bannissements arbitraires du salon"), "\(status.stdout)")
        // The complaint the request filed carries the facts, under the case's key.
        let history = try run(f, ["history", "2026-001", "--json"])
        #expect(history.stdout.contains("Bannissements arbitraires du salon"), "\(history.stdout)")
    }

    @Test func R35_amendmentSummaryIsSealed_statusShowsIt() throws {
        let f = try rosterStore(on: "2025-01-02")
        let file = try RulebookVersionCommandTests().version2(f)
        try run(
            f,
            [
                "amendment", "propose", "--file", file, "--by", "M0002", "--summary",
                "Réunion du Conseil sous dix jours",
                "--on", "2026-01-06"
            ])
        expectNoClearText(f, ["Réunion du Conseil sous dix jours"])
        let status = try run(f, ["amendment", "status", "2026-A001"])
        #expect(status.stdout.contains("Réunion du Conseil sous dix jours"), "\(status.stdout)")
    }

    @Test func R35_collectiveDecisionOfAResigningAssociationIsSealed_theActShowsIt() throws {
        let f = try rosterStore()
        let resigned = try run(
            f,
            [
                "members", "resign", "a001", "--via", "courriel",
                "--collective-decision", "Procès-verbal de l'assemblée lyonnaise", "--on", "2026-03-02"
            ])
        #expect(resigned.stdout.contains("Procès-verbal de l'assemblée lyonnaise"), "\(resigned.stdout)")
        expectNoClearText(f, ["Procès-verbal de l'assemblée lyonnaise"])
        let log = try run(f, ["log", "show", "--json"])
        #expect(log.stdout.contains("Procès-verbal de l'assemblée lyonnaise"), "\(log.stdout)")
    }
}
