import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les dossiers : étape, ouverture, prochain délai.",
            discussion: """
                Exemples :
                  greffe cases
                  greffe cases --json
                """)

        @OptionGroup var options: StoreOptions

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                let registry = try options.registry()
                let index = try registry.caseIndex()
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
}
