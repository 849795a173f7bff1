public import Foundation

/// Whether a member is a person or a member association.
public enum MemberKind: String, Codable, Equatable, Hashable, Sendable {
    case person
    case association
}

/// A role or mandate a member can hold. Known roles have fixed names; anything else is kept as written.
public enum MandateRole: RawRepresentable, Codable, Equatable, Hashable, Sendable {
    /// Seat on the board (conseil d'administration).
    case boardMember
    /// Rapporteur (responsable du dossier) — as a standing role, not a case designation.
    case rapporteur
    case moderator
    /// Local representative (antenne locale).
    case localRepresentative
    /// Any other mandate, by its name.
    case other(String)

    public init(rawValue: String) {
        switch rawValue {
        case "board-member": self = .boardMember
        case "rapporteur": self = .rapporteur
        case "moderator": self = .moderator
        case "local-representative": self = .localRepresentative
        default: self = .other(rawValue)
        }
    }

    /// `board-member`, `rapporteur`, `moderator`, `local-representative`, or the other role's own name.
    public var rawValue: String {
        switch self {
        case .boardMember: return "board-member"
        case .rapporteur: return "rapporteur"
        case .moderator: return "moderator"
        case .localRepresentative: return "local-representative"
        case .other(let name): return name
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// An act about one member, stored in that member's own stream.
///
/// The day of the act is not part of the payload: the log stores it beside the event (see ``DatedMemberEvent``).
/// Each payload names the member, so a payload read alone still says whom it is about.
public enum MemberEvent: Equatable, Sendable {
    /// The member joins the association. `email` is empty for a member known by a phone number only (a roster from a
    /// messaging group); `phone`, when known, is sealed like the e-mail. `member` is the register's own opaque id
    /// (`M0001`); `reference` is the association's identifier for the person (the roster file's `Identifiant`
    /// column), an identity field sealed like the name. Records written before Greffe assigned its ids have no
    /// reference: the id is the association's identifier there.
    case joined(
        member: MemberID, displayName: Sealed, email: Sealed, kind: MemberKind, phone: Sealed? = nil,
        reference: Sealed? = nil)
    /// Name, email, kind, phone or reference corrected; only the fields that changed are present.
    case detailsChanged(
        member: MemberID, displayName: Sealed?, email: Sealed?, kind: MemberKind?, phone: Sealed? = nil,
        reference: Sealed? = nil)
    /// Dues paid for a calendar year (R13: "à jour de cotisation de l'année en cours").
    case duesPaid(member: MemberID, year: Int)
    /// The member takes up a mandate.
    case mandateHeld(member: MemberID, role: MandateRole)
    /// The member's mandate ends.
    case mandateEnded(member: MemberID, role: MandateRole)
    /// The member leaves the association.
    case left(member: MemberID)
    /// The member is radiated (R28), after the case that decided it when there is one.
    case radiated(member: MemberID, byCase: CaseID?)
    /// The member's personal data was erased (Article 6, GDPR art. 17): their key is destroyed, so every text sealed
    /// under it is unreadable from then on. `reason` says why (a request, the end of membership) and names no one;
    /// `requestedBy` is who asked, when not the recorder.
    case erased(member: MemberID, reason: String, requestedBy: MemberID?)
    /// The member resigned by letter (Article 2.2, R37), effective on the day the letter was sent (the envelope's day);
    /// `via`: how the letter came; `collectiveDecision`: a member association's proof of its collective decision.
    case resigned(member: MemberID, via: String, collectiveDecision: Sealed?)

    /// Version of every payload's JSON schema.
    public static let schemaVersion = 1

    /// Every type name, as stored in the log.
    public static let typeNames = [
        "MemberJoined", "MemberDetailsChanged", "MemberDuesPaid", "MemberMandateHeld", "MemberMandateEnded",
        "MemberLeft", "MemberRadiated", "MemberErased", "MemberResigned"
    ]

    /// The stable name of the event type, as stored in the log.
    public var typeName: String {
        switch self {
        case .joined: return "MemberJoined"
        case .detailsChanged: return "MemberDetailsChanged"
        case .duesPaid: return "MemberDuesPaid"
        case .mandateHeld: return "MemberMandateHeld"
        case .mandateEnded: return "MemberMandateEnded"
        case .left: return "MemberLeft"
        case .radiated: return "MemberRadiated"
        case .erased: return "MemberErased"
        case .resigned: return "MemberResigned"
        }
    }

    /// The member the event is about.
    public var member: MemberID {
        switch self {
        case .joined(let m, _, _, _, _, _), .detailsChanged(let m, _, _, _, _, _), .duesPaid(let m, _),
            .mandateHeld(let m, _),
            .mandateEnded(let m, _), .left(let m), .radiated(let m, _), .erased(let m, _, _),
            .resigned(let m, _, _):
            return m
        }
    }

    /// The payload as JSON with sorted keys (absent optionals are left out), for storage and hashing.
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        return try encoder.encode(Payload(self))
    }

    /// Decodes a stored payload of the given type name.
    public static func decode(type: String, payload: Data) throws -> MemberEvent {
        let p = try PayloadDecoder.decode(Payload.self, from: payload)
        func need<T>(_ value: T?, _ key: String) throws -> T {
            guard let value else { throw MemberEventDecodingError.missingField(type: type, field: key) }
            return value
        }
        switch type {
        case "MemberJoined":
            return .joined(
                member: p.member, displayName: try need(p.displayName, "displayName"),
                email: try need(p.email, "email"), kind: try need(p.kind, "kind"), phone: p.phone,
                reference: p.reference)
        case "MemberDetailsChanged":
            return .detailsChanged(
                member: p.member, displayName: p.displayName, email: p.email, kind: p.kind, phone: p.phone,
                reference: p.reference)
        case "MemberDuesPaid":
            return .duesPaid(member: p.member, year: try need(p.year, "year"))
        case "MemberMandateHeld":
            return .mandateHeld(member: p.member, role: try need(p.role, "role"))
        case "MemberMandateEnded":
            return .mandateEnded(member: p.member, role: try need(p.role, "role"))
        case "MemberLeft":
            return .left(member: p.member)
        case "MemberRadiated":
            return .radiated(member: p.member, byCase: p.byCase)
        case "MemberErased":
            return .erased(member: p.member, reason: try need(p.reason, "reason"), requestedBy: p.requestedBy)
        case "MemberResigned":
            return .resigned(member: p.member, via: try need(p.via, "via"), collectiveDecision: p.collectiveDecision)
        default:
            throw MemberEventDecodingError.unknownType(type)
        }
    }

    /// The flat JSON shape shared by all payloads; each type uses its own fields.
    struct Payload: Codable {
        var member: MemberID
        var displayName: Sealed?
        var email: Sealed?
        var kind: MemberKind?
        var year: Int?
        var role: MandateRole?
        var byCase: CaseID?
        var reason: String?
        var requestedBy: MemberID?
        var via: String?
        var collectiveDecision: Sealed?
        var phone: Sealed?
        var reference: Sealed?

        init(_ event: MemberEvent) {
            member = event.member
            switch event {
            case .joined(_, let name, let email, let kind, let phone, let reference):
                displayName = name; self.email = email; self.kind = kind; self.phone = phone
                self.reference = reference
            case .detailsChanged(_, let name, let email, let kind, let phone, let reference):
                displayName = name; self.email = email; self.kind = kind; self.phone = phone
                self.reference = reference
            case .duesPaid(_, let year): self.year = year
            case .mandateHeld(_, let role), .mandateEnded(_, let role): self.role = role
            case .left: break
            case .radiated(_, let byCase): self.byCase = byCase
            case .erased(_, let reason, let requestedBy): self.reason = reason; self.requestedBy = requestedBy
            case .resigned(_, let via, let decision): self.via = via; collectiveDecision = decision
            }
        }
    }
}

extension MemberEvent: Codable {
    private enum CodingKeys: String, CodingKey { case type, payload }

    /// Encoded as `{"type": "MemberJoined", "payload": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        try c.encode(Payload(self), forKey: .payload)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        let payload = try c.decode(Payload.self, forKey: .payload)
        let encoder = JSONEncoder()
        self = try MemberEvent.decode(type: type, payload: encoder.encode(payload))
    }
}

/// Why a stored member event cannot be read back.
public enum MemberEventDecodingError: Error, Equatable, Sendable {
    case unknownType(String)
    case missingField(type: String, field: String)
}

/// A member event with the day the act happened (not the day it was recorded).
public struct DatedMemberEvent: Codable, Equatable, Sendable {
    /// The day the act happened, in the association's time zone.
    public var on: Day
    /// What happened.
    public var event: MemberEvent

    public init(on: Day, event: MemberEvent) {
        self.on = on
        self.event = event
    }
}
