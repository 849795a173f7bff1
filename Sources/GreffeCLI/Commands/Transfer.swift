import ArgumentParser
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    /// `greffe import`: a new register rebuilt from an export, with the same records and head hash.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconstruit un registre à partir d'un export JSON Lines (mêmes enregistrements, même tête).",
            discussion: prose(
                """
                L'export (`greffe export --format jsonl`) est re-vérifié en le lisant : chaque hachage recalculé, \
                chaque lien, la tête annoncée par l'en-tête. Les enregistrements sont réécrits octet pour octet \
                (même hachage, même tête que le registre d'origine), les index reconstruits, le tout vérifié dans \
                un dossier privé qui prend le nom du magasin à la fin. Refusés, sans rien écrire : un export \
                pseudonymisé ou qui n'en est pas un (sortie 64), un export tronqué ou altéré (sortie 79), un \
                magasin qui existe déjà (sortie 74).

                Exemples :
                  greffe import export.jsonl --store ~/registre-copie
                """))

        @Argument(
            help: ArgumentHelp("Export JSON Lines (fait par `greffe export --format jsonl`).", valueName: "export"))
        var export: String

        @OptionGroup var options: StoreOptions

        @Flag(help: "Sortie JSON.") var json = false

        func run() throws {
            let l = options.language
            let verified = try VerifiedExport.read(path: export)
            let head = try Registry.importing(verified, into: options.storePath)
            if json {
                print(
                    try jsonText(StoreMadeView(store: options.storePath, records: head.sequence, head: HeadView(head))))
            } else {
                print(
                    l.t(
                        "Registre reconstruit et vérifié : \(options.storePath) (\(head.sequence) enregistrement(s), tête \(head.sequence) \(head.hash.hexString))",
                        "Register rebuilt and verified: \(options.storePath) (\(head.sequence) record(s), head \(head.sequence) \(head.hash.hexString))"
                    ))
            }
        }
    }

    /// `greffe sync`: an auditor's copy brought up to date from an export, fast-forward only.
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Met à jour une copie à partir d'un export, en avance rapide seulement.",
            discussion: prose(
                """
                L'export est re-vérifié en entier ; chaque enregistrement que la copie détient doit être celui de \
                l'export à la même séquence (même hachage). Seuls les enregistrements après la tête de la copie \
                sont ajoutés, octet pour octet, avec les index, en une transaction. Refusés sans rien écrire : un \
                historique divergent (la première séquence qui diffère est donnée, sortie 79), l'export d'un autre \
                registre (79), un export tronqué ou altéré (79). La copie se vérifie ensuite comme l'original \
                (`greffe audit verify`).

                Exemples :
                  greffe sync --from export.jsonl --store ~/copie-auditeur
                  ssh gardien greffe export --format jsonl > export.jsonl && greffe sync --from export.jsonl
                """))

        @Option(help: ArgumentHelp("Export JSON Lines du registre d'origine.", valueName: "export"))
        var from: String

        @OptionGroup var options: StoreOptions

        @Flag(help: "Sortie JSON.") var json = false

        func run() throws {
            let l = options.language
            let registry = try options.registry()
            let verified = try VerifiedExport.read(path: from)
            let outcome = try registry.sync(from: verified)
            if json {
                print(try jsonText(SyncView(appended: outcome.appended, head: HeadView(outcome.head))))
            } else if outcome.appended == 0 {
                print(
                    l.t(
                        "Déjà à jour : la copie est à la tête \(outcome.head.sequence), l'export à \(outcome.exportHead.sequence) ; rien n'a été ajouté.",
                        "Already up to date: the copy is at head \(outcome.head.sequence), the export at \(outcome.exportHead.sequence); nothing was appended."
                    ))
            } else {
                print(
                    l.t(
                        "\(outcome.appended) enregistrement(s) ajouté(s) ; tête \(outcome.head.sequence) \(outcome.head.hash.hexString)",
                        "\(outcome.appended) record(s) appended; head \(outcome.head.sequence) \(outcome.head.hash.hexString)"
                    ))
            }
        }
    }
}

/// An export given to `greffe apply` (a tempting mistake: both are JSON Lines) is refused with the commands that
/// read exports, before any line is applied.
func refuseExport(_ data: Data, _ file: String) throws {
    let first = data.prefix { $0 != 0x0A }
    guard let header = try? JSONDecoder().decode(ExportHeader.self, from: Data(first)),
        header.format == ExportHeader.currentFormat
    else { return }
    throw CLIFailure(
        status: .usage,
        fr:
            "\(file) est un export du journal, pas un fichier d'actes : pour en refaire un registre, `greffe import \(file) --store NOUVEAU-DOSSIER` ; pour mettre une copie à jour, `greffe sync --from \(file)`",
        en:
            "\(file) is an export of the log, not a file of acts: to rebuild a register from it, `greffe import \(file) --store NEW-DIRECTORY`; to bring a copy up to date, `greffe sync --from \(file)`"
    )
}
