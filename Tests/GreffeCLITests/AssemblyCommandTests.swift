import Foundation
import Testing

/// `greffe ga schedule` and `greffe ga docket` on the sample case.
@Suite struct AssemblyCommandTests {
    @Test func anAppealGoesToTheFirstGAWhoseAgendaWasNotFixedYet() throws {
        let f = try SampleCaseTests().sampleStore()
        #expect(try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-03-01", "--place", "Lyon"]).status == 0)
        #expect(try f.greffe(["ga", "schedule", "--on", "12/09/2026", "--scheduled-on", "2026-03-15"]).status == 0)
        let appeal = f.directory + "/appeal.jsonl"
        try "{\"case\":\"2026-001\",\"on\":\"2026-03-02\",\"as\":\"m002\",\"command\":{\"type\":\"appeal.lodge\",\"by\":\"m004\",\"companion\":\"Zoé\"}}\n"
            .write(toFile: appeal, atomically: true, encoding: .utf8)
        #expect(try f.greffe(["apply", appeal]).status == 0)

        let june = try f.greffe(["ga", "docket", "--for", "2026-06-01"])
        #expect(june.status == 0)
        #expect(june.stdout == "Assemblée générale du 2026-06-20 — Lyon (ordre du jour arrêté le 2026-03-01)\n  Aucune affaire disciplinaire.\n")

        let september = try f.greffe(["ga", "docket", "--for", "2026-07-01"])
        #expect(september.stdout.contains("2026-001 — recours de m004 le 2026-03-02 (délai : 2026-04-13), accompagné·e de Zoé"),
                "\(september.stdout)")
        #expect(september.stdout.contains("suspension en vigueur (R25) depuis le 2026-03-02"))
        #expect(september.stdout.contains("m007 (a siégé dans la cellule de crise)"))
        #expect(september.stdout.contains("m002 (rapporteur)"))

        let json = try f.greffe(["ga", "docket", "--for", "2026-07-01", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]]
        #expect(items?.count == 1)
        #expect((items?.first?["matter"] as? [String: Any])?["kind"] as? String == "appeal")
    }

    @Test func schedulingRefusalsAndAMissingGA() throws {
        let f = CLIFixture()
        #expect(try f.greffe(["init"]).status == 0)
        let none = try f.greffe(["ga", "docket", "--for", "2026-01-01"])
        #expect(none.status == 66)
        #expect(none.stderr.contains("aucune Assemblée programmée"))
        let past = try f.greffe(["ga", "schedule", "--on", "2026-01-01", "--scheduled-on", "2026-02-01"])
        #expect(past.status == 65)
        #expect(try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-02-01"]).status == 0)
        let twice = try f.greffe(["ga", "schedule", "--on", "2026-06-20", "--scheduled-on", "2026-02-02"])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("déjà programmée"))
    }
}
