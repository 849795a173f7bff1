import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 17: the shell completes member and case ids from the store, through the scripts argument-parser generates
/// (`greffe --generate-completion-script bash`), which call `greffe ---completion …` back.
@Suite struct CompletionCommandTests {
    @Test func memberAndCaseIdsAreCompletedFromTheStoreTheCommandLineNames() throws {
        let f = try CLIFixture.withSampleComplaint()
        // What bash runs when the user types `greffe evidence 2026-001 --store S --witness M001<TAB>`.
        let witness = try f.greffe(
            [
                "---completion", "evidence", "--", "--witness", "6", "4",
                "greffe", "evidence", "2026-001", "--store", f.store, "--witness", "M001"
            ],
            withStore: false)
        expectExit(witness.status, .ok, "\(witness.stderr)")
        #expect(witness.stdout.split(separator: "\n") == ["M0010", "M0011", "M0012", "M0013"], "\(witness.stdout)")
        // `greffe status 2<TAB>`, the store from GREFFE_STORE.
        let cases = try f.greffe(
            ["---completion", "status", "--", "positional@0", "2", "1", "greffe", "status", "2"],
            withStore: false, environment: ["GREFFE_STORE": f.store])
        expectExit(cases.status, .ok, "\(cases.stderr)")
        #expect(cases.stdout.split(separator: "\n") == ["2026-001"], "\(cases.stdout)")
        // No store: nothing to offer, and no error.
        let none = try f.greffe(
            ["---completion", "status", "--", "positional@0", "2", "0", "greffe", "status", ""],
            withStore: false, environment: ["GREFFE_STORE": f.directory + "/none"])
        expectExit(none.status, .ok)
        #expect(none.stdout.isEmpty)
    }
}
