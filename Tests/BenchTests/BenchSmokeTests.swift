import Foundation
import GreffeTestSupport
import Testing

/// Issue 9: the benchmark runs at its smallest size and its JSON parses. No timing is asserted here: figures are
/// for docs/performance.md, measured in release builds.
@Suite struct BenchSmokeTests {
    struct Stats: Decodable {
        var count: Int
        var median: Double
        var p99: Double
    }

    struct Size: Decodable {
        var targetCaseEvents: Int
        var records: UInt64
        var caseEvents: Int
        var cases: Int
        var actEngine: Stats
        var actRaw: Stats
        var bulkEngineEventsPerSecond: Double
        var bulkRawEventsPerSecond: Double
        var verifyEventsPerSecond: Double
        var replayEventsPerSecond: Double
        var rawScanEventsPerSecond: Double
        var replayPeakAnonymousBytes: Int
        var statusEngine: Stats
        var statusRaw: Stats
        var processAct: Stats?
        var processStatus: Stats?
    }

    struct Results: Decodable {
        var members: Int
        var sizes: [Size]
    }

    static var binary: URL { builtProduct("greffe-bench") }

    @Test func smokeRunPrintsResultsThatParse() throws {
        let temporary = TemporaryDirectory(prefix: "greffe-bench-smoke", creating: false)
        let directory = temporary.path
        let process = Process()
        process.executableURL = BenchSmokeTests.binary
        process.arguments = ["--smoke", "--json", "-", "--dir", directory]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let results = try JSONDecoder().decode(Results.self, from: data)
        #expect(results.members > 0)
        let size = try #require(results.sizes.first)
        #expect(results.sizes.count == 1)
        #expect(size.targetCaseEvents == 1_000)
        #expect(size.caseEvents >= 1_000)
        #expect(size.records > UInt64(size.caseEvents))
        #expect(size.cases > 0)
        // Every act of the case recorded act by act was timed on both sides.
        #expect(size.actEngine.count > 20)
        #expect(size.actEngine.count == size.actRaw.count)
        #expect(size.statusEngine.count == size.statusRaw.count)
        #expect(size.replayPeakAnonymousBytes > 0)
        // The whole-process figures ran: `swift test` builds `greffe` beside greffe-bench, and the smoke run starts
        // two `greffe evidence` and two `greffe status` processes (a process that fails fails the benchmark).
        #expect(size.processAct?.count == 2)
        #expect(size.processStatus?.count == 2)
        #expect(!FileManager.default.fileExists(atPath: directory + "/engine"))
    }
}

/// The benchmark's raw-LMDB mirror must hold the engine's records at every size: the whole-process acts of one size
/// (`greffe evidence` processes, and the acts through `perform` that open their case) were written to the engine's
/// store only, so the next size stopped with « raw store has N records, engine N+14 ».
@Suite struct BenchMirrorTests {
    @Test func rawMirrorHoldsTheEngineRecordsAtTheSizeAfterWholeProcessActs() throws {
        let temporary = TemporaryDirectory(prefix: "greffe-bench-sizes", creating: false)
        let process = Process()
        process.executableURL = BenchSmokeTests.binary
        process.arguments = ["--smoke", "--sizes", "300,600", "--json", "-", "--dir", temporary.path]
        let out = Pipe()
        let logPath = temporary.path + ".log"
        #expect(FileManager.default.createFile(atPath: logPath, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "\(message.suffix(400))")
        let results = try JSONDecoder().decode(BenchSmokeTests.Results.self, from: data)
        #expect(results.sizes.map(\.targetCaseEvents) == [300, 600])
        // The first size's processes ran, so the second size checked a store they had written to.
        #expect(results.sizes.first?.processAct?.count == 2)
    }
}
