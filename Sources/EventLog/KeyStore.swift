import Foundation

/// Why the key store cannot be used; each case says what went wrong in words.
public enum KeyStoreError: Error, Equatable, CustomStringConvertible {
    /// No key store where one is needed (the register seals texts and its keys are not there).
    case missing(path: String)
    /// The directory holds something that is not a Greffe key store.
    case notAKeyStore(path: String, reason: String)
    /// The key store belongs to another register (its register id differs from the log's).
    case otherRegister(path: String, found: String, expected: String)
    case permissionDenied(path: String)
    case storage(LMDBError)

    public var description: String {
        switch self {
        case let .missing(path): return "no key store at \(path)"
        case let .notAKeyStore(path, reason): return "\(path) is not a Greffe key store: \(reason)"
        case let .otherRegister(path, found, expected):
            return "the key store at \(path) belongs to register \(found), not to this register (\(expected))"
        case let .permissionDenied(path): return "permission denied on \(path)"
        case let .storage(error): return "key store error: \(error) (LMDB code \(error.rawValue))"
        }
    }
}

/// The keys of a register, apart from its log: an LMDB environment of its own (default `STORE/keys`, a 0700
/// directory with 0600 files) holding one named database, `keys`, of short entries (docs/storage-format.md):
///
/// - `register` → the register id (32 hex digits), also written in the log's `meta/register`;
/// - `key/<kid>` → 32 key bytes; `subject/<subject>` → the kid of that subject's current key;
/// - `erased/<kid>` → the day the key was destroyed (`AAAA-MM-JJ`): a text under that kid reads « [effacé] ».
///
/// Every write checks, inside its write transaction, that the environment's data file is still the one at `path`:
/// ``compact(at:)`` replaces it, and a writer that opened the old one must not write keys into a file no one reads.
public final class KeyStore {
    public let path: String
    let env: Environment
    let keys: Database
    private let identity: (device: UInt64, inode: UInt64)

    private init(path: String, env: Environment, keys: Database) throws {
        self.path = path
        self.env = env
        self.keys = keys
        identity = try env.dataFileIdentity()
    }

    /// Whether a key store exists at `path` (a `data.mdb` in that directory).
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/data.mdb")
    }

    /// Opens the key store at `path`; with `create`, creates it (a 0700 directory, 0600 files) when missing.
    public static func open(at path: String, create: Bool = false, readOnly: Bool = false) throws -> KeyStore {
        let fm = FileManager.default
        if !exists(at: path) {
            guard create, !readOnly else { throw KeyStoreError.missing(path: path) }
            do {
                try fm.createDirectory(
                    atPath: path, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
                _ = chmod(path, 0o700)
            } catch {
                throw KeyStoreError.permissionDenied(path: path)
            }
        }
        do {
            let env = try Environment(directory: path, mapSize: 1 << 20, maxDatabases: 2, readOnly: readOnly)
            let keys: Database
            if readOnly {
                guard let db = try env.openExistingDatabases(["keys"])["keys"] else {
                    throw KeyStoreError.notAKeyStore(path: path, reason: "no keys database")
                }
                keys = db
            } else {
                keys = try env.write { try $0.createDatabase("keys") }
            }
            return try KeyStore(path: path, env: env, keys: keys)
        } catch let error as KeyStoreError {
            throw error
        } catch LMDBError.invalid, LMDBError.versionMismatch {
            throw KeyStoreError.notAKeyStore(path: path, reason: "data.mdb is not an LMDB file")
        } catch LMDBError.permissionDenied, LMDBError.readOnlyFileSystem, LMDBError.operationNotPermitted {
            throw KeyStoreError.permissionDenied(path: path)
        } catch let error as LMDBError {
            throw KeyStoreError.storage(error)
        }
    }

    /// The value of `name`, or nil.
    public func get(_ name: String) throws -> [UInt8]? {
        do {
            return try env.read { try $0.get(keys, Array(name.utf8)) }
        } catch let error as LMDBError {
            throw KeyStoreError.storage(error)
        }
    }

    /// Runs `body` in one write transaction, committed when it returns; see ``KeyStoreWriter``.
    public func write<T>(_ body: (borrowing KeyStoreWriter) throws -> T) throws -> T {
        do {
            return try env.write { txn in
                // The data file was replaced by a compaction since this store was opened: writing would be lost.
                let now = try? KeyStore.identity(ofFileAt: path + "/data.mdb")
                guard let now, now == identity else { throw KeyStoreError.replaced(path: path) }
                return try body(KeyStoreWriter(txn: txn, db: keys))
            }
        } catch let error as LMDBError {
            throw KeyStoreError.storage(error)
        }
    }

    static func identity(ofFileAt path: String) throws -> (device: UInt64, inode: UInt64) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw LMDBError(rawValue: errno) }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }

    /// Rewrites the key store at `path` without its free pages (LMDB's compacting copy into a new file, synced, then
    /// renamed over `data.mdb`), so that bytes deleted before are physically gone from the file. Writers are held
    /// off meanwhile (the copy is made inside a write transaction), and a writer that opened the old file finds it
    /// replaced and refuses to write (``KeyStoreError/replaced(path:)``).
    public static func compact(at path: String) throws {
        let store = try KeyStore.open(at: path)
        let staging = path + "/compacting"
        let fm = FileManager.default
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(
                atPath: staging, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw KeyStoreError.permissionDenied(path: staging)
        }
        defer { try? fm.removeItem(atPath: staging) }
        do {
            try store.env.write(commit: false) { _ in
                try store.env.copyCompacted(toDirectory: staging)
                let copy = staging + "/data.mdb"
                _ = chmod(copy, 0o600)
                let descriptor = Foundation.open(copy, O_RDONLY)
                if descriptor >= 0 {
                    _ = fsync(descriptor)
                    _ = close(descriptor)
                }
                guard rename(copy, path + "/data.mdb") == 0 else { throw LMDBError(rawValue: errno) }
                let directory = Foundation.open(path, O_RDONLY)
                if directory >= 0 {
                    _ = fsync(directory)
                    _ = close(directory)
                }
            }
        } catch let error as LMDBError {
            throw KeyStoreError.storage(error)
        }
    }
}

extension KeyStoreError {
    /// The key store was compacted by another process since this one opened it: open it again.
    public static func replaced(path: String) -> KeyStoreError {
        .notAKeyStore(path: path, reason: "it was replaced by a compaction while open; run the command again")
    }
}

@available(*, unavailable)
extension KeyStore: Sendable {}

/// Writes of one key store transaction; valid only inside ``KeyStore/write(_:)``'s closure.
public struct KeyStoreWriter: ~Copyable {
    let txn: WriteTransaction
    let db: Database

    init(txn: borrowing WriteTransaction, db: Database) {
        self.txn = WriteTransaction(handle: txn.handle)
        self.db = db
    }

    public func get(_ name: String) throws -> [UInt8]? { try txn.get(db, Array(name.utf8)) }
    public func put(_ name: String, _ value: [UInt8]) throws { try txn.put(db, Array(name.utf8), value) }
    @discardableResult
    public func delete(_ name: String) throws -> Bool { try txn.delete(db, Array(name.utf8)) }

    /// Every entry whose name starts with `prefix` (`key/`), in name order, copied out.
    public func entries(prefix: String) throws -> [(name: String, value: [UInt8])] {
        let start = Array(prefix.utf8)
        var found: [(String, [UInt8])] = []
        try txn.reader.scan(db, from: start) { key, value in
            guard key.starts(with: start) else { return false }
            found.append((String(decoding: key, as: UTF8.self), Array(value)))
            return true
        }
        return found
    }
}
