import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifications d'auditeur : recalculer ce qui a été enregistré.",
            subcommands: [Draw.self])
    }
}

extension GreffeCommand.Audit {
    /// `greffe audit draw CASE`: re-computes every recorded draw of a case from its recorded inputs.
    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recalcule chaque tirage au sort d'un dossier à partir de ses entrées enregistrées (RFC 3797), empreinte par empreinte.",
            discussion: """
                Pour chaque tirage : la liste annoncée et son SHA-256, l'annonce faite avant que les valeurs d'aléa
                soient publiques, la chaîne-clé refaite à partir des valeurs, puis chaque étape (MD5 de l'index, de la
                clé et de l'index ; reste de la division ; membre choisi) comparée à l'enregistrement. Sortie 0 si
                tout concorde, 79 sinon. Voir docs/draw.md pour refaire le calcul soi-même.

                Exemples :
                  greffe audit draw 2026-001
                  greffe audit draw 2026-001 --json
                """)

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier.")
        var caseID: String

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                let registry = try options.registry()
                let id = CaseID(caseID)
                guard try registry.caseExists(id) else { throw RegistryError.unknownCase(id) }
                let loaded = try registry.loadCase(id)
                var announced: DatedEvent?
                var checks: [DrawCheck] = []
                for (dated, record) in zip(loaded.events, loaded.records) {
                    switch dated.event {
                    case .drawAnnounced: announced = dated
                    case .drawPerformed(let draw):
                        guard let announcement = announced, case .drawAnnounced(let a) = announcement.event else { continue }
                        checks.append(DrawCheck(
                            sequence: record.sequence, announcedOn: announcement.on, announcement: a, performedOn: dated.on,
                            draw: draw, verification: CellDraw.verify(recorded: draw, announcedPoolDigest: a.poolDigest)))
                    default: break
                    }
                }
                if json {
                    print(try jsonLine(["case": id.rawValue, "draws": checks.map(\.json),
                                        "ok": checks.allSatisfy(\.ok)] as [String: Any]))
                } else if checks.isEmpty {
                    print(l.t("Aucun tirage au sort enregistré dans \(id).", "No draw recorded in \(id)."))
                } else {
                    for check in checks { print(check.text(l), terminator: "") }
                }
                if !checks.allSatisfy(\.ok) { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
            }
        }
    }
}

/// One recorded draw and its re-computation.
struct DrawCheck {
    var sequence: UInt64
    var announcedOn: Day
    var announcement: DrawAnnouncement
    var performedOn: Day
    var draw: CellDraw
    var verification: DrawVerification

    /// The draw was announced strictly before every source's values became public.
    var announcedBeforeEntropy: Bool {
        announcement.sources.allSatisfy { source in source.valuesKnownOn.map { announcedOn < $0 } ?? false }
    }

    var ok: Bool {
        if case .matches = verification { return draw.publiclyVerifiable && announcedBeforeEntropy }
        return false
    }

    func text(_ l: Language) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        line(l.t("Tirage enregistré en #\(sequence), le \(performedOn) (annoncé le \(announcedOn))",
                 "Draw recorded at #\(sequence), on \(performedOn) (announced on \(announcedOn))"))
        line(l.t("  liste : \(draw.pool.count) membre(s), SHA-256 \(draw.poolDigest)",
                 "  pool: \(draw.pool.count) member(s), SHA-256 \(draw.poolDigest)"))
        for (n, source) in announcement.sources.enumerated() {
            let known = source.valuesKnownOn?.description ?? "?"
            line(l.t("  source \(n + 1) : \(source.description) — connue le \(known)",
                     "  source \(n + 1): \(source.description) — known on \(known)"))
        }
        line(announcedBeforeEntropy
             ? l.t("  ✓ annoncé avant que les valeurs d'aléa soient publiques", "  ✓ announced before the entropy values were public")
             : l.t("  ✗ annoncé sans date de publication postérieure pour chaque source", "  ✗ not announced before every source's publication day"))
        if !draw.publiclyVerifiable {
            line(l.t("  ✗ tirage d'entraînement (aléa local) : NON vérifiable publiquement",
                     "  ✗ practice draw (local randomness): NOT publicly verifiable"))
        }
        line(l.t("  chaîne-clé : \(draw.keyString)", "  key string: \(draw.keyString)"))
        switch verification {
        case .matches(let steps):
            for step in draw.steps.prefix(12) {
                let member = draw.pool.indices.contains(step.selected - 1) ? draw.pool[step.selected - 1].rawValue : "?"
                line("    \(step.index)  MD5 \(step.digestHex)  mod \(step.remaining) = \(step.valueModRemaining)  → n° \(step.selected) \(member)  ✓")
            }
            if draw.steps.count > 12 { line(l.t("    … \(draw.steps.count - 12) étape(s) de plus, toutes identiques au recalcul",
                                                 "    … \(draw.steps.count - 12) more step(s), all equal to the re-computation")) }
            line(l.t("  ✓ recalculé à l'identique : \(steps) empreinte(s) comparée(s)",
                     "  ✓ re-computed identically: \(steps) digest(s) compared"))
        case .differs(let found):
            for difference in found { line(l.t("  ✗ différence : \(difference)", "  ✗ difference: \(difference)")) }
        }
        return out
    }

    var json: [String: Any] {
        var o: [String: Any] = [
            "sequence": sequence, "announcedOn": announcedOn.description, "performedOn": performedOn.description,
            "poolSize": draw.pool.count, "poolDigest": draw.poolDigest, "keyString": draw.keyString,
            "publiclyVerifiable": draw.publiclyVerifiable, "announcedBeforeEntropy": announcedBeforeEntropy,
            "order": draw.order.map(\.rawValue), "ok": ok,
        ]
        switch verification {
        case .matches(let steps): o["stepsChecked"] = steps
        case .differs(let found): o["differences"] = found.map { "\($0)" }
        }
        return o
    }
}
