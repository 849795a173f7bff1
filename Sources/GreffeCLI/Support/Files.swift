import EventLog
import Foundation

/// Reads a whole file, or fails with "not found" (exit 66).
func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIFailure(
            status: .notFound, fr: "fichier introuvable ou illisible : \(path)",
            en: "no such or unreadable file: \(path)")
    }
    return data
}

/// Creates `path` with owner-only permissions (0600) and writes `text`; refuses to replace an existing file, so a
/// key is never overwritten by mistake.
func writeNewPrivateFile(_ path: String, _ text: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
        if errno == EEXIST {
            throw CLIFailure(
                status: .usage, fr: "\(path) existe déjà ; rien n'a été remplacé",
                en: "\(path) already exists; nothing was replaced")
        }
        throw CLIFailure(status: .storeError, fr: "impossible de créer \(path)", en: "cannot create \(path)")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
        guard fchmod(descriptor, 0o600) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        try handle.write(contentsOf: Data(text.utf8))
        try handle.synchronize()
    } catch {
        throw CLIFailure(status: .storeError, fr: "impossible d'écrire \(path)", en: "cannot write \(path)")
    }
}

/// Writes `text` to `path` (created or replaced atomically: a temporary file beside it, then a rename). The file is
/// the owner's only (0600) whatever the umask — dossiers, exports, calendars and receipts carry names — unless
/// `shared` (a public key), which gives 0644.
func writeFile(_ path: String, _ text: String, shared: Bool = false) throws {
    try writeFile(path, Data(text.utf8), shared: shared)
}

/// Writes `data` to `path` as `writeFile(_:_:shared:)` writes a text (a PDF, say).
func writeFile(_ path: String, _ data: Data, shared: Bool = false) throws {
    let mode: mode_t = shared ? 0o644 : 0o600
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, mode)
    guard descriptor >= 0 else {
        throw CLIFailure(status: .storeError, fr: "impossible de créer \(path)", en: "cannot create \(path)")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
        guard fchmod(descriptor, mode) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    } catch {
        unlink(temporary)
        throw CLIFailure(status: .storeError, fr: "impossible d'écrire \(path)", en: "cannot write \(path)")
    }
}

/// Writes lines to a new or truncated file through a buffer, so a large export needs neither memory nor a system
/// call per line. The file is the owner's only (0600), whatever the umask and whatever it was before.
final class LineFile {
    let path: String
    let handle: FileHandle
    var buffer = Data()

    init(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0, fchmod(descriptor, 0o600) == 0 else {
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw CLIFailure(status: .storeError, fr: "impossible de créer \(path)", en: "cannot create \(path)")
        }
        self.path = path
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered and closes the file.
    func close() throws {
        try flush()
        try? handle.close()
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CLIFailure(status: .storeError, fr: "impossible d'écrire \(path)", en: "cannot write \(path)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A hex key given on the command line, or the first word of the file it names.
func keyArgument(_ value: String) throws -> String {
    if [UInt8](hexString: value)?.count == 32 { return value.lowercased() }
    let text = String(decoding: try readFile(value), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
}

/// A progress bar on standard error, drawn only when standard error is a terminal and the work is large.
struct ProgressBar {
    let enabled: Bool

    init(total: UInt64, threshold: UInt64 = 50_000) {
        enabled = total >= threshold && isatty(STDERR_FILENO) == 1
    }

    func draw(_ label: String, done: UInt64, total: UInt64) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = Int(min(done, total) * UInt64(width) / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(
            Data("\r[\(bar)] \(min(done, total) * 100 / total)% \(label) \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
