import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les dossiers : étape, ouverture, prochain délai.",
            discussion: prose("""
                --state en-cours (ou open ; défaut : tous) garde les dossiers en cours, --state clos (ou closed) les
                dossiers clos ou arrêtés ; --state ÉTAPE garde une étape précise, nommée en français comme `greffe
                cases` l'affiche (« recours formé, Assemblée générale attendue ») ou par son identifiant (appealPending).

                Exemples :
                  greffe cases
                  greffe cases --state en-cours
                  greffe cases --state "recours formé, Assemblée générale attendue"
                  greffe cases --state appealPending --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp(
            "Filtre : en-cours, clos, ou une étape (ses mots français ou son identifiant) : \(CaseStep.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "état"))
        var state: String?

        func validate() throws {
            if let state, Filter(state) == nil {
                throw ValidationError("--state : en-cours, clos ou une étape (\(CaseStep.allCases.map(\.fr).joined(separator: " ; "))) / open, closed or a step (\(CaseStep.allCases.map(\.rawValue).joined(separator: ", ")))")
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
            let index = try registry.caseIndex().filter(keeps)
            if json {
                let data = try Projections.jsonEncoder.encode(index)
                print(String(decoding: data, as: UTF8.self))
                return
            }
            if index.isEmpty { print(l.t("(aucun dossier)", "(no cases)")) }
            for c in index {
                let next = c.nextDue.map { day in
                    l.t("prochain délai \(day) (\(c.nextDueRule?.rawValue ?? "?"))", "next deadline \(day) (\(c.nextDueRule?.rawValue ?? "?"))")
                } ?? l.t("aucun délai en cours", "no pending deadline")
                print("\(c.id)  \(l == .fr ? c.step.fr : c.step.en)  " + l.t("ouvert le ", "opened ")
                    + (c.openedOn?.description ?? "—") + "  " + next)
            }
        }
    }
}
