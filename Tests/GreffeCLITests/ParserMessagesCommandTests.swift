import Discipline
import Foundation
@testable import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 17: a mistyped subcommand gets "did you mean", and the parser's own errors speak the user's language.
@Suite struct ParserMessagesCommandTests {
    @Test func aMistypedSubcommandGetsTheNearestOnesInFrenchAndEnglish() throws {
        let f = CLIFixture()
        let french = try f.greffe(["statuss"], withStore: false)
        expectExit(french.status, .usage)
        #expect(
            french.stderr.contains(
                "« statuss » n'est pas une sous-commande de « greffe ». Vouliez-vous dire « status » ?"),
            "\(french.stderr)")
        let withCase = try f.greffe(["statuss", "2026-001"], withStore: false)
        #expect(withCase.stderr.contains("2 arguments inattendus : 'statuss', '2026-001'"), "\(withCase.stderr)")
        #expect(withCase.stderr.contains("Vouliez-vous dire « status » ?"), "\(withCase.stderr)")
        let nested = try f.greffe(["cell", "drwa"], withStore: false, environment: ["GREFFE_LANG": "en"])
        expectExit(nested.status, .usage)
        #expect(
            nested.stderr.contains("'drwa' is not a subcommand of 'greffe cell'. Did you mean 'draw'?"),
            "\(nested.stderr)")
    }

    @Test func theParsersOwnErrorsAreInFrenchByDefault() throws {
        let f = CLIFixture()
        let value = try f.greffe(["evidence", "2026-001", "--kind", "foo", "--description", "x"])
        expectExit(value.status, .usage)
        #expect(
            value.stderr.hasPrefix("Erreur : la valeur « foo » n'est pas valable pour « --kind <nature> »"),
            "\(value.stderr)")
        #expect(value.stderr.contains("Valeurs possibles :"))
        let option = try f.greffe(["status", "2026-001", "--bogus"])
        expectExit(option.status, .usage)
        #expect(option.stderr.contains("option inconnue « --bogus »"), "\(option.stderr)")
        #expect(option.stderr.contains("Voir « greffe status --help » pour en savoir plus."))
        #expect(!option.stderr.contains("Error:"))
        let missing = try f.greffe(["evidence"], withStore: false)
        #expect(missing.stderr.contains("argument obligatoire manquant : « <dossier> »"), "\(missing.stderr)")
        let english = try f.greffe(["status", "2026-001", "--bogus", "--lang", "en"])
        #expect(english.stderr.hasPrefix("Error: Unknown option '--bogus'"), "\(english.stderr)")
    }

    @Test func helpAndVersionAreStillTheParsers() throws {
        let f = CLIFixture()
        let version = try f.greffe(["--version"], withStore: false)
        expectExit(version.status, .ok)
        #expect(version.stdout.hasPrefix("0."))
        let help = try f.greffe(["status", "--help"], withStore: false)
        expectExit(help.status, .ok)
        #expect(help.stdout.contains("USAGE"))
    }

    @Test func nearestNamesAreByEditDistance() {
        #expect(ParserMessages.distance("drwa", "draw") == 1)
        #expect(ParserMessages.unknownSubcommand("histroy", in: ["histroy"])?.suggestions.first == "history")
        #expect(ParserMessages.unknownSubcommand("zzzzzzzz", in: ["zzzzzzzz"])?.suggestions == [])
        #expect(ParserMessages.unknownSubcommand("2026-001", in: ["status", "2026-001"]) == nil)
    }
}

/// Issue 17: the closed lists of the acts are typed in French as well as in English.
@Suite struct FrenchArgumentTests {
    @Test func frenchWordsAreAcceptedWithoutCaseOrAccentsAndOfferedInTheHelp() {
        #expect(Evidence.Kind(argument: "témoignage") == .testimony)
        #expect(Evidence.Kind(argument: "Temoignage") == .testimony)
        #expect(Evidence.Kind(argument: "testimony") == .testimony)
        #expect(Evidence.Kind(argument: "capture") == .screenshot)
        #expect(Evidence.Kind(argument: "photo") == nil)
        #expect(AnswerForm(argument: "écrit") == .written)
        #expect(CallChannel(argument: "en ligne") == .online)
        #expect(NotificationChannel(argument: "message-privé") == .dm)
        #expect(DemandOrigin(argument: "conseil") == .board)
        #expect(Evidence.Kind.allValueStrings.contains("témoignage"))
        #expect(!Evidence.Kind.allValueStrings.contains("testimony"))
    }

    @Test func anActTypedInFrenchIsRecorded() throws {
        let f = try CLIFixture.withSampleComplaint()
        expectExit(
            try f.greffe([
                "meeting", "2026-001", "--attendee", "M0001", "--attendee", "M0002", "--rapporteur", "M0002",
                "--on", "2026-01-09"
            ]).status, .ok)
        let evidence = try f.greffe([
            "evidence", "2026-001", "--kind", "témoignage", "--witness", "M0011",
            "--description", "Témoignage écrit", "--on", "2026-01-12", "--as", "M0002"
        ])
        expectExit(evidence.status, .ok, "\(evidence.stderr)")
        let history = try f.greffe(["history", "2026-001", "--json"])
        #expect(history.stdout.contains("\"testimony\""), "stored as the domain's value: \(history.stdout)")
        let wrong = try f.greffe(["evidence", "2026-001", "--kind", "photo", "--description", "x"])
        expectExit(wrong.status, .usage)
        #expect(wrong.stderr.contains("témoignage"), "\(wrong.stderr)")
    }
}
