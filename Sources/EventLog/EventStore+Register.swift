import Foundation

extension EventStore {
    /// The register id written in `meta/register` when the register first sealed a text (its key store holds the
    /// same id), or nil for a register that never did.
    public func registerID() throws -> String? {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in try txn.get(meta, Array("register".utf8)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
    }

    /// Writes `id` as `meta/register` unless one is there; returns the id in force (the one found, or `id`).
    @discardableResult
    public func adoptRegisterID(_ id: String) throws -> String {
        if let found = try registerID() { return found }
        return try EventStore.mapErrors(path: path) {
            try env.write { txn in
                if let found = try txn.get(meta, Array("register".utf8)) {
                    return String(decoding: found, as: UTF8.self)
                }
                try txn.put(meta, Array("register".utf8), Array(id.utf8))
                return id
            }
        }
    }
}
