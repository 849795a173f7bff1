import ArgumentParser
import Discipline
import Documents
import EventLog
import Foundation
import Registry

/// The act in words, for the confirmation line: "réunion du Conseil d'administration".
struct ActWords: Sendable {
    var fr: String
    var en: String
    init(_ fr: String, _ en: String) {
        self.fr = fr
        self.en = en
    }
}

/// The case an act is about, as the first argument.
struct CaseArgument: ParsableArguments {
    @Argument(
        help: ArgumentHelp("Identifiant du dossier, ex. 2026-001 (voir `greffe cases`).", valueName: "dossier"),
        completion: .custom(Completions.caseIDs))
    var caseID: String

    /// A unique prefix or end of a case id names that case (`001` for `2026-001`).
    mutating func validate() throws { caseID = CommandLineNames.shared.caseID(caseID) }
}

/// What every act shares besides the store, the day and the actor: an idempotency key and the output format.
struct RecordOptions: ParsableArguments {
    @Option(
        name: .customLong("id"),
        help: ArgumentHelp(
            "Clé d'idempotence : une commande de même clé déjà enregistrée est sautée (sortie 0).", valueName: "clé"))
    var commandId: String?

    @Flag(help: "Affiche les enregistrements ajoutés en JSON, un par ligne.")
    var json = false

    @Flag(
        name: .customLong("dry-run"),
        help: ArgumentHelp(
            "Simulation : décide l'acte et affiche ce qui serait enregistré (événements, échéances), sans rien écrire ; même code de sortie que l'acte réel."
        ))
    var dryRun = false

    func validate() throws {
        if let commandId, let problem = CommandIdentifier.problem(commandId) {
            throw ValidationError("--id : \(problem.fr) / --id: \(problem.en)")
        }
    }
}

/// What every act takes besides its case and its facts: the idempotency key and output format, the day and the actor,
/// the store and the language.
struct ActContext: ParsableArguments {
    @OptionGroup var record: RecordOptions
    @OptionGroup var act: ActOptions
    @OptionGroup var options: StoreOptions

    var acting: Acting { Acting(options: options, act: act, record: record) }
}

/// An act of an existing case: parses its options into a `CaseCommand`; the shared `run()` records it.
protocol CaseAct: ParsableCommand {
    var target: CaseArgument { get }
    var context: ActContext { get }
    /// What the confirmation line calls the act.
    static var words: ActWords { get }
    /// The members the act names: each must be on the roster (exit 66 otherwise).
    var members: [MemberID] { get }
    /// The command, with the idempotency key given.
    func command(commandId: String?) throws -> CaseCommand
}

extension CaseAct {
    var members: [MemberID] { [] }

    func run() throws {
        try context.acting.perform(
            Self.words, in: .existing(CaseID(target.caseID)), members: members
        ) { try command(commandId: $0) }
    }
}

/// The one member an act names (`--member m007`).
struct MemberOption: ParsableArguments {
    @Option(help: ArgumentHelp("Le membre que l'acte concerne.", valueName: "membre"))
    var member: MemberID
}

/// An act that names one member and nothing else (a volunteer, a drawn member's answer, a letter, a radiation).
protocol MemberAct: CaseAct {
    var subject: MemberOption { get }
    static func command(_ member: MemberID, commandId: String?) -> CaseCommand
}

extension MemberAct {
    var members: [MemberID] { [subject.member] }
    func command(commandId: String?) -> CaseCommand { Self.command(subject.member, commandId: commandId) }
}

/// Which case an act goes to.
enum ActTarget {
    /// A case that must already exist (a typo is refused with the nearest existing ids, never opened).
    case existing(CaseID)
    /// A new case: the id given explicitly (`--new-case`), which must not exist yet, else the next free id of the
    /// act's year.
    case new(CaseID?)

    /// An opening act's target: `--case` names an existing case, `--new-case` a new one, neither the next free id.
    static func opening(existing: String?, new: String?) -> ActTarget {
        if let existing { return .existing(CaseID(existing)) }
        return .new(new.map { CaseID($0) })
    }
}

/// Records one act: opens the store, resolves the case, checks the named members exist, lets the registry decide and
/// append, and prints what was recorded. The domain decides; this only parses and renders.
struct Acting {
    let options: StoreOptions
    let act: ActOptions
    let record: RecordOptions

    func perform(
        _ words: ActWords, in target: ActTarget, members: [MemberID],
        command: (String?) throws -> CaseCommand
    ) throws {
        try perform(words, in: target, members: members, command: { _, _, commandId in try command(commandId) })
    }

    /// Records an act whose command is built from the store as it stands (a draw takes the eligible pool, the
    /// announced draw); `then` runs after a successful recording, with the registry, to print more (text mode only).
    func perform(
        _ words: ActWords, in target: ActTarget, members: [MemberID],
        command: (Registry, Day, String?) throws -> CaseCommand,
        then: ((Registry, CaseID) throws -> Void)? = nil
    ) throws {
        // `greffe correct` runs the act it was given: the act is then the correction of a recorded one.
        if let pending = PendingCorrection.current {
            try correct(pending, words: words, members: members, command: command)
            return
        }
        let l = options.language
        let registry = try options.registry()
        registry.store.dryRun = record.dryRun
        let day = try act.day(rulebook: registry.rulebook)
        let id: CaseID
        var opens = false
        switch target {
        case .existing(let given):
            try registry.requireCase(given)
            id = given
        case .new(let given?):
            if try registry.caseExists(given) {
                throw CLIFailure(
                    status: .refused,
                    fr:
                        "le dossier \(given) existe déjà : --new-case ouvre un nouveau dossier ; pour y ranger l'acte, --case \(given)",
                    en:
                        "case \(given) already exists: --new-case opens a new case; to file the act in it, --case \(given)"
                )
            }
            id = given
            opens = true
        case .new(nil):
            id = try registry.nextCaseID(year: day.year)
            opens = true
        }
        try requireOnRoster(members, registry)
        let performed: Performed
        do {
            performed = try registry.perform(
                try command(registry, day, record.commandId), in: id, on: day, recording: try act.recording)
        } catch RegistryError.refused(let refusal) {
            throw RegistryError.refused(refusal.inCommandLineWords)
        }
        if record.dryRun, !record.json, case .recorded(let records) = performed {
            try renderDryRun(records, words: words, case: id, on: day, opened: opens, registry: registry, l)
            return
        }
        try render(performed, words: words, case: id, opened: opens, registry: registry, l)
        if !record.json, !record.dryRun, case .recorded = performed { try then?(registry, id) }
    }

    func requireOnRoster(_ members: [MemberID], _ registry: Registry) throws {
        if let unknown = try registry.firstUnknownMember(members) { throw RegistryError.unknownMember(unknown) }
    }

    func render(
        _ performed: Performed, words: ActWords, case id: CaseID, opened: Bool, registry: Registry,
        _ l: Language
    ) throws {
        switch performed {
        case let .alreadyApplied(commandId, sequence):
            if record.json {
                print(try jsonText(AlreadyAppliedView(commandId: commandId, sequence: sequence)))
            } else {
                print(
                    l.t(
                        "Déjà enregistré : la commande « \(commandId) » a été appliquée (#\(sequence)) ; rien de nouveau n'a été écrit.",
                        "Already recorded: command \"\(commandId)\" was applied (#\(sequence)); nothing new was written."
                    ))
            }
        case let .recorded(records):
            let reveal = try registry.reveal(words: l.revealWords)
            if record.json {
                for r in records { print(try jsonLine(envelope(r, reveal: reveal))) }
                return
            }
            // Sanctions are named in the words of the case's own rulebook version (R34).
            let caseRulebook = (try? registry.rulebook(of: id)) ?? registry.rulebook
            let sequences =
                records.first.map { first in
                    records.count > 1
                        ? "#\(first.sequence)–#\(records[records.count - 1].sequence)" : "#\(first.sequence)"
                } ?? "—"
            let events = records.compactMap { try? CaseEvent.decode(type: $0.type, payload: $0.payload) }
            // The people the act names, by name beside their id (only those few names are read).
            let names = try registry.displayNames(reveal, of: ActPeople.members(of: events))
            let name = { (id: MemberID) in SafeText.field(Registry.named(id, names)) }
            let consequences =
                events.compactMap { ActPeople.clause(of: $0, l, name: name) }
                + events.compactMap { consequence(of: $0, caseRulebook, l, reveal, name: name) }
            let tail = consequences.isEmpty ? "" : " — " + consequences.joined(separator: " ; ")
            let opening = opened ? l.t("Dossier \(id) ouvert. ", "Case \(id) opened. ") : ""
            print(
                opening
                    + l.t(
                        "Enregistré : \(words.fr) (\(id), \(sequences))\(tail).",
                        "Recorded: \(words.en) (\(id), \(sequences))\(tail)."))
            // A vote's two-thirds arithmetic, option by option, as auditors and the assembly read it.
            for r in records {
                guard let event = try? CaseEvent.decode(type: r.type, payload: r.payload) else { continue }
                let tallies: [OptionTally], proposals: [Proposal]
                switch event {
                case .cellVoteHeld(let v), .reintegrationVoteHeld(let v):
                    (tallies, proposals) = (v.tallies, v.proposals)
                case .generalAssemblyDecided(let v), .generalAssemblyVoteFailed(let v),
                    .generalAssemblyReintegrationVoteHeld(let v):
                    (tallies, proposals) = (v.tallies, v.proposals)
                default: continue
                }
                for t in tallies {
                    print(
                        "  " + VoteWords.option(t.option, proposals: proposals, rulebook: caseRulebook, l)
                            + l.t(" : ", ": ")
                            + VoteWords.line(t.tally, threshold: caseRulebook.twoThirds, l))
                }
            }
        }
    }

    /// A dry run: what the act would record — its confirmation line, each event, and the deadlines it would open, meet
    /// or leave late — under a banner saying that nothing was written.
    func renderDryRun(
        _ records: [EventRecord], words: ActWords, case id: CaseID, on day: Day, opened: Bool,
        registry: Registry, _ l: Language
    ) throws {
        print(
            l.t(
                "Simulation (--dry-run) : rien n'a été écrit. L'acte réel enregistrerait :",
                "Dry run (--dry-run): nothing was written. The real act would record:"))
        try render(.recorded(records), words: words, case: id, opened: opened, registry: registry, l)
        let before = try registry.loadCase(id)
        var after = before.state
        for r in records {
            print("  #\(r.sequence) \(r.type)")
            if let event = try? CaseEvent.decode(type: r.type, payload: r.payload) {
                after = CaseDecider.evolve(after, DatedEvent(on: day, event: event))
            }
        }
        let book = (try? registry.rulebook(for: after, of: id, on: day)) ?? before.rulebook
        let was = Dictionary(
            before.state.deadlines(asOf: day, rulebook: book).map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
        for deadline in after.deadlines(asOf: day, rulebook: book) where was[deadline.rule] != deadline {
            let label = l == .fr ? deadline.labelFr : deadline.labelEn
            let due = deadline.due.map { l.t(" — au plus tard le \($0.frenchDescription)", " — due \($0)") } ?? ""
            switch deadline.status {
            case .met:
                print(
                    l.t(
                        "  échéance tenue : \(deadline.rule.rawValue) \(label)\(due)",
                        "  deadline met: \(deadline.rule.rawValue) \(label)\(due)"))
            case .missed(let days, _) where deadline.bindsAssociation:
                print(
                    l.t(
                        "  échéance dépassée de \(days) jour(s) : \(deadline.rule.rawValue) \(label)\(due)",
                        "  deadline missed by \(days) day(s): \(deadline.rule.rawValue) \(label)\(due)"))
            case .open:
                print(
                    l.t(
                        "  échéance ouverte : \(deadline.rule.rawValue) \(label)\(due)",
                        "  deadline opened: \(deadline.rule.rawValue) \(label)\(due)"))
            default: continue
            }
        }
    }

    /// What the domain derived from the act that the rapporteur should see at once (an outcome, a stop).
    func consequence(
        of event: CaseEvent, _ rulebook: Rulebook, _ l: Language, _ reveal: Reveal, name: (MemberID) -> String
    ) -> String? {
        func sanctions(_ ids: [String]) -> String {
            if ids.isEmpty { return l.t("aucune sanction", "no sanction") }
            return ids.map { id in rulebook.sanction(id).map { l == .fr ? $0.fr : $0.en } ?? id }.joined(
                separator: ", ")
        }
        switch event {
        case .procedureStopped:
            return l.t(
                "procédure arrêtée (R11, art. 5.6.7) : le Conseil officialise la radiation",
                "procedure stopped (R11, art. 5.6.7): the board announces the radiation")
        case .cellVoteHeld(let v), .reintegrationVoteHeld(let v):
            return v.adopted.map { VoteWords.option($0, proposals: v.proposals, rulebook: rulebook, l) }
                .map { l.t("deux tiers atteints pour « \($0) »", "two-thirds reached for \"\($0)\"") }
                ?? l.t("deux tiers non atteints", "two-thirds not reached")
        case .judgementRendered(let j):
            return l.t("jugement rendu : ", "judgement rendered: ") + sanctions(j.sanctions)
        case .generalAssemblyDecided(let v):
            let adopted =
                v.proposals.first { $0.id == v.adopted }.map { sanctions($0.sanctions) }
                ?? v.adopted.map { VoteWords.option($0, rulebook: rulebook, l) } ?? "—"
            return l.t("l'Assemblée générale décide : \(adopted)", "the general assembly decides: \(adopted)")
        case .generalAssemblyVoteFailed:
            return l.t(
                "deux tiers non atteints sur la sanction : selon les mêmes modalités que la cellule, l'Assemblée vote sur la réintégration immédiate ou probatoire (greffe ga reintegration-vote)",
                "two-thirds not reached on the sanction: with the same modalities as the cell, the assembly votes on immediate or probationary reintegration (greffe ga reintegration-vote)"
            )
        case .generalAssemblyReintegrationVoteHeld(let v):
            if let adopted = v.proposals.first(where: { $0.id == v.adopted }) {
                return l.t(
                    "l'Assemblée générale décide : \(sanctions(adopted.sanctions))",
                    "the general assembly decides: \(sanctions(adopted.sanctions))")
            }
            return l.t(
                "deux tiers non atteints sur la réintégration non plus : le règlement est muet, consigner une résolution sans sanction non votée (greffe ga resolve)",
                "two-thirds not reached on the reintegration either: the rules are silent, record a resolution imposing no sanction not voted (greffe ga resolve)"
            )
        case .explicitDecisionRecorded(let d):
            return l.t("décidé : \(reveal(d.decision))", "decided: \(reveal(d.decision))")
        case .cellMemberReplaced(let r):
            return l.t(
                "\(name(r.member)) quitte la cellule (\(r.ground.words(l))) ; aucune révocation de partie utilisée ; pourvoir le siège",
                "\(name(r.member)) leaves the cell (\(r.ground.words(l))); no party's recusal used; fill the seat")
        default:
            return nil
        }
    }
}

/// The options of an act that may open a case: `--case` (an existing case) and `--new-case` (a new one) exclude each
/// other, and a new case's id has the documented form (`CaseID.isWellFormed`: `2026-001`), so that the next free id of
/// a year stays computable.
func validateOpening(case existing: String?, newCase new: String?) throws {
    if existing != nil, new != nil {
        throw ValidationError(
            "--case (un dossier existant) ou --new-case (un nouveau dossier), pas les deux / --case (an existing case) or --new-case (a new one), not both"
        )
    }
    for (option, id) in [("--case", existing), ("--new-case", new)] where id.map({ !CaseID($0).isWellFormed }) == true {
        throw ValidationError("\(option) : un identifiant comme 2026-001 / \(option): an id like 2026-001")
    }
}
