import ArgumentParser
import Discipline
import Documents
import Foundation
import Registry

extension GreffeCommand {
    struct Dossier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Écrit le dossier d'un cas pour l'Assemblée générale : un document lisible, autonome, imprimable (A4).",
            discussion: prose(
                """
                Faits et demandes, défense, chronologie dessinée de chaque acte avec ses délais (délais manqués
                marqués), la cellule de crise et son tirage au sort recalculé, les votes avec le calcul des deux tiers,
                la décision, le recours et la question posée à l'Assemblée (art. 5.6.12).

                --pseudonymise remplace les parties par leur rôle (« la personne mise en cause », « la victime ») et
                les autres membres par un pseudonyme, y compris dans les textes libres : pour lire à voix haute ou
                projeter.

                Exemples :
                  greffe dossier 2026-001 --out dossier-2026-001.html
                  greffe dossier 2026-001 --format md --pseudonymise --out dossier-2026-001.md
                  greffe dossier 2026-001 --format pdf --out dossier-2026-001.pdf

                --format pdf imprime le HTML avec Chromium sans interface (sans en-tête ni pied de page du \
                navigateur) ; Chromium absent, la commande dit comment l'obtenir (code 66). GREFFE_CHROMIUM donne \
                son chemin s'il n'est pas dans le PATH.
                """))

        enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, pdf }

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier.", completion: .custom(Completions.caseIDs))
        var caseID: String

        @Option(help: "Format : html (défaut), md, ou pdf (imprimé par Chromium, --out requis).")
        var format: Format = .html

        @Flag(help: "Parties désignées par leur rôle, autres membres par un pseudonyme.")
        var pseudonymise = false

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Jour de référence (défaut : aujourd'hui).", valueName: "jour"))
        var asOf: Day?

        @Option(help: ArgumentHelp("Fichier à écrire (défaut : la sortie standard).", valueName: "fichier"))
        var out: String?

        func validate() throws {
            if format == .pdf && out == nil {
                throw ValidationError(
                    "--format pdf écrit un fichier : donnez --out FICHIER.pdf / --format pdf writes a file: give --out FILE.pdf"
                )
            }
        }

        func run() throws {
            let l = options.language
            let (registry, id) = try options.readingRegistry(forCase: caseID)
            let day = try registry.day(asOf)
            let loaded = try registry.loadCase(id, asOf: day)
            let naming = Naming(
                state: loaded.state, events: loaded.events, roster: try registry.members(),
                pseudonymise: pseudonymise, language: l,
                reveal: try registry.reveal(words: l.revealWords))
            let document = DossierBuilder(
                id: id, loaded: loaded, asOf: day, rulebook: loaded.rulebook,
                naming: naming, language: l
            ).build()
            if format == .pdf, let out {
                let pdf: Data
                do { pdf = try ChromiumPDF.print(document.html()) } catch {
                    throw CLIFailure(status: error == .missing ? .notFound : .internalError, fr: error.fr, en: error.en)
                }
                try writeFile(out, pdf)
                print(l.t("Dossier écrit : \(out) (PDF)", "Dossier written: \(out) (PDF)"))
                return
            }
            let text = format == .html ? document.html() : document.markdown()
            if let out {
                try writeFile(out, text)
                print(l.t("Dossier écrit : \(out)", "Dossier written: \(out)"))
            } else {
                print(text, terminator: "")
            }
        }
    }
}
