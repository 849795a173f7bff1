import Foundation

/// Why a backup or a restore did not happen; in each case nothing was left at the target.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// The backup file already exists: nothing is ever replaced.
    case targetExists(path: String)
    /// The directory a restore would make a store of exists and is not empty.
    case storeExists(path: String)
    /// Writing failed (a full disk, a file-size limit, permissions); `reason` is the system's message.
    case cannotWrite(path: String, reason: String)
    /// The file to restore is missing or unreadable.
    case unreadable(path: String)
    /// The file is not an LMDB data file.
    case notABackup(path: String)
    /// The file is shorter than its own header says: cut short by a full disk or a partial transfer.
    case truncated(path: String, size: UInt64, needed: UInt64)
    /// The copy's chain does not verify (a tampered or damaged file).
    case verificationFailed(VerificationFailure)

    public var description: String {
        switch self {
        case let .targetExists(path): return "\(path) already exists; nothing was replaced"
        case let .storeExists(path): return "\(path) already exists and is not empty; nothing was replaced"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .unreadable(path): return "cannot read \(path)"
        case let .notABackup(path): return "\(path) is not a Greffe backup (not an LMDB data file)"
        case let .truncated(path, size, needed):
            return "\(path) is truncated: \(size) bytes, its header needs \(needed)"
        case let .verificationFailed(failure): return "the copy does not verify: \(failure)"
        }
    }
}

/// What a backup or a restore produced, verified.
public struct BackupReport: Equatable, Sendable {
    public var head: LogHead
    public var records: UInt64
    public var bytes: UInt64
}

extension EventStore {
    /// Writes a consistent, compacted copy of the store to the new file `path` (0600) while others may be writing,
    /// then verifies the copy's chain before putting it in place. The copy is made in a private folder beside
    /// `path` and linked to `path` only once verified, so a failure (full disk, damaged copy) leaves nothing at
    /// `path`, and an existing file is never replaced. The file is a `data.mdb`: `restore` makes a store of it.
    public func backup(to path: String) throws -> BackupReport {
        try BackupFiles.compactedCopy(of: env, to: path) { work, copy in
            try BackupFiles.verifiedCopy(at: work, file: copy)
        }
    }

    /// Makes a store in the directory `directory` from the backup file `file`, after checking the file and
    /// verifying its chain in a private folder beside `directory`; refuses a directory that exists (unless empty),
    /// and leaves nothing behind when it refuses.
    public static func restore(backup file: String, to directory: String) throws -> BackupReport {
        let target = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let empty =
                isDirectory.boolValue
                && ((try? FileManager.default.contentsOfDirectory(atPath: target.path))?.isEmpty ?? false)
            guard empty else { throw BackupError.storeExists(path: directory) }
        }
        guard FileManager.default.isReadableFile(atPath: file) else { throw BackupError.unreadable(path: file) }
        try BackupFiles.checkDataFile(file)
        let work = try BackupFiles.temporaryFolder(beside: target)
        defer { BackupFiles.remove(work) }
        let copy = work.appendingPathComponent("data.mdb").path
        try BackupFiles.copyFile(file, to: copy, reportedAs: directory)
        let report = try BackupFiles.verifiedCopy(at: work, file: copy)
        if isDirectory.boolValue { rmdir(target.path) } // the empty directory the store replaces
        guard rename(work.path, target.path) == 0 else {
            if errno == EEXIST || errno == ENOTEMPTY { throw BackupError.storeExists(path: directory) }
            throw BackupError.cannotWrite(path: directory, reason: BackupFiles.lastError())
        }
        BackupFiles.syncFolder(of: target)
        return report
    }
}

/// The file-system steps backup and restore share.
enum BackupFiles {
    /// Writes a compacted copy of `env` as `data.mdb` in a private folder beside the new file `path` (0600, synced),
    /// runs `check` on it (folder, file), then links it to `path`. A failure leaves nothing at `path`, and an existing
    /// file is never replaced: `link(2)` refuses a name that appeared meanwhile.
    static func compactedCopy<T>(
        of env: Environment, to path: String,
        check: (URL, String) throws -> T
    ) throws -> T {
        let target = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: target.path) { throw BackupError.targetExists(path: path) }
        let work = try temporaryFolder(beside: target)
        defer { remove(work) }
        let copy = work.appendingPathComponent("data.mdb").path
        let descriptor = Foundation.open(copy, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw BackupError.cannotWrite(path: path, reason: lastError()) }
        do {
            defer { close(descriptor) }
            do {
                try env.copy(toDescriptor: descriptor)
            } catch {
                throw BackupError.cannotWrite(path: path, reason: String(cString: strerror(error.rawValue)))
            }
            guard fsync(descriptor) == 0 else { throw BackupError.cannotWrite(path: path, reason: lastError()) }
        }
        let checked = try check(work, copy)
        guard link(copy, target.path) == 0 else {
            if errno == EEXIST { throw BackupError.targetExists(path: path) }
            throw BackupError.cannotWrite(path: path, reason: lastError())
        }
        syncFolder(of: target)
        return checked
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    /// A new private folder (0700) beside `target`, on the same file system so that the final link or rename is
    /// atomic.
    static func temporaryFolder(beside target: URL) throws -> URL {
        let parent = target.deletingLastPathComponent()
        var template = Array(parent.appendingPathComponent(".\(target.lastPathComponent).tmp-XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw BackupError.cannotWrite(path: target.path, reason: lastError()) }
        let path = template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return URL(fileURLWithPath: String(decoding: path, as: UTF8.self))
    }

    /// Copies `source` to the new file `destination` (0600) and syncs it; a write error names `reportedAs`.
    static func copyFile(_ source: String, to destination: String, reportedAs: String) throws {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw BackupError.unreadable(path: source) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard output >= 0 else { throw BackupError.cannotWrite(path: reportedAs, reason: lastError()) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else { throw BackupError.unreadable(path: source) }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes {
                    write(output, $0.baseAddress.map { $0 + written }, count - written)
                }
                guard step > 0 else { throw BackupError.cannotWrite(path: reportedAs, reason: lastError()) }
                written += step
            }
        }
        guard fsync(output) == 0 else { throw BackupError.cannotWrite(path: reportedAs, reason: lastError()) }
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Refuses a file that is not an LMDB data file or that is shorter than its header says.
    static func checkDataFile(_ path: String) throws {
        do {
            _ = try DataFileMeta.check(path: path)
        } catch DataFileMeta.Fault.truncated(let size, let needed) {
            throw BackupError.truncated(path: path, size: size, needed: needed)
        } catch is DataFileMeta.Fault {
            throw BackupError.notABackup(path: path)
        } catch {
            throw BackupError.unreadable(path: path)
        }
    }

    /// Opens the store made of `file` in `folder` and walks its chain; the store is closed on return.
    static func verifiedCopy(at folder: URL, file: String) throws -> BackupReport {
        try checkDataFile(file)
        let store = try EventStore.open(at: folder.path)
        let report = try store.verify()
        if let failure = report.failure { throw BackupError.verificationFailed(failure) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.uint64Value ?? 0
        return BackupReport(head: report.storedHead, records: report.recordsChecked, bytes: size)
    }

    static func syncFolder(of target: URL) {
        let descriptor = open(target.deletingLastPathComponent().path, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}

extension KeyStore {
    /// Writes a compacted copy of the key store to the new file `path` (0600): the keys that go with a backup of the
    /// log. Made in a private folder beside `path`, opened back as a key store to check it, then linked to `path`; a
    /// failure leaves nothing at `path`, and an existing file is never replaced.
    public func backup(to path: String) throws -> UInt64 {
        try BackupFiles.compactedCopy(of: env, to: path) { work, copy in
            _ = try KeyStore.open(at: work.path, readOnly: true)
            return (try? FileManager.default.attributesOfItem(atPath: copy)[.size] as? NSNumber)?.uint64Value ?? 0
        }
    }

    /// Makes the key store in the new directory `directory` (0700, its file 0600) from the keys file `file` of a
    /// backup, after opening the copy as a key store in a private folder beside it; refuses a directory that holds a
    /// key store, and leaves nothing behind when it refuses.
    public static func restore(backup file: String, to directory: String) throws {
        let target = URL(fileURLWithPath: directory)
        if exists(at: directory) { throw BackupError.storeExists(path: directory) }
        guard FileManager.default.isReadableFile(atPath: file) else { throw BackupError.unreadable(path: file) }
        try BackupFiles.checkDataFile(file)
        let work = try BackupFiles.temporaryFolder(beside: target)
        defer { BackupFiles.remove(work) }
        let copy = work.appendingPathComponent("data.mdb").path
        try BackupFiles.copyFile(file, to: copy, reportedAs: directory)
        _ = try KeyStore.open(at: work.path, readOnly: true)
        // An empty directory (made by hand) is replaced; a non-empty one was refused above or is refused here.
        rmdir(target.path)
        guard rename(work.path, target.path) == 0 else {
            if errno == EEXIST || errno == ENOTEMPTY { throw BackupError.storeExists(path: directory) }
            throw BackupError.cannotWrite(path: directory, reason: BackupFiles.lastError())
        }
        BackupFiles.syncFolder(of: target)
    }
}
