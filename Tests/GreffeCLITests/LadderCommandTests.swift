import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// A shipped rulebook's file, from the package root (Tests/GreffeCLITests/LadderCommandTests.swift).
private let rulebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Registry/Rulebooks")

@Test func cli_rulebookValidateNamesThePathOfEachFaultAndExits65() throws {
    let f = CLIFixture()
    var object =
        try JSONSerialization.jsonObject(with: Data(contentsOf: rulebooks.appendingPathComponent("cle-5.2.json")))
        as? [String: Any] ?? [:]
    var measures = object["measures"] as? [[String: Any]] ?? []
    measures[2]["requires"] = [["measure": "convocaton"]]
    measures[0].removeValue(forKey: "en")
    object["measures"] = measures
    let bad = f.directory + "/bad.json"
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: bad))

    let refused = try f.greffe(["rulebook", "validate", bad], withStore: false)
    expectExit(refused.status, .refused)
    #expect(refused.stderr.contains("$.measures[0].en"), "\(refused.stderr)")

    measures[0]["en"] = "informal reminder"
    object["measures"] = measures
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: bad))
    let json = try f.greffe(["rulebook", "validate", bad, "--json"], withStore: false)
    expectExit(json.status, .refused)
    #expect(json.stdout.contains("\"path\":\"$.measures[2].requires[0].measure\""), "\(json.stdout)")

    let good = try f.greffe(
        ["rulebook", "validate", rulebooks.appendingPathComponent("aalmi-5.json").path], withStore: false)
    expectExit(good.status, .ok)
    #expect(good.stdout.contains("règlement valide — échelle aalmi-5 v1, 2 mesures"), "\(good.stdout)")
    let procedure = try f.greffe(
        ["rulebook", "validate", rulebooks.appendingPathComponent("cle-autistes-ri.json").path],
        withStore: false)
    expectExit(procedure.status, .ok)
    #expect(
        procedure.stdout.contains("règlement valide — procédure cle-autistes-ri v1, cellule de 3"),
        "\(procedure.stdout)")
}

@Test func cli_aalmiExclusionWithoutWarningIsRefusedWith65QuotingTheArticle() throws {
    // A ladder names a known person (rule person): the store holds the roster M0007 is on.
    let f = try CLIFixture.withRoster()
    let adopt = try f.greffe(["rulebook", "adopt", "aalmi-5", "--on", "2026-01-02", "--as", "M0001"])
    expectExit(adopt.status, .ok, "\(adopt.stderr)")
    #expect(adopt.stdout.hasPrefix("Règlement adopté : aalmi-5 v1 le 2026-01-02"))
    let incident = try f.greffe([
        "ladder", "incident", "M0007", "--facts", "Publicité commerciale", "--on", "2026-01-05"
    ]
    )
    #expect(
        incident.stdout == """
            Dossier d'échelle ouvert : Élise Fournier (M0007) sous aalmi-5 v1
            Incident n° 1 enregistré le 2026-01-05 : non-respect des dispositions de la charte

            """)
    let exclusion = [
        "ladder", "measure", "M0007", "exclusion", "--by", "administrateurs=M0001", "--by", "president=M0002",
        "--channel", "telephone", "--reason", "publicité", "--on", "2026-01-06"
    ]
    let refused = try f.greffe(exclusion)
    expectExit(refused.status, .refused)
    #expect(
        refused.stderr.contains("refusé — AALMI §5 (art. §5, 2- : « de l'exclusion d'un membre du groupe"),
        "\(refused.stderr)")
    #expect(refused.stderr.contains("« avertissement » au préalable"))
    #expect(refused.stderr.contains("Rien n'a été écrit."))
    let english = try f.greffe(exclusion + ["--lang", "en"])
    expectExit(english.status, .refused)
    #expect(english.stderr.contains("refused — AALMI §5 (art. §5, 2-"), "\(english.stderr)")
    #expect(english.stderr.contains("requires: a prior warning"))

    let harm = try f.greffe(exclusion + ["--exception", "nuisance-volontaire", "--json"])
    expectExit(harm.status, .ok, "\(harm.stderr)")
    #expect(harm.stdout.contains("\"stream\":\"ladder/aalmi-5/M0007\""))
    let status = try f.greffe(["ladder", "status", "M0007", "--as-of", "2026-01-06"])
    #expect(
        status.stdout.contains(
            "2026-01-06  exclusion du groupe (art. §5, 2-) — les administrateurs : Alice Martin (M0001), le Président de l'Association : Bruno Petit (M0002) — par appel téléphonique — exception : nuit volontairement au bon fonctionnement du groupe — motif : publicité"
        ), "\(status.stdout)")
}

@Test func cli_ladderHelpShowsExamples() throws {
    let f = CLIFixture()
    let help = try f.greffe(["ladder", "measure", "--help"], withStore: false)
    #expect(help.stdout.contains("Exemples :"))
    #expect(help.stdout.contains("--by"))
    let list = try f.greffe(["rulebook", "list"])
    #expect(list.stdout.contains("cle-5.2  v1  échelle  CLE Autistes"))
    #expect(list.stdout.contains("cle-autistes-ri  v1  procédure  CLE Autistes"))
}
