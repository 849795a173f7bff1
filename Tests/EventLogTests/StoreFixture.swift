import Foundation
import GreffeTestSupport
import Testing

@testable import EventLog

/// A fresh store in its own temporary directory.
final class StoreFixture {
    let directory = TemporaryDirectory()
    var path: String { directory.path + "/store" }
    let store: EventStore

    init(options: EventStore.Options = .init()) throws {
        store = try EventStore.create(at: directory.path + "/store", options: options)
    }
}

func sampleEvent(_ n: Int, type: String = "Sample", payload: String? = nil) -> NewEvent {
    NewEvent(
        type: type, schemaVersion: 1, occurredOn: "2026-11-\(String(format: "%02d", n % 28 + 1))",
        recordedAt: 1_795_000_000_000 + Int64(n), actor: "tester", correlationId: "corr-\(n)",
        causationId: "cause-\(n)", payload: Data((payload ?? "{\"n\":\(n)}").utf8))
}

/// Runs a process to its end and returns its exit status and standard output.
@discardableResult
func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
    try runProcess(executable, arguments)
}

/// Makes `path` unwritable even for root (who ignores permission bits): `chattr +i` as root, mode 0500 otherwise.
/// Returns a closure that undoes it.
func makeReadOnly(_ path: String) throws -> () -> Void {
    if geteuid() == 0 {
        let chattr = URL(fileURLWithPath: "/usr/bin/chattr")
        let result = try run(chattr, ["+i", path])
        #expect(result.status == 0, "chattr +i failed; the read-only test needs it when run as root")
        return { _ = try? run(chattr, ["-i", path]) }
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: path)
    return { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path) }
}
