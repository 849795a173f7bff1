import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Où en est un dossier : étape, parties, rapporteur, cellule, suspensions, délais et prévision des 2 mois.",
            discussion: prose(
                """
                --as-of montre le dossier tel qu'il était ce jour-là (les actes postérieurs sont ignorés).
                Avec un identifiant de membre au lieu d'un dossier : ses dossiers d'échelle de sanctions (greffe ladder).

                Exemples :
                  greffe status 2026-001
                  greffe status 2026-001 --as-of 2026-03-20
                  greffe status 2026-001 --json
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier, ex. 2026-001.", completion: .custom(Completions.caseIDs))
        var caseID: String

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Jour de référence (défaut : aujourd'hui).", valueName: "jour"))
        var asOf: Day?

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let day = try registry.day(asOf)
            // A case by its id or a unique beginning or end of it (`001`); else a person (id, prefix or name).
            let id = try registry.resolveCase(caseID)
            guard try registry.caseExists(id) else {
                // Not a case: a person's ladder records, when there are any.
                let person = try registry.resolveMember(caseID, unknownIsFailure: false)
                let ladders = try registry.ladders(of: person, asOf: day)
                guard !ladders.isEmpty else { throw try registry.unknownCase(id) }
                let reveal = try registry.reveal(words: l.revealWords)
                let names = try registry.displayNames(reveal)
                let views = ladders.map { LadderView(loaded: $0, asOf: day, reveal: reveal, names: names) }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    encoder.userInfo[.fieldRevealer] = reveal
                    print(String(decoding: try encoder.encode(views.map(\.json)), as: UTF8.self))
                } else {
                    for view in views { print(view.text(l), terminator: "") }
                }
                return
            }
            let loaded = try registry.loadCase(id, asOf: day)
            let reveal = try registry.reveal(words: l.revealWords)
            // Only the people this case names (and the last act's recorder): a few reads and decryptions, not the
            // whole roster's.
            let named = Registry.membersNamed(in: loaded.state).union(loaded.records.map { MemberID($0.event.actor) })
            let names = try registry.displayNames(reveal, of: named)
            var view = CaseView(
                id: id, state: loaded.state, asOf: day, rulebook: loaded.rulebook, reveal: reveal,
                names: names)
            if let last = loaded.records.last(where: { Day(canonical: $0.event.occurredOn).map { $0 <= day } ?? false })
            {
                view.lastAct = (last.sequence, last.event.occurredOn, last.event.actor)
            }
            if json {
                print(try jsonText(CaseStatusJSON(view)))
            } else {
                print(view.text(l), terminator: "")
            }
        }
    }
}
