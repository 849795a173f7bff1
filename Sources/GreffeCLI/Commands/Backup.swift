import ArgumentParser
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    /// `greffe backup`: a consistent, verified copy of the store in one file.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sauvegarde le magasin dans un fichier (copie cohérente, compactée, vérifiée, 0600).",
            discussion: prose(
                """
                La copie se fait pendant que d'autres écrivent : LMDB la lit en une seule transaction de lecture \
                (l'état d'un instant, sans les pages libres). Elle est écrite dans un dossier privé à côté du \
                fichier, sa chaîne est vérifiée, puis elle prend le nom demandé. Un fichier existant n'est jamais \
                remplacé (sortie 64) ; un disque plein ne laisse rien (sortie 74). Le fichier se restaure avec \
                `greffe restore`.

                Les clés des données personnelles (docs/privacy.md) sont sauvegardées à côté, dans FICHIER.keys \
                (copie compactée, 0600) : sans elles, les noms et les textes d'une sauvegarde restaurée ne se \
                lisent plus. Gardez les deux fichiers ensemble, et à l'abri : une personne effacée du registre après \
                la sauvegarde reste lisible dans celle-ci tant que FICHIER.keys existe (détruire FICHIER.keys suffit \
                à l'effacer des vieilles sauvegardes). Les clés d'auditeur et de pseudonymes sont des fichiers à \
                part, hors du magasin : à sauvegarder séparément.

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
            // The keys go with the log, in FILE.keys: both targets are checked free before anything is written, and a
            // failure of the second removes the first.
            let keys =
                KeyStore.exists(at: options.keysPath) ? try KeyStore.open(at: options.keysPath, readOnly: true) : nil
            let keysFile = keys.map { _ in out + ".keys" }
            if let keysFile, FileManager.default.fileExists(atPath: keysFile) {
                throw BackupError.targetExists(path: keysFile)
            }
            let report = try store.backup(to: out)
            if let keys, let keysFile {
                do {
                    _ = try keys.backup(to: keysFile)
                } catch {
                    try? FileManager.default.removeItem(atPath: out)
                    throw error
                }
            }
            if json {
                print(
                    try jsonText(
                        BackupView(
                            file: out, records: report.records, bytes: report.bytes, head: HeadView(report.head),
                            keysFile: keysFile)))
            } else {
                print(
                    l.t(
                        "Sauvegarde vérifiée : \(out) (\(report.records) enregistrement(s), tête \(report.head.sequence) \(report.head.hash.hexString), \(report.bytes) octets, 0600)",
                        "Verified backup: \(out) (\(report.records) record(s), head \(report.head.sequence) \(report.head.hash.hexString), \(report.bytes) bytes, 0600)"
                    ))
                if let keysFile {
                    print(
                        l.t(
                            "Clés des données personnelles : \(keysFile) (0600) — à garder avec la sauvegarde, et à l'abri.",
                            "Personal data keys: \(keysFile) (0600) — keep it with the backup, and safe."))
                }
            }
        }
    }

    /// `greffe restore`: a store made from a backup file, verified first.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Restaure une sauvegarde dans un nouveau magasin (vérifiée d'abord ; ne remplace jamais un registre).",
            discussion: prose(
                """
                Le fichier est contrôlé (un fichier LMDB, pas tronqué), copié dans un dossier privé à côté du \
                magasin, sa chaîne vérifiée, puis le dossier prend le nom du magasin. Un magasin existant (un \
                dossier non vide) est refusé (sortie 74) ; un fichier tronqué ou altéré est refusé (sortie 79) ; \
                dans les deux cas rien n'est écrit. Si FICHIER.keys existe à côté (les clés des données \
                personnelles), il est restauré comme magasin de clés (le dossier keys du magasin, ou --keys).

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
            let keysFile = file + ".keys"
            var restoredKeys: String?
            if FileManager.default.fileExists(atPath: keysFile) {
                do {
                    try KeyStore.restore(backup: keysFile, to: options.keysPath)
                    restoredKeys = options.keysPath
                } catch {
                    // Nothing is left behind: the store just made goes too.
                    try? FileManager.default.removeItem(atPath: options.storePath)
                    throw error
                }
            }
            if json {
                print(
                    try jsonText(
                        StoreMadeView(
                            store: options.storePath, records: report.records, head: HeadView(report.head),
                            keys: restoredKeys)))
            } else {
                print(
                    l.t(
                        "Magasin restauré et vérifié : \(options.storePath) (\(report.records) enregistrement(s), tête \(report.head.sequence) \(report.head.hash.hexString))",
                        "Store restored and verified: \(options.storePath) (\(report.records) record(s), head \(report.head.sequence) \(report.head.hash.hexString))"
                    ))
                if let restoredKeys {
                    print(l.t("Clés restaurées : \(restoredKeys)", "Keys restored: \(restoredKeys)"))
                }
            }
        }
    }
}

func describe(_ error: BackupError, _ l: Language) -> CLIFailure {
    switch error {
    case let .targetExists(path):
        return CLIFailure(
            status: .usage, fr: "\(path) existe déjà ; rien n'a été remplacé",
            en: "\(path) already exists; nothing was replaced")
    case let .storeExists(path):
        return CLIFailure(
            status: .storeError,
            fr: "\(path) existe déjà et n'est pas vide ; rien n'a été remplacé (choisissez un dossier nouveau)",
            en: "\(path) already exists and is not empty; nothing was replaced (choose a new directory)")
    case let .cannotWrite(path, reason):
        return CLIFailure(
            status: .storeError, fr: "impossible d'écrire \(path) : \(reason) ; rien n'a été laissé",
            en: "cannot write \(path): \(reason); nothing was left behind")
    case let .unreadable(path):
        return CLIFailure(
            status: .notFound, fr: "fichier introuvable ou illisible : \(path)",
            en: "no such or unreadable file: \(path)")
    case let .notABackup(path):
        return CLIFailure(
            status: .usage, fr: "\(path) n'est pas une sauvegarde Greffe (pas un fichier LMDB)",
            en: "\(path) is not a Greffe backup (not an LMDB data file)")
    case let .truncated(path, size, needed):
        return CLIFailure(
            status: .verificationFailed,
            fr: "\(path) est tronqué : \(size) octets, son en-tête en demande \(needed) ; rien n'a été écrit",
            en: "\(path) is truncated: \(size) bytes, its header needs \(needed); nothing was written")
    case let .verificationFailed(failure):
        return CLIFailure(
            status: .verificationFailed,
            fr:
                "la copie ne se vérifie pas, séquence \(failure.sequence) : \(failure.kind.french) (\(failure.detail)) ; rien n'a été écrit",
            en:
                "the copy does not verify, sequence \(failure.sequence): \(failure.kind.english) (\(failure.detail)); nothing was written"
        )
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
        return CLIFailure(
            status: .conflict,
            fr:
                "le journal est passé de la tête \(expected.sequence) à \(found.sequence) pendant la synchronisation ; rien n'a été écrit, relancez",
            en:
                "the log moved from head \(expected.sequence) to \(found.sequence) during the sync; nothing was written, run it again"
        )
    case let .outOfOrder(sequence), let .hashDiffers(sequence):
        return CLIFailure(
            status: .verificationFailed,
            fr: "l'enregistrement \(sequence) ne se recopie pas à l'identique ; rien n'a été écrit",
            en: "record \(sequence) cannot be copied byte for byte; nothing was written")
    }
}
