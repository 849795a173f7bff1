import Foundation
import GreffeTestSupport
import Testing

@testable import EventLog

/// Real processes on one store: the version check inside the write transaction and LMDB's atomic commits.
@Suite(.serialized) struct ProcessTests {
    var stress: URL { builtProduct("greffe-stress") }

    @Test func twoProcessesAppendingToOneStreamNeverLoseOrDoubleAnEvent() throws {
        let f = try StoreFixture()
        let count = 150
        let processes = try ["p", "q"].map { tag -> (Process, Pipe) in
            let process = Process()
            process.executableURL = stress
            process.arguments = ["race", f.path, "shared", String(count), tag]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            return (process, pipe)
        }
        var conflicts = 0
        for (process, pipe) in processes {
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            conflicts +=
                Int(output.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        }
        let records = try f.store.readStream("shared")
        #expect(records.map(\.version) == (1...UInt64(2 * count)).map { $0 })
        let payloads = records.map { String(decoding: $0.payload, as: UTF8.self) }
        #expect(Set(payloads).count == 2 * count, "every success is in the log exactly once")
        for tag in ["p", "q"] {
            for i in 0..<count { #expect(payloads.contains("{\"tag\":\"\(tag)\",\"i\":\(i)}")) }
        }
        #expect(try f.store.verify().isValid)
        // Conflicts are likely but not certain with two cores; the invariants above hold either way.
        print("race: \(2 * count) appends, \(conflicts) conflicts retried")
    }

    @Test func aProcessKilledDuringBulkAppendsLeavesOnlyWholeAppends() throws {
        let f = try StoreFixture()
        let appends = 20
        let perAppend = 5
        for round in 0..<6 {
            let process = Process()
            process.executableURL = stress
            process.arguments = ["bulk", f.path, String(appends), String(perAppend)]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(80_000 + round * 37_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            let store = try EventStore.open(at: f.path)
            let report = try store.verify()
            #expect(report.isValid, "round \(round): \(String(describing: report.failure))")
            let total = try store.head().sequence
            #expect(total % UInt64(appends * perAppend) == 0, "round \(round): \(total) records is not whole bulks")
            for s in 0..<7 {
                #expect(try store.version(of: "bulk-\(s)") % UInt64(perAppend) == 0)
            }
        }
        #expect(try f.store.head().sequence > 0, "at least one bulk committed before a kill")
    }
}
