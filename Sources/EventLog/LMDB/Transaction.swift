import CLMDB

/// A named database inside the environment (`MDB_dbi`).
struct Database: Sendable {
    let dbi: MDB_dbi
}

/// Calls `body` with an `MDB_val` that points at `bytes`; the pointer is valid only inside `body`.
@inline(__always)
private func withValue<T>(_ bytes: [UInt8], _ body: (inout MDB_val) throws -> T) rethrows -> T {
    try bytes.withUnsafeBufferPointer { buffer in
        var value = MDB_val(
            mv_size: buffer.count,
            mv_data: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        return try body(&value)
    }
}

@inline(__always)
private func bytes(of value: MDB_val) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
}

/// A read-only view of a transaction; valid only inside the closure that received it. Noncopyable and passed
/// `borrowing`, so the compiler refuses to let it (or its handle) outlive that closure.
struct ReadTransaction: ~Copyable {
    let handle: OpaquePointer

    /// Opens a named database that must already exist; `nil` when it does not.
    func openDatabase(_ name: String) throws(LMDBError) -> Database? {
        var dbi: MDB_dbi = 0
        let rc = mdb_dbi_open(handle, name, 0, &dbi)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc)
        return Database(dbi: dbi)
    }

    /// The value stored under `key`, copied out of the map; `nil` when there is none.
    func get(_ db: Database, _ key: [UInt8]) throws(LMDBError) -> [UInt8]? {
        var found = MDB_val()
        let rc = withValue(key) { k in mdb_get(handle, db.dbi, &k, &found) }
        if rc == MDB_NOTFOUND { return nil }
        try check(rc)
        return Array(bytes(of: found))
    }

    /// Calls `body` with the value stored under `key` (`nil` when there is none), in place: the buffer points into
    /// the map and is valid only during the call.
    func withStoredValue<T>(_ db: Database, _ key: [UInt8], _ body: (UnsafeRawBufferPointer?) throws -> T) throws -> T {
        try key.withUnsafeBytes { try withStoredValue(db, $0, body) }
    }

    /// The same, for a key given as bytes in place.
    func withStoredValue<T>(
        _ db: Database, _ key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer?) throws -> T
    ) throws -> T {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var found = MDB_val()
        let rc = mdb_get(handle, db.dbi, &k, &found)
        if rc == MDB_NOTFOUND { return try body(nil) }
        try check(rc)
        return try body(bytes(of: found))
    }

    /// Visits entries in key order from the first key at or after `start` (or the first key) while `body`
    /// returns true. The buffers point into the map and are valid only during the call of `body`.
    func scan(
        _ db: Database, from start: [UInt8]?,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, db.dbi, &cursor))
        guard let cursor else { throw LMDBError.invalid }
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        var rc: Int32
        if let start, !start.isEmpty {
            rc = withValue(start) { k in
                key = k
                return mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
            }
        } else {
            rc = mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
        }
        while rc == 0 {
            guard try body(bytes(of: key), bytes(of: value)) else { return }
            rc = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
        }
        if rc != MDB_NOTFOUND { try check(rc) }
    }

    /// The last entry of the database, copied out; `nil` when it is empty.
    func last(_ db: Database) throws -> (key: [UInt8], value: [UInt8])? {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(handle, db.dbi, &cursor))
        guard let cursor else { throw LMDBError.invalid }
        defer { mdb_cursor_close(cursor) }
        var key = MDB_val()
        var value = MDB_val()
        let rc = mdb_cursor_get(cursor, &key, &value, MDB_LAST)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc)
        return (Array(bytes(of: key)), Array(bytes(of: value)))
    }

    /// Number of entries in the database.
    func count(_ db: Database) throws(LMDBError) -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(handle, db.dbi, &stat))
        return stat.ms_entries
    }
}

/// A write transaction; valid only inside the closure that received it. Reads see its own writes. Noncopyable and
/// passed `borrowing`, like `ReadTransaction`.
struct WriteTransaction: ~Copyable {
    let handle: OpaquePointer
    var reader: ReadTransaction { ReadTransaction(handle: handle) }

    /// Opens a named database, creating it if needed.
    func createDatabase(_ name: String) throws(LMDBError) -> Database {
        var dbi: MDB_dbi = 0
        try check(mdb_dbi_open(handle, name, UInt32(MDB_CREATE), &dbi))
        return Database(dbi: dbi)
    }

    func get(_ db: Database, _ key: [UInt8]) throws(LMDBError) -> [UInt8]? { try reader.get(db, key) }

    /// Stores `value` under `key`. With `noOverwrite`, an existing key throws `LMDBError.keyExists`.
    func put(_ db: Database, _ key: [UInt8], _ value: [UInt8], noOverwrite: Bool = false) throws(LMDBError) {
        let rc = key.withUnsafeBytes { k in
            value.withUnsafeBytes { v in rawPut(db, k, v, noOverwrite ? UInt32(MDB_NOOVERWRITE) : 0) }
        }
        try check(rc)
    }

    /// Stores the bytes of `value` under the bytes of `key` (LMDB copies them during the call), with no
    /// intermediate array: the append path writes keys made from integers in place. With `append`, the key must
    /// sort after every key of the database (`MDB_APPEND`, which skips the page search).
    func put(
        _ db: Database, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, noOverwrite: Bool = false,
        append: Bool = false
    ) throws(LMDBError) {
        try check(
            rawPut(db, key, value, (noOverwrite ? UInt32(MDB_NOOVERWRITE) : 0) | (append ? UInt32(MDB_APPEND) : 0)))
    }

    /// Appends at the end of a database whose keys only grow (`MDB_APPEND`), which skips the page search.
    func append(_ db: Database, _ key: [UInt8], _ value: [UInt8]) throws(LMDBError) {
        let rc = key.withUnsafeBytes { k in value.withUnsafeBytes { v in rawPut(db, k, v, UInt32(MDB_APPEND)) } }
        try check(rc)
    }

    /// Reserves `count` bytes under `key` (`MDB_RESERVE`; with `append`, `MDB_APPEND` too) and lets `fill` write
    /// them where they will be stored, with no intermediate copy. The buffer is LMDB's and valid only during the call.
    func reserve<T>(
        _ db: Database, _ key: UnsafeRawBufferPointer, count: Int, append: Bool,
        _ fill: (UnsafeMutableRawBufferPointer) throws -> T
    ) throws -> T {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: count, mv_data: nil)
        try check(mdb_put(handle, db.dbi, &k, &v, UInt32(MDB_RESERVE) | (append ? UInt32(MDB_APPEND) : 0)))
        return try fill(UnsafeMutableRawBufferPointer(start: v.mv_data, count: count))
    }

    private func rawPut(
        _ db: Database, _ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer,
        _ flags: UInt32
    ) -> Int32 {
        var k = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var v = MDB_val(mv_size: value.count, mv_data: UnsafeMutableRawPointer(mutating: value.baseAddress))
        return mdb_put(handle, db.dbi, &k, &v, flags)
    }

    /// Removes `key`; returns false when it was not there.
    @discardableResult
    func delete(_ db: Database, _ key: [UInt8]) throws(LMDBError) -> Bool {
        let rc = withValue(key) { k in mdb_del(handle, db.dbi, &k, nil) }
        if rc == MDB_NOTFOUND { return false }
        try check(rc)
        return true
    }
}
