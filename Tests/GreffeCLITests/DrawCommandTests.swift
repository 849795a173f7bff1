import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The crisis-cell draw through the command line: announced, performed, re-computed by `audit draw`.
@Suite struct DrawCommandTests {
    static var examples: URL { SampleCaseTests.examples }
    static let source = ["--source", "Loto FDJ du samedi 7 février 2026 : les 5 numéros", "--known-on", "2026-02-07"]

    /// The roster and the demo case up to the unanswered call (3 February 2026).
    func calledStore() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status, .ok)
        let applied = try f.greffe(["apply", Self.examples.appendingPathComponent("demo-1-instruction.jsonl").path])
        expectExit(applied.status, .ok, "\(applied.stderr)")
        return f
    }

    func head(_ f: CLIFixture) throws -> String { try SampleCaseTests().head(f) }

    /// The whole demo case of scripts/demo.sh: instruction, the draw, the judgement, its execution.
    func demoStore() throws -> CLIFixture {
        let f = try calledStore()
        expectExit(try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + Self.source).status, .ok)
        expectExit(
            try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status, .ok)
        let applied = try f.greffe(["apply", Self.examples.appendingPathComponent("demo-2-jugement.jsonl").path])
        expectExit(applied.status, .ok, "\(applied.stderr)")
        return f
    }

    @Test func theDemoDrawIsAnnouncedPerformedAndRecomputed() throws {
        let f = try calledStore()
        let poolFile = f.directory + "/pool.txt"
        let namesFile = f.directory + "/pool-names.txt"
        let announced = try f.greffe(
            [
                "cell", "draw-announce", "2026-001", "--on", "2026-02-05", "--pool-file", poolFile,
                "--pool-names", namesFile
            ] + Self.source)
        expectExit(announced.status, .ok, "\(announced.stderr)")
        #expect(
            announced.stdout.contains(
                "liste : 7 membre(s) éligible(s), SHA-256 5638331e6c8d4ee059c33dd1e53e26a58921cecafcb1f306ea6bde65d50b7e33"
            ))
        // The pool file is what members hash with sha256sum: the eligible people, one id per line, in byte order.
        #expect(
            try String(contentsOfFile: poolFile, encoding: .utf8) == "M0001\nM0003\nM0007\nM0008\nM0009\nM0010\nM0012\n"
        )
        // The same list to read, each id with the name.
        #expect(
            try String(contentsOfFile: namesFile, encoding: .utf8).hasPrefix(
                "M0001 Alice Martin\nM0003 Chloé Durand\nM0007 Élise Fournier\n"))

        let drawn = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"])
        expectExit(drawn.status, .ok, "\(drawn.stderr)")
        #expect(drawn.stdout.contains("chaîne-clé : 3.11.17.25.38./"))
        #expect(
            drawn.stdout.contains(
                "ordre : Farid Benali (M0008), Chloé Durand (M0003), Jules Bernard (M0012), Alice Martin (M0001), "
                    + "Gaëlle Simon (M0009), Hugo Laurent (M0010), Élise Fournier (M0007)"), "\(drawn.stdout)")
        #expect(
            drawn.stdout.contains(
                "convoqué·es (doivent répondre présent·es) : Farid Benali (M0008), Chloé Durand (M0003), Jules Bernard (M0012)"
            ))

        let applied = try f.greffe(["apply", Self.examples.appendingPathComponent("demo-2-jugement.jsonl").path])
        expectExit(applied.status, .ok, "\(applied.stderr)")
        let status = try f.greffe(["status", "2026-001", "--as-of", "2026-02-20"])
        #expect(
            status.stdout.contains(
                "cellule de crise : Jules Bernard (M0012), Alice Martin (M0001), Gaëlle Simon (M0009)"))

        let audit = try f.greffe(["audit", "draw", "2026-001"])
        expectExit(audit.status, .ok)
        #expect(
            audit.stdout.contains("0  MD5 E3E7042F589320863DF79B3EB2DD289F  mod 7 = 3  → n° 4 Farid Benali (M0008)  ✓"),
            "\(audit.stdout)")
        #expect(audit.stdout.contains("✓ recalculé à l'identique : 7 empreinte(s) comparée(s)"))
        #expect(audit.stdout.contains("✓ annoncé avant que les valeurs d'aléa soient publiques"))
    }

    @Test func drawRefusalsNameR15AndWriteNothing() throws {
        let f = try calledStore()
        let before = try head(f)
        let notAnnounced = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "1 2 3"])
        expectExit(notAnnounced.status, .refused)
        #expect(notAnnounced.stderr.contains("R15"))
        // A source already public on the announcement day could be picked after the fact.
        let known = try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-07"] + Self.source)
        expectExit(known.status, .refused)
        #expect(known.stderr.contains("R15"), "\(known.stderr)")
        #expect(try head(f) == before)

        expectExit(try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + Self.source).status, .ok)
        let announcedHead = try head(f)
        // The values are not public before the announced day.
        let early = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-06", "--entropy", "3 11 17 25 38"])
        expectExit(early.status, .refused)
        let twoSources = try f.greffe([
            "cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "1", "--entropy", "2"
        ])
        expectExit(twoSources.status, .refused)
        let unusable = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 trois"])
        expectExit(unusable.status, .refused)
        #expect(try head(f) == announcedHead)
        let usage = try f.greffe(["cell", "draw-announce", "2026-001", "--source", "sans date"])
        expectExit(usage.status, .usage)
    }

    @Test func aPracticeDrawIsShownAndNeverRecorded() throws {
        let f = try calledStore()
        expectExit(try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + Self.source).status, .ok)
        let before = try head(f)
        let practice = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--practice"])
        expectExit(practice.status, .ok, "\(practice.stderr)")
        #expect(
            practice.stdout.hasPrefix("TIRAGE D'ENTRAÎNEMENT (aléa local, non vérifiable) : RIEN n'est enregistré."))
        #expect(try head(f) == before)
        #expect(
            try f.greffe(["audit", "draw", "2026-001"]).stdout == "Aucun tirage au sort enregistré dans 2026-001.\n")
        // The real draw can still follow.
        expectExit(
            try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status, .ok)
    }
}
