import EventLog
import Foundation

extension Registry {
    /// Adds, changes or removes (`new` = `nil`) the passphrase of this register's key store: every key is wrapped
    /// again under the new passphrase (or stored unwrapped), then the key store is compacted so that the old wrapping
    /// is physically gone. The old passphrase is read as for any command (`GREFFE_PASSPHRASE`,
    /// `GREFFE_PASSPHRASE_FILE`, `--passphrase-file`); a missing or wrong one throws ``PassphraseError`` and changes
    /// nothing. A register that never sealed a text has no key store (``KeyStoreError/missing(path:)``). Returns the
    /// number of keys wrapped again, and whether the key store had a passphrase before.
    @discardableResult
    public func changePassphrase(to new: String?) throws -> (keys: Int, hadPassphrase: Bool) {
        try keys.rewrap(passphrase: new)
    }

    /// The new passphrase of `privacy passphrase`: the first line of `file` when given, else `GREFFE_NEW_PASSPHRASE`,
    /// else the first line of the file named by `GREFFE_NEW_PASSPHRASE_FILE`; `nil` when none is set. Never read from
    /// the command line itself (it would stay in the shell's history and the process list).
    public static func newPassphrase(file: String?) throws -> String? {
        let environment = file.map { ["GREFFE_NEW_PASSPHRASE_FILE": $0] } ?? ProcessInfo.processInfo.environment
        return try KeyWrapping.fromEnvironment(environment, variable: "GREFFE_NEW_PASSPHRASE")
    }
}
