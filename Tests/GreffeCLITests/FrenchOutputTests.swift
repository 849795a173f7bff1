import Discipline
import Foundation
@testable import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The human outputs in the users' language: no English identifier of a closed list in French, one date style, a
/// party's window that runs out is their choice, votes in plain words, the next act as a command line.
@Suite struct FrenchOutputTests {
    static let sha = "9f2c1a7e5b3d4c6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"

    /// A full case: every kind of evidence, the accused silent (R10 runs out), a cell vote on two proposals, the
    /// judgement executed, one party appealing and the other not (R23 runs out), a GA scheduled and its vote.
    static let fullCase: [[String]] =
        [
            [
                "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
                "--facts", "Messages.", "--motive", "insults", "--board-learned-on", "2026-01-04", "--on", "2026-01-05"
            ],
            [
                "meeting", "2026-001", "--attendee", "M0001", "--attendee", "M0002", "--attendee", "M0003",
                "--rapporteur",
                "M0002", "--on", "2026-01-09"
            ],
            ["suspend", "2026-001", "--space", "serveur", "--on", "2026-01-09"]
        ]
        + Evidence.Kind.allCases.filter { $0 != .report }.map { kind in
            [
                "evidence", "2026-001", "--kind", kind.rawValue, "--description", "pièce", "--sha256", sha, "--on",
                "2026-01-12", "--as", "M0002"
            ]
        } + [
            ["file-complete", "2026-001", "--on", "2026-01-20", "--as", "M0002"],
            [
                "hear-victim", "2026-001", "--victim", "M0005", "--needs", "sécurité", "--demand", "excuses", "--on",
                "2026-01-21", "--as", "M0002"
            ],
            [
                "request-explanation", "2026-001", "--summary", "Résumé", "--demand", "excuses", "--on", "2026-01-22",
                "--as", "M0002"
            ],
            ["answer-lapsed", "2026-001", "--on", "2026-02-19", "--as", "M0002"],
            [
                "summary", "2026-001", "--demand", "Excuses", "--defence", "Rien", "--sanction", "warning", "--on",
                "2026-02-20", "--as", "M0002"
            ],
            [
                "cell", "call", "2026-001", "--via", "online", "--member", "M0007", "--member", "M0008", "--member",
                "M0009", "--on", "2026-02-20", "--as", "M0002"
            ],
            ["cell", "volunteer", "2026-001", "--member", "M0007", "--on", "2026-02-21", "--as", "M0002"],
            ["cell", "volunteer", "2026-001", "--member", "M0008", "--on", "2026-02-21", "--as", "M0002"],
            ["cell", "volunteer", "2026-001", "--member", "M0009", "--on", "2026-02-21", "--as", "M0002"],
            ["cell", "send-summary", "2026-001", "--on", "2026-02-21", "--as", "M0002"],
            [
                "cell", "meet", "2026-001", "--attendee", "M0007", "--attendee", "M0008", "--attendee", "M0009", "--on",
                "2026-02-24", "--as", "M0002"
            ],
            [
                "cell", "vote", "2026-001", "--ballot", "M0007=warning+suspension", "--ballot",
                "M0008=warning+suspension",
                "--ballot", "M0009=warning", "--on", "2026-02-24", "--as", "M0002"
            ],
            ["judgement", "send", "2026-001", "--on", "2026-02-25", "--as", "M0002"],
            ["judgement", "execute", "2026-001", "--on", "2026-02-25"],
            ["letter-received", "2026-001", "--member", "M0004", "--on", "2026-02-26"],
            ["letter-received", "2026-001", "--member", "M0005", "--on", "2026-02-26"],
            ["appeal", "2026-001", "--by", "M0004", "--on", "2026-03-02"]
        ]

    /// The sample roster with the full case, up to the appeal; its outputs (`name` → stdout) as of 2026-03-05 and,
    /// after a GA scheduled and its vote, as of 2026-06-21.
    func fullCaseOutputs(_ language: String) throws -> (f: CLIFixture, outputs: [String: String]) {
        let f = try CLIFixture.withRoster()
        var outputs: [String: String] = [:]
        for arguments in Self.fullCase {
            let done = try f.greffe(arguments + ["--lang", language])
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
            outputs["act " + arguments.prefix(2).joined(separator: " ")] = done.stdout
        }
        func run(_ name: String, _ arguments: [String], today: String) throws {
            let done = try f.greffe(arguments + ["--lang", language], environment: ["GREFFE_TODAY": today])
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
            outputs[name] = done.stdout
        }
        let views: [(String, [String])] = [
            ("status", ["status", "2026-001"]), ("cases", ["cases"]), ("history", ["history", "2026-001"]),
            ("members", ["members", "list"]), ("show M0004", ["members", "show", "M0004"]),
            ("show M0001", ["members", "show", "M0001"]), ("agenda", ["agenda"]),
            ("report", ["audit", "report", "2026-001"]),
            ("verify", ["audit", "verify"]), ("dossier", ["dossier", "2026-001", "--format", "md"])
        ]
        for (name, arguments) in views { try run(name, arguments, today: "2026-03-05") }
        try run(
            "ga schedule", ["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-10", "--place", "Lyon"],
            today: "2026-03-10")
        try run("docket", ["ga", "docket"], today: "2026-03-11")
        try run("agenda with GA", ["agenda"], today: "2026-03-11")
        try run(
            "ga vote",
            [
                "ga", "vote", "2026-001", "--proposal", "warning+suspension", "--proposal", "warning",
                "--votes", "warning+suspension=28", "--votes", "warning=10", "--blanks", "5", "--voters", "43",
                "--on", "2026-06-20"
            ], today: "2026-06-21")
        for (name, arguments) in views { try run(name + " after GA", arguments, today: "2026-06-21") }
        return (f, outputs)
    }

    /// Every English id of the closed lists, built from the lists themselves (a new value cannot escape the scan),
    /// except the few that are French words too (« suspension », « document »…): those are checked by their words.
    static var englishIDs: [String] {
        let sanctions = Rulebook.cle.sanctions.filter { !$0.fr.lowercased().contains($0.id.lowercased()) }.map(\.id)
        let lists: [String] =
            CaseStep.allCases.map(\.rawValue)
            + Evidence.Kind.allCases.filter { $0.words(.fr) != $0.rawValue }.map(\.rawValue)
            + ["person"]
            + MandateRole.known.filter { $0.words(.fr) != $0.rawValue }.map(\.rawValue)
            + sanctions
            + HolderExplanation.Outcome.allCases.map(\.rawValue) + MediationOutcome.Kind.allCases.map(\.rawValue)
        return lists.filter { !frenchWordsToo.contains($0) }
    }

    /// Ids that are French words as well: found in French sentences, they say nothing.
    static let frenchWordsToo: Set<String> = [
        "suspension", "document", "rapporteur", "association", "radiation", "empty"
    ]

    /// The English ids found in `text` as whole words (ids joined by `+` count too). Command lines (`greffe audit
    /// report`, `greffe complaint …`) are left out: subcommands and options are typed as they are.
    static func englishIDs(in text: String) -> [String] {
        let text = text.replacingOccurrences(of: "greffe [^\n)»`]*", with: "", options: .regularExpression)
        return englishIDs.filter { id in
            let pattern = "(?<![A-Za-z0-9._-])" + NSRegularExpression.escapedPattern(for: id) + "(?![A-Za-z0-9_-])"
            return text.range(of: pattern, options: .regularExpression) != nil
        }
    }

    @Test func frenchOutputsOfAFullCaseShowNoEnglishIdentifierOfAClosedList() throws {
        #expect(
            Self.englishIDs.contains("awaitingBoardMeeting") && Self.englishIDs.contains("testimony")
                && Self.englishIDs.contains("warning") && Self.englishIDs.contains("board-member"))
        #expect(Self.englishIDs(in: "adopté « warning+suspension »") == ["warning"])
        let (_, outputs) = try fullCaseOutputs("fr")
        for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
            #expect(Self.englishIDs(in: text).isEmpty, "\(name): \(Self.englishIDs(in: text))\n\(text)")
        }
        // The French words are there instead.
        #expect(outputs["history"]?.contains("Pièce versée au dossier (témoignage)") == true)
        #expect(
            outputs["history"]?.contains("adopté « avertissement + suspendre les responsabilités et l'accès »") == true,
            "\(outputs["history"] ?? "")")
        #expect(outputs["show M0001"]?.contains("(personne)") == true, "\(outputs["show M0001"] ?? "")")
        #expect(outputs["show M0001"]?.contains("mandat membre du Conseil d'administration depuis le") == true)
    }

    @Test func englishOutputsKeepTheirEnglishWordsAndJSONItsIds() throws {
        let (f, outputs) = try fullCaseOutputs("en")
        #expect(outputs["history"]?.contains("Evidence added (testimony)") == true)
        #expect(outputs["show M0001"]?.contains("(person)") == true)
        #expect(outputs["show M0001"]?.contains("mandate board member from") == true)
        let json = try f.greffe(["status", "2026-001", "--json"], environment: ["GREFFE_TODAY": "2026-06-21"])
        #expect(json.stdout.contains("\"step\":\"awaitingGeneralAssemblyReintegrationVote\""), "\(json.stdout)")
        let members = try f.greffe(["members", "show", "M0001", "--json"])
        #expect(members.stdout.contains("\"kind\":\"person\"") && members.stdout.contains("\"role\":\"board-member\""))
    }

    @Test func casesStateAcceptsTheFrenchWordsOfAStep() throws {
        let (f, _) = try fullCaseOutputs("fr")
        for typed in [
            "appealPending", "recours formé, Assemblée générale attendue", "Recours forme, assemblee generale attendue"
        ] {
            let cases = try f.greffe(["cases", "--state", typed], environment: ["GREFFE_TODAY": "2026-03-05"])
            expectExit(cases.status, .ok, "\(typed): \(cases.stderr)")
        }
        let open = try f.greffe(["cases", "--state", "en-cours"])
        #expect(open.stdout.hasPrefix("2026-001  "))
        let closed = try f.greffe(["cases", "--state", "clos"])
        #expect(closed.stdout == "(aucun dossier)\n")
        let wrong = try f.greffe(["cases", "--state", "nulle-part"])
        expectExit(wrong.status, .usage)
    }

    /// A day reads the same in every French output (ISO: `2026-03-02`), never `02/03/2026`, in French as in English.
    @Test func oneDateStylePerLanguageAndNeverAnAmbiguousDay() throws {
        for language in ["fr", "en"] {
            let (_, outputs) = try fullCaseOutputs(language)
            for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
                let slashed = text.range(of: "[0-9]{2}/[0-9]{2}/[0-9]{4}", options: .regularExpression).map {
                    String(text[$0])
                }
                #expect(slashed == nil, "\(language) \(name): \(slashed ?? "")\n\(text)")
            }
            #expect(outputs["ga schedule"]?.contains("2026-06-20") == true, "\(outputs["ga schedule"] ?? "")")
        }
    }

    /// R10 and R23: a party's window running out is their choice — « expiré (droit non exercé) », never late.
    @Test func R10_R23_aPartysWindowThatRunsOutIsExpiredNeverLate() throws {
        let (f, outputs) = try fullCaseOutputs("fr")
        let late = ["EN RETARD", "en retard", "dépassé", "MANQUÉ", "manqué"]
        let status = try #require(outputs["status after GA"])
        let r10 = try #require(status.split(separator: "\n").first { $0.contains("R10 ") })
        #expect(r10.hasSuffix("expiré le 2026-02-06 (droit non exercé)"), "\(r10)")
        let r23 = try #require(status.split(separator: "\n").first { $0.contains("R23  recours de M0005") })
        #expect(
            r23.hasSuffix("expiré le 2026-04-27 (droit non exercé)") || r23.contains("(droit non exercé)"), "\(r23)")
        for name in [
            "status", "status after GA", "report", "report after GA", "cases", "cases after GA", "dossier after GA"
        ] {
            let text = try #require(outputs[name], "\(name)")
            for line in text.split(separator: "\n") where line.contains("R10") || line.contains("R23") {
                #expect(!late.contains { line.contains($0) }, "\(name): \(line)")
            }
        }
        let report = try #require(outputs["report after GA"])
        #expect(
            report.contains { _ in true }
                && report.split(separator: "\n").contains {
                    $0.contains("R10") && $0.contains("expiré (droit non exercé)")
                },
            "\(report)")
        // `cases` does not list a party's expired window as the next deadline.
        #expect(outputs["cases"]?.contains("(R10)") == false, "\(outputs["cases"] ?? "")")
        // The dossier's timeline (HTML, with its chart): the expired right is not drawn as a breach.
        let dossier = try f.greffe(["dossier", "2026-001"], environment: ["GREFFE_TODAY": "2026-06-21"])
        expectExit(dossier.status, .ok, "\(dossier.stderr)")
        #expect(dossier.stdout.contains("expiré le 2026-02-06 (droit non exercé)"), "R10 in the dossier")
        #expect(!dossier.stdout.contains("MANQUÉ : en retard"))
    }

    /// A closed case: its expired windows are still no delay.
    @Test func R10_aClosedCaseShowsNoMissedAnswer() throws {
        let (f, _) = try fullCaseOutputs("fr")
        let close = try f.greffe(
            ["close", "2026-001", "--reason", "Fin", "--on", "2026-06-22"], environment: ["GREFFE_TODAY": "2026-06-22"])
        if close.status == 0 {
            let cases = try f.greffe(["cases"], environment: ["GREFFE_TODAY": "2026-07-01"])
            #expect(!cases.stdout.contains("R10"), "\(cases.stdout)")
        }
        let cases = try f.greffe(["cases", "--json"], environment: ["GREFFE_TODAY": "2026-07-01"])
        #expect(!cases.stdout.contains("\"nextDueRule\":\"R10\""), "\(cases.stdout)")
    }

    @Test func votesAreShownInPlainWordsBesideTheArithmetic() throws {
        let (_, outputs) = try fullCaseOutputs("fr")
        let words =
            "28 voix sur 43 bulletins, blancs compris : 65 % < 2/3 — non adopté (28 × 3 = 84 < 43 × 2 = 86 → deux tiers non atteints)"
        for name in ["ga vote", "status after GA", "history after GA", "report after GA"] {
            #expect(outputs[name]?.contains(words) == true, "\(name): \(outputs[name] ?? "")")
        }
        #expect(
            outputs["status after GA"]?.contains(
                "avertissement + suspendre les responsabilités et l'accès : 2 voix sur 3 bulletins, blancs compris : 66 % ≥ 2/3 — adopté"
            ) == true,
            "\(outputs["status after GA"] ?? "")")
    }

    @Test func membersShowTellsTheSanctionsAMemberIsUnderAndSinceWhen() throws {
        let (_, outputs) = try fullCaseOutputs("fr")
        let show = try #require(outputs["show M0004"])
        #expect(show.contains("  membre depuis le 2026-01-02"), "\(show)")
        #expect(
            show.contains(
                "  sanctions : avertissement, suspendre les responsabilités et l'accès (2026-001, cellule de crise, le 2026-02-24)"
            ), "\(show)")
        #expect(show.contains("suspension en vigueur (R25, 2026-001) depuis le 2026-03-02"), "\(show)")
        #expect(outputs["show M0001"]?.contains("  sanctions : aucune") == true)
    }

    @Test func statusEndsWithTheNextActsAsCommandLines() throws {
        let f = try CLIFixture.withSampleComplaint()
        let opened = try f.greffe(["status", "2026-001"], environment: ["GREFFE_TODAY": "2026-01-06"])
        #expect(
            opened.stdout.hasSuffix(
                "  Prochain(s) acte(s) :\n    greffe meeting 2026-001 --attendee MEMBRE --attendee MEMBRE --rapporteur MEMBRE\n"
            ),
            "\(opened.stdout)")
        let (g, outputs) = try fullCaseOutputs("fr")
        #expect(
            outputs["status"]?.contains("    greffe ga docket\n    greffe ga vote 2026-001 --proposal SANCTION")
                == true, "\(outputs["status"] ?? "")")
        let english = try g.greffe(["status", "2026-001", "--lang", "en"], environment: ["GREFFE_TODAY": "2026-06-21"])
        #expect(
            english.stdout.hasSuffix(
                "  Next act(s):\n    greffe ga reintegration-vote 2026-001 --votes immediate=N --votes probationary=N --blanks N --voters N\n"
            ),
            "\(english.stdout)")
    }

    @Test func agendaAndCalendarListTheGAToScheduleAndTheScheduledGA() throws {
        let (f, outputs) = try fullCaseOutputs("fr")
        #expect(
            outputs["agenda"]?.contains("2026-03-02  2026-001  R24  AG à programmer : recours de M0004") == true,
            "\(outputs["agenda"] ?? "")")
        let withGA = try #require(outputs["agenda with GA"])
        #expect(!withGA.contains("AG à programmer"), "\(withGA)")
        #expect(
            withGA.contains("2026-06-20  AG 2026-06-20  R24  Assemblée générale — Lyon : 2026-001 (recours de M0004)"),
            "\(withGA)")
        let ics = f.directory + "/agenda.ics"
        expectExit(try f.greffe(["agenda", "--ics", ics], environment: ["GREFFE_TODAY": "2026-03-11"]).status, .ok)
        let calendar = try String(contentsOfFile: ics, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("DTSTART;VALUE=DATE:20260620"))
        #expect(calendar.contains("greffe ga docket --for 2026-06-20"), "\(calendar)")
    }
}
