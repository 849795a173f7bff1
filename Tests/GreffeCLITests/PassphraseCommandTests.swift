import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// R35: a key store made with a passphrase (GREFFE_PASSPHRASE or --passphrase-file) needs it to read or seal; a
/// missing or wrong passphrase is a clear store error (74) and nothing is written; the audit needs no key at all.
@Suite struct PassphraseCommandTests {
    static let secret = ["GREFFE_PASSPHRASE": "une phrase de passe assez longue"]

    @Test func R35_aPassphraseProtectsTheKeyStore() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let imported = try f.greffe(
            ["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"], environment: Self.secret)
        expectExit(imported.status, .ok, "\(imported.stderr)")
        // With it, the names read.
        let shown = try f.greffe(["members", "show", "M0004"], environment: Self.secret)
        expectExit(shown.status, .ok, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("M0004 — Damien Roux <damien.roux@exemple.org>"), "\(shown.stdout)")
        // From a file, given before the subcommand.
        let file = f.directory + "/phrase"
        try "une phrase de passe assez longue\n".write(toFile: file, atomically: true, encoding: .utf8)
        let fromFile = try f.greffe(["--passphrase-file", file, "members", "show", "M0004"])
        expectExit(fromFile.status, .ok, "\(fromFile.stderr)")
        #expect(fromFile.stdout.hasPrefix("M0004 — Damien Roux"), "\(fromFile.stdout)")
        // Without it, or with a wrong one: a clear store error, and an act writes nothing.
        let head = try f.head()
        let without = try f.greffe(["members", "show", "M0004"])
        expectExit(without.status, .storeError, "\(without.stdout)")
        #expect(without.stderr.contains("protégé par une phrase de passe"), "\(without.stderr)")
        let wrong = try f.greffe(["members", "show", "M0004"], environment: ["GREFFE_PASSPHRASE": "autre chose"])
        expectExit(wrong.status, .storeError, "\(wrong.stdout)")
        #expect(wrong.stderr.contains("phrase de passe incorrecte"), "\(wrong.stderr)")
        let act = try f.greffe(PhantomCaseTests.complaint, environment: ["GREFFE_PASSPHRASE": "autre chose"])
        expectExit(act.status, .storeError, "\(act.stderr)")
        #expect(try f.head() == head)
        let english = try f.greffe(
            ["members", "show", "M0004", "--lang", "en"], environment: ["GREFFE_PASSPHRASE": "autre chose"])
        #expect(english.stderr.contains("wrong passphrase"), "\(english.stderr)")
        // The audit reads no text: it needs neither keys nor passphrase.
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
        // The right passphrase records the act.
        let recorded = try f.greffe(PhantomCaseTests.complaint, environment: Self.secret)
        expectExit(recorded.status, .ok, "\(recorded.stderr)")
    }

    @Test func R35_aKeyStoreMadeWithoutAPassphraseStaysAsItIs() throws {
        let f = try ActCommandsTests().rosterStore()
        let shown = try f.greffe(["members", "show", "M0004"], environment: Self.secret)
        expectExit(shown.status, .ok, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("M0004 — Damien Roux"), "\(shown.stdout)")
    }
}
