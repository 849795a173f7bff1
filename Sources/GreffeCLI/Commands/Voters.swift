import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    /// `greffe ga voters --for DAY`: who may vote at the GA and why the others may not (Article 2.4, R36).
    struct AssemblyVoters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voters",
            abstract:
                "Qui peut voter à l'Assemblée générale d'un jour (art. 2.4, R36), et pourquoi les autres ne le peuvent pas.",
            discussion: prose(
                """
                Critères tenus au registre : ancienneté d'au moins un an, cotisation à jour de moins d'un an (nombres du
                règlement, bloc paths.voting), membre ni parti·e ni radié·e ; une association membre ne vote pas
                elle-même (ses adhérents votent par la liste de l'antenne). L'auto-identification à l'autisme est la
                déclaration de la personne : le registre ne la tient pas, elle reste à vérifier. Les parties d'un
                dossier inscrit à l'ordre du jour de l'Assemblée sont signalées en conflit (art. 8).

                Exemples :
                  greffe ga voters --for 2026-06-20
                  greffe ga voters --for 2026-06-20 --json
                """))
        @OptionGroup var options: StoreOptions
        @Option(name: .customLong("for"), help: ArgumentHelp("Jour de l'Assemblée.", valueName: "jour")) var day: Day
        @Flag(help: "Sortie JSON.") var json = false

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let list = try registry.voters(for: day)
            let reveal = try registry.reveal(words: l.revealWords)
            if json {
                print(try jsonText(list, reveal: reveal))
                return
            }
            let count = list.filter(\.mayVote).count
            print(
                l.t(
                    "Assemblée du \(day.frenchDescription) : \(count) votant·e(s) sur \(list.count) membre(s) (art. 2.4)",
                    "GA of \(day): \(count) voter(s) of \(list.count) member(s) (art. 2.4)"))
            for v in list {
                var line = "  \(v.mayVote ? "✓" : "✗") \(v.member) \(reveal(v.displayName))"
                if !v.mayVote { line += " — " + (l == .fr ? v.reasonsFr : v.reasonsEn).joined(separator: " ; ") }
                if !v.conflicts.isEmpty {
                    line +=
                        l.t(" — conflit (art. 8) : partie au dossier ", " — conflict (art. 8): party to case ")
                        + v.conflicts.map(\.rawValue).joined(separator: ", ")
                }
                print(line)
            }
            print(
                l.t(
                    "  À vérifier pour chaque votant·e : s'identifier à l'autisme, avec ou sans diagnostic (non tenu au registre).",
                    "  To check for each voter: self-identification with autism, with or without diagnosis (not held in the register)."
                ))
        }
    }
}
