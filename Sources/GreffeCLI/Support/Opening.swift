import Foundation
import Discipline
import EventLog
import Registry

extension StoreOptions {
    /// Opens the store and the registry over it with the rulebook in force (the CLE rulebook for now), to record acts.
    func registry() throws -> Registry {
        Registry(store: try EventStore.open(at: storePath), rulebook: .cle, keysPath: keysPath)
    }

    /// Opens the store read-only (the environment with `MDB_RDONLY`) and the registry over it, for a command that only
    /// reads: it cannot write to the store, not even to initialise a damaged or empty data file.
    func readingRegistry() throws -> Registry {
        Registry(store: try readingStore(), rulebook: .cle, keysPath: keysPath)
    }

    /// Opens the store alone, read-only.
    func readingStore() throws -> EventStore { try EventStore.open(at: storePath, options: .readOnly) }

    /// Opens the registry read-only for a case that must exist (exit 66 naming it, and the nearest existing ids, otherwise).
    func readingRegistry(forCase text: String) throws -> (Registry, CaseID) {
        let registry = try readingRegistry()
        let id = try registry.resolveCase(text)
        try registry.requireCase(id)
        return (registry, id)
    }

    /// Opens the registry for a case that must exist (exit 66 naming it, and the nearest existing ids, otherwise), to record an act.
    func registry(forCase text: String) throws -> (Registry, CaseID) {
        let registry = try registry()
        let id = try registry.resolveCase(text)
        try registry.requireCase(id)
        return (registry, id)
    }
}

extension Registry {
    /// Throws "not found" (66) when case `id` does not exist, suggesting the existing ids one or two keystrokes away
    /// (`2026-020` for `2026-002`): a typo never opens a phantom case.
    func requireCase(_ id: CaseID) throws {
        guard try !caseExists(id) else { return }
        throw try unknownCase(id)
    }

    /// "Not found" for case `id`, with the existing ids nearest to it (at most two keystrokes away, the closest only).
    func unknownCase(_ id: CaseID) throws -> any Error {
        let distances = try caseIndex().map { (id: $0.id, distance: editDistance($0.id.rawValue, id.rawValue)) }
            .filter { $0.distance <= 2 }
        guard let closest = distances.map(\.distance).min() else { return RegistryError.unknownCase(id) }
        let list = distances.filter { $0.distance == closest }.map(\.id.rawValue).joined(separator: ", ")
        return CLIFailure(
            status: .notFound,
            fr: "dossier inconnu : \(id) ; vouliez-vous dire \(list) ? (voir `greffe cases`)",
            en: "unknown case: \(id); did you mean \(list)? (see `greffe cases`)")
    }
}

/// The number of single-character insertions, deletions, substitutions and swaps of two neighbours that turn `a` into
/// `b` (a swap is one typo: `2026-020` for `2026-002`).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, table[i - 2][j - 2] + 1) }
            table[i][j] = best
        }
    }
    return table[a.count][b.count]
}

extension Registry {
    /// The day given on the command line, else today in the association's time zone (or `GREFFE_TODAY`).
    func day(_ given: Day?) throws -> Day { try given ?? Today.resolve(timeZone: rulebook.timeZone) }
}

/// A private, throwaway copy of a register (`--dry-run` of a whole file): a consistent backup of the store opened in
/// a temporary folder only this user can read, removed when done. What is applied to it never reaches the register.
struct ScratchRegistry {
    let folder: URL
    let registry: Registry

    init(copying original: Registry) throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "greffe-dry-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: base, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        folder = base
        do {
            _ = try original.store.backup(to: base.appendingPathComponent("data.mdb").path)
            registry = Registry(
                store: try EventStore.open(at: base.path), rulebook: original.rulebook,
                keysPath: original.keys.path)
            // The copy seals with the register's keys but never adds one to its key store.
            registry.keys.writesNothing = true
        } catch {
            try? FileManager.default.removeItem(at: base)
            throw error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
