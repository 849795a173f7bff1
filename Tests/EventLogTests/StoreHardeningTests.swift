import Foundation
import GreffeTestSupport
import Testing

@testable import EventLog

/// Faults found by running Greffe against damaged, tampered and full stores (issue 16): each test reproduces one.
@Suite struct StoreHardeningTests {
    /// Three records on two streams: a(1) b(2) a(3).
    func threeRecords() throws -> StoreFixture {
        let f = try StoreFixture()
        for i in 1...3 {
            try f.store.append(to: i % 2 == 1 ? "a" : "b", expected: .any, events: [sampleEvent(i)])
        }
        #expect(try f.store.verify().isValid)
        return f
    }

    // MARK: A checkpoint's own record (item 2)

    @Test func aByteFlippedInTheCheckpointRecordItselfIsFound() throws {
        let f = try threeRecords()
        let second = try f.store.readStream("b")[0]
        var value = try #require(try f.store.env.read { try $0.get(f.store.records, .bigEndian(UInt64(2))) })
        value[value.count - 33] ^= 0x01 // last payload byte; the stored hash is left as it was
        try f.store.env.write { try $0.put(f.store.records, .bigEndian(UInt64(2)), value) }
        let failure = try #require(try f.store.verify(from: LogHead(sequence: 2, hash: second.hash)).failure)
        #expect(failure.sequence == 2)
        #expect(failure.kind == .hashMismatch)
    }

    // MARK: stream_heads and streams, both ways (item 3)

    @Test func aStreamHeadForAStreamWithoutRecordsIsFound() throws {
        let f = try threeRecords()
        try f.store.env.write { try $0.put(f.store.streamHeads, Array("ghost".utf8), .bigEndian(UInt64(1))) }
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.kind == .streamHead)
        #expect(failure.sequence == 3, "an index fault names the head's sequence")
        #expect(failure.detail.contains("ghost"))
    }

    @Test func aMissingStreamHeadIsFound() throws {
        let f = try threeRecords()
        _ = try f.store.env.write { try $0.delete(f.store.streamHeads, Array("b".utf8)) }
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.kind == .streamHead)
        #expect(failure.sequence == 3)
        #expect(failure.detail.contains("stream b"))
    }

    @Test func aStreamIndexEntryNoRecordExplainsIsFound() throws {
        let f = try threeRecords()
        try f.store.env.write { txn in
            try txn.put(f.store.streams, EventStore.streamPrefix("b") + .bigEndian(UInt64(2)), .bigEndian(UInt64(3)))
        }
        let failure = try #require(try f.store.verify().failure)
        #expect(failure.kind == .streamIndex)
        #expect(failure.sequence == 3)
    }

    @Test func fromACheckpointAHeadBeyondItsStreamIsFound() throws {
        let f = try threeRecords()
        try f.store.append(to: "c", expected: .noStream, events: [sampleEvent(4)])
        let fourth = try f.store.readStream("c")[0]
        try f.store.env.write { try $0.put(f.store.streamHeads, Array("a".utf8), .bigEndian(UInt64(5))) }
        #expect(try f.store.verify(from: LogHead(sequence: 4, hash: fourth.hash)).failure?.kind == .streamHead)
        try f.store.env.write { try $0.put(f.store.streamHeads, Array("a".utf8), .bigEndian(UInt64(2))) }
        #expect(try f.store.verify(from: LogHead(sequence: 4, hash: fourth.hash)).isValid)
    }

    // MARK: Read-only opening (item 6)

    @Test func aReadOnlyStoreReadsAndRefusesToWrite() throws {
        let f = try threeRecords()
        let head = try f.store.head()
        let reader = try EventStore.open(at: f.path, options: .readOnly)
        #expect(reader.isReadOnly)
        #expect(try reader.head() == head)
        #expect(try reader.verify().isValid)
        #expect(throws: (any Error).self) { try reader.append(to: "a", expected: .any, events: [sampleEvent(9)]) }
        #expect(try f.store.head() == head)
    }

    @Test func openingAZeroByteDataFileLeavesItAlone() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let data = directory.path + "/data.mdb"
        #expect(FileManager.default.createFile(atPath: data, contents: nil))
        for options in [EventStore.Options.readOnly, EventStore.Options()] {
            #expect(throws: EventStoreError.damaged(path: directory.path, damage: .empty)) {
                try EventStore.open(at: directory.path, options: options)
            }
            let size = try FileManager.default.attributesOfItem(atPath: data)[.size] as? Int
            #expect(size == 0, "opening must not initialise an empty data file")
        }
    }

    // MARK: A truncated data file (item 8)

    @Test func aTruncatedDataFileIsReportedNotMapped() throws {
        let f = try StoreFixture()
        // Enough records for the file to span well over 20,000 bytes.
        let big = String(repeating: "x", count: 2_000)
        for i in 1...40 {
            try f.store.append(to: "s", expected: .any, events: [sampleEvent(i, payload: "{\"t\":\"\(big)\"}")])
        }
        let data = f.path + "/data.mdb"
        let before = try #require(try FileManager.default.attributesOfItem(atPath: data)[.size] as? Int)
        #expect(before > 20_000)
        #expect(truncate(data, 20_000) == 0)
        for options in [EventStore.Options.readOnly, EventStore.Options()] {
            #expect {
                try EventStore.open(at: f.path, options: options)
            } throws: { error in
                guard case EventStoreError.damaged(_, .truncated(let size, let needed)) = error else { return false }
                return size == 20_000 && needed > 20_000
            }
        }
    }

    @Test func theMetaPagesOfAFreshStoreAreRead() throws {
        let f = try StoreFixture()
        let meta = try DataFileMeta.check(path: f.path + "/data.mdb")
        #expect(meta.pageSize == Int(getpagesize()) || meta.pageSize == 4096)
        #expect(meta.lastPage >= 2)
    }

    // MARK: A full disk (item 9) and another user's store

    @Test func theLockFileIsAllocatedBeforeLMDBMapsIt() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        try DataFileMeta.allocateLockFile(directory: directory.path)
        var status = stat()
        #expect(stat(directory.path + "/lock.mdb", &status) == 0)
        #expect(Int(status.st_size) == DataFileMeta.lockFileSize)
        #expect(Int(status.st_blocks) * 512 >= DataFileMeta.lockFileSize, "blocks allocated, not a sparse file")
    }

    @Test func aFailedCreationRemovesWhatItCreated() throws {
        struct Stop: Error {}
        let directory = TemporaryDirectory()
        let made = directory.path + "/made"
        let existing = directory.path + "/existing"
        for path in [made, existing] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        #expect(FileManager.default.createFile(atPath: existing + "/lock.mdb", contents: nil))
        for (path, madeDirectory) in [(made, true), (existing, false)] {
            #expect(throws: Stop.self) {
                try EventStore.leavingNothingOnFailure(at: path, madeDirectory: madeDirectory) {
                    try DataFileMeta.allocateLockFile(directory: path)
                    #expect(FileManager.default.createFile(atPath: path + "/data.mdb", contents: Data([1])))
                    throw Stop()
                }
            }
        }
        #expect(!FileManager.default.fileExists(atPath: made), "a directory the creation made is removed")
        let left = try FileManager.default.contentsOfDirectory(atPath: existing)
        #expect(left == ["lock.mdb"], "an existing directory keeps what it held, and only that")
    }

    @Test func createOnAFullFileSystemFailsCleanly() throws {
        guard let mount = try SmallFileSystem(kilobytes: 16) else { return }
        defer { mount.remove() }
        let path = mount.path + "/store"
        #expect(throws: EventStoreError.diskFull(path: path)) { try EventStore.create(at: path) }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: mount.path)) ?? []
        #expect(left.isEmpty, "nothing left behind: \(left)")
    }

    @Test func anAppendOnAFullFileSystemSaysTheDiskIsFull() throws {
        guard let mount = try SmallFileSystem(kilobytes: 160) else { return }
        defer { mount.remove() }
        let store = try EventStore.create(at: mount.path + "/store")
        let payload = "{\"t\":\"" + String(repeating: "y", count: 3_000) + "\"}"
        var thrown: (any Error)?
        for i in 1...200 {
            do {
                try store.append(to: "s", expected: .any, events: [sampleEvent(i, payload: payload)])
            } catch {
                thrown = error
                break
            }
        }
        #expect(thrown as? EventStoreError == .diskFull(path: mount.path + "/store"), "\(String(describing: thrown))")
        #expect(try store.verify().isValid)
    }
}

/// A small tmpfs mounted for a test (root only). `nil`, with the reason printed, when mounting is not possible.
final class SmallFileSystem {
    let directory = TemporaryDirectory()
    var path: String { directory.path }
    private var mounted = false

    init?(kilobytes: Int) throws {
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let result = try? run(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", directory.path])
        guard result?.status == 0 else {
            print("skipped: cannot mount a small tmpfs here (mount needs root): \(result?.output ?? "no mount")")
            return nil
        }
        mounted = true
    }

    func remove() {
        if mounted { _ = try? run(URL(fileURLWithPath: "/bin/umount"), [directory.path]) }
        mounted = false
    }
}
