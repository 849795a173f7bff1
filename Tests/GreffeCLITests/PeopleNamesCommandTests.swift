import Discipline
import Foundation
@testable import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Members and cases named on the command line by id, unique prefix or name (issue 17, « People, not ids »), and
/// outputs that show the name beside the id.
@Suite struct PeopleNamesCommandTests {
    static let meeting = ["meeting", "2026-001", "--on", "2026-01-09"]

    @Test func membersAreNamedByNameWordPrefixOrIdWithoutCaseOrAccents() throws {
        let f = try CLIFixture.withSampleComplaint()
        // « alice » (M0001), « CHLOE » for Chloé Durand (M0003), « Bruno Petit » whole, rapporteur by surname.
        let held = try f.greffe(
            Self.meeting + [
                "--attendee", "alice", "--attendee", "CHLOE", "--attendee", "Bruno Petit",
                "--rapporteur", "petit"
            ])
        expectExit(held.status, .ok, "\(held.stderr)")
        // The case by the end of its id; the history names every person beside the id.
        let history = try f.greffe(["history", "001"])
        expectExit(history.status, .ok, "\(history.stderr)")
        #expect(history.stdout.contains("Bruno Petit (M0002)"), "\(history.stdout)")
        #expect(history.stdout.contains("Chloé Durand (M0003)"), "\(history.stdout)")
        #expect(history.stdout.contains("Damien Roux (M0004)"), "\(history.stdout)")
        let status = try f.greffe(["status", "2026-001"])
        #expect(status.stdout.contains("Bruno Petit (M0002)"), "\(status.stdout)")
    }

    @Test func theRecorderIsNamedByNameToo() throws {
        let f = try CLIFixture.withSampleComplaint()
        let held = try f.greffe(
            Self.meeting + ["--attendee", "M0001", "--rapporteur", "M0002", "--as", "Alice Martin"],
            environment: ["GREFFE_ACTOR": ""])
        expectExit(held.status, .ok, "\(held.stderr)")
        #expect(try f.greffe(["history", "2026-001"]).stdout.contains("enregistré par Alice Martin (M0001)"))
    }

    @Test func anAmbiguousMemberIsRefusedWithTheCandidatesAndNothingIsWritten() throws {
        let f = try CLIFixture.withSampleComplaint()
        let before = try f.head()
        // « Ga » begins Gaëlle Simon's first name and Inès Garcia's surname.
        let byName = try f.greffe(Self.meeting + ["--attendee", "M0001", "--rapporteur", "ga"])
        expectExit(byName.status, .usage, "\(byName.stderr)")
        #expect(
            byName.stderr.contains(
                "« ga » : membre ambigu, lequel ? M0009 Gaëlle Simon (m009), M0011 Inès Garcia (m011)"),
            "\(byName.stderr)")
        #expect(byName.stderr.contains("rien n'a été écrit"))
        // An id prefix shared by several members.
        let byPrefix = try f.greffe(Self.meeting + ["--attendee", "M001", "--rapporteur", "M0002", "--lang", "en"])
        expectExit(byPrefix.status, .usage, "\(byPrefix.stderr)")
        #expect(
            byPrefix.stderr.contains(
                "\"M001\": ambiguous member, which one? M0010 Hugo Laurent (m010), M0011 Inès Garcia (m011), M0012 Jules Bernard (m012), M0013 Antenne de Lyon (a001)"
            ),
            "\(byPrefix.stderr)")
        // Who records, named ambiguously.
        let recorder = try f.greffe(Self.meeting + ["--attendee", "M0001", "--rapporteur", "M0002", "--as", "ga"])
        expectExit(recorder.status, .usage, "\(recorder.stderr)")
        #expect(recorder.stderr.contains("--as « ga »"), "\(recorder.stderr)")
        #expect(try f.head() == before)
    }

    @Test func anUnknownMemberIsRefusedWithTheNearestIdsAndNothingIsWritten() throws {
        let f = try CLIFixture.withSampleComplaint()
        let before = try f.head()
        let unknown = try f.greffe(Self.meeting + ["--attendee", "M0001", "--rapporteur", "Zorro"])
        expectExit(unknown.status, .notFound, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("membre inconnu : Zorro"), "\(unknown.stderr)")
        let typo = try f.greffe(Self.meeting + ["--attendee", "M0001", "--rapporteur", "M00022"])
        expectExit(typo.status, .notFound, "\(typo.stderr)")
        #expect(typo.stderr.contains("vouliez-vous dire M0002 Bruno Petit (m002) ?"), "\(typo.stderr)")
        #expect(try f.head() == before)
    }

    @Test func aCaseIsNamedByAUniquePrefixOrEndAndAnAmbiguousOneIsRefused() throws {
        let f = try CLIFixture.withSampleComplaint()
        expectExit(
            try f.greffe([
                "complaint", "--via", "ticket", "--complainant", "M0005", "--accused", "M0010",
                "--facts", "Menaces.", "--motive", "insults", "--board-learned-on", "2026-01-06",
                "--on", "2026-01-07"
            ]).status, .ok)
        let before = try f.head()
        let ambiguous = try f.greffe(["history", "2026-00"])
        expectExit(ambiguous.status, .usage, "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("dossier ambigu, lequel ? 2026-001, 2026-002"), "\(ambiguous.stderr)")
        let act = try f.greffe(
            Self.meeting.replacingFirst("2026-001", with: "2026") + ["--attendee", "M0001", "--rapporteur", "M0002"])
        expectExit(act.status, .usage, "\(act.stderr)")
        #expect(try f.head() == before)
        // `002` ends one case id only: the act goes to 2026-002.
        let second = try f.greffe(
            Self.meeting.replacingFirst("2026-001", with: "002") + ["--attendee", "M0001", "--rapporteur", "M0003"])
        expectExit(second.status, .ok, "\(second.stderr)")
        #expect(second.stdout.contains("2026-002"), "\(second.stdout)")
        #expect(try f.greffe(["history", "2026-002"]).stdout.contains("Chloé Durand (M0003)"))
    }

    @Test func anErasedMemberIsNamedByIdOnlyAndReadsErased() throws {
        let f = try SampleCaseTests().sampleStore()
        let today = SampleCaseTests.today
        expectExit(
            try f.greffe(
                ["privacy", "erase", "Damien", "--reason", "demande", "--on", "2026-02-20"],
                environment: today
            ).status, .ok)
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains("[effacé] (M0004)"), "\(history.stdout)")
        #expect(!history.stdout.contains("Damien"))
        let byName = try f.greffe(["members", "show", "Damien"])
        expectExit(byName.status, .notFound, "\(byName.stderr)")
        expectExit(try f.greffe(["members", "show", "M0004"]).status, .ok)
    }

    @Test func completionOffersNamesBesideIds() throws {
        let f = try CLIFixture.withRoster()
        // `greffe meeting 2026-001 --rapporteur el<TAB>`: Élise Fournier's first name, accents aside.
        let offered = try f.greffe(
            [
                "---completion", "meeting", "--", "--rapporteur", "4", "2",
                "greffe", "meeting", "2026-001", "--rapporteur", "el"
            ],
            withStore: false, environment: ["GREFFE_STORE": f.store])
        expectExit(offered.status, .ok, "\(offered.stderr)")
        #expect(offered.stdout.split(separator: "\n") == ["Élise"], "\(offered.stdout)")
    }
}

extension Array where Element == String {
    func replacingFirst(_ old: String, with new: String) -> [String] {
        var copy = self
        if let index = copy.firstIndex(of: old) { copy[index] = new }
        return copy
    }
}

/// The resolution's order, on a list of people (no store): the exact id first, then id prefixes, then names.
@Suite struct PeopleNamesOrderTests {
    typealias Person = GreffeCLI.PeopleNames.Person
    let people = [
        Person(id: "M0001", name: "Nadia Haddad"), Person(id: "M0002", name: "Nadia Roux"),
        Person(id: "M0010", name: "Marc Haddad-Lefèvre"), Person(id: "nadia", name: "Jeanne Petit"),
        Person(id: "M0004", name: nil)
    ]

    @Test func anExactIdWinsOverANameAndAPrefix() {
        #expect(GreffeCLI.PeopleNames.member("nadia", among: people) == .found("nadia"))
        #expect(GreffeCLI.PeopleNames.member("M001", among: people) == .found("M0010"))
    }

    @Test func namesMatchWholeOrByWordsWithoutCaseOrAccents() {
        #expect(GreffeCLI.PeopleNames.member("NADIA HADDAD", among: people) == .found("M0001"))
        #expect(GreffeCLI.PeopleNames.member("lefevre", among: people) == .found("M0010"))
        #expect(GreffeCLI.PeopleNames.member("Nadia R", among: people) == .found("M0002"))
        #expect(GreffeCLI.PeopleNames.member("Nad", among: people) == .ambiguous([people[0], people[1]]))
        #expect(GreffeCLI.PeopleNames.member("haddad", among: people) == .ambiguous([people[0], people[2]]))
    }

    @Test func aPersonWithoutAReadableNameIsFoundByIdOnly() {
        #expect(GreffeCLI.PeopleNames.member("M0004", among: people) == .found("M0004"))
        #expect(GreffeCLI.PeopleNames.member("M00040", among: people) == .unknown(nearest: [people[4]]))
        #expect(GreffeCLI.PeopleNames.member("Zorro", among: people) == .unknown(nearest: []))
    }

    /// Issue 15: the association's reference names its member exactly (not by a beginning); a reference equal to
    /// another member's name or id is ambiguous.
    @Test func anExactReferenceNamesItsMemberAndAnEqualNameOrIdMakesItAmbiguous() {
        let people = [
            Person(id: "M0001", name: "Nadia Haddad", reference: "m007"),
            Person(id: "M0002", name: "Kim", reference: "x9"),
            Person(id: "M0003", name: "Ana Bel", reference: "kim"),
            Person(id: "M0004", name: "Bo", reference: "M0001")
        ]
        #expect(GreffeCLI.PeopleNames.member("m007", among: people) == .found("M0001"))
        #expect(GreffeCLI.PeopleNames.member("m00", among: people) == .unknown(nearest: [people[0]]))
        #expect(GreffeCLI.PeopleNames.member("kim", among: people) == .ambiguous([people[1], people[2]]))
        #expect(GreffeCLI.PeopleNames.member("M0001", among: people) == .ambiguous([people[0], people[3]]))
    }

    @Test func aCaseIsFoundByAUniqueBeginningOrEnd() {
        let cases: [Discipline.CaseID] = ["2026-001", "2026-002", "2025-001"]
        #expect(GreffeCLI.PeopleNames.caseID("002", among: cases) == .found("2026-002"))
        #expect(GreffeCLI.PeopleNames.caseID("2025", among: cases) == .found("2025-001"))
        if case .ambiguous(let both) = GreffeCLI.PeopleNames.caseID("001", among: cases) {
            #expect(both.map(\.id.rawValue) == ["2025-001", "2026-001"])
        } else {
            Issue.record("001 ends two case ids")
        }
        #expect(GreffeCLI.PeopleNames.caseID("2027", among: cases) == .unknown(nearest: []))
    }
}

/// The commands whose `--as` is read at run time (withdraw, ga schedule) name the recorder by name too.
@Suite struct RecorderByNameCommandTests {
    @Test func withdrawAndScheduleTakeTheRecorderByName() throws {
        let (f, testimony) = try RectificationCommandTests().store()
        let withdrawn = try f.greffe(
            [
                "withdraw", "2026-001", "--record", testimony, "--reason", "erreur de saisie",
                "--as", "bruno"
            ], environment: ["GREFFE_ACTOR": ""])
        expectExit(withdrawn.status, .ok, "\(withdrawn.stderr)")
        // The withdrawal's envelope names the member id, never the name typed.
        let withdrawal = try lastRecord(f)
        #expect(withdrawal.contains("RecordWithdrawn") && withdrawal.contains("\"actor\":\"M0002\""), "\(withdrawal)")
        let scheduled = try f.greffe(
            ["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-01", "--as", "Alice Martin"],
            environment: ["GREFFE_ACTOR": ""])
        expectExit(scheduled.status, .ok, "\(scheduled.stderr)")
        let assembly = try lastRecord(f)
        #expect(assembly.contains("AssemblyScheduled") && assembly.contains("\"actor\":\"M0001\""), "\(assembly)")
        let ambiguous = try f.greffe(
            ["ga", "schedule", "--on", "2026-06-27", "--scheduled-on", "2026-03-01", "--as", "ga"],
            environment: ["GREFFE_ACTOR": ""])
        expectExit(ambiguous.status, .usage, "\(ambiguous.stderr)")
    }

    /// The last record of the log, as `log show --json` prints it.
    func lastRecord(_ f: CLIFixture) throws -> String {
        String(try f.greffe(["log", "show", "--json"]).stdout.split(separator: "\n").last ?? "")
    }
}
