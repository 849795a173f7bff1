import Discipline
import Foundation
import GreffeTestSupport
import Registry
import Testing

@testable import EventLog

/// Issue 16, integrity: idempotency keys the index and the replay both understand, canonical stored days, a signed
/// receipt only a trusted key can vouch for, and no export of a log that fails its verification.
@Suite struct IntegrityHardeningTests {
    /// Rewrites the chain from `sequence` on with `change` applied to that record, recomputing every later hash and the
    /// head (a consistent forgery), then rebuilds the projections if the replay still reads the log.
    func forge(_ f: AuditFixture, at sequence: UInt64, _ change: (inout NewEvent) -> Void) throws {
        var previous: [UInt8] = []
        var rewritten: [(UInt64, [UInt8])] = []
        var cursor = f.store.records(from: sequence)
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
        try f.store.env.write { txn in
            for (sequence, value) in rewritten { try txn.put(f.store.records, .bigEndian(sequence), value) }
            try txn.put(f.store.meta, Array("head".utf8), .bigEndian(last) + previous)
        }
        try? f.rebuildProjections()
        #expect(try f.store.verify().isValid, "a consistent forgery passes the chain check")
    }

    // MARK: Idempotency keys (item 1)

    @Test func emptyCommandIdIsRefusedAndNothingIsWritten() throws {
        let f = try AuditFixture()
        let head = try f.store.head()
        let facts = ReportFacts(channel: .direct, concerning: ["M0004"], description: "Autre signalement")
        for key in ["", String(repeating: "k", count: CommandIdentifier.maximumBytes + 1), "clé\u{1B}[31m"] {
            #expect(throws: RegistryError.invalidCommandId(key)) {
                try f.registry.perform(
                    .recordReport(facts, commandId: key), in: "2026-009", on: d("2026-03-01"),
                    recording: AuditFixture.clerk)
            }
            #expect(try f.store.head() == head)
        }
        #expect(try f.registry.audit().isValid)
    }

    @Test func emptyCommandIdInJSONIsRefusedNamingTheField() throws {
        let line = #"{"type":"answer.lapse","commandId":"","note":"x"}"#
        #expect {
            try JSONDecoder().decode(CaseCommand.self, from: Data(line.utf8))
        } throws: { error in
            "\(error)".contains("commandId")
        }
    }

    @Test func anEmptyCausationIdIsNoCommandKeyForTheIndexNorTheReplay() throws {
        let f = try AuditFixture()
        // Every act the fixture recorded: the stored keys and the replayed ones are the same, and none is empty.
        let stored = try f.registry.storedProjections().keys.filter { $0.hasPrefix("command/") }
        #expect(!stored.isEmpty)
        #expect(!stored.contains("command/"))
        #expect(Set(stored) == Set(try f.registry.projectionsFromLog().keys.filter { $0.hasPrefix("command/") }))
    }

    // MARK: Canonical days (item 5)

    @Test func aDayInFrenchOrderInTheEnvelopeFailsThePayloadCheck() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled")
        try forge(f, at: complaint.sequence) { $0.occurredOn = "05/01/2026" }
        let report = try f.registry.audit()
        #expect(report.firstFailure?.check == .payloads, "\(report.checks)")
        #expect(report.firstFailure?.finding.sequence == complaint.sequence)
    }

    @Test func aDayInFrenchOrderInAPayloadFailsThePayloadCheck() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled")
        let text = String(decoding: complaint.payload, as: UTF8.self)
        let day = try #require(text.firstRange(of: #/"boardLearnedOn":"(\d{4})-(\d{2})-(\d{2})"/#))
        let parts = text[day].split(separator: "\"")[2].split(separator: "-")
        let french = text.replacingCharacters(
            in: day, with: "\"boardLearnedOn\":\"\(parts[2])/\(parts[1])/\(parts[0])\"")
        try forge(f, at: complaint.sequence) { $0.payload = Data(french.utf8) }
        let report = try f.registry.audit()
        #expect(report.firstFailure?.check == .payloads, "\(report.checks)")
        #expect(report.firstFailure?.finding.sequence == complaint.sequence)
    }

    @Test func onlyTheCanonicalFormIsADayInJSON() throws {
        #expect(try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-10"]"#.utf8)) == [d("2026-02-10")])
        for text in ["10/02/2026", " 2026-02-10", "2026-02-10 ", "2026-2-10"] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode([Day].self, from: Data("[\"\(text)\"]".utf8))
            }
        }
    }

    // MARK: Receipts need a trusted key (item 4)

    @Test func aSelfSignedReceiptWithoutATrustedKeyNeverPasses() throws {
        let f = try AuditFixture()
        let forger = AuditKeyPair.generate()
        let receipt = try Checkpoint.sign(try f.store.head(), on: d("2026-02-20"), with: forger)
        let report = try f.registry.audit(checkpoint: receipt)
        #expect(report.result(.checkpoint)?.passed == false)
        #expect(!report.isValid)
        #expect(report.firstFailure?.finding.words.en.contains("no trusted public key") == true)
        #expect(try f.registry.audit(checkpoint: receipt, trustedKey: forger.publicKeyHex).isValid)
    }

    @Test func aReceiptWhoseRecordChangedInPlaceFails() throws {
        let f = try AuditFixture()
        let keys = AuditKeyPair.generate()
        let receipt = try Checkpoint.sign(try f.store.head(), on: d("2026-02-20"), with: keys)
        var value = try f.raw(receipt.sequence)
        value[value.count - 40] ^= 0x01 // the record's own bytes, its stored hash kept
        try f.overwrite(receipt.sequence, value)
        let report = try f.registry.audit(checkpoint: receipt, trustedKey: keys.publicKeyHex)
        #expect(report.result(.checkpoint)?.passed == false)
    }

    // MARK: Export (item 7)

    @Test func aTamperedLogIsNotExported() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled")
        var value = try f.raw(complaint.sequence)
        value[value.count - 40] ^= 0x01
        try f.overwrite(complaint.sequence, value)
        var lines: [String] = []
        #expect {
            try f.registry.export { lines.append($0) }
        } throws: { error in
            guard case RegistryError.notVerifiable(let failure) = error else { return false }
            return failure.sequence == complaint.sequence
        }
        #expect(lines.isEmpty, "nothing written, not even the header")
    }
}
