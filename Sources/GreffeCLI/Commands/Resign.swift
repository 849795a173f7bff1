import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand.Members {
    struct Resign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resign",
            abstract: "Démission d'un membre (art. 2.2, R37), effective le jour de l'envoi du courrier.",
            discussion: prose(
                """
                Enregistre l'acte MemberResigned dans la liste des adhésions, daté du jour d'envoi (--on) : « La
                démission prend effet à la date d'envoi du courrier de démission ». --via courriel (courrier
                électronique au Conseil) ou desabonnement (désabonnement de la liste de diffusion). Une association
                membre démissionne par courriel avec la preuve de sa décision collective (--collective-decision :
                procès-verbal d'assemblée générale ou compte rendu de réunion). Si la personne est mise en cause dans
                un dossier ouvert, greffe agenda montre l'étape de l'article 5.6.7 à enregistrer (greffe
                accused-left). Un membre absent de la liste sort en 66, un refus du texte en 65, sans rien écrire.

                Exemples :
                  greffe members resign m004 --via courriel --on 2026-03-02 --as m001
                  greffe members resign a001 --via courriel --collective-decision "PV de l'AG du 28/02/2026" --on 2026-03-02 --as m001
                  greffe members resign m007 --via desabonnement --dry-run --json
                """))
        @OptionGroup var path: PathActOptions
        @Argument(help: "Le membre qui démissionne.") var member: MemberID
        @Option(help: ArgumentHelp("courriel ou desabonnement.", valueName: "moyen")) var via: String
        @Option(
            name: .customLong("collective-decision"),
            help: ArgumentHelp("Association membre : la preuve de la décision collective.", valueName: "texte"))
        var collectiveDecision: String?

        /// The French words and the stored ones.
        static let channels = [
            "courriel": "email", "email": "email", "desabonnement": "unsubscribed",
            "désabonnement": "unsubscribed", "unsubscribed": "unsubscribed"
        ]

        func run() throws {
            let l = path.language
            let registry = try path.options.registry()
            let day = try path.act.day(rulebook: registry.rulebook)
            let channel = Self.channels[via.lowercased()] ?? via
            let done = try registry.resign(
                member, via: channel, collectiveDecision: collectiveDecision, on: day,
                recording: try path.recording, dryRun: path.dryRun)
            let who = try registry.namer(of: [member], l)(member)
            var lines = [
                l.t(
                    "Démission de \(who) enregistrée, effective le \(day.frenchDescription) (art. 2.2)",
                    "Resignation of \(who) recorded, effective on \(day) (art. 2.2)")
            ]
            if case .resigned(_, _, let proof?) = done.event {
                let reveal = try registry.reveal(words: l.revealWords)
                lines.append(l.t("  décision collective : ", "  collective decision: ") + SafeText.field(reveal(proof)))
            }
            for role in done.mandatesEnded {
                lines.append(
                    l.t("  mandat \(role.words(l)) terminé le \(day)", "  mandate \(role.words(l)) ended on \(day)"))
            }
            for c in done.openCasesAsAccused {
                lines.append(
                    l.t(
                        "  dossier \(c) : mis·e en cause partie, étape de l'art. 5.6.7 à enregistrer (greffe accused-left \(c) --member \(member))",
                        "  case \(c): the accused left, record 5.6.7's step (greffe accused-left \(c) --member \(member))"
                    ))
            }
            try path.report(
                stream: "member/\(member.rawValue)", id: member.rawValue,
                types: [done.event.typeName] + done.mandatesEnded.map { _ in "MemberMandateEnded" },
                lines: lines, sequences: done.records.map(\.sequence))
        }
    }
}
