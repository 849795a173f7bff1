import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    struct Ladder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Échelles de sanctions : incidents et mesures d'une personne sous le règlement adopté.",
            discussion: prose(
                """
                Un dossier par personne et par règlement (flux ladder/<règlement>/<membre>), évalué sous la version
                du règlement en vigueur à son ouverture. Sans --rulebook, le règlement adopté dans le magasin.
                Une mesure dont un prérequis manque est refusée (sortie 65) avec l'article cité ; rien n'est écrit.

                Exemples :
                  greffe ladder incident m004 --facts "Propos dénigrants sur le Discord" --on 2026-01-05 --as m001
                  greffe ladder measure m004 rappel --by conseil=m001 --on 2026-01-06
                  greffe ladder measure m007 exclusion --by administrateurs=m001 --by president=m002 --channel phone --reason "récidive"
                  greffe ladder status m004
                  greffe ladder agenda
                """),
            subcommands: [Incident.self, Measure.self, Status.self, Agenda.self, Outsider.self])

        struct Incident: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enregistre un incident (infraction, signalement d'abus, demande de retrait…).",
                discussion: prose(
                    """
                    Exemples :
                      greffe ladder incident m004 --facts "Propos dénigrants" --on 2026-01-05 --as m001
                      greffe ladder incident X0001 --kind demande-retrait-image --channel email --facts "Photo du 3 mars"
                      greffe ladder incident --outsider "Mehdi Tazi" --contact "mehdi@exemple.org" --facts "Propos injurieux à l'accueil"

                    La personne est un membre de la liste des adhésions ou une personne extérieure déjà créée (greffe
                    ladder outsider add) ; --outsider NOM --contact … la crée avec l'incident. Un nom inconnu est
                    refusé (sortie 66) avec les personnes connues les plus proches ; rien n'est écrit.
                    """))
            @OptionGroup var target: LadderTarget
            @Option(
                help: ArgumentHelp(
                    "Une personne extérieure à créer avec l'incident (son nom ; --contact obligatoire).",
                    valueName: "nom"))
            var outsider: String?
            @OptionGroup var details: OutsiderDetails
            @Option(help: "Type d'incident du règlement (greffe rulebook show).") var kind: String?
            @Option(
                help:
                    "Comment il est parvenu : email, phone, privateTicket, privateMessage, platform… (ou courriel, telephone, ticket…)."
            )
            var channel: LadderRulebook.Channel?
            @Option(help: "Les faits.") var facts: String
            @Option(name: .customLong("reported-by"), help: "Qui a signalé.") var reportedBy: String?

            func run() throws {
                let report = IncidentReport(
                    kind: kind, channel: channel, facts: .clear(facts), reportedBy: reportedBy.map { MemberID($0) })
                if let outsider {
                    guard target.member == nil else {
                        throw ValidationError(
                            target.options.language.t(
                                "--outsider crée la personne : ne donnez pas aussi son identifiant",
                                "--outsider creates the person: do not give an id as well"))
                    }
                    try target.run(.recordIncident(report), newOutsider: (outsider, details))
                } else {
                    try target.run(.recordIncident(report))
                }
            }
        }

        struct Measure: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enregistre une mesure de l'échelle, décidée par qui le règlement désigne.",
                discussion: prose(
                    """
                    --by ROLE=MEMBRE pour chaque signataire (qui décide, et dont l'accord est requis).

                    Exemples :
                      greffe ladder measure m004 convocation --by conseil=m001 --channel ticket
                      greffe ladder measure m007 exclusion --by administrateurs=m001 --by president=m002 --channel phone --exception nuisance-volontaire --reason "..."
                      greffe ladder measure m009 suspension --by coopilotes=m003 --until 2026-04-30 --reason "manquements répétés"
                      greffe ladder measure agent12 decision-referent --by referent=m010 --outcome accepte --reason "photo sans accord"
                    """))
            @OptionGroup var target: LadderTarget
            @Argument(help: "La mesure (greffe rulebook show).") var measure: String

            func validate() throws {
                if target.member == nil {
                    throw ValidationError(
                        "la personne concernée manque (identifiant d'un membre ou d'une personne extérieure)")
                }
            }
            @Option(
                name: .customLong("by"),
                help: ArgumentHelp("Signataire, ROLE=MEMBRE (répétable).", valueName: "rôle=membre"))
            var signatures: [SignatureArgument] = []
            @Option(
                help:
                    "Comment la personne a été avisée : phone, email, privateTicket… (ou telephone, courriel, ticket…)."
            )
            var channel: LadderRulebook.Channel?
            @Option(
                help: ArgumentHelp(
                    "Dernier jour d'une mesure temporaire (elle se lève d'elle-même ce jour-là).", valueName: "jour"))
            var until: Day?
            @Option(help: "Issue de la mesure quand le règlement en demande une.") var outcome: String?
            @Option(help: "Motif (obligatoire pour une mesure motivée ou une exception).") var reason: String?
            @Option(help: "Exception du texte invoquée pour passer outre les prérequis.") var exception: String?
            @Option(help: "Ce que la mesure doit préciser (le média, le contenu…).") var detail: String?

            func run() throws {
                let decision = MeasureDecision(
                    measure: measure, signatures: signatures.map(\.signature), channel: channel, until: until,
                    outcome: outcome, reason: reason.map(Sealed.clear), exception: exception,
                    detail: detail.map(Sealed.clear))
                try target.run(.takeMeasure(decision))
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Le dossier d'échelle d'une personne : incidents, mesures, en attente, mesures possibles.",
                discussion: prose(
                    """
                    Exemples :
                      greffe ladder status m004
                      greffe ladder status m004 --as-of 2026-02-01 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "La personne concernée.") var member: String
            @Option(help: "Règlement (défaut : tous ceux adoptés).") var rulebook: String?
            @Option(
                name: .customLong("as-of"),
                help: ArgumentHelp("Jour de référence (défaut : aujourd'hui).", valueName: "jour"))
            var asOf: Day?
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                let id = try registry.resolveMember(member, unknownIsFailure: false)
                let ladders =
                    try rulebook.map {
                        [try registry.loadLadder(try registry.adoptedRulebookID($0), member: id, asOf: asOf)]
                    }
                    ?? registry.ladders(of: id, asOf: asOf)
                let today =
                    try asOf ?? Today.resolve(timeZone: ladders.first?.rulebook.timeZone ?? registry.rulebook.timeZone)
                let reveal = try registry.reveal(words: options.language.revealWords)
                let names = try registry.displayNames(reveal)
                let views = ladders.map { LadderView(loaded: $0, asOf: today, reveal: reveal, names: names) }
                if json {
                    print(try jsonText(views.map(\.json), reveal: reveal))
                } else if views.isEmpty {
                    print(l.t("\(member) : aucun dossier d'échelle", "\(member): no ladder record"))
                } else {
                    print(views.map { $0.text(l) }.joined(separator: "\n"), terminator: "")
                }
            }
        }

        struct Agenda: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ce que les échelles attendent : demandes sans réponse, mesures dues, fins de suspension.",
                discussion: prose(
                    """
                    Lu dans l'index tenu à jour à chaque acte. Une suspension temporaire dont le dernier jour est passé
                    s'est levée d'elle-même et n'est plus listée.

                    Exemples :
                      greffe ladder agenda
                      greffe ladder agenda --as-of 2026-05-01 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Option(
                name: .customLong("as-of"),
                help: ArgumentHelp("Jour de référence (défaut : aujourd'hui).", valueName: "jour"))
            var asOf: Day?
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                let zone = try registry.adoptedRulebooks().last?.timeZone ?? registry.rulebook.timeZone
                let today = try asOf ?? Today.resolve(timeZone: zone)
                let items = try registry.ladderAgenda(today: today)
                if json {
                    print(try jsonText(items))
                    return
                }
                if items.isEmpty { print(l.t("(rien en attente)", "(nothing pending)")) }
                for item in items {
                    let p = item.pending
                    let when =
                        p.due.map { l.t("le \($0.frenchDescription)", "on \($0)") }
                        ?? l.t("depuis le \(p.since.frenchDescription)", "since \(p.since)")
                    print("\(when)  \(item.member)  \(item.rulebook)  \(l.t(p.labelFr, p.labelEn))")
                }
            }
        }
    }
}

/// Whose record, under which rulebook, and how to report: what every ladder act shares; `run` records one act.
struct LadderTarget: ParsableArguments {
    @OptionGroup var options: StoreOptions
    @OptionGroup var act: ActOptions
    @Argument(
        help: "La personne concernée : un membre, ou une personne extérieure (X0001, greffe ladder outsider list).")
    var member: String?
    @Option(help: "Règlement (défaut : celui adopté dans le magasin).") var rulebook: String?
    @Flag(help: "Sortie JSON.") var json = false

    func run(_ command: LadderCommand, newOutsider: (name: String, details: OutsiderDetails)? = nil) throws {
        let l = options.language
        let registry = try options.registry()
        let id = try registry.adoptedRulebookID(rulebook)
        guard let named = member ?? newOutsider.map({ _ in "" }) else {
            throw CLIFailure(
                status: .usage, fr: "la personne concernée manque (identifiant, ou --outsider NOM --contact …)",
                en: "whom is it about? (an id, or --outsider NAME --contact …)")
        }
        // A roster member may be named by id, prefix or name; an outside person by their id (X0001).
        let person = newOutsider == nil ? try registry.resolveMember(named, unknownIsFailure: false) : MemberID(named)
        let zone = try registry.loadLadder(id, member: person).rulebook.timeZone
        let day = try act.on ?? Today.resolve(timeZone: zone)
        let subject: String
        if let newOutsider {
            // The person is created, then the act recorded; both are checked before either is written.
            let added = try registry.addOutsiderForLadder(
                command, name: newOutsider.name, contact: newOutsider.details.contact ?? "",
                note: newOutsider.details.note,
                homonym: newOutsider.details.homonym, rulebook: id, on: day, recording: try act.recording)
            subject = added.id.rawValue
            if !json {
                print(
                    l.t(
                        "Personne extérieure \(added.id) créée : \(SafeText.field(newOutsider.name))",
                        "Outside person \(added.id) created: \(SafeText.field(newOutsider.name))"))
            }
        } else {
            subject = person.rawValue
        }
        let done = try registry.performLadder(
            command, member: MemberID(subject), rulebook: id, on: day, recording: try act.recording)
        let book = done.rulebook
        let events = try done.records.map { try LadderEvent.decode(type: $0.type, payload: $0.payload) }
        if json {
            print(
                try jsonText(
                    Report(
                        stream: Registry.ladderStream(rulebook: id, member: MemberID(subject)),
                        sequences: done.records.map(\.sequence), openedCase: done.openedCase)))
            return
        }
        var people: Set<MemberID> = [MemberID(subject)]
        for case .measureTaken(let m) in events { people.formUnion(m.signatures.map(\.member)) }
        let name = try registry.namer(of: people, l)
        for event in events { print(line(event, book: book, day: day, l, name: name)) }
        if let c = done.openedCase {
            print(
                l.t(
                    "  Plainte déposée : dossier \(c) ouvert (procédure \(registry.rulebook.id), article 5.6), lié à ce dossier d'échelle.",
                    "  Complaint filed: case \(c) opened (procedure \(registry.rulebook.id), Article 5.6), linked to this ladder record."
                ))
        }
    }

    struct Report: Encodable {
        var stream: String
        var sequences: [UInt64]
        var openedCase: CaseID?
    }

    func line(
        _ event: LadderEvent, book: LadderRulebook, day: Day, _ l: Language, name: (MemberID) -> String
    ) -> String {
        switch event {
        case .opened(let o):
            return l.t(
                "Dossier d'échelle ouvert : \(name(o.member)) sous \(o.rulebook) v\(o.version)",
                "Ladder record opened: \(name(o.member)) under \(o.rulebook) v\(o.version)")
        case .incidentRecorded(let i):
            let kind = book.incident(i.kind).map { l.t($0.fr, $0.en) } ?? i.kind
            return l.t(
                "Incident n° \(i.number) enregistré le \(day.frenchDescription) : \(kind)",
                "Incident no. \(i.number) recorded on \(day): \(kind)")
                + (i.number > 1 ? l.t(" (récidive n° \(i.number - 1))", " (repeat no. \(i.number - 1))") : "")
        case .measureTaken(let m):
            let measure = book.measure(m.measure)
            var s = l.t(
                "Mesure enregistrée le \(day.frenchDescription) : \(measure?.fr ?? m.measure) (art. \(measure?.article ?? "?"))",
                "Measure recorded on \(day): \(measure?.en ?? m.measure) (art. \(measure?.article ?? "?"))")
            s +=
                l.t(" — signée : ", " — signed: ")
                + m.signatures.map {
                    "\(book.role($0.role).map { l.t($0.fr, $0.en) } ?? $0.role) : \(name($0.member))"
                }.joined(separator: ", ")
            if let o = m.outcome {
                let label = measure?.outcomes.first(where: { $0.id == o }).map { l.t($0.fr, $0.en) } ?? o
                s += l.t(" — issue : \(label)", " — outcome: \(label)")
            }
            if let c = m.channel { s += l.t(" — avisé·e par \(c.fr)", " — notified by \(c.en)") }
            if let u = m.until { s += l.t(" — jusqu'au \(u.frenchDescription) inclus", " — until \(u) included") }
            if let e = m.exception {
                let words = measure?.exception(e).map { l.t($0.fr, $0.en) } ?? e
                s += l.t(" — exception : \(words)", " — exception: \(words)")
            }
            return s
        case .escalatedToCase(let link):
            return l.t(
                "Lien enregistré : dossier \(link.caseID) (\(link.procedure))",
                "Link recorded: case \(link.caseID) (\(link.procedure))")
        }
    }
}
