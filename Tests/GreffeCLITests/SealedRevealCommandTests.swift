import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

@testable import EventLog

/// R35: human outputs never show a sealed box; a dry run makes no key; an altered ciphertext is exit 79 naming the
/// record.
@Suite struct SealedRevealCommandTests {
    /// Rewrites record `sequence` with `change` and re-hashes every later record and the head: a consistent chain,
    /// so that only the authentication tag can object.
    func forge(_ path: String, at sequence: UInt64, _ change: (inout NewEvent) -> Void) throws {
        let store = try EventStore.open(at: path)
        var previous: [UInt8] = []
        var rewritten: [(UInt64, [UInt8])] = []
        var cursor = store.records(from: sequence)
        while let record = try cursor.next() {
            if previous.isEmpty { previous = record.previousHash }
            var event = record.event
            if record.sequence == sequence { change(&event) }
            let (value, hash) = RecordCodec.encode(
                sequence: record.sequence, stream: record.stream,
                version: record.version, event: event, previousHash: previous)
            rewritten.append((record.sequence, value))
            previous = hash
        }
        let last = try #require(rewritten.last?.0)
        try store.env.write { txn in
            for (sequence, value) in rewritten { try txn.put(store.records, .bigEndian(sequence), value) }
            try txn.put(store.meta, Array("head".utf8), .bigEndian(last) + previous)
        }
    }

    @Test func R35_anAlteredCiphertextIsExit79NamingTheRecord() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status, .ok)
        let joined = try #require(try EventStore.open(at: f.store, options: .readOnly).readStream("member/M0004").first)
        try forge(f.store, at: joined.sequence) { event in
            var object = (try? JSONSerialization.jsonObject(with: event.payload) as? [String: Any]) ?? [:]
            var name = object["displayName"] as? [String: Any] ?? [:]
            var bytes = Data(base64Encoded: name["box"] as? String ?? "") ?? Data()
            if !bytes.isEmpty { bytes[0] ^= 0x01 }
            name["box"] = bytes.base64EncodedString()
            object["displayName"] = name
            event.payload =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? event.payload
        }
        expectExit(try f.greffe(["log", "verify"]).status, .ok)
        // The forger rebuilds the indexes too: the roster's record now holds the altered box.
        expectExit(try f.greffe(["log", "reindex"]).status, .ok)
        let shown = try f.greffe(["members", "show", "M0004"])
        expectExit(shown.status, .verificationFailed, "\(shown.stdout)\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("M0004 — [altéré] <"), "\(shown.stdout)")
        #expect(shown.stderr.contains("member/M0004#1/MemberJoined/displayName"), "\(shown.stderr)")
        #expect(shown.stderr.contains("vérification échouée"), "\(shown.stderr)")
        // Another member's record still reads, and exits 0.
        let other = try f.greffe(["members", "show", "M0005"])
        expectExit(other.status, .ok, "\(other.stderr)")
    }

    @Test func R35_aDryRunOnAFreshStoreMakesNoKeyStore() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let preview = try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02", "--dry-run"])
        expectExit(preview.status, .ok, "\(preview.stderr)")
        #expect(preview.stdout.contains("Alice Martin"), "\(preview.stdout)")
        #expect(!FileManager.default.fileExists(atPath: f.store + "/keys"), "a dry run made a key store")
    }

    @Test func R35_aDryRunActAddsNoKeyToAnExistingKeyStore() throws {
        let f = try ActCommandsTests().rosterStore()
        let keys = f.store + "/keys/data.mdb"
        let before = try Data(contentsOf: URL(fileURLWithPath: keys))
        let simulated = try f.greffe(PhantomCaseTests.complaint + ["--dry-run"])
        expectExit(simulated.status, .ok, "\(simulated.stderr)")
        // A file of actions applied as a dry run, on a throwaway copy of the register: no key reaches the key store.
        let all = try String(contentsOfFile: SampleCaseTests.sampleCase, encoding: .utf8).split(separator: "\n")
        let file = f.directory + "/first.jsonl"
        try all.prefix(2).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        expectExit(try f.greffe(["apply", file, "--dry-run"]).status, .ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: keys)) == before, "a dry run wrote to the key store")
        // The real act makes the case's key.
        expectExit(try f.greffe(PhantomCaseTests.complaint).status, .ok)
        #expect(try Data(contentsOf: URL(fileURLWithPath: keys)) != before)
    }
}
