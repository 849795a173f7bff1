import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// R34 through the command line: the Article 5.6 procedure as a rulebook file, a version 2 adopted, and cases keeping
/// the version in force on the day of their complaint.
@Suite struct RulebookVersionCommandTests {
    static let roster = SampleCaseTests.roster

    func complaint(_ f: CLIFixture, on day: String) throws -> CLIFixture.Result {
        try f.greffe([
            "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
            "--motive", "insults", "--facts", "Messages insultants.", "--board-learned-on", day, "--on", day,
            "--as", "M0001"
        ])
    }

    /// The shipped procedure rewritten as version 2 with the board meeting due 10 days after the complaint.
    func version2(_ f: CLIFixture, cellSize: Int = 3) throws -> String {
        let shown = try f.greffe(["rulebook", "show", "cle-autistes-ri", "--json"], withStore: false)
        expectExit(shown.status, .ok, "\(shown.stderr)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        object["version"] = 2
        object["cellSize"] = cellSize
        var deadlines = try #require(object["deadlines"] as? [String: Any])
        deadlines["boardMeeting"] = ["from": "complaintFiled", "period": ["length": 10, "unit": "days"]]
        object["deadlines"] = deadlines
        let path = f.directory + "/cle-v2-\(cellSize).json"
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func R34_aVersion2AdoptedThroughTheCLIAppliesToLaterComplaintsOnly() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        // Imported a year before, so that its members may vote on the amendment at the GA (2.4, R36).
        expectExit(try f.greffe(["members", "import", Self.roster, "--on", "2025-01-02", "--as", "M0001"]).status, .ok)
        expectExit(try complaint(f, on: "2026-01-05").status, .ok)

        // A file with a fault is refused with its JSON path, and nothing is written.
        let broken = try version2(f, cellSize: 0)
        let head = try f.head()
        let validated = try f.greffe(["rulebook", "validate", broken, "--json"], withStore: false)
        expectExit(validated.status, .refused)
        #expect(validated.stdout.contains("\"path\":\"$.cellSize\""), "\(validated.stdout)")
        let refused = try f.greffe(["rulebook", "adopt", "cle-autistes-ri", "--file", broken, "--on", "2026-01-07"])
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("$.cellSize"), "\(refused.stderr)")
        #expect(try f.head() == head)

        let file = try version2(f)
        // Article 9: without the GA's carried vote, the new version is refused (65, R34) and nothing is written.
        let unvoted = try f.greffe([
            "rulebook", "adopt", "cle-autistes-ri", "--file", file, "--on", "2026-01-07", "--as", "M0001"
        ])
        expectExit(unvoted.status, .refused)
        #expect(unvoted.stderr.contains("R34"), "\(unvoted.stderr)")
        #expect(try f.head() == head)
        let proposed = try f.greffe([
            "amendment", "propose", "--file", file, "--by", "M0002", "--summary", "Conseil sous 10 jours",
            "--on", "2026-01-06", "--as", "M0001"
        ])
        expectExit(proposed.status, .ok, "\(proposed.stderr)")
        #expect(
            proposed.stdout.contains("Modification 2026-A001 proposée le 2026-01-06 par Bruno Petit (M0002)"),
            "\(proposed.stdout)")
        let voted = try f.greffe([
            "amendment", "vote", "2026-A001", "--ballot", "M0001=adopt", "--ballot", "M0002=adopt",
            "--blank", "M0003", "--on", "2026-01-07", "--as", "M0001", "--json"
        ])
        expectExit(voted.status, .ok, "\(voted.stderr)")
        #expect(voted.stdout.contains("AmendmentVoted"), "\(voted.stdout)")
        let agenda = try f.greffe(["agenda", "--as-of", "2026-01-07"])
        #expect(agenda.stdout.contains("modification 2026-A001"), "\(agenda.stdout)")
        let adopted = try f.greffe([
            "rulebook", "adopt", "cle-autistes-ri", "--file", file, "--on", "2026-01-07", "--as", "M0001"
        ])
        expectExit(adopted.status, .ok, "\(adopted.stderr)")
        #expect(adopted.stdout.contains("Règlement adopté : cle-autistes-ri v2 le 2026-01-07"), "\(adopted.stdout)")
        #expect(adopted.stdout.contains("les dossiers ouverts gardent leur version (R34, art. 9)"))
        // The same version again is refused (exit 65), nothing written.
        let afterAdoption = try f.head()
        let again = try f.greffe(["rulebook", "adopt", "cle-autistes-ri", "--file", file, "--on", "2026-01-08"])
        expectExit(again.status, .refused)
        #expect(again.stderr.contains("R34"), "\(again.stderr)")
        #expect(try f.head() == afterAdoption)

        expectExit(try complaint(f, on: "2026-01-08").status, .ok)
        let today = ["GREFFE_TODAY": "2026-01-09"]
        let old = try f.greffe(["status", "2026-001"], environment: today)
        #expect(old.stdout.contains("règlement : cle-autistes-ri v1"), "\(old.stdout)")
        #expect(old.stdout.contains("R04  réunion du Conseil d'administration — dû le 2026-01-12"), "\(old.stdout)")
        let new = try f.greffe(["status", "2026-002"], environment: today)
        #expect(new.stdout.contains("règlement : cle-autistes-ri v2"), "\(new.stdout)")
        #expect(new.stdout.contains("R04  réunion du Conseil d'administration — dû le 2026-01-18"), "\(new.stdout)")

        let list = try f.greffe(["rulebook", "list"])
        #expect(
            list.stdout.contains(
                "cle-autistes-ri  v1  procédure  CLE Autistes — règlement intérieur du 04/06/2023  [adopté : v2]"),
            "\(list.stdout)")
        let shown = try f.greffe(["rulebook", "show", "cle-autistes-ri", "--version", "1"])
        #expect(shown.stdout.contains("R04 réunion du Conseil : 7 jours après la plainte"), "\(shown.stdout)")
        #expect(
            try f.greffe(["rulebook", "show", "cle-autistes-ri"]).stdout.contains(
                "R04 réunion du Conseil : 10 jours après la plainte"))
        let audit = try f.greffe(["audit", "verify"], environment: today)
        expectExit(audit.status, .ok, "\(audit.stdout)\(audit.stderr)")
        #expect(audit.stdout.contains("cle-autistes-ri v1, cle-autistes-ri v2 (2026-01-07)"), "\(audit.stdout)")
    }
}
