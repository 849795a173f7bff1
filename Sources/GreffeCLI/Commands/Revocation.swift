import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension RevocationGround.Kind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "missedMeetings", "missed-meetings", "absences": self = .missedMeetings
        case "silence": self = .silence
        case "breach", "manquement": self = .breach
        default: return nil
        }
    }
}

extension HolderConvocation.Form: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "writing", "ecrit", "écrit": self = .writing
        case "oral": self = .oral
        default: return nil
        }
    }
}

extension HolderExplanation.Outcome: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "resolved", "resolu", "résolu": self = .resolved
        case "noAnswer", "no-answer", "sans-reponse", "sans-réponse": self = .noAnswer
        case "persistentDisagreement", "persistent-disagreement", "desaccord", "désaccord":
            self = .persistentDisagreement
        default: return nil
        }
    }
}

extension GreffeCommand {
    struct RevocationCommandGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revocation",
            abstract:
                "Révocation d'un mandat par le Conseil (art. 4.5, R32) : motif, convocation, explication, vote des deux tiers.",
            discussion: prose(
                """
                Une révocation par flux revocation/<id> (ex. 2026-R001). Motifs : absence à trois réunions
                consécutives, silence de 2 mois, manquement au règlement (nombres du règlement). Le mandaté est
                convoqué pour s'expliquer, par écrit ou oral, accompagné de la personne de son choix ; en cas de
                non-réponse ou de désaccords persistants, le Conseil vote aux deux tiers, sans le mandaté concerné.
                Un vote acquis met fin au mandat dans la liste des adhésions (MemberMandateEnded), dans la même
                transaction. Les actes sont enregistrés par un membre du Conseil. Un refus sort en 65, rien n'est écrit.

                Exemples :
                  greffe revocation open --holder m006 --role moderator --ground silence --silent-since 2026-01-02 --facts "Aucune nouvelle" --as m001
                  greffe revocation convene 2026-R001 --form writing --companion "une amie" --as m001
                  greffe revocation explanation 2026-R001 --outcome no-answer --as m001
                  greffe revocation vote 2026-R001 --ballot m001=revoke --ballot m002=revoke --ballot m003=keep --as m001
                  greffe revocation status 2026-R001
                """),
            subcommands: [Open.self, Convene.self, Explanation.self, Vote.self, Status.self])

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ouvre la révocation d'un mandat, avec son motif.",
                discussion: prose(
                    """
                    Exemples :
                      greffe revocation open --holder m006 --role moderator --ground missed-meetings --meetings-missed 3 --facts "Réunions des 5/1, 2/2, 1/3" --as m001
                      greffe revocation open --holder m006 --role board-member --ground breach --facts "…" --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Option(help: "Le mandaté.") var holder: MemberID
            @Option(help: "Le mandat : board-member, moderator, rapporteur, local-representative ou un autre nom.")
            var role: String
            @Option(help: "missed-meetings (absences), silence, breach (manquement).") var ground: RevocationGround.Kind
            @Option(name: .customLong("meetings-missed"), help: "Réunions consécutives manquées (motif absences).")
            var meetingsMissed: Int?
            @Option(
                name: .customLong("silent-since"),
                help: ArgumentHelp("Début du silence (motif silence).", valueName: "jour"))
            var silentSince: Day?
            @Option(help: "Les faits.") var facts: String
            @Option(
                name: .customLong("revocation"),
                help: ArgumentHelp("Identifiant choisi (défaut : 2026-R001…).", valueName: "id"))
            var revocation: String?

            func run() throws {
                let ground = RevocationGround(
                    kind: ground, meetingsMissed: meetingsMissed, silentSince: silentSince, facts: .clear(facts))
                try revocationAct(
                    path, id: revocation,
                    .open(RevocationOpening(holder: holder, role: MandateRole(rawValue: role), ground: ground)))
            }
        }

        struct Convene: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Convoque le mandaté pour une explication, par écrit ou oral, avec la personne de son choix.",
                discussion: prose(
                    """
                    Exemples :
                      greffe revocation convene 2026-R001 --form oral --companion "m011" --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La révocation (ex. 2026-R001).") var revocation: String
            @Option(help: "writing (écrit) ou oral.") var form: HolderConvocation.Form
            @Option(help: "La personne qui accompagne le mandaté, s'il en nomme une.") var companion: String?

            func run() throws {
                try revocationAct(
                    path, id: revocation,
                    .convene(HolderConvocation(form: form, companion: companion.map(Sealed.clear))))
            }
        }

        struct Explanation: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Ce qui est sorti de la convocation : resolved, no-answer, persistent-disagreement.",
                discussion: prose(
                    """
                    resolved clôt la révocation sans vote ; les deux autres ouvrent le vote du Conseil.

                    Exemples :
                      greffe revocation explanation 2026-R001 --outcome persistent-disagreement --note "…" --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La révocation.") var revocation: String
            @Option(help: "resolved (résolu), no-answer (sans-reponse), persistent-disagreement (desaccord).")
            var outcome: HolderExplanation.Outcome
            @Option(help: "Une note.") var note: String?

            func run() throws {
                try revocationAct(
                    path, id: revocation,
                    .recordExplanation(HolderExplanation(outcome: outcome, note: note.map(Sealed.clear))))
            }
        }

        struct Vote: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Le vote du Conseil : revoke ou keep par membre, blancs à part ; deux tiers requis.",
                discussion: prose(
                    """
                    Le mandaté concerné ne vote pas. Le décompte est en entiers (oui × 3 ≥ base × 2) et enregistré ;
                    greffe audit verify le refait.

                    Exemples :
                      greffe revocation vote 2026-R001 --ballot m001=revoke --ballot m002=revoke --ballot m003=keep --as m001
                      greffe revocation vote 2026-R001 --ballot m001=revoke --blank m002 --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La révocation.") var revocation: String
            @OptionGroup var ballots: BallotOptions

            func run() throws {
                try revocationAct(path, id: revocation, .vote(ballots: ballots.ballots { $0 }))
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Une révocation : mandaté, motif, convocation, explication, vote.",
                discussion: prose(
                    """
                    Exemples :
                      greffe revocation status 2026-R001
                      greffe revocation status 2026-R001 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "La révocation.") var revocation: String
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                let loaded = try registry.loadRevocation(revocation)
                guard loaded.version > 0 else { throw PathError.unknownRevocation(revocation) }
                if json {
                    print(try jsonText(registry.revocationIndex().first { $0.id == revocation }))
                    return
                }
                print(l.t("Révocation \(revocation) (art. 4.5)", "Revocation \(revocation) (art. 4.5)"))
                let reveal = try registry.reveal(words: l.revealWords)
                let name = try revocationNames(loaded.events.map(\.event), registry, reveal)
                for dated in loaded.events {
                    print("  " + revocationLine(dated.event, day: dated.on, l, reveal: reveal, name: name))
                }
                if let p = loaded.state.pendingFr { print(l.t("  attendu : \(p.fr)", "  pending: \(p.en)")) }
            }
        }
    }
}

func revocationAct(_ path: PathActOptions, id: String?, _ command: RevocationCommand) throws {
    let l = path.language
    let registry = try path.options.registry()
    let day = try path.act.day(rulebook: registry.rulebook)
    let done = try registry.performRevocation(
        command, id: id, on: day, recording: try path.recording, dryRun: path.dryRun)
    let reveal = try registry.reveal(words: l.revealWords)
    var ended: [MemberID] = []
    if case let .mandateEnded(member, _)? = done.rosterEvent { ended.append(member) }
    let name = try revocationNames(done.events, registry, reveal, also: ended)
    var lines = done.events.map { revocationLine($0, day: day, l, reveal: reveal, name: name) }
    var types = done.events.map(\.typeName)
    if let ended = done.rosterEvent, case let .mandateEnded(member, role) = ended {
        lines.append(
            l.t(
                "Liste des adhésions : fin du mandat « \(role.words(l)) » de \(name(member)) le \(day.frenchDescription)",
                "Roster: \(name(member))'s \(role.words(l)) mandate ends on \(day)"))
        types.append(ended.typeName)
    }
    try path.report(
        stream: Registry.revocationStream(done.id), id: done.id, types: types, lines: lines,
        sequences: done.records.map(\.sequence))
}

/// How a revocation's lines name its members: the holder and the voters, « Chloé Durand (m003) ».
func revocationNames(
    _ events: [RevocationEvent], _ registry: Registry, _ reveal: Reveal, also: [MemberID] = []
) throws -> (MemberID) -> String {
    var ids = Set(also)
    for event in events {
        switch event {
        case .opened(let o): ids.insert(o.holder)
        case .boardVoted(let v): ids.formUnion(v.ballots.map(\.member))
        default: continue
        }
    }
    let names = try registry.displayNames(reveal, of: ids)
    return { SafeText.field(Registry.named($0, names)) }
}

func revocationLine(
    _ event: RevocationEvent, day: Day, _ l: Language, reveal: Reveal, name: (MemberID) -> String
) -> String {
    let on = l.t("le \(day.frenchDescription)", "on \(day)")
    switch event {
    case .opened(let o):
        let ground =
            switch o.ground.kind {
            case .missedMeetings:
                l.t(
                    "absence à \(o.ground.meetingsMissed ?? 0) réunions consécutives",
                    "\(o.ground.meetingsMissed ?? 0) consecutive meetings missed")
            case .silence:
                l.t(
                    "silence depuis le \(o.ground.silentSince?.frenchDescription ?? "?")",
                    "silent since \(o.ground.silentSince?.description ?? "?")")
            case .breach: l.t("manquement au règlement", "breach of the rules")
            }
        return l.t(
            "Révocation ouverte \(on) : mandat « \(o.role.words(l)) » de \(name(o.holder)), motif : \(ground)",
            "Revocation opened \(on): \(name(o.holder))'s \(o.role.words(l)) mandate, ground: \(ground)")
            + l.t(" ; faits : ", "; facts: ") + SafeText.field(reveal(o.ground.facts))
    case .holderConvened(let c):
        let form = c.form == .writing ? l.t("par écrit", "in writing") : l.t("à l'oral", "orally")
        return l.t("Mandaté convoqué \(on) pour s'expliquer \(form)", "Holder convened \(on) to explain \(form)")
            + (reveal(c.companion).map { l.t(", accompagné·e : ", ", accompanied by ") + SafeText.field($0) } ?? "")
    case .explanationRecorded(let e):
        let outcome =
            switch e.outcome {
            case .resolved: l.t("explication suffisante, pas de vote", "explanation settles it, no vote")
            case .noAnswer: l.t("non-réponse", "no answer")
            case .persistentDisagreement: l.t("désaccords persistants", "persistent disagreement")
            }
        return l.t("Explication \(on) : \(outcome)", "Explanation \(on): \(outcome)")
            + (reveal(e.note).map { l.t(" ; note : ", "; note: ") + SafeText.field($0) } ?? "")
    case .boardVoted(let v):
        return l.t("Vote du Conseil \(on) : \(v.tally.arithmetic) — ", "Board vote \(on): \(v.tally.arithmetic) — ")
            + (v.revoked ? l.t("mandat révoqué", "mandate revoked") : l.t("mandat maintenu", "mandate kept"))
            + (v.ballots.isEmpty
                ? "" : l.t(" ; votant·es : ", "; voters: ") + v.ballots.map { name($0.member) }.joined(separator: ", "))
    }
}
