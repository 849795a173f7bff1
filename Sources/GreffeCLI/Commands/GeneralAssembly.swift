import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    /// The general-assembly subcommands about the GA itself (the decision acts are `ga vote` and `ga resolve`).
    static let assemblySubcommands: [any ParsableCommand.Type] = [
        AssemblySchedule.self, AssemblyDocket.self, AssemblyVoters.self, AssemblyRequestCommand.self
    ]

    struct AssemblySchedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract:
                "Programme une Assemblée générale (art. 5.6.10, 5.6.12) : son ordre du jour est arrêté ce jour-là.",
            discussion: prose(
                """
                Les recours et renvois survenus jusqu'au jour où l'Assemblée est programmée y sont entendus ; ce qui
                survient après va à l'Assemblée suivante.

                Exemples :
                  greffe ga schedule --on 2026-06-20 --place "Lyon, salle des fêtes"
                  greffe ga schedule --on 20/06/2026 --scheduled-on 2026-03-01 --as m001
                """))

        @OptionGroup var options: StoreOptions

        @Option(name: .customLong("on"), help: ArgumentHelp("Jour où l'Assemblée se tient.", valueName: "jour"))
        var heldOn: Day

        @Option(
            name: .customLong("scheduled-on"),
            help: ArgumentHelp("Jour où le Conseil l'a programmée (défaut : aujourd'hui).", valueName: "jour"))
        var scheduledOn: Day?

        @Option(help: "Lieu.")
        var place: String?

        @Option(
            name: .customLong("as"),
            help: ArgumentHelp(
                "Le membre qui enregistre (défaut : GREFFE_ACTOR) ; jamais vide, jamais deviné.", valueName: "membre"))
        var actor: String?

        func run() throws {
            let l = options.language
            let registry = try options.registry()
            let day = try registry.day(scheduledOn)
            var act = ActOptions()
            act.actor = try actor.map {
                try registry.resolveMember($0, option: "--as", unknownIsFailure: false).rawValue
            }
            let records = try registry.scheduleAssembly(
                AssemblyScheduled(heldOn: heldOn, place: place), on: day, recording: try act.recording)
            print(
                l.t(
                    "Enregistré : Assemblée générale du \(heldOn.frenchDescription)\(place.map { " (\($0))" } ?? ""), programmée le \(day.frenchDescription) (#\(records.last?.sequence ?? 0)).",
                    "Recorded: general assembly on \(heldOn)\(place.map { " (\($0))" } ?? ""), scheduled on \(day) (#\(records.last?.sequence ?? 0))."
                ))
        }
    }

    struct AssemblyDocket: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docket",
            abstract:
                "L'ordre du jour disciplinaire d'une Assemblée : recours, renvois, délais de recours encore ouverts, conflits d'intérêts.",
            discussion: prose(
                """
                Pour chaque affaire : qui a fait appel et quand, le délai de recours, la suspension en vigueur (R25), la
                question soumise au vote (deux tiers, R24) et les membres qui ne devraient pas voter (parties,
                rapporteur, membres de la cellule de crise).

                Exemples :
                  greffe ga docket
                  greffe ga docket --for 2026-06-20
                  greffe ga docket --json
                  greffe ga docket --for 2026-06-20 --as-of 2026-06-19

                --as-of JOUR donne un ordre du jour passé, pour le procès-verbal : le registre tel qu'il était à la
                fin de ce jour-là (les Assemblées programmées jusque-là, les actes de ce jour ou d'avant). La veille
                de l'Assemblée donne ce qu'elle avait à entendre, avant que ses votes ne règlent les affaires.
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            name: .customLong("for"),
            help: ArgumentHelp(
                "L'Assemblée tenue ce jour-là, ou la suivante (défaut : la prochaine).", valueName: "jour"))
        var day: Day?

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp(
                "Le registre tel qu'il était à la fin de ce jour (un ordre du jour passé, pour le procès-verbal).",
                valueName: "jour"))
        var asOf: Day?

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let from = try day ?? registry.day(asOf)
            let reveal = try registry.reveal(words: l.revealWords)
            guard let (assembly, items) = try registry.docket(heldOnOrAfter: from, asOf: asOf) else {
                let asOfFr = asOf.map { " au registre du \($0.frenchDescription)" } ?? ""
                let asOfEn = asOf.map { " in the register as of \($0)" } ?? ""
                throw CLIFailure(
                    status: .notFound,
                    fr:
                        "aucune Assemblée programmée le \(from.frenchDescription) ou après\(asOfFr) (voir `greffe ga schedule`)",
                    en: "no general assembly scheduled on or after \(from)\(asOfEn) (see `greffe ga schedule`)")
            }
            if json {
                print(try jsonText(DocketJSON(assembly, items, reveal)))
            } else {
                let names = try registry.displayNames(reveal)
                print(DocketView.text(assembly, items, l, reveal, names: names), terminator: "")
            }
        }
    }
}

/// The docket in words or JSON.
enum DocketView {
    static func matterText(
        _ matter: DocketItem.Matter, _ l: Language, _ reveal: Reveal,
        names: [MemberID: String] = [:]
    ) -> String {
        switch matter {
        case let .appeal(member, on, deadline, companion):
            let by = Registry.named(member, names)
            return l.t("recours de \(by) le \(on)", "appeal by \(by) on \(on)")
                + (deadline.map { l.t(" (délai : \($0))", " (window: \($0))") } ?? "")
                + (reveal(companion).map { l.t(", accompagné·e de \($0)", ", accompanied by \($0)") } ?? "")
        case let .referral(on):
            return l.t(
                "renvoi par la cellule le \(on) (deux tiers non atteints)",
                "referred by the cell on \(on) (two-thirds missed)")
        case let .windowOpen(member, until):
            let party = Registry.named(member, names)
            return l.t(
                "délai de recours de \(party) encore ouvert jusqu'au \(until)",
                "\(party)'s appeal window still open until \(until)")
        }
    }

    static func text(
        _ assembly: Assembly, _ items: [DocketItem], _ l: Language, _ reveal: Reveal,
        names: [MemberID: String] = [:]
    ) -> String {
        var out =
            l.t("Assemblée générale du \(assembly.heldOn)", "General assembly on \(assembly.heldOn)")
            + (assembly.place.map { " — \($0)" } ?? "")
            + l.t(
                " (ordre du jour arrêté le \(assembly.scheduledOn))\n", " (agenda fixed on \(assembly.scheduledOn))\n")
        if items.isEmpty { out += l.t("  Aucune affaire disciplinaire.\n", "  No disciplinary matter.\n") }
        for item in items {
            out += "  \(item.caseID) — \(matterText(item.matter, l, reveal, names: names))\n"
            out += l.t("    question : ", "    question: ") + (l == .fr ? item.questionFr : item.questionEn) + "\n"
            for s in item.suspensions {
                out += l.t(
                    "    suspension en vigueur (\(s.rule.rawValue)) depuis le \(s.from), \(s.untilFr)\n",
                    "    suspension in force (\(s.rule.rawValue)) since \(s.from), \(s.untilEn)\n")
            }
            if !item.conflicts.isEmpty {
                out +=
                    l.t("    conflits (ne votent pas) : ", "    conflicts (do not vote): ")
                    + item.conflicts.map { "\(Registry.named($0.member, names)) — \(l == .fr ? $0.fr : $0.en)" }.joined(
                        separator: ", ") + "\n"
            }
        }
        return out
    }
}
