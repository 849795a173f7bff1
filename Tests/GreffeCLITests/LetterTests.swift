import Discipline
import Documents
import EventLog
import Foundation
import Registry
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The letters Article 5.6 calls for, rendered for the sample case and read back with Python's `email` package.
@Suite(.serialized) struct LetterTests {
    /// `python3 scripts/check_eml.py FILE`: what Python's strict e-mail parser reads in the letter.
    func parsed(_ file: String) throws -> [String: Any] {
        let (status, output) = try runScript("check_eml.py", [file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(status == 0, "\(object["problems"] ?? output)")
        return object
    }

    /// The due day `status --json` shows for `rule` (and, for R23, the party), as of `day`.
    func statusDue(_ f: CLIFixture, _ rule: String, asOf day: String, label: String? = nil) throws -> String {
        let status = try f.greffe(["status", "2026-001", "--json", "--as-of", day])
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let deadlines = try #require(object?["deadlines"] as? [[String: Any]])
        let match = try #require(
            deadlines.first { $0["rule"] as? String == rule && (label == nil || $0["labelFr"] as? String == label) })
        return try #require(match["due"] as? String)
    }

    /// Renders `kind` and checks what every letter must have: headers, UTF-8 in both parts, the same text in each.
    func letter(_ f: CLIFixture, _ arguments: [String]) throws -> (json: [String: Any], text: String, html: String) {
        let out = f.directory + "/\(arguments[1])-\(UUID().uuidString).eml"
        let written = try f.greffe(["letter"] + arguments + ["--out", out])
        expectExit(written.status, .ok, "\(written.stderr)")
        let json = try parsed(out)
        #expect(json["mimeVersion"] as? String == "1.0")
        #expect((json["from"] as? String)?.contains("<bruno.petit@exemple.org>") == true, "the rapporteur sends it")
        #expect((json["messageId"] as? String)?.hasSuffix("@greffe.invalid>") == true)
        #expect((json["date"] as? String)?.isEmpty == false)
        let parts = try #require(json["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        #expect(parts.map { $0["charset"] as? String } == ["utf-8", "utf-8"])
        // The parts travel with CRLF line ends, as RFC 5322 wants; compare lines.
        let text = try #require(parts[0]["text"] as? String).replacingOccurrences(of: "\r\n", with: "\n")
        let html = try #require(parts[1]["text"] as? String).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(html.contains("<p>") && html.hasPrefix("<!DOCTYPE html>"))
        return (json, text, html)
    }

    /// An erased person (Article 6, `privacy erase`) has no address any more: the letter is refused, never sent to an
    /// empty or « [effacé] » address, and no file is written.
    @Test func R35_aLetterToAnErasedPersonIsRefusedWithNoFileWritten() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 7)
        expectExit(
            try f.greffe(["privacy", "erase", "M0004", "--reason", "demande de la personne", "--on", "2026-01-20"])
                .status, .ok)
        let out = f.directory + "/efface.eml"
        let refused = try f.greffe(["letter", "2026-001", "explication", "--on", "2026-01-22", "--out", out])
        expectExit(refused.status, .refused, "\(refused.stderr)")
        #expect(
            refused.stderr.contains("M0004 ne peut pas recevoir de lettre : aucune adresse électronique"),
            "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// 5.6.7: the explanation request states the 15-day window as the day status shows for R10.
    @Test func R10_theExplanationLetterStatesTheAnswerDeadlineStatusShows() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 7)
        let (json, text, html) = try letter(f, ["2026-001", "explication", "--on", "2026-01-22"])
        let due = try statusDue(f, "R10", asOf: "2026-01-22")
        #expect(due == "2026-02-06")
        #expect(json["deadline"] as? String == due)
        #expect(json["to"] as? [String] == ["damien.roux@exemple.org"])
        #expect(text.contains("vous avez jusqu'au vendredi 6 février 2026 inclus"), "\(text)")
        #expect(text.contains("Cette dernière a un délai de 15 jours pour accuser réception de la plainte"))
        #expect(text.contains("- excuses écrites"))
        #expect(html.contains("<li>excuses écrites</li>") && html.contains("vendredi 6 février 2026"))
        #expect(
            (json["subject"] as? String)?.contains("réponse attendue au plus tard le vendredi 6 février 2026") == true)
        let english = try letter(f, ["2026-001", "explication", "--on", "2026-01-22", "--lang", "en"])
        #expect(english.text.contains("you have until Friday 6 February 2026 inclusive"))
    }

    /// 5.6.9: the call for the cell goes to the members of the last call, in one message.
    @Test func theCellCallGoesToTheMembersCalled() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 15)
        let (json, text, _) = try letter(f, ["2026-001", "appel-cellule", "--on", "2026-02-06"])
        #expect(
            json["to"] as? [String] == ["hugo.laurent@exemple.org", "jules.bernard@exemple.org"], "\(json["to"] ?? "")")
        #expect(text.contains("3 membres à jour de cotisation de l'année en cours"))
    }

    /// 5.6.9: a member drawn by lot must answer present.
    @Test func theDrawLetterGoesToADrawnMember() throws {
        let f = try DrawCommandTests().calledStore()
        expectExit(
            try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + DrawCommandTests.source).status,
            .ok)
        expectExit(
            try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status, .ok)
        let refused = try f.greffe([
            "letter", "2026-001", "tirage", "--on", "2026-02-07", "--out", f.directory + "/x.eml"
        ])
        expectExit(refused.status, .usage)
        #expect(refused.stderr.contains("précisez --to"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/x.eml"))
        let (json, text, _) = try letter(f, ["2026-001", "tirage", "--to", "M0003", "--on", "2026-02-07"])
        #expect(json["to"] as? [String] == ["chloe.durand@exemple.org"])
        #expect(
            text.contains(
                "Les personnes tirées au sort doivent répondre présentes sous peine de recommencer le tirage."))
        #expect(text.contains("samedi 7 février 2026"))
    }

    /// 5.6.9–10: the summary goes to the cell and the victim; the cell meets within 7 days of its sending (R18).
    @Test func R18_theSummaryLetterStatesTheCellMeetingDeadlineStatusShows() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 17)
        let (json, text, _) = try letter(f, ["2026-001", "synthese", "--on", "2026-02-07"])
        let due = try statusDue(f, "R18", asOf: "2026-02-07")
        #expect(json["deadline"] as? String == due)
        #expect(due == "2026-02-14")
        #expect((json["to"] as? [String])?.count == 4, "three cell members and the victim")
        #expect(text.contains("au plus tard le samedi 14 février 2026 inclus"), "\(text)")
        #expect(text.contains("- avertissement"), "the proposed sanction in words, not its id")
    }

    /// 5.6.11–12: the decision letter states the appeal right, its 2 months, to whom, the companion, and the day.
    @Test func R23_theDecisionLetterStatesTheAppealDeadlineStatusShows() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 23)
        let (json, text, _) = try letter(f, ["2026-001", "decision", "--to", "M0004", "--on", "2026-02-13"])
        let due = try statusDue(f, "R23", asOf: "2026-02-13", label: "recours de M0004")
        #expect(due == "2026-04-13")
        #expect(json["deadline"] as? String == due)
        #expect(text.contains("vous avez jusqu'au lundi 13 avril 2026 inclus"), "\(text)")
        #expect(text.contains("dans un délai de 2 mois à compter de la réception du courrier de la décision"))
        #expect(text.contains("en s'adressant au Conseil national lors de la prochaine Assemblée générale"))
        #expect(text.contains("accompagné·e de la personne de votre choix"))
        #expect(text.contains("- avertissement"))
        // Several parties may receive it: --to says which; someone else is refused.
        let none = try f.greffe([
            "letter", "2026-001", "decision", "--on", "2026-02-13", "--out", f.directory + "/d.eml"
        ])
        expectExit(none.status, .usage)
        #expect(none.stderr.contains("M0004, M0005"))
        let other = try f.greffe([
            "letter", "2026-001", "decision", "--to", "M0007", "--on", "2026-02-13", "--out", f.directory + "/d.eml"
        ])
        expectExit(other.status, .usage)
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/d.eml"))
    }

    /// 5.3: a decision of radiation says how it is announced and that it has no time limit.
    @Test func R28_aDecisionOfRadiationQuotesArticle5_3() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 18)
        _ = try ActCommandsTests().record(
            [
                [
                    "cell", "consensus", "2026-001", "--sanction", "radiation", "--reasons",
                    "Accord des trois membres.", "--on", "2026-02-11"
                ]
            ], in: f)
        let (_, text, _) = try letter(f, ["2026-001", "decision", "--to", "M0004", "--on", "2026-02-12"])
        #expect(text.contains("- radiation"))
        #expect(text.contains("La radiation n’a pas de limite de temps."), "\(text)")
        #expect(!text.contains("Article 4.5"))
        // Not received yet: the delay runs from the letter's own day, and the letter says so.
        #expect(text.contains("le délai court à compter de sa réception"))
        #expect(text.contains("vous avez jusqu'au dimanche 12 avril 2026 inclus"), "\(text)")
    }

    /// 5.3 and 5.6.7: the radiation letter, « par courrier électronique ».
    @Test func R28_theRadiationLetterQuotesTheRule() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 7)
        _ = try ActCommandsTests().record(
            [
                ["accused-left", "2026-001", "--member", "M0004", "--on", "2026-01-28"],
                ["radiation", "2026-001", "--member", "M0004", "--on", "2026-01-29"]
            ], in: f)
        let (json, text, _) = try letter(f, ["2026-001", "radiation", "--on", "2026-01-29", "--from", "M0002"])
        #expect(json["to"] as? [String] == ["damien.roux@exemple.org"])
        #expect(text.contains("à compter du jeudi 29 janvier 2026"))
        #expect(text.contains("officialise la radiation en lui envoyant une lettre par courrier électronique"))
    }

    /// A letter whose fact is not recorded, or for someone without an address, is refused and nothing is written.
    @Test func lettersWithoutTheirFactOrAnAddressAreRefused() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 7)
        let head = try f.head()
        let early = try f.greffe(["letter", "2026-001", "decision", "--out", f.directory + "/d.eml"])
        expectExit(early.status, .refused)
        #expect(early.stderr.contains("aucune décision n'est enregistrée"), "\(early.stderr)")
        // A person outside the roster (a victim who is not a member, or erased) has no address: never an empty To:.
        let registry = Registry(store: try EventStore.open(at: f.store, options: .readOnly), rulebook: .cle)
        let loaded = try registry.loadCase(CaseID("2026-001"))
        let roster = try registry.members().filter { $0.id != MemberID("M0004") }
        let letters = CaseLetters(
            id: CaseID("2026-001"), state: loaded.state, rulebook: loaded.rulebook, roster: roster,
            language: .fr, reveal: { $0.clearText ?? "" })
        #expect(
            throws: LetterError.noContact(
                MemberID("M0004"), fr: "absent de la liste des membres (non membre ou effacé)",
                en: "not in the roster (not a member, or erased)")
        ) {
            try letters.draft(
                .explanation, to: nil, from: nil, on: Day(year: 2026, month: 1, day: 22) ?? Day(dayNumber: 0))
        }
        #expect(try f.head() == head, "a letter writes nothing to the register")
    }

    /// An association's own template naming a field its letter does not offer is refused at load, with field and line.
    @Test func aTemplateNamingAnUnknownFieldIsRefusedWithTheLine() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 7)
        let folder = f.directory + "/modeles"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Objet {{dossier}}\n\nBonjour {{destinataire}},\nà rendre le {{date_limite}}.\n"
            .write(toFile: folder + "/explication.fr.mustache", atomically: true, encoding: .utf8)
        let refused = try f.greffe([
            "letter", "2026-001", "explication", "--templates", folder, "--out", f.directory + "/e.eml"
        ])
        expectExit(refused.status, .usage)
        #expect(
            refused.stderr.contains("modèle explication.fr, ligne 4 : champ inconnu « date_limite »"),
            "\(refused.stderr)")
        // Fixed, it is used instead of the shipped one.
        try "Objet {{dossier}}\n\nBonjour {{destinataire}},\nà rendre le {{echeance}}.\n"
            .write(toFile: folder + "/explication.fr.mustache", atomically: true, encoding: .utf8)
        let own = try letter(f, ["2026-001", "explication", "--templates", folder])
        #expect(own.text == "Bonjour Damien Roux,\nà rendre le vendredi 6 février 2026.\n", "\(own.text)")
        #expect(own.json["subject"] as? String == "Objet 2026-001")
    }

    /// A charter's ladder: the measure told to the person, in the charter's words.
    @Test func aLadderMeasureLetterQuotesTheCharter() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 1)
        expectExit(try f.greffe(["rulebook", "adopt", "aalmi-5", "--on", "2026-01-02", "--as", "M0001"]).status, .ok)
        expectExit(
            try f.greffe(["ladder", "incident", "M0004", "--facts", "Publicité", "--on", "2026-01-03"]).status, .ok)
        let measure = try f.greffe([
            "ladder", "measure", "M0004", "avertissement", "--by", "administrateurs=M0001",
            "--by", "president=M0002", "--on", "2026-01-04"
        ])
        expectExit(measure.status, .ok, "\(measure.stderr)")
        let out = f.directory + "/avertissement.eml"
        let written = try f.greffe([
            "letter", "M0004", "mesure", "--ladder", "aalmi-5", "--from", "M0001", "--on", "2026-01-04", "--out", out
        ])
        expectExit(written.status, .ok, "\(written.stderr)")
        let json = try parsed(out)
        let text = try #require((json["parts"] as? [[String: Any]])?.first?["text"] as? String)
        #expect(text.contains("la mesure suivante : avertissement"), "\(text)")
        #expect(text.contains("d'adresser un avertissement à un des membres du groupe"))
        #expect(json["to"] as? [String] == ["damien.roux@exemple.org"])
    }
}
