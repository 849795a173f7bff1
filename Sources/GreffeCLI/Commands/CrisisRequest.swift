import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct RequestCommandGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract:
                "Demande de procédure de gestion de crise par des membres, contre un mandat de modération (art. 3.2, R31).",
            discussion: prose(
                """
                Une demande par flux request/<id> (ex. 2026-D001). Au moins 5 membres à jour de cotisation de l'année,
                distincts, vérifiés dans la liste des adhésions, demandent au Conseil une procédure de gestion de crise
                contre un mandat de modération, pour un motif grave (art. 5.5). Le Conseil doit la mettre en œuvre dans
                les 7 jours (échéance dans greffe agenda) : greffe request implement dépose la plainte (les signataires
                plaignants, la personne modératrice mise en cause) et lie le dossier 5.6 ouvert. Une mise en œuvre
                tardive est enregistrée avec son retard. Nombres du règlement (bloc paths.crisisRequest).

                Exemples :
                  greffe request lodge --target m006 --signatory m004 --signatory m005 --signatory m007 --signatory m008 --signatory m009 --motive harassment --facts "Bannissements arbitraires" --on 2026-03-02 --as m001
                  greffe request implement 2026-D001 --via email --on 2026-03-06 --as m001
                  greffe request status 2026-D001
                  greffe request list
                """),
            subcommands: [Lodge.self, Implement.self, Status.self, List.self])

        struct Lodge: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enregistre la demande et ses signataires ; l'échéance du Conseil court de ce jour.",
                discussion: prose(
                    """
                    Exemples :
                      greffe request lodge --target m006 --signatory m004 --signatory m005 --signatory m007 --signatory m008 --signatory m009 --motive harassment --facts "…" --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Option(help: "La personne modératrice visée.") var target: MemberID
            @Option(
                name: .customLong("signatory"), help: ArgumentHelp("Un signataire (répétable).", valueName: "membre"))
            var signatories: [MemberID] = []
            @Option(
                name: .customLong("motive"),
                help: ArgumentHelp("Motif grave de l'article 5.5 (répétable).", valueName: "motif"))
            var motives: [String] = []
            @Option(help: "Les faits.") var facts: String
            @Option(
                name: .customLong("request"),
                help: ArgumentHelp("Identifiant choisi (défaut : 2026-D001…).", valueName: "id"))
            var request: String?

            func validate() throws { try validateIdentity("--signatory", signatories.map(\.rawValue)) }

            func run() throws {
                let l = path.language
                let registry = try path.options.registry()
                let day = try path.act.day(rulebook: registry.rulebook)
                let done = try registry.lodgeCrisisRequest(
                    CrisisRequestLodging(
                        target: target, signatories: signatories, motives: motives, facts: .clear(facts)),
                    id: request, on: day, recording: try path.recording, dryRun: path.dryRun)
                let due =
                    done.due.map {
                        l.t(
                            " ; le Conseil la met en œuvre au plus tard le \($0.frenchDescription)",
                            "; the board puts it into effect by \($0)")
                    } ?? ""
                let name = try registry.namer(of: [target], l)
                try path.report(
                    stream: Registry.requestStream(done.id), id: done.id, types: done.events.map(\.typeName),
                    lines: [
                        l.t(
                            "Demande \(done.id) enregistrée le \(day.frenchDescription) : \(signatories.count) signataires contre le mandat de modération de \(name(target))",
                            "Request \(done.id) recorded on \(day): \(signatories.count) signatories against \(name(target))'s moderation mandate"
                        ) + due
                    ],
                    sequences: done.records.map(\.sequence))
            }
        }

        struct Implement: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Le Conseil met la demande en œuvre : dépose la plainte 5.6 et lie le dossier ouvert.",
                discussion: prose(
                    """
                    Exemples :
                      greffe request implement 2026-D001 --via email --on 2026-03-06 --as m001
                    """))
            @OptionGroup var path: PathActOptions
            @Argument(help: "La demande (ex. 2026-D001).") var request: String
            @Option(
                name: .customLong("via"),
                help: ArgumentHelp("Comment la demande est parvenue : ticket ou email.", valueName: "canal"))
            var channel: ComplaintChannel

            func run() throws {
                let l = path.language
                let registry = try path.options.registry()
                let day = try path.act.day(rulebook: registry.rulebook)
                let done = try registry.implementCrisisRequest(
                    request, channel: channel.value, on: day,
                    recording: try path.recording, dryRun: path.dryRun)
                let lines = done.events.compactMap { event -> String? in
                    guard case .implemented(let i) = event else { return nil }
                    return l.t(
                        "Demande \(request) mise en œuvre le \(day.frenchDescription) : plainte déposée, dossier \(i.caseID)",
                        "Request \(request) put into effect on \(day): complaint filed, case \(i.caseID)")
                        + path.lateSuffix(i.daysLate, .R31)
                }
                try path.report(
                    stream: Registry.requestStream(request), id: request, types: done.events.map(\.typeName),
                    lines: lines, sequences: done.records.map(\.sequence))
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Une demande : signataires, échéance du Conseil, dossier ouvert.",
                discussion: prose(
                    """
                    Exemples :
                      greffe request status 2026-D001 --json
                    """))
            @OptionGroup var options: StoreOptions
            @Argument(help: "La demande.") var request: String
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                guard let summary = try registry.requestIndex().first(where: { $0.id == request }) else {
                    throw PathError.unknownRequest(request)
                }
                if json {
                    print(try jsonText(summary))
                    return
                }
                let name = try registry.namer(of: summary.signatories + (summary.target.map { [$0] } ?? []), l)
                let target = summary.target.map(name) ?? "?"
                print(
                    l.t(
                        "Demande \(request) (art. 3.2) contre \(target)",
                        "Request \(request) (art. 3.2) against \(target)"))
                print(
                    l.t("  signataires : ", "  signatories: ") + summary.signatories.map(name).joined(separator: ", "))
                if let lodging = try registry.loadRequest(request).state.lodging {
                    let reveal = try registry.reveal(words: l.revealWords)
                    print(l.t("  faits : ", "  facts: ") + SafeText.field(reveal(lodging.facts)))
                }
                if let due = summary.due {
                    print(l.t("  échéance du Conseil : \(due.frenchDescription)", "  board's deadline: \(due)"))
                }
                if let c = summary.caseID {
                    print(
                        l.t(
                            "  mise en œuvre le \(summary.implementedOn?.frenchDescription ?? "?") : dossier \(c)",
                            "  put into effect on \(summary.implementedOn?.description ?? "?"): case \(c)")
                            + ((summary.daysLate ?? 0) > 0
                                ? l.t(
                                    " (\(summary.daysLate ?? 0) j de retard)", " (\(summary.daysLate ?? 0) day(s) late)"
                                ) : ""))
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Les demandes de procédure du registre.",
                discussion: prose(
                    """
                    Exemples :
                      greffe request list --json
                    """))
            @OptionGroup var options: StoreOptions
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let index = try options.readingRegistry().requestIndex()
                if json {
                    print(try jsonText(index))
                    return
                }
                if index.isEmpty { print(l.t("(aucune demande)", "(no request)")) }
                for r in index {
                    print(
                        "\(r.id)  \(r.target?.rawValue ?? "?")  "
                            + (r.caseID.map { l.t("dossier \($0)", "case \($0)") }
                                ?? l.t(
                                    "à mettre en œuvre avant le \(r.due?.frenchDescription ?? "?")",
                                    "due by \(r.due?.description ?? "?")")))
                }
            }
        }
    }
}
