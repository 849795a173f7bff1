import CLMDB
public enum EventLogModule { public static var lmdbVersion: String { String(cString: mdb_version(nil, nil, nil)) } }
