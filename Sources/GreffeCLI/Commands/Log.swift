import ArgumentParser
import EventLog
import Registry
import Foundation

extension GreffeCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Le journal brut : vérifier la chaîne, afficher les enregistrements.",
            subcommands: [Verify.self, Show.self, Reindex.self])
    }
}

extension GreffeCommand.Log {
    struct Reindex: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconstruit les index (dossiers, délais dus, membres, sièges…) à partir du journal.",
            discussion: prose(
                """
                Les index se reconstruisent toujours du journal, qui seul fait foi : rejouer chaque enregistrement \
                depuis le premier, puis remplacer tous les index en une transaction. Utile après une mise à jour de \
                Greffe qui ajoute un index, ou quand `greffe audit verify` trouve les index différents du journal \
                (vérification 4). Le journal n'est pas modifié. Si quelqu'un écrit pendant la reconstruction, rien \
                n'est remplacé (sortie 75) : relancer.

                Exemples :
                  greffe log reindex --store ./registre
                  greffe log reindex --json
                """))

        @OptionGroup var options: StoreOptions
        @Flag(help: "Sortie JSON.") var json = false

        func run() throws {
            let l = options.language
            let registry = try options.registry()
            let (count, changed, head) = try registry.rebuildProjections()
            if json {
                print(try jsonText(ReindexView(entries: count, changed: changed, head: HeadView(head))))
            } else {
                print(
                    l.t(
                        "Index reconstruits à partir du journal (tête \(head.sequence)) : \(count) entrée(s), \(changed) modifiée(s).",
                        "Indexes rebuilt from the log (head \(head.sequence)): \(count) entries, \(changed) changed."))
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vérifie la chaîne de hachage depuis le premier enregistrement (ou un point de contrôle).",
            discussion: prose(
                """
                Sortie 0 si tout est intact, 79 sinon, avec la première séquence fautive et la raison.

                Exemples :
                  greffe log verify --store ./registre
                  greffe log verify --from 120 --hash 3f2a…e9 --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: "Séquence d'un point de contrôle de confiance (avec --hash).")
        var from: UInt64?

        @Option(help: "Hachage hexadécimal de l'enregistrement du point de contrôle.")
        var hash: String?

        @Flag(help: "Sortie JSON.")
        var json = false

        func validate() throws {
            guard (from == nil) == (hash == nil) else {
                throw ValidationError("--from et --hash vont ensemble / --from and --hash go together")
            }
            if let hash, [UInt8](hexString: hash)?.count != 32 {
                throw ValidationError("--hash : 64 chiffres hexadécimaux attendus / --hash: 64 hex digits expected")
            }
        }

        func run() throws {
            let l = options.language
            let store = try options.readingStore()
            var checkpoint: LogHead?
            if let from, let hash, let bytes = [UInt8](hexString: hash) {
                checkpoint = LogHead(sequence: from, hash: bytes)
            }
            let report = try store.verify(from: checkpoint)
            if json {
                print(
                    try jsonText(
                        LogVerifyView(
                            ok: report.isValid, recordsChecked: report.recordsChecked,
                            startSequence: report.startSequence,
                            head: HeadView(report.storedHead),
                            failure: report.failure.map {
                                .init(sequence: $0.sequence, kind: $0.kind.rawValue, detail: $0.detail)
                            })))
            } else if let failure = report.failure {
                print(
                    l.t(
                        "ÉCHEC à la séquence \(failure.sequence) : \(failure.kind.french) (\(failure.detail))",
                        "FAILED at sequence \(failure.sequence): \(failure.kind.english) (\(failure.detail))"))
            } else {
                print(
                    l.t(
                        "OK : \(report.recordsChecked) enregistrement(s) vérifié(s), tête \(report.storedHead.sequence) \(report.storedHead.hash.hexString)",
                        "OK: \(report.recordsChecked) record(s) verified, head \(report.storedHead.sequence) \(report.storedHead.hash.hexString)"
                    ))
            }
            if !report.isValid { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche les enregistrements du journal, dans l'ordre.",
            discussion: prose(
                """
                Exemples :
                  greffe log show --store ./registre
                  greffe log show --from 40 --limit 10
                  greffe log show --json > journal.jsonl
                """))

        @OptionGroup var options: StoreOptions

        @Option(help: "Première séquence à afficher.")
        var from: UInt64 = 1

        @Option(help: "Nombre maximal d'enregistrements.")
        var limit: Int?

        @Flag(help: "Une ligne JSON par enregistrement (enveloppe complète et contenu).")
        var json = false

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit doit être positif / --limit must be positive") }
        }

        func run() throws {
            let l = options.language
            let store = try options.readingStore()
            var cursor = store.records(from: from)
            // Texts are revealed when this register's key store is at hand; without it (an auditor's copy), the
            // sealed objects are printed as stored.
            let reveal = try? Registry(store: store, keysPath: options.keysPath).reveal(words: l.revealWords)
            var shown = 0
            while shown < (limit ?? .max), let record = try cursor.next() {
                if json {
                    print(try jsonLine(envelope(record, reveal: reveal)))
                } else {
                    let recorded = isoInstant(record.event.recordedAt)
                    print(
                        "#\(record.sequence)  \(record.event.occurredOn)  \(record.stream)@\(record.version)  \(record.type)  "
                            + l.t("par", "by") + " \(record.event.actor)  " + l.t("enregistré", "recorded")
                            + " \(recorded)  \(record.hash.hexString.prefix(12))")
                }
                shown += 1
            }
            if shown == 0, !json { print(l.t("(aucun enregistrement)", "(no records)")) }
        }
    }
}
