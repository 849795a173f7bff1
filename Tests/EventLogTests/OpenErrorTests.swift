import Foundation
import GreffeTestSupport
import Testing

@testable import EventLog

@Suite struct OpenErrorTests {
    @Test func aNewStoreIsOwnerOnly() throws {
        let f = try StoreFixture()
        let fm = FileManager.default
        let dirMode = try fm.attributesOfItem(atPath: f.path)[.posixPermissions] as? Int
        #expect(dirMode == 0o700)
        for file in ["data.mdb", "lock.mdb"] {
            let mode = try fm.attributesOfItem(atPath: f.path + "/" + file)[.posixPermissions] as? Int
            #expect(mode.map { $0 & 0o077 } == 0, "\(file) must not be readable by group or others")
        }
    }

    @Test func aMissingDirectoryIsAClearError() {
        let directory = TemporaryDirectory(creating: false)
        #expect(throws: EventStoreError.storeMissing(path: directory.path)) {
            try EventStore.open(at: directory.path)
        }
    }

    @Test func creatingTwiceIsRefused() throws {
        let f = try StoreFixture()
        #expect(throws: EventStoreError.alreadyExists(path: f.path)) { try EventStore.create(at: f.path) }
    }

    @Test func aDirectoryWithoutAStoreIsNotAStore() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        #expect {
            try EventStore.open(at: directory.path)
        } throws: { error in
            guard case EventStoreError.notAStore(_, let reason) = error else { return false }
            return reason.contains("greffe init")
        }
    }

    @Test func aFileThatIsNotLMDBIsNotAStore() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 16_384).write(to: URL(fileURLWithPath: directory.path + "/data.mdb"))
        #expect(throws: EventStoreError.notAStore(path: directory.path, reason: "data.mdb is not an LMDB file")) {
            try EventStore.open(at: directory.path)
        }
    }

    @Test func anUnknownFormatNumberIsRefused() throws {
        let f = try StoreFixture()
        try f.store.env.write { txn in try txn.put(f.store.meta, Array("format".utf8), .bigEndian(UInt32(99))) }
        #expect(throws: EventStoreError.unknownFormat(path: f.path, found: 99, supported: EventStore.formatVersion)) {
            try EventStore.open(at: f.path)
        }
    }

    @Test func aReadOnlyDirectoryIsAClearError() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let undo = try makeReadOnly(directory.path)
        defer { undo() }
        #expect(throws: EventStoreError.permissionDenied(path: directory.path + "/store")) {
            try EventStore.create(at: directory.path + "/store")
        }
    }

    @Test func aStoreWhoseFilesCannotBeWrittenIsAClearError() throws {
        let f = try StoreFixture()
        try f.store.append(to: "s", expected: .noStream, events: [sampleEvent(1)])
        let undo = try makeReadOnly(f.path + "/data.mdb")
        defer { undo() }
        #expect(throws: EventStoreError.permissionDenied(path: f.path)) { try EventStore.open(at: f.path) }
    }
}
