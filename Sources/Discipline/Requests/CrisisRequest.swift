public import Foundation

/// Members ask the board for a crisis procedure against a moderation mandate (Article 3.2, rule R31).
public struct CrisisRequestLodging: Codable, Equatable, Sendable {
    /// The moderator the request is about.
    public var target: MemberID
    /// The members who signed (at least the rulebook's number, distinct, with dues of the year).
    public var signatories: [MemberID]
    /// Grave-motive category ids of Article 5.5 (« en cas de motif grave »).
    public var motives: [String]
    public var facts: Sealed
    /// The last day the board may put it into effect, set by the decider from the rulebook in force (R31).
    public var due: Day?
    public init(target: MemberID, signatories: [MemberID], motives: [String], facts: Sealed, due: Day? = nil) {
        self.target = target
        self.signatories = signatories
        self.motives = motives
        self.facts = facts
        self.due = due
    }
}

/// The board puts the request into effect: the Article 5.6 case it opened.
public struct CrisisRequestImplemented: Codable, Equatable, Sendable {
    public var caseID: CaseID
    /// Days after the last day allowed (0 when on time): a late implementation is recorded, and shown.
    public var daysLate: Int
    public init(caseID: CaseID, daysLate: Int) {
        self.caseID = caseID
        self.daysLate = daysLate
    }
}

public enum CrisisRequestCommand: Equatable, Sendable {
    case lodge(CrisisRequestLodging)
    case implement(caseID: CaseID)
}

/// A fact of a request (stream `request/<id>`); the day is in the envelope.
public enum CrisisRequestEvent: Equatable, Sendable {
    case lodged(CrisisRequestLodging)
    case implemented(CrisisRequestImplemented)

    public static let schemaVersion = 1

    public var typeName: String {
        switch self {
        case .lodged: "CrisisRequestLodged"
        case .implemented: "CrisisRequestImplemented"
        }
    }

    public static let typeNames = ["CrisisRequestLodged", "CrisisRequestImplemented"]

    /// The payload as JSON with sorted keys; with `sealer`, its free texts are sealed (``Sealed``).
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        switch self {
        case .lodged(let p): return try encoder.encode(p)
        case .implemented(let p): return try encoder.encode(p)
        }
    }

    public static func decode(type: String, payload: Data) throws -> CrisisRequestEvent {
        let decoder = PayloadDecoder.self
        switch type {
        case "CrisisRequestLodged": return .lodged(try decoder.decode(CrisisRequestLodging.self, from: payload))
        case "CrisisRequestImplemented":
            return .implemented(try decoder.decode(CrisisRequestImplemented.self, from: payload))
        default: throw CaseEvent.UnknownEventType(type: type)
        }
    }
}

public struct DatedCrisisRequestEvent: Equatable, Sendable {
    public var on: Day
    public var event: CrisisRequestEvent
    public init(on: Day, event: CrisisRequestEvent) {
        self.on = on
        self.event = event
    }
}

public struct CrisisRequestState: Equatable, Sendable {
    public var lodging: CrisisRequestLodging?
    public var lodgedOn: Day?
    public var implemented: Dated<CrisisRequestImplemented>?
    public init() {}

    /// The last day the board may put the request into effect, as recorded when it was lodged.
    public var due: Day? { lodging?.due }
}

/// The crisis-request decider (Article 3.2, rule R31). The number of signatories and the board's delay come from the
/// rulebook (`pathRules.crisisRequest`).
public enum CrisisRequestDecider {
    public static let initial = CrisisRequestState()

    public static func evolve(_ state: CrisisRequestState, _ dated: DatedCrisisRequestEvent) -> CrisisRequestState {
        var s = state
        switch dated.event {
        case .lodged(let l):
            s.lodging = l
            s.lodgedOn = dated.on
        case .implemented(let i):
            s.implemented = Dated(on: dated.on, value: i)
        }
        return s
    }

    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R31, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    /// `members`: the roster as of `day`; `roles`: the mandates in force that day.
    public static func decide(
        _ state: CrisisRequestState, _ command: CrisisRequestCommand, members: [MemberID: MemberStanding],
        roles: [MemberID: Set<MandateRole>], rulebook: Rulebook, on day: Day
    ) -> Result<[CrisisRequestEvent], Refusal> {
        do {
            return .success(try run(state, command, members: members, roles: roles, rulebook: rulebook, on: day))
        } catch {
            return .failure(error)
        }
    }

    static func run(
        _ state: CrisisRequestState, _ command: CrisisRequestCommand, members: [MemberID: MemberStanding],
        roles: [MemberID: Set<MandateRole>], rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [CrisisRequestEvent] {
        let rules = rulebook.pathRules.crisisRequest ?? .cle
        switch command {
        case .lodge(let l):
            if state.lodging != nil {
                throw Refusal(.order, fr: "cette demande est déjà enregistrée", en: "this request is already recorded")
            }
            guard roles[l.target]?.contains(.moderator) ?? false else {
                throw refuse(
                    "\(l.target) ne détient pas de mandat de modération ce jour (« pour un mandat de modération »)",
                    "\(l.target) holds no moderation mandate that day")
            }
            let distinct = Set(l.signatories)
            if distinct.count != l.signatories.count {
                throw refuse(
                    "un signataire figure deux fois : chaque membre signe une fois", "a signatory appears twice")
            }
            if distinct.contains(l.target) {
                throw refuse(
                    "\(l.target), visé·e par la demande, ne la signe pas",
                    "\(l.target), the subject of the request, does not sign it")
            }
            var valid: [MemberID] = []
            var reasons: [String] = []
            for s in l.signatories {
                guard let standing = members[s], standing.isActive(on: day) else {
                    reasons.append("\(s) n'est pas adhérent·e ce jour")
                    continue
                }
                if !standing.duesYears.contains(day.year) {
                    reasons.append("\(s) n'est pas à jour de cotisation pour \(day.year)")
                    continue
                }
                valid.append(s)
            }
            if !reasons.isEmpty {
                throw refuse(
                    reasons.joined(separator: " ; ") + " (« au moins 5 membres à jour de cotisation »)",
                    "signatories not up to date with dues or not members: " + reasons.joined(separator: "; "))
            }
            if valid.count < rules.minimum {
                throw refuse(
                    "\(valid.count) signataire(s) à jour de cotisation, il en faut au moins \(rules.minimum)",
                    "\(valid.count) signatory(ies) up to date with dues, at least \(rules.minimum) needed",
                    allowed: "--signatory MEMBRE, \(rules.minimum) fois au moins",
                    allowedEn: "--signatory MEMBER, at least \(rules.minimum) times")
            }
            if l.motives.isEmpty {
                throw refuse(
                    "nommer le motif grave (art. 5.5) : « en cas de motif grave »", "name the grave motive (art. 5.5)",
                    allowed: rulebook.motives.map(\.id).joined(separator: ", "),
                    allowedEn: rulebook.motives.map(\.id).joined(separator: ", "))
            }
            if let unknown = l.motives.first(where: { rulebook.motive($0) == nil }) {
                throw refuse(
                    "motif inconnu : \(unknown)", "unknown motive: \(unknown)",
                    allowed: rulebook.motives.map(\.id).joined(separator: ", "),
                    allowedEn: rulebook.motives.map(\.id).joined(separator: ", "))
            }
            if l.facts.isBlank {
                throw refuse("décrire les faits (--facts)", "describe the facts (--facts)")
            }
            var recorded = l
            recorded.due = rules.delay.end(from: day)
            return [.lodged(recorded)]
        case .implement(let caseID):
            guard let lodgedOn = state.lodgedOn else {
                throw refuse("aucune demande enregistrée sous cet identifiant", "no request recorded under this id")
            }
            if state.implemented != nil {
                throw refuse("la demande est déjà mise en œuvre", "the request is already put into effect")
            }
            if day < lodgedOn {
                throw Refusal(
                    .order, fr: "la mise en œuvre ne précède pas la demande (\(lodgedOn.frenchDescription))",
                    en: "the implementation cannot precede the request (\(lodgedOn))")
            }
            let due = state.due ?? rules.delay.end(from: lodgedOn)
            return [.implemented(CrisisRequestImplemented(caseID: caseID, daysLate: max(0, due.days(until: day))))]
        }
    }
}
