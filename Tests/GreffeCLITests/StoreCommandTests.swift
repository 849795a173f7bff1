import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

@Suite struct StoreCommandTests {
    @Test func initThenVerifyAnEmptyStore() throws {
        let f = CLIFixture()
        let created = try f.greffe(["init"])
        expectExit(created.status, .ok)
        #expect(created.stdout == "Magasin créé : \(f.store) (format 1)\n")
        let verified = try f.greffe(["log", "verify"])
        expectExit(verified.status, .ok)
        #expect(verified.stdout.hasPrefix("OK : 0 enregistrement(s) vérifié(s), tête 0 0000"))
        let english = try f.greffe(["log", "verify", "--lang", "en"])
        #expect(english.stdout.hasPrefix("OK: 0 record(s) verified, head 0 "))
    }

    @Test func theStoreCanComeFromTheEnvironment() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"], withStore: false, environment: ["GREFFE_STORE": f.store]).status, .ok)
        #expect(FileManager.default.fileExists(atPath: f.store + "/data.mdb"))
        // Without --store or GREFFE_STORE, the per-user default is used (under $HOME here).
        expectExit(try f.greffe(["init"], withStore: false).status, .ok)
        #expect(FileManager.default.fileExists(atPath: f.directory + "/.local/share/greffe/store/data.mdb"))
    }

    @Test func errorsHaveDocumentedExitCodesAndOneClearMessage() throws {
        let f = CLIFixture()
        let missing = try f.greffe(["log", "verify"])
        expectExit(missing.status, .notFound)
        #expect(missing.stderr.contains("aucun magasin dans \(f.store)"))
        #expect(missing.stdout.isEmpty)

        expectExit(try f.greffe(["init"]).status, .ok)
        let twice = try f.greffe(["init", "--lang", "en"])
        expectExit(twice.status, .storeError)
        #expect(twice.stderr == "greffe: a store already exists at \(f.store)\n")

        let usage = try f.greffe(["log", "show", "--limit", "-3"])
        expectExit(usage.status, .usage)
        let badHash = try f.greffe(["log", "verify", "--from", "1", "--hash", "zz"])
        expectExit(badHash.status, .usage)
        #expect(badHash.stderr.contains("--hash"))
    }

    @Test func initCanAdoptALadderRulebook() throws {
        let f = CLIFixture()
        let created = try f.greffe(["init", "--rulebook", "aalmi-5", "--on", "2026-01-02", "--as", "M0001"])
        expectExit(created.status, .ok, "\(created.stderr)")
        #expect(created.stdout.hasSuffix("Règlement adopté : aalmi-5 v1 le 2026-01-02.\n"))
        #expect(
            try f.greffe(["rulebook", "list"]).stdout.contains(
                "aalmi-5  v1  échelle  AALMI Fès — charte du groupe WhatsApp, §5 : exclusions du groupe  [adopté : v1]")
        )
        // An unknown rulebook is refused before anything is created.
        let other = CLIFixture()
        let unknown = try other.greffe(["init", "--rulebook", "nope"])
        expectExit(unknown.status, .notFound)
        #expect(!FileManager.default.fileExists(atPath: other.store))
    }

    @Test func statusOfAMemberShowsTheirLadderRecords() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init", "--rulebook", "aalmi-5", "--on", "2026-01-02"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status, .ok)
        expectExit(
            try f.greffe(["ladder", "incident", "M0007", "--facts", "Publicité", "--on", "2026-01-05"]).status, .ok)
        let status = try f.greffe(["status", "M0007", "--as-of", "2026-01-06"])
        expectExit(status.status, .ok, "\(status.stderr)")
        #expect(status.stdout.hasPrefix("M0007 — AALMI Fès"))
        #expect(status.stdout.contains("Prérequis réunis pour : avertissement"))
        expectExit(try f.greffe(["status", "M0099"]).status, .notFound)
    }

    @Test func showOnAnEmptyStoreSaysSo() throws {
        let f = CLIFixture()
        try f.greffe(["init"])
        let shown = try f.greffe(["log", "show"])
        expectExit(shown.status, .ok)
        #expect(shown.stdout == "(aucun enregistrement)\n")
        let json = try f.greffe(["log", "show", "--json"])
        #expect(json.stdout.isEmpty)
    }

    @Test func reindexRebuildsTheIndexesFromTheLog() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init", "--rulebook", "aalmi-5", "--on", "2026-01-02", "--as", "M0001"]).status, .ok)
        let head = try f.head()
        let rebuilt = try f.greffe(["log", "reindex"])
        expectExit(rebuilt.status, .ok, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout == "Index reconstruits à partir du journal (tête 1) : 0 entrée(s), 0 modifiée(s).\n")
        #expect(try f.head() == head)
        let json = try f.greffe(["log", "reindex", "--json", "--lang", "en"])
        #expect(json.stdout.contains("\"changed\":0"), "\(json.stdout)")
    }

    @Test func helpListsExitCodesAndExamples() throws {
        let f = CLIFixture()
        let help = try f.greffe(["--help"], withStore: false)
        expectExit(help.status, .ok)
        for needle in ["64", "65", "66", "74", "75", "79", "Exemples", "greffe init --store"] {
            #expect(help.stdout.contains(needle), "--help lacks \(needle)")
        }
    }
}
