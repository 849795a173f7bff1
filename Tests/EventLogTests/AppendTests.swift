import Foundation
import GreffeTestSupport
import Testing

@testable import EventLog

@Suite struct AppendTests {
    @Test func appendThenReadRoundTripsEveryField() throws {
        let f = try StoreFixture()
        let events = (1...3).map { sampleEvent($0) }
        let appended = try f.store.append(to: "case-2026-001", expected: .noStream, events: events)
        #expect(appended.map(\.sequence) == [1, 2, 3])
        #expect(appended.map(\.version) == [1, 2, 3])

        let read = try f.store.readStream("case-2026-001")
        #expect(read == appended)
        #expect(read.map(\.event) == events)
        #expect(read[0].previousHash == [UInt8](repeating: 0, count: 32))
        #expect(read[1].previousHash == read[0].hash)
        #expect(read[2].previousHash == read[1].hash)
        #expect(try f.store.head() == LogHead(sequence: 3, hash: read[2].hash))
        #expect(try f.store.version(of: "case-2026-001") == 3)
        #expect(try f.store.readStream("case-2026-001", from: 3).map(\.sequence) == [3])
    }

    @Test func streamsInterleaveAndKeepTheirOwnVersions() throws {
        let f = try StoreFixture()
        try f.store.append(to: "a", expected: .noStream, events: [sampleEvent(1)])
        try f.store.append(to: "b", expected: .noStream, events: [sampleEvent(2), sampleEvent(3)])
        try f.store.append(to: "a", expected: .exactly(1), events: [sampleEvent(4)])
        #expect(try f.store.readStream("a").map(\.sequence) == [1, 4])
        #expect(try f.store.readStream("a").map(\.version) == [1, 2])
        #expect(try f.store.readStream("b").map(\.version) == [1, 2])
        // A stream whose id is a prefix of another does not see the other's events.
        try f.store.append(to: "ab", expected: .noStream, events: [sampleEvent(5)])
        #expect(try f.store.readStream("a").count == 2)
        #expect(try f.store.readStream("missing").isEmpty)
    }

    @Test func wrongExpectedVersionIsAConflictAndWritesNothing() throws {
        let f = try StoreFixture()
        try f.store.append(to: "s", expected: .noStream, events: [sampleEvent(1), sampleEvent(2)])
        let before = try f.store.head()

        #expect(throws: EventStoreError.conflict(stream: "s", expected: 1, actual: 2)) {
            try f.store.append(to: "s", expected: .exactly(1), events: [sampleEvent(3)])
        }
        #expect(throws: EventStoreError.conflict(stream: "s", expected: 0, actual: 2)) {
            try f.store.append(to: "s", expected: .noStream, events: [sampleEvent(3)])
        }
        // A stream that does not exist yet is at version 0.
        #expect(throws: EventStoreError.conflict(stream: "new", expected: 4, actual: 0)) {
            try f.store.append(to: "new", expected: .exactly(4), events: [sampleEvent(3)])
        }
        #expect(try f.store.head() == before)
        #expect(try f.store.version(of: "new") == 0)
        let conflict = EventStoreError.conflict(stream: "s", expected: 1, actual: 2)
        #expect(conflict.description.contains("expected version 1, found 2"))
    }

    @Test func aFailureInsideTheTransactionWritesNoneOfTheEvents() throws {
        struct ProjectionFailed: Error {}
        let f = try StoreFixture()
        try f.store.append(to: "s", expected: .noStream, events: [sampleEvent(1)])
        let before = try f.store.head()
        #expect(throws: ProjectionFailed.self) {
            try f.store.append(to: "s", expected: .exactly(1), events: (2...5).map { sampleEvent($0) }) { _, _ in
                throw ProjectionFailed()
            }
        }
        #expect(try f.store.head() == before)
        #expect(try f.store.readStream("s").count == 1)

        // In bulk mode a conflict in the second append undoes the first.
        #expect(throws: EventStoreError.conflict(stream: "s", expected: 7, actual: 1)) {
            try f.store.bulk { writer in
                try writer.append(to: "t", expected: .noStream, events: [sampleEvent(6)])
                try writer.append(to: "s", expected: .exactly(7), events: [sampleEvent(7)])
            }
        }
        #expect(try f.store.head() == before)
        #expect(try f.store.version(of: "t") == 0)
    }

    @Test func projectionsChangeInTheSameTransactionAsTheLog() throws {
        let f = try StoreFixture()
        try f.store.append(to: "s", expected: .noStream, events: [sampleEvent(1)]) { projections, records in
            try projections.put("index/s", Array("v\(records.last?.version ?? 0)".utf8))
        }
        let stored = try f.store.readProjections { try $0.get("index/s") }
        #expect(stored == Array("v1".utf8))
        // An empty prefix lists everything (LMDB refuses a zero-length key, so the scan starts at the first entry).
        #expect(try f.store.readProjections { try $0.entries(prefix: "") }.map(\.key) == ["index/s"])
        try f.store.writeProjections { try $0.deleteAll(prefix: "index/") }
        #expect(try f.store.readProjections { try $0.entries(prefix: "index/") }.isEmpty)
    }

    @Test func emptyAppendsAndBadStreamIDsAreRefused() throws {
        let f = try StoreFixture()
        #expect(throws: EventStoreError.emptyAppend) {
            try f.store.append(to: "s", expected: .any, events: [])
        }
        for bad in ["", "a\u{0}b", "line\nbreak", String(repeating: "x", count: 201)] {
            #expect(throws: EventStoreError.invalidStreamID(bad)) {
                try f.store.append(to: bad, expected: .any, events: [sampleEvent(1)])
            }
        }
        #expect(try f.store.head().sequence == 0)
    }

    @Test func theWholeLogStreamsInBatchesInOrder() throws {
        let f = try StoreFixture()
        try f.store.bulk { writer in
            for i in 0..<50 {
                try writer.append(to: "s\(i % 4)", expected: .any, events: [sampleEvent(i), sampleEvent(i + 100)])
            }
        }
        var cursor = f.store.records(from: 1, batchSize: 7)
        var sequences: [UInt64] = []
        while let record = try cursor.next() { sequences.append(record.sequence) }
        #expect(sequences == Array(1...100))

        var fromMiddle = f.store.records(from: 96, batchSize: 2)
        var tail: [UInt64] = []
        while let record = try fromMiddle.next() { tail.append(record.sequence) }
        #expect(tail == [96, 97, 98, 99, 100])
        var pastEnd = f.store.records(from: 101)
        #expect(try pastEnd.next() == nil)
    }

    @Test func theMapGrowsWhenFull() throws {
        let f = try StoreFixture(options: .init(initialMapSize: 256 << 10))
        let initial = f.store.env.mapSize
        let big = String(repeating: "x", count: 60_000)
        for i in 0..<40 {
            try f.store.append(
                to: "big", expected: .exactly(UInt64(i)), events: [sampleEvent(i, payload: "\"\(big)\"")])
        }
        #expect(f.store.env.mapSize > initial)
        #expect(try f.store.verify().isValid)
        // Another process (here: another handle) opening with a smaller map adopts the grown size.
        let again = try EventStore.open(at: f.path, options: .init(initialMapSize: 256 << 10))
        try again.append(to: "big", expected: .exactly(40), events: [sampleEvent(41, payload: "\"\(big)\"")])
        #expect(try again.head().sequence == 41)
    }

    @Test func reopeningKeepsEverything() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/store"
        do {
            let store = try EventStore.create(at: path)
            try store.append(to: "s", expected: .noStream, events: [sampleEvent(1), sampleEvent(2)])
        }
        let reopened = try EventStore.open(at: path)
        #expect(try reopened.head().sequence == 2)
        #expect(try reopened.verify().isValid)
    }
}
