import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 17's inputs: an appeal's grounds, a drawn member's reason for declining, a past GA docket, the GA vote on the
/// question as the docket asks it, and finding cases by member or by text.
@Suite struct CaseInputsCommandTests {
    static let grounds = "Motifs du recours : la cellule n'a pas entendu mon témoin"

    func expectNoClearText(_ store: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, bytes) in try RectificationSealingTests().rawFiles(under: store) {
            #expect(
                bytes.range(of: Data(text.utf8)) == nil, "« \(text) » in clear in \(path)",
                sourceLocation: sourceLocation)
        }
    }

    /// The sample case (executed on 2026-02-12, letters received on 2026-02-13) with M0004's appeal and its grounds.
    func appealedStore() throws -> CLIFixture {
        let f = try SampleCaseTests().sampleStore()
        let appeal = try f.greffe(
            ["appeal", "2026-001", "--by", "M0004", "--grounds", Self.grounds, "--on", "2026-03-02"],
            environment: ["GREFFE_TODAY": "2026-03-02"])
        expectExit(appeal.status, .ok, "\(appeal.stderr)")
        return f
    }

    @Test func R23_anAppealsGroundsAreSealedAndShownInStatusHistoryAndDossier() throws {
        let f = try appealedStore()
        try expectNoClearText(f.store, Self.grounds)
        let today = ["GREFFE_TODAY": "2026-03-02"]
        let status = try f.greffe(["status", "2026-001"], environment: today)
        #expect(
            status.stdout.contains("recours de Damien Roux (M0004) le 2026-03-02 — motifs : \(Self.grounds)"),
            "\(status.stdout)")
        let history = try f.greffe(["history", "2026-001"], environment: today)
        #expect(
            history.stdout.contains("Recours de Damien Roux (M0004) ; motifs : \(Self.grounds)"), "\(history.stdout)")
        let dossier = try f.greffe(["dossier", "2026-001", "--out", f.directory + "/dossier.html"], environment: today)
        expectExit(dossier.status, .ok, "\(dossier.stderr)")
        let html = try String(contentsOfFile: f.directory + "/dossier.html", encoding: .utf8)
        #expect(
            html.contains("la cellule n&#39;a pas entendu mon témoin")
                || html.contains("la cellule n'a pas entendu mon témoin"))
    }

    @Test func R23_blankGroundsAreRefusedAndWriteNothing() throws {
        let f = try SampleCaseTests().sampleStore()
        let before = try f.head()
        let blank = try f.greffe(
            ["appeal", "2026-001", "--by", "M0004", "--grounds", "  ", "--on", "2026-03-02"],
            environment: ["GREFFE_TODAY": "2026-03-02"])
        expectExit(blank.status, .refused)
        #expect(
            blank.stderr.contains("R23") && blank.stderr.contains("motifs du recours sont vides"), "\(blank.stderr)")
        #expect(try f.head() == before)
    }

    @Test func R15_aDeclinesReasonIsSealedShownInHistoryAndABlankOneIsRefused() throws {
        let f = try DrawCommandTests().calledStore()
        expectExit(
            try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + DrawCommandTests.source).status,
            .ok)
        expectExit(
            try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status, .ok)
        let before = try f.head()
        let blank = try f.greffe([
            "cell", "decline", "2026-001", "--member", "M0003", "--reason", "", "--on", "2026-02-08"
        ])
        expectExit(blank.status, .refused)
        #expect(blank.stderr.contains("R15"), "\(blank.stderr)")
        #expect(try f.head() == before)

        let reason = "en déplacement à l'étranger jusqu'en mars"
        let declined = try f.greffe([
            "cell", "decline", "2026-001", "--member", "M0003", "--reason", reason, "--on", "2026-02-08"
        ])
        expectExit(declined.status, .ok, "\(declined.stderr)")
        try expectNoClearText(f.store, reason)
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains("(M0003), tiré·e au sort, décline : \(reason)"), "\(history.stdout)")
    }

    @Test func aPastDocketReadsTheRegisterAsItStoodThatDay() throws {
        let f = try appealedStore()
        let today = ["GREFFE_TODAY": "2026-06-21"]
        expectExit(
            try f.greffe(
                ["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-05", "--place", "Lyon"],
                environment: today
            ).status, .ok)
        let vote = try f.greffe(
            [
                "ga", "vote", "2026-001", "--votes", "confirmer=40", "--votes", "réformer=4",
                "--reform-to", "none", "--voters", "48", "--on", "2026-06-20"
            ], environment: today)
        expectExit(vote.status, .ok, "\(vote.stderr)")
        // Settled by its own vote, the matter is gone from the docket as the register now stands…
        let now = try f.greffe(["ga", "docket", "--for", "2026-06-20"], environment: today)
        #expect(now.stdout.contains("Aucune affaire disciplinaire"), "\(now.stdout)")
        // …and the minutes read it as it stood on the eve.
        let eve = try f.greffe(["ga", "docket", "--for", "2026-06-20", "--as-of", "2026-06-19"], environment: today)
        expectExit(eve.status, .ok, "\(eve.stderr)")
        #expect(eve.stdout.contains("2026-001 — recours de Damien Roux (M0004) le 2026-03-02"), "\(eve.stdout)")
        #expect(eve.stdout.contains("confirmer ou réformer la décision"))
        // Before the GA was scheduled, the register held no GA to read.
        let early = try f.greffe(["ga", "docket", "--for", "2026-06-20", "--as-of", "2026-03-01"], environment: today)
        expectExit(early.status, .notFound)
        #expect(
            early.stderr.contains("au registre du 1er mars 2026") || early.stderr.contains("au registre du"),
            "\(early.stderr)")
    }

    @Test func R24_theGAVotesOnTheQuestionAsTheDocketAsksIt() throws {
        let f = try appealedStore()
        let today = ["GREFFE_TODAY": "2026-06-20"]
        expectExit(
            try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-05"], environment: today)
                .status, .ok)
        let before = try f.head()
        // Overturning without saying to what is refused, and writes nothing.
        let vague = try f.greffe(
            [
                "ga", "vote", "2026-001", "--votes", "confirmer=10", "--votes", "réformer=33",
                "--voters", "48", "--on", "2026-06-20"
            ], environment: today)
        expectExit(vague.status, .refused)
        #expect(vague.stderr.contains("R24") && vague.stderr.contains("--reform-to"), "\(vague.stderr)")
        #expect(try f.head() == before)
        // The answers mixed with sanction ids are a usage error.
        let mixed = try f.greffe(
            [
                "ga", "vote", "2026-001", "--votes", "confirmer=10", "--votes", "warning=33",
                "--voters", "48", "--on", "2026-06-20"
            ], environment: today)
        expectExit(mixed.status, .usage)
        #expect(try f.head() == before)

        let vote = try f.greffe(
            [
                "ga", "vote", "2026-001", "--votes", "confirm=10", "--votes", "overturn=33",
                "--reform-to", "none", "--blanks", "2", "--voters", "48", "--on", "2026-06-20"
            ], environment: today)
        expectExit(vote.status, .ok, "\(vote.stderr)")
        #expect(vote.stdout.contains("réformer (aucune sanction) : 33 voix sur 45 bulletins"), "\(vote.stdout)")
        let status = try f.greffe(["status", "2026-001", "--json"], environment: today)
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let outcome = object?["outcome"] as? [String: Any]
        #expect(outcome?["sanctions"] as? [String] == [], "réformer to none lifts the warning: \(status.stdout)")
    }

    @Test func R24_confirmingOnAReferralIsRefused() throws {
        // The question is an appeal's; a case without a cell decision to confirm refuses it (nothing written).
        let f = try SampleCaseTests().sampleStore()
        let before = try f.head()
        let vote = try f.greffe(
            ["ga", "vote", "2026-001", "--votes", "confirmer=40", "--voters", "48", "--on", "2026-02-20"],
            environment: SampleCaseTests.today)
        expectExit(vote.status, .refused)
        #expect(try f.head() == before)
    }

    @Test func casesByMemberSayInWhatPart() throws {
        let f = try SampleCaseTests().sampleStore()
        let accused = try f.greffe(["cases", "--member", "M0004"])
        expectExit(accused.status, .ok, "\(accused.stderr)")
        #expect(accused.stdout.contains("2026-001") && accused.stdout.contains("(mis·e en cause)"), "\(accused.stdout)")
        let cell = try f.greffe(["cases", "--member", "M0007", "--lang", "en"])
        #expect(cell.stdout.contains("(cell member)"), "\(cell.stdout)")
        let none = try f.greffe(["cases", "--member", "M0011"])
        #expect(none.stdout == "(aucun dossier)\n", "\(none.stdout)")
        let unknown = try f.greffe(["cases", "--member", "zz99"])
        expectExit(unknown.status, .notFound)
    }

    @Test func casesSearchReadsIdsNamesAndSealedTexts() throws {
        let f = try SampleCaseTests().sampleStore()
        // The facts are sealed in the store: the search reads them with the keys, without case or accents.
        let facts = try f.greffe(["cases", "--search", "MESSAGES INSULTANTS"])
        expectExit(facts.status, .ok, "\(facts.stderr)")
        #expect(
            facts.stdout.contains("2026-001") && facts.stdout.contains("trouvé : texte (ComplaintFiled"),
            "\(facts.stdout)")
        let name = try f.greffe(["cases", "--search", "damien"])
        #expect(name.stdout.contains("nom d'une partie"), "\(name.stdout)")
        let id = try f.greffe(["cases", "--search", "2026-00"])
        #expect(id.stdout.contains("identifiant"), "\(id.stdout)")
        let nothing = try f.greffe(["cases", "--search", "introuvable xyz"])
        #expect(nothing.stdout == "(aucun dossier)\n")
        let empty = try f.greffe(["cases", "--search", " "])
        expectExit(empty.status, .usage)
        let help = try f.greffe(["cases", "--help"], withStore: false)
        #expect(help.stdout.contains("textes consignés"), "the help says what --search reads")
    }
}
