import Foundation
import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Mediation (5.4, R30) and revocation of a mandate (4.5, R32) through the command line, from the first act to the
/// last, with `audit verify` re-computing the draw and re-counting the vote; refusals leave the head unchanged.
@Suite struct PathCommandTests {
    static let today = ["GREFFE_TODAY": "2026-04-30"]

    func rosterStore() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status, .ok)
        return f
    }

    @discardableResult
    func run(
        _ f: CLIFixture, _ args: [String], _ expected: GreffeCLI.ExitStatus = .ok,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIFixture.Result {
        let r = try f.greffe(args, environment: Self.today)
        expectExit(r.status, expected, "\(args.joined(separator: " ")): \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    @Test func R30_mediationDrawnByLotFromOpeningToAgreement_auditVerifyPasses() throws {
        let f = try rosterStore()
        let opened = try run(
            f,
            [
                "mediation", "open", "--party", "M0004", "--party", "M0007", "--facts", "Désaccord sur la modération",
                "--on", "2026-03-02"
            ])
        #expect(
            opened.stdout.contains(
                "Médiation ouverte le 2026-03-02 entre Damien Roux (M0004) et Élise Fournier (M0007)"))
        // A member without this year's dues cannot be called by the board: refused, nothing written.
        let before = try f.head()
        let lapsed = try run(
            f, ["mediation", "name", "2026-M001", "--mediator", "M0011", "--by", "conseil", "--on", "2026-03-05"],
            .refused)
        #expect(lapsed.stderr.contains("R30"))
        #expect(lapsed.stderr.contains("à jour de cotisation"))
        #expect(try f.head() == before)
        try run(f, ["mediation", "name", "2026-M001", "--mediator", "M0009", "--by", "conseil", "--on", "2026-03-05"])
        try run(
            f,
            [
                "mediation", "answer", "2026-M001", "--mediator", "M0009", "--answer", "sans-reponse", "--on",
                "2026-03-12"
            ]
        )
        let beforeDry = try f.head()
        let dry = try run(
            f,
            [
                "mediation", "draw-announce", "2026-M001", "--source", "Loto FDJ du 14 mars 2026 : les 5 numéros",
                "--known-on", "2026-03-14", "--on", "2026-03-12", "--dry-run"
            ])
        #expect(dry.stdout.contains("Simulation"))
        #expect(try f.head() == beforeDry)
        let headAfterDry = try f.head()
        let announced = try run(
            f,
            [
                "mediation", "draw-announce", "2026-M001", "--source", "Loto FDJ du 14 mars 2026 : les 5 numéros",
                "--known-on", "2026-03-14", "--on", "2026-03-12"
            ])
        #expect(try f.head() != headAfterDry)
        #expect(announced.stdout.contains("Tirage au sort annoncé"))
        let drawn = try run(f, ["mediation", "draw", "2026-M001", "--entropy", "3 11 17 25 38", "--on", "2026-03-14"])
        #expect(drawn.stdout.contains("médiateur"))
        let agenda = try run(f, ["agenda", "--json"])
        #expect(agenda.stdout.contains("mediation 2026-M001"))
        try run(
            f,
            [
                "mediation", "conclude", "2026-M001", "--outcome", "accord", "--note", "Accord écrit", "--on",
                "2026-04-01"
            ])
        let status = try run(f, ["mediation", "status", "2026-M001", "--json"])
        #expect(status.stdout.contains("\"outcome\":\"agreement\""))
        let verified = try run(f, ["audit", "verify", "--json", "--lang", "en"])
        #expect(verified.stdout.contains("\"draws\""))
        try run(f, ["log", "reindex"])
        let again = try run(f, ["audit", "verify"])
        #expect(again.stdout.contains("tirages au sort recalculés : 1 tirage(s)"))
    }

    @Test func R32_revocationVotedByTwoThirdsEndsTheSeat_auditVerifyPasses() throws {
        let f = try rosterStore()
        let before = try f.head()
        // Two months of silence have not run on 1 March from 2 January.
        let early = try run(
            f,
            [
                "revocation", "open", "--holder", "M0003", "--role", "board-member", "--ground", "silence",
                "--silent-since", "2026-01-02", "--facts", "Aucune nouvelle", "--on", "2026-03-01"
            ], .refused)
        #expect(early.stderr.contains("R32"))
        #expect(try f.head() == before)
        try run(
            f,
            [
                "revocation", "open", "--holder", "M0003", "--role", "board-member", "--ground", "silence",
                "--silent-since", "2026-01-02", "--facts", "Aucune nouvelle", "--on", "2026-03-05"
            ])
        try run(
            f,
            ["revocation", "convene", "2026-R001", "--form", "ecrit", "--companion", "une amie", "--on", "2026-03-06"])
        try run(f, ["revocation", "explanation", "2026-R001", "--outcome", "sans-reponse", "--on", "2026-03-20"])
        let head = try f.head()
        let holderVotes = try run(
            f,
            [
                "revocation", "vote", "2026-R001", "--ballot", "M0003=keep", "--ballot", "M0001=revoke",
                "--on", "2026-03-21"
            ], .refused)
        #expect(holderVotes.stderr.contains("ne vote pas"))
        #expect(try f.head() == head)
        let voted = try run(
            f,
            [
                "revocation", "vote", "2026-R001", "--ballot", "M0001=revoke", "--ballot", "M0002=revoke", "--on",
                "2026-03-21"
            ])
        #expect(voted.stdout.contains("2 × 3 = 6 ≥ 2 × 2 = 4 → deux tiers atteints"))
        #expect(voted.stdout.contains("fin du mandat « membre du Conseil d'administration » de Chloé Durand (M0003)"))
        // M0003 no longer sits on the board: a board act in their name is refused.
        let seatless = try run(
            f,
            [
                "mediation", "open", "--party", "M0004", "--party", "M0007", "--facts", "x", "--on", "2026-03-22",
                "--as", "M0003"
            ], .refused)
        #expect(seatless.stderr.contains("Conseil"))
        let audited = try run(f, ["audit", "verify"])
        #expect(audited.stdout.contains("votes recomptés à partir des bulletins : 1 vote(s)"))
        try run(f, ["log", "reindex"])
        try run(f, ["audit", "verify"])
    }

    /// scripts/demo_paths.sh runs to its end and its audit passes (the script exits non-zero otherwise).
    @Test func R30_R32_demoScriptShowsADrawnMediationAndARevocation_auditPasses() throws {
        let root = SampleCaseTests.examples.deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/demo_paths.sh").path]
        process.environment = ["PATH": "/usr/bin:/bin", "GREFFE": CLIFixture.binary.path, "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("médiateur M0012"))
        #expect(text.contains("mandat révoqué"))
        #expect(text.contains("tirages au sort recalculés : 1 tirage(s)"))
        #expect(text.contains("OK : toutes les vérifications passent."))
    }

    @Test func mediationAfterAnUnknownCaseIsNotFound() throws {
        let f = try rosterStore()
        let before = try f.head()
        try run(
            f,
            [
                "mediation", "open", "--party", "M0004", "--party", "M0007", "--after-case", "2026-404", "--facts", "x",
                "--on", "2026-03-02"
            ], .notFound)
        #expect(try f.head() == before)
    }

    @Test func R36_gaVotersListsWhoMayVoteAndWhy() throws {
        let f = try rosterStore()
        let r = try run(f, ["ga", "voters", "--for", "2026-06-20"])
        // The sample roster joined on 2 January 2026: nobody has a year of seniority yet.
        #expect(r.stdout.contains("Assemblée du 2026-06-20 : 0 votant·e(s) sur 13 membre(s)"))
        #expect(r.stdout.contains("✗ M0011 Inès Garcia — ancienneté de moins de 12 mois (adhésion le 2026-01-02)"))
        #expect(r.stdout.contains("✗ M0013 Antenne de Lyon — association membre"))
        let json = try run(f, ["ga", "voters", "--for", "2026-06-20", "--json"])
        #expect(json.stdout.contains("\"mayVote\":false,\"member\":\"M0001\""))
    }

    @Test func unknownMediationIsNotFound() throws {
        let f = try rosterStore()
        let r = try run(
            f, ["mediation", "answer", "2026-M009", "--mediator", "M0009", "--answer", "accepted"], .notFound)
        #expect(r.stderr.contains("2026-M009"))
    }
}
