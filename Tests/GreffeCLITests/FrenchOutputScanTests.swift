import ArgumentParser
import Discipline
import Documents
import Foundation
@testable import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Every French output of a complete case, a ladder and the paths, scanned for the English ids of the closed lists,
/// the ids of a rulebook's exceptions and the ambiguous `02/03/2026`; the commands the agenda and the calendar
/// suggest parse with the command's own parser.
@Suite struct FrenchOutputScanTests {
    static let root = SampleCaseTests.examples.deletingLastPathComponent().deletingLastPathComponent()

    /// The ids of every exception of the shipped ladder rulebooks (`nuisance-volontaire`): an output shows the
    /// exception's label, never its id.
    static func exceptionIDs() throws -> [String] {
        let folder = root.appendingPathComponent("Sources/Registry/Rulebooks")
        var ids: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let book = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            for measure in book?["measures"] as? [[String: Any]] ?? [] {
                for exception in measure["exceptions"] as? [[String: Any]] ?? [] {
                    if let id = exception["id"] as? String { ids.append(id) }
                }
            }
        }
        return ids
    }

    /// The outputs (name → stdout and stderr) of a ladder with an exception and of every path, in `language`.
    func ladderAndPathOutputs(_ language: String) throws -> [String: String] {
        let f = try CLIFixture.withRoster()
        var outputs: [String: String] = [:]
        func run(_ name: String, _ arguments: [String], status: ExitCode = .success) throws {
            let done = try f.greffe(arguments + ["--lang", language], environment: ["GREFFE_TODAY": "2026-06-30"])
            #expect(done.status == status.rawValue, "\(arguments): \(done.stderr)")
            outputs[name] = done.stdout + done.stderr
        }
        try run("adopt aalmi", ["rulebook", "adopt", "aalmi-5", "--on", "2026-01-02"])
        try run("incident", ["ladder", "incident", "m008", "--facts", "200 messages", "--on", "2026-03-01"])
        try run(
            "exclusion",
            [
                "ladder", "measure", "m008", "exclusion", "--by", "administrateurs=m001", "--by", "president=m002",
                "--channel", "courriel", "--exception", "nuisance-volontaire", "--reason", "nuit au groupe",
                "--on", "2026-03-01"
            ])
        try run("ladder status", ["ladder", "status", "m008", "--as-of", "2026-03-02"])
        let access = f.directory + "/acces-m008.md"
        try run("access", ["privacy", "access", "m008", "--out", access, "--format", "md"])
        outputs["access document"] = try String(contentsOfFile: access, encoding: .utf8)
        try run(
            "mediation open",
            ["mediation", "open", "--party", "m004", "--party", "m007", "--facts", "Désaccord", "--on", "2026-03-02"])
        try run(
            "mediation name",
            ["mediation", "name", "2026-M001", "--mediator", "m009", "--by", "conseil", "--on", "2026-03-05"])
        try run("mediation status", ["mediation", "status", "2026-M001"])
        try run(
            "revocation open",
            [
                "revocation", "open", "--holder", "m003", "--role", "board-member", "--ground", "silence",
                "--silent-since", "2026-01-02", "--facts", "Silence", "--on", "2026-03-05"
            ])
        try run("revocation status", ["revocation", "status", "2026-R001"])
        try run("notice", ["members", "notice", "m011", "--year", "2026", "--on", "2026-01-10"])
        try run(
            "ga request",
            [
                "ga", "request", "--signatory", "m004", "--signatory", "m005", "--signatory", "m006", "--signatory",
                "m007", "--motive", "defiance", "--on", "2026-03-23"
            ])
        try run("agenda", ["agenda", "--as-of", "2026-03-24"])
        try run("resign", ["members", "resign", "m002", "--via", "courriel", "--on", "2026-03-26"])
        try run("show m002", ["members", "show", "m002"])
        try run("verify", ["audit", "verify"])
        return outputs
    }

    @Test func frenchOutputsOfACaseALadderAndThePathsShowNoEnglishIdNorExceptionIdNorSlashedDay() throws {
        let exceptions = try Self.exceptionIDs()
        #expect(exceptions.contains("nuisance-volontaire"))
        let (_, caseOutputs) = try FrenchOutputTests().fullCaseOutputs("fr")
        let outputs = caseOutputs.merging(try ladderAndPathOutputs("fr")) { a, _ in a }
        for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
            #expect(
                FrenchOutputTests.englishIDs(in: text).isEmpty,
                "\(name): \(FrenchOutputTests.englishIDs(in: text))\n\(text)")
            let withoutCommands = text.replacingOccurrences(
                of: "greffe [^\n)»`]*", with: "", options: .regularExpression)
            for id in exceptions { #expect(!withoutCommands.contains(id), "\(name): \(id)\n\(text)") }
            let slashed = text.range(of: "[0-9]{2}/[0-9]{2}/[0-9]{4}", options: .regularExpression).map {
                String(text[$0])
            }
            #expect(slashed == nil, "\(name): \(slashed ?? "")\n\(text)")
        }
        // The label is there instead of the id.
        let label = "nuit volontairement au bon fonctionnement du groupe"
        #expect(outputs["exclusion"]?.contains("exception : \(label)") == true, "\(outputs["exclusion"] ?? "")")
        #expect(outputs["ladder status"]?.contains("exception : \(label)") == true, "\(outputs["ladder status"] ?? "")")
    }

    @Test func englishOutputsOfTheLadderAndThePathsNeverWriteAnAmbiguousDay() throws {
        let outputs = try ladderAndPathOutputs("en")
        for (name, text) in outputs.sorted(by: { $0.key < $1.key }) where name != "access document" {
            let slashed = text.range(of: "[0-9]{2}/[0-9]{2}/[0-9]{4}", options: .regularExpression).map {
                String(text[$0])
            }
            #expect(slashed == nil, "\(name): \(slashed ?? "")\n\(text)")
        }
        #expect(outputs["exclusion"]?.contains("exception: deliberately harms the running of the group") == true)
    }

    // MARK: Suggested command lines

    /// `line` with its placeholders filled in (the words in capitals the user types), split as a shell would.
    static func arguments(_ line: String) -> [String] {
        let filled = [
            "JOUR": "2026-01-01", "DAY": "2026-01-01", "MEMBRE": "m001", "MEMBER": "m001", "TEXTE": "x", "TEXT": "x",
            "SANCTION": "warning", "N": "1"
        ]
        var words: [String] = []
        var current = "", quoted = false, any = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                any = true
            } else if character == " ", !quoted {
                if any || !current.isEmpty { words.append(current) }
                current = ""
                any = false
            } else {
                current.append(character)
            }
        }
        if any || !current.isEmpty { words.append(current) }
        return words.map { filled[$0] ?? $0 }
    }

    /// Parses `line` (« greffe … ») with greffe's own parser; nil when it parses, else the error.
    static func parseError(_ line: String) -> String? {
        let words = arguments(line)
        guard words.first == "greffe" else { return "not a greffe command line" }
        do {
            _ = try GreffeCommand.parseAsRoot(Array(words.dropFirst()))
            return nil
        } catch {
            return GreffeCommand.message(for: error)
        }
    }

    @Test func theCommandsTheCalendarSuggestsParse() throws {
        var entries = RuleID.allCases.map {
            CalendarEntry(
                subject: "2026-001", rule: $0.rawValue, labelFr: "x", labelEn: "x", due: d("2026-03-02"), uid: "u")
        }
        for subject in [
            "mediation 2026-M001", "revocation 2026-R001", "request 2026-D001", "amendment 2026-A001",
            "assembly-request 2026-A001", "dues m011 2026", "case 2026-001", "ladder aalmi-5/m008", "AG 2026-06-20",
            "privacy member m011", "privacy case 2026-001"
        ] {
            entries.append(
                CalendarEntry(subject: subject, rule: "R30", labelFr: "x", labelEn: "x", due: d("2026-03-02"), uid: "u")
            )
        }
        for entry in entries {
            for language in DocumentLanguage.allCases {
                let line = entry.nextCommand(language)
                #expect(
                    Self.parseError(line) == nil,
                    "\(entry.subject) \(entry.rule): \(line): \(Self.parseError(line) ?? "")")
            }
        }
        #expect(Self.parseError("greffe status dues m011 2026") != nil)
    }

    /// The agenda of every path and its calendar: each command they suggest (« (greffe …) », « Commande suivante »)
    /// parses.
    @Test func theCommandsTheAgendaAndItsCalendarSuggestParse() throws {
        let f = try CLIFixture.withRoster()
        let today = ["GREFFE_TODAY": "2026-04-30"]
        for arguments in [
            ["members", "notice", "m011", "--year", "2026", "--on", "2026-01-10"],
            ["mediation", "open", "--party", "m004", "--party", "m007", "--facts", "Désaccord", "--on", "2026-03-02"],
            [
                "revocation", "open", "--holder", "m003", "--role", "board-member", "--ground", "silence",
                "--silent-since", "2026-01-02", "--facts", "Silence", "--on", "2026-03-05"
            ],
            [
                "ga", "request", "--signatory", "m004", "--signatory", "m005", "--signatory", "m006", "--signatory",
                "m007", "--motive", "defiance", "--on", "2026-03-23"
            ],
            [
                "complaint", "--via", "ticket", "--complainant", "m006", "--accused", "m004", "--victim", "m005",
                "--facts", "Messages.", "--motive", "insults", "--board-learned-on", "2026-03-04", "--on", "2026-03-05"
            ],
            ["members", "resign", "m004", "--via", "courriel", "--on", "2026-03-06"]
        ] {
            let done = try f.greffe(arguments, environment: today)
            #expect(done.status == 0, "\(arguments): \(done.stderr)")
        }
        for language in ["fr", "en"] {
            let ics = f.directory + "/agenda-\(language).ics"
            let agenda = try f.greffe(
                ["agenda", "--as-of", "2026-04-30", "--ics", ics, "--lang", language], environment: today)
            expectExit(agenda.status, .ok, "\(agenda.stderr)")
            var lines: [String] = []
            for match in agenda.stdout.matches(of: /\((greffe [^)]*)\)/) { lines.append(String(match.1)) }
            let calendar = try String(contentsOfFile: ics, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
            for match in calendar.matches(of: /Commande suivante : (greffe [^\r\\]*)/) { lines.append(String(match.1)) }
            for match in calendar.matches(of: /Next command: (greffe [^\r\\]*)/) { lines.append(String(match.1)) }
            #expect(lines.count >= 5, "\(agenda.stdout)\n\(calendar)")
            #expect(!calendar.contains("greffe status dues"), "\(calendar)")
            for line in lines { #expect(Self.parseError(line) == nil, "\(line): \(Self.parseError(line) ?? "")") }
        }
    }
}
