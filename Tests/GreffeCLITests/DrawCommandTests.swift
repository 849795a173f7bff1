import Foundation
import Testing

/// The crisis-cell draw through the command line: announced, performed, re-computed by `audit draw`.
@Suite struct DrawCommandTests {
    static var examples: URL { SampleCaseTests.examples }
    static let source = ["--source", "Loto FDJ du samedi 7 février 2026 : les 5 numéros", "--known-on", "2026-02-07"]

    /// The roster and the demo case up to the unanswered call (3 February 2026).
    func calledStore() throws -> CLIFixture {
        let f = CLIFixture()
        #expect(try f.greffe(["init"]).status == 0)
        #expect(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status == 0)
        let applied = try f.greffe(["apply", Self.examples.appendingPathComponent("demo-1-instruction.jsonl").path])
        #expect(applied.status == 0, "\(applied.stderr)")
        return f
    }

    func head(_ f: CLIFixture) throws -> String { try SampleCaseTests().head(f) }

    /// The whole demo case of scripts/demo.sh: instruction, the draw, the judgement, its execution.
    func demoStore() throws -> CLIFixture {
        let f = try calledStore()
        #expect(try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + Self.source).status == 0)
        #expect(try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status == 0)
        let applied = try f.greffe(["apply", Self.examples.appendingPathComponent("demo-2-jugement.jsonl").path])
        #expect(applied.status == 0, "\(applied.stderr)")
        return f
    }

    @Test func theDemoDrawIsAnnouncedPerformedAndRecomputed() throws {
        let f = try calledStore()
        let poolFile = f.directory + "/pool.txt"
        let announced = try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05", "--pool-file", poolFile] + Self.source)
        #expect(announced.status == 0, "\(announced.stderr)")
        #expect(announced.stdout.contains("liste : 7 membre(s) éligible(s), SHA-256 e5e30c0151401b7d3d468262f89023f0cec5cbfc7d3e3868e6ef8243feb7c71d"))
        // The pool file is what members hash with sha256sum: the eligible people, one id per line, in byte order.
        #expect(try String(contentsOfFile: poolFile, encoding: .utf8) == "m001\nm003\nm007\nm008\nm009\nm010\nm012\n")

        let drawn = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(drawn.stdout.contains("chaîne-clé : 3.11.17.25.38./"))
        #expect(drawn.stdout.contains("ordre : m008, m003, m012, m001, m009, m010, m007"))
        #expect(drawn.stdout.contains("convoqué·es (doivent répondre présent·es) : m008, m003, m012"))

        let applied = try f.greffe(["apply", Self.examples.appendingPathComponent("demo-2-jugement.jsonl").path])
        #expect(applied.status == 0, "\(applied.stderr)")
        let status = try f.greffe(["status", "2026-001", "--as-of", "2026-02-20"])
        #expect(status.stdout.contains("cellule de crise : Jules Bernard (m012), Alice Martin (m001), Gaëlle Simon (m009)"))

        let audit = try f.greffe(["audit", "draw", "2026-001"])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("0  MD5 E3E7042F589320863DF79B3EB2DD289F  mod 7 = 3  → n° 4 m008  ✓"))
        #expect(audit.stdout.contains("✓ recalculé à l'identique : 7 empreinte(s) comparée(s)"))
        #expect(audit.stdout.contains("✓ annoncé avant que les valeurs d'aléa soient publiques"))
    }

    @Test func drawRefusalsNameR15AndWriteNothing() throws {
        let f = try calledStore()
        let before = try head(f)
        let notAnnounced = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "1 2 3"])
        #expect(notAnnounced.status == 65)
        #expect(notAnnounced.stderr.contains("R15"))
        // A source already public on the announcement day could be picked after the fact.
        let known = try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-07"] + Self.source)
        #expect(known.status == 65)
        #expect(known.stderr.contains("R15"), "\(known.stderr)")
        #expect(try head(f) == before)

        #expect(try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + Self.source).status == 0)
        let announcedHead = try head(f)
        // The values are not public before the announced day.
        let early = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-06", "--entropy", "3 11 17 25 38"])
        #expect(early.status == 65)
        let twoSources = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "1", "--entropy", "2"])
        #expect(twoSources.status == 65)
        let unusable = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 trois"])
        #expect(unusable.status == 65)
        #expect(try head(f) == announcedHead)
        let usage = try f.greffe(["cell", "draw-announce", "2026-001", "--source", "sans date"])
        #expect(usage.status == 64)
    }

    @Test func aPracticeDrawIsShownAndNeverRecorded() throws {
        let f = try calledStore()
        #expect(try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + Self.source).status == 0)
        let before = try head(f)
        let practice = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--practice"])
        #expect(practice.status == 0, "\(practice.stderr)")
        #expect(practice.stdout.hasPrefix("TIRAGE D'ENTRAÎNEMENT (aléa local, non vérifiable) : RIEN n'est enregistré."))
        #expect(try head(f) == before)
        #expect(try f.greffe(["audit", "draw", "2026-001"]).stdout == "Aucun tirage au sort enregistré dans 2026-001.\n")
        // The real draw can still follow.
        #expect(try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status == 0)
    }
}
