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
