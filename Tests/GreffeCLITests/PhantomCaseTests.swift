import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// No phantom cases: a mistyped case id is refused with the nearest existing ids; a new case is opened only without
/// `--case` or with an explicit `--new-case`.
@Suite struct PhantomCaseTests {
    static let complaint = [
        "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
        "--motive", "insults", "--facts", "Messages insultants.", "--on", "2026-01-05"
    ]

    func twoCases() throws -> CLIFixture {
        let f = try ActCommandsTests().rosterStore()
        expectExit(try f.greffe(Self.complaint).status, .ok)
        expectExit(try f.greffe(Self.complaint).status, .ok) // 2026-002
        return f
    }

    @Test func aMistypedCaseIsRefusedWithTheNearestIdsAndOpensNothing() throws {
        let f = try twoCases()
        let head = try f.head()
        let evidence = try f.greffe([
            "evidence", "2026-020", "--kind", "testimony", "--description", "d", "--on", "2026-01-06"
        ])
        expectExit(evidence.status, .notFound, "\(evidence.stderr)")
        #expect(evidence.stderr.contains("vouliez-vous dire 2026-002"), "\(evidence.stderr)")
        // An opening act given --case for a case that does not exist no longer opens it.
        let complaint = try f.greffe(Self.complaint + ["--case", "2026-020"])
        expectExit(complaint.status, .notFound, "\(complaint.stderr)")
        let report = try f.greffe([
            "report", "--case", "2026-020", "--concerning", "M0004", "--description", "x",
            "--on", "2026-01-06", "--lang", "en"
        ])
        expectExit(report.status, .notFound)
        #expect(report.stderr.contains("did you mean 2026-002"), "\(report.stderr)")
        let status = try f.greffe(["status", "2026-020"])
        #expect(status.status == 66 && status.stderr.contains("2026-002"), "\(status.stderr)")
        #expect(try f.head() == head)
        #expect(try f.greffe(["cases"]).stdout.contains("2026-020") == false)
    }

    @Test func aNewCaseIsOpenedOnlyOnPurpose() throws {
        let f = try twoCases()
        let head = try f.head()
        let taken = try f.greffe(Self.complaint + ["--new-case", "2026-002"])
        expectExit(taken.status, .refused, "\(taken.stderr)")
        expectExit(try f.greffe(Self.complaint + ["--new-case", "2026-009", "--case", "2026-001"]).status, .usage)
        expectExit(try f.greffe(Self.complaint + ["--new-case", "../x"]).status, .usage)
        #expect(try f.head() == head)
        let opened = try f.greffe(Self.complaint + ["--new-case", "2026-010"])
        #expect(opened.stdout.hasPrefix("Dossier 2026-010 ouvert."), "\(opened.stdout)\(opened.stderr)")
    }

    @Test func applyRefusesACaseIdThatIsNotOfTheDocumentedForm() throws {
        let f = try ActCommandsTests().rosterStore()
        let head = try f.head()
        let file = f.directory + "/bad.jsonl"
        for bad in ["../x", "2026-1", "2026-001/..", "２０２６-001", ""] {
            let line =
                #"{"case": "\#(bad)", "on": "2026-01-05", "as": "M0001", "command": {"type": "complaint.file", "channel": "privateTicket", "complainants": [{"id": "M0006", "isMember": true}], "accused": [{"id": "M0004", "isMember": true, "holdsMandate": false}], "victims": [{"id": "M0005", "isMember": true}], "facts": "f", "motives": ["insults"], "boardLearnedOn": "2026-01-05"}}"#
            try line.write(toFile: file, atomically: true, encoding: .utf8)
            let applied = try f.greffe(["apply", file])
            expectExit(applied.status, .refused, "\(bad): \(applied.stdout)\(applied.stderr)")
            #expect(applied.stderr.contains("case"), "\(bad): \(applied.stderr)")
        }
        #expect(try f.head() == head)
    }
}

/// `--dry-run` decides and shows what an act or an import would record, writes nothing, and exits as the real run would.
@Suite struct DryRunTests {
    @Test func dryRun_anActShowsWhatWouldBeRecordedAndWritesNothing() throws {
        let f = try ActCommandsTests().rosterStore()
        let head = try f.head()
        let simulated = try f.greffe(PhantomCaseTests.complaint + ["--dry-run"])
        expectExit(simulated.status, .ok, "\(simulated.stderr)")
        #expect(simulated.stdout.hasPrefix("Simulation (--dry-run) : rien n'a été écrit."), "\(simulated.stdout)")
        #expect(
            simulated.stdout.contains("Dossier 2026-001 ouvert. Enregistré : plainte (2026-001, #33)"),
            "\(simulated.stdout)")
        #expect(simulated.stdout.contains("  #33 ComplaintFiled"), "\(simulated.stdout)")
        #expect(simulated.stdout.contains("échéance ouverte : R04"), "\(simulated.stdout)")
        #expect(try f.head() == head)
        #expect(try f.greffe(["cases"]).stdout.contains("2026-001") == false)
        // The real act records exactly what the simulation showed.
        let real = try f.greffe(PhantomCaseTests.complaint)
        #expect(
            real.stdout
                == "Dossier 2026-001 ouvert. Enregistré : plainte (2026-001, #33) — mis·e(s) en cause : Damien Roux (M0004).\n",
            "\(real.stdout)")
        // A refused act is refused the same way, with the same exit code, simulated or not.
        let head2 = try f.head()
        let late = ["meeting", "2026-001", "--attendee", "M0001", "--rapporteur", "M0004", "--on", "2026-01-09"]
        let refused = try f.greffe(late + ["--dry-run"])
        let really = try f.greffe(late)
        #expect(refused.status == really.status && refused.status != 0, "\(refused.stderr)")
        #expect(refused.stderr == really.stderr)
        #expect(try f.head() == head2)
    }

    @Test func dryRun_aRosterImportPreviewsEachMemberAndWritesNothing() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let head = try f.head()
        let preview = try f.greffe([
            "members", "import", SampleCaseTests.roster, "--on", "2026-01-02", "--as", "M0001", "--dry-run"
        ])
        expectExit(preview.status, .ok, "\(preview.stderr)")
        #expect(preview.stdout.contains("  M0001 : nouveau membre « Alice Martin »"), "\(preview.stdout)")
        #expect(try f.head() == head)
        #expect(try f.greffe(["members", "list"]).stdout.contains("M0001") == false)
    }
}

extension DryRunTests {
    @Test func dryRun_anApplyFileRunsOnAThrowawayCopyWhereEachLineSeesTheOnesBefore() throws {
        let f = try ActCommandsTests().rosterStore()
        let head = try f.head()
        // The sample case's first lines: a complaint, then acts of the case it opens.
        let all = try String(contentsOfFile: SampleCaseTests.sampleCase, encoding: .utf8).split(separator: "\n")
        let file = f.directory + "/first.jsonl"
        try all.prefix(4).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let simulated = try f.greffe(["apply", file, "--dry-run"])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stdout.contains("  ligne 1 : #33 ComplaintFiled"), "\(simulated.stdout)")
        #expect(simulated.stdout.contains("  ligne 2 : "), "\(simulated.stdout)")
        #expect(simulated.stdout.contains("4 acte(s) appliqué(s)"), "\(simulated.stdout)")
        #expect(try f.head() == head)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
                .contains { $0.hasPrefix("greffe-dry-run-") } == false)
        // A file whose line 2 is refused: same exit code as the real run, nothing written.
        let bad = f.directory + "/bad.jsonl"
        try ([String(all[0]), String(all[2])]).joined(separator: "\n").write(
            toFile: bad, atomically: true, encoding: .utf8)
        let refusedDry = try f.greffe(["apply", bad, "--dry-run"])
        #expect(try f.head() == head)
        let refused = try f.greffe(["apply", bad])
        #expect(refusedDry.status == refused.status, "\(refusedDry.stderr)\n\(refused.stderr)")
    }
}
