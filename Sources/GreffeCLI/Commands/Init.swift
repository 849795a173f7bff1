import ArgumentParser
import EventLog

extension GreffeCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un magasin vide (dossier 0700, fichiers 0600).",
            discussion: """
                Exemples :
                  greffe init --store ./registre
                  GREFFE_STORE=./registre greffe init
                """)

        @OptionGroup var options: StoreOptions

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                let store = try EventStore.create(at: options.storePath)
                print(
                    l.t(
                        "Magasin créé : \(store.path) (format \(EventStore.formatVersion))",
                        "Store created: \(store.path) (format \(EventStore.formatVersion))"))
            }
        }
    }
}
