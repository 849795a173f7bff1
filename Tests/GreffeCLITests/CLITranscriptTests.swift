import Foundation
import GreffeTestSupport
import Testing

/// docs/cli.md's generated blocks are what the built `greffe` prints: `scripts/cli_transcripts.py` replays them on a
/// fresh store and fails when the committed file differs (regenerate with `--write`).
@Suite struct CLITranscriptTests {
    @Test func theGeneratedTranscriptsOfCliMdAreWhatGreffePrints() throws {
        let script = SampleCaseTests.examples.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/cli_transcripts.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--greffe", CLIFixture.binary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("generated block(s) up to date"), "\(output)")
    }
}
