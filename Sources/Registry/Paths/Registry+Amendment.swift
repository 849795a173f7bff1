public import Discipline
public import EventLog
import Foundation

public struct LoadedAmendment: Sendable {
    public var id: String
    public var state: AmendmentState
    public var version: UInt64
    public var events: [DatedAmendmentEvent]
}

/// One line of the amendment index kept inline with the log (`amendment/<id>`).
public struct AmendmentSummary: Codable, Equatable, Sendable {
    public var id: String
    public var proposer: MemberID?
    public var rulebook: String?
    public var version: Int?
    public var sha256: String?
    public var proposedOn: Day?
    public var votedOn: Day?
    public var carried: Bool?
    /// E.g. "20 × 3 = 60 ≥ 28 × 2 = 56 → deux tiers atteints".
    public var arithmetic: String?
    /// The last day the new text is sent to all members (Article 9).
    public var noticeDue: Day?
    public var noticeSentOn: Day?
    public var pendingFr: String?
    public var pendingEn: String?
    public var since: Day?
    public var streamVersion: UInt64

    init(id: String, state: AmendmentState, version: UInt64) {
        self.id = id
        proposer = state.proposal?.value.proposer
        rulebook = state.proposal?.value.rulebook
        self.version = state.proposal?.value.version
        sha256 = state.proposal?.value.sha256
        proposedOn = state.proposal?.on
        votedOn = state.vote?.on
        carried = state.vote?.value.carried
        arithmetic = state.vote?.value.tally.arithmetic
        noticeDue = state.vote?.value.noticeDue
        noticeSentOn = state.notice?.on
        let pending = state.pending
        pendingFr = pending?.fr
        pendingEn = pending?.en
        since = pending?.since
        streamVersion = version
    }
}

/// What an amendment command did.
public struct AmendmentPerformed: Sendable {
    public var id: String
    public var records: [EventRecord]
    public var events: [AmendmentEvent]
    public var state: AmendmentState
}

extension Registry {
    static let amendmentPrefix = "amendment/"

    public static func amendmentStream(_ id: String) -> String { amendmentPrefix + id }

    public func nextAmendmentID(year: Int) throws -> String {
        let taken = Set(try amendmentIndex().map(\.id))
        return Registry.nextPathID(year: year, letter: "A", taken: taken)
    }

    public func amendmentIndex() throws -> [AmendmentSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.amendmentPrefix).map {
                try Projections.decode(AmendmentSummary.self, $0)
            }
        }
    }

    public func loadAmendment(_ id: String, asOf: Day? = nil) throws -> LoadedAmendment {
        let records = try store.readStream(Registry.amendmentStream(id))
        var state = AmendmentDecider.initial
        var events: [DatedAmendmentEvent] = []
        for record in records {
            let dated = try Registry.datedAmendmentEvent(record)
            if let asOf, dated.on > asOf { continue }
            state = AmendmentDecider.evolve(state, dated)
            events.append(dated)
        }
        return LoadedAmendment(id: id, state: state, version: UInt64(records.count), events: events)
    }

    static func datedAmendmentEvent(_ record: EventRecord) throws -> DatedAmendmentEvent {
        let (on, event) = try dayAndEvent(record, AmendmentEvent.decode(type:payload:))
        return DatedAmendmentEvent(on: on, event: event)
    }

    /// A board member proposes `document` (a procedure rulebook) as the new version (Article 9, R34).
    @discardableResult
    public func proposeAmendment(
        _ document: RulebookDocument, by proposer: MemberID, summary: String, id: String?,
        on day: Day, recording: Recording, dryRun: Bool = false
    ) throws -> AmendmentPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        try requireBoardRecorder(recording, on: day, rule: .R34)
        if let unknown = try firstUnknownMember([proposer]) { throw PathError.unknownMember(unknown) }
        guard document.procedure != nil else {
            throw RegistryError.refused(
                Refusal(
                    .R34, fr: "une modification porte sur le règlement de procédure, pas sur une échelle de sanctions",
                    en: "an amendment is of the procedure rulebook, not of a sanction ladder"))
        }
        let proposal = AmendmentProposal(
            proposer: proposer, rulebook: document.id, version: document.version,
            sha256: try document.digest(), summary: .clear(summary))
        let amendmentID = try id ?? nextAmendmentID(year: day.year)
        return try appendAmendment(.propose(proposal), id: amendmentID, on: day, recording: recording, dryRun: dryRun)
    }

    /// The GA's vote on a proposed amendment, its voters checked against Article 2.4's list for that day (R36).
    @discardableResult
    public func voteAmendment(
        _ id: String, ballots: [Ballot], on day: Day, recording: Recording, dryRun: Bool = false
    ) throws
        -> AmendmentPerformed
    {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        guard try loadAmendment(id).version > 0 else { throw PathError.unknownAmendment(id) }
        if let unknown = try firstUnknownMember(ballots.map(\.member)) { throw PathError.unknownMember(unknown) }
        let voters = Set(try voters(for: day).filter(\.mayVote).map(\.member))
        return try appendAmendment(
            .vote(ballots: ballots, voters: voters), id: id, on: day, recording: recording, dryRun: dryRun)
    }

    /// The new text sent to all members (Article 9's one-month notice).
    @discardableResult
    public func notifyAmendment(
        _ id: String, on day: Day, recording: Recording, dryRun: Bool = false
    ) throws -> AmendmentPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        try requireBoardRecorder(recording, on: day, rule: .R34)
        guard try loadAmendment(id).version > 0 else { throw PathError.unknownAmendment(id) }
        return try appendAmendment(.notify, id: id, on: day, recording: recording, dryRun: dryRun)
    }

    /// The carried amendment that allows adopting `document` on `day`, if any: same rulebook id, version and digest,
    /// voted on or before that day.
    public func carriedAmendment(for document: RulebookDocument, on day: Day) throws -> AmendmentSummary? {
        let digest = try document.digest()
        return try amendmentIndex().first { a in
            a.carried == true && a.rulebook == document.id && a.version == document.version && a.sha256 == digest
                && (a.votedOn.map { $0 <= day } ?? false)
        }
    }

    func appendAmendment(
        _ command: AmendmentCommand, id: String, on day: Day, recording: Recording, dryRun: Bool
    ) throws
        -> AmendmentPerformed
    {
        let loaded = try loadAmendment(id)
        let book = try procedureRulebooks().inForce(on: day)
        let roster = try pathStandings(on: day)
        var events: [AmendmentEvent]
        switch AmendmentDecider.decide(loaded.state, command, roles: roster.roles, rulebook: book, on: day) {
        case .success(let decided): events = decided
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        var state = events.reduce(loaded.state) { AmendmentDecider.evolve($0, DatedAmendmentEvent(on: day, event: $1)) }
        if dryRun { return AmendmentPerformed(id: id, records: [], events: events, state: state) }
        let stream = Registry.amendmentStream(id)
        // The free texts are sealed under the stream's key after the decision and before hashing; the projection
        // and the result only see the sealed events.
        var sealedEvents: [AmendmentEvent] = []
        let newEvents = try events.enumerated().map { offset, event in
            let (payload, sealed) = try sealedPayload(
                stream: stream, version: loaded.version + UInt64(offset) + 1, type: event.typeName,
                encode: { try event.payloadJSON(sealer: $0) },
                decode: { try AmendmentEvent.decode(type: event.typeName, payload: $0) })
            sealedEvents.append(sealed)
            return envelope(
                type: event.typeName, schemaVersion: AmendmentEvent.schemaVersion, on: day,
                payload: payload, recording: recording, correlation: stream)
        }
        events = sealedEvents
        state = events.reduce(loaded.state) { AmendmentDecider.evolve($0, DatedAmendmentEvent(on: day, event: $1)) }
        let records = try store.append(to: stream, expected: .exactly(loaded.version), events: newEvents) {
            writer, appended in
            let summary = AmendmentSummary(id: id, state: state, version: appended.last?.version ?? 0)
            try writer.put(stream, Array(try Projections.jsonEncoder.encode(summary)))
            try Projections.noteCommand(recording, appended, into: writer)
        }
        return AmendmentPerformed(id: id, records: records, events: events, state: state)
    }
}
