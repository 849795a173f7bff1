import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 17: a configuration file in the usual place, so that a volunteer does not export variables in every shell.
@Suite struct ConfigurationCommandTests {
    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// `~/.config/greffe/config` gives the store, the recorder and the language; no option, no variable.
    @Test func theFileInTheUsualPlaceGivesStoreActorAndLanguage() throws {
        let f = CLIFixture()
        try write(
            """
            # Greffe, pour Nadia
            magasin = ~/registre     # le registre de l'association
            acteur = "M0001"
            langue = en
            """, to: f.directory + "/.config/greffe/config")
        let noActor = ["GREFFE_ACTOR": ""]
        expectExit(try f.greffe(["init"], withStore: false, environment: noActor).status, .ok)
        #expect(FileManager.default.fileExists(atPath: f.directory + "/registre/data.mdb"))
        let imported = try f.greffe(
            ["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"],
            withStore: false, environment: noActor)
        expectExit(imported.status, .ok, "\(imported.stderr)")
        let opened = try f.greffe(
            [
                "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004",
                "--victim", "M0005", "--facts", "Messages insultants.", "--motive", "insults",
                "--board-learned-on", "2026-01-04", "--on", "2026-01-05"
            ],
            withStore: false, environment: noActor)
        expectExit(opened.status, .ok, "\(opened.stderr)")
        let history = try f.greffe(["history", "2026-001", "--json"], withStore: false, environment: noActor)
        #expect(history.stdout.contains("M0001"), "the file's recorder signs the act: \(history.stdout)")
        // English, from the file: a refusal is in English.
        let missing = try f.greffe(["status", "2026-099"], withStore: false, environment: noActor)
        expectExit(missing.status, .notFound)
        #expect(missing.stderr.hasPrefix("greffe: "), "\(missing.stderr)")
    }

    /// The variable wins over the file, and the option over the variable.
    @Test func variablesAndOptionsOverrideTheFile() throws {
        let f = CLIFixture()
        try write("langue = en\nmagasin = /nonexistent/greffe\n", to: f.directory + "/xdg/greffe/config")
        let env = ["XDG_CONFIG_HOME": f.directory + "/xdg"]
        expectExit(try f.greffe(["init"], environment: env).status, .ok) // --store given: the option wins
        let french = try f.greffe(["status", "2026-099"], environment: env.merging(["GREFFE_LANG": "fr"]) { $1 })
        #expect(french.stderr.hasPrefix("greffe : "), "\(french.stderr)")
        let english = try f.greffe(["status", "2026-099"], environment: env)
        #expect(english.stderr.hasPrefix("greffe: "), "\(english.stderr)")
    }

    @Test func aMalformedFileStopsEveryCommandWithItsLineAndExit78() throws {
        let f = CLIFixture()
        let path = f.directory + "/conf"
        try write("langue = fr\ncouleur = bleu\n", to: path)
        let unknown = try f.greffe(["init"], environment: ["GREFFE_CONFIG": path])
        expectExit(unknown.status, .configuration)
        #expect(unknown.stderr.contains("\(path), ligne 2 : clé « couleur » inconnue"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.store), "nothing is done")
        try write("langue = klingon\n", to: path)
        let badValue = try f.greffe(["init"], environment: ["GREFFE_CONFIG": path])
        expectExit(badValue.status, .configuration)
        #expect(badValue.stderr.contains("valeur « klingon » refusée pour langue"), "\(badValue.stderr)")
        let absent = try f.greffe(["init"], environment: ["GREFFE_CONFIG": f.directory + "/none"])
        expectExit(absent.status, .notFound)
        #expect(absent.stderr.contains("fichier de configuration introuvable"))
    }

    /// `rappel = 7` in the file gives the calendar's reminders; `--alarm-days` still wins.
    @Test func theFilesReminderDaysReachTheCalendar() throws {
        let f = try CLIFixture.withSampleComplaint()
        try write("rappel = 7\n", to: f.directory + "/.config/greffe/config")
        expectExit(try f.greffe(["agenda", "--ics", f.directory + "/a.ics"]).status, .ok)
        let fromFile = try String(contentsOfFile: f.directory + "/a.ics", encoding: .utf8)
        #expect(fromFile.contains("TRIGGER:-P7D"), "\(fromFile)")
        expectExit(try f.greffe(["agenda", "--ics", f.directory + "/b.ics", "--alarm-days", "2"]).status, .ok)
        #expect(try String(contentsOfFile: f.directory + "/b.ics", encoding: .utf8).contains("TRIGGER:-P2D"))
        try write("rappel = 400\n", to: f.directory + "/.config/greffe/config")
        expectExit(try f.greffe(["agenda"]).status, .configuration)
    }
}
