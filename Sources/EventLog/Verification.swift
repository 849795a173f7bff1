import Crypto

/// The first thing found wrong in a stored log.
public struct VerificationFailure: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A sequence number has no record (a deleted record).
        case missingRecord
        /// The record stored under a sequence number says it is another one (moved or swapped records).
        case misplacedRecord
        /// The stored bytes do not decode as a record.
        case undecodable
        /// The record's previous-hash field is not the hash of the record before it.
        case brokenChain
        /// The record's bytes do not hash to its stored hash (its content changed).
        case hashMismatch
        /// The stream index disagrees with the record (stream, version → sequence).
        case streamIndex
        /// A stream's versions are not 1, 2, 3… in log order.
        case versionGap
        /// The `stream_heads` entries and the records disagree: a stream without its head, a head for a stream
        /// without records, or a head at another version than the stream's last record.
        case streamHead
        /// The stored head is not the last record.
        case headMismatch
        /// The record at a trusted checkpoint does not have the checkpoint's hash.
        case checkpointMismatch
    }

    public var sequence: UInt64
    public var kind: Kind
    public var detail: String

    public var description: String { "sequence \(sequence): \(kind.rawValue): \(detail)" }
}

/// The outcome of walking the chain.
public struct VerificationReport: Equatable, Sendable {
    /// Where the walk started (1, or the record after a trusted checkpoint).
    public var startSequence: UInt64
    public var recordsChecked: UInt64
    public var streamsSeen: Int
    /// The head as stored in the meta database.
    public var storedHead: LogHead
    public var failure: VerificationFailure?
    public var isValid: Bool { failure == nil }
}

extension EventStore {
    /// Walks the hash chain from the first record, or from a trusted checkpoint, in one read transaction, and
    /// reports the first sequence number that fails and why. Checks, for each record: its key, its decoding, its
    /// sequence field, its previous hash, its own hash, the stream index and the stream's version order; then the
    /// stored head and stream heads.
    public func verify(
        from checkpoint: LogHead? = nil, progress: ((UInt64) -> Void)? = nil
    ) throws
        -> VerificationReport
    {
        try EventStore.mapErrors(path: path) {
            try env.read { txn in try verify(txn, from: checkpoint, progress: progress) }
        }
    }

    private func verify(
        _ txn: borrowing ReadTransaction, from checkpoint: LogHead?, progress: ((UInt64) -> Void)?
    ) throws
        -> VerificationReport
    {
        let storedHead = try readHead(txn)
        var report = VerificationReport(
            startSequence: 1, recordsChecked: 0, streamsSeen: 0, storedHead: storedHead, failure: nil)
        var previousHash = RecordCodec.genesisHash
        var expected: UInt64 = 1
        func fail(_ sequence: UInt64, _ kind: VerificationFailure.Kind, _ detail: String) -> VerificationReport {
            var r = report
            r.failure = VerificationFailure(sequence: sequence, kind: kind, detail: detail)
            return r
        }

        if let checkpoint, checkpoint.sequence > 0 {
            let record: EventRecord
            do {
                record = try self.record(checkpoint.sequence, in: txn)
            } catch {
                return fail(
                    checkpoint.sequence, .checkpointMismatch, "the checkpoint's record is missing or unreadable")
            }
            guard record.hash == checkpoint.hash else {
                return fail(
                    checkpoint.sequence, .checkpointMismatch,
                    "stored hash \(record.hash.hexString) is not the checkpoint's \(checkpoint.hash.hexString)")
            }
            // The stored hash alone proves nothing: the record's bytes must hash to it too.
            let recomputed = try withUnsafeBytes(of: checkpoint.sequence.bigEndian) { key in
                try txn.withStoredValue(records, key) { value -> [UInt8]? in
                    guard let value, value.count > RecordCodec.hashSize else { return nil }
                    let body = UnsafeRawBufferPointer(rebasing: value[0..<(value.count - RecordCodec.hashSize)])
                    return Array(RecordCodec.sha256(body))
                }
            }
            guard recomputed == checkpoint.hash else {
                return fail(
                    checkpoint.sequence, .hashMismatch,
                    "its content does not hash to its stored hash (changed after the fact)")
            }
            guard record.sequence == checkpoint.sequence else {
                return fail(
                    checkpoint.sequence, .misplacedRecord,
                    "the record stored as \(checkpoint.sequence) says it is \(record.sequence)")
            }
            previousHash = checkpoint.hash
            expected = checkpoint.sequence + 1
            report.startSequence = expected
        }

        var lastVersion: [String: UInt64] = [:]
        var indexKey: [UInt8] = []
        var failure: (UInt64, VerificationFailure.Kind, String)?
        try txn.scan(records, from: .bigEndian(expected)) { key, value in
            var keyReader = ByteReader(key)
            let sequence = keyReader.integer(UInt64.self) ?? 0
            guard key.count == 8, sequence == expected else {
                failure = (expected, .missingRecord, "no record \(expected); the next stored key is \(sequence)")
                return false
            }
            // Fast path: the fields the chain needs, read in place, with no copy and no allocation beyond the
            // stream's name (none for a name of up to 15 bytes). Anything it cannot read goes through the full
            // decoder below, which names the fault.
            if let light = RecordCodec.chainFields(value), light.sequence == sequence {
                let hashAt = value.count - RecordCodec.hashSize
                let stored = UnsafeRawBufferPointer(rebasing: value[hashAt...])
                let previousMatches = previousHash.withUnsafeBytes {
                    $0.sameBytes(as: UnsafeRawBufferPointer(rebasing: value[0..<RecordCodec.hashSize]))
                }
                let digest = RecordCodec.sha256(UnsafeRawBufferPointer(rebasing: value[0..<hashAt]))
                let hashMatches = digest.withUnsafeBytes { $0.sameBytes(as: stored) }
                if previousMatches && hashMatches {
                    indexKey.removeAll(keepingCapacity: true)
                    indexKey.append(contentsOf: light.stream)
                    indexKey.append(0)
                    indexKey.appendInteger(light.version)
                    let indexed = try txn.withStoredValue(streams, indexKey) { found -> Bool in
                        guard let found, found.count == 8 else { return false }
                        var r = ByteReader(found)
                        return r.integer(UInt64.self) == sequence
                    }
                    // Already checked to be UTF-8.
                    let stream = String(decoding: light.stream, as: UTF8.self)
                    let last = lastVersion[stream]
                    if indexed && (last.map { light.version == $0 + 1 } ?? (light.version == 1)) {
                        lastVersion[stream] = light.version
                        previousHash.withUnsafeMutableBytes { $0.copyMemory(from: stored) }
                        report.recordsChecked += 1
                        expected += 1
                        if let progress, report.recordsChecked % 65_536 == 0 { progress(report.recordsChecked) }
                        return true
                    }
                }
                // Some check failed: the full path below finds which, and says it the same way.
            }
            let record: EventRecord
            do {
                record = try RecordCodec.decode(value)
            } catch {
                failure = (sequence, .undecodable, "\(error)")
                return false
            }
            guard record.sequence == sequence else {
                failure = (sequence, .misplacedRecord, "the record stored as \(sequence) says it is \(record.sequence)")
                return false
            }
            guard record.previousHash == previousHash else {
                failure = (sequence, .brokenChain, "its previous hash is not the hash of record \(sequence - 1)")
                return false
            }
            let body = UnsafeRawBufferPointer(rebasing: value[0..<(value.count - RecordCodec.hashSize)])
            guard RecordCodec.sha256(body) == record.hash else {
                failure = (
                    sequence, .hashMismatch, "its content does not hash to its stored hash (changed after the fact)"
                )
                return false
            }
            let prefix = EventStore.streamPrefix(record.stream)
            guard try txn.get(streams, prefix + .bigEndian(record.version)) == .bigEndian(sequence) else {
                failure = (
                    sequence, .streamIndex,
                    "the index of stream \(record.stream) version \(record.version) does not point here"
                )
                return false
            }
            if let last = lastVersion[record.stream] {
                guard record.version == last + 1 else {
                    failure = (
                        sequence, .versionGap, "stream \(record.stream) goes from version \(last) to \(record.version)"
                    )
                    return false
                }
            } else if record.version > 1 {
                // First time this walk meets the stream (after a checkpoint): the version before must be earlier.
                let before = try txn.get(streams, prefix + .bigEndian(record.version - 1))
                let beforeSequence = before.map { bytes in
                    bytes.withUnsafeBytes { raw -> UInt64 in
                        var r = ByteReader(raw)
                        return r.integer(UInt64.self) ?? .max
                    }
                }
                guard let beforeSequence, beforeSequence < sequence, checkpoint != nil else {
                    failure = (sequence, .versionGap, "stream \(record.stream) starts at version \(record.version)")
                    return false
                }
            }
            lastVersion[record.stream] = record.version
            previousHash = record.hash
            report.recordsChecked += 1
            expected += 1
            if let progress, report.recordsChecked % 65_536 == 0 { progress(report.recordsChecked) }
            return true
        }
        report.streamsSeen = lastVersion.count
        if let (sequence, kind, detail) = failure { return fail(sequence, kind, detail) }

        let last = expected - 1
        if storedHead.sequence != last {
            let at = min(storedHead.sequence, last) + 1
            return fail(at, .headMismatch, "the stored head says \(storedHead.sequence) but the log ends at \(last)")
        }
        if storedHead.hash != previousHash {
            return fail(last, .headMismatch, "the stored head hash is not the hash of the last record")
        }
        if let (sequence, detail) = try indexFaults(
            txn, lastVersion: lastVersion, last: last, whole: (checkpoint?.sequence ?? 0) == 0)
        {
            return fail(sequence, detail.kind, detail.text)
        }
        progress?(report.recordsChecked)
        return report
    }

    /// The index entries the walk over the records does not visit: every `streams` entry must be one record's (the
    /// walk found each record's own entry, so there must be exactly as many entries as records), and `stream_heads`
    /// must hold one entry per stream, at the version of its last record. Such faults name the last sequence (the
    /// head's), since no record is at fault. From a checkpoint, streams the walk did not meet are checked against
    /// `streams` alone: their head's version must be indexed, and the version after it not.
    private func indexFaults(
        _ txn: borrowing ReadTransaction, lastVersion: [String: UInt64], last: UInt64, whole: Bool
    ) throws
        -> (UInt64, (kind: VerificationFailure.Kind, text: String))?
    {
        func version(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
            guard bytes.count == 8 else { return nil }
            var reader = ByteReader(bytes)
            return reader.integer(UInt64.self)
        }
        var fault: (kind: VerificationFailure.Kind, text: String)?
        var headsOfSeenStreams = 0
        try txn.scan(streamHeads, from: nil) { key, value in
            let stream = String(decoding: key, as: UTF8.self)
            guard let stored = version(value), stored > 0 else {
                fault = (.streamHead, "the head of stream \(stream) is not a version number")
                return false
            }
            if let seen = lastVersion[stream] {
                headsOfSeenStreams += 1
                if seen != stored {
                    fault = (.streamHead, "stream \(stream) is at version \(seen) but its stored head says \(stored)")
                    return false
                }
                return true
            }
            if whole {
                fault = (
                    .streamHead, "a head says stream \(stream) is at version \(stored), but no record is in that stream"
                )
                return false
            }
            let prefix = Array(key) + [0]
            let indexed = try txn.get(streams, prefix + .bigEndian(stored)) != nil
            let beyond = try txn.get(streams, prefix + .bigEndian(stored + 1)) != nil
            if !indexed || beyond {
                fault = (
                    .streamHead,
                    "the head of stream \(stream) says version \(stored), which is not its last indexed version"
                )
                return false
            }
            return true
        }
        if let fault { return (last, fault) }
        if headsOfSeenStreams != lastVersion.count {
            let missing = lastVersion.keys.sorted().first { stream in
                ((try? txn.get(streamHeads, Array(stream.utf8))) ?? nil) == nil
            }
            return (last, (.streamHead, "stream \(missing ?? "?") has records but no head in stream_heads"))
        }
        let entries = try txn.count(streams)
        if UInt64(entries) != last {
            // Find an entry no record explains: its record must be in that stream at that version.
            var extra = "\(entries) entries for \(last) records"
            try txn.scan(streams, from: nil) { key, value in
                guard let zero = key.firstIndex(of: 0), key.count == zero + 9, let sequence = version(value) else {
                    extra = "a malformed entry"
                    return false
                }
                let stream = String(decoding: UnsafeRawBufferPointer(rebasing: key[..<zero]), as: UTF8.self)
                let indexed = version(UnsafeRawBufferPointer(rebasing: key[(zero + 1)...])) ?? 0
                let record = sequence >= 1 && sequence <= last ? try? self.record(sequence, in: txn) : nil
                if record?.stream != stream || record?.version != indexed {
                    extra = "stream \(stream) version \(indexed) points to record \(sequence), which is not that event"
                    return false
                }
                return true
            }
            return (last, (.streamIndex, "the stream index holds an entry no record explains: \(extra)"))
        }
        return nil
    }
}
