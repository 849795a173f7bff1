import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing
import GreffeCLI

/// `greffe withdraw` and `greffe correct` with the built binary: exit codes, nothing written on a refusal, and
/// `history`, `status`, the dossier and `audit` seeing both the error and its correction.
@Suite struct RectificationCommandTests {
    /// The sample case up to its evidence, with a testimony whose witness was mistyped (M0007 for M0008): record #36.
    func store() throws -> (CLIFixture, testimony: String) {
        let f = try ActCommandsTests().rosterStore()
        for act in ActCommandsTests.sampleCase.prefix(4) { expectExit(try f.greffe(act).status, .ok) }
        let added = try f.greffe(Self.testimony("M0007"))
        expectExit(added.status, .ok, "\(added.stderr)")
        let sequence = try #require(added.stdout.split(separator: "#").last?.prefix { $0.isNumber })
        return (f, String(sequence))
    }

    static func testimony(_ witness: String) -> [String] {
        [
            "evidence", "2026-001", "--kind", "testimony", "--description", "Témoignage sur les messages du 2 janvier",
            "--witness", witness, "--on", "2026-01-13", "--as", "M0002"
        ]
    }

    @Test func rectification_badInputIsRefusedWithItsExitCodeAndWritesNothing() throws {
        let (f, testimony) = try store()
        let head = try f.head()
        let cases: [([String], GreffeCLI.ExitStatus, String)] = [
            (["withdraw", "2026-001", "--record", "9999", "--reason", "erreur"], .notFound, "#9999"),
            (["withdraw", "2026-001", "--record", testimony, "--reason", " "], .refused, "raison"),
            (["withdraw", "2026-001", "--record", "1", "--reason", "erreur"], .refused, "n'est pas un acte de dossier"),
            (["withdraw", "2026-002", "--record", testimony, "--reason", "erreur"], .notFound, "2026-002"),
            (
                ["withdraw", "2026-001", "--record", testimony, "--reason", "erreur", "--as", "M0007"], .refused,
                "recorder"
            ),
            (["correct", "2026-001", "--record", testimony, "--reason", "erreur"], .usage, "--"),
            (
                ["correct", "2026-001", "--record", testimony, "--reason", "erreur", "--", "status", "2026-001"],
                .usage, "acte"
            ),
            (
                [
                    "correct", "2026-001", "--record", testimony, "--reason", "erreur", "--", "file-complete",
                    "2026-001",
                    "--on", "2026-01-13", "--as", "M0002"
                ], .refused, "un autre acte"
            )
        ]
        for (arguments, status, text) in cases {
            let run = try f.greffe(arguments)
            expectExit(run.status, status, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(text), "\(arguments): \(run.stderr)")
            #expect(try f.head() == head, "\(arguments)")
        }
        // A dry run decides and writes nothing.
        let dry = try f.greffe(["withdraw", "2026-001", "--record", testimony, "--reason", "erreur", "--dry-run"])
        expectExit(dry.status, .ok, "\(dry.stderr)")
        #expect(dry.stdout.contains("rien n'a été écrit"), "\(dry.stdout)")
        #expect(try f.head() == head)
    }

    @Test func rectification_aCorrectedWitnessIsSeenByHistoryTheDossierAndTheAudit() throws {
        let (f, testimony) = try store()
        let correct =
            ["correct", "2026-001", "--record", testimony, "--reason", "Le témoin est M0008, pas M0007", "--"]
            + Self.testimony("M0008")
        let run = try f.greffe(correct)
        expectExit(run.status, .ok, "\(run.stderr)")
        #expect(run.stdout.contains("rectification de #\(testimony)"), "\(run.stdout)")
        // Retried (another keeper's same correction): refused, already corrected.
        let again = try f.greffe(correct)
        expectExit(again.status, .refused, "\(again.stderr)")
        #expect(again.stderr.contains("déjà rectifié"), "\(again.stderr)")
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains("« rectifié » par #"), "\(history.stdout)")
        #expect(history.stdout.contains("Le témoin est M0008, pas M0007"), "\(history.stdout)")
        let members = try f.greffe(["members", "list", "--eligible-for", "2026-001"])
        expectExit(members.status, .ok, "\(members.stderr)")
        let dossier = try f.greffe(["dossier", "2026-001", "--format", "md"])
        expectExit(dossier.status, .ok, "\(dossier.stderr)")
        #expect(dossier.stdout.contains("## Rectifications"), "\(dossier.stdout)")
        #expect(dossier.stdout.contains("témoin : Farid Benali"), "\(dossier.stdout)")
        let report = try f.greffe(["audit", "report", "2026-001"])
        #expect(report.stdout.contains("rectification de #\(testimony)"), "\(report.stdout)")
        let verify = try f.greffe(["audit", "verify"])
        expectExit(verify.status, .ok, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func rectification_aWithdrawnActLeavesTheStatusAndApplyWithdrawsToo() throws {
        let (f, testimony) = try store()
        let line =
            #"{"case":"2026-001","on":"2026-02-20","as":"M0002","withdraw":{"record":\#(testimony),"reason":"Témoignage versé par erreur"}}"#
        let file = f.directory + "/withdraw.jsonl"
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let head = try f.head()
        expectExit(try f.greffe(["apply", file, "--dry-run"]).status, .ok)
        #expect(try f.head() == head)
        let applied = try f.greffe(["apply", file], environment: ActCommandsTests.today)
        expectExit(applied.status, .ok, "\(applied.stderr)")
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains("« retiré » par #"), "\(history.stdout)")
        let dossier = try f.greffe(["dossier", "2026-001", "--format", "md"])
        #expect(
            !dossier.stdout.contains("Témoignage sur les messages du 2 janvier — témoin")
                || dossier.stdout.contains("« retiré »"), "\(dossier.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    /// The story of issue 14 at the command line: the witness typed M0007 for M0008, M0008 then drawn by lot into the
    /// cell. Corrected, M0008 is the witness: excluded from the cell, replaced through the procedure, and the dossier
    /// shows the rectification.
    @Test func rectification_theWrongWitnessStoryEndToEnd() throws {
        let f = try ActCommandsTests().rosterStore()
        let steps: [[String]] =
            Array(ActCommandsTests.sampleCase.prefix(3)) + [
                [
                    "evidence", "2026-001", "--kind", "testimony", "--description", "Témoignage", "--witness", "M0007",
                    "--on", "2026-01-12", "--as", "M0002"
                ],
                ["file-complete", "2026-001", "--note", "Consigné.", "--on", "2026-01-20", "--as", "M0002"],
                [
                    "hear-victim", "2026-001", "--victim", "M0005", "--needs", "Sécurité.", "--demand",
                    "excuses écrites", "--on", "2026-01-21", "--as", "M0002"
                ],
                [
                    "request-explanation", "2026-001", "--summary", "Résumé.", "--demand", "excuses écrites", "--on",
                    "2026-01-22", "--as", "M0002"
                ],
                ["answer", "2026-001", "--from", "M0004", "--form", "written", "--on", "2026-01-30", "--as", "M0002"],
                [
                    "summary", "2026-001", "--demand", "Excuses.", "--defence", "Malentendu.", "--sanction", "warning",
                    "--on", "2026-02-02", "--as", "M0002"
                ],
                [
                    "cell", "call", "2026-001", "--via", "online", "--member", "M0009", "--member", "M0012", "--on",
                    "2026-02-03", "--as", "M0002"
                ],
                [
                    "cell", "draw-announce", "2026-001", "--on", "2026-02-05", "--source",
                    "Loto FDJ du samedi 7 février 2026 : les 5 numéros",
                    "--known-on", "2026-02-07", "--as", "M0002"
                ],
                // These published values draw M0001, M0008, M0010 first.
                ["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "1 11 17 25 38", "--as", "M0002"],
                ["cell", "present", "2026-001", "--member", "M0008", "--on", "2026-02-08", "--as", "M0002"]
            ]
        for step in steps {
            let run = try f.greffe(step, environment: ActCommandsTests.today)
            expectExit(run.status, .ok, "\(step): \(run.stderr)")
        }
        let history = try f.greffe(["history", "2026-001", "--json"])
        let testimony = try #require(
            history.stdout.split(separator: "\n").first { $0.contains("\"EvidenceAdded\"") }
                .flatMap { line in line.range(of: "\"sequence\":").map { line[$0.upperBound...].prefix { $0.isNumber } }
                })
        let correct = try f.greffe(
            [
                "correct", "2026-001", "--record", String(testimony), "--reason", "Le témoin est M0008, pas M0007",
                "--",
                "evidence", "2026-001", "--kind", "testimony", "--description", "Témoignage", "--witness", "M0008",
                "--on", "2026-01-12", "--as", "M0002"
            ], environment: ActCommandsTests.today)
        expectExit(correct.status, .ok, "\(correct.stderr)")
        // M0008 sits but is now a witness: the summary cannot go to the cell; the procedure replaces them.
        let present = try f.greffe(
            ["cell", "present", "2026-001", "--member", "M0001", "--on", "2026-02-08", "--as", "M0002"],
            environment: ActCommandsTests.today)
        expectExit(present.status, .ok, "\(present.stderr)")
        let replace = try f.greffe(
            [
                "cell", "replace", "2026-001", "--member", "M0008", "--ground", "no-longer-eligible",
                "--reason", "Témoin (rectification)", "--on", "2026-02-09", "--as", "M0002"
            ],
            environment: ActCommandsTests.today)
        expectExit(replace.status, .ok, "\(replace.stderr)")
        let eligible = try f.greffe(["members", "list", "--eligible-for", "2026-001", "--on", "2026-02-09"])
        let lines = eligible.stdout.split(separator: "\n")
        #expect(lines.first { $0.hasPrefix("M0008") }?.contains("exclu") == true, "\(eligible.stdout)")
        #expect(lines.first { $0.hasPrefix("M0007") }?.contains("témoin") == false, "\(eligible.stdout)")
        let status = try f.greffe(["status", "2026-001", "--json"], environment: ActCommandsTests.today)
        #expect(
            !status.stdout.contains("\"M0008\"") || status.stdout.contains("Témoin (rectification)"), "\(status.stdout)"
        )
        let dossier = try f.greffe(["dossier", "2026-001", "--format", "md"], environment: ActCommandsTests.today)
        expectExit(dossier.status, .ok, "\(dossier.stderr)")
        #expect(dossier.stdout.contains("## Rectifications"), "\(dossier.stdout)")
        #expect(dossier.stdout.contains("Le témoin est M0008, pas M0007"), "\(dossier.stdout)")
        #expect(dossier.stdout.contains("« rectifié »"), "\(dossier.stdout)")
        expectExit(try f.greffe(["audit", "verify"], environment: ActCommandsTests.today).status, .ok)
    }

    /// `status` and its deadlines read the corrected day: a board meeting recorded on the 9th, held on the 8th.
    @Test func rectification_statusAndDeadlinesUseTheCorrectedDay() throws {
        let (f, _) = try store()
        let before = try f.greffe(["status", "2026-001"], environment: ActCommandsTests.today)
        #expect(before.stdout.contains("fait le 2026-01-09"), "\(before.stdout)")
        let correct = try f.greffe(
            [
                "correct", "2026-001", "--record", "34", "--reason", "La réunion s'est tenue le 8", "--",
                "meeting", "2026-001", "--attendee", "M0001", "--attendee", "M0002", "--attendee", "M0003",
                "--rapporteur", "M0002", "--on", "2026-01-08", "--as", "M0001"
            ], environment: ActCommandsTests.today)
        expectExit(correct.status, .ok, "\(correct.stderr)")
        let after = try f.greffe(["status", "2026-001"], environment: ActCommandsTests.today)
        #expect(after.stdout.contains("R04") && after.stdout.contains("fait le 2026-01-08"), "\(after.stdout)")
        #expect(!after.stdout.contains("fait le 2026-01-09"), "\(after.stdout)")
    }
}
