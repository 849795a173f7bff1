import ArgumentParser
import Foundation
import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The agenda (overdue first, --within, iCalendar export), the case list's filters, and help on every command.
@Suite struct AgendaTests {
    /// The sample case (executed, appeal windows open) and a second case whose board meeting is overdue.
    func twoCases() throws -> CLIFixture {
        let f = try SampleCaseTests().sampleStore()
        let second = SampleCaseTests.examples.appendingPathComponent("dossier-en-cours.jsonl").path
        expectExit(try f.greffe(["apply", second]).status, .ok)
        return f
    }

    @Test func overdueFirstThenByDueDayAndWithin() throws {
        let f = try twoCases()
        let agenda = try f.greffe(["agenda", "--as-of", "2026-02-20"])
        expectExit(agenda.status, .ok)
        #expect(
            agenda.stdout == """
                2026-02-16  2026-002  R04  réunion du Conseil d'administration  — EN RETARD de 4 j
                2026-04-08  2026-002  R03  aboutir dans un délai maximal de 2 mois  — dans 47 j
                2026-04-13  2026-001  R23  recours de M0004  — dans 52 j
                2026-04-13  2026-001  R23  recours de M0005  — dans 52 j

                """)
        let soon = try f.greffe(["agenda", "--as-of", "2026-02-20", "--within", "14"])
        #expect(soon.stdout.split(separator: "\n").count == 1, "overdue items stay, later ones go: \(soon.stdout)")
        // After the appeal windows closed, the parties' windows leave the agenda; the association's duty stays overdue.
        let later = try f.greffe(["agenda", "--as-of", "2026-05-01", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [[String: Any]])
        // M0011 paid 2025 only: from 2026-03-02 (2.3's two months), their erasure is due work too (R35, article 6).
        #expect(items.map { $0["rule"] as? String } == ["R04", "R35", "R03"])
        #expect(items.first?["overdue"] as? Bool == true)
    }

    @Test func aLadderRecordsPendingMeasureIsOnTheAgendaToo() throws {
        let f = try twoCases()
        expectExit(try f.greffe(["rulebook", "adopt", "coopol-4", "--on", "2026-01-02"]).status, .ok)
        let incident = [
            "ladder", "incident", "M0009", "--channel", "plateforme", "--facts", "Commentaire injurieux",
            "--reported-by", "M0005", "--on", "2026-03-01"
        ]
        expectExit(try f.greffe(incident).status, .ok)
        let suspension = [
            "ladder", "measure", "M0009", "suspension", "--by", "coopilotes=M0003", "--until", "2026-04-20",
            "--reason", "injures", "--on", "2026-03-02"
        ]
        let suspended = try f.greffe(suspension)
        // coopol suspends on repeated breaches only: the first incident calls for a remark.
        expectExit(suspended.status, .refused, "\(suspended.stdout)")
        let remark = [
            "ladder", "measure", "M0009", "remarque", "--by", "secretaire-section=M0006", "--channel", "message",
            "--on", "2026-03-02"
        ]
        expectExit(try f.greffe(remark).status, .ok)
        expectExit(try f.greffe(incident.dropLast(2) + ["--on", "2026-03-20"]).status, .ok)
        let later =
            suspension.dropLast(4) + ["--reason", "manquements répétés", "--channel", "courriel", "--on", "2026-03-21"]
        let done = try f.greffe(Array(later))
        expectExit(done.status, .ok, "\(done.stderr)")
        let agenda = try f.greffe(["agenda", "--as-of", "2026-04-01", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [[String: Any]])
        let ladder = items.filter { ($0["subject"] as? String)?.hasPrefix("ladder coopol-4/M0009") == true }
        #expect(ladder.count == 1, "\(agenda.stdout)")
        #expect(ladder.first?["due"] as? String == "2026-04-20")
    }

    @Test func theICSFileParsesBackWithStableUIDs() throws {
        let f = try twoCases()
        let file = f.directory + "/greffe.ics"
        let exported = try f.greffe(["agenda", "--as-of", "2026-02-20", "--ics", file])
        expectExit(exported.status, .ok)
        let first = try String(contentsOfFile: file, encoding: .utf8)
        // RFC 5545: CRLF line ends, unfolded lines give one VEVENT per deadline with an all-day date.
        #expect(first.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(first.hasSuffix("END:VCALENDAR\r\n"))
        let unfolded = first.replacingOccurrences(of: "\r\n ", with: "")
        let lines = unfolded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 || !first.contains($0) }, "long lines are folded")
        let events = unfolded.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        #expect(events.count == 4)
        let fields = events.map { event -> [String: String] in
            var out: [String: String] = [:]
            for line in event.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                out[String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
            return out
        }
        #expect(fields.map { $0["DTSTART;VALUE=DATE"] } == ["20260216", "20260408", "20260413", "20260413"])
        #expect(fields.map { $0["DTEND;VALUE=DATE"] } == ["20260217", "20260409", "20260414", "20260414"])
        #expect(fields[0]["SUMMARY"] == "2026-002 R04 — réunion du Conseil d'administration")
        let uids = fields.compactMap { $0["UID"] }
        #expect(Set(uids).count == 4, "one UID per deadline, the two R23 windows included")
        // A later export of the same deadlines keeps the same UIDs, so a subscribed calendar updates them.
        expectExit(try f.greffe(["agenda", "--as-of", "2026-03-01", "--ics", file]).status, .ok)
        let again = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        for uid in uids { #expect(again.contains("UID:\(uid)")) }
    }

    @Test func casesFilterByState() throws {
        let f = try twoCases()
        let open = try f.greffe(["cases", "--state", "awaitingBoardMeeting"])
        #expect(open.stdout.hasPrefix("2026-002  plainte déposée"))
        #expect(open.stdout.split(separator: "\n").count == 1)
        #expect(try f.greffe(["cases", "--state", "open"]).stdout.split(separator: "\n").count == 2)
        #expect(try f.greffe(["cases", "--state", "closed"]).stdout == "(aucun dossier)\n")
        expectExit(try f.greffe(["cases", "--state", "nowhere"]).status, .usage)
    }

    @Test func everyCommandHasHelpWithAnExample() {
        func walk(_ command: any ParsableCommand.Type, _ path: [String]) -> [([String], any ParsableCommand.Type)] {
            let subcommands =
                command.configuration.subcommands
                + command.configuration.groupedSubcommands.flatMap(\.subcommands)
            return subcommands.isEmpty
                ? [(path, command)]
                : subcommands.flatMap {
                    walk($0, path + [$0._commandName])
                }
        }
        let leaves = walk(GreffeCommand.self, [])
        #expect(leaves.count > 45)
        for (path, command) in leaves {
            let help = command.helpMessage(columns: 120)
            #expect(
                help.contains("Exemple") || help.contains("Example"),
                "greffe \(path.joined(separator: " ")) has no example")
        }
    }
}
