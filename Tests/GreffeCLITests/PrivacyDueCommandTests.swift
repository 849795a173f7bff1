import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// `greffe privacy due` (Article 6 with 2.3's delay and 2.2's resignation) and the agenda's section, through the
/// built binary, on the README's sample roster and case.
@Suite struct PrivacyDueCommandTests {
    /// The sample store, where M0012 resigned on 2026-02-10; M0011 paid 2025 only (2.3's two months end on 2026-03-02).
    func store() throws -> CLIFixture {
        let f = try SampleCaseTests().sampleStore()
        let resigned = try f.greffe(
            ["members", "resign", "M0012", "--via", "courriel", "--on", "2026-02-10"],
            environment: SampleCaseTests.today)
        expectExit(resigned.status, .ok, "\(resigned.stderr)")
        return f
    }

    static let day = ["GREFFE_TODAY": "2026-03-02"]

    @Test func R35_dueListsWhoMustBeErasedThatDayWithTheGround() throws {
        let f = try store()
        let before = try f.greffe(["privacy", "due", "--as-of", "2026-03-01"], environment: Self.day)
        expectExit(before.status, .ok, "\(before.stderr)")
        #expect(before.stdout.contains("membre M0012  — démission le 2026-02-10 (art. 2.2)"), "\(before.stdout)")
        #expect(!before.stdout.contains("M0011"), "\(before.stdout)")
        let due = try f.greffe(["privacy", "due", "--as-of", "2026-03-02"], environment: Self.day)
        expectExit(due.status, .ok, "\(due.stderr)")
        #expect(due.stdout.hasPrefix("Effacements dus au 2026-03-02 (article 6) :\n"), "\(due.stdout)")
        #expect(
            due.stdout.contains(
                "2026-03-02  membre M0011  — cotisation 2026 non payée 2 mois après l'avis de renouvellement (art. 2.3)"
            ),
            "\(due.stdout)")
        #expect(due.stdout.contains("2026-02-10  membre M0012"), "\(due.stdout)")
        let json = try f.greffe(["privacy", "due", "--as-of", "2026-03-02", "--json"], environment: Self.day)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["due"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["M0011", "M0012"])
        #expect(items.map { $0["ground"] as? String } == ["not-renewed", "resigned"])
        let english = try f.greffe(["privacy", "due", "--as-of", "2026-03-02", "--lang", "en"], environment: Self.day)
        #expect(english.stdout.contains("member M0012  — resigned on 2026-02-10 (art. 2.2)"), "\(english.stdout)")
    }

    @Test func R35_applyErasesEachAsOneActAndNoFileHoldsTheirNames() throws {
        let f = try store()
        let before = try f.head()
        let applied = try f.greffe(["privacy", "due", "--as-of", "2026-03-02", "--apply"], environment: Self.day)
        expectExit(applied.status, .ok, "\(applied.stderr)")
        #expect(applied.stdout.contains("Données de M0011 effacées (n° "), "\(applied.stdout)")
        #expect(applied.stdout.contains("Données de M0012 effacées (n° "), "\(applied.stdout)")
        #expect(try f.head() != before)
        let log = try f.greffe(["log", "show", "--json"])
        #expect(log.stdout.components(separatedBy: "\"type\":\"MemberErased\"").count - 1 == 2)
        for (path, bytes) in try PrivacyCommandTests().rawFiles(under: f.store) {
            for text in ["Inès", "Garcia", "ines.garcia", "Jules Bernard", "jules.bernard"] {
                #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text) in \(path)")
            }
        }
        #expect(try f.greffe(["members", "show", "M0011"]).stdout.hasPrefix("M0011 — [effacé] <[effacé]>"))
        // Nothing left due; applying again writes nothing.
        let after = try f.head()
        let again = try f.greffe(["privacy", "due", "--as-of", "2026-03-02", "--apply"], environment: Self.day)
        expectExit(again.status, .ok, "\(again.stderr)")
        #expect(again.stdout.contains("Rien à effacer au 2026-03-02 ; rien n'a été écrit."), "\(again.stdout)")
        #expect(try f.head() == after)
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R35_refusedApplicationsWriteNothing() throws {
        let f = try store()
        let before = try f.head()
        // A day after today is refused whole.
        let future = try f.greffe(
            ["privacy", "due", "--as-of", "2026-03-02", "--apply"], environment: SampleCaseTests.today)
        expectExit(future.status, .refused, "\(future.stderr)")
        #expect(try f.head() == before)
        // Nobody named to record the erasures.
        let nobody = try f.greffe(
            ["privacy", "due", "--as-of", "2026-03-02", "--apply"],
            environment: ["GREFFE_TODAY": "2026-03-02", "GREFFE_ACTOR": ""])
        expectExit(nobody.status, .usage, "\(nobody.stderr)")
        #expect(try f.head() == before)
        // Listing never writes.
        expectExit(try f.greffe(["privacy", "due", "--as-of", "2026-03-02"], environment: Self.day).status, .ok)
        #expect(try f.head() == before)
    }

    @Test func R35_theAgendaShowsTheErasuresDue() throws {
        let f = try store()
        let agenda = try f.greffe(["agenda"], environment: Self.day)
        expectExit(agenda.status, .ok, "\(agenda.stderr)")
        #expect(
            agenda.stdout.contains("Effacements dus (article 6, greffe privacy due --apply) :\n"), "\(agenda.stdout)")
        #expect(
            agenda.stdout.contains("  2026-03-02  effacement membre M0011  effacement dû : cotisation 2026"),
            "\(agenda.stdout)")
        #expect(agenda.stdout.contains("effacement membre M0012"), "\(agenda.stdout)")
        let english = try f.greffe(["agenda", "--lang", "en"], environment: Self.day)
        #expect(english.stdout.contains("Erasures due (Article 6, greffe privacy due --apply):"), "\(english.stdout)")
        let json = try f.greffe(["agenda", "--json"], environment: Self.day)
        #expect(json.stdout.contains("privacy member M0011"), "\(json.stdout)")
        // Before the delay ran out, no erasure is listed for M0011.
        let earlier = try f.greffe(["agenda", "--as-of", "2026-02-20"], environment: Self.day)
        #expect(!earlier.stdout.contains("privacy member M0011"), "\(earlier.stdout)")
    }
}
