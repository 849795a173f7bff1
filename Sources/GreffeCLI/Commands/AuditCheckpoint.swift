import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand.Audit {
    /// `greffe audit keygen`: the auditor's Ed25519 key pair.
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée la paire de clés Ed25519 de l'auditeur (clé privée 0600, clé publique à côté).",
            discussion: prose(
                """
                Écrit la clé privée dans FICHIER (droits 0600, jamais remplacée si elle existe) et la clé publique \
                dans FICHIER.pub ; affiche la clé publique. Gardez la clé privée hors du magasin et hors de portée \
                de qui tient le registre ; publiez ou confiez la clé publique.

                Exemples :
                  greffe audit keygen --out ~/cle-auditeur
                """))

        @Option(
            help: ArgumentHelp("Fichier de la clé privée (la clé publique va dans FICHIER.pub).", valueName: "fichier"))
        var out: String

        @Option(name: .long, help: "Langue des messages : fr ou en.")
        var lang: Language?

        func run() throws {
            let l = Language.resolve(lang)
            let keys = AuditKeyPair.generate()
            try writeNewPrivateFile(out, keys.privateKeyHex + "\n")
            try writeFile(out + ".pub", keys.publicKeyHex + "\n", shared: true)
            print(
                l.t(
                    "Clé privée : \(out) (0600) ; clé publique : \(out).pub",
                    "Private key: \(out) (0600); public key: \(out).pub"))
            print(keys.publicKeyHex)
        }
    }

    /// `greffe audit checkpoint`: a signed receipt of the head.
    struct CheckpointCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Signe la tête du journal (séquence, hachage, jour) : un reçu à garder hors du magasin.",
            discussion: prose(
                """
                Le reçu (JSON) contient la séquence et le hachage du dernier enregistrement, le jour, la clé publique \
                et la signature Ed25519 de ces lignes :
                  greffe-checkpoint-1 / sequence N / hash H / day J / public-key K (chacune suivie d'un saut de ligne).
                Plus tard, `greffe audit verify --checkpoint reçu.json --public-key clé.pub` prouve que le journal \
                jusqu'à N n'a pas changé, même si tout le magasin a été remplacé par une chaîne refaite.

                Exemples :
                  greffe audit checkpoint --key ~/cle-auditeur
                  greffe audit checkpoint --key ~/cle-auditeur --out recu-2026-02-20.json --on 2026-02-20
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp("Clé privée de `greffe audit keygen`.", valueName: "fichier"))
        var key: String

        @Option(help: ArgumentHelp("Écrit le reçu dans ce fichier (sinon il est affiché).", valueName: "fichier"))
        var out: String?

        @Option(
            name: .customLong("on"),
            help: ArgumentHelp("Jour du reçu (défaut : aujourd'hui, ou GREFFE_TODAY).", valueName: "jour"))
        var on: Day?

        func run() throws {
            let l = options.language
            let keys: AuditKeyPair
            do {
                keys = try AuditKeyPair(privateKeyHex: String(decoding: try readFile(key), as: UTF8.self))
            } catch is CheckpointError {
                throw CLIFailure(
                    status: .usage, fr: "\(key) n'est pas une clé privée de `greffe audit keygen`",
                    en: "\(key) is not a private key from `greffe audit keygen`")
            }
            let registry = try options.readingRegistry()
            let day = try on ?? Today.resolve(timeZone: registry.rulebook.timeZone)
            let receipt = try Checkpoint.sign(try registry.store.head(), on: day, with: keys)
            let text = String(decoding: try receipt.json(), as: UTF8.self) + "\n"
            if let out {
                try writeFile(out, text)
                print(
                    l.t(
                        "Reçu écrit dans \(out) : séquence \(receipt.sequence), hachage \(receipt.hash)",
                        "Receipt written to \(out): sequence \(receipt.sequence), hash \(receipt.hash)"))
            } else {
                print(text, terminator: "")
            }
        }
    }
}
