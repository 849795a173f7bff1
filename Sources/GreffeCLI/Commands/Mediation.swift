import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension MediatorNaming.By: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "parties", "parties-en-conflit": self = .parties
        case "board", "conseil": self = .board
        default: return nil
        }
    }
}

extension MediatorAnswer.Answer: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "accepted", "accepte", "accepté": self = .accepted
        case "declined", "refuse", "refusé": self = .declined
        case "noAnswer", "no-answer", "sans-reponse", "sans-réponse": self = .noAnswer
        default: return nil
        }
    }
}

extension MediationOutcome.Kind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "agreement", "accord": self = .agreement
        case "failure", "echec", "échec": self = .failure
        case "complaint", "plainte": self = .complaint
        default: return nil
        }
    }
}

/// What every act of a path (mediation, revocation) shares: the store, the day and the recorder, `--json`, `--dry-run`.
struct PathActOptions: ParsableArguments {
    @OptionGroup var options: StoreOptions
    @OptionGroup var act: ActOptions
    @Flag(help: "Sortie JSON.") var json = false
    @Flag(
        name: .customLong("dry-run"),
        help: ArgumentHelp(
            "Simulation : décide l'acte et affiche ce qui serait enregistré, sans rien écrire ; même code de sortie que l'acte réel."
        ))
    var dryRun = false

    @Option(
        name: .customLong("id"),
        help: ArgumentHelp(
            "Clé d'idempotence (identifiant de commande, sans texte libre) : un acte de même clé déjà enregistré est sauté (sortie 0).",
            valueName: "clé"))
    var commandId: String?

    var language: Language { options.language }

    func validate() throws {
        if let commandId, let problem = PathCommandID.problem(commandId) {
            throw ValidationError("--id : \(problem.fr) / --id: \(problem.en)")
        }
    }

    /// Who records, and under which idempotency key (`--id`).
    var recording: Recording {
        get throws {
            var recording = try act.recording
            recording.commandId = commandId
            return recording
        }
    }

    /// What a confirmation adds when the act came after its deadline (« — EN RETARD de 3 j (R31) »), nothing when
    /// it came in time.
    func lateSuffix(_ daysLate: Int, _ rule: RuleID) -> String {
        guard daysLate > 0 else { return "" }
        return language.t(
            " — EN RETARD de \(daysLate) j (\(rule.rawValue))", " — LATE by \(daysLate) day(s) (\(rule.rawValue))")
    }

    /// Prints what an act recorded (or would record): one line per event, or one JSON object.
    func report(stream: String, id: String, types: [String], lines: [String], sequences: [UInt64]) throws {
        let l = language
        if json {
            print(
                try jsonText(PathActReport(id: id, stream: stream, dryRun: dryRun, events: types, sequences: sequences))
            )
            return
        }
        if dryRun { print(l.t("Simulation : rien n'est écrit.", "Dry run: nothing is written.")) }
        for line in lines { print(line) }
    }
}

struct PathActReport: Encodable {
    var id: String
    var stream: String
    var dryRun: Bool
    var events: [String]
    var sequences: [UInt64]
}

extension GreffeCommand {
    struct MediationCommandGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mediation",
            abstract:
                "Médiation des conflits interpersonnels (art. 5.4, R30) : parties, médiateur, tirage au sort, issue.",
            discussion: prose(
                """
                Une médiation par flux mediation/<id> (ex. 2026-M001). Les parties désignent un médiateur ; à défaut
                d'accord, le Conseil fait appel à un membre indépendant du conflit, à jour de cotisation pour l'année ;
                en cas de non-réponse, un tirage au sort public (RFC 3797, comme pour la cellule de crise) désigne le
                médiateur parmi les membres éligibles. Chaque adhérent est limité à trois interventions (nombre du
                règlement). Les actes sont enregistrés par un membre du Conseil. Un refus sort en 65, rien n'est écrit.

                Exemples :
                  greffe mediation open --party m004 --party m007 --facts "Désaccord sur la modération" --on 2026-03-02 --as m001
                  greffe mediation name 2026-M001 --mediator m009 --by board --on 2026-03-05 --as m001
                  greffe mediation answer 2026-M001 --mediator m009 --answer no-answer --on 2026-03-12 --as m001
                  greffe mediation draw-announce 2026-M001 --source "Loto FDJ du 14 mars 2026 : les 5 numéros" --known-on 2026-03-14 --as m001
                  greffe mediation draw 2026-M001 --entropy "3 11 17 25 38" --on 2026-03-14 --as m001
                  greffe mediation conclude 2026-M001 --outcome agreement --note "Accord écrit" --on 2026-04-01 --as m001
                  greffe mediation status 2026-M001
                  greffe mediation list
                """),
            subcommands: [
                Open.self, Name.self, Answer.self, DrawAnnounce.self, Draw.self, Conclude.self, Status.self, List.self
            ])

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ouvre une médiation entre des parties en conflit (ou à la suite d'un dossier 5.6).",
                discussion: prose(
                    """
                    Exemples :
                      greffe mediation open --party m004 --party m007 --facts "Désaccord sur la modération" --as m001
                      greffe mediation open --party m004 --party m007 --after-case 2026-001 --facts "Suite de la procédure" --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Option(
                name: .customLong("party"),
                help: ArgumentHelp("Une partie au conflit (répétable, au moins deux).", valueName: "membre"))
            var parties: [MemberID] = []
            @Option(help: "L'objet du conflit.") var facts: String
            @Option(
                name: .customLong("after-case"),
                help: ArgumentHelp("Le dossier 5.6 dont la médiation est la suite.", valueName: "dossier"))
            var afterCase: String?
            @Option(
                name: .customLong("mediation"),
                help: ArgumentHelp("Identifiant choisi (défaut : le suivant de l'année, 2026-M001…).", valueName: "id"))
            var mediation: String?

            func validate() throws { try validateIdentity("--party", parties.map(\.rawValue)) }

            func run() throws {
                try mediationAct(path, id: mediation, members: parties) { _ in
                    .open(
                        MediationOpening(
                            parties: parties, facts: .clear(facts), followsCase: afterCase.map { CaseID($0) }))
                }
            }
        }

        struct Name: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Désigne le médiateur : choisi par les parties, ou appelé par le Conseil à défaut d'accord.",
                discussion: prose(
                    """
                    --by parties : le médiateur est en fonction. --by board : le Conseil fait appel au membre, qui
                    répond ensuite (greffe mediation answer).

                    Exemples :
                      greffe mediation name 2026-M001 --mediator m009 --by parties --as m001
                      greffe mediation name 2026-M001 --mediator m009 --by board --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La médiation (ex. 2026-M001).") var mediation: String
            @Option(help: "Le médiateur.") var mediator: MemberID
            @Option(help: "Qui le désigne : parties (ou parties-en-conflit), board (ou conseil).") var by:
                MediatorNaming.By

            func run() throws {
                try mediationAct(path, id: mediation, members: [mediator]) { _ in
                    .nameMediator(MediatorNaming(mediator: mediator, by: by))
                }
            }
        }

        struct Answer: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enregistre la réponse du membre appelé par le Conseil : accepted, declined, no-answer.",
                discussion: prose(
                    """
                    Exemples :
                      greffe mediation answer 2026-M001 --mediator m009 --answer accepted --as m001
                      greffe mediation answer 2026-M001 --mediator m009 --answer no-answer --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La médiation.") var mediation: String
            @Option(help: "Le membre appelé.") var mediator: MemberID
            @Option(help: "accepted (accepte), declined (refuse), no-answer (sans-reponse).") var answer:
                MediatorAnswer.Answer

            func run() throws {
                try mediationAct(path, id: mediation, members: [mediator]) { _ in
                    .recordAnswer(MediatorAnswer(mediator: mediator, answer: answer))
                }
            }
        }

        struct DrawAnnounce: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "draw-announce",
                abstract: "Annonce le tirage au sort du médiateur : la liste des éligibles et les sources d'aléa.",
                discussion: prose(
                    """
                    La liste (membres indépendants du conflit, à jour de cotisation de l'année, sous le plafond
                    d'interventions, hors ceux qui ont décliné) et son empreinte SHA-256 sont enregistrées avant que
                    l'aléa soit connu, comme pour la cellule de crise (docs/draw.md).

                    Exemples :
                      greffe mediation draw-announce 2026-M001 --source "Loto FDJ du 14 mars 2026 : les 5 numéros" --known-on 2026-03-14 --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La médiation.") var mediation: String
            @Option(
                name: .customLong("source"),
                help: ArgumentHelp("Une source d'aléa publique (répétable).", valueName: "texte"))
            var sources: [String] = []
            @Option(
                name: .customLong("known-on"),
                help: ArgumentHelp(
                    "Jour où les valeurs de chaque source seront publiques (une par --source).", valueName: "jour"))
            var knownOn: [Day] = []

            func validate() throws {
                guard !sources.isEmpty else { throw ValidationError("au moins une --source / at least one --source") }
                guard knownOn.count == sources.count else {
                    throw ValidationError("un --known-on par --source / one --known-on per --source")
                }
            }

            func run() throws {
                try mediationAct(path, id: mediation, members: []) { _ in
                    .announceDraw(
                        sources: zip(sources, knownOn).map { EntropySource(description: $0, valuesKnownOn: $1) })
                }
            }
        }

        struct Draw: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "draw",
                abstract:
                    "Effectue le tirage annoncé avec les valeurs publiées (RFC 3797) : le premier tiré est le médiateur.",
                discussion: prose(
                    """
                    Exemples :
                      greffe mediation draw 2026-M001 --entropy "3 11 17 25 38" --on 2026-03-14 --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La médiation.") var mediation: String
            @Option(
                name: .customLong("entropy"),
                help: ArgumentHelp("Les valeurs publiées d'une source (une option par source).", valueName: "valeurs"))
            var entropy: [String] = []

            func validate() throws {
                guard !entropy.isEmpty else { throw ValidationError("au moins une --entropy / at least one --entropy") }
            }

            func run() throws {
                try mediationAct(path, id: mediation, members: []) { _ in
                    var values: [[String]] = []
                    for (index, text) in entropy.enumerated() {
                        do {
                            values.append(try RFC3797.values(fromEntropyText: text, source: index + 1))
                        } catch let error as KeyStringError {
                            throw RegistryError.refused(
                                Refusal(
                                    .R30, fr: "valeurs illisibles : \(error.fr)",
                                    en: "unreadable values: \(error.description)"))
                        }
                    }
                    return .performDraw(values: values)
                }
            }
        }

        struct Conclude: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Enregistre l'issue : agreement (accord), failure (échec), complaint (renvoi vers une plainte).",
                discussion: prose(
                    """
                    Exemples :
                      greffe mediation conclude 2026-M001 --outcome agreement --note "Accord écrit signé" --as m001
                      greffe mediation conclude 2026-M001 --outcome complaint --case 2026-004 --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La médiation.") var mediation: String
            @Option(help: "agreement (accord), failure (echec), complaint (plainte).") var outcome:
                MediationOutcome.Kind
            @Option(help: "Une note.") var note: String?
            @Option(
                name: .customLong("case"),
                help: ArgumentHelp("Le dossier 5.6 ouvert par la plainte.", valueName: "dossier"))
            var caseID: String?

            func run() throws {
                try mediationAct(path, id: mediation, members: []) { _ in
                    .conclude(
                        MediationOutcome(
                            outcome: outcome, note: note.map(Sealed.clear), caseID: caseID.map { CaseID($0) }))
                }
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Une médiation : parties, médiateur, tirage, issue, ce qui est attendu.",
                discussion: prose(
                    """
                    Exemples :
                      greffe mediation status 2026-M001
                      greffe mediation status 2026-M001 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "La médiation.") var mediation: String
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                let loaded = try registry.loadMediation(mediation)
                guard loaded.version > 0 else { throw PathError.unknownMediation(mediation) }
                let summary = try registry.mediationIndex().first { $0.id == mediation }
                if json {
                    print(try jsonText(summary))
                    return
                }
                let s = loaded.state
                print(l.t("Médiation \(mediation) (art. 5.4)", "Mediation \(mediation) (art. 5.4)"))
                let reveal = try registry.reveal(words: l.revealWords)
                let name = try mediationNames(loaded.events.map(\.event), state: s, registry, reveal)
                print(
                    l.t("  parties : ", "  parties: ")
                        + (s.opening?.parties.map(name).joined(separator: ", ") ?? ""))
                if let c = s.opening?.followsCase { print(l.t("  suite du dossier \(c)", "  follows case \(c)")) }
                for dated in loaded.events {
                    print("  " + mediationLine(dated.event, day: dated.on, state: s, l, reveal: reveal, name: name))
                }
                for p in s.pending { print(l.t("  attendu : \(p.labelFr)", "  pending: \(p.labelEn)")) }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Les médiations du registre, depuis l'index.",
                discussion: prose(
                    """
                    Exemples :
                      greffe mediation list
                      greffe mediation list --json
                    """))
            @OptionGroup var options: StoreOptions
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let index = try options.readingRegistry().mediationIndex()
                if json {
                    print(try jsonText(index))
                    return
                }
                if index.isEmpty { print(l.t("(aucune médiation)", "(no mediation)")) }
                for m in index {
                    let state =
                        m.outcome.map { l.t("close (\($0.words(l)))", "concluded (\($0.words(l)))") }
                        ?? l.t("en cours", "open")
                    print(
                        "\(m.id)  \(m.parties.map(\.rawValue).joined(separator: " / "))  "
                            + l.t("médiateur : ", "mediator: ") + (m.mediator?.rawValue ?? "—") + "  \(state)")
                }
            }
        }
    }
}

/// Records one mediation act: the members it names must be on the roster (exit 66), the decider decides, and the
/// events are printed.
func mediationAct(
    _ path: PathActOptions, id: String?, members: [MemberID], _ command: (Registry) throws -> MediationCommand
) throws {
    let l = path.language
    let registry = try path.options.registry()
    if let unknown = try registry.firstUnknownMember(members) { throw PathError.unknownMember(unknown) }
    let day = try path.act.day(rulebook: registry.rulebook)
    let done = try registry.performMediation(
        try command(registry), id: id, on: day, recording: try path.recording,
        dryRun: path.dryRun)
    let reveal = try registry.reveal(words: l.revealWords)
    let name = try mediationNames(done.events, state: done.state, registry, reveal)
    let lines = done.events.map { mediationLine($0, day: day, state: done.state, l, reveal: reveal, name: name) }
    try path.report(
        stream: Registry.mediationStream(done.id), id: done.id, types: done.events.map(\.typeName),
        lines: lines, sequences: done.records.map(\.sequence))
}

/// How a mediation's lines name its members: « Damien Roux (m004) », the names of those `events` name only.
func mediationNames(
    _ events: [MediationEvent], state: MediationState, _ registry: Registry, _ reveal: Reveal
) throws -> (MemberID) -> String {
    var ids = Set(state.opening?.parties ?? [])
    for event in events {
        switch event {
        case .opened(let o): ids.formUnion(o.parties)
        case .mediatorNamed(let n): ids.insert(n.mediator)
        case .mediatorAnswered(let a): ids.insert(a.mediator)
        case .drawPerformed(let d): ids.formUnion(d.members(in: state.announcement?.value.pool ?? []))
        default: continue
        }
    }
    let names = try registry.displayNames(reveal, of: ids)
    return { SafeText.field(Registry.named($0, names)) }
}

func mediationLine(
    _ event: MediationEvent, day: Day, state: MediationState, _ l: Language, reveal: Reveal,
    name: (MemberID) -> String
) -> String {
    let on = l.t("le \(day.frenchDescription)", "on \(day)")
    switch event {
    case .opened(let o):
        return l.t(
            "Médiation ouverte \(on) entre \(o.parties.map(name).joined(separator: " et "))",
            "Mediation opened \(on) between \(o.parties.map(name).joined(separator: " and "))")
            + l.t(" ; objet : ", "; about: ") + SafeText.field(reveal(o.facts))
    case .mediatorNamed(let n):
        return n.by == .parties
            ? l.t(
                "Médiateur désigné par les parties \(on) : \(name(n.mediator))",
                "Mediator named by the parties \(on): \(name(n.mediator))")
            : l.t("Le Conseil fait appel à \(name(n.mediator)) \(on)", "The board calls on \(name(n.mediator)) \(on)")
    case .mediatorAnswered(let a):
        let answer =
            switch a.answer {
            case .accepted: l.t("accepte", "accepts")
            case .declined: l.t("décline", "declines")
            case .noAnswer: l.t("ne répond pas", "does not answer")
            }
        return l.t("\(name(a.mediator)) \(answer) (\(day.frenchDescription))", "\(name(a.mediator)) \(answer) (\(day))")
    case .drawAnnounced(let a):
        return l.t(
            "Tirage au sort annoncé \(on) : \(a.pool.count) membre(s) éligible(s), SHA-256 \(a.poolDigest)",
            "Draw announced \(on): \(a.pool.count) eligible member(s), SHA-256 \(a.poolDigest)")
    case .drawPerformed(let d):
        let drawn = d.members(in: state.announcement?.value.pool ?? []).first.map(name) ?? "?"
        return l.t(
            "Tirage effectué \(on) (chaîne-clé \(d.keyString)) : médiateur \(drawn)",
            "Draw performed \(on) (key string \(d.keyString)): mediator \(drawn)")
    case .concluded(let o):
        let outcome = o.outcome.words(l)
        return l.t("Médiation close \(on) : \(outcome)", "Mediation concluded \(on): \(outcome)")
            + (reveal(o.note).map { l.t(" ; note : ", "; note: ") + SafeText.field($0) } ?? "")
            + (o.caseID.map { l.t(" (dossier \($0))", " (case \($0))") } ?? "")
    }
}

extension MediationOutcome.Kind {
    func words(_ l: Language) -> String {
        switch self {
        case .agreement: l.t("accord", "agreement")
        case .failure: l.t("échec", "failure")
        case .complaint: l.t("renvoi vers une plainte", "referral to a complaint")
        }
    }
}
