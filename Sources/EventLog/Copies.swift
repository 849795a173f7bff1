import Foundation

/// Why records copied from another log (an export) were not appended; nothing was written.
public enum CopyError: Error, Equatable, CustomStringConvertible {
    /// The log no longer ends where the copied records start (someone wrote meanwhile).
    case headMoved(expected: LogHead, found: LogHead)
    /// A copied record does not follow the stored one: it does not come next, or its stream version is not the next.
    case outOfOrder(sequence: UInt64)
    /// Stored again here, the record does not hash to the hash it carried: it is not byte-identical.
    case hashDiffers(sequence: UInt64)

    public var description: String {
        switch self {
        case let .headMoved(expected, found): return "the log moved from \(expected) to \(found) meanwhile"
        case let .outOfOrder(sequence): return "record \(sequence) does not continue this log"
        case let .hashDiffers(sequence): return "record \(sequence) stored here does not have the hash it carried"
        }
    }
}

extension EventStore {
    /// Appends records read from a copy of another log (an export), each with the sequence, stream version and
    /// hash it carries, in one write transaction, provided the log still ends at `head`: every record is stored
    /// byte for byte and must hash to the hash it carried, so the two logs end with the same head hash. Then replaces
    /// every projection entry by `projections` (computed by the caller from the whole resulting log) in the same
    /// transaction. All or nothing.
    public func appendCopies(
        _ copies: [EventRecord], after head: LogHead, projections entries: [String: [UInt8]]
    ) throws {
        try EventStore.mapErrors(path: path) {
            try env.write { txn in
                let found = try readHead(txn.reader)
                guard found == head else { throw CopyError.headMoved(expected: head, found: found) }
                var sequence = head.sequence
                for copy in copies {
                    sequence += 1
                    guard copy.sequence == sequence, copy.version >= 1 else {
                        throw CopyError.outOfOrder(sequence: copy.sequence)
                    }
                    let stored: [EventRecord]
                    do {
                        stored = try append(
                            txn, stream: copy.stream, expected: .exactly(copy.version - 1), events: [copy.event])
                    } catch EventStoreError.conflict {
                        throw CopyError.outOfOrder(sequence: copy.sequence)
                    }
                    guard stored.count == 1, stored[0].hash == copy.hash, stored[0].previousHash == copy.previousHash
                    else {
                        throw CopyError.hashDiffers(sequence: copy.sequence)
                    }
                }
                let writer = ProjectionWriter(txn: txn, db: projections)
                try writer.deleteAll(prefix: "")
                for key in entries.keys.sorted() { try writer.put(key, entries[key] ?? []) }
            }
        }
    }
}
