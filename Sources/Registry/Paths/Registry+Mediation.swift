public import Discipline
public import EventLog
import Foundation

/// What a mediation or revocation command can fail with besides a refusal and the log's errors.
public enum PathError: Error, Equatable {
    /// No mediation under this id (exit 66).
    case unknownMediation(String)
    /// No revocation under this id (exit 66).
    case unknownRevocation(String)
    /// A member the act names is not on the roster (exit 66).
    case unknownMember(MemberID)
    /// No members' request under this id (exit 66).
    case unknownRequest(String)
    /// No amendment under this id (exit 66).
    case unknownAmendment(String)
}

/// A mediation as rebuilt from its stream.
public struct LoadedMediation: Sendable {
    public var id: String
    public var state: MediationState
    public var version: UInt64
    public var events: [DatedMediationEvent]
    public var records: [EventRecord]
}

/// One line of the mediation index kept inline with the log (`mediation/<id>`).
public struct MediationSummary: Codable, Equatable, Sendable {
    public var id: String
    public var parties: [MemberID]
    public var followsCase: CaseID?
    public var openedOn: Day?
    public var mediator: MemberID?
    public var outcome: MediationOutcome.Kind?
    public var concludedOn: Day?
    public var pending: [MediationState.Pending]
    public var streamVersion: UInt64

    init(id: String, state: MediationState, version: UInt64) {
        self.id = id
        parties = state.opening?.parties ?? []
        followsCase = state.opening?.followsCase
        openedOn = state.openedOn
        mediator = state.mediator
        outcome = state.outcome?.outcome
        concludedOn = state.concludedOn
        pending = state.pending
        streamVersion = version
    }
}

extension Registry {
    static let mediationPrefix = "mediation/"

    /// The stream of mediation `id`: `mediation/<id>`.
    public static func mediationStream(_ id: String) -> String { mediationPrefix + id }

    /// The next free mediation id of `year`: `2026-M001`, `2026-M002`…
    public func nextMediationID(year: Int) throws -> String {
        let taken = Set(try mediationIndex().map(\.id))
        return Registry.nextPathID(year: year, letter: "M", taken: taken)
    }

    public func loadMediation(_ id: String, asOf: Day? = nil) throws -> LoadedMediation {
        let records = try store.readStream(Registry.mediationStream(id))
        var state = MediationDecider.initial
        var events: [DatedMediationEvent] = []
        var kept: [EventRecord] = []
        for record in records {
            let dated = try Registry.datedMediationEvent(record)
            if let asOf, dated.on > asOf { continue }
            state = MediationDecider.evolve(state, dated)
            events.append(dated)
            kept.append(record)
        }
        return LoadedMediation(id: id, state: state, version: UInt64(records.count), events: events, records: kept)
    }

    static func datedMediationEvent(_ record: EventRecord) throws -> DatedMediationEvent {
        let (on, event) = try dayAndEvent(record, MediationEvent.decode(type:payload:))
        return DatedMediationEvent(on: on, event: event)
    }

    /// Every mediation's summary from the inline index, by id.
    public func mediationIndex() throws -> [MediationSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.mediationPrefix).map {
                try Projections.decode(MediationSummary.self, $0)
            }
        }
    }

    /// The roster as of `day`, as the path deciders read it.
    func pathStandings(
        on day: Day
    ) throws -> (standings: [MemberID: MemberStanding], roles: [MemberID: Set<MandateRole>]) {
        var standings: [MemberID: MemberStanding] = [:]
        var roles: [MemberID: Set<MandateRole>] = [:]
        for record in try members() {
            standings[record.id] = record.standing(on: day, judgementsSat: [])
            roles[record.id] = record.roles(on: day)
        }
        return (standings, roles)
    }

    /// The facts a mediation decides on: the roster, and the mediations each member conducted in the others (R30).
    public func mediationFacts(excluding id: String, on day: Day) throws -> MediationFacts {
        var interventions: [MemberID: Int] = [:]
        for summary in try mediationIndex() where summary.id != id {
            if let m = summary.mediator { interventions[m, default: 0] += 1 }
        }
        return MediationFacts(members: try pathStandings(on: day).standings, interventions: interventions)
    }

    /// What a mediation act recorded.
    public struct MediationPerformed: Sendable {
        public var id: String
        public var records: [EventRecord]
        public var events: [MediationEvent]
        public var state: MediationState
    }

    /// Decides `command` on mediation `id` (a new one for `.open`) and appends with the version read. With `dryRun`,
    /// decides and returns what would be recorded, writing nothing.
    @discardableResult
    public func performMediation(
        _ command: MediationCommand, id: String?, on day: Day, recording: Recording, dryRun: Bool = false
    ) throws -> MediationPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        try requireBoardRecorder(recording, on: day, rule: .R30)
        let mediationID: String
        if case .open = command {
            mediationID = try id ?? nextMediationID(year: day.year)
        } else {
            guard let id else { throw PathError.unknownMediation("") }
            mediationID = id
        }
        let loaded = try loadMediation(mediationID)
        if case .open = command {} else if loaded.version == 0 { throw PathError.unknownMediation(mediationID) }
        if case .open(let o) = command {
            if let unknown = try firstUnknownMember(o.parties) { throw PathError.unknownMember(unknown) }
            if let c = o.followsCase, !(try caseExists(c)) { throw RegistryError.unknownCase(c) }
        }
        let facts = try mediationFacts(excluding: mediationID, on: day)
        var events: [MediationEvent]
        switch MediationDecider.decide(
            loaded.state, command, facts: facts, rulebook: try procedureRulebooks().inForce(on: day), on: day)
        {
        case .success(let decided): events = decided
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        var state = events.reduce(loaded.state) { MediationDecider.evolve($0, DatedMediationEvent(on: day, event: $1)) }
        let stream = Registry.mediationStream(mediationID)
        if dryRun { return MediationPerformed(id: mediationID, records: [], events: events, state: state) }
        // The free texts are sealed under the stream's key after the decision and before hashing; the projection
        // and the result only see the sealed events.
        var sealedEvents: [MediationEvent] = []
        let newEvents = try events.enumerated().map { offset, event in
            let (payload, sealed) = try sealedPayload(
                stream: stream, version: loaded.version + UInt64(offset) + 1, type: event.typeName,
                encode: { try event.payloadJSON(sealer: $0) },
                decode: { try MediationEvent.decode(type: event.typeName, payload: $0) })
            sealedEvents.append(sealed)
            return envelope(
                type: event.typeName, schemaVersion: MediationEvent.schemaVersion, on: day,
                payload: payload, recording: recording, correlation: stream)
        }
        events = sealedEvents
        state = events.reduce(loaded.state) { MediationDecider.evolve($0, DatedMediationEvent(on: day, event: $1)) }
        let records = try store.append(to: stream, expected: .exactly(loaded.version), events: newEvents) {
            writer, appended in
            let summary = MediationSummary(id: mediationID, state: state, version: appended.last?.version ?? 0)
            try writer.put(stream, Array(try Projections.jsonEncoder.encode(summary)))
            try Projections.noteCommand(recording, appended, into: writer)
        }
        return MediationPerformed(id: mediationID, records: records, events: events, state: state)
    }

    /// The recorder of a path act (mediation, revocation) is a board member on the day, once the roster holds anybody:
    /// these are the board's acts (« il revient au Conseil d'administration », « Le Conseil d'administration a le
    /// pouvoir de révoquer »).
    func requireBoardRecorder(_ recording: Recording, on day: Day, rule: RuleID) throws {
        guard let record = try member(MemberID(recording.actor)) else { return }
        if !record.roles(on: day).contains(.boardMember) {
            throw RegistryError.refused(
                Refusal(
                    .recorder,
                    fr:
                        "\(recording.actor) ne siège pas au Conseil d'administration ce jour : cet acte est celui du Conseil (art. \(rule.article))",
                    en:
                        "\(recording.actor) does not sit on the board that day: this is the board's act (art. \(rule.article))",
                    allowed: "--as MEMBRE-DU-CONSEIL", allowedEn: "--as BOARD-MEMBER"))
        }
    }

    /// Every mediation draw re-computed from its recorded inputs (for the audit), by stream.
    public func mediationDrawAudits() throws -> [(id: String, sequence: UInt64, verification: DrawVerification)] {
        try mediationIndex().flatMap { summary -> [(id: String, sequence: UInt64, verification: DrawVerification)] in
            let loaded = try loadMediation(summary.id)
            var state = MediationDecider.initial
            var out: [(id: String, sequence: UInt64, verification: DrawVerification)] = []
            for (dated, record) in zip(loaded.events, loaded.records) {
                if case .drawPerformed(let draw) = dated.event {
                    out.append(
                        (
                            summary.id, record.sequence,
                            CellDraw.verify(recorded: draw, announcement: state.announcement?.value)
                        ))
                }
                state = MediationDecider.evolve(state, dated)
            }
            return out
        }
    }
}

/// Rebuilds the mediation and revocation indexes from the log, record by record (for the replay and the audit).
struct PathsReplay {
    var mediations: [String: (state: MediationState, version: UInt64)] = [:]
    var revocations: [String: (state: RevocationState, version: UInt64)] = [:]
    var requests: [String: (state: CrisisRequestState, version: UInt64)] = [:]
    var amendments: [String: (state: AmendmentState, version: UInt64)] = [:]

    /// What a path record meant, for the audit's draw and vote checks.
    enum Folded {
        case mediation(id: String, before: MediationState, DatedMediationEvent)
        case revocation(id: String, before: RevocationState, DatedRevocationEvent)
        case request(id: String)
        case amendment(id: String, DatedAmendmentEvent)
    }

    /// Takes in a record of a `mediation/` or `revocation/` stream; `nil` for any other stream.
    mutating func apply(_ record: EventRecord) throws -> Folded? {
        if record.stream.hasPrefix(Registry.mediationPrefix) {
            let id = String(record.stream.dropFirst(Registry.mediationPrefix.count))
            let dated = try Registry.datedMediationEvent(record)
            let before = mediations[id]?.state ?? MediationDecider.initial
            mediations[id] = (MediationDecider.evolve(before, dated), record.version)
            return .mediation(id: id, before: before, dated)
        }
        if record.stream.hasPrefix(Registry.revocationPrefix) {
            let id = String(record.stream.dropFirst(Registry.revocationPrefix.count))
            let dated = try Registry.datedRevocationEvent(record)
            let before = revocations[id]?.state ?? RevocationDecider.initial
            revocations[id] = (RevocationDecider.evolve(before, dated), record.version)
            return .revocation(id: id, before: before, dated)
        }
        if record.stream.hasPrefix(Registry.requestPrefix) {
            let id = String(record.stream.dropFirst(Registry.requestPrefix.count))
            let dated = try Registry.datedRequestEvent(record)
            let before = requests[id]?.state ?? CrisisRequestDecider.initial
            requests[id] = (CrisisRequestDecider.evolve(before, dated), record.version)
            return .request(id: id)
        }
        if record.stream.hasPrefix(Registry.amendmentPrefix) {
            let id = String(record.stream.dropFirst(Registry.amendmentPrefix.count))
            let dated = try Registry.datedAmendmentEvent(record)
            let before = amendments[id]?.state ?? AmendmentDecider.initial
            amendments[id] = (AmendmentDecider.evolve(before, dated), record.version)
            return .amendment(id: id, dated)
        }
        return nil
    }

    func projections() throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for (id, entry) in mediations {
            let summary = MediationSummary(id: id, state: entry.state, version: entry.version)
            out[Registry.mediationStream(id)] = Array(try Projections.jsonEncoder.encode(summary))
        }
        for (id, entry) in revocations {
            let summary = RevocationSummary(id: id, state: entry.state, version: entry.version)
            out[Registry.revocationStream(id)] = Array(try Projections.jsonEncoder.encode(summary))
        }
        for (id, entry) in requests {
            let summary = CrisisRequestSummary(id: id, state: entry.state, version: entry.version)
            out[Registry.requestStream(id)] = Array(try Projections.jsonEncoder.encode(summary))
        }
        for (id, entry) in amendments {
            let summary = AmendmentSummary(id: id, state: entry.state, version: entry.version)
            out[Registry.amendmentStream(id)] = Array(try Projections.jsonEncoder.encode(summary))
        }
        return out
    }
}

/// A mediation's or a revocation's record as the replay folded it, with the state just before it.
public struct PathFolded: Sendable {
    let folded: PathsReplay.Folded
    init(_ folded: PathsReplay.Folded) { self.folded = folded }
}
