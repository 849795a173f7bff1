import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand.Audit {
    /// `greffe audit verify`: every check an auditor needs, in one run.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Vérifie tout le magasin : chaîne, contenus, flux, projections, tirages, votes (et un reçu signé).",
            discussion: prose(
                """
                (1) la chaîne de hachage depuis le premier enregistrement ; (2) chaque contenu se lit comme son type, \
                à une version de schéma connue ; (3) les versions de chaque flux sont contiguës et les index \
                cohérents ; (4) rejouer tout le journal redonne exactement les projections stockées ; (5) chaque \
                tirage au sort se recalcule (RFC 3797) ; (6) chaque vote se recompte à partir de ses bulletins selon \
                le règlement ; (7) avec --checkpoint : la signature du reçu, et l'enregistrement qu'il nomme a \
                toujours le même hachage — seul ce reçu, gardé hors du magasin, démasque une chaîne entièrement \
                refaite par un faussaire.

                Chaque vérification est rapportée avec ses comptes ; en cas d'échec, la première séquence fautive \
                et ce qui ne va pas. Sortie 0 si tout passe, 79 sinon. Barre de progression sur le terminal (erreur \
                standard) pour un grand magasin.

                Exemples :
                  greffe audit verify
                  greffe audit verify --checkpoint recu.json --public-key cle-auditeur.pub
                  greffe audit verify --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp("Reçu signé de `greffe audit checkpoint`.", valueName: "fichier"))
        var checkpoint: String?

        @Option(
            name: .customLong("public-key"),
            help: ArgumentHelp(
                "Clé publique de confiance (hexadécimal, ou le fichier .pub) : le reçu doit être signé par elle.",
                valueName: "clé"))
        var publicKey: String?

        @Flag(help: "Sortie JSON.")
        var json = false

        func validate() throws {
            if publicKey != nil && checkpoint == nil {
                throw ValidationError("--public-key va avec --checkpoint / --public-key goes with --checkpoint")
            }
        }

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let receipt = try checkpoint.map { path in try readCheckpoint(path) }
            let trusted = try publicKey.map(keyArgument)
            let total = try registry.store.head().sequence
            let bar = ProgressBar(total: total)
            let report = try registry.audit(checkpoint: receipt, trustedKey: trusted) { progress in
                bar.draw(progress.check.name.t(l), done: progress.done, total: progress.total)
            }
            bar.finish()
            if json {
                print(try jsonText(AuditReportView(report, l)))
            } else {
                print(report.text(l, store: options.storePath, checkpoint: receipt), terminator: "")
            }
            if !report.isValid { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
        }
    }
}

/// Reads a signed receipt, or fails with a usage error naming the file.
func readCheckpoint(_ path: String) throws -> Checkpoint {
    do {
        return try Checkpoint.read(try readFile(path))
    } catch let error as CheckpointError {
        throw CLIFailure(
            status: .usage, fr: "\(path) n'est pas un reçu Greffe : \(error.words.fr)",
            en: "\(path) is not a Greffe receipt: \(error.words.en)")
    }
}

extension AuditCheck {
    /// What a check counts, e.g. "12 enregistrement(s)".
    func counted(_ n: Int, _ l: Language) -> String {
        switch self {
        case .chain: l.t("\(n) enregistrement(s)", "\(n) record(s)")
        case .payloads: l.t("\(n) contenu(s)", "\(n) payload(s)")
        case .streams: l.t("\(n) flux", "\(n) stream(s)")
        case .replay: l.t("\(n) clé(s) de projection", "\(n) projection key(s)")
        case .draws: l.t("\(n) tirage(s)", "\(n) draw(s)")
        case .votes: l.t("\(n) vote(s)", "\(n) vote(s)")
        case .checkpoint: l.t("\(n) reçu", "\(n) receipt")
        }
    }
}

extension Words {
    func t(_ l: Language) -> String { l.t(fr, en) }
}

extension AuditFinding {
    /// "séquence 12 : …" or "clé case/2026-001 : …".
    func text(_ l: Language) -> String {
        let place =
            sequence.map { l.t("séquence \($0)", "sequence \($0)") } ?? key.map { l.t("clé \($0)", "key \($0)") }
        return (place.map { $0 + l.t(" : ", ": ") } ?? "") + words.t(l)
    }
}

extension AuditReport {
    func text(_ l: Language, store: String, checkpoint: Checkpoint?) -> String {
        var out = l.t(
            "Audit du magasin \(store) — tête \(head.sequence) \(head.hash.hexString), règlement \(rulebook)\n",
            "Audit of the store \(store) — head \(head.sequence) \(head.hash.hexString), rulebook \(rulebook)\n")
        for result in checks {
            let name = "(\(result.check.rawValue)) " + result.check.name.t(l)
            var counted = result.check.counted(result.count, l)
            if result.check == .checkpoint, let checkpoint {
                counted = l.t(
                    "séquence \(checkpoint.sequence) du \(checkpoint.day), signé par \(checkpoint.publicKey.prefix(16))…",
                    "sequence \(checkpoint.sequence) of \(checkpoint.day), signed by \(checkpoint.publicKey.prefix(16))…"
                )
            }
            switch result.outcome {
            case .passed:
                out += "  ✓ \(name)" + l.t(" : ", ": ") + counted + "\n"
            case .failed(let finding):
                out += l.t(
                    "  ✗ \(name) : ÉCHEC (\(result.failed) sur \(counted)) — \(finding.text(l))\n",
                    "  ✗ \(name): FAILED (\(result.failed) of \(counted)) — \(finding.text(l))\n")
            case .incomplete(let why):
                out += l.t(
                    "  … \(name) : incomplet après \(counted) — \(why.fr)\n",
                    "  … \(name): incomplete after \(counted) — \(why.en)\n")
            }
        }
        if let (check, finding) = firstFailure {
            out += l.t(
                "ÉCHEC — première faute, vérification (\(check.rawValue)) \(check.name.fr) : \(finding.text(l))\n",
                "FAILED — first fault, check (\(check.rawValue)) \(check.name.en): \(finding.text(l))\n")
        } else if isValid {
            out += l.t("OK : toutes les vérifications passent.\n", "OK: every check passes.\n")
        } else {
            out += l.t(
                "ÉCHEC : une vérification n'a pas pu aller à son terme.\n",
                "FAILED: a check could not run to its end.\n")
        }
        return out
    }
}
