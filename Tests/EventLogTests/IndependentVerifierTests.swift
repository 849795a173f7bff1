import Foundation
import Testing

@testable import EventLog

/// docs/storage-format.md must be enough for an outsider: scripts/verify_store.py, written from that document in
/// Python with the `lmdb` binding, must agree with Greffe's own verification.
@Suite struct IndependentVerifierTests {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/verify_store.py").path

    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", IndependentVerifierTests.script] + arguments)
    }

    @Test func thePythonVerifierAgreesOnAnIntactStore() throws {
        let f = try StoreFixture()
        try f.store.append(to: "case-1", expected: .noStream, events: (1...3).map { sampleEvent($0) })
        try f.store.append(
            to: "member-7", expected: .noStream, events: [sampleEvent(4, payload: "{\"nom\":\"Zoé Ünïcode\"}")])
        try f.store.append(to: "case-1", expected: .exactly(3), events: [sampleEvent(5)])
        let head = try f.store.head()
        let result = try python([f.path])
        #expect(result.status == 0, "python verifier: \(result.output) (is `lmdb` installed? pip install lmdb)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "OK 5 5 \(head.hash.hexString)")

        let third = try f.store.readStream("case-1")[2]
        let fromCheckpoint = try python([f.path, "--checkpoint", "3:\(third.hash.hexString)"])
        #expect(fromCheckpoint.output.hasPrefix("OK 2 5 "))
    }

    @Test func thePythonVerifierFindsTheSameFirstBadSequence() throws {
        let f = try StoreFixture()
        try f.store.append(to: "s", expected: .noStream, events: (1...5).map { sampleEvent($0) })
        var value = try #require(try f.store.env.read { try $0.get(f.store.records, .bigEndian(UInt64(4))) })
        value[value.count - 34] ^= 0x20
        try f.store.env.write { try $0.put(f.store.records, .bigEndian(UInt64(4)), value) }

        let swiftFailure = try #require(try f.store.verify().failure)
        let result = try python([f.path])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("FAIL \(swiftFailure.sequence) hash mismatch"), "\(result.output)")
    }

    @Test func thePythonVerifierFindsIndexFaultsBothWays() throws {
        for fault in ["extra head", "missing head", "extra index entry", "checkpoint record changed"] {
            let f = try StoreFixture()
            try f.store.append(to: "a", expected: .noStream, events: (1...2).map { sampleEvent($0) })
            try f.store.append(to: "b", expected: .noStream, events: [sampleEvent(3)])
            let second = try f.store.readStream("a")[1]
            try f.store.env.write { txn in
                switch fault {
                case "extra head": try txn.put(f.store.streamHeads, Array("ghost".utf8), .bigEndian(UInt64(1)))
                case "missing head": try txn.delete(f.store.streamHeads, Array("b".utf8))
                case "extra index entry":
                    try txn.put(
                        f.store.streams, EventStore.streamPrefix("b") + .bigEndian(UInt64(2)), .bigEndian(UInt64(3)))
                default:
                    var value = try #require(try txn.get(f.store.records, .bigEndian(UInt64(2))))
                    value[value.count - 33] ^= 0x01
                    try txn.put(f.store.records, .bigEndian(UInt64(2)), value)
                }
            }
            let checkpoint = fault == "checkpoint record changed" ? ["--checkpoint", "2:\(second.hash.hexString)"] : []
            let swiftFailure = try #require(
                try f.store.verify(from: checkpoint.isEmpty ? nil : LogHead(sequence: 2, hash: second.hash)).failure,
                "\(fault)")
            let result = try python([f.path] + checkpoint)
            #expect(result.status == 1, "\(fault): \(result.output)")
            #expect(
                result.output.hasPrefix("FAIL \(swiftFailure.sequence) "),
                "\(fault): \(result.output) vs \(swiftFailure)")
        }
    }

    @Test func thePythonVerifierRefusesATruncatedStoreWithoutMappingIt() throws {
        let f = try StoreFixture()
        let payload = "{\"t\":\"" + String(repeating: "x", count: 2_000) + "\"}"
        try f.store.append(to: "s", expected: .noStream, events: (1...40).map { sampleEvent($0, payload: payload) })
        #expect(truncate(f.path + "/data.mdb", 20_000) == 0)
        let result = try python([f.path])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("FAIL 0 store damaged: file shorter than its last page"), "\(result.output)")
    }
}
