import ArgumentParser
import Discipline
import Documents
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Les actes d'un dossier dans l'ordre : jour de l'acte, moment de l'enregistrement, qui l'a enregistré.",
            discussion: prose(
                """
                Un enregistrement tardif reste visible : le jour de l'acte et l'instant d'enregistrement sont tous deux
                montrés.

                Exemples :
                  greffe history 2026-001
                  greffe history 2026-001 --json
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier.", completion: .custom(Completions.caseIDs))
        var caseID: String

        @Flag(help: "Une ligne JSON par événement (enveloppe complète et contenu).")
        var json = false

        func run() throws {
            let l = options.language
            let (registry, id) = try options.readingRegistry(forCase: caseID)
            let loaded = try registry.loadCase(id)
            let reveal = try registry.reveal(words: l.revealWords)
            // Each person by name beside the id, « Alice Martin (m001) » (« [effacé] (m004) » after an erasure); an
            // id the roster does not hold stays as it is.
            let byID = try registry.displayNames(reveal)
            let words = EventWords(
                language: l, rulebook: loaded.rulebook, name: { Registry.named($0, byID) },
                text: { reveal($0) })
            let names = Dictionary(byID.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { a, _ in a })
            let recorder = { (id: String) in names[id].map { "\($0) (\(id))" } ?? id }
            for (dated, record) in zip(loaded.events, loaded.records) {
                if json {
                    print(try jsonLine(envelope(record, reveal: reveal)))
                } else {
                    print("#\(record.sequence)  \(record.event.occurredOn)  " + words.sentence(dated.event))
                    print(
                        "      \(record.type) v\(record.version), " + l.t("enregistré par ", "recorded by ")
                            + recorder(record.event.actor) + l.t(" le ", " at ") + isoInstant(record.event.recordedAt))
                    if let note = amendmentNote(record.sequence, loaded, l, recorder, reveal) { print("      " + note) }
                }
            }
        }
    }
}

/// « retiré » or « rectifié » under a withdrawn or corrected record: by which record, who, why.
func amendmentNote(
    _ sequence: UInt64, _ loaded: LoadedCase, _ l: Language, _ name: (String) -> String,
    _ reveal: Reveal
) -> String? {
    guard let amendment = loaded.fold.amendments[sequence] else { return nil }
    let reason = reveal(amendment.reason)
    let author = (loaded.records.first { $0.sequence == amendment.by }?.event.actor).map(name) ?? "?"
    switch amendment.kind {
    case .withdrawn:
        return l.t(
            "« retiré » par #\(amendment.by), \(author) : \(reason)",
            "\"withdrawn\" by #\(amendment.by), \(author): \(reason)")
    case .corrected:
        return l.t(
            "« rectifié » par #\(amendment.by), \(author) : \(reason)",
            "\"corrected\" by #\(amendment.by), \(author): \(reason)")
    }
}
