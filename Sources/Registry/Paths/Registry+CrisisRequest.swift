public import Discipline
public import EventLog
import Foundation

public struct LoadedCrisisRequest: Sendable {
    public var id: String
    public var state: CrisisRequestState
    public var version: UInt64
    public var events: [DatedCrisisRequestEvent]
}

/// One line of the request index kept inline with the log (`request/<id>`).
public struct CrisisRequestSummary: Codable, Equatable, Sendable {
    public var id: String
    public var target: MemberID?
    public var signatories: [MemberID]
    public var lodgedOn: Day?
    /// The last day the board may put it into effect (R31).
    public var due: Day?
    public var caseID: CaseID?
    public var implementedOn: Day?
    public var daysLate: Int?
    public var streamVersion: UInt64

    init(id: String, state: CrisisRequestState, version: UInt64) {
        self.id = id
        target = state.lodging?.target
        signatories = state.lodging?.signatories ?? []
        lodgedOn = state.lodgedOn
        due = state.due
        caseID = state.implemented?.value.caseID
        implementedOn = state.implemented?.on
        daysLate = state.implemented?.value.daysLate
        streamVersion = version
    }
}

/// What lodging or implementing a request did.
public struct CrisisRequestPerformed: Sendable {
    public var id: String
    public var records: [EventRecord]
    public var events: [CrisisRequestEvent]
    public var state: CrisisRequestState
    /// The last day allowed for the board.
    public var due: Day?
}

extension Registry {
    static let requestPrefix = "request/"

    public static func requestStream(_ id: String) -> String { requestPrefix + id }

    public func nextRequestID(year: Int) throws -> String {
        let taken = Set(try requestIndex().map(\.id))
        return Registry.nextPathID(year: year, letter: "D", taken: taken)
    }

    public func requestIndex() throws -> [CrisisRequestSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.requestPrefix).map {
                try Projections.decode(CrisisRequestSummary.self, $0)
            }
        }
    }

    public func loadRequest(_ id: String, asOf: Day? = nil) throws -> LoadedCrisisRequest {
        let records = try store.readStream(Registry.requestStream(id))
        var state = CrisisRequestDecider.initial
        var events: [DatedCrisisRequestEvent] = []
        for record in records {
            let dated = try Registry.datedRequestEvent(record)
            if let asOf, dated.on > asOf { continue }
            state = CrisisRequestDecider.evolve(state, dated)
            events.append(dated)
        }
        return LoadedCrisisRequest(id: id, state: state, version: UInt64(records.count), events: events)
    }

    static func datedRequestEvent(_ record: EventRecord) throws -> DatedCrisisRequestEvent {
        let (on, event) = try dayAndEvent(record, CrisisRequestEvent.decode(type:payload:))
        return DatedCrisisRequestEvent(on: on, event: event)
    }

    /// Records members' request for a crisis procedure (3.2), checked against the roster.
    @discardableResult
    public func lodgeCrisisRequest(
        _ lodging: CrisisRequestLodging, id: String?, on day: Day, recording: Recording,
        dryRun: Bool = false
    ) throws -> CrisisRequestPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        try requireBoardRecorder(recording, on: day, rule: .R31)
        if let unknown = try firstUnknownMember([lodging.target] + lodging.signatories) {
            throw PathError.unknownMember(unknown)
        }
        let requestID = try id ?? nextRequestID(year: day.year)
        return try appendRequest(.lodge(lodging), id: requestID, on: day, recording: recording, dryRun: dryRun)
    }

    /// The board puts the request into effect: files the Article 5.6 complaint (the signatories complain, the moderator
    /// is accused, the request's day is the day the board learned of the facts) and links the case. A late one is
    /// recorded with its days of delay. A refusal of either writes nothing of the request.
    @discardableResult
    public func implementCrisisRequest(
        _ id: String, channel: ComplaintFacts.Channel, on day: Day, recording: Recording,
        dryRun: Bool = false
    ) throws -> CrisisRequestPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        try requireBoardRecorder(recording, on: day, rule: .R31)
        let loaded = try loadRequest(id)
        guard loaded.version > 0, let lodging = loaded.state.lodging, let lodgedOn = loaded.state.lodgedOn else {
            throw PathError.unknownRequest(id)
        }
        let book = try procedureRulebooks().inForce(on: day)
        let roster = try pathStandings(on: day)
        // Decide first with a placeholder: nothing is filed when the request itself refuses.
        let placeholder = try nextCaseID(year: day.year)
        if case .failure(let refusal) = CrisisRequestDecider.decide(
            loaded.state, .implement(caseID: placeholder), members: roster.standings, roles: roster.roles,
            rulebook: book, on: day)
        {
            throw RegistryError.refused(refusal)
        }
        if dryRun {
            return try appendRequest(
                .implement(caseID: placeholder), id: id, on: day, recording: recording, dryRun: true)
        }
        // The request's facts are copied into the complaint, which the case's key then seals (docs/privacy.md).
        let reveal = try self.reveal()
        let facts = ComplaintFacts(
            channel: channel, complainants: lodging.signatories.map { Party(id: $0, isMember: true) },
            accused: [Party(id: lodging.target, isMember: true, holdsMandate: true)], victims: [],
            facts: .clear(
                "Demande de procédure de gestion de crise (art. 3.2, demande \(id) du \(lodgedOn.frenchDescription), "
                    + "\(lodging.signatories.count) signataires) : " + reveal(lodging.facts)),
            motives: lodging.motives, boardLearnedOn: lodgedOn)
        let caseID: CaseID
        switch try perform(
            .fileComplaint(facts, commandId: Registry.requestStream(id) + "#complaint"), in: placeholder,
            on: day, recording: recording)
        {
        case .recorded: caseID = placeholder
        case .alreadyApplied(_, let sequence): caseID = try caseOpened(atSequence: sequence) ?? placeholder
        }
        return try appendRequest(.implement(caseID: caseID), id: id, on: day, recording: recording, dryRun: false)
    }

    func appendRequest(
        _ command: CrisisRequestCommand, id: String, on day: Day, recording: Recording, dryRun: Bool
    ) throws
        -> CrisisRequestPerformed
    {
        let loaded = try loadRequest(id)
        let book = try procedureRulebooks().inForce(on: day)
        let roster = try pathStandings(on: day)
        var events: [CrisisRequestEvent]
        switch CrisisRequestDecider.decide(
            loaded.state, command, members: roster.standings, roles: roster.roles,
            rulebook: book, on: day)
        {
        case .success(let decided): events = decided
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        var state = events.reduce(loaded.state) {
            CrisisRequestDecider.evolve($0, DatedCrisisRequestEvent(on: day, event: $1))
        }
        if dryRun { return CrisisRequestPerformed(id: id, records: [], events: events, state: state, due: state.due) }
        let stream = Registry.requestStream(id)
        // The free texts are sealed under the stream's key after the decision and before hashing; the projection
        // and the result only see the sealed events.
        var sealedEvents: [CrisisRequestEvent] = []
        let newEvents = try events.enumerated().map { offset, event in
            let (payload, sealed) = try sealedPayload(
                stream: stream, version: loaded.version + UInt64(offset) + 1, type: event.typeName,
                encode: { try event.payloadJSON(sealer: $0) },
                decode: { try CrisisRequestEvent.decode(type: event.typeName, payload: $0) })
            sealedEvents.append(sealed)
            return envelope(
                type: event.typeName, schemaVersion: CrisisRequestEvent.schemaVersion, on: day,
                payload: payload, recording: recording, correlation: stream)
        }
        events = sealedEvents
        state = events.reduce(loaded.state) {
            CrisisRequestDecider.evolve($0, DatedCrisisRequestEvent(on: day, event: $1))
        }
        let records = try store.append(to: stream, expected: .exactly(loaded.version), events: newEvents) {
            writer, appended in
            let summary = CrisisRequestSummary(id: id, state: state, version: appended.last?.version ?? 0)
            try writer.put(stream, Array(try Projections.jsonEncoder.encode(summary)))
            try Projections.noteCommand(recording, appended, into: writer)
        }
        return CrisisRequestPerformed(id: id, records: records, events: events, state: state, due: state.due)
    }
}
