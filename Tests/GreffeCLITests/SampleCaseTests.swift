import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The README's sample case, run through the built binary, and the bad inputs around it.
@Suite struct SampleCaseTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples")
    static var roster: String { examples.appendingPathComponent("adherents.csv").path }
    static var sampleCase: String { examples.appendingPathComponent("dossier-exemple.jsonl").path }
    static let today = ["GREFFE_TODAY": "2026-02-20"]

    /// A store with the sample roster and case.
    func sampleStore() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let imported = try f.greffe(["members", "import", Self.roster, "--on", "02/01/2026", "--as", "M0001"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(imported.stdout == "13 membre(s) concerné(s) dont 13 nouveau(x) ; 32 acte(s) enregistré(s).\n")
        let applied = try f.greffe(["apply", Self.sampleCase], environment: Self.today)
        expectExit(applied.status, .ok, "\(applied.stderr)")
        #expect(applied.stdout == "24 acte(s) appliqué(s), 0 déjà appliqué(s) et sauté(s).\n")
        return f
    }

    /// The head (sequence and hash) as `log verify --json` reports it.
    func head(_ f: CLIFixture) throws -> String { try f.head() }

    @Test func theSampleCaseRunsToExecution() throws {
        let f = try sampleStore()
        let status = try f.greffe(["status", "2026-001"], environment: Self.today)
        expectExit(status.status, .ok)
        let expected = """
            Dossier 2026-001 — jugement exécuté
              au 2026-02-20 ; ouvert le 2026-01-05
              règlement : cle-autistes-ri v1
              mis·e(s) en cause : Damien Roux (M0004)
              plaignant·e(s) : Carole Moreau (M0006)
              victime(s) : Vera Lefèvre (M0005)
              rapporteur : Bruno Petit (M0002)
              cellule de crise : Élise Fournier (M0007), Gaëlle Simon (M0009), Hugo Laurent (M0010)
              décision : avertissement (le 2026-02-11)
            """
        #expect(status.stdout.hasPrefix(expected), "\(status.stdout)")
        #expect(
            status.stdout.contains(
                "R14  nouvel appel après la révocation de M0008 — dû le 2026-02-12 — fait le 2026-02-06 (marge 6 j)"))
        #expect(status.stdout.contains("R03 (2 mois) : limite le 2026-03-04 ; conclu le 2026-02-11 ; marge 21 j"))

        let english = try f.greffe(["status", "2026-001", "--lang", "en"], environment: Self.today)
        #expect(english.stdout.hasPrefix("Case 2026-001 — "))

        let json = try f.greffe(["status", "2026-001", "--json"], environment: Self.today)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["cell"] as? [String] == ["M0007", "M0009", "M0010"])
        #expect((object["forecast"] as? [String: Any])?["slackDays"] as? Int == 21)

        let verified = try f.greffe(["log", "verify"])
        #expect(verified.stdout.hasPrefix("OK : 58 enregistrement(s) vérifié(s)"))
    }

    @Test func theSampleFilesFollowTheSchemas() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { Self.examples.appendingPathComponent($0).path }
        #expect(files.count >= 4)
        let script = Self.examples.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/validate_schemas.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--jsonl"] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains(", 0 errors"))
    }

    @Test func asOfShowsTheCaseAsItStoodThatDay() throws {
        let f = try sampleStore()
        let past = try f.greffe(["status", "2026-001", "--as-of", "25/01/2026"])
        expectExit(past.status, .ok)
        #expect(
            past.stdout.hasPrefix("Dossier 2026-001 — demande d'explication envoyée, réponse attendue\n  au 2026-01-25")
        )
        #expect(past.stdout.contains("suspension en vigueur (R07) depuis le 2026-01-09"))
        #expect(
            past.stdout.contains(
                "R10  accusé de réception et première réponse de la personne mise en cause — dû le 2026-02-06 — ouvert, 12 j restant(s)"
            ))
        #expect(!past.stdout.contains("  cellule de crise : "))
    }

    @Test func applyingTheSameFileTwiceAppliesNothingTwice() throws {
        let f = try sampleStore()
        let before = try head(f)
        let again = try f.greffe(["apply", Self.sampleCase], environment: Self.today)
        expectExit(again.status, .ok)
        #expect(again.stdout == "0 acte(s) appliqué(s), 24 déjà appliqué(s) et sauté(s).\n")
        #expect(try head(f) == before)
        let reimported = try f.greffe(["members", "import", Self.roster])
        #expect(reimported.stdout == "Aucun changement : la liste est déjà à jour.\n")
        #expect(try head(f) == before)
    }

    @Test func aSecondRecusalBySameePartyIsRefusedAndWritesNothing() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", Self.roster, "--on", "2026-01-02"]).status, .ok)
        // The sample case up to the accused's recusal of M0008 (line 14).
        let lines = try String(contentsOfFile: Self.sampleCase, encoding: .utf8).split(separator: "\n")
        let firstPart = f.directory + "/first-part.jsonl"
        try lines.prefix(14).joined(separator: "\n").write(toFile: firstPart, atomically: true, encoding: .utf8)
        expectExit(try f.greffe(["apply", firstPart]).status, .ok)
        let before = try head(f)

        let file = f.directory + "/second-recusal.jsonl"
        try """
        {"case":"2026-001","on":"2026-02-05","as":"M0002","command":{"type":"cell.volunteer","commandId":"x-1","member":"M0012"}}
        {"case":"2026-001","on":"2026-02-05","as":"M0002","command":{"type":"cell.recuse","commandId":"x-2","by":"M0004","member":"M0009"}}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try f.greffe(["apply", file])
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("ligne 2 : refusé — R14 (art. 5.6.9)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Rien n'a été écrit"))
        // Line 1 (a volunteer) stays applied; line 2 wrote nothing.
        let after = try head(f)
        #expect(after.hasPrefix("\(Int(before.prefix { $0 != " " })! + 1) "), "\(before) → \(after)")
        expectExit(try f.greffe(["apply", file]).status, .refused)
        #expect(try head(f) == after)
    }

    @Test func badInputsHaveClearMessagesDocumentedCodesAndWriteNothing() throws {
        let f = try sampleStore()
        let before = try head(f)

        let unknownCase = try f.greffe(["status", "2026-099"])
        expectExit(unknownCase.status, .notFound)
        #expect(unknownCase.stderr.contains("dossier inconnu : 2026-099"))

        let badDate = try f.greffe(["status", "2026-001", "--as-of", "31/02/2026"])
        expectExit(badDate.status, .usage)
        #expect(badDate.stderr.contains("as-of"))

        let badLine = f.directory + "/bad.jsonl"
        try "{\"case\":\"2026-001\",\"on\":\"2026-02-14\",\"as\":\"M0002\",\"command\":{\"type\":\"cell.levitate\"}}\n"
            .write(toFile: badLine, atomically: true, encoding: .utf8)
        let malformed = try f.greffe(["apply", badLine])
        expectExit(malformed.status, .refused)
        #expect(malformed.stderr.contains("ligne 1 : JSON invalide"), "\(malformed.stderr)")
        #expect(malformed.stderr.contains("cell.levitate"))

        let badRoster = f.directory + "/roster.csv"
        try "id,nom,courriel,cotisation\nm020,Zoé,zoe@exemple.org,2026\nm021,,yann@exemple.org,2026\n"
            .write(toFile: badRoster, atomically: true, encoding: .utf8)
        let rosterRefused = try f.greffe(["members", "import", badRoster])
        expectExit(rosterRefused.status, .refused)
        #expect(rosterRefused.stderr.contains("ligne 3, name : nom vide"), "\(rosterRefused.stderr)")
        expectExit(try f.greffe(["members", "show", "M0020"]).status, .notFound)

        let missingFile = try f.greffe(["apply", f.directory + "/nope.jsonl"])
        expectExit(missingFile.status, .notFound)

        #expect(try head(f) == before)
    }

    @Test func membersListShowsWhoMaySitAndWhyNot() throws {
        let f = try sampleStore()
        let list = try f.greffe(["members", "list", "--eligible-for", "2026-001", "--on", "2026-02-05"])
        expectExit(list.status, .ok)
        #expect(
            list.stdout.contains(
                "M0002  Bruno Petit  réf. m002  cotisation 2025,2026  CA  exclu·e : R13 M0002 n'est pas indépendant·e de la situation (rapporteur)"
            ))
        #expect(
            list.stdout.contains(
                "M0011  Inès Garcia  réf. m011  cotisation 2025  exclu·e : R13 M0011 n'est pas à jour de cotisation pour l'année 2026"
            ))
        #expect(
            list.stdout.contains(
                "M0008  Farid Benali  réf. m008  cotisation 2026  exclu·e : R14 M0008 a été révoqué·e par une partie"))
        let show = try f.greffe(["members", "show", "M0007"])
        #expect(show.stdout.contains("jugements rendus (R17) : 1/3 (2026-001)"))
    }
}

extension SampleCaseTests {
    @Test func historyShowsEachActInWordsWithItsDayAndItsRecording() throws {
        let f = try sampleStore()
        let history = try f.greffe(["history", "2026-001"])
        expectExit(history.status, .ok)
        let lines = history.stdout.split(separator: "\n")
        #expect(
            lines.count == 52,
            "26 events (24 acts: the meeting also designates the rapporteur, the consensus is the judgement), two lines each"
        )
        #expect(
            lines.first?.hasPrefix("#33  2026-01-05  Plainte déposée contre Damien Roux (M0004)") == true,
            "\(lines.first ?? "")")
        #expect(lines.dropFirst().first?.contains("ComplaintFiled v1, enregistré par Alice Martin (M0001) le ") == true)
        #expect(
            history.stdout.contains("Damien Roux (M0004) révoque Farid Benali (M0008) de la cellule"),
            "\(history.stdout)"
        )
    }
}
