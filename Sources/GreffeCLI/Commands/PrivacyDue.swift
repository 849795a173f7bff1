import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand.Privacy {
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Ce qui doit être effacé un jour donné (article 6) : non-renouvellements, démissions, textes des dossiers.",
            discussion: prose(
                """
                Liste, avec son motif, chaque donnée que l'article 6 ne permet plus de garder ce jour-là : les membres \
                qui n'ont pas renouvelé leur adhésion (cotisation d'une année non payée, le délai de l'article 2.3 \
                écoulé après l'avis de renouvellement), les membres démissionnaires (2.2) ou partis, et les textes des \
                dossiers terminés dont la conservation est écoulée. Les durées sont celles du règlement (retention). \
                Une radiation est gardée sans limite de temps ; un membre nommé dans un dossier ouvert est gardé \
                jusqu'à sa clôture (défense de droits en justice) : ils sont listés à part.

                --apply efface chaque membre dû (comme privacy erase) et les textes de chaque dossier dû (comme \
                privacy erase-case), un acte enregistré chacun, daté du jour donné ; rien n'est écrit si l'un des \
                effacements de dossier serait refusé.

                Exemples :
                  greffe privacy due --as-of 2027-03-01
                  greffe privacy due --as-of 2027-03-01 --apply --as secretariat
                  greffe privacy due --as-of 2027-03-01 --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp(
                "Le jour examiné (défaut : aujourd'hui, ou GREFFE_TODAY).", valueName: "jour"))
        var asOf: Day?

        @Flag(
            help:
                "Efface chaque membre et les textes de chaque dossier dus (un acte enregistré chacun, daté du jour examiné)."
        )
        var apply = false

        @Option(
            name: .customLong("as"),
            help: ArgumentHelp(
                "Avec --apply : le membre qui enregistre les effacements (défaut : GREFFE_ACTOR).", valueName: "membre")
        )
        var actor: String?

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let registry = apply ? try options.registry() : try options.readingRegistry()
            let day = try asOf ?? Today.resolve(timeZone: registry.rulebook.timeZone)
            if apply {
                let act = try ActOptions.parse(actor.map { ["--as", $0] } ?? [])
                let applied = try registry.applyRetention(asOf: day, recording: try act.recording)
                let review = try registry.retentionReview(asOf: day)
                if json {
                    print(try jsonText(RetentionView(day: day, review: review, applied: applied)))
                    return
                }
                for done in applied {
                    switch done.item.subject {
                    case .member(let id):
                        let at = done.records.last.map { " (n° \($0.sequence))" } ?? ""
                        print(
                            l.t(
                                "Données de \(id) effacées\(at) — \(done.item.fr)",
                                "Data of \(id) erased\(at) — \(done.item.en)"))
                    case .caseTexts(let id):
                        let at = done.records.last.map { " (n° \($0.sequence))" } ?? ""
                        print(
                            l.t(
                                "Textes du dossier \(id) effacés\(at) — \(done.item.fr)",
                                "Texts of case \(id) erased\(at) — \(done.item.en)"))
                    }
                }
                if applied.isEmpty {
                    print(
                        l.t(
                            "Rien à effacer au \(day) ; rien n'a été écrit.",
                            "Nothing to erase as of \(day); nothing was written."))
                }
                printHeld(review, l)
                return
            }
            let review = try registry.retentionReview(asOf: day)
            if json {
                print(try jsonText(RetentionView(day: day, review: review, applied: nil)))
                return
            }
            print(l.t("Effacements dus au \(day) (article 6) :", "Erasures due as of \(day) (Article 6):"))
            if review.due.isEmpty { print(l.t("  aucun", "  none")) }
            for item in review.due {
                print("  \(item.since)  \(Self.subjectWords(item.subject, l))  — " + (l == .fr ? item.fr : item.en))
            }
            printHeld(review, l)
        }

        func printHeld(_ review: RetentionReview, _ l: Language) {
            guard !review.held.isEmpty else { return }
            print(l.t("Gardés malgré tout :", "Kept nonetheless:"))
            for item in review.held {
                print("  \(Self.subjectWords(item.subject, l))  — " + (l == .fr ? item.fr : item.en))
            }
        }

        static func subjectWords(_ subject: ErasureSubject, _ l: Language) -> String {
            switch subject {
            case .member(let id): return l.t("membre \(id)", "member \(id)")
            case .caseTexts(let id): return l.t("textes du dossier \(id)", "texts of case \(id)")
            }
        }
    }
}

/// `privacy due --json`: the day, what is due and kept, and with `--apply` what was recorded.
struct RetentionView: Encodable {
    struct Item: Encodable {
        var kind: String
        var id: String
        var ground: String?
        var since: String?
        var fr: String
        var en: String
        /// With `--apply`: the sequence of the erasure recorded, when one was.
        var erasedAt: UInt64?
    }

    var asOf: String
    var due: [Item]
    var held: [Item]
    var applied: Bool

    init(day: Day, review: RetentionReview, applied: [RetentionApplied]?) {
        asOf = day.description
        self.applied = applied != nil
        let done = applied ?? []
        due = (applied.map { $0.map(\.item) } ?? review.due).map { item in
            let sequence = done.first { $0.item == item }?.records.last?.sequence
            return Item(
                kind: Self.kind(item.subject), id: Self.id(item.subject), ground: item.ground.rawValue,
                since: item.since.description, fr: item.fr, en: item.en, erasedAt: sequence)
        }
        held = review.held.map { Item(kind: Self.kind($0.subject), id: Self.id($0.subject), fr: $0.fr, en: $0.en) }
    }

    static func kind(_ subject: ErasureSubject) -> String {
        if case .member = subject { return "member" }
        return "case-texts"
    }

    static func id(_ subject: ErasureSubject) -> String {
        switch subject {
        case .member(let id): return id.rawValue
        case .caseTexts(let id): return id.rawValue
        }
    }
}
