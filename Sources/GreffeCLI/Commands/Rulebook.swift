import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct RulebookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rulebook",
            abstract:
                "Les règlements : lister, montrer, valider un fichier, adopter (ou adopter une nouvelle version).",
            discussion: prose(
                """
                Greffe livre, dans un seul format de fichier (Schemas/rulebook.schema.json, docs/rulebooks.md), \
                cle-autistes-ri, la procédure de l'article 5.6 de CLE Autistes (délais, deux tiers, cellule, \
                récusations, plafond de jugements ; "kind": "procedure"), et les échelles de sanctions \
                ("kind": "ladder") : cle-5.2 (CLE Autistes, art. 5.2), aalmi-5 (AALMI Fès, §5), coopol-4 (la coopol, \
                §4), act-alliance (ACT Alliance, « Mise en œuvre »), collectivite (charte d'une collectivité : \
                référent, droit à l'image).

                Adopter une nouvelle version de la procédure (art. 9, R34) vaut pour les dossiers dont la plainte est \
                déposée à partir du jour de l'adoption ; chaque dossier garde la version en vigueur à son ouverture.

                Exemples :
                  greffe rulebook list
                  greffe rulebook show aalmi-5
                  greffe rulebook show cle-autistes-ri
                  greffe rulebook validate mon-reglement.json
                  greffe rulebook adopt cle-5.2 --on 2026-01-02 --as m001
                  greffe rulebook adopt cle-autistes-ri --file cle-v2.json --on 2026-06-04
                """),
            subcommands: [List.self, Show.self, Validate.self, Adopt.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Les règlements livrés (et, si le magasin existe, les versions adoptées).",
                discussion: "Exemples :\n  greffe rulebook list\n  greffe rulebook list --json")
            @OptionGroup var options: StoreOptions
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let shipped = try ShippedRulebooks.all()
                let adopted = options.adoptedIfAny()
                // A rulebook adopted from a file of its own (not shipped) is listed too.
                let extra = Dictionary(
                    adopted.filter { a in !shipped.contains { $0.id == a.id } }.map { ($0.id, $0) },
                    uniquingKeysWith: { _, last in last }
                ).values.sorted { $0.id < $1.id }
                let books = shipped + extra
                func versions(_ id: String) -> [Int] { adopted.filter { $0.id == id }.map(\.version) }
                if json {
                    print(
                        try jsonText(
                            books.map { b in
                                ListLine(
                                    id: b.id, kind: b.kind.rawValue, version: b.version, title: b.title,
                                    source: b.source,
                                    adoptedVersion: versions(b.id).last, adoptedVersions: versions(b.id))
                            }))
                    return
                }
                for b in books {
                    let kind = b.kind == .procedure ? l.t("procédure", "procedure") : l.t("échelle", "ladder")
                    let seen = versions(b.id)
                    let mark =
                        seen.isEmpty
                        ? ""
                        : l.t("  [adopté : ", "  [adopted: ") + seen.map { "v\($0)" }.joined(separator: ", ") + "]"
                    print("\(b.id)  v\(b.version)  \(kind)  \(b.title)\(mark)")
                }
            }

            struct ListLine: Encodable {
                var id: String
                var kind: String
                var version: Int
                var title: String
                var source: RulebookSource
                var adoptedVersion: Int?
                var adoptedVersions: [Int]
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Montre un règlement : délais et seuils d'une procédure, ou incidents et mesures d'une échelle.",
                discussion: prose(
                    """
                    Sans --version, la dernière version adoptée dans le magasin (s'il y en a une), sinon le règlement \
                    livré.

                    Exemples :
                      greffe rulebook show cle-5.2
                      greffe rulebook show cle-autistes-ri --version 1
                      greffe rulebook show collectivite --lang en
                      greffe rulebook show aalmi-5 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "Identifiant du règlement (greffe rulebook list).") var id: String
            @Option(help: ArgumentHelp("Une version adoptée dans le magasin.", valueName: "n")) var version: Int?
            @Flag(help: "Sortie JSON (le fichier du règlement).") var json = false

            func run() throws {
                let l = options.language
                let adopted = options.adoptedIfAny().filter { $0.id == id }
                let found: RulebookDocument?
                if let version {
                    found =
                        try adopted.last { $0.version == version }
                        ?? ShippedRulebooks.named(id).flatMap { $0.version == version ? $0 : nil }
                    guard found != nil else {
                        throw CLIFailure(
                            status: .notFound, fr: "\(id) v\(version) n'est ni adopté ni livré",
                            en: "\(id) v\(version) is neither adopted nor shipped")
                    }
                } else {
                    found = try adopted.last ?? ShippedRulebooks.named(id)
                }
                guard let book = found else { throw LadderError.unknownRulebook(id) }
                if json {
                    print(String(decoding: try book.jsonData(), as: UTF8.self))
                    return
                }
                switch book {
                case .ladder(let ladder): print(RulebookText(book: ladder, l: l).text, terminator: "")
                case .procedure(let procedure): print(ProcedureText(book: procedure, l: l).text, terminator: "")
                }
            }
        }

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Vérifie un fichier de règlement ; chaque défaut est donné avec son chemin JSON (sortie 65).",
                discussion: prose(
                    """
                    Une procédure ou une échelle, dans le format de Schemas/rulebook.schema.json.

                    Exemples :
                      greffe rulebook validate mon-reglement.json
                      greffe rulebook validate mon-reglement.json --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "Fichier JSON du règlement.") var file: String
            @Flag(help: "Sortie JSON : la liste des défauts.") var json = false

            func run() throws {
                let l = options.language
                switch RulebookDocument.load(
                    from: try contents(of: file), knownProcedures: try options.knownProcedures())
                {
                case .success(.ladder(let book)):
                    print(
                        json
                            ? "[]"
                            : l.t(
                                "\(file) : règlement valide — échelle \(book.id) v\(book.version), \(book.measures.count) mesures",
                                "\(file): valid rulebook — ladder \(book.id) v\(book.version), \(book.measures.count) measures"
                            ))
                case .success(.procedure(let book)):
                    print(
                        json
                            ? "[]"
                            : l.t(
                                "\(file) : règlement valide — procédure \(book.id) v\(book.version), cellule de \(book.cellSize)",
                                "\(file): valid rulebook — procedure \(book.id) v\(book.version), cell of \(book.cellSize)"
                            ))
                case .failure(let invalid):
                    if json {
                        print(try jsonText(invalid.faults))
                        throw ExitCode(ExitStatus.refused.rawValue)
                    }
                    throw LadderError.invalidRulebook(invalid)
                }
            }
        }

        struct Adopt: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Adopte un règlement (ou une nouvelle version) : un événement du flux « registry ».",
                discussion: prose(
                    """
                    Un dossier d'échelle garde la version en vigueur à son ouverture et reste évalué sous elle ; un \
                    dossier de l'article 5.6 garde la version de la procédure en vigueur le jour de sa plainte (R34). \
                    Une organisation par magasin : une autre échelle (ou une autre procédure) que celle déjà adoptée \
                    est refusée (sortie 65), comme une version qui n'est pas plus grande que la dernière.

                    Exemples :
                      greffe rulebook adopt aalmi-5 --on 2026-01-02 --as m001
                      greffe rulebook adopt aalmi-5 --file aalmi-v2.json
                      greffe rulebook adopt cle-autistes-ri --file cle-v2.json --on 2026-06-04
                    """))
            @OptionGroup var options: StoreOptions
            @OptionGroup var act: ActOptions
            @Argument(help: "Identifiant du règlement.") var id: String
            @Option(
                help: ArgumentHelp(
                    "Adopte ce fichier (nouvelle version) au lieu du règlement livré.", valueName: "fichier"))
            var file: String?

            func run() throws {
                let l = options.language
                let book: RulebookDocument
                if let file {
                    switch RulebookDocument.load(
                        from: try contents(of: file), knownProcedures: try options.knownProcedures())
                    {
                    case .success(let loaded): book = loaded
                    case .failure(let invalid): throw LadderError.invalidRulebook(invalid)
                    }
                    guard book.id == id else {
                        throw CLIFailure(
                            status: .usage, fr: "le fichier porte l'identifiant \(book.id), pas \(id)",
                            en: "the file's id is \(book.id), not \(id)")
                    }
                } else {
                    guard let shipped = try ShippedRulebooks.named(id) else { throw LadderError.unknownRulebook(id) }
                    book = shipped
                }
                let registry = try options.registry()
                let day = try act.on ?? Today.resolve(timeZone: book.timeZone)
                let adoption = try registry.adopt(book, on: day, recording: try act.recording)
                print(
                    l.t(
                        "Règlement adopté : \(book.id) v\(book.version) le \(day.frenchDescription) — \(book.title)\n  SHA-256 \(adoption.sha256)",
                        "Rulebook adopted: \(book.id) v\(book.version) on \(day) — \(book.title)\n  SHA-256 \(adoption.sha256)"
                    ))
                if book.kind == .procedure {
                    print(
                        l.t(
                            "  Il s'applique aux plaintes déposées à partir du \(day.frenchDescription) ; les dossiers ouverts gardent leur version (R34, art. 9).",
                            "  It applies to complaints filed from \(day) on; open cases keep their version (R34, art. 9)."
                        ))
                }
            }
        }
    }
}

extension StoreOptions {
    /// The rulebooks adopted in the store, oldest first, when there is a store; none otherwise (listing works without
    /// a store).
    func adoptedIfAny() -> [RulebookDocument] {
        (try? readingStore()).flatMap { try? Registry(store: $0).adoptedDocuments().map(\.rulebook) } ?? []
    }

    /// The procedures a ladder rung may escalate to: the shipped ones and those adopted in the store.
    func knownProcedures() throws -> Set<String> {
        let shipped = try ShippedRulebooks.all().compactMap(\.procedure).map(\.id)
        return Set(shipped + [Rulebook.cle.id] + adoptedIfAny().compactMap(\.procedure).map(\.id))
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
        if let any = c.anyOf {
            parts.append(l.t("l'un de [", "one of [") + any.map(condition).joined(separator: " | ") + "]")
        }
        return parts.joined(separator: l.t(" et ", " and "))
    }

    var text: String {
        var out = "\(book.title)\n"
        out += l.t(
            "  \(book.id) v\(book.version), règle \(book.rule), source \(book.source.document) (\(book.source.article)), fuseau \(book.timeZone)\n",
            "  \(book.id) v\(book.version), rule \(book.rule), source \(book.source.document) (\(book.source.article)), time zone \(book.timeZone)\n"
        )
        out += l.t("Incidents :\n", "Incidents:\n")
        for k in book.incidents {
            out += "  \(k.id) — \(l.t(k.fr, k.en)) (art. \(k.article))\n    « \(k.quote) »\n"
            if let c = k.channel {
                out +=
                    l.t("    reçu par : ", "    received by: ")
                    + c.channels.map { l.t($0.fr, $0.en) }.joined(separator: ", ")
                    + (c.required ? l.t(" (obligatoire)", " (required)") : "") + "\n"
            }
            if let a = k.awaits { out += l.t("    attend : \(a)\n", "    awaits: \(a)\n") }
        }
        out += l.t("Mesures :\n", "Measures:\n")
        for m in book.measures {
            out += "  \(m.id) — \(l.t(m.fr, m.en)) (art. \(m.article))\n    « \(m.quote) »\n"
            out +=
                l.t("    décidée par : ", "    decided by: ")
                + m.decidedBy.map(role).joined(separator: l.t(" ou ", " or "))
            if !m.agreementOf.isEmpty {
                out +=
                    l.t(", avec l'accord de : ", ", with the agreement of: ")
                    + m.agreementOf.map(role).joined(separator: ", ")
            }
            out += "\n"
            if !m.requires.isEmpty {
                out += l.t("    exige : ", "    requires: ") + m.requires.map(condition).joined(separator: "; ") + "\n"
            }
            for e in m.exceptions {
                out += l.t(
                    "    exception \(e.id) (motif écrit obligatoire) : « \(e.quote) »\n",
                    "    exception \(e.id) (written reason required): « \(e.quote) »\n")
            }
            if m.duration != .none {
                out += l.t(
                    "    durée : \(m.duration == .required ? "obligatoire" : "facultative (sans durée : définitive)")\n",
                    "    duration: \(m.duration.rawValue)\n")
            }
            if let n = m.notification {
                out +=
                    l.t("    notifiée par : ", "    notified by: ")
                    + n.channels.map { l.t($0.fr, $0.en) }.joined(separator: l.t(" ou ", " or "))
                    + (n.required ? l.t(" (obligatoire)", " (required)") : "") + "\n"
            }
            if m.reasonRequired { out += l.t("    motivée (motif obligatoire)\n", "    motivated (reason required)\n") }
            if !m.outcomes.isEmpty {
                out +=
                    l.t("    issues : ", "    outcomes: ")
                    + m.outcomes.map { "\($0.id) (\(l.t($0.fr, $0.en)))" }.joined(separator: ", ") + "\n"
            }
            if let d = m.detail { out += l.t("    préciser : \(d.fr)\n", "    name: \(d.en)\n") }
            if let e = m.escalation {
                if let p = e.procedure {
                    out += l.t(
                        "    ouvre une procédure : \(p) (plainte, motifs \((e.motives ?? []).joined(separator: ", ")))\n",
                        "    opens a procedure: \(p) (complaint, motives \((e.motives ?? []).joined(separator: ", ")))\n"
                    )
                }
                if let next = e.measure {
                    out += l.t(
                        "    puis dû : \(next)\(e.outcome.map { " (si \($0))" } ?? "")\n",
                        "    then due: \(next)\(e.outcome.map { " (if \($0))" } ?? "")\n")
                }
            }
        }
        return out
    }
}

/// A procedure rulebook as `greffe rulebook show` prints it: every deadline with the fact it runs from, and the numbers.
struct ProcedureText {
    let book: Rulebook
    let l: Language

    static let deadlineWords: [String: (fr: String, en: String)] = [
        "boardNotification": ("prévenir les autres membres du Conseil", "notify the other board members"),
        "conclusion": ("aboutir (fin de la procédure)", "conclude the procedure"),
        "boardMeeting": ("réunion du Conseil", "board meeting"),
        "disciplinaryFile": ("dossier disciplinaire complet", "disciplinary file complete"),
        "answerWindow": ("réponse de la personne mise en cause", "answer of the accused"),
        "summary": ("synthèse du rapporteur", "rapporteur's summary"),
        "newCallAfterRecusal": ("nouvel appel après une récusation", "new call after a recusal"),
        "cellMeeting": ("réunion de la cellule de crise", "crisis cell meeting"),
        "execution": ("exécution du jugement par le Conseil", "execution by the board"),
        "appeal": ("recours", "appeal")
    ]

    static let anchorWords: [Rulebook.Anchor: (fr: String, en: String)] = [
        .boardLearned: ("la connaissance des faits par le Conseil", "the board learning of the facts"),
        .complaintFiled: ("la plainte", "the complaint"),
        .boardMeeting: ("la réunion du Conseil", "the board meeting"),
        .explanationRequested: ("la demande d'explication", "the request for an explanation"),
        .answerOrWindowEnd: ("la réponse (ou la fin du délai de réponse)", "the answer (or the end of its window)"),
        .recusal: ("la récusation", "the recusal"),
        .instructionEnded: ("la fin de l'instruction", "the end of the instruction"),
        .judgementSentToBoard: ("l'envoi du jugement au Conseil", "the judgement sent to the board"),
        .decisionLetterReceived: ("la réception du courrier de décision", "the decision letter received")
    ]

    var text: String {
        var out = "\(book.title)\n"
        out += l.t(
            "  \(book.id) v\(book.version), procédure, source \(book.source.document) (\(book.source.article)), fuseau \(book.timeZone)\n",
            "  \(book.id) v\(book.version), procedure, source \(book.source.document) (\(book.source.article)), time zone \(book.timeZone)\n"
        )
        out += l.t("Délais :\n", "Deadlines:\n")
        for (name, id, rule) in book.deadlines.named {
            let words = Self.deadlineWords[name]
            let anchor = Self.anchorWords[rule.from].map { l.t($0.fr, $0.en) } ?? rule.from.rawValue
            let length = l.t(rule.period.fr, rule.period.en)
            let when =
                rule.period.length == 0
                ? l.t("le jour de \(anchor)", "on the day of \(anchor)")
                : l.t("\(length) après \(anchor)", "\(length) after \(anchor)")
            out += "  \(id.rawValue) \(words.map { l.t($0.fr, $0.en) } ?? name) : \(when)\n"
        }
        let base =
            book.twoThirds.base == .castIncludingBlanks
            ? l.t("des voix exprimées, blancs compris", "of the votes cast, blanks included")
            : l.t("des membres de l'instance", "of the body's members")
        out += l.t("Seuils :\n", "Thresholds:\n")
        out += l.t(
            "  majorité qualifiée : \(book.twoThirds.numerator)/\(book.twoThirds.denominator) \(base)\n",
            "  qualified majority: \(book.twoThirds.numerator)/\(book.twoThirds.denominator) \(base)\n")
        out += l.t(
            "  cellule de crise : \(book.cellSize) membres ; récusations par partie : \(book.recusalsPerParty)\n",
            "  crisis cell: \(book.cellSize) members; recusals per party: \(book.recusalsPerParty)\n")
        let span =
            book.judgementCap.counting == .life
            ? l.t("en tout", "in all") : l.t("par année civile", "per calendar year")
        out += l.t(
            "  jugements par membre : \(book.judgementCap.max) \(span)\n",
            "  judgements per member: \(book.judgementCap.max) \(span)\n")
        out +=
            l.t("Motifs graves (\(book.motives.count)) : ", "Grave motives (\(book.motives.count)): ")
            + book.motives.map(\.id).joined(separator: ", ") + "\n"
        out += l.t("Sanctions et mesures :\n", "Sanctions and measures:\n")
        for s in book.sanctions { out += "  \(s.id) — \(l.t(s.fr, s.en)) (art. \(s.article))\n" }
        return out
    }
}
