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

extension Environment {
    /// Writes a compacted copy of the environment into the existing, empty directory `path` (`data.mdb` only): free
    /// pages are left out, so bytes deleted before the copy are not in it.
    /// See http://www.lmdb.tech/doc/group__mdb.html#ga3bf50d7793b36aaddf6b481a44e24244 (`mdb_env_copy2`).
    func copyCompacted(toDirectory path: String) throws(LMDBError) {
        try check(mdb_env_copy2(handle, path, UInt32(MDB_CP_COMPACT)))
    }

    /// The device and inode of the data file this environment has open (to notice it was replaced under it).
    func dataFileIdentity() throws(LMDBError) -> (device: UInt64, inode: UInt64) {
        var descriptor: Int32 = -1
        try check(mdb_env_get_fd(handle, &descriptor))
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LMDBError(rawValue: errno) }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}
