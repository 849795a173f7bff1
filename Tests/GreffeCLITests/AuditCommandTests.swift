import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 6 through the built binary: audit verify, keygen, checkpoint, report, replay, export.
@Suite struct AuditCommandTests {
    /// The store of scripts/demo.sh: roster, instruction, draw, judgement, second case. With `vote`, the cell decides
    /// by a vote (M0012 and M0001 for A, M0009 for B) instead of by consensus.
    func demoStore(vote: Bool = false) throws -> CLIFixture {
        let f = try DrawCommandTests().calledStore()
        expectExit(
            try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + DrawCommandTests.source).status,
            .ok)
        expectExit(
            try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "3 11 17 25 38"]).status, .ok)
        for file in ["demo-2-jugement.jsonl", "dossier-en-cours.jsonl"] {
            var path = SampleCaseTests.examples.appendingPathComponent(file).path
            if vote && file == "demo-2-jugement.jsonl" {
                let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
                    line.contains("\"cell.consensus\"") ? Self.voteLine : String(line)
                }
                path = f.directory + "/jugement-par-vote.jsonl"
                try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            let applied = try f.greffe(["apply", path])
            expectExit(applied.status, .ok, "\(applied.stderr)")
        }
        return f
    }

    static let voteLine =
        #"{"case":"2026-001","on":"2026-02-14","as":"M0002","command":{"type":"cell.vote","commandId":"demo-19","proposals":[{"id":"A","sanctions":["warning"]},{"id":"B","sanctions":["mediation"]}],"ballots":[{"member":"M0012","option":"A"},{"member":"M0001","option":"A"},{"member":"M0009","option":"B"}]}}"#

    @Test func verifyReportsEveryCheckWithCounts() throws {
        let f = try demoStore()
        let verified = try f.greffe(["audit", "verify"])
        expectExit(verified.status, .ok, "\(verified.stderr)")
        #expect(verified.stderr.isEmpty, "no progress bar when standard error is not a terminal")
        let lines = verified.stdout.split(separator: "\n").dropFirst().map(String.init)
        #expect(
            lines == [
                "  ✓ (1) chaîne de hachage : 62 enregistrement(s)",
                "  ✓ (2) contenus lisibles (type et version de schéma) : 62 contenu(s)",
                "  ✓ (3) versions des flux contiguës et index cohérents : 15 flux",
                "  ✓ (4) rejouer le journal redonne les projections stockées : 52 clé(s) de projection",
                "  ✓ (5) tirages au sort recalculés : 1 tirage(s)",
                "  ✓ (6) votes recomptés à partir des bulletins : 0 vote(s)",
                "OK : toutes les vérifications passent."
            ])
        let json = try f.greffe(["audit", "verify", "--json", "--lang", "en"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == true)
        #expect(
            (object["checks"] as? [[String: Any]])?.map { $0["name"] as? String } == [
                "chain", "payloads", "streams", "replay", "draws", "votes"
            ])
    }

    @Test func aSignedCheckpointIsKeptOutsideAndCheckedLater() throws {
        let f = try demoStore()
        let key = f.directory + "/cle-auditeur"
        let generated = try f.greffe(["audit", "keygen", "--out", key], withStore: false)
        expectExit(generated.status, .ok, "\(generated.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(generated.stdout.hasSuffix(publicKey + "\n"))
        expectExit(
            try f.greffe(["audit", "keygen", "--out", key], withStore: false).status, .usage, "a key is never replaced")

        let receipt = f.directory + "/recu.json"
        let signed = try f.greffe(["audit", "checkpoint", "--key", key, "--out", receipt, "--on", "2026-02-20"])
        expectExit(signed.status, .ok, "\(signed.stderr)")
        let verified = try f.greffe(["audit", "verify", "--checkpoint", receipt, "--public-key", key + ".pub"])
        expectExit(verified.status, .ok, "\(verified.stdout)")
        #expect(
            verified.stdout.contains(
                "  ✓ (7) point de contrôle signé : séquence 62 du 2026-02-20, signé par \(publicKey.prefix(16))…"))

        // A receipt changed after signing, or signed by someone else, proves nothing.
        let text = try String(contentsOfFile: receipt, encoding: .utf8)
        try text.replacingOccurrences(of: "\"sequence\" : 62", with: "\"sequence\" : 61").write(
            toFile: receipt, atomically: true, encoding: .utf8)
        let changed = try f.greffe(["audit", "verify", "--checkpoint", receipt])
        expectExit(changed.status, .verificationFailed)
        #expect(changed.stdout.contains("signature invalide"))
        try text.write(toFile: receipt, atomically: true, encoding: .utf8)
        let other = f.directory + "/autre"
        expectExit(try f.greffe(["audit", "keygen", "--out", other], withStore: false).status, .ok)
        let untrusted = try f.greffe(["audit", "verify", "--checkpoint", receipt, "--public-key", other + ".pub"])
        expectExit(untrusted.status, .verificationFailed)
        expectExit(try f.greffe(["audit", "verify", "--public-key", other + ".pub"]).status, .usage)
    }

    @Test func theReportWritesOutDeadlinesDrawsAndThePreamble() throws {
        let f = try demoStore()
        let report = try f.greffe(["audit", "report", "--as-of", "2026-02-20"])
        expectExit(report.status, .ok, "\(report.stderr)")
        #expect(
            report.stdout.contains(
                "Les refus ne figurent pas dans le journal : une commande refusée par une règle n'écrit rien."))
        #expect(
            report.stdout.contains(
                "  R04  réunion du Conseil d'administration — dû 2026-01-12, fait 2026-01-09, marge 3 j : respecté"))
        #expect(
            report.stdout.contains(
                "  R04  réunion du Conseil d'administration — dû 2026-02-16, fait —, en retard de 4 j : ⚠ MANQUÉ"))
        #expect(report.stdout.contains("  ✓ recalculé à l'identique : 7 empreinte(s) comparée(s)"))
        let md = try f.greffe(["audit", "report", "2026-001", "--format", "md", "--lang", "en", "--as-of", "2026-02-20"]
        )
        #expect(md.stdout.hasPrefix("# Audit report\n"))
        #expect(md.stdout.contains("## 2026-001 — judgement executed"))
        #expect(
            md.stdout.contains("| R04 | board meeting | 2026-01-05 | 2026-01-12 | 2026-01-09 | margin 3 day(s) | met |")
        )
        #expect(!md.stdout.contains("2026-002"))
        let json = try f.greffe(["audit", "report", "--format", "json", "--as-of", "2026-02-20"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["cases"] as? [[String: Any]])?.count == 2)
        expectExit(try f.greffe(["audit", "report", "2099-001"]).status, .notFound)
    }

    @Test func theReportWritesOutAVoteWithItsBallotsAndArithmetic() throws {
        let f = try demoStore(vote: true)
        let report = try f.greffe(["audit", "report", "2026-001", "--as-of", "2026-02-20"])
        expectExit(report.status, .ok, "\(report.stderr)")
        #expect(
            report.stdout.contains(
                """
                Votes
                  #54 2026-02-14 — vote de la cellule sur le jugement (R19), 3 votant·es
                    bulletins : M0012 → A (avertissement), M0001 → A (avertissement), M0009 → B (Une médiation peut être décidée)
                    A (avertissement) : 2 voix sur 3 bulletins, blancs compris : 66 % ≥ 2/3 — adopté (2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints)
                    B (Une médiation peut être décidée) : 1 voix sur 3 bulletins, blancs compris : 33 % < 2/3 — non adopté (1 × 3 = 3 < 3 × 2 = 6 → deux tiers non atteints)
                    adoptée : A (avertissement) — ✓ conforme à l'enregistrement
                """), "\(report.stdout)")
        let english = try f.greffe(["audit", "report", "2026-001", "--lang", "en", "--as-of", "2026-02-20"])
        #expect(
            english.stdout.contains(
                "    A (warning): 2 vote(s) out of 3 ballots, blanks included: 66 % ≥ 2/3 — adopted (2 × 3 = 6 ≥ 3 × 2 = 6 → two-thirds reached)"
            ))
        let verified = try f.greffe(["audit", "verify"])
        expectExit(verified.status, .ok)
        #expect(verified.stdout.contains("  ✓ (6) votes recomptés à partir des bulletins : 1 vote(s)"))
    }

    @Test func replayShowsTheRegistryAfterARecord() throws {
        let f = try demoStore()
        let replay = try f.greffe(["audit", "replay", "--until", "40"])
        expectExit(replay.status, .ok, "\(replay.stderr)")
        #expect(replay.stdout.contains("  membres : 13, dont 13 présent·es"))
        #expect(
            replay.stdout.contains(
                "    2026-001 — demande d'explication envoyée, réponse attendue (ouvert le 2026-01-05, dernier acte le 2026-01-22, version 8)"
            ))
        expectExit(try f.greffe(["audit", "replay", "--until", "999"]).status, .notFound)
        expectExit(try f.greffe(["audit", "replay", "--until", "0"]).status, .usage)
    }

    @Test func anExportReverifiesWithThePythonScriptAndAPseudonymisedOneNamesNobody() throws {
        let f = try demoStore()
        let file = f.directory + "/export.jsonl"
        let exported = try f.greffe(["export", "--format", "jsonl", "--out", file])
        expectExit(exported.status, .ok, "\(exported.stderr)")
        let checked = try runScript("verify_export.py", [file])
        expectExit(checked.status, .ok, "\(checked.output)")
        #expect(checked.output.hasPrefix("OK 62 62 "))

        expectExit(try f.greffe(["export", "--format", "jsonl", "--pseudonymise"]).status, .usage)
        let keyFile = f.directory + "/cle-pseudonymes"
        let anonymous = try f.greffe(["export", "--format", "jsonl", "--pseudonymise", "--key-file", keyFile])
        expectExit(anonymous.status, .ok, "\(anonymous.stderr)")
        #expect(anonymous.stderr.contains("la chaîne ne peut pas être re-vérifiée"))
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let roster = try String(contentsOfFile: SampleCaseTests.roster, encoding: .utf8).split(separator: "\n")
            .dropFirst()
        for row in roster {
            let cells = row.split(separator: ";")
            #expect(!anonymous.stdout.contains(String(cells[1])), "\(cells[1])")
            #expect(!anonymous.stdout.contains(String(cells[2])), "\(cells[2])")
        }
        let again = try f.greffe(["export", "--format", "jsonl", "--pseudonymise", "--key-file", keyFile])
        #expect(again.stdout == anonymous.stdout, "the same key gives the same pseudonyms")
    }

    @Test func everyAuditSubcommandHasHelpWithExamples() throws {
        for command in [
            ["audit", "verify"], ["audit", "keygen"], ["audit", "checkpoint"], ["audit", "report"],
            ["audit", "replay"], ["audit", "draw"], ["export"]
        ] {
            let help = try CLIFixture().greffe(command + ["--help"], withStore: false)
            expectExit(help.status, .ok)
            #expect(help.stdout.contains("Exemples"), "\(command)")
        }
    }
}
