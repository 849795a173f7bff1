import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// `greffe ga schedule` and `greffe ga docket` on the sample case.
@Suite struct AssemblyCommandTests {
    @Test func anAppealGoesToTheFirstGAWhoseAgendaWasNotFixedYet() throws {
        let f = try SampleCaseTests().sampleStore()
        expectExit(
            try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-01", "--place", "Lyon"])
                .status, .ok)
        expectExit(try f.greffe(["ga", "schedule", "--on", "12/09/2026", "--scheduled-on", "2026-03-15"]).status, .ok)
        let appeal = f.directory + "/appeal.jsonl"
        try
            "{\"case\":\"2026-001\",\"on\":\"2026-03-02\",\"as\":\"M0002\",\"command\":{\"type\":\"appeal.lodge\",\"by\":\"M0004\",\"companion\":\"Zoé\"}}\n"
            .write(toFile: appeal, atomically: true, encoding: .utf8)
        expectExit(try f.greffe(["apply", appeal]).status, .ok)

        let june = try f.greffe(["ga", "docket", "--for", "2026-06-01"])
        expectExit(june.status, .ok)
        #expect(
            june.stdout
                == "Assemblée générale du 2026-06-20 — Lyon (ordre du jour arrêté le 2026-03-01)\n  Aucune affaire disciplinaire.\n"
        )

        let september = try f.greffe(["ga", "docket", "--for", "2026-07-01"])
        #expect(
            september.stdout.contains(
                "2026-001 — recours de Damien Roux (M0004) le 2026-03-02 (délai : 2026-04-13), accompagné·e de Zoé"),
            "\(september.stdout)")
        #expect(september.stdout.contains("suspension en vigueur (R25) depuis le 2026-03-02"))
        #expect(
            september.stdout.contains("Élise Fournier (M0007) — a siégé dans la cellule de crise"),
            "\(september.stdout)"
        )
        #expect(september.stdout.contains("Bruno Petit (M0002) — rapporteur"))

        let json = try f.greffe(["ga", "docket", "--for", "2026-07-01", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]]
        #expect(items?.count == 1)
        #expect((items?.first?["matter"] as? [String: Any])?["kind"] as? String == "appeal")
    }

    @Test func schedulingRefusalsAndAMissingGA() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let none = try f.greffe(["ga", "docket", "--for", "2026-01-01"])
        expectExit(none.status, .notFound)
        #expect(none.stderr.contains("aucune Assemblée programmée"))
        let past = try f.greffe(["ga", "schedule", "--on", "2026-01-01", "--scheduled-on", "2026-02-01"])
        expectExit(past.status, .refused)
        expectExit(try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-02-01"]).status, .ok)
        let twice = try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-02-02"])
        expectExit(twice.status, .refused)
        #expect(twice.stderr.contains("déjà programmée"))
    }
}
