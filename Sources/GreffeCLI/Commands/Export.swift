import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    /// `greffe export`: the whole log as JSON Lines, re-verifiable from the file alone.
    struct Export: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl
        }

        static let configuration = CommandConfiguration(
            abstract: "Exporte tout le journal en JSON Lines, avec l'enveloppe complète de chaque enregistrement.",
            discussion: prose(
                """
                Première ligne : un en-tête (format, tête du journal, pseudonymisé ou non). Puis une ligne par \
                enregistrement : sequence, stream, version, type, schemaVersion, occurredOn, recordedAt (et \
                recordedAtMs, la valeur hachée), actor, correlationId, causationId, payload (le JSON stocké, octet pour
                octet, en texte), prevHash, hash. De quoi recalculer chaque hachage sans Greffe :
                `python3 scripts/verify_export.py export.jsonl` (voir docs/audit.md).

                --pseudonymise remplace noms, courriels et identifiants des personnes par des pseudonymes stables \
                (HMAC-SHA256 avec la clé de --key-file, créée si elle n'existe pas, jamais exportée). Les hachages \
                restent ceux des enregistrements d'origine : la chaîne d'un export pseudonymisé NE PEUT PAS être \
                re-vérifiée (les liens prevHash/hash se suivent, les contenus ne se recalculent pas).

                Exemples :
                  greffe export --format jsonl --out export.jsonl
                  greffe export --format jsonl --pseudonymise --key-file ~/cle-pseudonymes --out export-anonyme.jsonl
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: "Format : jsonl.")
        var format: Format = .jsonl

        @Option(
            help: ArgumentHelp("Écrit l'export dans ce fichier (sinon sur la sortie standard).", valueName: "fichier"))
        var out: String?

        @Flag(help: "Remplace les personnes par des pseudonymes stables (la chaîne ne se re-vérifie plus).")
        var pseudonymise = false

        @Option(
            name: .customLong("key-file"),
            help: ArgumentHelp(
                "Clé des pseudonymes (créée, 0600, si elle n'existe pas ; jamais exportée).", valueName: "fichier"))
        var keyFile: String?

        func validate() throws {
            if pseudonymise && keyFile == nil {
                throw ValidationError("--pseudonymise demande --key-file / --pseudonymise needs --key-file")
            }
            if !pseudonymise && keyFile != nil {
                throw ValidationError("--key-file va avec --pseudonymise / --key-file goes with --pseudonymise")
            }
        }

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let key = try keyFile.map { try pseudonymKey($0, l) }
            // The file is created with the first line, once the log is verified: a refused export leaves none.
            var file: LineFile?
            let header = try registry.export(pseudonymisingWith: key) { line in
                guard let out else { return print(line) }
                if file == nil { file = try LineFile(out) }
                try file?.write(line)
            }
            if let out, let file {
                try file.close()
                print(
                    l.t(
                        "\(header.records) enregistrement(s) exporté(s) dans \(out), tête \(header.headSequence) \(header.headHash)",
                        "\(header.records) record(s) exported to \(out), head \(header.headSequence) \(header.headHash)"
                    ))
            }
            if header.pseudonymised {
                writeError(
                    l.t(
                        "Export pseudonymisé : la chaîne ne peut pas être re-vérifiée à partir de cet export (ses hachages sont des MAC à clé de ceux d'origine).",
                        "Pseudonymised export: the chain cannot be re-verified from this export (its hashes are keyed MACs of the original ones)."
                    ))
            }
        }

        /// The pseudonymisation key: read from the file, or 32 random bytes written to it (0600) when it is absent.
        func pseudonymKey(_ path: String, _ l: Language) throws -> [UInt8] {
            if FileManager.default.fileExists(atPath: path) {
                let text = String(decoding: try readFile(path), as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                guard let key = [UInt8](hexString: text), key.count >= 16 else {
                    throw CLIFailure(
                        status: .usage, fr: "\(path) n'est pas une clé de pseudonymes (hexadécimal)",
                        en: "\(path) is not a pseudonym key (hex)")
                }
                return key
            }
            var generator = SystemRandomNumberGenerator()
            let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try writeNewPrivateFile(path, key.hexString + "\n")
            writeError(
                l.t(
                    "Clé de pseudonymes créée : \(path) (0600). Gardez-la : les mêmes pseudonymes reviendront à chaque export.",
                    "Pseudonym key created: \(path) (0600). Keep it: the same pseudonyms come back with every export."))
            return key
        }
    }
}
