import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// `greffe privacy erase` through the built binary, on the README's sample case.
@Suite struct PrivacyCommandTests {
    /// Every regular file under `path`, as bytes.
    func rawFiles(under path: String) throws -> [(String, Data)] {
        let fm = FileManager.default
        var files: [(String, Data)] = []
        for case let relative as String in fm.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator() {
            var isDirectory: ObjCBool = false
            let full = path + "/" + relative
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((full, try Data(contentsOf: URL(fileURLWithPath: full))))
            }
        }
        return files
    }

    @Test func R35_eraseShowsErasedEverywhereAndTheAuditStillPasses() throws {
        let f = try SampleCaseTests().sampleStore()
        let today = SampleCaseTests.today
        for (path, bytes) in try rawFiles(under: f.store) {
            #expect(bytes.range(of: Data("Damien Roux".utf8)) == nil, "name in clear in \(path)")
        }
        let erased = try f.greffe(
            ["privacy", "erase", "M0004", "--reason", "demande de la personne", "--on", "2026-02-20"],
            environment: today)
        expectExit(erased.status, .ok, "\(erased.stderr)")
        let status = try f.greffe(["status", "2026-001"], environment: today)
        expectExit(status.status, .ok, "\(status.stderr)")
        #expect(status.stdout.contains("[effacé] (M0004)"))
        #expect(!status.stdout.contains("Damien"))
        let show = try f.greffe(["members", "show", "M0004"])
        #expect(show.stdout.hasPrefix("M0004 — [effacé] <[effacé]>"))
        // Every audit check (replay and draw re-computation included) passes after the erasure.
        let audit = try f.greffe(["audit", "verify"])
        expectExit(audit.status, .ok, "\(audit.stdout)\(audit.stderr)")
        let python = try runScript("verify_store.py", [f.store])
        #expect(python.status == 0, "\(python.output)")
        for (path, bytes) in try rawFiles(under: f.store) {
            #expect(bytes.range(of: Data("Damien".utf8)) == nil, "name in \(path)")
            #expect(bytes.range(of: Data("damien".utf8)) == nil, "e-mail in \(path)")
        }
    }

    @Test func R35_erasingTwiceOrAnUnknownMemberIsRefusedAndWritesNothing() throws {
        let f = try SampleCaseTests().sampleStore()
        let today = SampleCaseTests.today
        let before = try f.head()
        let unknown = try f.greffe(
            ["privacy", "erase", "M0099", "--reason", "demande", "--on", "2026-02-20"], environment: today)
        expectExit(unknown.status, .notFound, "\(unknown.stderr)")
        #expect(try f.head() == before)
        expectExit(
            try f.greffe(
                ["privacy", "erase", "M0004", "--reason", "demande", "--on", "2026-02-20"],
                environment: today
            ).status, .ok)
        let after = try f.head()
        let again = try f.greffe(
            ["privacy", "erase", "M0004", "--reason", "demande", "--on", "2026-02-20"], environment: today)
        expectExit(again.status, .refused, "\(again.stderr)")
        #expect(again.stderr.contains("R35"))
        #expect(try f.head() == after)
    }

    @Test func R35_aMissingKeyStoreIsAClearStoreError() throws {
        let f = try SampleCaseTests().sampleStore()
        let result = try f.greffe(
            ["--keys", f.directory + "/nowhere", "status", "2026-001"], environment: SampleCaseTests.today)
        expectExit(result.status, .storeError, "\(result.stderr)")
        #expect(result.stderr.contains("pas de magasin de clés"))
    }
}
