import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand.Audit {
    /// `greffe audit replay --until SEQ`: the whole registry as it stood after one record.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Le registre entier tel qu'il était après un enregistrement donné (dossiers, étapes, membres).",
            discussion: prose(
                """
                Rejoue le journal du premier enregistrement jusqu'à --until inclus et montre chaque dossier avec son \
                étape, et la taille du registre des membres.

                Pour un seul dossier un jour donné : `greffe status DOSSIER --as-of JOUR`.

                Exemples :
                  greffe audit replay --until 40
                  greffe audit replay --until 40 --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp("Dernière séquence rejouée.", valueName: "séquence"))
        var until: UInt64

        @Flag(help: "Sortie JSON.")
        var json = false

        func validate() throws {
            if until == 0 { throw ValidationError("--until : une séquence à partir de 1 / --until: a sequence from 1") }
        }

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let head = try registry.store.head()
            guard until <= head.sequence else {
                throw CLIFailure(
                    status: .notFound, fr: "la séquence \(until) dépasse la tête du journal (\(head.sequence))",
                    en: "sequence \(until) is past the head of the log (\(head.sequence))")
            }
            var cursor = registry.store.records(from: until, batchSize: 1)
            let last = try cursor.next()
            let replay = try registry.replay(until: until)
            let cases = replay.cases.sorted { $0.key < $1.key }
            let members = replay.members.values
            let present = members.filter { $0.departedOn == nil && $0.radiatedOn == nil }.count
            if json {
                print(
                    try jsonText(
                        ReplayJSON(
                            until: until, hash: last?.hash.hexString ?? "", occurredOn: last?.event.occurredOn ?? "",
                            members: members.count, membersPresent: present,
                            cases: cases.map { id, folded in
                                ReplayJSON.Case(
                                    case: id.rawValue, step: folded.state.step.rawValue, version: folded.version,
                                    openedOn: OrNull(folded.state.openedOn?.description),
                                    lastActOn: OrNull(folded.state.lastActOn?.description))
                            })))
                return
            }
            if let last {
                print(
                    l.t(
                        "Le registre après l'enregistrement \(until) (\(last.event.occurredOn), \(last.stream) \(last.type), hachage \(last.hash.hexString.prefix(16))…)",
                        "The registry after record \(until) (\(last.event.occurredOn), \(last.stream) \(last.type), hash \(last.hash.hexString.prefix(16))…)"
                    ))
            }
            print(
                l.t(
                    "  membres : \(members.count), dont \(present) présent·es (ni parti·es ni radié·es)",
                    "  members: \(members.count), \(present) present (neither left nor radiated)"))
            print(l.t("  dossiers : \(cases.count)", "  cases: \(cases.count)"))
            for (id, folded) in cases {
                let state = folded.state
                print(
                    "    \(id) — \(l == .fr ? state.step.fr : state.step.en) ("
                        + l.t(
                            "ouvert le \(state.openedOn?.description ?? "—"), dernier acte le \(state.lastActOn?.description ?? "—"), version \(folded.version))",
                            "opened \(state.openedOn?.description ?? "—"), last act \(state.lastActOn?.description ?? "—"), version \(folded.version))"
                        ))
            }
        }
    }
}
