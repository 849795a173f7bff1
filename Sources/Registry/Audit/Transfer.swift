public import Discipline
public import EventLog
public import Foundation

/// Why an export was not loaded (`import`) or not applied to a copy (`sync`); nothing was written.
public enum TransferError: Error, Equatable, CustomStringConvertible {
    /// The export file is missing or unreadable.
    case unreadable(path: String)
    /// The first line is not the header of a Greffe export of a storage format this version writes.
    case notAnExport(Words)
    /// A pseudonymised export cannot be re-verified, so it cannot become a register.
    case pseudonymised
    /// A line of the export is unreadable, breaks the chain or does not hash to its hash (tampered, truncated).
    case invalid(sequence: UInt64, Words)
    /// The export stops before the head its header announces (a truncated file).
    case truncated(records: UInt64, announced: UInt64)
    /// The target of an import already holds something.
    case targetNotEmpty(path: String)
    /// The export and this copy hold different records at `sequence` (a diverging history).
    case diverges(sequence: UInt64)
    /// The export's first record is not this copy's: an export of another register.
    case anotherRegister
    /// A record's payload does not read as its event, so the registry cannot be rebuilt from it.
    case unreadableEvent(sequence: UInt64, Words)

    public var words: Words {
        switch self {
        case let .unreadable(path):
            return Words("export introuvable ou illisible : \(path)", "no such or unreadable export: \(path)")
        case let .notAnExport(words): return words
        case .pseudonymised:
            return Words(
                "export pseudonymisé : ses hachages ne se recalculent pas, il ne peut pas redevenir un registre ; utilisez un export complet (sans --pseudonymise)",
                "pseudonymised export: its hashes cannot be recomputed, so it cannot become a register again; use a full export (without --pseudonymise)"
            )
        case let .invalid(sequence, words):
            return Words(
                "export refusé à la séquence \(sequence) : \(words.fr) (fichier altéré ou tronqué)",
                "export refused at sequence \(sequence): \(words.en) (altered or truncated file)")
        case let .truncated(records, announced):
            return Words(
                "export tronqué : \(records) enregistrement(s) lu(s), l'en-tête en annonce \(announced)",
                "truncated export: \(records) record(s) read, the header announces \(announced)")
        case let .targetNotEmpty(path):
            return Words(
                "\(path) existe déjà et n'est pas vide ; rien n'a été remplacé (choisissez un dossier nouveau)",
                "\(path) already exists and is not empty; nothing was replaced (choose a new directory)")
        case let .diverges(sequence):
            return Words(
                "historiques divergents : l'export et cette copie diffèrent à la séquence \(sequence) ; une copie ne fait qu'avancer, rien n'a été écrit",
                "diverging histories: the export and this copy differ at sequence \(sequence); a copy only moves forward, nothing was written"
            )
        case .anotherRegister:
            return Words(
                "cet export est celui d'un autre registre (son premier enregistrement n'est pas celui de cette copie) ; rien n'a été écrit",
                "this export is another register's (its first record is not this copy's); nothing was written")
        case let .unreadableEvent(sequence, words):
            return Words(
                "enregistrement \(sequence) illisible comme événement : \(words.fr)",
                "record \(sequence) does not read as an event: \(words.en)")
        }
    }

    public var description: String { words.en }
}

/// An export read back and re-verified line by line: every record with the hash it carries, the chain checked
/// from the first record to the head the header announces.
public struct VerifiedExport: Sendable {
    public var header: ExportHeader
    public var records: [EventRecord]

    public var head: LogHead { LogHead(sequence: records.last?.sequence ?? 0, hash: records.last?.hash ?? Self.zeros) }
    static let zeros = [UInt8](repeating: 0, count: 32)

    /// Reads the export file at `path` and re-verifies it (see ``read(_:)``).
    public static func read(path: String) throws -> VerifiedExport {
        guard let data = FileManager.default.contents(atPath: path) else { throw TransferError.unreadable(path: path) }
        return try read(data)
    }

    /// Re-verifies an export while reading it: its header (not pseudonymised, storage format 1), then for each line
    /// its sequence, its link to the line before, its stream version and its recomputed hash, then that it ends at
    /// the head its header announces.
    public static func read(_ data: Data) throws -> VerifiedExport {
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        let decoder = JSONDecoder()
        guard let first = lines.next(), let header = try? decoder.decode(ExportHeader.self, from: Data(first)),
            header.format == ExportHeader.currentFormat
        else {
            throw TransferError.notAnExport(
                Words(
                    "la première ligne n'est pas l'en-tête d'un export Greffe (greffe export --format jsonl)",
                    "the first line is not the header of a Greffe export (greffe export --format jsonl)"))
        }
        guard !header.pseudonymised, header.chainVerifiable else { throw TransferError.pseudonymised }
        guard header.storageFormat == EventStore.formatVersion else {
            throw TransferError.notAnExport(
                Words(
                    "export du format de stockage \(header.storageFormat) ; cette version lit le format \(EventStore.formatVersion)",
                    "export of storage format \(header.storageFormat); this version reads format \(EventStore.formatVersion)"
                ))
        }
        var records: [EventRecord] = []
        records.reserveCapacity(Int(min(header.headSequence, 1 << 22)))
        var previous = zeros
        var versions: [String: UInt64] = [:]
        while let line = lines.next() {
            let expected = UInt64(records.count) + 1
            guard let exported = try? decoder.decode(ExportedRecord.self, from: Data(line)),
                let record = exported.record
            else {
                throw TransferError.invalid(sequence: expected, Words("ligne illisible", "unreadable line"))
            }
            guard record.sequence == expected else {
                throw TransferError.invalid(
                    sequence: expected,
                    Words(
                        "séquence \(record.sequence) au lieu de \(expected)",
                        "sequence \(record.sequence) instead of \(expected)"))
            }
            guard record.previousHash == previous else {
                throw TransferError.invalid(
                    sequence: expected, Words("chaîne rompue (prevHash)", "broken chain (prevHash)"))
            }
            guard record.recomputedHash == record.hash else {
                throw TransferError.invalid(
                    sequence: expected, Words("le hachage recalculé diffère", "the recomputed hash differs"))
            }
            guard record.version == (versions[record.stream] ?? 0) + 1 else {
                throw TransferError.invalid(
                    sequence: expected,
                    Words(
                        "version \(record.version) du flux \(record.stream) hors d'ordre",
                        "version \(record.version) of stream \(record.stream) out of order"))
            }
            versions[record.stream] = record.version
            previous = record.hash
            records.append(record)
        }
        guard UInt64(records.count) == header.headSequence, previous.hexString == header.headHash else {
            throw TransferError.truncated(records: UInt64(records.count), announced: header.headSequence)
        }
        return VerifiedExport(header: header, records: records)
    }
}

/// What `sync` did.
public struct SyncOutcome: Equatable, Sendable {
    /// Records appended (0 when the copy was already at the export's head or past it).
    public var appended: UInt64
    public var head: LogHead
    /// The export's head, when the copy is further on (an older export).
    public var exportHead: LogHead
}

extension Registry {
    /// Makes a new register in `directory` holding exactly the records of `export` (byte for byte: same hashes, same
    /// head), with its projections rebuilt from them, then verifies it. The register is built in a private folder
    /// beside `directory` and renamed into place at the end, so a refusal leaves nothing behind. Refuses a directory
    /// that exists and is not empty.
    public static func importing(
        _ export: VerifiedExport, into directory: String, rulebook: Rulebook = .cle
    ) throws
        -> LogHead
    {
        let target = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let empty =
                isDirectory.boolValue
                && ((try? FileManager.default.contentsOfDirectory(atPath: target.path))?.isEmpty ?? false)
            guard empty else { throw TransferError.targetNotEmpty(path: directory) }
        }
        let work = try privateFolder(beside: target)
        defer { try? FileManager.default.removeItem(at: work) }
        let head = try {
            let registry = Registry(store: try EventStore.create(at: work.path), rulebook: rulebook)
            try registry.appendCopies(export.records, replay: RegistryReplay(base: rulebook))
            let report = try registry.store.verify()
            if let failure = report.failure {
                throw TransferError.invalid(
                    sequence: failure.sequence,
                    Words(
                        failure.kind.french + " (" + failure.detail + ")",
                        failure.kind.english + ": " + failure.detail))
            }
            return report.storedHead
        }()
        if isDirectory.boolValue { rmdir(target.path) }
        guard rename(work.path, target.path) == 0 else { throw TransferError.targetNotEmpty(path: directory) }
        return head
    }

    /// Brings this copy up to the export's head, fast-forward only: every record the copy holds must be the export's
    /// record of the same sequence (same hash), then the export's records after the copy's head are appended byte for
    /// byte, with the projections, in one transaction. A copy already at or past the export's head is left as it is.
    public func sync(from export: VerifiedExport) throws -> SyncOutcome {
        let head = try store.head()
        var replay = RegistryReplay(base: rulebook)
        var cursor = store.records(from: 1)
        while let own = try cursor.next(), own.sequence <= head.sequence {
            let index = Int(own.sequence) - 1
            guard index < export.records.count else { break }
            guard export.records[index].hash == own.hash else {
                throw own.sequence == 1 ? TransferError.anotherRegister : TransferError.diverges(sequence: own.sequence)
            }
            try replay.fold(own)
        }
        guard export.head.sequence > head.sequence else {
            return SyncOutcome(appended: 0, head: head, exportHead: export.head)
        }
        let newer = Array(export.records[Int(head.sequence)...])
        try appendCopies(newer, replay: replay, after: head)
        rosterFactsCache = nil
        caseStateCache = CaseStateCache()
        return SyncOutcome(appended: UInt64(newer.count), head: try store.head(), exportHead: export.head)
    }

    /// Folds `copies` after what `replay` already holds and appends them with the projections of the whole log.
    func appendCopies(_ copies: [EventRecord], replay: RegistryReplay, after head: LogHead? = nil) throws {
        var replay = replay
        for record in copies {
            do {
                try replay.fold(record)
            } catch RegistryError.unreadableEvent(_, let type, let reason) {
                throw TransferError.unreadableEvent(
                    sequence: record.sequence, Words("\(type) : \(reason)", "\(type): \(reason)"))
            }
        }
        let start = head ?? LogHead(sequence: 0, hash: VerifiedExport.zeros)
        try store.appendCopies(copies, after: start, projections: try replay.projections())
    }

    /// A new private folder (0700) beside `target`, on the same file system so that the final rename is atomic.
    static func privateFolder(beside target: URL) throws -> URL {
        let folder = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw EventStoreError.permissionDenied(path: folder.deletingLastPathComponent().path)
        }
        return folder
    }
}
