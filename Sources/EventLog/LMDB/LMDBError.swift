import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A return code from the LMDB C library, kept as a value so unknown codes survive.
///
/// Mirrors the error codes of `lmdb.h`; `description` is LMDB's own text (`mdb_strerror`).
/// Callers can match a named code: `catch LMDBError.mapFull { … }`. LMDB also returns the system's `errno` values
/// (a missing folder, a read-only disk…); those are named from the C library's own constants, never as numbers.
public struct LMDBError: Error, RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let keyExists = LMDBError(rawValue: MDB_KEYEXIST)
    public static let notFound = LMDBError(rawValue: MDB_NOTFOUND)
    public static let corrupted = LMDBError(rawValue: MDB_CORRUPTED)
    public static let versionMismatch = LMDBError(rawValue: MDB_VERSION_MISMATCH)
    public static let invalid = LMDBError(rawValue: MDB_INVALID)
    public static let mapFull = LMDBError(rawValue: MDB_MAP_FULL)
    public static let mapResized = LMDBError(rawValue: MDB_MAP_RESIZED)
    public static let readersFull = LMDBError(rawValue: MDB_READERS_FULL)
    public static let operationNotPermitted = LMDBError(rawValue: EPERM)
    public static let permissionDenied = LMDBError(rawValue: EACCES)
    public static let noSuchFile = LMDBError(rawValue: ENOENT)
    public static let readOnlyFileSystem = LMDBError(rawValue: EROFS)
    public static let ioError = LMDBError(rawValue: EIO)
    public static let noSpace = LMDBError(rawValue: ENOSPC)
    public static let quotaExceeded = LMDBError(rawValue: EDQUOT)

    public var description: String { String(cString: mdb_strerror(rawValue)) }

    public static func ~= (pattern: LMDBError, value: any Error) -> Bool {
        (value as? LMDBError) == pattern
    }
}

/// Turns an LMDB return code into a thrown `LMDBError`; every `mdb_*` call that returns a code goes through here.
@inline(__always)
func check(_ rc: Int32) throws(LMDBError) {
    if rc != 0 { throw LMDBError(rawValue: rc) }
}
