public import Discipline
public import EventLog
public import Foundation

/// Everything the application can refuse or fail with, beyond the event log's own errors.
public enum RegistryError: Error, Equatable {
    /// A rule of the règlement refuses the act; nothing was written.
    case refused(Refusal)
    case unknownCase(CaseID)
    /// A new case's id is not of the documented form (`2026-001`); nothing was written.
    case malformedCaseID(CaseID)
    case unknownMember(MemberID)
    /// The recorder named (`--as`, `GREFFE_ACTOR`, `"as"`) is not on the roster; nothing was written.
    case unknownRecorder(MemberID)
    /// A stored event could not be read back as a domain event.
    case unreadableEvent(sequence: UInt64, type: String, reason: Words)
    /// A command id already used for an act of another case; nothing was written.
    case commandIdReused(commandId: String, caseID: CaseID)
    /// An idempotency key that cannot be one (empty, too long, control characters: `CommandIdentifier`); nothing
    /// was written.
    case invalidCommandId(String)
    /// The roster file or rows are malformed; nothing was written.
    case rosterImport(RosterImportError)
    /// The roster or who sits in judgement (R13, R17) changed, by another writer, between reading those facts and
    /// writing the act decided on them: nothing was written; decide again.
    case factsChanged(caseID: CaseID)
    /// The log fails its verification (first fault given): an export of it is refused, nothing was written.
    case notVerifiable(VerificationFailure)
    /// A case's complaint names a procedure rulebook version this store never adopted.
    case unknownRulebook(RulebookRef, caseID: CaseID)
    /// A withdrawal or a correction names a record the log does not hold; nothing was written.
    case unknownRecord(UInt64)
}

/// Who records an act and when: the clock is read here, at the edge, never in the domain.
public struct Recording: Sendable {
    public var actor: String
    public var recordedAt: Date
    /// The day of recording when the caller fixes it (`GREFFE_TODAY`: tests, demos, documentation); otherwise the day
    /// of `recordedAt` in the rulebook's time zone. No act may be dated after it.
    public var today: Day?
    /// The idempotency key of a path act (`--id`), stored as the records' causation id: an act whose key was already
    /// applied is not recorded again (``CommandAlreadyApplied``). Case acts carry theirs in the command.
    public var commandId: String?
    public init(actor: String, recordedAt: Date = Date(), today: Day? = nil, commandId: String? = nil) {
        self.actor = actor
        self.recordedAt = recordedAt
        self.today = today
        self.commandId = commandId
    }

    var milliseconds: Int64 { Int64((recordedAt.timeIntervalSince1970 * 1000).rounded()) }

    /// The day of recording: `today` when given, else the day of `recordedAt` in `timeZone` (an unknown zone reads as
    /// UTC).
    public func day(inTimeZone timeZone: String) -> Day {
        if let today { return today }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: recordedAt)
        return parts.year.flatMap { y in
            parts.month.flatMap { m in parts.day.flatMap { Day(year: y, month: m, day: $0) } }
        }
            ?? Day(dayNumber: Int((recordedAt.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}

/// The application: loads a stream, gathers the roster facts, asks the domain to decide, and appends the events with
/// the version it read, keeping the projections in the same write transaction.
public final class Registry {
    public let store: EventStore
    /// The procedure rulebook in force until another version is adopted (R34; see `procedureRulebooks()`): every case
    /// keeps the version its complaint recorded.
    public let rulebook: Rulebook
    /// Roster facts kept between commands (see ``RosterFactsCache``); checked against the store on every use.
    var rosterFactsCache: RosterFactsCache?
    /// Tests only: every case act is decided twice, on the members it reads and on the whole roster, and a
    /// difference is an error (see ``membersRead(by:on:)``).
    var crossCheckFacts = false
    /// The last cases a command was decided for, with the stream version their state was folded at.
    var caseStateCache = CaseStateCache()
    /// Runs between a case command's decision and its append: a seam for the tests that race another writer there.
    var willAppend: (() throws -> Void)?
    /// The procedure rulebooks, with the `registry` stream version they were read at.
    var procedureCache: (version: UInt64, rulebooks: ProcedureRulebooks)?

    /// The register's keys (per person, per case), in their own key store: `keysPath`, by default `STORE/keys`.
    public let keys: RegisterKeys

    public init(store: EventStore, rulebook: Rulebook = .cle, keysPath: String? = nil) {
        self.store = store
        self.rulebook = rulebook
        self.keys = RegisterKeys(path: keysPath ?? Registry.defaultKeysPath(ofStore: store.path), log: store)
    }

    /// Where a store's key store lives unless told otherwise: the `keys` folder inside the store's directory.
    public static func defaultKeysPath(ofStore path: String) -> String { path + "/keys" }

    /// Stream ids: one stream per case and per member.
    public static func stream(of id: CaseID) -> String { "case/" + id.rawValue }
    public static func stream(of id: MemberID) -> String { "member/" + id.rawValue }

    func envelope(
        type: String, schemaVersion: Int, on day: Day, payload: Data, recording: Recording,
        correlation: String = "", causation: String = ""
    ) -> NewEvent {
        NewEvent(
            type: type, schemaVersion: UInt32(schemaVersion), occurredOn: day.description,
            recordedAt: recording.milliseconds, actor: recording.actor, correlationId: correlation,
            causationId: causation.isEmpty ? (recording.commandId ?? "") : causation, payload: payload)
    }

    /// The payload of `type` to append as version `version` of `stream`, its texts sealed under the key of the
    /// stream's subject (made first when missing), and the event read back from it, sealed, for the projections.
    func sealedPayload<Event>(
        stream: String, version: UInt64, type: String, encode: ((any FieldSealer)?) throws -> Data,
        decode: (Data) throws -> Event
    ) throws -> (payload: Data, event: Event) {
        let payload = try encode(try keys.sealer(forStream: stream, version: version, type: type))
        return (payload, try decode(payload))
    }

    /// Refuses an act dated after the day it is recorded (`FutureAct`, rule `order`): nothing is written.
    func refuseFutureAct(on day: Day, _ recording: Recording, timeZone: String? = nil) throws {
        if let refusal = FutureAct.refusal(day, today: recording.day(inTimeZone: timeZone ?? rulebook.timeZone)) {
            throw RegistryError.refused(refusal)
        }
    }

    static func day(of record: EventRecord) throws -> Day {
        guard let day = Day(canonical: record.event.occurredOn) else {
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type,
                reason: Words(
                    "occurredOn \(record.event.occurredOn) n'est pas un jour écrit AAAA-MM-JJ",
                    "occurredOn \(record.event.occurredOn) is not a day written YYYY-MM-DD"))
        }
        return day
    }

    /// The day and the event of `record`, the payload read by `decode`; a record that cannot be read is reported with
    /// its sequence and type (what every stream's loader does with a record).
    static func dayAndEvent<Event>(
        _ record: EventRecord, _ decode: (String, Data) throws -> Event
    ) throws
        -> (on: Day, event: Event)
    {
        do {
            return (try day(of: record), try decode(record.type, record.payload))
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type, reason: readingWords(error))
        }
    }

    /// The first free id of a path's stream in `year`: `2026-M001`, `2026-M002`… (`letter` names the path).
    static func nextPathID(year: Int, letter: Character, taken: Set<String>) -> String {
        var n = 1
        while taken.contains(String(format: "%04d-\(letter)%03d", year, n)) { n += 1 }
        return String(format: "%04d-\(letter)%03d", year, n)
    }
}

@available(*, unavailable)
extension Registry: Sendable {}

/// The fold (and so the state) of the last few cases commands were decided for, keyed by stream version.
///
/// Sound across processes: a stream is append-only, so the state folded at version v is the state of any reader that
/// finds the stream at version v; a command checks the version first, and the append checks it again in its write
/// transaction. It spares decoding the whole stream for every command of a session (`greffe apply`, a long-running
/// process): the stream's JSON decoding was most of a single act's own work (docs/performance.md).
struct CaseStateCache {
    private var entries: [CaseID: (fold: CaseFold, version: UInt64)] = [:]
    static let capacity = 64

    /// The fold of case `id` at stream version `version`, when it is the one kept.
    func fold(of id: CaseID, at version: UInt64) -> CaseFold? {
        guard let entry = entries[id], entry.version == version else { return nil }
        return entry.fold
    }

    func state(of id: CaseID, at version: UInt64) -> CaseState? { fold(of: id, at: version)?.state }

    mutating func forget(_ id: CaseID) { entries[id] = nil }

    mutating func remember(_ id: CaseID, fold: CaseFold, version: UInt64) {
        if entries[id] == nil, entries.count >= CaseStateCache.capacity { entries.removeAll(keepingCapacity: true) }
        entries[id] = (fold, version)
    }
}
