public import Foundation

/// Where a mediation comes from (5.4): a conflict the parties recognise, or the end of an Article 5.6 case
/// (« Une médiation peut être décidée pour donner suite à une procédure de gestion de crise »).
public struct MediationOpening: Codable, Equatable, Sendable {
    /// The members in conflict (at least two, distinct).
    public var parties: [MemberID]
    /// What the conflict is about, in the parties' words.
    public var facts: Sealed
    /// The crisis case it follows, when it does.
    public var followsCase: CaseID?
    public init(parties: [MemberID], facts: Sealed, followsCase: CaseID? = nil) {
        self.parties = parties
        self.facts = facts
        self.followsCase = followsCase
    }
}

/// A mediator named: by the parties' agreement, or called by the board when they could not agree.
public struct MediatorNaming: Codable, Equatable, Sendable {
    public enum By: String, Codable, Sendable, CaseIterable {
        /// « Les membres impliqués peuvent demander l'aide d'autres adhérents en désignant un médiateur ».
        case parties
        /// « il revient au Conseil d'administration de faire appel à un membre indépendant du conflit, à jour de
        /// cotisation pour l'année en cours ».
        case board
    }
    public var mediator: MemberID
    public var by: By
    public init(mediator: MemberID, by: By) {
        self.mediator = mediator
        self.by = by
    }
}

/// The called member's answer to the board's call.
public struct MediatorAnswer: Codable, Equatable, Sendable {
    public enum Answer: String, Codable, Sendable, CaseIterable {
        case accepted
        case declined
        /// « En cas de non-réponse »: recorded by the board when it gives up waiting.
        case noAnswer
    }
    public var mediator: MemberID
    public var answer: Answer
    public init(mediator: MemberID, answer: Answer) {
        self.mediator = mediator
        self.answer = answer
    }
}

/// How a mediation ends.
public struct MediationOutcome: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The parties reached an amicable agreement.
        case agreement
        /// No agreement.
        case failure
        /// The conflict is taken to the board as a complaint (Article 5.6).
        case complaint
    }
    public var outcome: Kind
    public var note: Sealed?
    /// The case the complaint opened, for `complaint`, when it is already filed.
    public var caseID: CaseID?
    public init(outcome: Kind, note: Sealed? = nil, caseID: CaseID? = nil) {
        self.outcome = outcome
        self.note = note
        self.caseID = caseID
    }
}

/// An act asked for on a mediation.
public enum MediationCommand: Equatable, Sendable {
    case open(MediationOpening)
    case nameMediator(MediatorNaming)
    case recordAnswer(MediatorAnswer)
    /// The public draw among the eligible members (computed by the decider from the facts), with its sources.
    case announceDraw(sources: [EntropySource])
    /// The published values of the announced sources.
    case performDraw(values: [[String]])
    case conclude(MediationOutcome)
}

/// A fact of a mediation (stream `mediation/<id>`); the day is in the envelope.
public enum MediationEvent: Equatable, Sendable {
    case opened(MediationOpening)
    case mediatorNamed(MediatorNaming)
    case mediatorAnswered(MediatorAnswer)
    case drawAnnounced(DrawAnnouncement)
    case drawPerformed(CellDraw)
    case concluded(MediationOutcome)

    public static let schemaVersion = 1

    public var typeName: String {
        switch self {
        case .opened: "MediationOpened"
        case .mediatorNamed: "MediatorNamed"
        case .mediatorAnswered: "MediatorAnswered"
        case .drawAnnounced: "MediationDrawAnnounced"
        case .drawPerformed: "MediationDrawPerformed"
        case .concluded: "MediationConcluded"
        }
    }

    public static let typeNames = [
        "MediationOpened", "MediatorNamed", "MediatorAnswered", "MediationDrawAnnounced",
        "MediationDrawPerformed", "MediationConcluded"
    ]

    /// The payload as JSON with sorted keys; with `sealer`, its free texts are sealed (``Sealed``).
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        switch self {
        case .opened(let p): return try encoder.encode(p)
        case .mediatorNamed(let p): return try encoder.encode(p)
        case .mediatorAnswered(let p): return try encoder.encode(p)
        case .drawAnnounced(let p): return try encoder.encode(p)
        case .drawPerformed(let p): return try encoder.encode(p)
        case .concluded(let p): return try encoder.encode(p)
        }
    }

    public static func decode(type: String, payload: Data) throws -> MediationEvent {
        let decoder = PayloadDecoder.self
        switch type {
        case "MediationOpened": return .opened(try decoder.decode(MediationOpening.self, from: payload))
        case "MediatorNamed": return .mediatorNamed(try decoder.decode(MediatorNaming.self, from: payload))
        case "MediatorAnswered": return .mediatorAnswered(try decoder.decode(MediatorAnswer.self, from: payload))
        case "MediationDrawAnnounced": return .drawAnnounced(try decoder.decode(DrawAnnouncement.self, from: payload))
        case "MediationDrawPerformed": return .drawPerformed(try decoder.decode(CellDraw.self, from: payload))
        case "MediationConcluded": return .concluded(try decoder.decode(MediationOutcome.self, from: payload))
        default: throw CaseEvent.UnknownEventType(type: type)
        }
    }
}

/// A mediation event and the day it happened.
public struct DatedMediationEvent: Equatable, Sendable {
    public var on: Day
    public var event: MediationEvent
    public init(on: Day, event: MediationEvent) {
        self.on = on
        self.event = event
    }
}
