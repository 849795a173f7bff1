import Discipline
import EventLog
import Foundation

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
    case unreadableEvent(sequence: UInt64, type: String, reason: String)
    /// A command id already used for an act of another case; nothing was written.
    case commandIdReused(commandId: String, caseID: CaseID)
    /// The roster file or rows are malformed; nothing was written.
    case rosterImport(RosterImportError)
    /// The roster or who sits in judgement (R13, R17) changed, by another writer, between reading those facts and
    /// writing the act decided on them: nothing was written; decide again.
    case factsChanged(caseID: CaseID)
    /// A case's complaint names a procedure rulebook version this store never adopted.
    case unknownRulebook(RulebookRef, caseID: CaseID)
}

/// Who records an act and when: the clock is read here, at the edge, never in the domain.
public struct Recording: Sendable {
    public var actor: String
    public var recordedAt: Date
    public init(actor: String, recordedAt: Date = Date()) {
        self.actor = actor
        self.recordedAt = recordedAt
    }

    var milliseconds: Int64 { Int64((recordedAt.timeIntervalSince1970 * 1000).rounded()) }
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
    /// The last cases a command was decided for, with the stream version their state was folded at.
    var caseStateCache = CaseStateCache()
    /// Runs between a case command's decision and its append: a seam for the tests that race another writer there.
    var willAppend: (() throws -> Void)?
    /// The procedure rulebooks, with the `registry` stream version they were read at.
    var procedureCache: (version: UInt64, rulebooks: ProcedureRulebooks)?

    public init(store: EventStore, rulebook: Rulebook = .cle) {
        self.store = store
        self.rulebook = rulebook
    }

    /// Stream ids: one stream per case and per member.
    public static func stream(of id: CaseID) -> String { "case/" + id.rawValue }
    public static func stream(of id: MemberID) -> String { "member/" + id.rawValue }

    func envelope(type: String, schemaVersion: Int, on day: Day, payload: Data, recording: Recording,
                  correlation: String = "", causation: String = "") -> NewEvent {
        NewEvent(
            type: type, schemaVersion: UInt32(schemaVersion), occurredOn: day.description,
            recordedAt: recording.milliseconds, actor: recording.actor, correlationId: correlation,
            causationId: causation, payload: payload)
    }

    static func day(of record: EventRecord) throws -> Day {
        guard let day = Day(record.event.occurredOn) else {
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type, reason: "occurredOn \(record.event.occurredOn) is not a day")
        }
        return day
    }
}

@available(*, unavailable)
extension Registry: Sendable {}

/// The state of the last few cases commands were decided for, keyed by stream version.
///
/// Sound across processes: a stream is append-only, so the state folded at version v is the state of any reader that
/// finds the stream at version v; a command checks the version first, and the append checks it again in its write
/// transaction. It spares decoding the whole stream for every command of a session (`greffe apply`, a long-running
/// process): the stream's JSON decoding was most of a single act's own work (docs/performance.md).
struct CaseStateCache {
    private var entries: [CaseID: (state: CaseState, version: UInt64)] = [:]
    static let capacity = 64

    func state(of id: CaseID, at version: UInt64) -> CaseState? {
        guard let entry = entries[id], entry.version == version else { return nil }
        return entry.state
    }

    mutating func forget(_ id: CaseID) { entries[id] = nil }

    mutating func remember(_ id: CaseID, state: CaseState, version: UInt64) {
        if entries[id] == nil, entries.count >= CaseStateCache.capacity { entries.removeAll(keepingCapacity: true) }
        entries[id] = (state, version)
    }
}
