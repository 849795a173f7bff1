import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les dossiers : étape, ouverture, prochain délai.",
            discussion: prose("""
                --state open (défaut : tous) garde les dossiers en cours, --state closed les dossiers clos ou arrêtés ;
                --state ÉTAPE garde une étape précise (ex. appealPending, constitutingCell ; voir --help).

                Exemples :
                  greffe cases
                  greffe cases --state open
                  greffe cases --state appealPending --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp(
            "Filtre : open, closed, ou une étape : \(CaseStep.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "état"))
        var state: String?

        func validate() throws {
            if let state, state != "open", state != "closed", CaseStep(rawValue: state) == nil {
                throw ValidationError("--state : open, closed ou une étape (\(CaseStep.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }

        /// Closed or stopped cases are finished; every other step is open.
        static func isFinished(_ step: CaseStep) -> Bool { step == .closed || step == .stopped }

        func keeps(_ summary: CaseSummary) -> Bool {
            switch state {
            case nil: return true
            case "open": return !Self.isFinished(summary.step)
            case "closed": return Self.isFinished(summary.step)
            case let step?: return summary.step.rawValue == step
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
