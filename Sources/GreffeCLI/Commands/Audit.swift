import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifications d'auditeur : recalculer ce qui a été enregistré.",
            discussion: prose(
                """
                Pas à pas : docs/audit.md.

                Exemples :
                  greffe audit verify
                  greffe audit keygen --out ~/cle-auditeur
                  greffe audit checkpoint --key ~/cle-auditeur --out recu.json
                  greffe audit verify --checkpoint recu.json --public-key ~/cle-auditeur.pub
                  greffe audit report 2026-001 --format md
                  greffe audit replay --until 40
                  greffe audit draw 2026-001
                """),
            subcommands: [Verify.self, Keygen.self, CheckpointCommand.self, Report.self, Replay.self, Draw.self])
    }
}

extension GreffeCommand.Audit {
    /// `greffe audit draw CASE`: re-computes every recorded draw of a case from its recorded inputs.
    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Recalcule chaque tirage au sort d'un dossier à partir de ses entrées enregistrées (RFC 3797), empreinte par empreinte.",
            discussion: prose(
                """
                Pour chaque tirage : la liste annoncée et son SHA-256, l'annonce faite avant que les valeurs d'aléa
                soient publiques, la chaîne-clé refaite à partir des valeurs, puis chaque étape (MD5 de l'index, de la
                clé et de l'index ; reste de la division ; membre choisi) comparée à l'enregistrement. Sortie 0 si
                tout concorde, 79 sinon. Voir docs/draw.md pour refaire le calcul soi-même.

                Exemples :
                  greffe audit draw 2026-001
                  greffe audit draw 2026-001 --json
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier.")
        var caseID: String

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let (registry, id) = try options.readingRegistry(forCase: caseID)
            let checks = try registry.drawAudits(of: id)
            if json {
                print(
                    try jsonText(
                        DrawAuditsJSON(
                            case: id.rawValue, draws: checks.map(DrawAuditJSON.init),
                            ok: checks.allSatisfy(\.ok))))
            } else if checks.isEmpty {
                print(l.t("Aucun tirage au sort enregistré dans \(id).", "No draw recorded in \(id)."))
            } else {
                let names = try registry.displayNames(try registry.reveal(words: l.revealWords))
                for check in checks { print(check.text(l, names: names), terminator: "") }
            }
            if !checks.allSatisfy(\.ok) { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
        }
    }
}

/// How `audit draw` and `audit report` show a re-computed draw.
extension DrawAudit {
    /// `names`: the revealed names, shown beside each drawn member's id.
    func text(_ l: Language, names: [MemberID: String] = [:]) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        let announcedOn = announcement?.on.description ?? "—"
        let sources = announcement?.value.sources ?? []
        line(
            l.t(
                "Tirage enregistré en #\(sequence), le \(performedOn) (annoncé le \(announcedOn))",
                "Draw recorded at #\(sequence), on \(performedOn) (announced on \(announcedOn))"))
        line(
            l.t(
                "  liste : \(draw.pool.count) membre(s), SHA-256 \(draw.poolDigest)",
                "  pool: \(draw.pool.count) member(s), SHA-256 \(draw.poolDigest)"))
        for (n, source) in sources.enumerated() {
            let known = source.valuesKnownOn?.description ?? "?"
            line(
                l.t(
                    "  source \(n + 1) : \(source.description) — connue le \(known)",
                    "  source \(n + 1): \(source.description) — known on \(known)"))
        }
        line(
            announcedBeforeEntropy
                ? l.t(
                    "  ✓ annoncé avant que les valeurs d'aléa soient publiques",
                    "  ✓ announced before the entropy values were public")
                : l.t(
                    "  ✗ annoncé sans date de publication postérieure pour chaque source",
                    "  ✗ not announced before every source's publication day"))
        if !draw.publiclyVerifiable {
            line(
                l.t(
                    "  ✗ tirage d'entraînement (aléa local) : NON vérifiable publiquement",
                    "  ✗ practice draw (local randomness): NOT publicly verifiable"))
        }
        line(l.t("  chaîne-clé : \(draw.keyString)", "  key string: \(draw.keyString)"))
        switch verification {
        case .matches(let steps):
            for step in draw.steps.prefix(12) {
                let member =
                    draw.pool.indices.contains(step.selected - 1)
                    ? Registry.named(draw.pool[step.selected - 1], names) : "?"
                line(
                    "    \(step.index)  MD5 \(step.digestHex)  mod \(step.remaining) = \(step.valueModRemaining)  → n° \(step.selected) \(member)  ✓"
                )
            }
            if draw.steps.count > 12 {
                line(
                    l.t(
                        "    … \(draw.steps.count - 12) étape(s) de plus, toutes identiques au recalcul",
                        "    … \(draw.steps.count - 12) more step(s), all equal to the re-computation"))
            }
            line(
                l.t(
                    "  ✓ recalculé à l'identique : \(steps) empreinte(s) comparée(s)",
                    "  ✓ re-computed identically: \(steps) digest(s) compared"))
        case .differs(let found):
            for difference in found { line(l.t("  ✗ différence : \(difference)", "  ✗ difference: \(difference)")) }
        }
        return out
    }
}
