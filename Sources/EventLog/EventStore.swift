import Foundation

/// What an append expects of its stream, checked inside the write transaction.
public enum ExpectedVersion: Equatable, Sendable {
    /// Append whatever the stream's version (for streams with a single writer, such as imports).
    case any
    /// The stream must be at exactly this version; `0` means the stream must not exist yet.
    case exactly(UInt64)

    /// The stream must not exist yet.
    public static let noStream = ExpectedVersion.exactly(0)
}

/// The head of the log: the last record's sequence number and hash (0 and 32 zero bytes when empty).
public struct LogHead: Equatable, Sendable, CustomStringConvertible {
    public var sequence: UInt64
    public var hash: [UInt8]
    public init(sequence: UInt64, hash: [UInt8]) {
        self.sequence = sequence
        self.hash = hash
    }
    public var description: String { "\(sequence) \(hash.hexString)" }
}

/// Everything the event log can refuse or fail with; each case says what went wrong in words.
public enum EventStoreError: Error, Equatable, CustomStringConvertible {
    /// The stream moved since the caller read it: nothing was written; read again and retry.
    case conflict(stream: String, expected: UInt64, actual: UInt64)
    case storeMissing(path: String)
    case notAStore(path: String, reason: String)
    case alreadyExists(path: String)
    case permissionDenied(path: String)
    case unknownFormat(path: String, found: UInt32, supported: UInt32)
    case invalidStreamID(String)
    case emptyAppend
    case corruptRecord(sequence: UInt64, reason: String)
    /// The data file is damaged in a way LMDB itself would not survive (it would be killed reading it): nothing was
    /// read nor written.
    case damaged(path: String, damage: StoreDamage)
    /// The file system holding the store has no space left: nothing was written.
    case diskFull(path: String)
    case storage(LMDBError)

    public var description: String {
        switch self {
        case let .conflict(stream, expected, actual):
            return
                "conflict on stream \(stream): expected version \(expected), found \(actual); nothing was written, read again and retry"
        case let .storeMissing(path): return "no store at \(path) (the directory does not exist)"
        case let .notAStore(path, reason): return "\(path) is not a Greffe store: \(reason)"
        case let .alreadyExists(path): return "a store already exists at \(path)"
        case let .permissionDenied(path): return "permission denied on \(path)"
        case let .unknownFormat(path, found, supported):
            return "the store at \(path) has format \(found); this version of Greffe reads format \(supported)"
        case let .invalidStreamID(id):
            return "invalid stream id \(id.debugDescription): 1 to 200 bytes of UTF-8, no control characters"
        case .emptyAppend: return "an append needs at least one event"
        case let .corruptRecord(sequence, reason): return "record \(sequence) is unreadable: \(reason)"
        case let .damaged(path, damage): return "store damaged at \(path): \(damage)"
        case let .diskFull(path): return "the disk holding \(path) is full; nothing was written"
        case let .storage(error): return "storage error: \(error) (LMDB code \(error.rawValue))"
        }
    }
}

/// How a store's data file is damaged (see `EventStoreError.damaged`).
public enum StoreDamage: Equatable, Sendable, CustomStringConvertible {
    /// `data.mdb` holds no byte at all (an initialisation that never finished).
    case empty
    /// `data.mdb` ends before the last page its meta pages name (a truncated or partly copied file).
    case truncated(size: UInt64, needed: UInt64)

    public var description: String {
        switch self {
        case .empty: return "data.mdb is empty"
        case let .truncated(size, needed):
            return "file shorter than its last page (data.mdb holds \(size) bytes, its pages need \(needed))"
        }
    }
}

/// An append-only, hash-chained event log stored in an LMDB environment (a directory).
///
/// Records are numbered globally (1, 2, 3…) and within their stream (1, 2, 3…). Appends to one stream are atomic
/// and checked against an expected version inside the write transaction, so of two concurrent writers that read
/// the same version, exactly one succeeds. Every record carries the hash of the one before it.
/// The on-disk format is described in docs/storage-format.md.
public final class EventStore {
    /// The on-disk format this code reads and writes.
    public static let formatVersion: UInt32 = 1
    static let databaseNames = ["meta", "records", "streams", "stream_heads", "projections"]

    public struct Options: Sendable {
        /// Size of the memory map when the store is opened; it doubles whenever it is full.
        public var initialMapSize: Int
        /// Opens the environment read-only (`MDB_RDONLY`): nothing can be written through this store, and the data
        /// file is never written, not even to initialise an empty one. For commands that only read.
        public var readOnly: Bool
        public init(initialMapSize: Int = 64 << 20, readOnly: Bool = false) {
            self.initialMapSize = initialMapSize
            self.readOnly = readOnly
        }

        /// The options of a command that only reads.
        public static let readOnly = Options(readOnly: true)
    }

    public let path: String
    let env: Environment
    /// When true, every write transaction of this store runs to its end and is then aborted: appends return the
    /// records they would write, with their sequences and hashes, and nothing reaches the disk (`--dry-run`).
    public var dryRun = false
    let meta: Database
    let records: Database
    let streams: Database
    let streamHeads: Database
    let projections: Database

    private init(path: String, env: Environment, databases: [String: Database]) throws {
        guard let meta = databases["meta"], let records = databases["records"], let streams = databases["streams"],
            let heads = databases["stream_heads"], let projections = databases["projections"]
        else {
            throw EventStoreError.notAStore(path: path, reason: "its named databases are missing")
        }
        self.path = path
        self.env = env
        self.meta = meta
        self.records = records
        self.streams = streams
        self.streamHeads = heads
        self.projections = projections
    }

    /// Creates a new, empty store in `path` (a directory made with owner-only permissions, 0700; files 0600).
    /// When it fails (a full disk, a permission), it leaves nothing behind: the files it created are removed, and
    /// the directory too if it made it.
    public static func create(at path: String, options: Options = Options()) throws -> EventStore {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        var madeDirectory = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw EventStoreError.notAStore(path: path, reason: "it is a file, not a directory")
            }
            if fm.fileExists(atPath: path + "/data.mdb") { throw EventStoreError.alreadyExists(path: path) }
        } else {
            do {
                try fm.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                madeDirectory = true
            } catch CocoaError.fileWriteOutOfSpace {
                throw EventStoreError.diskFull(path: path)
            } catch {
                throw EventStoreError.permissionDenied(path: path)
            }
        }
        return try leavingNothingOnFailure(at: path, madeDirectory: madeDirectory) {
            try initialise(at: path, options: options)
        }
    }

    /// Runs `body`, which creates the store's files in `path`; if it throws, removes `data.mdb`, `lock.mdb` unless
    /// it was there before, and the directory if `madeDirectory`. `body` must have closed the environment by then
    /// (an environment living only inside it is).
    static func leavingNothingOnFailure<T>(at path: String, madeDirectory: Bool, _ body: () throws -> T) throws -> T {
        let fm = FileManager.default
        let hadLockFile = fm.fileExists(atPath: path + "/lock.mdb")
        do {
            return try body()
        } catch {
            try? fm.removeItem(atPath: path + "/data.mdb")
            if !hadLockFile { try? fm.removeItem(atPath: path + "/lock.mdb") }
            if madeDirectory { try? fm.removeItem(atPath: path) }
            throw error
        }
    }

    private static func initialise(at path: String, options: Options) throws -> EventStore {
        do {
            try DataFileMeta.allocateLockFile(directory: path)
        } catch {
            throw classify(error, path: path)
        }
        let env = try openEnvironment(path: path, options: Options(initialMapSize: options.initialMapSize))
        let databases: [String: Database] = try mapErrors(path: path) {
            try env.write { txn in
                var dbs: [String: Database] = [:]
                for name in databaseNames { dbs[name] = try txn.createDatabase(name) }
                if let meta = dbs["meta"] {
                    try txn.put(meta, Array("format".utf8), .bigEndian(formatVersion))
                    try txn.put(meta, Array("head".utf8), .bigEndian(UInt64(0)) + RecordCodec.genesisHash)
                }
                return dbs
            }
        }
        return try EventStore(path: path, env: env, databases: databases)
    }

    /// Opens an existing store; a missing directory, a directory without a store, a file that is not LMDB,
    /// a damaged file, or a store of another format are each a distinct error. With `options.readOnly`, the
    /// environment is opened read-only and nothing in the store is written (LMDB may still create `lock.mdb`, its
    /// table of readers, when it is missing).
    public static func open(at path: String, options: Options = Options()) throws -> EventStore {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == EACCES { throw EventStoreError.permissionDenied(path: path) }
            throw EventStoreError.storeMissing(path: path)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw EventStoreError.notAStore(path: path, reason: "it is a file, not a directory")
        }
        // A directory of another user (mode 0700) cannot be searched: say so, rather than "no store here".
        let dataFile = path + "/data.mdb"
        guard stat(dataFile, &status) == 0 else {
            if errno == EACCES { throw EventStoreError.permissionDenied(path: path) }
            throw EventStoreError.notAStore(path: path, reason: "no data.mdb in the directory (run `greffe init`)")
        }
        do {
            do {
                _ = try DataFileMeta.check(path: dataFile)
            } catch DataFileMeta.Fault.truncated {
                // Once more: a meta page read while a writer was rewriting it could mix two of its values.
                _ = try DataFileMeta.check(path: dataFile)
            }
        } catch let fault as DataFileMeta.Fault {
            switch fault {
            case .empty: throw EventStoreError.damaged(path: path, damage: .empty)
            case .notLMDB: throw EventStoreError.notAStore(path: path, reason: "data.mdb is not an LMDB file")
            case .incompatible:
                throw EventStoreError.notAStore(path: path, reason: "data.mdb was written by an incompatible LMDB")
            case let .truncated(size, needed):
                throw EventStoreError.damaged(path: path, damage: .truncated(size: size, needed: needed))
            }
        } catch {
            throw classify(error, path: path)
        }
        do {
            try DataFileMeta.allocateLockFile(directory: path)
        } catch LMDBError.noSpace, LMDBError.quotaExceeded {
            throw EventStoreError.diskFull(path: path)
        } catch {
            // Anything else (a lock file this account cannot write, a read-only file system): LMDB says it below.
        }
        let env = try openEnvironment(path: path, options: options)
        let databases = try mapErrors(path: path) { try env.openExistingDatabases(databaseNames) }
        guard let meta = databases["meta"] else {
            throw EventStoreError.notAStore(path: path, reason: "an LMDB file without Greffe's meta database")
        }
        let format = try mapErrors(path: path) { try env.read { try $0.get(meta, Array("format".utf8)) } }
        guard let format, format.count == 4 else {
            throw EventStoreError.notAStore(path: path, reason: "no format number in the meta database")
        }
        let found = format.withUnsafeBytes { ByteReader($0) }.peekUInt32()
        guard found == formatVersion else {
            throw EventStoreError.unknownFormat(path: path, found: found, supported: formatVersion)
        }
        return try EventStore(path: path, env: env, databases: databases)
    }

    /// Whether this store was opened read-only.
    public var isReadOnly: Bool { env.readOnly }

    private static func openEnvironment(path: String, options: Options) throws -> Environment {
        do {
            return try Environment(
                directory: path, mapSize: options.initialMapSize, maxDatabases: 8, readOnly: options.readOnly)
        } catch LMDBError.invalid {
            throw EventStoreError.notAStore(path: path, reason: "data.mdb is not an LMDB file")
        } catch LMDBError.versionMismatch {
            throw EventStoreError.notAStore(path: path, reason: "data.mdb was written by an incompatible LMDB")
        } catch {
            throw classify(error, path: path)
        }
    }

    /// An error of LMDB or of the system, in the store's words: permissions, a full disk, or LMDB's own code.
    static func classify(_ error: any Error, path: String) -> any Error {
        guard let error = error as? LMDBError else { return error }
        switch error {
        case .permissionDenied, .readOnlyFileSystem, .operationNotPermitted:
            return EventStoreError.permissionDenied(path: path)
        case .noSpace, .quotaExceeded:
            return EventStoreError.diskFull(path: path)
        case .ioError where hasNoSpaceLeft(path):
            // LMDB reports a short write (what a full file system gives) as an input/output error.
            return EventStoreError.diskFull(path: path)
        default:
            return EventStoreError.storage(error)
        }
    }

    /// Whether the file system holding `path` has (almost) no space left: less than a megabyte.
    static func hasNoSpaceLeft(_ path: String) -> Bool {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 1 << 20
    }

    static func mapErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw classify(error, path: path)
        }
    }

    // MARK: Reading

    /// The last record's sequence number and hash.
    public func head() throws -> LogHead {
        try EventStore.mapErrors(path: path) { try env.read { try readHead($0) } }
    }

    /// The current version of a stream: the number of events in it (0 when it does not exist).
    public func version(of stream: String) throws -> UInt64 {
        try EventStore.mapErrors(path: path) { try env.read { try streamVersion($0, stream) } }
    }

    /// The events of one stream from `version` (1-based) on, in order.
    public func readStream(_ stream: String, from version: UInt64 = 1) throws -> [EventRecord] {
        try EventStore.mapErrors(path: path) { try env.read { txn in try readStream(txn, stream, from: version) } }
    }

    func readStream(_ txn: borrowing ReadTransaction, _ stream: String, from version: UInt64) throws -> [EventRecord] {
        var sequences: [UInt64] = []
        let prefix = EventStore.streamPrefix(stream)
        try txn.scan(streams, from: prefix + .bigEndian(max(version, 1))) { key, value in
            guard key.count == prefix.count + 8, key.starts(with: prefix), value.count == 8 else { return false }
            var reader = ByteReader(value)
            sequences.append(reader.integer(UInt64.self) ?? 0)
            return true
        }
        return try sequences.map { try record($0, in: txn) }
    }

    /// Streams the whole log from `sequence` on, a batch of records per short read transaction, so memory stays
    /// bounded however long the log is and no reader is held open between batches.
    public func records(from sequence: UInt64 = 1, batchSize: Int = 1024) -> LogCursor {
        LogCursor(store: self, next: max(sequence, 1), batchSize: max(batchSize, 1))
    }

    /// Up to `limit` records from `sequence` on, decoded.
    func batch(from sequence: UInt64, limit: Int) throws -> [EventRecord] {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in
                var out: [EventRecord] = []
                var expected = sequence
                try txn.scan(records, from: .bigEndian(sequence)) { key, value in
                    var keyReader = ByteReader(key)
                    let found = keyReader.integer(UInt64.self) ?? 0
                    guard found == expected else {
                        throw EventStoreError.corruptRecord(
                            sequence: expected, reason: "missing (the next record found is \(found))")
                    }
                    do {
                        out.append(try RecordCodec.decode(value))
                    } catch {
                        throw EventStoreError.corruptRecord(sequence: found, reason: "\(error)")
                    }
                    expected += 1
                    return out.count < limit
                }
                return out
            }
        }
    }

    func record(_ sequence: UInt64, in txn: borrowing ReadTransaction) throws -> EventRecord {
        try withUnsafeBytes(of: sequence.bigEndian) { key in
            try txn.withStoredValue(records, key) { value in
                guard let value else { throw EventStoreError.corruptRecord(sequence: sequence, reason: "missing") }
                do {
                    return try RecordCodec.decode(value)
                } catch {
                    throw EventStoreError.corruptRecord(sequence: sequence, reason: "\(error)")
                }
            }
        }
    }

    func readHead(_ txn: borrowing ReadTransaction) throws -> LogHead {
        guard let bytes = try txn.get(meta, Array("head".utf8)), bytes.count == 8 + RecordCodec.hashSize else {
            throw EventStoreError.notAStore(path: path, reason: "no head in the meta database")
        }
        let sequence = bytes.withUnsafeBytes { raw -> UInt64 in
            var reader = ByteReader(raw)
            return reader.integer(UInt64.self) ?? 0
        }
        return LogHead(sequence: sequence, hash: Array(bytes[8...]))
    }

    func streamVersion(_ txn: borrowing ReadTransaction, _ stream: String) throws -> UInt64 {
        guard let bytes = try txn.get(streamHeads, Array(stream.utf8)), bytes.count == 8 else { return 0 }
        return bytes.withUnsafeBytes { raw -> UInt64 in
            var reader = ByteReader(raw)
            return reader.integer(UInt64.self) ?? 0
        }
    }

    /// Key prefix of a stream's entries in the `streams` database: the id's UTF-8 bytes and a 0 byte.
    static func streamPrefix(_ stream: String) -> [UInt8] { Array(stream.utf8) + [0] }

    static func validate(stream: String) throws {
        let bytes = stream.utf8.count
        guard bytes > 0, bytes <= 200 else { throw EventStoreError.invalidStreamID(stream) }
        // Printable ASCII needs no Unicode tables (its control characters are 0x00–0x1F and 0x7F); it was a visible
        // share of a bulk import's time (docs/performance.md).
        if stream.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return }
        guard !stream.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw EventStoreError.invalidStreamID(stream) }
    }

    // MARK: Writing

    /// Appends `events` to `stream` atomically if the stream is at `expected`; otherwise throws
    /// `EventStoreError.conflict` and writes nothing.
    ///
    /// `project`, when given, runs inside the same write transaction with the new records, so projections kept in
    /// the store change together with the log or not at all. If it throws, nothing is written.
    @discardableResult
    public func append(
        to stream: String, expected: ExpectedVersion, events: [NewEvent],
        project: ((borrowing ProjectionWriter, [EventRecord]) throws -> Void)? = nil
    ) throws -> [EventRecord] {
        try EventStore.mapErrors(path: path) {
            try env.write(commit: !dryRun) { txn in
                let appended = try append(txn, stream: stream, expected: expected, events: events)
                try project?(ProjectionWriter(txn: txn, db: projections), appended)
                return appended
            }
        }
    }

    /// Runs many appends in one write transaction with a single sync at the end: all of them are stored, or none.
    /// Each append still checks its expected version against what the batch wrote before it.
    public func bulk<T>(_ body: (borrowing BulkWriter) throws -> T) throws -> T {
        try EventStore.mapErrors(path: path) {
            try env.write(commit: !dryRun) { txn in try body(BulkWriter(store: self, txn: txn)) }
        }
    }

    func append(
        _ txn: borrowing WriteTransaction, stream: String, expected: ExpectedVersion, events: [NewEvent]
    ) throws
        -> [EventRecord]
    {
        try EventStore.validate(stream: stream)
        guard !events.isEmpty else { throw EventStoreError.emptyAppend }
        let current = try streamVersion(txn.reader, stream)
        if case .exactly(let wanted) = expected, wanted != current {
            throw EventStoreError.conflict(stream: stream, expected: wanted, actual: current)
        }
        var head = try readHead(txn.reader)
        var version = current
        var appended: [EventRecord] = []
        appended.reserveCapacity(events.count)
        // The stream index key `stream ‖ 0 ‖ version`: its last 8 bytes are rewritten for each record.
        var indexKey = EventStore.streamPrefix(stream)
        indexKey.appendInteger(UInt64(0))
        let versionOffset = indexKey.count - 8
        for event in events {
            let sequence = head.sequence + 1
            version += 1
            indexKey.withUnsafeMutableBytes {
                $0.storeBytes(of: version.bigEndian, toByteOffset: versionOffset, as: UInt64.self)
            }
            let previous = head.hash
            let hash = try withUnsafeBytes(of: sequence.bigEndian) { sequenceBytes in
                // The record is written straight into the space LMDB reserves for it in the page.
                let hash = try txn.reserve(
                    records, sequenceBytes, count: RecordCodec.storedSize(stream: stream, event: event), append: true
                ) { buffer in
                    RecordCodec.write(
                        into: buffer, sequence: sequence, stream: stream, version: version, event: event,
                        previousHash: previous)
                }
                try indexKey.withUnsafeBytes { try txn.put(streams, $0, sequenceBytes, noOverwrite: true) }
                return hash
            }
            appended.append(
                EventRecord(
                    sequence: sequence, stream: stream, version: version, event: event,
                    previousHash: head.hash, hash: hash))
            head = LogHead(sequence: sequence, hash: hash)
        }
        try txn.put(streamHeads, Array(stream.utf8), .bigEndian(version))
        try txn.put(meta, Array("head".utf8), .bigEndian(head.sequence) + head.hash)
        return appended
    }

    // MARK: Projections

    /// Reads the projections kept in the store, in one consistent read transaction.
    public func readProjections<T>(_ body: (borrowing ProjectionReader) throws -> T) throws -> T {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in try body(ProjectionReader(txn: txn, db: projections)) }
        }
    }

    /// Writes projections outside of an append (the benchmark writes a replay back in batches; tests alter them).
    public func writeProjections<T>(_ body: (borrowing ProjectionWriter) throws -> T) throws -> T {
        try EventStore.mapErrors(path: path) {
            try env.write(commit: !dryRun) { txn in try body(ProjectionWriter(txn: txn, db: projections)) }
        }
    }

    /// Replaces every projection entry by `entries` in one write transaction, provided the log still ends at `head`
    /// (the records `entries` were computed from). Otherwise nothing is written: `conflict` on the stream `log`.
    public func replaceProjections(computedAt head: LogHead, with entries: [String: [UInt8]]) throws {
        try EventStore.mapErrors(path: path) {
            try env.write(commit: !dryRun) { txn in
                let current = try readHead(txn.reader)
                guard current == head else {
                    throw EventStoreError.conflict(stream: "log", expected: head.sequence, actual: current.sequence)
                }
                let writer = ProjectionWriter(txn: txn, db: projections)
                try writer.deleteAll(prefix: "")
                for key in entries.keys.sorted() { try writer.put(key, entries[key] ?? []) }
            }
        }
    }
}

@available(*, unavailable)
extension EventStore: Sendable {}

/// Appends inside a `bulk` transaction; valid only inside the closure that received it. Noncopyable and passed
/// `borrowing`: the compiler refuses to let it escape the closure (no escaping capture, no copy into a variable
/// outside it, no return), so its transaction handle cannot be used after the transaction ends.
public struct BulkWriter: ~Copyable {
    let store: EventStore
    let txn: WriteTransaction

    init(store: EventStore, txn: borrowing WriteTransaction) {
        self.store = store
        self.txn = WriteTransaction(handle: txn.handle)
    }

    @discardableResult
    public func append(to stream: String, expected: ExpectedVersion, events: [NewEvent]) throws -> [EventRecord] {
        try store.append(txn, stream: stream, expected: expected, events: events)
    }

    public func version(of stream: String) throws -> UInt64 { try store.streamVersion(txn.reader, stream) }

    /// The events of a stream as this transaction sees them (including what the batch appended).
    public func readStream(_ stream: String, from version: UInt64 = 1) throws -> [EventRecord] {
        try store.readStream(txn.reader, stream, from: version)
    }

    public var projections: ProjectionWriter { ProjectionWriter(txn: txn, db: store.projections) }
}

/// Reads the application's projections (key/value pairs); valid only inside the closure that received it.
/// Noncopyable and passed `borrowing`, like `BulkWriter`.
public struct ProjectionReader: ~Copyable {
    let txn: ReadTransaction
    let db: Database

    init(txn: borrowing ReadTransaction, db: Database) {
        self.txn = ReadTransaction(handle: txn.handle)
        self.db = db
    }

    public func get(_ key: String) throws -> [UInt8]? { try txn.get(db, Array(key.utf8)) }

    /// Every entry whose key starts with `prefix`, in key order, copied out.
    public func entries(prefix: String) throws -> [(key: String, value: [UInt8])] {
        let p = Array(prefix.utf8)
        var out: [(String, [UInt8])] = []
        try txn.scan(db, from: p) { key, value in
            guard key.starts(with: p) else { return false }
            out.append((String(decoding: key, as: UTF8.self), Array(value)))
            return true
        }
        return out
    }

    /// The keys of every entry whose key starts with `prefix`, in key order (the values are not copied).
    public func keys(prefix: String) throws -> [String] {
        let p = Array(prefix.utf8)
        var out: [String] = []
        try txn.scan(db, from: p) { key, _ in
            guard key.starts(with: p) else { return false }
            out.append(String(decoding: key, as: UTF8.self))
            return true
        }
        return out
    }

    /// Whether some entry's key starts with `prefix` (reads one entry at most).
    public func hasEntry(prefix: String) throws -> Bool {
        let p = Array(prefix.utf8)
        var found = false
        try txn.scan(db, from: p) { key, _ in
            found = key.starts(with: p)
            return false
        }
        return found
    }
}

/// Writes the application's projections inside a write transaction; valid only inside the closure.
/// Noncopyable and passed `borrowing`, like `BulkWriter`.
public struct ProjectionWriter: ~Copyable {
    let txn: WriteTransaction
    let db: Database

    init(txn: borrowing WriteTransaction, db: Database) {
        self.txn = WriteTransaction(handle: txn.handle)
        self.db = db
    }

    public var reader: ProjectionReader { ProjectionReader(txn: txn.reader, db: db) }
    public func get(_ key: String) throws -> [UInt8]? { try txn.get(db, Array(key.utf8)) }
    public func put(_ key: String, _ value: [UInt8]) throws { try txn.put(db, Array(key.utf8), value) }
    public func delete(_ key: String) throws { try txn.delete(db, Array(key.utf8)) }

    /// Removes every entry whose key starts with `prefix`.
    public func deleteAll(prefix: String) throws {
        for (key, _) in try reader.entries(prefix: prefix) { try delete(key) }
    }
}

/// Reads the log in order, one batch per short read transaction. `next()` returns `nil` at the end.
public struct LogCursor {
    let store: EventStore
    var nextSequence: UInt64
    let batchSize: Int
    var buffer: [EventRecord] = []
    var index = 0
    var finished = false

    init(store: EventStore, next: UInt64, batchSize: Int) {
        self.store = store
        self.nextSequence = next
        self.batchSize = batchSize
    }

    public mutating func next() throws -> EventRecord? {
        if index == buffer.count {
            guard !finished else { return nil }
            buffer = try store.batch(from: nextSequence, limit: batchSize)
            index = 0
            if buffer.count < batchSize { finished = true }
            guard !buffer.isEmpty else { return nil }
            nextSequence += UInt64(buffer.count)
        }
        defer { index += 1 }
        return buffer[index]
    }
}

extension ByteReader {
    func peekUInt32() -> UInt32 {
        var copy = self
        return copy.integer(UInt32.self) ?? 0
    }
}
