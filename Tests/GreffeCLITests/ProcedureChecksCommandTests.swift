import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Acts recorded late on their real day, acts in the future, and the refusals and options that used to lead astray,
/// through the built binary. Every refusal leaves the head unchanged.
@Suite struct ProcedureChecksCommandTests {
    static let today = ["GREFFE_TODAY": "2026-03-31"]

    /// The sample roster, and the sample case's acts up to the cell meeting (11 Feb).
    func throughCellMeeting() throws -> CLIFixture {
        let f = try ActCommandsTests().rosterStore()
        for arguments in ActCommandsTests.sampleCase.prefix(18) {
            let done = try f.greffe(arguments, environment: Self.today)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        }
        return f
    }

    @Test func order_aLateReceiptKeepsItsRealDayAndItsOwnAppealWindow() throws {
        let f = try throughCellMeeting()
        for arguments in ActCommandsTests.sampleCase[18...20] {
            expectExit(try f.greffe(arguments, environment: Self.today).status, .ok, "\(arguments)")
        }
        // The accused's receipt of 20 Mar is recorded first, the victim's of 19 Mar afterwards.
        let accused = try f.greffe(
            ["letter-received", "2026-001", "--member", "M0004", "--on", "2026-03-20"], environment: Self.today)
        expectExit(accused.status, .ok, "\(accused.stderr)")
        let victim = try f.greffe(
            ["letter-received", "2026-001", "--member", "M0005", "--on", "19/03/2026"], environment: Self.today)
        expectExit(victim.status, .ok, "\(victim.stderr)")
        let status = try f.greffe(["status", "2026-001"], environment: Self.today)
        #expect(status.stdout.contains("recours de M0005 — dû le 2026-05-19"), "\(status.stdout)")
        #expect(status.stdout.contains("recours de M0004 — dû le 2026-05-20"), "\(status.stdout)")
        // The victim's appeal on 20 May is one day late; the accused's is on time.
        let head = try f.head()
        let late = try f.greffe(
            ["appeal", "2026-001", "--by", "M0005", "--on", "2026-05-20"], environment: ["GREFFE_TODAY": "2026-05-20"])
        expectExit(late.status, .refused)
        #expect(late.stderr.contains("R23"), "\(late.stderr)")
        #expect(try f.head() == head)
        // An act the text orders after another still may not precede it: a receipt before the judgement.
        let early = try f.greffe(
            ["letter-received", "2026-001", "--member", "M0005", "--on", "2026-02-10"], environment: Self.today)
        expectExit(early.status, .refused)
        #expect(try f.head() == head)
    }

    @Test func order_anActDatedAfterTodayIsRefusedEverywhere() throws {
        let f = try ActCommandsTests().rosterStore()
        let head = try f.head()
        let today = ["GREFFE_TODAY": "2026-03-01"]
        // A typo (2027 for 2026) on the command line…
        let complaint = try f.greffe(
            Array(ActCommandsTests.sampleCase[0].dropLast(4)) + ["--on", "2027-01-05", "--as", "M0001"],
            environment: today)
        expectExit(complaint.status, .refused, "\(complaint.stderr)")
        #expect(complaint.stderr.contains("refusé — order"), "\(complaint.stderr)")
        #expect(
            complaint.stderr.contains("2027-01-05 est postérieur à aujourd'hui (2026-03-01)"), "\(complaint.stderr)")
        // …in an `apply` file, in a roster import, on a ladder, for a GA scheduled or a rulebook adopted.
        let file = f.directory + "/future.jsonl"
        let line =
            #"{"case":"2026-001","on":"2026-03-02","as":"M0001","command":{"type":"report.record","channel":"direct","concerning":["M0004"],"description":"Malaise"}}"#
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: file))
        let applied = try f.greffe(["apply", file], environment: today)
        expectExit(applied.status, .refused, "\(applied.stderr)")
        #expect(applied.stderr.contains("order"), "\(applied.stderr)")
        expectExit(
            try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-03-02"], environment: today)
                .status, .refused)
        expectExit(
            try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-02"], environment: today)
                .status, .refused)
        expectExit(
            try f.greffe(["rulebook", "adopt", "coopol-4", "--on", "2026-03-02"], environment: today).status, .refused)
        #expect(try f.head() == head)
        expectExit(
            try f.greffe(["rulebook", "adopt", "coopol-4", "--on", "2026-01-02"], environment: today).status, .ok)
        let adopted = try f.head()
        let ladder = try f.greffe(
            [
                "ladder", "incident", "M0009", "--channel", "plateforme", "--facts", "Commentaire",
                "--reported-by", "M0005", "--on", "2026-03-02"
            ], environment: today)
        expectExit(ladder.status, .refused, "\(ladder.stderr)")
        #expect(try f.head() == adopted)
        // Today itself is fine.
        #expect(
            try f.greffe(
                Array(ActCommandsTests.sampleCase[0].dropLast(4)) + ["--on", "2026-03-01", "--as", "M0001"],
                environment: today
            ).status == 0)
    }

    @Test func R14_aNewCallEightDaysAfterTheRecusalShowsLate() throws {
        let f = try ActCommandsTests().rosterStore()
        for arguments in ActCommandsTests.sampleCase.prefix(9) {
            expectExit(try f.greffe(arguments, environment: Self.today).status, .ok, "\(arguments)")
        }
        for arguments in [
            ["cell", "call", "2026-001", "--via", "online", "--on", "2026-02-05"],
            ["cell", "volunteer", "2026-001", "--member", "M0007", "--on", "2026-02-05"],
            ["cell", "volunteer", "2026-001", "--member", "M0008", "--on", "2026-02-05"],
            ["cell", "volunteer", "2026-001", "--member", "M0009", "--on", "2026-02-05"],
            ["cell", "recuse", "2026-001", "--by", "M0004", "--member", "M0008", "--on", "2026-02-05"],
            ["cell", "call", "2026-001", "--via", "online", "--member", "M0010", "--on", "2026-02-13"]
        ] {
            let done = try f.greffe(arguments, environment: Self.today)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        }
        let status = try f.greffe(["status", "2026-001", "--as-of", "2026-02-13"], environment: Self.today)
        #expect(
            status.stdout.contains(
                "R14  nouvel appel après la révocation de M0008 — dû le 2026-02-12 — fait le 2026-02-13, en retard de 1 j"
            ),
            "\(status.stdout)")
    }

    @Test func R27_aProbationWithoutItsEndOrItsSpaceIsRefusedByTheRule() throws {
        let f = try throughCellMeeting()
        let head = try f.head()
        let consensus = [
            "cell", "consensus", "2026-001", "--sanction", "reintegration.probationary", "--reasons", "r",
            "--on", "2026-02-11"
        ]
        let withoutEnd = try f.greffe(
            consensus + ["--condition", "excuses", "--probation-space", "serveur"], environment: Self.today)
        expectExit(withoutEnd.status, .refused, "\(withoutEnd.stderr)")
        #expect(withoutEnd.stderr.contains("R27"), "\(withoutEnd.stderr)")
        #expect(withoutEnd.stderr.contains("--probation-until"), "\(withoutEnd.stderr)")
        let withoutSpace = try f.greffe(
            consensus + ["--condition", "excuses", "--probation-until", "2026-08-31"], environment: Self.today)
        expectExit(withoutSpace.status, .refused, "\(withoutSpace.stderr)")
        #expect(withoutSpace.stderr.contains("R27"), "\(withoutSpace.stderr)")
        // Contradictory measures are refused together.
        let both = try f.greffe(
            [
                "cell", "consensus", "2026-001", "--sanction", "radiation", "--sanction", "reintegration.immediate",
                "--reasons", "r", "--on", "2026-02-11"
            ], environment: Self.today)
        expectExit(both.status, .refused, "\(both.stderr)")
        #expect(both.stderr.contains("R27"), "\(both.stderr)")
        // Revoking a mandate the accused does not hold.
        let revoke = try f.greffe(
            [
                "cell", "consensus", "2026-001", "--sanction", "mandate-revocation", "--reasons", "r",
                "--on", "2026-02-11"
            ], environment: Self.today)
        expectExit(revoke.status, .refused, "\(revoke.stderr)")
        #expect(revoke.stderr.contains("R32 (art. 4.5)"), "\(revoke.stderr)")
        #expect(try f.head() == head)
    }

    @Test func R02_aComplaintAgainstABoardMemberNamesTheOption() throws {
        let f = try ActCommandsTests().rosterStore()
        let head = try f.head()
        let refused = try f.greffe(
            [
                "complaint", "--via", "email", "--complainant", "M0007", "--accused", "M0003", "--victim", "M0012",
                "--motive", "abuse-of-power", "--facts", "Refus d'appliquer le règlement.", "--on", "2026-02-17"
            ],
            environment: Self.today)
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("Possible : --accused-holds-mandate M0003"), "\(refused.stderr)")
        #expect(try f.head() == head)
    }

    @Test func globalOptionsComeBeforeTheSubcommandToo() throws {
        let f = CLIFixture()
        let created = try f.greffe(["--store", f.store, "init"], withStore: false)
        expectExit(created.status, .ok, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: f.store + "/data.mdb"))
        let english = try f.greffe(["--lang", "en", "--store=\(f.store)", "log", "verify"], withStore: false)
        expectExit(english.status, .ok, "\(english.stderr)")
        #expect(english.stdout.hasPrefix("OK: 0 record(s) verified"), "\(english.stdout)")
        let nested = try f.greffe(
            ["--store", f.store, "members", "import", SampleCaseTests.roster, "--on", "2026-01-02"],
            withStore: false)
        expectExit(nested.status, .ok, "\(nested.stderr)")
        // An option after the subcommand still wins over the one before it.
        let other = f.directory + "/other"
        let wins = try f.greffe(["--store", other, "log", "verify", "--store", f.store], withStore: false)
        expectExit(wins.status, .ok, "\(wins.stderr)")
        expectExit(try f.greffe(["--lang", "xx", "log", "verify"]).status, .usage)
    }

    @Test func agendaAsOfShowsThatDaysCases() throws {
        let f = try throughCellMeeting()
        // On 6 Jan the board had not met yet: its meeting was due on 12 Jan.
        let then = try f.greffe(["agenda", "--as-of", "2026-01-06"], environment: Self.today)
        expectExit(then.status, .ok)
        #expect(
            then.stdout.contains("2026-01-12  2026-001  R04  réunion du Conseil d'administration  — dans 6 j"),
            "\(then.stdout)")
        #expect(!then.stdout.contains("R22"), "\(then.stdout)")
        // Today the cell has met: a decision is what is awaited, not the board meeting.
        let now = try f.greffe(["agenda"], environment: Self.today)
        #expect(!now.stdout.contains("R04"), "\(now.stdout)")
        // Before the case existed, nothing was due.
        #expect(
            try f.greffe(["agenda", "--as-of", "2026-01-01"], environment: Self.today).stdout.hasPrefix("Rien à faire"))
    }
}
