import ArgumentParser
import Discipline
import Documents
import Foundation
import Registry

extension GreffeCommand {
    struct Letter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Écrit la lettre qu'appelle l'étape en cours (fichier .eml à ouvrir dans un logiciel de courriel).",
            discussion: prose(
                """
                Types : explication (art. 5.6.7, à la personne mise en cause, avec son délai de réponse), \
                appel-cellule et tirage (art. 5.6.9), synthese (art. 5.6.9, aux membres de la cellule et à la \
                victime), decision (art. 5.6.11–12, avec le droit de recours, son délai et à qui l'adresser), \
                radiation (art. 5.3). Avec --ladder : mesure, la dernière mesure d'une échelle de sanctions, \
                l'identifiant de membre remplaçant celui du dossier.

                Les dates et délais sont ceux de `greffe status`. Destinataires et expéditeur viennent de la liste \
                des membres : une personne sans adresse est refusée, jamais un « À : » vide. Greffe n'envoie rien : \
                voir docs/letters.md (sendmail, Thunderbird). --templates DIR remplace les modèles fournis par ceux \
                de l'association (DIR/TYPE.LANGUE.mustache ou DIR/RÈGLEMENT/TYPE.LANGUE.mustache), tous vérifiés au \
                chargement.

                Exemples :
                  greffe letter 2026-001 explication --out explication.eml
                  greffe letter 2026-001 decision --to m004 --out decision-m004.eml
                  greffe letter m004 mesure --ladder cle-5.2 --from m001 --out rappel.eml
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier (ou du membre, avec --ladder).")
        var subject: String

        @Argument(help: "Type de lettre : explication, appel-cellule, tirage, synthese, decision, radiation, mesure.")
        var kind: String

        @Option(
            help: ArgumentHelp("Destinataire (identifiant de membre) quand il y en a plusieurs.", valueName: "membre"))
        var to: String?

        @Option(help: ArgumentHelp("Expéditeur (défaut : le rapporteur du dossier).", valueName: "membre"))
        var from: String?

        @Option(
            help: ArgumentHelp(
                "Échelle de sanctions (identifiant du règlement) : lettre de mesure.", valueName: "règlement"))
        var ladder: String?

        @Option(help: ArgumentHelp("Dossier de modèles de l'association.", valueName: "dossier"))
        var templates: String?

        @Option(
            name: .customLong("on"), help: ArgumentHelp("Jour de la lettre (défaut : aujourd'hui).", valueName: "jour"))
        var on: Day?

        @Option(help: ArgumentHelp("Fichier .eml à écrire.", valueName: "fichier"))
        var out: String

        func validate() throws {
            guard let kind = LetterKind(word: kind) else {
                throw ValidationError(
                    "type de lettre inconnu : \(kind) ; types : \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")) / unknown letter kind"
                )
            }
            if (kind == .measure) != (ladder != nil) {
                throw ValidationError(
                    "--ladder va avec le type « mesure », et seulement lui / --ladder goes with the kind “mesure”, and only with it"
                )
            }
        }

        func run() throws {
            let l = options.language
            let language = l
            guard let kind = LetterKind(word: kind) else { throw ValidationError("kind") }
            do {
                var library = LetterTemplates.shipped()
                if let templates {
                    let texts: [String: String]
                    do { texts = try LetterTemplates.read(directory: templates) } catch {
                        throw CLIFailure(
                            status: .notFound, fr: "modèles illisibles dans \(templates)",
                            en: "cannot read the templates in \(templates)")
                    }
                    library = try library.adding(texts)
                }
                let registry = try options.readingRegistry()
                let day = try registry.day(on)
                // Names and addresses revealed once, here: the letters read them in clear.
                let reveal = try registry.reveal(words: l.revealWords)
                let roster = try registry.members().map { record in
                    var r = record
                    r.displayName = .clear(reveal(record.displayName))
                    r.email = .clear(reveal(record.email))
                    return r
                }
                let draft: LetterDraft
                if let ladder {
                    let person = try registry.resolveMember(subject, unknownIsFailure: false)
                    let loaded = try registry.loadLadder(ladder, member: person, asOf: day)
                    draft = try LadderLetters(
                        member: person, rulebook: loaded.rulebook, state: loaded.state,
                        roster: roster, language: language
                    )
                    .draft(from: try from.map { try registry.resolveMember($0, option: "--from") }, on: day)
                } else {
                    let id = try registry.resolveCase(subject)
                    try registry.requireCase(id)
                    let loaded = try registry.loadCase(id, asOf: day)
                    draft = try CaseLetters(
                        id: id, state: loaded.state, rulebook: loaded.rulebook, roster: roster,
                        language: language, reveal: { reveal($0) }
                    )
                    .draft(
                        kind, to: try to.map { try registry.resolveMember($0, option: "--to") },
                        from: try from.map { try registry.resolveMember($0, option: "--from") }, on: day)
                }
                let letter = try library.render(draft, language: language)
                try writeFile(out, MailMessage.eml(letter, date: Date(), language: language))
                print(
                    l.t("Lettre écrite : \(out) (\(kind.fr)) pour ", "Letter written: \(out) (\(kind.en)) to ")
                        + draft.to.map { "\($0.name) <\($0.email)>" }.joined(separator: ", "))
                if let deadline = draft.deadline {
                    print(
                        l.t(
                            "Échéance indiquée : \(LongDate.text(deadline, .fr)) (\(deadline))",
                            "Deadline stated: \(LongDate.text(deadline, .en)) (\(deadline))"))
                }
            } catch let error as LetterError {
                let status: ExitStatus =
                    switch error {
                    case .recipientNeeded, .notARecipient, .badTemplate: .usage
                    case .noTemplate: .notFound
                    case .notAtThisStep, .noContact: .refused
                    }
                throw CLIFailure(status: status, fr: error.fr, en: error.en)
            }
        }
    }
}
