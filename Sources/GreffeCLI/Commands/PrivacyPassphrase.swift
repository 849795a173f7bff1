import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand.Privacy {
    struct Passphrase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passphrase",
            abstract: "Ajoute, change ou retire la phrase de passe du magasin de clés.",
            discussion: prose(
                """
                Chaque clé du magasin est chiffrée de nouveau sous la nouvelle phrase de passe (scrypt, un sel neuf), \
                en une seule transaction, puis le magasin de clés est réécrit sans ses pages libres : les clés telles \
                que l'ancienne phrase les protégeait (ou en clair, avant une première phrase) disparaissent du disque. \
                Le journal n'est pas touché.

                Aucune phrase ne se tape sur la ligne de commande (elle resterait dans l'historique et la liste des \
                processus). L'ancienne se donne comme pour toute commande : GREFFE_PASSPHRASE, ou la première ligne \
                du fichier de greffe --passphrase-file FICHIER (ou GREFFE_PASSPHRASE_FILE). La nouvelle : \
                --new-passphrase-file FICHIER (sa première ligne), ou GREFFE_NEW_PASSPHRASE, ou \
                GREFFE_NEW_PASSPHRASE_FILE. --remove retire la phrase de passe (les clés sont alors rangées sans \
                protection, dans un dossier 0700 et des fichiers 0600) ; il faut le demander explicitement.

                Une ancienne phrase absente ou fausse, un fichier illisible : sortie 74, rien n'est changé. Ni \
                nouvelle phrase ni --remove, ou les deux : sortie 64. Un registre qui n'a encore rien chiffré n'a \
                pas de magasin de clés (sortie 74) : sa phrase se donne au premier import.

                Exemples :
                  greffe --passphrase-file ancienne privacy passphrase --new-passphrase-file nouvelle
                  GREFFE_NEW_PASSPHRASE_FILE=nouvelle greffe privacy passphrase
                  greffe --passphrase-file ancienne privacy passphrase --remove
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            name: .customLong("new-passphrase-file"),
            help: ArgumentHelp(
                "Fichier dont la première ligne est la nouvelle phrase de passe (défaut : GREFFE_NEW_PASSPHRASE, GREFFE_NEW_PASSPHRASE_FILE).",
                valueName: "fichier"))
        var newPassphraseFile: String?

        @Flag(help: "Retire la phrase de passe : les clés sont rangées sans protection.")
        var remove = false

        func run() throws {
            let l = options.language
            let new = try Registry.newPassphrase(file: newPassphraseFile)
            if remove, new != nil {
                throw CLIFailure(
                    status: .usage,
                    fr:
                        "--remove retire la phrase de passe : ne donnez pas de nouvelle phrase avec (--new-passphrase-file, GREFFE_NEW_PASSPHRASE, GREFFE_NEW_PASSPHRASE_FILE)",
                    en:
                        "--remove removes the passphrase: give no new one with it (--new-passphrase-file, GREFFE_NEW_PASSPHRASE, GREFFE_NEW_PASSPHRASE_FILE)"
                )
            }
            if !remove, new == nil {
                throw CLIFailure(
                    status: .usage,
                    fr:
                        "quelle nouvelle phrase de passe ? --new-passphrase-file FICHIER, GREFFE_NEW_PASSPHRASE ou GREFFE_NEW_PASSPHRASE_FILE ; --remove pour la retirer",
                    en:
                        "which new passphrase? --new-passphrase-file FILE, GREFFE_NEW_PASSPHRASE or GREFFE_NEW_PASSPHRASE_FILE; --remove to remove it"
                )
            }
            let registry = try options.registry()
            let (count, had) = try registry.changePassphrase(to: new)
            if remove, !had {
                print(
                    l.t(
                        "Ce magasin de clés n'avait pas de phrase de passe : \(count) clé(s), rien à retirer.",
                        "This key store had no passphrase: \(count) key(s), nothing to remove."))
            } else if remove {
                print(
                    l.t(
                        "Phrase de passe retirée : \(count) clé(s) rangée(s) sans protection ; l'ancienne protection est effacée du disque.",
                        "Passphrase removed: \(count) key(s) stored without protection; the old protection is gone from the disk."
                    ))
            } else if !had {
                print(
                    l.t(
                        "Phrase de passe ajoutée : \(count) clé(s) protégée(s) ; les clés sans protection sont effacées du disque.",
                        "Passphrase added: \(count) key(s) protected; the unprotected keys are gone from the disk."))
            } else {
                print(
                    l.t(
                        "Phrase de passe changée : \(count) clé(s) protégée(s) par la nouvelle ; l'ancienne protection est effacée du disque.",
                        "Passphrase changed: \(count) key(s) protected by the new one; the old protection is gone from the disk."
                    ))
            }
        }
    }
}
