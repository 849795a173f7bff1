import Foundation

/// Benchmark support (`greffe-bench`, issue 9): LMDB with no engine on top, the physical limit the engine is measured
/// against. Not used by the application.
///
/// It owns its own LMDB environment in a directory of its own, opened exactly as an ``EventStore`` is (same flags,
/// same named databases, LMDB's default sync on every commit), and replays writes given as plain key/value puts — the
/// very bytes the engine wrote, captured with ``EventStore/benchmarkPuts(appends:projectionKeys:)`` — with the same
/// transaction batching. Every LMDB call stays in this module, as everywhere else in Greffe.
package final class RawLMDBBaseline {
    /// The named databases of a store, by role.
    package enum Table: Int, Sendable, CaseIterable {
        case meta, records, streams, streamHeads, projections
    }

    /// One write of the baseline: a key/value put in a table. `append` uses `MDB_APPEND`, as the engine does for
    /// records, whose keys only grow.
    package struct Put: Sendable {
        package var table: Table
        package var key: [UInt8]
        package var value: [UInt8]
        package var append: Bool
        package init(table: Table, key: [UInt8], value: [UInt8], append: Bool = false) {
            self.table = table
            self.key = key
            self.value = value
            self.append = append
        }
    }

    /// What one engine append did to the store, as raw operations: the keys it read first, then what it wrote.
    package struct Transaction: Sendable {
        package var reads: [(table: Table, key: [UInt8])]
        package var puts: [Put]
        package init(reads: [(table: Table, key: [UInt8])] = [], puts: [Put]) {
            self.reads = reads
            self.puts = puts
        }
        /// Bytes written (keys and values).
        package var byteCount: Int { puts.reduce(0) { $0 + $1.key.count + $1.value.count } }
    }

    package let path: String
    let env: Environment
    let databases: [Database]

    /// Creates a fresh environment in `directory` (created if missing; it must not hold a store yet).
    package init(directory: String, mapSize: Int = 64 << 20) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw EventStoreError.permissionDenied(path: directory)
        }
        let env = try EventStore.mapErrors(path: directory) {
            try Environment(directory: directory, mapSize: mapSize, maxDatabases: 8)
        }
        databases = try EventStore.mapErrors(path: directory) {
            try env.write { txn in try EventStore.databaseNames.map { try txn.createDatabase($0) } }
        }
        path = directory
        self.env = env
    }

    private func db(_ table: Table) -> Database {
        // `databaseNames` lists the tables in `Table`'s order.
        databases[table.rawValue]
    }

    /// Runs the transactions in one LMDB write transaction, committed (and synced) once: a single engine append is
    /// one of them, a bulk import many.
    package func commit(_ transactions: [Transaction]) throws {
        try EventStore.mapErrors(path: path) {
            try env.write { txn in
                for t in transactions {
                    for read in t.reads { _ = try txn.get(db(read.table), read.key) }
                    for put in t.puts {
                        if put.append {
                            try txn.append(db(put.table), put.key, put.value)
                        } else {
                            try txn.put(db(put.table), put.key, put.value)
                        }
                    }
                }
            }
        }
    }

    /// Walks every record with one cursor in one read transaction, touching every byte of every value (a byte sum,
    /// so the pages are really read); returns how many records and their total size.
    package func scanRecords() throws -> (records: Int, bytes: Int, checksum: UInt64) {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in
                var count = 0
                var bytes = 0
                var sum: UInt64 = 0
                try txn.scan(db(.records), from: nil) { _, value in
                    count += 1
                    bytes += value.count
                    for b in value { sum &+= UInt64(b) }
                    return true
                }
                return (count, bytes, sum)
            }
        }
    }

    /// The raw values of one stream's records, read as the engine reads a stream: the stream index by prefix, then
    /// each record by its sequence, copied out, in one read transaction.
    package func readStream(_ stream: String) throws -> [[UInt8]] {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in
                let prefix = EventStore.streamPrefix(stream)
                var sequences: [[UInt8]] = []
                try txn.scan(db(.streams), from: prefix) { key, value in
                    guard key.starts(with: prefix) else { return false }
                    sequences.append(Array(value))
                    return true
                }
                return try sequences.compactMap { try txn.get(db(.records), $0) }
            }
        }
    }
}

@available(*, unavailable)
extension RawLMDBBaseline: Sendable {}

extension EventStore {
    /// Benchmark support: the raw operations of past appends, with the bytes this store holds now. Each range of
    /// sequence numbers is one append (one stream), in order: what the engine read (the stream's head, the log's
    /// head), then every record and its stream-index entry, the stream's new head and the log's new head, as
    /// ``append(to:expected:events:project:)`` writes them. The projection entries named are added to the last
    /// append, with their current values.
    package func benchmarkPuts(
        appends: [ClosedRange<UInt64>], projectionKeys: [String] = []
    )
        throws -> [RawLMDBBaseline.Transaction]
    {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in
                var out: [RawLMDBBaseline.Transaction] = []
                out.reserveCapacity(appends.count)
                for range in appends {
                    var puts: [RawLMDBBaseline.Put] = []
                    var stream = ""
                    var version: UInt64 = 0
                    var headValue: [UInt8] = []
                    for sequence in range {
                        let key = [UInt8].bigEndian(sequence)
                        guard let value = try txn.get(records, key) else {
                            throw EventStoreError.corruptRecord(sequence: sequence, reason: "missing")
                        }
                        let record = try value.withUnsafeBytes { raw in
                            do { return try RecordCodec.decode(raw) } catch {
                                throw EventStoreError.corruptRecord(sequence: sequence, reason: "\(error)")
                            }
                        }
                        stream = record.stream
                        version = record.version
                        headValue = key + record.hash
                        puts.append(.init(table: .records, key: key, value: value, append: true))
                        puts.append(
                            .init(
                                table: .streams, key: EventStore.streamPrefix(stream) + .bigEndian(version), value: key)
                        )
                    }
                    puts.append(.init(table: .streamHeads, key: Array(stream.utf8), value: .bigEndian(version)))
                    puts.append(.init(table: .meta, key: Array("head".utf8), value: headValue))
                    out.append(
                        RawLMDBBaseline.Transaction(
                            reads: [(.streamHeads, Array(stream.utf8)), (.meta, Array("head".utf8))], puts: puts))
                }
                if !projectionKeys.isEmpty, !out.isEmpty {
                    for key in projectionKeys {
                        let value = try txn.get(projections, Array(key.utf8)) ?? []
                        out[out.count - 1].puts.append(.init(table: .projections, key: Array(key.utf8), value: value))
                    }
                }
                return out
            }
        }
    }
}
