import Discipline
import Foundation
import GreffeTestSupport
import Registry
import Testing

@testable import EventLog

/// R35: `audit verify` checks, without keys, that every sealed text is bound (`at`) to the record and field where it
/// sits: a box copied from one case's complaint into another's, by a forger who then re-hashed the chain, is found.
@Suite struct SealedPlaceAuditTests {
    /// The sealed object of `field` in a payload, as raw JSON text.
    static func sealedObject(_ payload: Data, _ field: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        let box = try #require(object[field] as? [String: Any])
        return String(
            decoding: try JSONSerialization.data(withJSONObject: box, options: [.sortedKeys, .withoutEscapingSlashes]),
            as: UTF8.self)
    }

    @Test func R35_theSampleStoresSealedTextsAreAllInTheirPlace() throws {
        let f = try AuditFixture()
        let report = try f.registry.audit()
        #expect(report.result(.payloads)?.passed == true, "\(report.checks)")
    }

    @Test func R35_aSealedTextMovedToAnotherRecordIsFoundWithoutKeys() throws {
        let f = try AuditFixture()
        var complaints: [EventRecord] = []
        var cursor = f.store.records(from: 1)
        while let record = try cursor.next() {
            if record.type == "ComplaintFiled" { complaints.append(record) }
        }
        try #require(complaints.count >= 2)
        let (first, second) = (complaints[0], complaints[1])
        #expect(first.stream != second.stream)
        // The forger puts the first complaint's sealed facts into the second complaint, then re-hashes the chain.
        let moved = try Self.sealedObject(first.payload, "facts")
        try IntegrityHardeningTests().forge(f, at: second.sequence) { event in
            var object = (try? JSONSerialization.jsonObject(with: event.payload) as? [String: Any]) ?? [:]
            object["facts"] = try? JSONSerialization.jsonObject(with: Data(moved.utf8))
            event.payload =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? event.payload
        }
        // An auditor without keys: a registry over the store with an empty key folder.
        let auditor = Registry(store: f.store, keysPath: f.directory + "/no-keys")
        let report = try auditor.audit()
        let payloads = try #require(report.result(.payloads))
        guard case .failed(let finding) = payloads.outcome else {
            Issue.record("the moved box was not found: \(report.checks)")
            return
        }
        #expect(finding.sequence == second.sequence)
        #expect(finding.words.fr.contains("texte chiffré hors de sa place"), "\(finding.words.fr)")
        #expect(
            finding.words.fr.contains("\(first.stream)#\(first.version)/ComplaintFiled/facts"), "\(finding.words.fr)")
        #expect(
            finding.words.fr.contains("\(second.stream)#\(second.version)/ComplaintFiled/facts"), "\(finding.words.fr)")
        #expect(report.result(.chain)?.passed == true, "a consistent forgery passes the chain")
        print("move a sealed text:", finding.sequence ?? 0, finding.words.fr, "/", payloads.count)
    }
}
