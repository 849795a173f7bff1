import Foundation

/// What the two meta pages at the start of an LMDB data file say, read with plain file reads before LMDB maps the
/// file: a file shorter than the pages its meta pages claim would be mapped past its end, and the first read of such a
/// page kills the process (SIGBUS) instead of returning an error.
///
/// The layout read here is LMDB 0.9's data format on a 64-bit machine, in the machine's byte order: page 0 and page 1
/// are meta pages; each starts with a 16-byte page header whose flags (u16 at offset 10) include `P_META` (0x08),
/// followed by the meta data: magic `0xBEEFC0DE` (u32, offset 16), data version 1 (u32, offset 20), the page size
/// (the first database record's pad field, u32 at offset 40), the last page number in use (u64 at offset 136) and the
/// id of the transaction that wrote the page (u64 at offset 144). The meta page with the larger transaction id is
/// the current one.
struct DataFileMeta: Equatable {
    var pageSize: Int
    var lastPage: UInt64
    var transaction: UInt64

    /// Bytes the file must hold at least: every page up to and including the last one.
    var requiredSize: UInt64 { (lastPage + 1) * UInt64(pageSize) }

    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1
    static let metaFlag: UInt16 = 0x08

    enum Fault: Error, Equatable {
        /// The file is empty: an environment that was never initialised.
        case empty
        /// The file does not start with LMDB meta pages.
        case notLMDB
        /// An LMDB file of another data version (or byte order).
        case incompatible
        /// The file ends before a page its meta page names.
        case truncated(size: UInt64, needed: UInt64)
    }

    /// Reads one meta page at `offset` of `bytes`; `nil` when it is not a valid meta page.
    static func meta(in bytes: [UInt8], at offset: Int) -> (meta: DataFileMeta?, foreign: Bool) {
        guard bytes.count >= offset + 152 else { return (nil, false) }
        return bytes.withUnsafeBytes { raw in
            let flags = raw.loadUnaligned(fromByteOffset: offset + 10, as: UInt16.self)
            let magic = raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)
            let version = raw.loadUnaligned(fromByteOffset: offset + 20, as: UInt32.self)
            guard flags & metaFlag != 0 else { return (nil, false) }
            guard magic == DataFileMeta.magic, version == dataVersion else {
                // The magic in the other byte order, or another data version: LMDB, but not one this build reads.
                return (nil, magic == DataFileMeta.magic || magic == DataFileMeta.magic.byteSwapped)
            }
            let pageSize = Int(raw.loadUnaligned(fromByteOffset: offset + 40, as: UInt32.self))
            let lastPage = raw.loadUnaligned(fromByteOffset: offset + 136, as: UInt64.self)
            let transaction = raw.loadUnaligned(fromByteOffset: offset + 144, as: UInt64.self)
            // LMDB's page sizes are powers of two from 512 bytes (its minimum) to 64 KiB (its maximum).
            guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0, lastPage >= 1,
                lastPage < UInt64.max / 65_536
            else { return (nil, false) }
            return (DataFileMeta(pageSize: pageSize, lastPage: lastPage, transaction: transaction), false)
        }
    }

    /// Checks the data file at `path` against its meta pages: the current meta page must be readable and the file
    /// must reach the end of the last page it names. Reads the meta pages first, then the file's size: LMDB writes
    /// a transaction's pages before the meta page that names them, so a writer working meanwhile only makes the file
    /// longer than needed.
    static func check(path: String) throws -> DataFileMeta {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LMDBError(rawValue: errno) }
        defer { close(descriptor) }
        // The second meta page starts at the page size, at most 64 KiB: read enough for both.
        var head = [UInt8](repeating: 0, count: 65_536 + 152)
        var filled = 0
        while filled < head.count {
            let count = head.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return pread(descriptor, base + filled, buffer.count - filled, off_t(filled))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw LMDBError(rawValue: errno)
            }
            if count == 0 { break }
            filled += count
        }
        head.removeSubrange(filled...)
        if head.isEmpty { throw Fault.empty }
        let (first, firstForeign) = meta(in: head, at: 0)
        guard let first else { throw firstForeign ? Fault.incompatible : Fault.notLMDB }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LMDBError(rawValue: errno) }
        let size = UInt64(max(status.st_size, 0))
        guard size >= UInt64(2 * first.pageSize) else {
            throw Fault.truncated(size: size, needed: UInt64(2 * first.pageSize))
        }
        let (second, _) = meta(in: head, at: first.pageSize)
        var current = first
        if let second, second.pageSize == first.pageSize, second.transaction > first.transaction { current = second }
        guard size >= current.requiredSize else { throw Fault.truncated(size: size, needed: current.requiredSize) }
        return current
    }

    /// Size of LMDB's lock file for its default of 126 readers: a 192-byte header (three 64-byte cache lines,
    /// the first reader slot included) and 125 more 64-byte reader slots.
    static let lockFileSize = 8192

    /// Creates the lock file (or takes the existing one) with its blocks allocated, at least `lockFileSize` bytes.
    /// LMDB maps the lock file and writes into that map; on a full file system, a page of it without a block behind
    /// kills the process (SIGBUS) where a write would have failed with "no space left". A lock file made by LMDB itself
    /// (an older Greffe, or one deleted and made again) is sparse. Allocating first turns that into an error; a lock
    /// file already allocated needs no space, so this only fails when the crash would have come.
    static func allocateLockFile(directory: String) throws(LMDBError) {
        let path = directory + "/lock.mdb"
        let descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw LMDBError(rawValue: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LMDBError(rawValue: errno) }
        let rc = posix_fallocate(descriptor, 0, max(status.st_size, off_t(lockFileSize)))
        if rc != 0 { throw LMDBError(rawValue: rc) }
    }
}
