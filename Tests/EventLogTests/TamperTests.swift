import Foundation
import Testing

@testable import EventLog

/// Alterations made behind the log's back, directly through LMDB, must each be found by `verify`,
/// which names the first bad sequence number.
@Suite struct TamperTests {
    /// Five records on two streams: a(1) b(2) a(3) b(4) a(5).
    func fiveRecords() throws -> StoreFixture {
        let f = try StoreFixture()
        for i in 1...5 {
            let stream = i % 2 == 1 ? "a" : "b"
            try f.store.append(to: stream, expected: .any, events: [sampleEvent(i)])
        }
        #expect(try f.store.verify().isValid)
        return f
    }

    func rawValue(_ f: StoreFixture, _ sequence: UInt64) throws -> [UInt8] {
        try #require(try f.store.env.read { try $0.get(f.store.records, .bigEndian(sequence)) })
    }

    func overwrite(_ f: StoreFixture, _ sequence: UInt64, _ value: [UInt8]) throws {
        try f.store.env.write { try $0.put(f.store.records, .bigEndian(sequence), value) }
    }

    @Test func aFlippedPayloadByteIsFound() throws {
        let f = try fiveRecords()
        var value = try rawValue(f, 3)
        value[value.count - 33] ^= 0x01 // last payload byte, just before the stored hash
        try overwrite(f, 3, value)
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 3)
        #expect(failure.kind == .hashMismatch)
    }

    @Test func aChangedDayIsFound() throws {
        let f = try fiveRecords()
        let original = try rawValue(f, 2)
        let day = Array("2026-11-03".utf8)
        let changed = Array("2026-11-02".utf8)
        let at = try #require(original.firstRange(of: day))
        var value = original
        value.replaceSubrange(at, with: changed)
        try overwrite(f, 2, value)
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 2)
        #expect(failure.kind == .hashMismatch)
    }

    @Test func aDeletedMiddleRecordIsFound() throws {
        let f = try fiveRecords()
        _ = try f.store.env.write { try $0.delete(f.store.records, .bigEndian(UInt64(3))) }
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 3)
        #expect(failure.kind == .missingRecord)
    }

    @Test func aDeletedLastRecordIsFound() throws {
        let f = try fiveRecords()
        _ = try f.store.env.write { try $0.delete(f.store.records, .bigEndian(UInt64(5))) }
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 5)
        #expect(failure.kind == .headMismatch)
    }

    @Test func twoSwappedRecordsAreFound() throws {
        let f = try fiveRecords()
        let two = try rawValue(f, 2)
        let four = try rawValue(f, 4)
        try overwrite(f, 2, four)
        try overwrite(f, 4, two)
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 2)
        #expect(failure.kind == .misplacedRecord)
    }

    @Test func aRecordRewrittenWithItsOwnHashBreaksTheNextLink() throws {
        let f = try fiveRecords()
        let original = try f.store.readStream("a")[1] // sequence 3
        var event = original.event
        event.payload = Data("{\"n\":333}".utf8)
        let (value, _) = RecordCodec.encode(
            sequence: 3, stream: "a", version: 2, event: event, previousHash: original.previousHash)
        try overwrite(f, 3, value)
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 4)
        #expect(failure.kind == .brokenChain)
    }

    @Test func aForgerWhoRewritesTheWholeChainIsCaughtOnlyByACheckpoint() throws {
        let f = try fiveRecords()
        let checkpoint = LogHead(sequence: 3, hash: try f.store.readStream("a")[1].hash)
        // Rewrite record 2 and every record after it, with consistent hashes and head.
        var previous = try f.store.readStream("a")[0].hash
        var rewritten: [(UInt64, [UInt8])] = []
        var cursor = f.store.records(from: 2)
        while let record = try cursor.next() {
            var event = record.event
            if record.sequence == 2 { event.payload = Data("{\"n\":\"forged\"}".utf8) }
            let (value, hash) = RecordCodec.encode(
                sequence: record.sequence, stream: record.stream, version: record.version, event: event,
                previousHash: previous)
            rewritten.append((record.sequence, value))
            previous = hash
        }
        try f.store.env.write { txn in
            for (sequence, value) in rewritten { try txn.put(f.store.records, .bigEndian(sequence), value) }
            try txn.put(f.store.meta, Array("head".utf8), .bigEndian(UInt64(5)) + previous)
        }
        #expect(try f.store.verify().isValid, "a consistent forgery passes the chain check, as designed")
        let failure = try #require(try f.store.verify(from: checkpoint).failure)
        #expect(failure.sequence == 3)
        #expect(failure.kind == .checkpointMismatch)
    }

    @Test func verifyingFromACheckpointChecksOnlyWhatFollows() throws {
        let f = try fiveRecords()
        let third = try f.store.readStream("a")[1]
        let report = try f.store.verify(from: LogHead(sequence: 3, hash: third.hash))
        #expect(report.isValid)
        #expect(report.startSequence == 4)
        #expect(report.recordsChecked == 2)
    }

    @Test func aStreamIndexPointingElsewhereIsFound() throws {
        let f = try fiveRecords()
        try f.store.env.write { txn in
            try txn.put(f.store.streams, EventStore.streamPrefix("b") + .bigEndian(UInt64(2)), .bigEndian(UInt64(2)))
        }
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.sequence == 4)
        #expect(failure.kind == .streamIndex)
    }
}
