import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Who recorded what, at the command line: `--as` or `GREFFE_ACTOR` names a member who may record the act.
@Suite struct RecorderCommandTests {
    static let complaint = [
        "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
        "--motive", "insults", "--facts", "Messages insultants.", "--board-learned-on", "2026-01-04",
        "--on", "2026-01-05"
    ]

    @Test func recorder_anActWithoutAMemberWhoMayRecordItIsRefusedAndWritesNothing() throws {
        let f = try ActCommandsTests().rosterStore()
        let head = try f.head()
        // Nobody named (no --as, GREFFE_ACTOR unset or empty): a usage error, whatever the system's user name.
        let nobody = try f.greffe(Self.complaint, environment: ["GREFFE_ACTOR": "", "USER": "alice"])
        expectExit(nobody.status, .usage, "\(nobody.stderr)")
        #expect(nobody.stderr.contains("--as"), "\(nobody.stderr)")
        expectExit(try f.greffe(Self.complaint + ["--as", ""]).status, .usage)
        // Somebody the roster does not hold: not found.
        let stranger = try f.greffe(Self.complaint + ["--as", "inconnu"])
        expectExit(stranger.status, .notFound, "\(stranger.stderr)")
        #expect(stranger.stderr.contains("n'est pas au registre des membres"), "\(stranger.stderr)")
        // A member without a seat on the board, who is not the rapporteur: refused by the rule, with its article.
        let member = try f.greffe(Self.complaint + ["--as", "M0007"])
        expectExit(member.status, .refused, "\(member.stderr)")
        #expect(member.stderr.contains("recorder (art. 5.6.3)"), "\(member.stderr)")
        #expect(try f.head() == head)
        // A board member records it, and `history` names them.
        expectExit(try f.greffe(Self.complaint + ["--as", "M0003"]).status, .ok)
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains("M0003"), "\(history.stdout)")
    }
}
