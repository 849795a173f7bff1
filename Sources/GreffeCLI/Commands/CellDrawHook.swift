import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    /// The draw subcommands of `greffe cell`.
    static let cellDrawSubcommands: [any ParsableCommand.Type] = [DrawAnnounce.self, DrawPerform.self]

    /// `greffe cell draw-announce`: publish the pool and the entropy sources before their values are known.
    struct DrawAnnounce: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draw-announce",
            abstract: "Annonce un tirage au sort de la cellule (art. 5.6.9, R15) : la liste des éligibles et les sources d'aléa.",
            discussion: """
                Quand l'appel reste sans réponse, le rapporteur tire au sort parmi les membres à jour de cotisation
                de l'année (RFC 3797). L'annonce enregistre, AVANT que l'aléa soit connu : la liste de tous les
                membres éligibles ce jour-là, dans l'ordre canonique, son empreinte SHA-256, le nombre de sièges à
                pourvoir et les sources publiques dont les valeurs serviront (ex. un tirage du Loto à une date future).
                Personne, pas même le rapporteur, ne peut alors orienter le tirage. Publiez la sortie de cette commande
                (et le fichier --pool-file) aux membres. Voir docs/draw.md.

                Exemples :
                  greffe cell draw-announce 2026-001 --on 2026-02-05 \\
                    --source "Loto FDJ du samedi 7 février 2026 : les 5 numéros, sans le numéro chance" --known-on 2026-02-07
                  greffe cell draw-announce 2026-001 --source "…" --known-on 2026-02-07 --pool-file liste-tirage.txt
                """)

        @OptionGroup var options: StoreOptions
        @OptionGroup var act: ActOptions

        @Argument(help: "Identifiant du dossier.")
        var caseID: String

        @Option(name: .customLong("source"), help: ArgumentHelp("Une source d'aléa publique et les valeurs qui comptent (répétable).", valueName: "texte"))
        var sources: [String] = []

        @Option(name: .customLong("known-on"), help: ArgumentHelp("Jour où les valeurs de chaque source seront publiques (une par --source, même ordre).", valueName: "jour"))
        var knownOn: [Day] = []

        @Option(name: .customLong("pool-file"), help: ArgumentHelp("Écrit la liste canonique (un identifiant par ligne) : `sha256sum` de ce fichier = empreinte annoncée.", valueName: "fichier"))
        var poolFile: String?

        @Option(name: .customLong("id"), help: "Clé d'idempotence de l'acte.")
        var commandId: String?

        func validate() throws {
            guard !sources.isEmpty else {
                throw ValidationError("au moins une --source / at least one --source")
            }
            guard knownOn.count == sources.count else {
                throw ValidationError("un --known-on par --source (\(sources.count) source(s), \(knownOn.count) jour(s)) / one --known-on per --source")
            }
        }

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                let registry = try options.registry()
                let id = CaseID(caseID)
                guard try registry.caseExists(id) else { throw RegistryError.unknownCase(id) }
                let day = try act.day(rulebook: registry.rulebook)
                let state = try registry.loadCase(id).state
                let context = try registry.caseContext(for: id, on: day)
                let members = state.cellPool(context: context, on: day, rulebook: registry.rulebook)
                let announcement: DrawAnnouncement
                do {
                    announcement = try DrawAnnouncement.announce(
                        pool: try DrawPool(members: members),
                        sources: zip(sources, knownOn).map { EntropySource(description: $0, valuesKnownOn: $1) },
                        seatsLeft: max(0, registry.rulebook.cellSize - state.cell.count), on: day)
                } catch {
                    throw RegistryError.refused(Refusal(
                        .R15, fr: "le tirage ne peut pas être annoncé : \(error)",
                        en: "the draw cannot be announced: \(error)"))
                }
                let performed = try registry.perform(
                    .announceDraw(announcement, commandId: commandId), in: id, on: day, recording: act.recording)
                if let poolFile {
                    let text = announcement.pool.map { $0.rawValue + "\n" }.joined()
                    do {
                        try text.write(toFile: poolFile, atomically: true, encoding: .utf8)
                    } catch {
                        throw CLIFailure(status: .storeError, fr: "impossible d'écrire \(poolFile)", en: "cannot write \(poolFile)")
                    }
                }
                print(recordedLine(performed, l, fr: "annonce du tirage au sort", en: "draw announcement", case: id))
                print(l.t("  sièges à pourvoir : \(announcement.seatsLeft)", "  seats to fill: \(announcement.seatsLeft)"))
                print(l.t("  liste : \(announcement.pool.count) membre(s) éligible(s), SHA-256 \(announcement.poolDigest)",
                          "  pool: \(announcement.pool.count) eligible member(s), SHA-256 \(announcement.poolDigest)"))
                for (n, source) in announcement.sources.enumerated() {
                    print(l.t("  source \(n + 1) : \(source.description) (connue le \(source.valuesKnownOn?.description ?? "?"))",
                              "  source \(n + 1): \(source.description) (known on \(source.valuesKnownOn?.description ?? "?"))"))
                }
                print(l.t("  Ensuite : greffe cell draw \(id) --entropy \"…\" (une fois les valeurs publiées).",
                          "  Next: greffe cell draw \(id) --entropy \"…\" (once the values are published)."))
            }
        }
    }

    /// `greffe cell draw`: perform the announced draw with the published values.
    struct DrawPerform: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draw",
            abstract: "Effectue le tirage annoncé avec les valeurs publiées (RFC 3797) et convoque les personnes tirées.",
            discussion: """
                Donnez les valeurs de chaque source annoncée, dans l'ordre des sources : un --entropy par source, les
                nombres séparés par des espaces ou des virgules. La chaîne-clé et l'ordre de sélection de toute la liste
                sont calculés et enregistrés, empreinte MD5 par empreinte : n'importe qui peut les recalculer
                (greffe audit draw, ou docs/draw.md). Les remplaçants après un refus ou une révocation sont les
                suivants dans cet ordre : aucun nouvel aléa.

                --practice fait un tirage d'entraînement avec l'aléa local du système : il est enregistré comme NON
                vérifiable publiquement et le dossier le montre.

                Exemples :
                  greffe cell draw 2026-001 --on 2026-02-07 --entropy "3 11 17 25 38"
                  greffe cell draw 2026-001 --practice
                """)

        @OptionGroup var options: StoreOptions
        @OptionGroup var act: ActOptions

        @Argument(help: "Identifiant du dossier.")
        var caseID: String

        @Option(name: .customLong("entropy"), help: ArgumentHelp("Les valeurs publiées d'une source (une option par source, dans l'ordre).", valueName: "valeurs"))
        var entropy: [String] = []

        @Flag(help: "Tirage d'entraînement avec l'aléa local (non vérifiable publiquement).")
        var practice = false

        @Option(name: .customLong("id"), help: "Clé d'idempotence de l'acte.")
        var commandId: String?

        func validate() throws {
            if practice == !entropy.isEmpty {
                throw ValidationError("--entropy (une par source) ou --practice, pas les deux / --entropy (one per source) or --practice")
            }
        }

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                let registry = try options.registry()
                let id = CaseID(caseID)
                guard try registry.caseExists(id) else { throw RegistryError.unknownCase(id) }
                let day = try act.day(rulebook: registry.rulebook)
                let state = try registry.loadCase(id).state
                guard let announced = state.drawAnnouncement?.value, state.drawResult == nil else {
                    throw RegistryError.refused(Refusal(
                        .R15, fr: "aucun tirage annoncé n'attend d'être effectué", en: "no announced draw is waiting",
                        allowed: "greffe cell draw-announce", allowedEn: "greffe cell draw-announce"))
                }
                let draw: CellDraw
                do {
                    if practice {
                        var generator = SystemRandomNumberGenerator()
                        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
                        draw = try CellDraw.practice(pool: try DrawPool(members: announced.pool), randomBytes: bytes)
                    } else {
                        let values = entropy.map { text in
                            text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
                        }
                        draw = try CellDraw.perform(announced, values: values)
                    }
                } catch {
                    throw RegistryError.refused(Refusal(
                        .R15, fr: "le tirage ne peut pas être effectué : \(error)",
                        en: "the draw cannot be performed: \(error)"))
                }
                let performed = try registry.perform(
                    .performDraw(draw, commandId: commandId), in: id, on: day, recording: act.recording)
                print(recordedLine(performed, l, fr: "tirage au sort", en: "draw", case: id))
                if !draw.publiclyVerifiable {
                    print(l.t("  TIRAGE D'ENTRAÎNEMENT : aléa local, NON vérifiable publiquement.",
                              "  PRACTICE DRAW: local randomness, NOT publicly verifiable."))
                }
                print(l.t("  chaîne-clé : \(draw.keyString)", "  key string: \(draw.keyString)"))
                let after = try registry.loadCase(id).state
                print(l.t("  ordre : ", "  order: ") + draw.order.prefix(10).map(\.rawValue).joined(separator: ", ")
                    + (draw.order.count > 10 ? " …" : ""))
                print(l.t("  convoqué·es (doivent répondre présent·es) : ", "  summoned (must answer present): ")
                    + after.drawnPending.map(\.rawValue).joined(separator: ", "))
            }
        }
    }
}

/// "Enregistré : <what> (2026-001, #12–#13)." or the note that the command id was already applied.
func recordedLine(_ performed: Performed, _ l: Language, fr: String, en: String, case id: CaseID) -> String {
    switch performed {
    case .recorded(let records):
        let range = records.isEmpty ? "" : records.count == 1 ? ", #\(records[0].sequence)"
            : ", #\(records[0].sequence)–#\(records[records.count - 1].sequence)"
        return l.t("Enregistré : \(fr) (\(id)\(range)).", "Recorded: \(en) (\(id)\(range)).")
    case .alreadyApplied(let commandId, let sequence):
        return l.t("Déjà enregistré (clé \(commandId), #\(sequence)) : rien de plus n'a été écrit.",
                   "Already recorded (key \(commandId), #\(sequence)): nothing more was written.")
    }
}
