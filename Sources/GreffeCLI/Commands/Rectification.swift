import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

// Withdrawals and corrections of recorded acts: new records that name what they undo or amend, never an erasure.

extension GreffeCommand {
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw",
            abstract: "Retire un acte enregistré par erreur : le dossier se lit comme s'il n'avait pas été enregistré.",
            discussion: prose(
                """
                Un nouvel enregistrement nomme l'acte retiré (--record : un de ses numéros, voir `greffe history`), \
                la raison et qui retire ; l'original reste au journal, marqué « retiré » dans l'historique et le \
                dossier d'appel. Refusé (sortie 65, rien d'écrit) quand un acte postérieur du dossier en dépend \
                (retirer d'abord celui-ci, le dernier d'abord), pour un tirage au sort effectué (son entropie est \
                publiée) et pour un jugement transmis au Conseil : seule la procédure les change (remplacement d'un \
                membre de la cellule, recours, Assemblée générale). Un acte daté dans le futur se retire toujours. \
                Le retrait est daté du jour où il est enregistré.

                Exemples :
                  greffe withdraw 2026-001 --record 14 --reason "Pièce versée au mauvais dossier" --as m002
                  greffe withdraw 2026-001 --record 14 --reason "…" --dry-run
                """))

        @OptionGroup var target: CaseArgument

        @Option(
            help: ArgumentHelp(
                "Un numéro d'enregistrement de l'acte à retirer (voir `greffe history`).", valueName: "n"))
        var record: UInt64

        @Option(help: ArgumentHelp("Pourquoi l'acte est retiré (consigné, jamais vide).", valueName: "texte"))
        var reason: String

        @Option(
            name: .customLong("as"),
            help: ArgumentHelp(
                "Le membre qui retire l'acte (défaut : GREFFE_ACTOR) : un membre du Conseil ou le rapporteur du dossier.",
                valueName: "membre"))
        var actor: String?

        @Flag(help: "Affiche l'enregistrement ajouté en JSON.")
        var json = false

        @Flag(
            name: .customLong("dry-run"),
            help: "Simulation : décide le retrait et dit ce qui serait enregistré, sans rien écrire.")
        var dryRun = false

        @OptionGroup var options: StoreOptions

        func validate() throws {
            if let actor { try validateIdentity("--as", [actor]) }
        }

        func run() throws {
            let registry = try options.registry()
            registry.store.dryRun = dryRun
            let id = CaseID(target.caseID)
            try registry.requireCase(id)
            let records: [EventRecord]
            do {
                records = try registry.withdraw(
                    id, record: record, reason: reason, recording: try recording(actor, registry))
            } catch RegistryError.refused(let refusal) {
                throw RegistryError.refused(refusal.inCommandLineWords)
            }
            try renderRectification(
                records, case: id, json: json, dryRun: dryRun, options.language,
                reveal: try registry.reveal(words: options.language.revealWords))
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract:
                "Rectifie un acte enregistré avec une erreur matérielle (un jour, un témoin, un présent, une sanction, un texte).",
            discussion: prose(
                """
                Après --record, --reason et `--`, l'acte lui-même tel qu'il aurait dû être enregistré : ses mots et toutes \
                ses options, avec les bonnes valeurs (--on : le bon jour de l'acte ; --as : qui rectifie). Un \
                nouvel enregistrement porte l'acte corrigé ; l'original reste au journal, marqué « rectifié » dans \
                l'historique et le dossier d'appel. Le dossier est relu avec la correction à sa place et chaque acte \
                postérieur est décidé de nouveau : si l'un d'eux devenait irrecevable, la correction est refusée \
                (sortie 65) en nommant cet acte et sa règle. Ne se rectifient ni un tirage au sort publié, ni un \
                jugement transmis au Conseil. Un membre de la cellule que la correction rend inéligible (devenu \
                témoin) se remplace ensuite par la procédure : greffe cell replace --ground no-longer-eligible.

                Exemples :
                  greffe correct 2026-001 --record 14 --reason "Le témoin est m008, pas m007" -- evidence 2026-001 --kind testimony --description "Témoignage" --witness m008 --on 2026-01-13 --as m002
                  greffe correct 2026-001 --record 3 --reason "Réunion tenue le 8" -- meeting 2026-001 --attendee m001 --attendee m002 --rapporteur m002 --on 2026-01-08 --as m001
                """))

        @OptionGroup var target: CaseArgument

        @Option(
            help: ArgumentHelp(
                "Un numéro d'enregistrement de l'acte à rectifier (voir `greffe history`).", valueName: "n"))
        var record: UInt64

        @Option(help: ArgumentHelp("Pourquoi l'acte est rectifié (consigné, jamais vide).", valueName: "texte"))
        var reason: String

        @Argument(
            parsing: .postTerminator,
            help: ArgumentHelp(
                "Après `--`, l'acte corrigé, comme il s'enregistre (ex. -- evidence 2026-001 --kind testimony … --witness m008).",
                valueName: "acte"))
        var act: [String] = []

        func run() throws {
            guard !act.isEmpty else {
                throw CLIFailure(
                    status: .usage, fr: "après --record, --reason et --, donnez l'acte corrigé avec ses options",
                    en: "after --record, --reason and --, give the corrected act with its options")
            }
            var parsed: any ParsableCommand
            do {
                parsed = try GreffeCommand.parseAsRoot(act)
            } catch {
                throw CLIFailure(
                    status: .usage, fr: "acte corrigé illisible : \(GreffeCommand.message(for: error))",
                    en: "unreadable corrected act: \(GreffeCommand.message(for: error))")
            }
            // A member or case of the corrected act named ambiguously or not at all (PeopleNames).
            if let failure = CommandLineNames.shared.failure { throw failure }
            guard GreffeCommand.isAct(type(of: parsed)) else {
                throw CLIFailure(
                    status: .usage, fr: "« \(act[0]) » n'est pas un acte de la procédure : seul un acte se rectifie",
                    en: "\"\(act[0])\" is not an act of the procedure: only an act is corrected")
            }
            let pending = PendingCorrection(caseID: CaseID(target.caseID), record: record, reason: reason)
            try PendingCorrection.$current.withValue(pending) { try parsed.run() }
        }
    }
}

extension GreffeCommand {
    /// Whether `type` is an act of the procedure (the group of acts, and the subcommands of its groups).
    static func isAct(_ type: any ParsableCommand.Type) -> Bool {
        func all(_ types: [any ParsableCommand.Type]) -> [any ParsableCommand.Type] {
            types + types.flatMap { all($0.configuration.subcommands) }
        }
        let acts = all(configuration.groupedSubcommands.flatMap(\.subcommands))
        return acts.contains { ObjectIdentifier($0) == ObjectIdentifier(type) }
    }
}

/// A correction under way: `greffe correct` parses the act after its options and runs it with this set, and the
/// recording path of acts (`Acting`) records the act as the correction of `record` instead of a new act.
struct PendingCorrection: Sendable {
    var caseID: CaseID
    var record: UInt64
    var reason: String
    @TaskLocal static var current: PendingCorrection?
}

extension Acting {
    /// Records `command` as the correction of the pending correction's record.
    func correct(
        _ pending: PendingCorrection, words: ActWords, members: [MemberID],
        command: (Registry, Day, String?) throws -> CaseCommand
    ) throws {
        let registry = try options.registry()
        registry.store.dryRun = record.dryRun
        let day = try act.day(rulebook: registry.rulebook)
        try registry.requireCase(pending.caseID)
        try requireOnRoster(members, registry)
        let records: [EventRecord]
        do {
            records = try registry.correct(
                pending.caseID, record: pending.record, reason: pending.reason,
                command: try command(registry, day, nil),
                on: day, recording: try act.recording)
        } catch RegistryError.refused(let refusal) {
            throw RegistryError.refused(refusal.inCommandLineWords)
        }
        try renderRectification(
            records, case: pending.caseID, json: record.json, dryRun: record.dryRun, options.language,
            reveal: try registry.reveal(words: options.language.revealWords))
    }
}

/// The `--as` of a withdrawal, or GREFFE_ACTOR, as acts take it (a unique prefix or a name resolved to the id).
private func recording(_ actor: String?, _ registry: Registry) throws -> Recording {
    let who = (actor ?? ProcessInfo.processInfo.environment["GREFFE_ACTOR"] ?? "").trimmingCharacters(
        in: .whitespacesAndNewlines)
    guard !who.isEmpty else {
        throw CLIFailure(
            status: .usage, fr: "qui retire l'acte ? Donnez --as MEMBRE (ou exportez GREFFE_ACTOR=MEMBRE)",
            en: "who withdraws the act? Give --as MEMBER (or export GREFFE_ACTOR=MEMBER)")
    }
    let id = try registry.resolveMember(who, option: "--as", unknownIsFailure: false)
    return Recording(actor: id.rawValue, today: try Today.fixed())
}

/// The confirmation of a withdrawal or a correction.
func renderRectification(
    _ records: [EventRecord], case id: CaseID, json: Bool, dryRun: Bool, _ l: Language,
    reveal: Reveal
) throws {
    if json {
        for r in records { print(try jsonLine(envelope(r, reveal: reveal))) }
        return
    }
    if dryRun {
        print(
            l.t(
                "Simulation (--dry-run) : rien n'a été écrit. L'acte réel enregistrerait :",
                "Dry run (--dry-run): nothing was written. The real act would record:"))
    }
    for r in records {
        guard let event = try? CaseEvent.decode(type: r.type, payload: r.payload) else { continue }
        switch event {
        case .recordWithdrawn(let w):
            let list = w.records.map { "#\($0)" }.joined(separator: ", ")
            print(
                l.t(
                    "Enregistré : retrait de \(list) (\(id), #\(r.sequence)) — raison : \(reveal(w.reason))",
                    "Recorded: withdrawal of \(list) (\(id), #\(r.sequence)) — reason: \(reveal(w.reason))"))
        case .recordCorrected(let c):
            let list = c.records.map { "#\($0)" }.joined(separator: ", ")
            print(
                l.t(
                    "Enregistré : rectification de \(list) (\(id), #\(r.sequence)) — raison : \(reveal(c.reason))",
                    "Recorded: correction of \(list) (\(id), #\(r.sequence)) — reason: \(reveal(c.reason))"))
        default: continue
        }
    }
}
