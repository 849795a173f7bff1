import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les dossiers : étape, ouverture, prochain délai.",
            discussion: prose(
                """
                --state en-cours (ou open ; défaut : tous) garde les dossiers en cours, --state clos (ou closed) les
                dossiers clos ou arrêtés ; --state ÉTAPE garde une étape précise, nommée en français comme `greffe
                cases` l'affiche (« recours formé, Assemblée générale attendue ») ou par son identifiant (appealPending).
                --member MEMBRE garde les dossiers où ce membre est partie (mis·e en cause, plaignant·e, victime),
                témoin d'une pièce ou membre de la cellule de crise, et dit à quel titre.
                --search TEXTE cherche, sans tenir compte des majuscules ni des accents, dans l'identifiant du
                dossier, les noms des parties (tels que le registre les tient) et tous les textes consignés du
                dossier, lus avec les clés du registre (faits, motifs, raisons, notes, synthèse, mesures…) ; un texte
                effacé (privacy erase) n'est plus lu. Chaque dossier trouvé dit où le texte a été trouvé.

                Exemples :
                  greffe cases
                  greffe cases --state en-cours
                  greffe cases --state "recours formé, Assemblée générale attendue"
                  greffe cases --state appealPending --json
                  greffe cases --member m004
                  greffe cases --search "capture d'écran"
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            help: ArgumentHelp(
                "Filtre : en-cours, clos, ou une étape (ses mots français ou son identifiant) : \(CaseStep.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "état"))
        var state: String?

        @Option(
            help: ArgumentHelp(
                "Filtre : les dossiers où ce membre est partie, témoin ou membre de la cellule.", valueName: "membre"))
        var member: MemberID?

        @Option(
            help: ArgumentHelp(
                "Cherche ce texte dans l'identifiant, les noms des parties et les textes consignés du dossier (lus avec les clés).",
                valueName: "texte"))
        var search: String?

        func validate() throws {
            if let search, search.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--search : le texte cherché est vide / --search: the searched text is empty")
            }
            if let state, Filter(state) == nil {
                throw ValidationError(
                    "--state : en-cours, clos ou une étape (\(CaseStep.allCases.map(\.fr).joined(separator: " ; "))) / open, closed or a step (\(CaseStep.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
        }

        /// What `--state` keeps: the open cases, the finished ones, or one step.
        enum Filter: Equatable {
            case open, finished, step(CaseStep)

            init?(_ text: String) {
                switch foldedArgument(text) {
                case "open", "en-cours", "ouvert", "ouverts": self = .open
                case "closed", "clos", "finished", "termine", "termines": self = .finished
                default:
                    guard let step = CaseStep.typed(text) else { return nil }
                    self = .step(step)
                }
            }
        }

        /// Closed or stopped cases are finished; every other step is open.
        static func isFinished(_ step: CaseStep) -> Bool { step == .closed || step == .stopped }

        func keeps(_ summary: CaseSummary) -> Bool {
            switch state.flatMap(Filter.init) {
            case nil: return true
            case .open: return !Self.isFinished(summary.step)
            case .finished: return Self.isFinished(summary.step)
            case let .step(step): return summary.step == step
            }
        }

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            var index = try registry.caseIndex().filter(keeps)
            // Why each case is kept, when --member or --search chose it: « (victime) », « (trouvé : texte (…)) ».
            var why: [CaseID: String] = [:]
            if let member {
                if let unknown = try registry.firstUnknownMember([member]) {
                    throw RegistryError.unknownMember(unknown)
                }
                let found = Dictionary(
                    try registry.cases(involving: member).map { ($0.summary.id, $0) }, uniquingKeysWith: { a, _ in a })
                index = index.filter { found[$0.id] != nil }
                for (id, f) in found {
                    why[id] = f.involvements.map { l == .fr ? $0.fr : $0.en }.joined(separator: ", ")
                }
            }
            if let search {
                let found = Dictionary(
                    try registry.cases(matching: search, reveal: try registry.reveal(words: l.revealWords))
                        .map { ($0.summary.id, $0) }, uniquingKeysWith: { a, _ in a })
                index = index.filter { found[$0.id] != nil }
                for (id, f) in found {
                    let places =
                        l.t("trouvé : ", "found: ") + f.places.map { l == .fr ? $0.fr : $0.en }.joined(separator: ", ")
                    why[id] = why[id].map { $0 + " ; " + places } ?? places
                }
            }
            if json {
                let data = try Projections.jsonEncoder.encode(index)
                print(String(decoding: data, as: UTF8.self))
                return
            }
            if index.isEmpty { print(l.t("(aucun dossier)", "(no cases)")) }
            for c in index {
                let next =
                    c.nextDue.map { day in
                        l.t(
                            "prochain délai \(day) (\(c.nextDueRule?.rawValue ?? "?"))",
                            "next deadline \(day) (\(c.nextDueRule?.rawValue ?? "?"))")
                    } ?? l.t("aucun délai en cours", "no pending deadline")
                print(
                    "\(c.id)  \(l == .fr ? c.step.fr : c.step.en)  " + l.t("ouvert le ", "opened ")
                        + (c.openedOn?.description ?? "—") + "  " + next
                        + ((member != nil || search != nil) ? (why[c.id].map { "  (\($0))" } ?? "") : ""))
            }
        }
    }
}
