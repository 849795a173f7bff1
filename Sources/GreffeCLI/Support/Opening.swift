import Discipline
import EventLog
import Registry

extension StoreOptions {
    /// Opens the store and the registry over it with the rulebook in force (the CLE rulebook for now).
    func registry() throws -> Registry {
        Registry(store: try EventStore.open(at: storePath), rulebook: .cle)
    }

    /// Opens the registry for a case that must exist (exit 66 naming it otherwise).
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
