import Crypto
import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// A pseudonymised export keeps no value computed from real ids: guessing ids and hashing them against what the export
/// holds (the original records' hashes, the draw's pool digest) finds nothing.
@Suite struct ReidentificationTests {
    @Test func pseudonymisedExport_theReidentificationAttackFails() throws {
        let f = try AuditFixture()
        var lines: [String] = []
        try f.registry.export(pseudonymisingWith: Array(repeating: UInt8(7), count: 32)) { lines.append($0) }
        let text = lines.joined(separator: "\n")
        // What an attacker who guesses the roster's ids can compute: every original record's hash (each is SHA-256 of a
        // body holding ids in clear) and every pool digest (SHA-256 of the ids, one per line).
        var computable: [String] = []
        var cursor = f.store.records(from: 1)
        var pools = 0
        while let record = try cursor.next() {
            computable.append(record.hash.hexString)
            if let object = try JSONSerialization.jsonObject(with: record.payload) as? [String: Any],
                let digest = object["poolDigest"] as? String
            {
                computable.append(digest)
                pools += 1
            }
        }
        #expect(pools > 0, "the fixture draws a cell")
        for value in computable {
            #expect(!text.contains(value), "\(value) is in the pseudonymised export")
        }
    }

    @Test func pseudonymisedExport_idsDifferingOnlyByCaseKeepTheirOwnPseudonyms() throws {
        let p = try Pseudonymiser(
            key: Array(repeating: UInt8(1), count: 32),
            people: [.init(id: "Jules", names: [], emails: []), .init(id: "jules", names: [], emails: [])])
        #expect(p.pseudonym("Jules") != p.pseudonym("jules"))
        #expect(p.text("Jules") == p.pseudonym("Jules"))
        #expect(p.text("jules") == p.pseudonym("jules"))
    }
}
