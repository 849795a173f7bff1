import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// R35 (art. 6): `greffe privacy erase-case` and `privacy due --apply` erase a case's texts once their retention has
/// run out, through the built binary, on the README's sample case closed on 2026-04-14 (its texts due on 2027-04-14).
@Suite struct PrivacyEraseCaseCommandTests {
    static let erasureDay = ["GREFFE_TODAY": "2027-04-14"]
    static let texts = ["Messages insultants", "Ne plus recevoir de messages", "Captures des messages"]

    func closedCase() throws -> CLIFixture {
        let f = try SampleCaseTests().sampleStore()
        let closed = try f.greffe(
            ["close", "2026-001", "--reason", "Jugement exécuté, délais de recours expirés", "--on", "2026-04-14"],
            environment: ["GREFFE_TODAY": "2026-04-14"])
        expectExit(closed.status, .ok, "\(closed.stderr)")
        return f
    }

    @Test func R35_eraseCaseRecordsTheActDestroysTheKeyAndEveryOutputReadsErased() throws {
        let f = try closedCase()
        let dossier = ["dossier", "2026-001", "--format", "md"]
        let before = try f.greffe(dossier, environment: Self.erasureDay)
        #expect(before.stdout.contains("Messages insultants"), "\(before.stdout)")

        // A dry run writes nothing and destroys nothing.
        let head = try f.head()
        let dry = try f.greffe(
            ["privacy", "erase-case", "2026-001", "--reason", "conservation écoulée", "--dry-run"],
            environment: Self.erasureDay)
        expectExit(dry.status, .ok, "\(dry.stderr)")
        #expect(dry.stdout.contains("Simulation (--dry-run) : rien n'a été écrit"), "\(dry.stdout)")
        #expect(dry.stdout.contains("CaseTextsErased"), "\(dry.stdout)")
        #expect(try f.head() == head)
        #expect(try f.greffe(dossier, environment: Self.erasureDay).stdout.contains("Messages insultants"))

        let erased = try f.greffe(
            ["privacy", "erase-case", "2026-001", "--reason", "conservation écoulée (article 6)"],
            environment: Self.erasureDay)
        expectExit(erased.status, .ok, "\(erased.stderr)")
        #expect(erased.stdout.hasPrefix("Textes du dossier 2026-001 effacés (n° "), "\(erased.stdout)")
        #expect(
            erased.stdout.contains(
                "conservation : dossier terminé le 2026-04-14, textes gardés 12 mois, dus le 2027-04-14"),
            "\(erased.stdout)")

        // Every output reads « [effacé] » where a text of the case was, and no text of it.
        let outputs = [
            ["status", "2026-001"], ["history", "2026-001"], ["history", "2026-001", "--json"],
            ["log", "show", "--json"], ["dossier", "2026-001", "--format", "md"]
        ]
        for arguments in outputs {
            let shown = try f.greffe(arguments, environment: Self.erasureDay)
            expectExit(shown.status, .ok, "\(arguments): \(shown.stderr)")
            // (Markdown escapes the brackets.)
            #expect(
                shown.stdout.contains("[effacé]") || shown.stdout.contains("\\[effacé\\]"),
                "\(arguments): \(shown.stdout)")
            for text in Self.texts { #expect(!shown.stdout.contains(text), "\(text) in \(arguments)") }
        }
        #expect(try f.greffe(["status", "2026-001"], environment: Self.erasureDay).stdout.contains("textes effacés le"))
        // The victim's access document names the case and reads its texts « [effacé] ».
        let access = f.directory + "/acces.json"
        expectExit(try f.greffe(["privacy", "access", "M0005", "--out", access]).status, .ok)
        let document = try String(contentsOfFile: access, encoding: .utf8)
        #expect(document.contains("[effacé]"))
        for text in Self.texts { #expect(!document.contains(text), "\(text) in the access document") }
        // The export keeps the stored boxes as they are (it must re-verify): no text in clear, nothing to open them.
        let export = try f.greffe(["export", "--format", "jsonl"])
        expectExit(export.status, .ok, "\(export.stderr)")
        #expect(export.stdout.contains("CaseTextsErased"))
        for text in Self.texts { #expect(!export.stdout.contains(text), "\(text) in the export") }

        // The chain and every audit check pass; no file of the store holds a text of the case.
        let audit = try f.greffe(["audit", "verify"])
        expectExit(audit.status, .ok, "\(audit.stdout)\(audit.stderr)")
        #expect(audit.stdout.contains("OK : toutes les vérifications passent."), "\(audit.stdout)")
        for (path, bytes) in try PrivacyCommandTests().rawFiles(under: f.store) {
            for text in Self.texts { #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text) in \(path)") }
        }
        // The case takes no more acts.
        let after = try f.head()
        let act = try f.greffe(
            ["withdraw", "2026-001", "--record", "33", "--reason", "erreur"], environment: Self.erasureDay)
        expectExit(act.status, .refused, "\(act.stderr)")
        #expect(try f.head() == after)
    }

    @Test func R35_refusedErasuresNameTheRuleAndWriteNothing() throws {
        let f = try closedCase()
        let head = try f.head()
        // Not yet past its retention: the rule and the day it becomes due.
        let early = try f.greffe(
            ["privacy", "erase-case", "2026-001", "--reason", "conservation écoulée"],
            environment: ["GREFFE_TODAY": "2027-04-13"])
        expectExit(early.status, .refused, "\(early.stderr)")
        #expect(early.stderr.contains("R35"), "\(early.stderr)")
        #expect(early.stderr.contains("gardés 12 mois après sa fin (le 2026-04-14)"), "\(early.stderr)")
        #expect(early.stderr.contains("à effacer le 2027-04-14"), "\(early.stderr)")
        // Unknown case.
        let unknown = try f.greffe(
            ["privacy", "erase-case", "2026-099", "--reason", "x"], environment: Self.erasureDay)
        expectExit(unknown.status, .notFound, "\(unknown.stderr)")
        // A bad override is a usage error.
        let bad = try f.greffe(
            ["privacy", "erase-case", "2026-001", "--reason", "x", "--override", "envie"],
            environment: Self.erasureDay)
        expectExit(bad.status, .usage, "\(bad.stderr)")
        #expect(try f.head() == head)
        // A documented legal reason erases before the term, and the second time is refused.
        let granted = try f.greffe(
            [
                "privacy", "erase-case", "2026-001", "--reason", "demande de la victime accordée par le Conseil",
                "--override", "erasure-request", "--requested-by", "M0005", "--json"
            ], environment: ["GREFFE_TODAY": "2026-05-01"])
        expectExit(granted.status, .ok, "\(granted.stderr)")
        let line = try #require(
            try JSONSerialization.jsonObject(with: Data(granted.stdout.utf8)) as? [String: Any])
        #expect(line["type"] as? String == "CaseTextsErased")
        let payload = try #require(line["payload"] as? [String: Any])
        #expect(payload["override"] as? String == "erasure-request")
        #expect(payload["requestedBy"] as? String == "M0005")
        #expect(payload["dueOn"] as? String == "2027-04-14")
        let after = try f.head()
        let again = try f.greffe(
            ["privacy", "erase-case", "2026-001", "--reason", "encore"], environment: Self.erasureDay)
        expectExit(again.status, .refused, "\(again.stderr)")
        #expect(again.stderr.contains("déjà effacés (le 2026-05-01)"), "\(again.stderr)")
        #expect(try f.head() == after)
    }

    @Test func R35_dueApplyErasesTheTextsOfEachCaseDue() throws {
        let f = try closedCase()
        let due = try f.greffe(["privacy", "due", "--as-of", "2027-04-14"], environment: Self.erasureDay)
        #expect(due.stdout.contains("textes du dossier 2026-001"), "\(due.stdout)")
        let applied = try f.greffe(
            ["privacy", "due", "--as-of", "2027-04-14", "--apply"], environment: Self.erasureDay)
        expectExit(applied.status, .ok, "\(applied.stderr)")
        #expect(applied.stdout.contains("Textes du dossier 2026-001 effacés (n° "), "\(applied.stdout)")
        let log = try f.greffe(["log", "show", "--json"])
        #expect(log.stdout.components(separatedBy: "\"type\":\"CaseTextsErased\"").count - 1 == 1)
        let again = try f.greffe(["privacy", "due", "--as-of", "2027-04-14"], environment: Self.erasureDay)
        #expect(!again.stdout.contains("textes du dossier 2026-001"), "\(again.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }
}
