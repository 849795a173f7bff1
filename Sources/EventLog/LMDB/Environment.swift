import CLMDB

/// One LMDB environment (`MDB_env`), owned by this object and closed in `deinit`.
///
/// Transactions are scoped to closures: the handle passed to the closure is valid only inside it.
/// A write transaction commits when the closure returns and aborts when it throws. When the map is full,
/// the transaction is aborted, the map is grown, and the closure runs again from the start, so a write
/// closure must only depend on what it reads inside the transaction.
final class Environment {
    let handle: OpaquePointer
    private(set) var mapSize: Int

    /// Whether the environment was opened read-only (`MDB_RDONLY`): no write transaction can begin, and LMDB never
    /// writes to the data file.
    let readOnly: Bool

    /// Opens (and, unless `readOnly`, creates the files of) the environment in the directory `path`.
    /// See http://www.lmdb.tech/doc/group__mdb.html#ga32a193c6bf4d7d5c5d579e71f22e9340 (`mdb_env_open`).
    init(directory path: String, mapSize: Int, maxDatabases: UInt32, readOnly: Bool = false) throws(LMDBError) {
        var env: OpaquePointer?
        try check(mdb_env_create(&env))
        guard let env else { throw LMDBError.invalid }
        do {
            try check(mdb_env_set_maxdbs(env, maxDatabases))
            try check(mdb_env_set_mapsize(env, mapSize))
            // MDB_NOTLS: read transactions are not tied to a thread, so short batched reads may run anywhere.
            let flags = UInt32(MDB_NOTLS) | (readOnly ? UInt32(MDB_RDONLY) : 0)
            try check(mdb_env_open(env, path, flags, 0o600))
        } catch {
            mdb_env_close(env)
            throw error
        }
        handle = env
        self.readOnly = readOnly
        var info = MDB_envinfo()
        mdb_env_info(env, &info)
        self.mapSize = Int(info.me_mapsize)
    }

    deinit { mdb_env_close(handle) }

    /// Runs `body` in a read-only transaction; the transaction ends when `body` returns.
    func read<T>(_ body: (borrowing ReadTransaction) throws -> T) throws -> T {
        let txn = try begin(flags: UInt32(MDB_RDONLY))
        defer { mdb_txn_abort(txn) }
        return try body(ReadTransaction(handle: txn))
    }

    /// Runs `body` in a write transaction, committed on return (aborted instead when `commit` is false: a dry run that
    /// sees everything it would write and keeps none of it), aborted on throw; grows the map when full.
    func write<T>(commit: Bool = true, _ body: (borrowing WriteTransaction) throws -> T) throws -> T {
        while true {
            let txn = try begin(flags: 0)
            let result: T
            do {
                result = try body(WriteTransaction(handle: txn))
            } catch LMDBError.mapFull {
                mdb_txn_abort(txn)
                try grow()
                continue
            } catch {
                mdb_txn_abort(txn)
                throw error
            }
            guard commit else {
                mdb_txn_abort(txn)
                return result
            }
            let rc = mdb_txn_commit(txn) // frees the transaction whatever the outcome
            if rc == MDB_MAP_FULL {
                try grow()
                continue
            }
            try check(rc)
            return result
        }
    }

    /// Flushes the data to disk (used after bulk writes made without a sync per commit).
    func sync() throws { try check(mdb_env_sync(handle, 1)) }

    private func begin(flags: UInt32) throws(LMDBError) -> OpaquePointer {
        var attempts = 0
        while true {
            var txn: OpaquePointer?
            let rc = mdb_txn_begin(handle, nil, flags, &txn)
            if rc == MDB_MAP_RESIZED, attempts < 3 {
                // Another process grew the map: adopt its size and try again.
                attempts += 1
                try check(mdb_env_set_mapsize(handle, 0))
                refreshMapSize()
                continue
            }
            try check(rc)
            guard let txn else { throw LMDBError.invalid }
            return txn
        }
    }

    private func grow() throws(LMDBError) {
        refreshMapSize()
        try check(mdb_env_set_mapsize(handle, mapSize * 2))
        refreshMapSize()
    }

    private func refreshMapSize() {
        var info = MDB_envinfo()
        mdb_env_info(handle, &info)
        mapSize = Int(info.me_mapsize)
    }
}

@available(*, unavailable)
extension Environment: Sendable {}

extension Environment {
    /// Opens named databases in a read-only transaction that is then committed, so the handles stay
    /// valid for the life of the environment (an aborted transaction would close them).
    func openExistingDatabases(_ names: [String]) throws -> [String: Database] {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn))
        guard let txn else { throw LMDBError.invalid }
        var result: [String: Database] = [:]
        do {
            let reader = ReadTransaction(handle: txn)
            for name in names {
                if let db = try reader.openDatabase(name) { result[name] = db }
            }
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        try check(mdb_txn_commit(txn))
        return result
    }
}
