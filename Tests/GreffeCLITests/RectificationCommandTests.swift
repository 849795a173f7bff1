import Foundation
import GreffeTestSupport
import Testing
import GreffeCLI

/// `greffe withdraw` and `greffe correct` with the built binary: exit codes, nothing written on a refusal, and
/// `history`, `status`, the dossier and `audit` seeing both the error and its correction.
@Suite struct RectificationCommandTests {
    /// The sample case up to its evidence, with a testimony whose witness was mistyped (m007 for m008): record #36.
    func store() throws -> (CLIFixture, testimony: String) {
        let f = try ActCommandsTests().rosterStore()
        for act in ActCommandsTests.sampleCase.prefix(4) { expectExit(try f.greffe(act).status, .ok) }
        let added = try f.greffe(Self.testimony("m007"))
        expectExit(added.status, .ok, "\(added.stderr)")
        let sequence = try #require(added.stdout.split(separator: "#").last?.prefix { $0.isNumber })
        return (f, String(sequence))
    }

    static func testimony(_ witness: String) -> [String] {
        ["evidence", "2026-001", "--kind", "testimony", "--description", "Témoignage sur les messages du 2 janvier",
         "--witness", witness, "--on", "2026-01-13", "--as", "m002"]
    }

    @Test func rectification_badInputIsRefusedWithItsExitCodeAndWritesNothing() throws {
        let (f, testimony) = try store()
        let head = try f.head()
        let cases: [([String], GreffeCLI.ExitStatus, String)] = [
            (["withdraw", "2026-001", "--record", "9999", "--reason", "erreur"], .notFound, "#9999"),
            (["withdraw", "2026-001", "--record", testimony, "--reason", " "], .refused, "raison"),
            (["withdraw", "2026-001", "--record", "1", "--reason", "erreur"], .refused, "n'est pas un acte de dossier"),
            (["withdraw", "2026-002", "--record", testimony, "--reason", "erreur"], .notFound, "2026-002"),
            (["withdraw", "2026-001", "--record", testimony, "--reason", "erreur", "--as", "m007"], .refused, "recorder"),
            (["correct", "2026-001", "--record", testimony, "--reason", "erreur"], .usage, "--"),
            (["correct", "2026-001", "--record", testimony, "--reason", "erreur", "--", "status", "2026-001"], .usage, "acte"),
            (["correct", "2026-001", "--record", testimony, "--reason", "erreur", "--", "file-complete", "2026-001",
              "--on", "2026-01-13", "--as", "m002"], .refused, "un autre acte"),
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
        let correct = ["correct", "2026-001", "--record", testimony, "--reason", "Le témoin est m008, pas m007", "--"]
            + Self.testimony("m008")
        let run = try f.greffe(correct)
        expectExit(run.status, .ok, "\(run.stderr)")
        #expect(run.stdout.contains("rectification de #\(testimony)"), "\(run.stdout)")
        // Retried (another keeper's same correction): refused, already corrected.
        let again = try f.greffe(correct)
        expectExit(again.status, .refused, "\(again.stderr)")
        #expect(again.stderr.contains("déjà rectifié"), "\(again.stderr)")
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains("« rectifié » par #"), "\(history.stdout)")
        #expect(history.stdout.contains("Le témoin est m008, pas m007"), "\(history.stdout)")
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
        let line = #"{"case":"2026-001","on":"2026-02-20","as":"m002","withdraw":{"record":\#(testimony),"reason":"Témoignage versé par erreur"}}"#
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
        #expect(!dossier.stdout.contains("Témoignage sur les messages du 2 janvier — témoin")
                || dossier.stdout.contains("« retiré »"), "\(dossier.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }
}
