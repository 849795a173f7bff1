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
            abstract:
                "Annonce un tirage au sort de la cellule (art. 5.6.9, R15) : la liste des éligibles et les sources d'aléa.",
            discussion: prose(
                """
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
                """))

        @OptionGroup var target: CaseArgument
        @OptionGroup var context: ActContext

        @Option(
            name: .customLong("source"),
            help: ArgumentHelp(
                "Une source d'aléa publique et les valeurs qui comptent (répétable).", valueName: "texte"))
        var sources: [String] = []

        @Option(
            name: .customLong("known-on"),
            help: ArgumentHelp(
                "Jour où les valeurs de chaque source seront publiques (une par --source, même ordre).",
                valueName: "jour"))
        var knownOn: [Day] = []

        @Option(
            name: .customLong("pool-file"),
            help: ArgumentHelp(
                "Écrit la liste canonique (un identifiant par ligne) : `sha256sum` de ce fichier = empreinte annoncée.",
                valueName: "fichier"))
        var poolFile: String?

        @Option(
            name: .customLong("pool-names"),
            help: ArgumentHelp(
                "Écrit la même liste avec le nom de chacun·e (« m001 Alice Martin », une ligne chacun·e), pour la lire ; l'empreinte porte sur --pool-file.",
                valueName: "fichier"))
        var poolNames: String?

        func validate() throws {
            guard !sources.isEmpty else {
                throw ValidationError("au moins une --source / at least one --source")
            }
            guard knownOn.count == sources.count else {
                throw ValidationError(
                    "un --known-on par --source (\(sources.count) source(s), \(knownOn.count) jour(s)) / one --known-on per --source"
                )
            }
        }

        func run() throws {
            let l = context.options.language
            var announcement: DrawAnnouncement?
            try context.acting.perform(
                ActWords("annonce du tirage au sort", "draw announcement"), in: .existing(CaseID(target.caseID)),
                members: []
            ) { registry, day, commandId in
                let id = CaseID(target.caseID)
                let state = try registry.loadCase(id).state
                let members = state.cellPool(
                    context: try registry.caseContext(for: id, on: day), on: day,
                    rulebook: registry.rulebook)
                do {
                    announcement = try DrawAnnouncement.announce(
                        pool: try DrawPool(members: members),
                        sources: zip(sources, knownOn).map { EntropySource(description: $0, valuesKnownOn: $1) },
                        seatsLeft: max(0, registry.rulebook.cellSize - state.cell.count), on: day)
                } catch {
                    let words = drawWords(error)
                    throw RegistryError.refused(
                        Refusal(
                            .R15, fr: "le tirage ne peut pas être annoncé : \(words.fr)",
                            en: "the draw cannot be announced: \(words.en)"))
                }
                guard let announcement else {
                    throw CLIFailure(status: .internalError, fr: "annonce vide", en: "empty announcement")
                }
                if let poolFile {
                    do {
                        try announcement.pool.map { $0.rawValue + "\n" }.joined()
                            .write(toFile: poolFile, atomically: true, encoding: .utf8)
                    } catch {
                        throw CLIFailure(
                            status: .storeError, fr: "impossible d'écrire \(poolFile)", en: "cannot write \(poolFile)")
                    }
                }
                return .announceDraw(announcement, commandId: commandId)
            } then: { registry, id in
                guard let announcement else { return }
                if let poolNames {
                    // The readable list, names revealed (« [effacé] » for an erased member): never hashed.
                    let names = try registry.displayNames(try registry.reveal(words: l.revealWords))
                    let lines = announcement.pool.map { id in names[id].map { "\(id) \($0)\n" } ?? "\(id)\n" }.joined()
                    do {
                        try lines.write(toFile: poolNames, atomically: true, encoding: .utf8)
                    } catch {
                        throw CLIFailure(
                            status: .storeError, fr: "impossible d'écrire \(poolNames)", en: "cannot write \(poolNames)"
                        )
                    }
                }
                print(
                    l.t("  sièges à pourvoir : \(announcement.seatsLeft)", "  seats to fill: \(announcement.seatsLeft)")
                )
                print(
                    l.t(
                        "  liste : \(announcement.pool.count) membre(s) éligible(s), SHA-256 \(announcement.poolDigest)",
                        "  pool: \(announcement.pool.count) eligible member(s), SHA-256 \(announcement.poolDigest)"))
                for (n, source) in announcement.sources.enumerated() {
                    print(
                        l.t(
                            "  source \(n + 1) : \(source.description) (connue le \(source.valuesKnownOn?.description ?? "?"))",
                            "  source \(n + 1): \(source.description) (known on \(source.valuesKnownOn?.description ?? "?"))"
                        ))
                }
                print(
                    l.t(
                        "  Ensuite : greffe cell draw \(id) --entropy \"…\" (une fois les valeurs publiées).",
                        "  Next: greffe cell draw \(id) --entropy \"…\" (once the values are published)."))
            }
        }
    }

    /// `greffe cell draw`: perform the announced draw with the published values.
    struct DrawPerform: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draw",
            abstract:
                "Effectue le tirage annoncé avec les valeurs publiées (RFC 3797) et convoque les personnes tirées.",
            discussion: prose(
                """
                Donnez les valeurs de chaque source annoncée, dans l'ordre des sources : un --entropy par source, les
                nombres séparés par des espaces, par « ; » ou par une virgule suivie d'une espace (une virgule entre
                deux chiffres, « 1,5 », et des chiffres groupés par trois, « 1 234 », sont refusés : ce seraient un
                décimal ou un séparateur de milliers) ; une source textuelle (« W 4-1 ») est une seule valeur. La chaîne-clé et l'ordre de sélection de toute la liste
                sont calculés et enregistrés, empreinte MD5 par empreinte : n'importe qui peut les recalculer
                (greffe audit draw, ou docs/draw.md). Les remplaçants après un refus ou une révocation sont les
                suivants dans cet ordre : aucun nouvel aléa.

                --practice fait un tirage d'entraînement avec l'aléa local du système, sur la liste annoncée, et
                n'enregistre RIEN : personne ne pourrait vérifier cet aléa, il ne peut donc pas former une vraie cellule.

                Exemples :
                  greffe cell draw 2026-001 --on 2026-02-07 --entropy "3 11 17 25 38"
                  greffe cell draw 2026-001 --practice
                """))

        @OptionGroup var target: CaseArgument
        @OptionGroup var context: ActContext

        @Option(
            name: .customLong("entropy"),
            help: ArgumentHelp(
                "Les valeurs publiées d'une source (une option par source, dans l'ordre).", valueName: "valeurs"))
        var entropy: [String] = []

        @Flag(help: "Tirage d'entraînement avec l'aléa local (non vérifiable publiquement).")
        var practice = false

        func validate() throws {
            if practice == !entropy.isEmpty {
                throw ValidationError(
                    "--entropy (une par source) ou --practice, pas les deux / --entropy (one per source) or --practice")
            }
        }

        func run() throws {
            let l = context.options.language
            if practice {
                try practiceRun(l)
                return
            }
            var drawn: CellDraw?
            try context.acting.perform(
                ActWords("tirage au sort", "draw"), in: .existing(CaseID(target.caseID)), members: []
            ) { registry, _, commandId in
                let state = try registry.loadCase(CaseID(target.caseID)).state
                guard let announced = state.drawAnnouncement?.value, state.drawResult == nil else {
                    throw RegistryError.refused(
                        Refusal(
                            .R15, fr: "aucun tirage annoncé n'attend d'être effectué",
                            en: "no announced draw is waiting",
                            allowed: "greffe cell draw-announce", allowedEn: "greffe cell draw-announce"))
                }
                do {
                    var values: [[String]] = []
                    for (index, text) in entropy.enumerated() {
                        do { values.append(try RFC3797.values(fromEntropyText: text, source: index + 1)) } catch let
                            error as KeyStringError
                        {
                            throw DrawError.entropy(error)
                        }
                    }
                    drawn = try CellDraw.perform(announced, values: values)
                } catch {
                    let words = drawWords(error)
                    throw RegistryError.refused(
                        Refusal(
                            .R15, fr: "le tirage ne peut pas être effectué : \(words.fr)",
                            en: "the draw cannot be performed: \(words.en)"))
                }
                guard let drawn else { throw CLIFailure(status: .internalError, fr: "tirage vide", en: "empty draw") }
                return .performDraw(drawn, commandId: commandId)
            } then: { registry, id in
                guard let draw = drawn else { return }
                let after = try registry.loadCase(id).state
                let order = after.announcedDraw?.order ?? []
                let names = try registry.displayNames(try registry.reveal(words: l.revealWords))
                let named = { (id: MemberID) in Registry.named(id, names) }
                print(l.t("  chaîne-clé : \(draw.keyString)", "  key string: \(draw.keyString)"))
                print(
                    l.t("  ordre : ", "  order: ") + order.prefix(10).map(named).joined(separator: ", ")
                        + (order.count > 10 ? " …" : ""))
                print(
                    l.t("  convoqué·es (doivent répondre présent·es) : ", "  summoned (must answer present): ")
                        + after.drawnPending.map(named).joined(separator: ", "))
            }
        }
    }
}

extension GreffeCommand.DrawPerform {
    /// A practice draw over the announced pool with the system's secure randomness: shown, never recorded.
    func practiceRun(_ l: Language) throws {
        let (registry, id) = try context.options.registry(forCase: target.caseID)
        let state = try registry.loadCase(id).state
        guard let announced = state.drawAnnouncement?.value else {
            throw RegistryError.refused(
                Refusal(
                    .R15, fr: "aucun tirage n'est annoncé : l'entraînement porte sur la liste annoncée",
                    en: "no draw is announced: practice uses the announced pool",
                    allowed: "greffe cell draw-announce", allowedEn: "greffe cell draw-announce"))
        }
        // Randomness is read here, at the edge.
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let draw: CellDraw
        do {
            draw = try CellDraw.practice(pool: try DrawPool(members: announced.pool), randomBytes: bytes)
        } catch {
            let words = drawWords(error)
            throw RegistryError.refused(
                Refusal(.R15, fr: "entraînement impossible : \(words.fr)", en: "practice impossible: \(words.en)"))
        }
        print(
            l.t(
                "TIRAGE D'ENTRAÎNEMENT (aléa local, non vérifiable) : RIEN n'est enregistré.",
                "PRACTICE DRAW (local randomness, not verifiable): NOTHING is recorded."))
        print(l.t("  chaîne-clé : \(draw.keyString)", "  key string: \(draw.keyString)"))
        let order = draw.members(in: announced.pool)
        let names = try registry.displayNames(try registry.reveal(words: l.revealWords))
        print(
            l.t("  ordre : ", "  order: ") + order.prefix(10).map { Registry.named($0, names) }.joined(separator: ", ")
                + (order.count > 10 ? " …" : ""))
    }
}

/// A draw's error in French and English words.
func drawWords(_ error: any Error) -> (fr: String, en: String) {
    switch error {
    case let error as DrawError: return (error.fr, error.message)
    case let error as KeyStringError: return (error.fr, error.description)
    default: return ("erreur inattendue", "unexpected error")
    }
}
