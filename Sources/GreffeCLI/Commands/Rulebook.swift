import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct RulebookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rulebook",
            abstract: "Les règlements en échelle de sanctions : lister, montrer, valider un fichier, adopter.",
            discussion: """
                Greffe livre un règlement par organisation des textes sources : cle-5.2 (CLE Autistes, art. 5.2),
                aalmi-5 (AALMI Fès, §5), coopol-4 (la coopol, §4), act-alliance (ACT Alliance, « Mise en œuvre »),
                collectivite (charte d'une collectivité : référent, droit à l'image). Format : docs/rulebooks.md et
                Schemas/ladder-rulebook.schema.json.

                Exemples :
                  greffe rulebook list
                  greffe rulebook show aalmi-5
                  greffe rulebook validate mon-reglement.json
                  greffe rulebook adopt cle-5.2 --on 2026-01-02 --as m001
                  greffe rulebook adopt coopol-4 --file coopol-v2.json
                """,
            subcommands: [List.self, Show.self, Validate.self, Adopt.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Les règlements livrés (et, si le magasin existe, la version adoptée).",
                discussion: "Exemples :\n  greffe rulebook list\n  greffe rulebook list --json")
            @OptionGroup var options: StoreOptions
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                try reportingLadderFailures(l) {
                    let shipped = try ShippedRulebooks.all()
                    let adopted = options.adoptedIfAny()
                    if json {
                        print(try jsonText(shipped.map { b in
                            ListLine(id: b.id, version: b.version, title: b.title, source: b.source,
                                     adoptedVersion: adopted.last { $0.id == b.id }?.version)
                        }))
                        return
                    }
                    for b in shipped {
                        let mark = adopted.last { $0.id == b.id }.map { l.t("  [adopté v\($0.version)]", "  [adopted v\($0.version)]") } ?? ""
                        print("\(b.id)  v\(b.version)  \(b.title)\(mark)")
                    }
                }
            }

            struct ListLine: Encodable {
                var id: String
                var version: Int
                var title: String
                var source: LadderRulebook.Source
                var adoptedVersion: Int?
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Montre un règlement : incidents, mesures, qui décide, prérequis, article cité.",
                discussion: """
                    Sans --file, le règlement adopté dans le magasin (s'il l'est), sinon le règlement livré.

                    Exemples :
                      greffe rulebook show cle-5.2
                      greffe rulebook show collectivite --lang en
                      greffe rulebook show aalmi-5 --json
                    """)
            @OptionGroup var options: StoreOptions
            @Argument(help: "Identifiant du règlement (greffe rulebook list).") var id: String
            @Flag(help: "Sortie JSON (le fichier du règlement).") var json = false

            func run() throws {
                let l = options.language
                try reportingLadderFailures(l) {
                    let adopted = options.adoptedIfAny().last { $0.id == id }
                    guard let book = try adopted ?? ShippedRulebooks.named(id) else { throw LadderError.unknownRulebook(id) }
                    if json {
                        print(String(decoding: try book.jsonData(), as: UTF8.self))
                    } else {
                        print(RulebookText(book: book, l: l).text, terminator: "")
                    }
                }
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Vérifie un fichier de règlement ; chaque défaut est donné avec son chemin JSON (sortie 65).",
                discussion: """
                    Exemples :
                      greffe rulebook validate mon-reglement.json
                      greffe rulebook validate mon-reglement.json --json
                    """)
            @OptionGroup var options: StoreOptions
            @Argument(help: "Fichier JSON du règlement.") var file: String
            @Flag(help: "Sortie JSON : la liste des défauts.") var json = false

            func run() throws {
                let l = options.language
                try reportingLadderFailures(l) {
                    switch LadderRulebook.load(from: try contents(of: file)) {
                    case .success(let book):
                        print(json ? "[]" : l.t("\(file) : règlement valide — \(book.id) v\(book.version), \(book.measures.count) mesures",
                                                "\(file): valid rulebook — \(book.id) v\(book.version), \(book.measures.count) measures"))
                    case .failure(let invalid):
                        if json {
                            print(try jsonText(invalid.faults))
                            throw ExitCode(ExitStatus.refused.rawValue)
                        }
                        throw LadderError.invalidRulebook(invalid)
                    }
                }
            }
        }

        struct Adopt: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Adopte un règlement (ou une nouvelle version) : un événement du flux « registry ».",
                discussion: """
                    Un dossier d'échelle garde la version en vigueur à son ouverture et reste évalué sous elle.
                    Une organisation par magasin : un autre règlement que celui déjà adopté est refusé (sortie 65).

                    Exemples :
                      greffe rulebook adopt aalmi-5 --on 2026-01-02 --as m001
                      greffe rulebook adopt aalmi-5 --file aalmi-v2.json
                    """)
            @OptionGroup var options: StoreOptions
            @OptionGroup var act: ActOptions
            @Argument(help: "Identifiant du règlement livré.") var id: String
            @Option(help: ArgumentHelp("Adopte ce fichier (nouvelle version) au lieu du règlement livré.", valueName: "fichier"))
            var file: String?

            func run() throws {
                let l = options.language
                try reportingLadderFailures(l) {
                    let book: LadderRulebook
                    if let file {
                        switch LadderRulebook.load(from: try contents(of: file)) {
                        case .success(let loaded): book = loaded
                        case .failure(let invalid): throw LadderError.invalidRulebook(invalid)
                        }
                        guard book.id == id else {
                            throw CLIFailure(status: .usage, fr: "le fichier porte l'identifiant \(book.id), pas \(id)",
                                             en: "the file's id is \(book.id), not \(id)")
                        }
                    } else {
                        guard let shipped = try ShippedRulebooks.named(id) else { throw LadderError.unknownRulebook(id) }
                        book = shipped
                    }
                    let registry = try options.registry()
                    let day = try act.on ?? Today.resolve(timeZone: book.timeZone)
                    let adoption = try registry.adopt(book, on: day, recording: act.recording)
                    print(l.t("Règlement adopté : \(book.id) v\(book.version) le \(day.frenchDescription) — \(book.title)\n  SHA-256 \(adoption.sha256)",
                              "Rulebook adopted: \(book.id) v\(book.version) on \(day) — \(book.title)\n  SHA-256 \(adoption.sha256)"))
                }
            }
        }
    }
}

extension StoreOptions {
    /// The rulebooks adopted in the store, when there is a store; none otherwise (listing works without a store).
    func adoptedIfAny() -> [LadderRulebook] {
        (try? EventStore.open(at: storePath)).flatMap { try? Registry(store: $0).adoptedRulebooks() } ?? []
    }
}

/// A file's bytes, or exit 66 naming it.
func contents(of file: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: file) else {
        throw CLIFailure(status: .notFound, fr: "fichier introuvable : \(file)", en: "no such file: \(file)")
    }
    return data
}

/// A rulebook as `greffe rulebook show` prints it.
struct RulebookText {
    let book: LadderRulebook
    let l: Language

    func role(_ id: String) -> String { book.role(id).map { l.t($0.fr, $0.en) } ?? id }

    func condition(_ c: LadderRulebook.Condition) -> String {
        var parts: [String] = []
        let kind = c.kind.flatMap { book.incident($0) }.map { " (" + l.t($0.fr, $0.en) + ")" } ?? ""
        let within = c.within.map { l.t(" sur \($0.fr)", " within \($0.en)") } ?? ""
        if let n = c.incidents { parts.append(l.t("\(n) incident(s)", "\(n) incident(s)") + kind + within) }
        if let n = c.repeats { parts.append(l.t("\(n) récidive(s)", "\(n) repeat(s)") + kind + within) }
        if let id = c.measure {
            let m = book.measure(id)
            var s = l.t("« \(m?.fr ?? id) » avant", "a prior \(m?.en ?? id)")
            if let o = c.outcome { s += l.t(" (issue \(o))", " (outcome \(o))") }
            if let n = c.incidentsAfter { s += l.t(" puis \(n) incident(s)", " then \(n) incident(s)") }
            parts.append(s)
        }
        if let any = c.anyOf { parts.append(l.t("l'un de [", "one of [") + any.map(condition).joined(separator: " | ") + "]") }
        return parts.joined(separator: l.t(" et ", " and "))
    }

    var text: String {
        var out = "\(book.title)\n"
        out += l.t("  \(book.id) v\(book.version), règle \(book.rule), source \(book.source.document) (\(book.source.article)), fuseau \(book.timeZone)\n",
                   "  \(book.id) v\(book.version), rule \(book.rule), source \(book.source.document) (\(book.source.article)), time zone \(book.timeZone)\n")
        out += l.t("Incidents :\n", "Incidents:\n")
        for k in book.incidents {
            out += "  \(k.id) — \(l.t(k.fr, k.en)) (art. \(k.article))\n    « \(k.quote) »\n"
            if let c = k.channel {
                out += l.t("    reçu par : ", "    received by: ") + c.channels.map { l.t($0.fr, $0.en) }.joined(separator: ", ")
                    + (c.required ? l.t(" (obligatoire)", " (required)") : "") + "\n"
            }
            if let a = k.awaits { out += l.t("    attend : \(a)\n", "    awaits: \(a)\n") }
        }
        out += l.t("Mesures :\n", "Measures:\n")
        for m in book.measures {
            out += "  \(m.id) — \(l.t(m.fr, m.en)) (art. \(m.article))\n    « \(m.quote) »\n"
            out += l.t("    décidée par : ", "    decided by: ") + m.decidedBy.map(role).joined(separator: l.t(" ou ", " or "))
            if !m.agreementOf.isEmpty { out += l.t(", avec l'accord de : ", ", with the agreement of: ") + m.agreementOf.map(role).joined(separator: ", ") }
            out += "\n"
            if !m.requires.isEmpty { out += l.t("    exige : ", "    requires: ") + m.requires.map(condition).joined(separator: "; ") + "\n" }
            for e in m.exceptions {
                out += l.t("    exception \(e.id) (motif écrit obligatoire) : « \(e.quote) »\n", "    exception \(e.id) (written reason required): « \(e.quote) »\n")
            }
            if m.duration != .none { out += l.t("    durée : \(m.duration == .required ? "obligatoire" : "facultative (sans durée : définitive)")\n", "    duration: \(m.duration.rawValue)\n") }
            if let n = m.notification {
                out += l.t("    notifiée par : ", "    notified by: ") + n.channels.map { l.t($0.fr, $0.en) }.joined(separator: l.t(" ou ", " or "))
                    + (n.required ? l.t(" (obligatoire)", " (required)") : "") + "\n"
            }
            if m.reasonRequired { out += l.t("    motivée (motif obligatoire)\n", "    motivated (reason required)\n") }
            if !m.outcomes.isEmpty { out += l.t("    issues : ", "    outcomes: ") + m.outcomes.map { "\($0.id) (\(l.t($0.fr, $0.en)))" }.joined(separator: ", ") + "\n" }
            if let d = m.detail { out += l.t("    préciser : \(d.fr)\n", "    name: \(d.en)\n") }
            if let e = m.escalation {
                if let p = e.procedure { out += l.t("    ouvre une procédure : \(p) (plainte, motifs \((e.motives ?? []).joined(separator: ", ")))\n", "    opens a procedure: \(p) (complaint, motives \((e.motives ?? []).joined(separator: ", ")))\n") }
                if let next = e.measure { out += l.t("    puis dû : \(next)\(e.outcome.map { " (si \($0))" } ?? "")\n", "    then due: \(next)\(e.outcome.map { " (if \($0))" } ?? "")\n") }
            }
        }
        return out
    }
}
