import Discipline
import EventLog
import Registry

extension StoreOptions {
    /// Opens the store and the registry over it with the rulebook in force (the CLE rulebook for now), to record acts.
    func registry() throws -> Registry {
        Registry(store: try EventStore.open(at: storePath), rulebook: .cle)
    }

    /// Opens the store read-only (the environment with `MDB_RDONLY`) and the registry over it, for a command that only
    /// reads: it cannot write to the store, not even to initialise a damaged or empty data file.
    func readingRegistry() throws -> Registry {
        Registry(store: try readingStore(), rulebook: .cle)
    }

    /// Opens the store alone, read-only.
    func readingStore() throws -> EventStore { try EventStore.open(at: storePath, options: .readOnly) }

    /// Opens the registry read-only for a case that must exist (exit 66 naming it otherwise).
    func readingRegistry(forCase text: String) throws -> (Registry, CaseID) {
        let registry = try readingRegistry()
        let id = CaseID(text)
        guard try registry.caseExists(id) else { throw RegistryError.unknownCase(id) }
        return (registry, id)
    }

    /// Opens the registry for a case that must exist (exit 66 naming it otherwise), to record an act.
    func registry(forCase text: String) throws -> (Registry, CaseID) {
        let registry = try registry()
        let id = CaseID(text)
        guard try registry.caseExists(id) else { throw RegistryError.unknownCase(id) }
        return (registry, id)
    }
}

extension Registry {
    /// The day given on the command line, else today in the association's time zone (or `GREFFE_TODAY`).
    func day(_ given: Day?) throws -> Day { try given ?? Today.resolve(timeZone: rulebook.timeZone) }
}
