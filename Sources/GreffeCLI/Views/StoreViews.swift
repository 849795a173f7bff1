import EventLog

// What the store-level commands print with --json. The key names are part of the documented output (docs/cli.md):
// change them only with the docs and the tests.

/// A head of the log: `{"hash": …, "sequence": …}`.
struct HeadView: Encodable {
    var sequence: UInt64
    var hash: String

    init(_ head: LogHead) {
        sequence = head.sequence
        hash = head.hash.hexString
    }
}

/// `greffe backup --json`.
struct BackupView: Encodable {
    var file: String
    var records: UInt64
    var bytes: UInt64
    var head: HeadView
    /// The key store's copy beside it (`FILE.keys`), when the register has keys.
    var keysFile: String?
}

/// `greffe restore --json` and `greffe import --json`: the store made and what it holds.
struct StoreMadeView: Encodable {
    var store: String
    var records: UInt64
    var head: HeadView
    /// The key store restored from the backup's `FILE.keys`, if it had one.
    var keys: String? = nil
}

/// `greffe sync --json`.
struct SyncView: Encodable {
    var appended: UInt64
    var head: HeadView
}

/// `greffe log reindex --json`.
struct ReindexView: Encodable {
    var entries: Int
    var changed: Int
    var head: HeadView
}

/// An act whose idempotency key was already used: nothing new was written.
struct AlreadyAppliedView: Encodable {
    var alreadyApplied = true
    var commandId: String
    var sequence: UInt64
}

/// One line of `greffe agenda --json`.
struct AgendaItemView: Encodable {
    var subject: String
    var rule: String
    var labelFr: String
    var labelEn: String
    /// `YYYY-MM-DD`.
    var due: String
    var daysLeft: Int
    var overdue: Bool
    var waiting: Bool
    var bindsAssociation: Bool
}

/// `greffe log verify --json`.
struct LogVerifyView: Encodable {
    struct Failure: Encodable {
        var sequence: UInt64
        var kind: String
        var detail: String
    }

    var ok: Bool
    var recordsChecked: UInt64
    var startSequence: UInt64
    var head: HeadView
    var failure: Failure?
}
