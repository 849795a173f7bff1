import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct AmendmentCommandGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "amendment",
            abstract:
                "Modification du règlement intérieur (art. 9, R34) : proposition, vote de l'AG aux deux tiers, envoi aux membres.",
            discussion: prose(
                """
                Une modification par flux amendment/<id> (ex. 2026-A001). Un membre du Conseil propose une nouvelle
                version du règlement de procédure (fichier JSON, nommée par son identifiant, sa version et son
                empreinte SHA-256) ; l'Assemblée générale la vote aux deux tiers (bulletins adopt, reject ou blanc ;
                votants vérifiés par greffe ga voters) ; acquise, le nouveau texte est adressé à tous les membres par
                courriel dans un délai d'un mois (échéance dans greffe agenda). greffe rulebook adopt d'une nouvelle
                version de procédure est refusé (R34, 65) sans vote acquis pour ce texte même. Le décompte est refait
                par greffe audit verify.

                Exemples :
                  greffe amendment propose --file cle-v2.json --by m002 --summary "Réunion du Conseil sous 10 jours" --on 2026-05-02 --as m001
                  greffe amendment vote 2026-A001 --ballot m001=adopt --ballot m002=adopt --ballot m003=reject --blank m004 --on 2026-06-04 --as m001
                  greffe rulebook adopt cle-autistes-ri --file cle-v2.json --on 2026-06-04 --as m001
                  greffe amendment notify 2026-A001 --on 2026-06-10 --as m001
                  greffe amendment status 2026-A001 --json
                """),
            subcommands: [Propose.self, Vote.self, Notify.self, Status.self, List.self])

        struct Propose: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Enregistre la proposition d'un membre du Conseil : la nouvelle version du règlement de procédure.",
                discussion: prose(
                    """
                    Exemples :
                      greffe amendment propose --file cle-v2.json --by m002 --summary "Réunion du Conseil sous 10 jours" --as m001
                      greffe amendment propose --file cle-v2.json --by m002 --summary "…" --dry-run --json
                    """))
            @OptionGroup var path: PathActOptions
            @Option(help: ArgumentHelp("Le fichier JSON de la version proposée.", valueName: "fichier")) var file:
                String
            @Option(help: ArgumentHelp("Le membre du Conseil qui propose.", valueName: "membre")) var by: MemberID
            @Option(help: "Ce que la modification change.") var summary: String
            @Option(
                name: .customLong("amendment"),
                help: ArgumentHelp("Identifiant choisi (défaut : 2026-A001…).", valueName: "id"))
            var amendment: String?

            func run() throws {
                let l = path.language
                let registry = try path.options.registry()
                let day = try path.act.day(rulebook: registry.rulebook)
                let document: RulebookDocument
                switch RulebookDocument.load(
                    from: try contents(of: file), knownProcedures: try path.options.knownProcedures())
                {
                case .success(let loaded): document = loaded
                case .failure(let invalid): throw LadderError.invalidRulebook(invalid)
                }
                let done = try registry.proposeAmendment(
                    document, by: by, summary: summary, id: amendment, on: day,
                    recording: try path.recording, dryRun: path.dryRun)
                let proposer = try registry.namer(of: [by], l)(by)
                try path.report(
                    stream: Registry.amendmentStream(done.id), id: done.id, types: done.events.map(\.typeName),
                    lines: [
                        l.t(
                            "Modification \(done.id) proposée le \(day.frenchDescription) par \(proposer) : \(document.id) v\(document.version) ; vote de l'Assemblée générale à tenir (deux tiers)",
                            "Amendment \(done.id) proposed on \(day) by \(proposer): \(document.id) v\(document.version); GA vote to hold (two-thirds)"
                        )
                    ],
                    sequences: done.records.map(\.sequence))
            }
        }

        struct Vote: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Le vote de l'Assemblée générale : adopt ou reject par membre, blancs à part ; deux tiers requis.",
                discussion: prose(
                    """
                    Chaque votant doit avoir le droit de vote ce jour (art. 2.4, greffe ga voters). Le décompte est en
                    entiers (oui × 3 ≥ base × 2) et enregistré ; greffe audit verify le refait. Acquis, il fixe
                    l'échéance de l'envoi du nouveau règlement à tous les membres (un mois).

                    Exemples :
                      greffe amendment vote 2026-A001 --ballot m001=adopt --ballot m002=adopt --ballot m003=reject --as m001
                      greffe amendment vote 2026-A001 --ballot m001=adopt --blank m002 --dry-run --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La modification.") var amendment: String
            @OptionGroup var ballots: BallotOptions

            func run() throws {
                let l = path.language
                let registry = try path.options.registry()
                let day = try path.act.day(rulebook: registry.rulebook)
                let done = try registry.voteAmendment(
                    amendment, ballots: ballots.ballots { $0 }, on: day,
                    recording: try path.recording, dryRun: path.dryRun)
                let lines = done.events.compactMap { event -> String? in
                    guard case .voted(let v) = event else { return nil }
                    let outcome =
                        v.carried
                        ? l.t(
                            "adoptée ; nouveau règlement à adresser aux membres au plus tard le \(v.noticeDue?.frenchDescription ?? "?")",
                            "carried; new rulebook to send to members by \(v.noticeDue?.description ?? "?")")
                        : l.t("rejetée", "not carried")
                    return l.t(
                        "Modification \(amendment) votée le \(day.frenchDescription) : \(v.tally.arithmetic) — ",
                        "Amendment \(amendment) voted on \(day): \(v.tally.arithmetic) — ") + outcome
                }
                try path.report(
                    stream: Registry.amendmentStream(amendment), id: amendment, types: done.events.map(\.typeName),
                    lines: lines, sequences: done.records.map(\.sequence))
            }
        }

        struct Notify: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Le nouveau règlement est adressé à tous les membres par courriel (délai d'un mois).",
                discussion: prose(
                    """
                    Exemples :
                      greffe amendment notify 2026-A001 --on 2026-06-10 --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La modification.") var amendment: String

            func run() throws {
                let l = path.language
                let registry = try path.options.registry()
                let day = try path.act.day(rulebook: registry.rulebook)
                let done = try registry.notifyAmendment(
                    amendment, on: day, recording: try path.recording, dryRun: path.dryRun)
                let lines = done.events.compactMap { event -> String? in
                    guard case .noticeSent(let n) = event else { return nil }
                    return l.t(
                        "Modification \(amendment) : nouveau règlement adressé aux membres le \(day.frenchDescription)",
                        "Amendment \(amendment): new rulebook sent to members on \(day)")
                        + path.lateSuffix(n.daysLate, .R34)
                }
                try path.report(
                    stream: Registry.amendmentStream(amendment), id: amendment, types: done.events.map(\.typeName),
                    lines: lines, sequences: done.records.map(\.sequence))
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Une modification : proposition, vote et son décompte, envoi aux membres.",
                discussion: prose(
                    """
                    Exemples :
                      greffe amendment status 2026-A001 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "La modification.") var amendment: String
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                guard let s = try registry.amendmentIndex().first(where: { $0.id == amendment }) else {
                    throw PathError.unknownAmendment(amendment)
                }
                if json {
                    print(try jsonText(s))
                    return
                }
                print(
                    l.t(
                        "Modification \(amendment) (art. 9) : \(s.rulebook ?? "?") v\(s.version.map(String.init) ?? "?")",
                        "Amendment \(amendment) (art. 9): \(s.rulebook ?? "?") v\(s.version.map(String.init) ?? "?")"))
                let proposer = try s.proposer.map { try registry.namer(of: [$0], l)($0) } ?? "?"
                print(
                    l.t(
                        "  proposée le \(s.proposedOn?.frenchDescription ?? "?") par \(proposer)",
                        "  proposed on \(s.proposedOn?.description ?? "?") by \(proposer)"))
                if let proposal = try registry.loadAmendment(amendment).state.proposal?.value {
                    let reveal = try registry.reveal(words: l.revealWords)
                    print(l.t("  objet : ", "  summary: ") + SafeText.field(reveal(proposal.summary)))
                }
                if let voted = s.votedOn {
                    print(
                        l.t(
                            "  votée le \(voted.frenchDescription) : \(s.arithmetic ?? "")",
                            "  voted on \(voted): \(s.arithmetic ?? "")"))
                }
                if let sent = s.noticeSentOn {
                    print(l.t("  adressée aux membres le \(sent.frenchDescription)", "  sent to members on \(sent)"))
                }
                if let fr = s.pendingFr, let en = s.pendingEn {
                    let due = s.votedOn != nil ? s.noticeDue : nil
                    print(
                        l.t("  à faire : \(fr)", "  to do: \(en)")
                            + (due.map { l.t(" (au plus tard le \($0.frenchDescription))", " (by \($0))") } ?? ""))
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Les modifications du règlement du registre.",
                discussion: prose(
                    """
                    Exemples :
                      greffe amendment list --json
                    """))
            @OptionGroup var options: StoreOptions
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let index = try options.readingRegistry().amendmentIndex()
                if json {
                    print(try jsonText(index))
                    return
                }
                if index.isEmpty { print(l.t("(aucune modification)", "(no amendment)")) }
                for a in index {
                    let state =
                        a.carried.map { $0 ? l.t("adoptée", "carried") : l.t("rejetée", "not carried") }
                        ?? l.t("à voter", "to vote")
                    print("\(a.id)  \(a.rulebook ?? "?") v\(a.version.map(String.init) ?? "?")  \(state)")
                }
            }
        }
    }
}
