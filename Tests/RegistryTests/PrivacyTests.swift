import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// Every regular file under `path` (the store and its key store), as bytes.
private func rawFiles(under path: String) throws -> [(path: String, bytes: Data)] {
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: path) else { return [] }
    var files: [(String, Data)] = []
    for case let relative as String in walker {
        let full = path + "/" + relative
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files.append((full, try Data(contentsOf: URL(fileURLWithPath: full))))
        }
    }
    return files
}

private func contains(_ haystack: Data, _ needle: Data) -> Bool { haystack.range(of: needle) != nil }

@Suite struct PrivacyTests {
    @Test func R35_namesEmailsAndCaseTextsAreNeverWrittenInClear() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        for (path, bytes) in try rawFiles(under: f.directory + "/store") {
            for secret in ["Damien", "damien@exemple.org", "Messages insultants"] {
                #expect(!contains(bytes, Data(secret.utf8)), "\(secret) found in clear in \(path)")
            }
        }
        // The register reads them back through its reveal, and only there.
        let reveal = try f.registry.reveal()
        let damien = try #require(try f.registry.member("M0004"))
        #expect(damien.displayName.box != nil)
        #expect(reveal(damien.displayName) == "Damien")
        #expect(reveal(damien.email) == "damien@exemple.org")
        let complaint = try #require(try f.registry.loadCase("2026-001").state.complaint?.value)
        #expect(reveal(complaint.facts) == "Messages insultants répétés.")
    }

    @Test func R35_aSealedTextIsBoundToItsRecordAndField() throws {
        let f = try RegistryFixture()
        let damien = try #require(try f.registry.member("M0004"))
        let box = try #require(damien.displayName.box)
        #expect(box.at == "member/M0004#1/MemberJoined/displayName")
        let reveal = try f.registry.reveal()
        // Moved to another place (its associated data changed): the tag no longer matches.
        var moved = box
        moved.at = "member/M0005#1/MemberJoined/displayName"
        #expect(reveal(.sealed(moved)) == "[altéré]")
        // One bit of the ciphertext flipped.
        var altered = box
        var bytes = try #require(Data(base64Encoded: box.box))
        bytes[0] ^= 1
        altered.box = bytes.base64EncodedString()
        #expect(reveal(.sealed(altered)) == "[altéré]")
        #expect(reveal.faults.count == 2)
    }

    @Test func R35_erasureDestroysTheKeyAndLeavesNoTraceInTheFiles() throws {
        let f = try RegistryFixture()
        try f.act("2026-01-05", .fileComplaint(RegistryFixture.complaint))
        let keysPath = f.directory + "/store/keys"
        let kid = try #require(try f.registry.member("M0004")?.displayName.box?.kid)
        let keyBytes = try #require(try KeyStore.open(at: keysPath).get("key/" + kid))
        try f.registry.erase(
            member: "M0004", reason: "demande de la personne", requestedBy: "M0004",
            on: d("2026-02-01"), recording: f.clerk)
        // The chain and every audit check (replay and draws included) still pass, without keys.
        let report = try f.registry.audit()
        #expect(report.isValid)
        // The name reads « [effacé] »; the other members are untouched.
        let reveal = try f.registry.reveal()
        #expect(reveal(try #require(try f.registry.member("M0004")).displayName) == "[effacé]")
        #expect(reveal(try #require(try f.registry.member("M0005")).displayName) == "Vera")
        // No file of the store holds the name, the e-mail or the key's bytes.
        for (path, bytes) in try rawFiles(under: f.directory + "/store") {
            #expect(!contains(bytes, Data("Damien".utf8)), "name in \(path)")
            #expect(!contains(bytes, Data("damien@exemple.org".utf8)), "e-mail in \(path)")
            #expect(!contains(bytes, Data(keyBytes)), "key bytes in \(path)")
        }
    }

    @Test func R35_erasingAnUnknownOrAlreadyErasedMemberIsRefusedAndWritesNothing() throws {
        let f = try RegistryFixture()
        let before = try f.fingerprint()
        #expect(throws: RegistryError.unknownMember("M0099")) {
            try f.registry.erase(
                member: "M0099", reason: "demande", requestedBy: nil, on: d("2026-02-01"), recording: f.clerk)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.erase(
                member: "M0004", reason: "  ", requestedBy: nil, on: d("2026-02-01"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == before)
        try f.registry.erase(
            member: "M0004", reason: "demande", requestedBy: nil, on: d("2026-02-01"), recording: f.clerk)
        let after = try f.fingerprint()
        #expect {
            try f.registry.erase(
                member: "M0004", reason: "demande", requestedBy: nil, on: d("2026-02-02"), recording: f.clerk)
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R35
        }
        #expect(try f.fingerprint() == after)
    }

    @Test func R35_aKeyStoreOfAnotherRegisterOrNoneAtAllIsRefused() throws {
        let f = try RegistryFixture()
        let other = try RegistryFixture()
        let foreign = Registry(store: f.store, keysPath: other.directory + "/store/keys")
        #expect(throws: KeyStoreError.self) { try foreign.reveal() }
        let none = Registry(store: f.store, keysPath: f.directory + "/nowhere")
        #expect(throws: KeyStoreError.missing(path: f.directory + "/nowhere")) { try none.reveal() }
        // Without keys, the log still verifies.
        #expect(try none.audit().isValid)
    }
}
