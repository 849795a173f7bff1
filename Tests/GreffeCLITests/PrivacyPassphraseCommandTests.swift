import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// R35: `greffe privacy passphrase` adds, changes or removes the passphrase of an existing key store; the old and the
/// new passphrase come from the environment or a file, never from the command line.
@Suite struct PrivacyPassphraseCommandTests {
    static let old = ["GREFFE_PASSPHRASE": "une phrase de passe assez longue"]

    func keyStoreBytes(_ f: CLIFixture) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: f.store + "/keys/data.mdb"))
    }

    func protectedStore() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let imported = try f.greffe(
            ["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"], environment: Self.old)
        expectExit(imported.status, .ok, "\(imported.stderr)")
        return f
    }

    @Test func R35_changingThePassphraseOpensWithTheNewOneOnly() throws {
        let f = try protectedStore()
        let changed = try f.greffe(
            ["privacy", "passphrase"],
            environment: Self.old.merging(["GREFFE_NEW_PASSPHRASE": "une autre phrase, plus longue"]) { $1 })
        expectExit(changed.status, .ok, "\(changed.stderr)")
        #expect(changed.stdout.hasPrefix("Phrase de passe changée : "), "\(changed.stdout)")
        let new = try f.greffe(
            ["members", "show", "M0004"], environment: ["GREFFE_PASSPHRASE": "une autre phrase, plus longue"])
        expectExit(new.status, .ok, "\(new.stderr)")
        #expect(new.stdout.hasPrefix("M0004 — Damien Roux"), "\(new.stdout)")
        let stale = try f.greffe(["members", "show", "M0004"], environment: Self.old)
        expectExit(stale.status, .storeError, "\(stale.stdout)")
        #expect(stale.stderr.contains("phrase de passe incorrecte"), "\(stale.stderr)")
        // The log is not touched, and still verifies.
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R35_aWrongOldPassphraseChangesNothing() throws {
        let f = try protectedStore()
        let before = try keyStoreBytes(f)
        let file = f.directory + "/nouvelle"
        try "une autre phrase\n".write(toFile: file, atomically: true, encoding: .utf8)
        let wrong = try f.greffe(
            ["privacy", "passphrase", "--new-passphrase-file", file],
            environment: ["GREFFE_PASSPHRASE": "autre chose"])
        expectExit(wrong.status, .storeError, "\(wrong.stdout)")
        #expect(wrong.stderr.contains("phrase de passe incorrecte"), "\(wrong.stderr)")
        let missing = try f.greffe(["privacy", "passphrase", "--new-passphrase-file", file])
        expectExit(missing.status, .storeError, "\(missing.stdout)")
        #expect(try keyStoreBytes(f) == before)
        // Neither a new passphrase nor --remove, or both: a usage error, nothing changed.
        expectExit(try f.greffe(["privacy", "passphrase"], environment: Self.old).status, .usage)
        expectExit(
            try f.greffe(["privacy", "passphrase", "--remove", "--new-passphrase-file", file], environment: Self.old)
                .status, .usage)
        #expect(try keyStoreBytes(f) == before)
        #expect(
            try f.greffe(["members", "show", "M0004"], environment: Self.old).stdout.hasPrefix("M0004 — Damien Roux"))
    }

    @Test func R35_aPassphraseIsAddedToAStoreMadeWithoutAndRemovedOnlyWhenAsked() throws {
        let f = try ActCommandsTests().rosterStore()
        let file = f.directory + "/phrase"
        try "une phrase ajoutée après coup\n".write(toFile: file, atomically: true, encoding: .utf8)
        let added = try f.greffe(["privacy", "passphrase", "--new-passphrase-file", file])
        expectExit(added.status, .ok, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Phrase de passe ajoutée : "), "\(added.stdout)")
        let without = try f.greffe(["members", "show", "M0004"])
        expectExit(without.status, .storeError, "\(without.stdout)")
        #expect(without.stderr.contains("protégé par une phrase de passe"), "\(without.stderr)")
        let with = try f.greffe(["--passphrase-file", file, "members", "show", "M0004"])
        expectExit(with.status, .ok, "\(with.stderr)")
        #expect(with.stdout.hasPrefix("M0004 — Damien Roux"), "\(with.stdout)")
        let removed = try f.greffe(["--passphrase-file", file, "privacy", "passphrase", "--remove"])
        expectExit(removed.status, .ok, "\(removed.stderr)")
        #expect(removed.stdout.hasPrefix("Phrase de passe retirée : "), "\(removed.stdout)")
        let open = try f.greffe(["members", "show", "M0004"])
        expectExit(open.status, .ok, "\(open.stderr)")
        #expect(open.stdout.hasPrefix("M0004 — Damien Roux"), "\(open.stdout)")
    }
}
