import ArgumentParser
import Crypto
import Discipline
import Foundation
import Registry

// 5.6.5–5.6.8: the disciplinary file, the victim's hearing, the explanation, the answer, the summary.

extension GreffeCommand {
    struct AddEvidence: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract:
                "Une pièce du dossier disciplinaire : témoignage, historique, contexte, capture d'écran… (art. 5.6.5, R08).",
            discussion: prose(
                """
                « Les preuves matérielles, telles que les captures d'écran, doivent être incluses dans le dossier \
                disciplinaire. » Le registre garde l'empreinte SHA-256 du fichier, pas le fichier : --file calcule \
                l'empreinte d'un fichier local (obligatoire pour --kind screenshot et document), --sha256 la donne \
                directement. Un témoin (--witness) ne pourra plus siéger dans la cellule de crise.

                Exemples :
                  greffe evidence 2026-001 --kind screenshot --file captures/2026-01-03.png --description "Messages du 28/12 au 03/01" --on 2026-01-12 --as m002
                  greffe evidence 2026-001 --kind testimony --witness m012 --description "Témoignage de Jules"
                  greffe evidence 2026-001 --kind report --report-number 1 --description "Signalement du 3 janvier"
                """))
        static let words = ActWords("pièce du dossier", "evidence")

        @OptionGroup var target: CaseArgument

        @Option(help: ArgumentHelp("Nature de la pièce.", valueName: "nature"))
        var kind: Evidence.Kind

        @Option(name: .customLong("description"), help: ArgumentHelp("Ce qu'est la pièce.", valueName: "texte"))
        var text: String

        @Option(help: ArgumentHelp("Fichier dont l'empreinte SHA-256 est consignée.", valueName: "chemin"))
        var file: String?

        @Option(help: ArgumentHelp("Empreinte SHA-256 déjà calculée (64 chiffres hexadécimaux).", valueName: "hex"))
        var sha256: String?

        @Option(help: ArgumentHelp("Membre qui témoigne.", valueName: "membre"))
        var witness: MemberID?

        @Option(
            name: .customLong("report-number"),
            help: ArgumentHelp(
                "Pour --kind report : le numéro du signalement joint (1 = le premier du dossier).", valueName: "n"))
        var reportNumber: Int?

        @OptionGroup var context: ActContext

        func validate() throws {
            if file != nil && sha256 != nil {
                throw ValidationError("--file ou --sha256, pas les deux / --file or --sha256, not both")
            }
        }

        var members: [MemberID] { witness.map { [$0] } ?? [] }

        func command(commandId: String?) throws -> CaseCommand {
            .addEvidence(
                Evidence(
                    kind: kind, description: .clear(text), sha256: try file.map(Self.digest) ?? sha256?.lowercased(),
                    witness: witness, reportNumber: reportNumber),
                commandId: commandId)
        }

        /// SHA-256 of a file's bytes, lowercase hex: the screenshot stays where it is, its fingerprint is recorded.
        static func digest(of path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIFailure(
                    status: .notFound, fr: "fichier introuvable ou illisible : \(path)",
                    en: "no such file, or unreadable: \(path)")
            }
            return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        }
    }

    struct CompleteFile: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "file-complete",
            abstract: "Le dossier disciplinaire est rédigé (art. 5.6.5, R08).",
            discussion: prose(
                """
                « Le responsable du dossier est chargé de rédiger celui-ci dans un délai de 15 jours après la \
                réunion. »

                Exemple :
                  greffe file-complete 2026-001 --note "Témoignages, historique et contexte consignés." --on 2026-01-20 --as m002
                """))
        static let words = ActWords("dossier disciplinaire rédigé", "disciplinary file completed")

        @OptionGroup var target: CaseArgument
        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand { .completeFile(note.value, commandId: commandId) }
    }

    struct HearVictim: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "hear-victim",
            abstract: "Audition de la victime et formulation des demandes (art. 5.6.6, R09).",
            discussion: prose(
                """
                « Si la victime est membre de l'association, le responsable du dossier doit interroger la victime afin \
                de comprendre ses besoins et ses ressentis […]. En revanche, si la victime n'est pas adhérente de \
                l'association, le responsable du dossier, en collaboration avec le Conseil d'administration, élabore \
                des sanctions ou des demandes adaptées à la situation. » \
                --origin victim (défaut) : les demandes viennent de la victime ; --origin board : du rapporteur et du \
                Conseil (victime non adhérente).

                Exemples :
                  greffe hear-victim 2026-001 --victim m005 --needs "Se sentir en sécurité sur le serveur" --demand "excuses écrites" --demand avertissement --on 2026-01-21 --as m002
                  greffe hear-victim 2026-002 --victim "Zoé L." --origin board --needs "…" --demand "…"
                """))
        static let words = ActWords("audition de la victime", "victim heard")

        @OptionGroup var target: CaseArgument

        @Option(help: ArgumentHelp("La victime entendue (identifiant, ou nom si non membre).", valueName: "victime"))
        var victim: MemberID

        @Option(help: ArgumentHelp("Ses besoins et ressentis.", valueName: "texte"))
        var needs: String

        @Option(name: .customLong("demand"), help: ArgumentHelp("Une demande (répéter l'option).", valueName: "texte"))
        var demands: [String] = []

        @Option(help: ArgumentHelp("Qui formule les demandes : victim ou board.", valueName: "origine"))
        var origin: DemandOrigin = .victim

        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .hearVictim(
                VictimHearing(
                    victim: victim, needs: .clear(needs), demands: demands.map(Sealed.clear), origin: origin.value),
                commandId: commandId)
        }
    }

    struct RequestExplanation: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "request-explanation",
            abstract: "Demande d'explication envoyée à la personne mise en cause (art. 5.6.7, R10).",
            discussion: prose(
                """
                « Le responsable du dossier envoie par courrier électronique un résumé de la plainte ainsi que les \
                demandes formulées […]. Cette dernière a un délai de 15 jours pour accuser réception de la plainte et \
                fournir une première réponse écrite ou orale. »

                Exemple :
                  greffe request-explanation 2026-001 --summary "Messages insultants répétés envers Vera" --demand "excuses écrites" --demand avertissement --on 2026-01-22 --as m002
                """))
        static let words = ActWords("demande d'explication", "explanation requested")

        @OptionGroup var target: CaseArgument

        @Option(help: ArgumentHelp("Le résumé de la plainte envoyé.", valueName: "texte"))
        var summary: String

        @Option(
            name: .customLong("demand"),
            help: ArgumentHelp("Une demande envoyée (répéter l'option).", valueName: "texte"))
        var demands: [String] = []

        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .requestExplanation(
                ExplanationRequest(summary: .clear(summary), demands: demands.map(Sealed.clear)), commandId: commandId)
        }
    }

    struct ReceiveAnswer: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "La personne mise en cause accuse réception et répond (art. 5.6.7, R10).",
            discussion: prose(
                """
                « … fournir une première réponse écrite ou orale aux accusations qui lui sont adressées. »

                Exemple :
                  greffe answer 2026-001 --from m004 --form written --on 2026-01-30 --as m002
                """))
        static let words = ActWords("réponse de la personne mise en cause", "answer of the accused")

        @OptionGroup var target: CaseArgument

        @Option(help: ArgumentHelp("Qui répond.", valueName: "membre"))
        var from: MemberID

        @Option(help: ArgumentHelp("Forme de la réponse : written (écrite) ou oral (orale).", valueName: "forme"))
        var form: AnswerForm

        @OptionGroup var context: ActContext

        var members: [MemberID] { [from] }
        func command(commandId: String?) -> CaseCommand {
            .receiveAnswer(Answer(from: from, form: form.value), commandId: commandId)
        }
    }

    struct LapseAnswer: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "answer-lapsed",
            abstract: "Le délai de réponse est passé sans réponse : le silence est noté (art. 5.6.7, R10).",
            discussion: prose(
                """
                « Si la personne ne répond pas à la demande de justification, le responsable du dossier en prend \
                note. » La procédure continue : la synthèse peut être rédigée.

                Exemple :
                  greffe answer-lapsed 2026-001 --note "Aucune réponse au courriel du 22/01" --on 2026-02-07 --as m002
                """))
        static let words = ActWords("silence noté à la fin du délai de réponse", "answer window lapsed")

        @OptionGroup var target: CaseArgument
        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand { .lapseAnswerWindow(note.value, commandId: commandId) }
    }

    struct AccusedLeft: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "accused-left",
            abstract: "La personne mise en cause quitte l'association (art. 5.6.7, R11).",
            discussion: prose(
                """
                « Si cette personne quitte l'association sans participer à la procédure, celle-ci s'arrête à ce stade \
                et le Conseil d'administration officialise la radiation […]. Cependant, si les informations recueillies \
                suggèrent qu'il pourrait y avoir une infraction pénale, la procédure se poursuit jusqu'à une décision \
                finale. » --possible-offence note cette possibilité.

                Exemples :
                  greffe accused-left 2026-001 --member m004 --on 2026-01-28 --as m002
                  greffe accused-left 2026-001 --member m004 --possible-offence --note "Menaces répétées"
                """))
        static let words = ActWords("départ de la personne mise en cause", "accused left")

        @OptionGroup var target: CaseArgument

        @Option(help: ArgumentHelp("Qui part.", valueName: "membre"))
        var member: MemberID

        @Flag(name: .customLong("possible-offence"), help: "Les informations suggèrent une infraction pénale.")
        var possibleOffence = false

        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        var members: [MemberID] { [member] }
        func command(commandId: String?) -> CaseCommand {
            .recordAccusedLeft(
                Departure(member: member, possibleOffence: possibleOffence, note: note.note.map(Sealed.clear)),
                commandId: commandId)
        }
    }

    struct WriteSummary: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "Synthèse récapitulative : demande, défense, sanction proposée (art. 5.6.8, R12).",
            discussion: prose(
                """
                « Une fois la réponse aux accusations reçue, le responsable du dossier dispose d'un délai de 7 jours \
                pour rédiger une synthèse récapitulative du dossier comprenant la demande et les moyens de défense dans \
                laquelle elle indique la sanction ou les préconisations exigées. »

                Sanctions, pour --sanction :
                \(SanctionArgument.helpList)

                Exemple :
                  greffe summary 2026-001 --demand "Excuses écrites et avertissement." --defence "Parle d'un malentendu." --sanction warning --on 2026-02-02 --as m002
                """))
        static let words = ActWords("synthèse récapitulative", "summary")

        @OptionGroup var target: CaseArgument

        @Option(help: ArgumentHelp("La demande.", valueName: "texte"))
        var demand: String

        @Option(help: ArgumentHelp("Les moyens de défense.", valueName: "texte"))
        var defence: String

        @Option(
            name: .customLong("sanction"),
            help: ArgumentHelp(
                "Sanction proposée, par son identifiant (liste ci-dessous ; répéter l'option).", valueName: "sanction"))
        var sanctions: [SanctionArgument] = []

        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .writeSummary(
                Summary(demand: .clear(demand), defence: .clear(defence), proposedSanctions: sanctions.map(\.id)),
                commandId: commandId)
        }
    }
}
