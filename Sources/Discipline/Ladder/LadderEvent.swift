public import Foundation

/// A role-qualified signature: who took part in a decision, and as what (« administrateurs », « président »…).
public struct Signature: Codable, Equatable, Sendable {
    public var role: String
    public var member: MemberID
    public init(role: String, member: MemberID) {
        self.role = role
        self.member = member
    }
}

/// An incident as reported: a breach, an abuse report, a request.
public struct IncidentReport: Codable, Equatable, Sendable {
    /// The incident kind of the rulebook; may be left out when the rulebook has only one.
    public var kind: String?
    /// How it reached the organisation.
    public var channel: LadderRulebook.Channel?
    public var facts: Sealed
    /// Who reported it, if they gave a name.
    public var reportedBy: MemberID?
    public init(kind: String? = nil, channel: LadderRulebook.Channel? = nil, facts: Sealed, reportedBy: MemberID? = nil)
    {
        self.kind = kind
        self.channel = channel
        self.facts = facts
        self.reportedBy = reportedBy
    }
}

/// A measure as decided.
public struct MeasureDecision: Codable, Equatable, Sendable {
    public var measure: String
    public var signatures: [Signature]
    /// How the person was told.
    public var channel: LadderRulebook.Channel?
    /// The last day of a temporary measure (it ends on its own that day).
    public var until: Day?
    public var outcome: String?
    /// The motivation: required when the text wants the measure motivated or an exception is used.
    public var reason: Sealed?
    /// The exception of the text relied upon to skip the prerequisites.
    public var exception: String?
    /// What the measure names (ACT: the social medium).
    public var detail: Sealed?
    public init(
        measure: String, signatures: [Signature], channel: LadderRulebook.Channel? = nil, until: Day? = nil,
        outcome: String? = nil, reason: Sealed? = nil, exception: String? = nil, detail: Sealed? = nil
    ) {
        self.measure = measure
        self.signatures = signatures
        self.channel = channel
        self.until = until
        self.outcome = outcome
        self.reason = reason
        self.exception = exception
        self.detail = detail
    }
}

/// The case another procedure opened for a rung that escalates (CLE 5.2's third repeat → an Article 5.6 case).
public struct EscalationLink: Codable, Equatable, Sendable {
    public var procedure: String
    public var caseID: CaseID
    public init(procedure: String, caseID: CaseID) {
        self.procedure = procedure
        self.caseID = caseID
    }
}

/// An act asked for on a person's ladder record.
public enum LadderCommand: Equatable, Sendable {
    case recordIncident(IncidentReport)
    case takeMeasure(MeasureDecision)
    /// Links the case opened by the escalation of the last measure.
    case linkCase(EscalationLink)
}

/// The record was opened under this rulebook version; it is evaluated under it for good.
public struct LadderOpened: Codable, Equatable, Sendable {
    public var rulebook: String
    public var version: Int
    public var member: MemberID
    public init(rulebook: String, version: Int, member: MemberID) {
        self.rulebook = rulebook
        self.version = version
        self.member = member
    }
}

/// An incident as recorded, with its rank among the person's incidents (1 = first, 2 = first repeat…).
public struct IncidentRecorded: Codable, Equatable, Sendable {
    public var kind: String
    public var channel: LadderRulebook.Channel?
    public var facts: Sealed
    public var reportedBy: MemberID?
    public var number: Int
    public init(kind: String, channel: LadderRulebook.Channel?, facts: Sealed, reportedBy: MemberID?, number: Int) {
        self.kind = kind
        self.channel = channel
        self.facts = facts
        self.reportedBy = reportedBy
        self.number = number
    }
}

/// A fact of a person's ladder record. The day is in the envelope (`DatedLadderEvent.on`).
public enum LadderEvent: Equatable, Sendable {
    case opened(LadderOpened)
    case incidentRecorded(IncidentRecorded)
    case measureTaken(MeasureDecision)
    case escalatedToCase(EscalationLink)

    public static let schemaVersion = 1

    /// The stable event type stored in the envelope.
    public var typeName: String {
        switch self {
        case .opened: "LadderOpened"
        case .incidentRecorded: "LadderIncidentRecorded"
        case .measureTaken: "LadderMeasureTaken"
        case .escalatedToCase: "LadderEscalatedToCase"
        }
    }

    public static let typeNames = [
        "LadderOpened", "LadderIncidentRecorded", "LadderMeasureTaken", "LadderEscalatedToCase"
    ]

    /// The payload as JSON with sorted keys.
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        switch self {
        case .opened(let p): return try encoder.encode(p)
        case .incidentRecorded(let p): return try encoder.encode(p)
        case .measureTaken(let p): return try encoder.encode(p)
        case .escalatedToCase(let p): return try encoder.encode(p)
        }
    }

    /// Rebuilds an event from its stored type and payload.
    public static func decode(type: String, payload: Data) throws -> LadderEvent {
        let decoder = PayloadDecoder.self
        switch type {
        case "LadderOpened": return .opened(try decoder.decode(LadderOpened.self, from: payload))
        case "LadderIncidentRecorded":
            return .incidentRecorded(try decoder.decode(IncidentRecorded.self, from: payload))
        case "LadderMeasureTaken": return .measureTaken(try decoder.decode(MeasureDecision.self, from: payload))
        case "LadderEscalatedToCase": return .escalatedToCase(try decoder.decode(EscalationLink.self, from: payload))
        default: throw CaseEvent.UnknownEventType(type: type)
        }
    }
}

/// A ladder event and the day it happened.
public struct DatedLadderEvent: Equatable, Sendable {
    public var on: Day
    public var event: LadderEvent
    public init(on: Day, event: LadderEvent) {
        self.on = on
        self.event = event
    }
}

/// A refusal of a ladder act: the rule and article of the organisation's own text, its words, and what is allowed.
public struct LadderRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rulebook's rule id (`R29` for CLE 5.2).
    public var rule: String
    public var article: String
    /// The words of the text the refusal rests on.
    public var quote: String
    public var fr: String
    public var en: String
    public var allowed: String?
    public var allowedEn: String?

    public init(
        rule: String, article: String, quote: String, fr: String, en: String, allowed: String? = nil,
        allowedEn: String? = nil
    ) {
        self.rule = rule
        self.article = article
        self.quote = quote
        self.fr = fr
        self.en = en
        self.allowed = allowed
        self.allowedEn = allowedEn
    }

    public var description: String {
        "\(rule) (art. \(article)): \(en)" + (allowedEn.map { " — \($0)" } ?? "")
    }
}
