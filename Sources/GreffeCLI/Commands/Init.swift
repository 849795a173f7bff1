import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un magasin vide (dossier 0700, fichiers 0600).",
            discussion: prose(
                """
                Le règlement intérieur de CLE Autistes (art. 5.6, cle-autistes-ri v1) s'applique aux dossiers tant \
                qu'aucune autre version n'est adoptée. Avec --rulebook, le magasin adopte aussi dès sa création un \
                règlement livré : l'échelle de sanctions d'une organisation (voir `greffe rulebook list`).

                Exemples :
                  greffe init --store ./registre
                  GREFFE_STORE=./registre greffe init
                  greffe init --store ./registre --rulebook aalmi-5 --on 2026-01-02
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            help: ArgumentHelp(
                "Règlement livré à adopter (une échelle de sanctions, ou cle-autistes-ri).", valueName: "règlement"))
        var rulebook: String?

        @Option(
            name: .customLong("on"), help: ArgumentHelp("Jour de l'adoption (défaut : aujourd'hui).", valueName: "jour")
        )
        var on: Day?

        @Option(name: .customLong("as"), help: ArgumentHelp("Qui enregistre l'adoption.", valueName: "membre"))
        var actor: String?

        func run() throws {
            let l = options.language
            // The rulebook is looked up before anything is created: an unknown id leaves no store behind.
            let book = try rulebook.map { id in
                guard let found = try ShippedRulebooks.named(id) else { throw LadderError.unknownRulebook(id) }
                return found
            }
            let store = try EventStore.create(at: options.storePath)
            // An existing empty directory keeps the mode it had; the store is the owner's only, whatever existed.
            guard chmod(store.path, 0o700) == 0 else {
                throw CLIFailure(
                    status: .storeError, fr: "impossible de restreindre les droits de \(store.path) (0700)",
                    en: "cannot restrict the permissions of \(store.path) (0700)")
            }
            print(
                l.t(
                    "Magasin créé : \(store.path) (format \(EventStore.formatVersion))",
                    "Store created: \(store.path) (format \(EventStore.formatVersion))"))
            if let book {
                let registry = Registry(store: store)
                var act = ActOptions()
                act.actor = actor
                let day = try registry.day(on)
                try registry.adopt(book, on: day, recording: try act.recording)
                print(
                    l.t(
                        "Règlement adopté : \(book.id) v\(book.version) le \(day.frenchDescription).",
                        "Rulebook adopted: \(book.id) v\(book.version) on \(day)."))
            }
        }
    }
}
