import Discipline
import EventLog
import Registry

extension StoreOptions {
    /// Opens the store and the registry over it with the rulebook in force (the CLE rulebook for now).
    func registry() throws -> Registry {
        Registry(store: try EventStore.open(at: storePath), rulebook: .cle)
    }
}
