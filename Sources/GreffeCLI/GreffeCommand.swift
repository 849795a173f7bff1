import ArgumentParser
import Foundation

/// The `greffe` command: the registry of an association's disciplinary procedures.
public struct GreffeCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "greffe",
        abstract: "Registre des procédures disciplinaires d'une association (journal d'événements LMDB chaîné).",
        discussion: prose("""
            Chaque acte d'un dossier est un événement d'un journal en ajout seul, chaîné par SHA-256.
            Messages en français par défaut ; --lang en (ou une locale en_*) pour l'anglais.

            Magasin : --store DIR, sinon la variable GREFFE_STORE, sinon ~/.local/share/greffe/store.

            Codes de sortie / exit codes:
              0   succès / success
              64  usage incorrect (option, date ou valeur invalide) / usage error
              65  refusé par une règle (R01…R35, ou de l'échelle adoptée) / refused by a rule
              66  introuvable (magasin, dossier, membre, fichier) / not found
              74  erreur du magasin (format inconnu, magasin endommagé, droits, disque plein, LMDB) / store error
              75  conflit d'écriture concurrente : relire et réessayer / conflict, retry
              79  vérification échouée (journal altéré) / verification failed

            Exemples :
              greffe init --store ./registre
              greffe members import adherents.csv --on 2026-01-02
              greffe complaint --via ticket --complainant m006 --accused m004 --victim m005 --motive insults --facts "…" --on 2026-01-05
              greffe meeting 2026-001 --attendee m001 --attendee m002 --rapporteur m002 --on 2026-01-09
              greffe status 2026-001
              greffe agenda
              greffe cell draw-announce 2026-001 --source "…" --known-on 2026-02-07
              greffe dossier 2026-001 --out dossier.html
              greffe log verify --store ./registre

            Chaque acte est une sous-commande (ci-dessous, dans l'ordre de l'art. 5.6) ; `greffe ACTE --help` cite \
            l'article et donne un exemple. Guide pas à pas : docs/cli.md.
            """),
        version: "0.1.0",
        subcommands: [Init.self, Members.self, Apply.self, Status.self, Agenda.self, Cases.self, History.self, Dossier.self, Log.self, Audit.self, Export.self,
                      RulebookCommand.self, Ladder.self],
        groupedSubcommands: [
            CommandGroup(
                name: "Actes de la procédure (art. 5.6)",
                subcommands: [
                    RecordReport.self, FileComplaint.self, NotifyBoard.self, HoldMeeting.self, Suspend.self,
                    AddEvidence.self, CompleteFile.self, HearVictim.self, RequestExplanation.self, ReceiveAnswer.self,
                    LapseAnswer.self, AccusedLeft.self, WriteSummary.self, Cell.self, ReferGA.self, JudgementGroup.self,
                    LetterReceived.self, LodgeAppeal.self, GeneralAssembly.self, RecordReparation.self,
                    AnnounceRadiation.self, CloseCase.self, ExplicitDecisionAct.self,
                ]),
        ]
    )
}

extension GreffeCommand {
    /// The options every command shares, which may also come before the subcommand (`greffe --store DIR init`).
    static let globalOptions: [(option: String, variable: String, accepts: @Sendable (String) -> Bool)] = [
        ("--store", "GREFFE_STORE", { !$0.isEmpty }),
        ("--lang", "GREFFE_LANG", { Language(rawValue: $0) != nil }),
    ]

    /// Runs the command line. `--store DIR` and `--lang fr|en` given before the subcommand count for every command as
    /// `GREFFE_STORE` and `GREFFE_LANG` do; the same option after the subcommand still wins, as over the variable.
    public static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        for (variable, value) in takeLeadingGlobalOptions(&arguments) { setenv(variable, value, 1) }
        main(arguments)
    }

    /// Removes the global options that come before the subcommand and returns the variables they set. It stops at
    /// the first other argument, or at a value it does not accept (the parser then reports it, exit 64).
    static func takeLeadingGlobalOptions(_ arguments: inout [String]) -> [(variable: String, value: String)] {
        var taken: [(variable: String, value: String)] = []
        while let first = arguments.first {
            let parts = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let global = globalOptions.first(where: { $0.option == parts[0] }) else { break }
            let value: String
            let width: Int
            if parts.count == 2 {
                (value, width) = (parts[1], 1)
            } else if arguments.count > 1 {
                (value, width) = (arguments[1], 2)
            } else {
                break
            }
            guard global.accepts(value) else { break }
            taken.append((global.variable, value))
            arguments.removeFirst(width)
        }
        return taken
    }
}
