public import Discipline
public import EventLog
import Foundation

/// A revocation as rebuilt from its stream.
public struct LoadedRevocation: Sendable {
    public var id: String
    public var state: RevocationState
    public var version: UInt64
    public var events: [DatedRevocationEvent]
    public var records: [EventRecord]
}

/// One line of the revocation index kept inline with the log (`revocation/<id>`).
public struct RevocationSummary: Codable, Equatable, Sendable {
    public var id: String
    public var holder: MemberID?
    public var role: MandateRole?
    public var ground: RevocationGround.Kind?
    public var openedOn: Day?
    public var closed: Bool
    public var revoked: Bool
    public var pendingFr: String?
    public var pendingEn: String?
    public var since: Day?
    public var streamVersion: UInt64

    init(id: String, state: RevocationState, version: UInt64) {
        self.id = id
        holder = state.opening?.holder
        role = state.opening?.role
        ground = state.opening?.ground.kind
        openedOn = state.openedOn
        closed = state.closed
        revoked = state.revoked
        pendingFr = state.pendingFr?.fr
        pendingEn = state.pendingFr?.en
        since = state.lastActOn
        streamVersion = version
    }
}

extension Registry {
    static let revocationPrefix = "revocation/"

    public static func revocationStream(_ id: String) -> String { revocationPrefix + id }

    /// The next free revocation id of `year`: `2026-R001`…
    public func nextRevocationID(year: Int) throws -> String {
        let taken = Set(try revocationIndex().map(\.id))
        return Registry.nextPathID(year: year, letter: "R", taken: taken)
    }

    public func revocationIndex() throws -> [RevocationSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.revocationPrefix).map {
                try Projections.decode(RevocationSummary.self, $0)
            }
        }
    }

    public func loadRevocation(_ id: String, asOf: Day? = nil) throws -> LoadedRevocation {
        let records = try store.readStream(Registry.revocationStream(id))
        var state = RevocationDecider.initial
        var events: [DatedRevocationEvent] = []
        var kept: [EventRecord] = []
        for record in records {
            let dated = try Registry.datedRevocationEvent(record)
            if let asOf, dated.on > asOf { continue }
            state = RevocationDecider.evolve(state, dated)
            events.append(dated)
            kept.append(record)
        }
        return LoadedRevocation(id: id, state: state, version: UInt64(records.count), events: events, records: kept)
    }

    static func datedRevocationEvent(_ record: EventRecord) throws -> DatedRevocationEvent {
        let (on, event) = try dayAndEvent(record, RevocationEvent.decode(type:payload:))
        return DatedRevocationEvent(on: on, event: event)
    }

    public struct RevocationPerformed: Sendable {
        public var id: String
        public var records: [EventRecord]
        public var events: [RevocationEvent]
        public var state: RevocationState
        /// The roster act that ended the mandate, when the vote carried.
        public var rosterEvent: MemberEvent?
    }

    /// Decides `command` on revocation `id` (a new one for `.open`). A carried vote ends the mandate on the roster
    /// (`MemberMandateEnded`) in the same transaction: the revoked mandate leaves the roster's record of seats.
    @discardableResult
    public func performRevocation(
        _ command: RevocationCommand, id: String?, on day: Day, recording: Recording, dryRun: Bool = false
    ) throws -> RevocationPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        try requireBoardRecorder(recording, on: day, rule: .R32)
        let revocationID: String
        if case .open = command {
            revocationID = try id ?? nextRevocationID(year: day.year)
        } else {
            guard let id else { throw PathError.unknownRevocation("") }
            revocationID = id
        }
        let loaded = try loadRevocation(revocationID)
        if case .open = command {} else if loaded.version == 0 { throw PathError.unknownRevocation(revocationID) }
        if case .open(let o) = command, try member(o.holder) == nil { throw PathError.unknownMember(o.holder) }
        if case .vote(let ballots) = command, let unknown = try firstUnknownMember(ballots.map(\.member)) {
            throw PathError.unknownMember(unknown)
        }
        let roster = try pathStandings(on: day)
        var events: [RevocationEvent]
        switch RevocationDecider.decide(
            loaded.state, command, members: roster.standings, roles: roster.roles,
            rulebook: try procedureRulebooks().inForce(on: day), on: day)
        {
        case .success(let decided): events = decided
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        var state = events.reduce(loaded.state) {
            RevocationDecider.evolve($0, DatedRevocationEvent(on: day, event: $1))
        }
        let rosterEvent: MemberEvent? =
            state.revoked && !loaded.state.revoked
            ? state.opening.map { .mandateEnded(member: $0.holder, role: $0.role) } : nil
        if dryRun {
            return RevocationPerformed(
                id: revocationID, records: [], events: events, state: state, rosterEvent: rosterEvent)
        }
        let stream = Registry.revocationStream(revocationID)
        // The free texts are sealed under the stream's key after the decision and before hashing; the projection
        // and the result only see the sealed events.
        var sealedEvents: [RevocationEvent] = []
        let newEvents = try events.enumerated().map { offset, event in
            let (payload, sealed) = try sealedPayload(
                stream: stream, version: loaded.version + UInt64(offset) + 1, type: event.typeName,
                encode: { try event.payloadJSON(sealer: $0) },
                decode: { try RevocationEvent.decode(type: event.typeName, payload: $0) })
            sealedEvents.append(sealed)
            return envelope(
                type: event.typeName, schemaVersion: RevocationEvent.schemaVersion, on: day,
                payload: payload, recording: recording, correlation: stream)
        }
        events = sealedEvents
        state = events.reduce(loaded.state) { RevocationDecider.evolve($0, DatedRevocationEvent(on: day, event: $1)) }
        let records = try store.bulk { writer in
            var appended = try writer.append(to: stream, expected: .exactly(loaded.version), events: newEvents)
            let summary = RevocationSummary(id: revocationID, state: state, version: appended.last?.version ?? 0)
            try writer.projections.put(stream, Array(try Projections.jsonEncoder.encode(summary)))
            if let rosterEvent {
                let memberStream = Registry.stream(of: rosterEvent.member)
                var record: MemberRecord?
                for stored in try writer.readStream(memberStream) {
                    record = MemberRecord.evolve(record, try Registry.datedMemberEvent(stored))
                }
                let version = try writer.version(of: memberStream)
                let envelope = envelope(
                    type: rosterEvent.typeName, schemaVersion: MemberEvent.schemaVersion, on: day,
                    payload: try rosterEvent.payloadJSON(), recording: recording,
                    correlation: rosterEvent.member.rawValue)
                record = MemberRecord.evolve(record, DatedMemberEvent(on: day, event: rosterEvent))
                let ended = try writer.append(to: memberStream, expected: .exactly(version), events: [envelope])
                appended += ended
                if let record { try Projections.memberChanged(record, into: writer.projections) }
                if let last = ended.last {
                    try writer.projections.put(Registry.rosterStampKey, Array(String(last.sequence).utf8))
                }
            }
            try Projections.noteCommand(recording, appended, into: writer.projections)
            return appended
        }
        return RevocationPerformed(
            id: revocationID, records: records, events: events, state: state, rosterEvent: rosterEvent)
    }
}
