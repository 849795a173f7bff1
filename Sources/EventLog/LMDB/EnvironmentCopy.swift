import CLMDB
import Foundation

extension Environment {
    /// Writes a consistent copy of the whole environment to the open file `descriptor`, compacted (free pages left
    /// out, pages renumbered): LMDB reads it in one read transaction, so writers may go on meanwhile and the copy is
    /// the environment as of one commit.
    /// See http://www.lmdb.tech/doc/group__mdb.html#ga5d51d6130325f7353db0955dbedbc378 (`mdb_env_copyfd2`).
    func copy(toDescriptor descriptor: Int32) throws(LMDBError) {
        try check(mdb_env_copyfd2(handle, descriptor, UInt32(MDB_CP_COMPACT)))
    }
}

/// What the two meta pages at the start of an LMDB data file say about it, read without mapping the file.
///
/// Mapping a file shorter than its meta page says makes any read past its end stop the process (SIGBUS); a backup
/// cut short by a full disk or a partial transfer must be refused before LMDB opens it. Layout of `mdb.c` (LMDB
/// 0.9, 64-bit): a 16-byte page header, then `mm_magic` u32, `mm_version` u32, `mm_address`, `mm_mapsize`, two
/// 48-byte `MDB_db` (the first one's `md_pad` is the page size), `mm_last_pg`, `mm_txnid`; native byte order.
struct LMDBDataFile {
    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1

    let pageSize: Int
    let lastPage: UInt64
    let fileSize: UInt64

    /// The size the file must have at least: every page up to the last one the newest meta page names.
    var neededSize: UInt64 { (lastPage + 1) * UInt64(pageSize) }

    enum Problem: Error, Equatable {
        case unreadable
        case notLMDB
        case truncated(size: UInt64, needed: UInt64)
    }

    /// Reads the meta pages of the file at `path`; refuses a file that is not LMDB or that is shorter than its
    /// newest meta page says.
    static func inspect(_ path: String) throws(Problem) -> LMDBDataFile {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { throw .unreadable }
        guard (try? handle.seek(toOffset: 0)) != nil, let head = try? handle.read(upToCount: 16 + 136) else {
            throw .unreadable
        }
        guard let first = meta(Array(head)) else { throw .notLMDB }
        let pageSize = first.pageSize
        guard pageSize >= 512, pageSize <= 1 << 16, pageSize & (pageSize - 1) == 0 else { throw .notLMDB }
        var newest = first
        if size >= UInt64(pageSize) + 152, (try? handle.seek(toOffset: UInt64(pageSize))) != nil,
            let second = try? handle.read(upToCount: 152), let other = meta(Array(second)), other.txnid > first.txnid
        {
            newest = other
        }
        let file = LMDBDataFile(pageSize: pageSize, lastPage: newest.lastPage, fileSize: size)
        guard size >= file.neededSize, size >= UInt64(2 * pageSize) else {
            throw .truncated(size: size, needed: max(file.neededSize, UInt64(2 * pageSize)))
        }
        return file
    }

    private static func meta(_ page: [UInt8]) -> (pageSize: Int, lastPage: UInt64, txnid: UInt64)? {
        guard page.count >= 152 else { return nil }
        func integer<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            var value: T = 0
            for i in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(page[offset + i]) }
            return value  // little-endian, as LMDB writes it on the machines Greffe runs on
        }
        guard integer(16, UInt32.self) == magic, integer(20, UInt32.self) == dataVersion else { return nil }
        return (Int(integer(40, UInt32.self)), integer(136, UInt64.self), integer(144, UInt64.self))
    }
}
