import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// R35: a passphrase added to, changed on or removed from an existing key store; the keys as they were stored before
/// leave the file.
@Suite struct PassphraseChangeTests {
    func keyStoreFile(_ f: RegistryFixture) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: f.directory + "/store/keys/data.mdb"))
    }

    @Test func R35_aPassphraseAddedLaterRewrapsEveryKeyAndTheClearKeysLeaveTheFile() throws {
        let f = try RegistryFixture()
        let kid = try #require(try f.registry.member("M0004")?.displayName.box?.kid)
        let clear = try #require(try KeyStore.open(at: f.directory + "/store/keys").get("key/" + kid))
        #expect(try keyStoreFile(f).range(of: Data(clear)) != nil)

        let changed = try f.registry.changePassphrase(to: "une phrase ajoutée après coup")
        #expect(changed.keys >= 1)
        #expect(!changed.hadPassphrase)
        #expect(try keyStoreFile(f).range(of: Data(clear)) == nil)
        // The same register reads on; another opening needs the new passphrase.
        #expect(try f.registry.reveal()(try #require(try f.registry.member("M0004")).displayName) == "Damien")
        let again = Registry(store: f.store)
        again.keys.passphrase = "une phrase ajoutée après coup"
        #expect(try again.reveal()(try #require(try again.member("M0004")).displayName) == "Damien")
        let wrong = Registry(store: f.store)
        wrong.keys.passphrase = "autre chose"
        #expect(throws: PassphraseError.self) { try wrong.reveal() }
    }

    @Test func R35_aWrongOldPassphraseLeavesTheKeyStoreBytesUnchanged() throws {
        let f = try RegistryFixture()
        try f.registry.changePassphrase(to: "première phrase")
        let before = try keyStoreFile(f)
        let wrong = Registry(store: f.store)
        wrong.keys.passphrase = "pas la bonne"
        #expect(throws: PassphraseError.wrong(path: f.directory + "/store/keys")) {
            try wrong.changePassphrase(to: "seconde phrase")
        }
        #expect(try keyStoreFile(f) == before)
        // The right one changes it, and the old one no longer opens.
        let right = Registry(store: f.store)
        right.keys.passphrase = "première phrase"
        try right.changePassphrase(to: "seconde phrase")
        let stale = Registry(store: f.store)
        stale.keys.passphrase = "première phrase"
        #expect(throws: PassphraseError.wrong(path: f.directory + "/store/keys")) { try stale.reveal() }
        // Removed: opens without any.
        let removing = Registry(store: f.store)
        removing.keys.passphrase = "seconde phrase"
        try removing.changePassphrase(to: nil)
        let bare = Registry(store: f.store)
        #expect(try bare.reveal()(try #require(try bare.member("M0004")).displayName) == "Damien")
    }
}
