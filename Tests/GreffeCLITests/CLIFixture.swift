import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Runs the built `greffe` binary on a temporary store, as a user would.
final class CLIFixture {
    let temporary = TemporaryDirectory(prefix: "greffe-cli")
    var directory: String { temporary.path }
    var store: String { directory + "/store" }

    static var binary: URL { builtProduct("greffe") }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `greffe ARGS --store STORE` (unless `withStore` is false) with a fixed environment; with `asUser` (root
    /// only), as that user id through `setpriv`.
    /// Acts are recorded by board member M0001 of the sample roster unless `--as` or `GREFFE_ACTOR` says otherwise.
    @discardableResult
    func greffe(
        _ arguments: [String], withStore: Bool = true, environment: [String: String] = [:],
        asUser user: UInt32? = nil
    ) throws -> Result {
        let process = Process()
        let all = arguments + (withStore ? ["--store", store] : [])
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", CLIFixture.binary.path] + all
        } else {
            process.executableURL = CLIFixture.binary
            process.arguments = all
        }
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory, "LANG": "C.UTF-8", "GREFFE_ACTOR": "M0001"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension CLIFixture {
    /// The log head (sequence and hash) as `log verify --json` reports it: equal heads mean nothing was written.
    func head() throws -> String {
        let verified = try greffe(["log", "verify", "--json"])
        expectExit(verified.status, .ok)
        let object = try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any]
        let head = object?["head"] as? [String: Any]
        return "\(head?["sequence"] ?? "?") \(head?["hash"] ?? "?")"
    }
}

extension CLIFixture {
    /// A new store holding the sample roster (docs/examples/adherents.csv), imported on 2026-01-02.
    static func withRoster() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status, .ok)
        return f
    }

    /// The same, with the sample complaint against M0004 filed on 2026-01-05 (case 2026-001).
    static func withSampleComplaint() throws -> CLIFixture {
        let f = try withRoster()
        expectExit(
            try f.greffe([
                "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004",
                "--victim", "M0005", "--facts", "Messages insultants.", "--motive", "insults",
                "--board-learned-on", "2026-01-04", "--on", "2026-01-05"
            ]).status, .ok)
        return f
    }
}
