public import Foundation

/// A fact of a case, in the past tense. The day it happened is not inside: see `DatedEvent`.
///
/// Stored as `type` (= `typeName`), `schemaVersion` and `payload` (= `payloadJSON()`) in the event envelope.
/// `decode(type:payload:)` reads every schema version of a type (the shapes of a type's versions are told apart by
/// their fields).
public enum CaseEvent: Equatable, Sendable {
    case reportRecorded(ReportFacts)
    case complaintFiled(ComplaintFacts)
    case boardMembersNotified(BoardNotification)
    case boardMet(BoardMet)
    case rapporteurDesignated(RapporteurDesignation)
    case suspensionImposed(SuspensionImposed)
    case evidenceAdded(Evidence)
    case disciplinaryFileCompleted(Note)
    case victimHeard(VictimHearing)
    case explanationRequested(ExplanationRequest)
    case answerReceived(Answer)
    case answerWindowLapsed(Note)
    case accusedLeft(Departure)
    case procedureStopped(ProcedureStop)
    case summaryWritten(Summary)
    case cellCalled(CellCall)
    case volunteerAccepted(MemberRef)
    case memberRecused(Recusal)
    case cellMemberReplaced(CellReplacement)
    case explicitDecisionRecorded(ExplicitDecision)
    case drawAnnounced(DrawAnnouncement)
    case drawPerformed(CellDraw)
    case drawnMemberPresent(MemberRef)
    case drawnMemberDeclined(DrawDecline)
    case summarySentToCell(SummarySent)
    case cellMet(CellMeeting)
    case consensusReached(Decision)
    case cellVoteHeld(VoteRecord)
    case reintegrationVoteHeld(VoteRecord)
    case judgementRendered(Judgement)
    case referredToGeneralAssembly(GAReferral)
    case judgementSentToBoard(Note)
    case decisionLetterReceived(MemberRef)
    case judgementExecuted(Note)
    case appealLodged(Appeal)
    case generalAssemblyDecided(GAVoteRecord)
    case generalAssemblyVoteFailed(GAVoteRecord)
    case generalAssemblyResolutionRecorded(GAResolution)
    case generalAssemblyReintegrationVoteHeld(GAVoteRecord)
    case reparationMeasuresRecorded(Reparation)
    case radiationAnnounced(Radiation)
    case caseClosed(Closure)
    /// Records of the case withdrawn (`greffe withdraw`).
    case recordWithdrawn(Withdrawal)
    /// Records of the case corrected (`greffe correct`).
    case recordCorrected(Correction)
    /// R35: the case's texts erased, its key destroyed (`greffe privacy erase-case`, `privacy due --apply`).
    case caseTextsErased(CaseTextsErasure)

    /// The version of this event's payload schema, written in the envelope: 1, except `DrawPerformed`'s compact
    /// payload (``CellDraw/schemaVersion``). Bump a type's version when its payload changes shape, and keep
    /// reading the older ones (``readableSchemaVersions(of:)``).
    public var schemaVersion: Int {
        if case .drawPerformed = self { return CellDraw.schemaVersion }
        return 1
    }

    /// The payload schema versions of `type` this Greffe reads (`nil` for a type it does not know).
    public static func readableSchemaVersions(of type: String) -> ClosedRange<Int>? {
        guard readers[type] != nil else { return nil }
        return type == "DrawPerformed" ? 1...CellDraw.schemaVersion : 1...1
    }

    var parts: (type: String, payload: any Encodable & Sendable) {
        switch self {
        case let .reportRecorded(p): ("ReportRecorded", p)
        case let .complaintFiled(p): ("ComplaintFiled", p)
        case let .boardMembersNotified(p): ("BoardMembersNotified", p)
        case let .boardMet(p): ("BoardMet", p)
        case let .rapporteurDesignated(p): ("RapporteurDesignated", p)
        case let .suspensionImposed(p): ("SuspensionImposed", p)
        case let .evidenceAdded(p): ("EvidenceAdded", p)
        case let .disciplinaryFileCompleted(p): ("DisciplinaryFileCompleted", p)
        case let .victimHeard(p): ("VictimHeard", p)
        case let .explanationRequested(p): ("ExplanationRequested", p)
        case let .answerReceived(p): ("AnswerReceived", p)
        case let .answerWindowLapsed(p): ("AnswerWindowLapsed", p)
        case let .accusedLeft(p): ("AccusedLeft", p)
        case let .procedureStopped(p): ("ProcedureStopped", p)
        case let .summaryWritten(p): ("SummaryWritten", p)
        case let .cellCalled(p): ("CellCalled", p)
        case let .volunteerAccepted(p): ("VolunteerAccepted", p)
        case let .memberRecused(p): ("MemberRecused", p)
        case let .cellMemberReplaced(p): ("CellMemberReplaced", p)
        case let .explicitDecisionRecorded(p): ("ExplicitDecisionRecorded", p)
        case let .drawAnnounced(p): ("DrawAnnounced", p)
        case let .drawPerformed(p): ("DrawPerformed", p)
        case let .drawnMemberPresent(p): ("DrawnMemberPresent", p)
        case let .drawnMemberDeclined(p): ("DrawnMemberDeclined", p)
        case let .summarySentToCell(p): ("SummarySentToCell", p)
        case let .cellMet(p): ("CellMet", p)
        case let .consensusReached(p): ("ConsensusReached", p)
        case let .cellVoteHeld(p): ("CellVoteHeld", p)
        case let .reintegrationVoteHeld(p): ("ReintegrationVoteHeld", p)
        case let .judgementRendered(p): ("JudgementRendered", p)
        case let .referredToGeneralAssembly(p): ("ReferredToGeneralAssembly", p)
        case let .judgementSentToBoard(p): ("JudgementSentToBoard", p)
        case let .decisionLetterReceived(p): ("DecisionLetterReceived", p)
        case let .judgementExecuted(p): ("JudgementExecuted", p)
        case let .appealLodged(p): ("AppealLodged", p)
        case let .generalAssemblyDecided(p): ("GeneralAssemblyDecided", p)
        case let .generalAssemblyVoteFailed(p): ("GeneralAssemblyVoteFailed", p)
        case let .generalAssemblyResolutionRecorded(p): ("GeneralAssemblyResolutionRecorded", p)
        case let .generalAssemblyReintegrationVoteHeld(p): ("GeneralAssemblyReintegrationVoteHeld", p)
        case let .reparationMeasuresRecorded(p): ("ReparationMeasuresRecorded", p)
        case let .radiationAnnounced(p): ("RadiationAnnounced", p)
        case let .caseClosed(p): ("CaseClosed", p)
        case let .recordWithdrawn(p): ("RecordWithdrawn", p)
        case let .recordCorrected(p): ("RecordCorrected", p)
        case let .caseTextsErased(p): ("CaseTextsErased", p)
        }
    }

    /// The stable event type stored in the envelope; also the schema file name (`Schemas/events/<type>.schema.json`).
    public var typeName: String { parts.type }

    /// The payload as JSON with sorted keys (no type, no day).
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        return try encoder.encode(PayloadBox(value: parts.payload))
    }

    /// Rebuilds an event from its stored type and payload.
    public static func decode(type: String, payload: Data) throws -> CaseEvent {
        guard let reader = readers[type] else { throw UnknownEventType(type: type) }
        return try reader.fromData(payload)
    }

    /// A stored event type this version does not know.
    public struct UnknownEventType: Error, Equatable, CustomStringConvertible {
        public var type: String
        public var description: String { "unknown event type \(type)" }
    }

    private struct Reader: Sendable {
        let fromData: @Sendable (Data) throws -> CaseEvent
        let fromDecoder: @Sendable (any Decoder) throws -> CaseEvent
    }
    private static func read<P: Decodable & SendableMetatype>(_ make: @escaping @Sendable (P) -> CaseEvent) -> Reader {
        Reader(
            fromData: { make(try PayloadDecoder.decode(P.self, from: $0)) },
            fromDecoder: { make(try P(from: $0)) })
    }

    private static let readers: [String: Reader] = [
        "ReportRecorded": read { .reportRecorded($0) },
        "ComplaintFiled": read { .complaintFiled($0) },
        "BoardMembersNotified": read { .boardMembersNotified($0) },
        "BoardMet": read { .boardMet($0) },
        "RapporteurDesignated": read { .rapporteurDesignated($0) },
        "SuspensionImposed": read { .suspensionImposed($0) },
        "EvidenceAdded": read { .evidenceAdded($0) },
        "DisciplinaryFileCompleted": read { .disciplinaryFileCompleted($0) },
        "VictimHeard": read { .victimHeard($0) },
        "ExplanationRequested": read { .explanationRequested($0) },
        "AnswerReceived": read { .answerReceived($0) },
        "AnswerWindowLapsed": read { .answerWindowLapsed($0) },
        "AccusedLeft": read { .accusedLeft($0) },
        "ProcedureStopped": read { .procedureStopped($0) },
        "SummaryWritten": read { .summaryWritten($0) },
        "CellCalled": read { .cellCalled($0) },
        "VolunteerAccepted": read { .volunteerAccepted($0) },
        "MemberRecused": read { .memberRecused($0) },
        "CellMemberReplaced": read { .cellMemberReplaced($0) },
        "ExplicitDecisionRecorded": read { .explicitDecisionRecorded($0) },
        "DrawAnnounced": read { .drawAnnounced($0) },
        "DrawPerformed": read { .drawPerformed($0) },
        "DrawnMemberPresent": read { .drawnMemberPresent($0) },
        "DrawnMemberDeclined": read { .drawnMemberDeclined($0) },
        "SummarySentToCell": read { .summarySentToCell($0) },
        "CellMet": read { .cellMet($0) },
        "ConsensusReached": read { .consensusReached($0) },
        "CellVoteHeld": read { .cellVoteHeld($0) },
        "ReintegrationVoteHeld": read { .reintegrationVoteHeld($0) },
        "JudgementRendered": read { .judgementRendered($0) },
        "ReferredToGeneralAssembly": read { .referredToGeneralAssembly($0) },
        "JudgementSentToBoard": read { .judgementSentToBoard($0) },
        "DecisionLetterReceived": read { .decisionLetterReceived($0) },
        "JudgementExecuted": read { .judgementExecuted($0) },
        "AppealLodged": read { .appealLodged($0) },
        "GeneralAssemblyDecided": read { .generalAssemblyDecided($0) },
        "GeneralAssemblyVoteFailed": read { .generalAssemblyVoteFailed($0) },
        "GeneralAssemblyResolutionRecorded": read { .generalAssemblyResolutionRecorded($0) },
        "GeneralAssemblyReintegrationVoteHeld": read { .generalAssemblyReintegrationVoteHeld($0) },
        "ReparationMeasuresRecorded": read { .reparationMeasuresRecorded($0) },
        "RadiationAnnounced": read { .radiationAnnounced($0) },
        "CaseClosed": read { .caseClosed($0) },
        "RecordWithdrawn": read { .recordWithdrawn($0) },
        "RecordCorrected": read { .recordCorrected($0) },
        "CaseTextsErased": read { .caseTextsErased($0) }
    ]

    /// Every event type name, sorted.
    public static var typeNames: [String] { readers.keys.sorted() }
}

/// Lets an existential payload be encoded at the top level.
private struct PayloadBox: Encodable {
    let value: any Encodable
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

extension CaseEvent: Codable {
    /// Flat JSON form `{"type": "ComplaintFiled", …payload}` (handy for exports and tests; the store keeps
    /// type and payload apart).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let type = try c.decode(String.self, forKey: AnyKey("type"))
        guard let reader = Self.readers[type] else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey("type"), in: c, debugDescription: "unknown event type \(type)")
        }
        // The payload decoder ignores the extra "type" key.
        self = try reader.fromDecoder(decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try parts.payload.encode(to: encoder)
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(typeName, forKey: AnyKey("type"))
    }

}

/// An event with the day the act happened (the envelope's `occurredOn`).
///
/// JSON form (exports, fixtures): `{"on": "2026-01-05", "event": {"type": "ComplaintFiled", …}}`.
public struct DatedEvent: Codable, Equatable, Sendable {
    public var on: Day
    public var event: CaseEvent
    public init(on: Day, event: CaseEvent) {
        self.on = on
        self.event = event
    }
}
