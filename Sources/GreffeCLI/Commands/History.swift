import ArgumentParser
import Discipline
import Documents
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Les actes d'un dossier dans l'ordre : jour de l'acte, moment de l'enregistrement, qui l'a enregistré.",
            discussion: prose("""
                Un enregistrement tardif reste visible : le jour de l'acte et l'instant d'enregistrement sont tous deux
                montrés.

                Exemples :
                  greffe history 2026-001
                  greffe history 2026-001 --json
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier.", completion: .custom(Completions.caseIDs))
        var caseID: String

        @Flag(help: "Une ligne JSON par événement (enveloppe complète et contenu).")
        var json = false

        func run() throws {
            let l = options.language
            let (registry, id) = try options.readingRegistry(forCase: caseID)
            let loaded = try registry.loadCase(id)
            let words = EventWords(language: l, rulebook: loaded.rulebook, name: \.rawValue)
            for (dated, record) in zip(loaded.events, loaded.records) {
                if json {
                    print(try jsonLine(envelope(record)))
                } else {
                    print("#\(record.sequence)  \(record.event.occurredOn)  " + words.sentence(dated.event))
                    print("      \(record.type) v\(record.version), " + l.t("enregistré par ", "recorded by ")
                        + record.event.actor + l.t(" le ", " at ") + isoInstant(record.event.recordedAt))
                }
            }
        }
    }
}
