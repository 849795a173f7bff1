import ArgumentParser
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    /// `greffe backup`: a consistent, verified copy of the store in one file.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sauvegarde le magasin dans un fichier (copie cohérente, compactée, vérifiée, 0600).",
            discussion: prose("""
                La copie se fait pendant que d'autres écrivent : LMDB la lit en une seule transaction de lecture \
                (l'état d'un instant, sans les pages libres). Elle est écrite dans un dossier privé à côté du \
                fichier, sa chaîne est vérifiée, puis elle prend le nom demandé. Un fichier existant n'est jamais \
                remplacé (sortie 64) ; un disque plein ne laisse rien (sortie 74). Le fichier se restaure avec \
                `greffe restore`.

                Les clés : le registre n'en a pas encore. Quand il en aura (clés d'effacement des données \
                personnelles), elles se sauvegarderont avec leur propre commande et leur avertissement : une \
                donnée effacée du registre reste dans les sauvegardes faites avant. Les clés d'auditeur et de \
                pseudonymes sont des fichiers à part, hors du magasin : à sauvegarder séparément.

                Exemples :
                  greffe backup --out ~/sauvegardes/registre-2026-11-28.mdb
                  greffe backup --store /srv/greffe/registre --out /srv/sauvegardes/registre-$(date +%F).mdb
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp("Fichier de sauvegarde à créer (refusé s'il existe).", valueName: "fichier"))
        var out: String

        @Flag(help: "Sortie JSON.") var json = false

        func run() throws {
            let l = options.language
            let store = try EventStore.open(at: options.storePath)
            let report = try store.backup(to: out)
            if json {
                print(try jsonText(BackupView(file: out, records: report.records, bytes: report.bytes, head: HeadView(report.head))))
            } else {
                print(l.t("Sauvegarde vérifiée : \(out) (\(report.records) enregistrement(s), tête \(report.head.sequence) \(report.head.hash.hexString), \(report.bytes) octets, 0600)",
                          "Verified backup: \(out) (\(report.records) record(s), head \(report.head.sequence) \(report.head.hash.hexString), \(report.bytes) bytes, 0600)"))
            }
        }
    }

    /// `greffe restore`: a store made from a backup file, verified first.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restaure une sauvegarde dans un nouveau magasin (vérifiée d'abord ; ne remplace jamais un registre).",
            discussion: prose("""
                Le fichier est contrôlé (un fichier LMDB, pas tronqué), copié dans un dossier privé à côté du \
                magasin, sa chaîne vérifiée, puis le dossier prend le nom du magasin. Un magasin existant (un \
                dossier non vide) est refusé (sortie 74) ; un fichier tronqué ou altéré est refusé (sortie 79) ; \
                dans les deux cas rien n'est écrit.

                Exemples :
                  greffe restore ~/sauvegardes/registre-2026-11-28.mdb --store ~/registre-restaure
                """))

        @Argument(help: ArgumentHelp("Fichier de sauvegarde (fait par `greffe backup`).", valueName: "fichier"))
        var file: String

        @OptionGroup var options: StoreOptions

        @Flag(help: "Sortie JSON.") var json = false

        func run() throws {
            let l = options.language
            let report = try EventStore.restore(backup: file, to: options.storePath)
            if json {
                print(try jsonText(StoreMadeView(store: options.storePath, records: report.records, head: HeadView(report.head))))
            } else {
                print(l.t("Magasin restauré et vérifié : \(options.storePath) (\(report.records) enregistrement(s), tête \(report.head.sequence) \(report.head.hash.hexString))",
                          "Store restored and verified: \(options.storePath) (\(report.records) record(s), head \(report.head.sequence) \(report.head.hash.hexString))"))
            }
        }
    }
}

func describe(_ error: BackupError, _ l: Language) -> CLIFailure {
    switch error {
    case let .targetExists(path):
        return CLIFailure(status: .usage, fr: "\(path) existe déjà ; rien n'a été remplacé", en: "\(path) already exists; nothing was replaced")
    case let .storeExists(path):
        return CLIFailure(status: .storeError, fr: "\(path) existe déjà et n'est pas vide ; rien n'a été remplacé (choisissez un dossier nouveau)",
                          en: "\(path) already exists and is not empty; nothing was replaced (choose a new directory)")
    case let .cannotWrite(path, reason):
        return CLIFailure(status: .storeError, fr: "impossible d'écrire \(path) : \(reason) ; rien n'a été laissé",
                          en: "cannot write \(path): \(reason); nothing was left behind")
    case let .unreadable(path):
        return CLIFailure(status: .notFound, fr: "fichier introuvable ou illisible : \(path)", en: "no such or unreadable file: \(path)")
    case let .notABackup(path):
        return CLIFailure(status: .usage, fr: "\(path) n'est pas une sauvegarde Greffe (pas un fichier LMDB)",
                          en: "\(path) is not a Greffe backup (not an LMDB data file)")
    case let .truncated(path, size, needed):
        return CLIFailure(status: .verificationFailed,
                          fr: "\(path) est tronqué : \(size) octets, son en-tête en demande \(needed) ; rien n'a été écrit",
                          en: "\(path) is truncated: \(size) bytes, its header needs \(needed); nothing was written")
    case let .verificationFailed(failure):
        return CLIFailure(status: .verificationFailed,
                          fr: "la copie ne se vérifie pas, séquence \(failure.sequence) : \(failure.kind.french) (\(failure.detail)) ; rien n'a été écrit",
                          en: "the copy does not verify, sequence \(failure.sequence): \(failure.kind.english) (\(failure.detail)); nothing was written")
    }
}

func describe(_ error: TransferError) -> CLIFailure {
    let status: ExitStatus
    switch error {
    case .unreadable: status = .notFound
    case .notAnExport, .pseudonymised: status = .usage
    case .targetNotEmpty: status = .storeError
    case .invalid, .truncated, .diverges, .anotherRegister, .unreadableEvent: status = .verificationFailed
    }
    return CLIFailure(status: status, fr: error.words.fr, en: error.words.en)
}

func describe(_ error: CopyError) -> CLIFailure {
    switch error {
    case let .headMoved(expected, found):
        return CLIFailure(status: .conflict,
                          fr: "le journal est passé de la tête \(expected.sequence) à \(found.sequence) pendant la synchronisation ; rien n'a été écrit, relancez",
                          en: "the log moved from head \(expected.sequence) to \(found.sequence) during the sync; nothing was written, run it again")
    case let .outOfOrder(sequence), let .hashDiffers(sequence):
        return CLIFailure(status: .verificationFailed,
                          fr: "l'enregistrement \(sequence) ne se recopie pas à l'identique ; rien n'a été écrit",
                          en: "record \(sequence) cannot be copied byte for byte; nothing was written")
    }
}
