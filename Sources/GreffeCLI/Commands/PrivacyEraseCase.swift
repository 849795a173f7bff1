import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension ErasureOverride: ExpressibleByArgument {}

extension GreffeCommand.Privacy {
    struct EraseCase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase-case",
            abstract:
                "Efface les textes d'un dossier (faits, témoignages, motifs…) en détruisant sa clé, une fois leur conservation écoulée.",
            discussion: prose(
                """
                Enregistre l'effacement dans le flux du dossier (CaseTextsErased : qui l'a demandé, quand, pourquoi, \
                et la règle de conservation qui le rend dû — sans donnée personnelle), détruit la clé du dossier puis \
                réécrit le magasin de clés sans ses pages libres : les octets de la clé disparaissent du disque. \
                Partout où un texte du dossier s'affichait (status, history, dossier, log show, access, export), on \
                lit désormais « [effacé] » ; les faits d'une échelle recopiés dans la plainte sont effacés avec eux. \
                Les identifiants, les jours, les votes et les tirages restent : la chaîne et greffe audit verify se \
                vérifient toujours. Le dossier ne reçoit plus ensuite aucun acte.

                Les textes sont dus quand le dossier est terminé (clos, ou arrêté au départ de la personne mise en \
                cause) depuis la durée retention.caseTexts du règlement (CLE : 12 mois) ; un dossier conclu par une \
                radiation les garde sans limite de temps. Avant, l'effacement est refusé (sortie 65) avec le jour où \
                ils seront dus, sauf raison légale explicite : --override erasure-request (la personne concernée a \
                demandé l'effacement et le Conseil l'a accordé, RGPD art. 17.1) ou --override authority-order \
                (décision de justice ou de la CNIL). Un dossier encore ouvert n'est jamais effacé. Un dossier \
                inconnu sort en 66, des textes déjà effacés en 65 ; rien n'est écrit. L'acte est enregistré par un \
                membre du Conseil ou le rapporteur du dossier. greffe privacy due --apply enregistre le même acte \
                pour chaque dossier dû.

                Exemples :
                  greffe privacy erase-case 2026-001 --reason "conservation écoulée (article 6)" --on 2027-04-13 --as m001
                  greffe privacy erase-case 2026-001 --reason "conservation écoulée" --on 2027-04-13 --dry-run
                  greffe privacy erase-case 2026-002 --reason "demande de la victime accordée par le Conseil" --override erasure-request --requested-by m005 --json
                """))

        @OptionGroup var options: StoreOptions
        @OptionGroup var act: ActOptions
        @OptionGroup var target: CaseArgument

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Pourquoi (obligatoire, sans donnée personnelle) : fin de la conservation, demande accordée…",
                valueName: "motif"))
        var reason: String

        @Option(
            name: .customLong("requested-by"),
            help: ArgumentHelp(
                "Qui a demandé l'effacement, s'il est membre (défaut : personne de nommé).", valueName: "membre"))
        var requestedBy: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Raison légale d'effacer avant la fin de la conservation (ou malgré une radiation) : erasure-request (demande accordée, RGPD art. 17.1) ou authority-order (décision de justice ou de la CNIL).",
                valueName: "raison"))
        var override: ErasureOverride?

        @Flag(help: "Affiche l'enregistrement ajouté en JSON.")
        var json = false

        @Flag(
            name: .customLong("dry-run"),
            help: ArgumentHelp(
                "Simulation : décide l'effacement et affiche ce qui serait enregistré, sans rien écrire ni détruire ; même code de sortie que l'acte réel."
            ))
        var dryRun = false

        func run() throws {
            let l = options.language
            let registry = try options.registry()
            registry.store.dryRun = dryRun
            let id = CaseID(target.caseID)
            try registry.requireCase(id)
            let records = try registry.eraseTexts(
                of: id, reason: reason,
                requestedBy: try requestedBy.map { try registry.resolveMember($0, option: "--requested-by") },
                override: override, on: try act.day(rulebook: registry.rulebook), recording: try act.recording)
            if json {
                let reveal = try registry.reveal(words: l.revealWords)
                for record in records { print(try jsonLine(envelope(record, reveal: reveal))) }
                return
            }
            if dryRun {
                print(
                    l.t(
                        "Simulation (--dry-run) : rien n'a été écrit, aucune clé n'a été détruite. L'effacement enregistrerait :",
                        "Dry run (--dry-run): nothing was written, no key was destroyed. The erasure would record:"))
                for record in records { print("  #\(record.sequence) \(record.type)") }
            } else {
                let at = records.last.map { " (n° \($0.sequence))" } ?? ""
                print(
                    l.t(
                        "Textes du dossier \(id) effacés\(at) : sa clé est détruite, ses textes se lisent « [effacé] ».",
                        "Texts of case \(id) erased\(at): its key is destroyed, its texts read \"[erased]\"."))
            }
            for record in records {
                guard case .caseTextsErased(let p)? = try? CaseEvent.decode(type: record.type, payload: record.payload)
                else { continue }
                print("  " + CaseTextsErasureWords.rule(p, l))
            }
        }
    }
}

/// The retention rule an erasure of a case's texts recorded, in words.
enum CaseTextsErasureWords {
    static func rule(_ p: CaseTextsErasure, _ l: Language) -> String {
        let due =
            p.dueOn.map { l.t("dus le \($0.frenchDescription)", "due on \($0)") }
            ?? l.t("gardés sans limite de temps (radiation)", "kept without a time limit (radiation)")
        let base = l.t(
            "conservation : dossier terminé le \(p.endedOn.frenchDescription), textes gardés \(p.retention.fr), \(due)",
            "retention: case ended on \(p.endedOn), texts kept \(p.retention.en), \(due)")
        guard let override = p.override else { return base }
        return base
            + l.t(
                " ; effacés avant pour raison légale : \(override.fr)",
                "; erased before for a legal reason: \(override.en)")
    }
}
