public import Foundation

/// Why the board moves to revoke a mandate (Article 4.5).
public struct RevocationGround: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// « En cas d'absence à trois réunions consécutives ».
        case missedMeetings
        /// « En cas de silence de 2 mois ».
        case silence
        /// « Si les mandatés ne respectent pas ce règlement et leurs obligations ».
        case breach
    }
    public var kind: Kind
    /// For `missedMeetings`: the consecutive meetings missed.
    public var meetingsMissed: Int?
    /// For `silence`: the day of the holder's last sign of life.
    public var silentSince: Day?
    /// What happened, in the board's words.
    public var facts: Sealed
    public init(kind: Kind, meetingsMissed: Int? = nil, silentSince: Day? = nil, facts: Sealed) {
        self.kind = kind
        self.meetingsMissed = meetingsMissed
        self.silentSince = silentSince
        self.facts = facts
    }
}

/// The board opens a revocation of `holder`'s `role`.
public struct RevocationOpening: Codable, Equatable, Sendable {
    public var holder: MemberID
    public var role: MandateRole
    public var ground: RevocationGround
    public init(holder: MemberID, role: MandateRole, ground: RevocationGround) {
        self.holder = holder
        self.role = role
        self.ground = ground
    }
}

/// « Le mandaté concerné est convoqué pour fournir une explication par écrit ou oral, accompagné de la personne de son
/// choix ».
public struct HolderConvocation: Codable, Equatable, Sendable {
    public enum Form: String, Codable, Sendable, CaseIterable { case writing, oral }
    public var form: Form
    /// The person of the holder's choice, when they named one.
    public var companion: Sealed?
    public init(form: Form, companion: Sealed? = nil) {
        self.form = form
        self.companion = companion
    }
}

/// What came of the convocation.
public struct HolderExplanation: Codable, Equatable, Sendable {
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// The explanation settles it: no vote, the mandate stays.
        case resolved
        /// « En cas de non-réponse ».
        case noAnswer
        /// « ou de désaccords persistants ».
        case persistentDisagreement
    }
    public var outcome: Outcome
    public var note: Sealed?
    public init(outcome: Outcome, note: Sealed? = nil) {
        self.outcome = outcome
        self.note = note
    }
}

/// The board's vote: ballots `revoke`, `keep` or blank, the member concerned not voting.
public struct RevocationVote: Codable, Equatable, Sendable {
    public var ballots: [Ballot]
    /// Board members on the day, the holder left out.
    public var bodySize: Int
    public var tally: VoteTally
    public var revoked: Bool
    public init(ballots: [Ballot], bodySize: Int, tally: VoteTally, revoked: Bool) {
        self.ballots = ballots
        self.bodySize = bodySize
        self.tally = tally
        self.revoked = revoked
    }
}

public enum RevocationCommand: Equatable, Sendable {
    case open(RevocationOpening)
    case convene(HolderConvocation)
    case recordExplanation(HolderExplanation)
    case vote(ballots: [Ballot])
}

/// A fact of a revocation (stream `revocation/<id>`); the day is in the envelope.
public enum RevocationEvent: Equatable, Sendable {
    case opened(RevocationOpening)
    case holderConvened(HolderConvocation)
    case explanationRecorded(HolderExplanation)
    case boardVoted(RevocationVote)

    public static let schemaVersion = 1

    public var typeName: String {
        switch self {
        case .opened: "RevocationOpened"
        case .holderConvened: "RevocationHolderConvened"
        case .explanationRecorded: "RevocationExplanationRecorded"
        case .boardVoted: "RevocationVoted"
        }
    }

    public static let typeNames = [
        "RevocationOpened", "RevocationHolderConvened", "RevocationExplanationRecorded",
        "RevocationVoted"
    ]

    /// The payload as JSON with sorted keys; with `sealer`, its free texts are sealed (``Sealed``).
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        switch self {
        case .opened(let p): return try encoder.encode(p)
        case .holderConvened(let p): return try encoder.encode(p)
        case .explanationRecorded(let p): return try encoder.encode(p)
        case .boardVoted(let p): return try encoder.encode(p)
        }
    }

    public static func decode(type: String, payload: Data) throws -> RevocationEvent {
        let decoder = PayloadDecoder.self
        switch type {
        case "RevocationOpened": return .opened(try decoder.decode(RevocationOpening.self, from: payload))
        case "RevocationHolderConvened":
            return .holderConvened(try decoder.decode(HolderConvocation.self, from: payload))
        case "RevocationExplanationRecorded":
            return .explanationRecorded(try decoder.decode(HolderExplanation.self, from: payload))
        case "RevocationVoted": return .boardVoted(try decoder.decode(RevocationVote.self, from: payload))
        default: throw CaseEvent.UnknownEventType(type: type)
        }
    }
}

public struct DatedRevocationEvent: Equatable, Sendable {
    public var on: Day
    public var event: RevocationEvent
    public init(on: Day, event: RevocationEvent) {
        self.on = on
        self.event = event
    }
}

/// A revocation as rebuilt from its events.
public struct RevocationState: Equatable, Sendable {
    public var opening: RevocationOpening?
    public var openedOn: Day?
    public var convocation: Dated<HolderConvocation>?
    public var explanation: Dated<HolderExplanation>?
    public var vote: Dated<RevocationVote>?
    public var lastActOn: Day?
    public init() {}

    /// Ended: settled by the explanation, or voted (carried or not).
    public var closed: Bool { explanation?.value.outcome == .resolved || vote != nil }
    public var revoked: Bool { vote?.value.revoked ?? false }

    public var pendingFr: (fr: String, en: String)? {
        guard opening != nil, !closed else { return nil }
        if convocation == nil {
            return ("convoquer le mandaté pour une explication", "convene the holder for an explanation")
        }
        if explanation == nil { return ("explication du mandaté attendue", "holder's explanation awaited") }
        return ("vote du Conseil (deux tiers) à tenir", "board vote (two-thirds) to hold")
    }
}

/// The revocation decider (Article 4.5, rule R32). Numbers (meetings, silence, majority) come from the rulebook.
public enum RevocationDecider {
    public static let initial = RevocationState()

    public static func evolve(_ state: RevocationState, _ dated: DatedRevocationEvent) -> RevocationState {
        var s = state
        s.lastActOn = dated.on
        switch dated.event {
        case .opened(let o):
            s.opening = o
            s.openedOn = dated.on
        case .holderConvened(let c): s.convocation = Dated(on: dated.on, value: c)
        case .explanationRecorded(let e): s.explanation = Dated(on: dated.on, value: e)
        case .boardVoted(let v): s.vote = Dated(on: dated.on, value: v)
        }
        return s
    }

    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R32, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    /// The options of a revocation ballot.
    public static let revoke = "revoke", keep = "keep"

    /// `members`: the roster as of `day` (mandates and board seats).
    public static func decide(
        _ state: RevocationState, _ command: RevocationCommand, members: [MemberID: MemberStanding],
        roles: [MemberID: Set<MandateRole>], rulebook: Rulebook, on day: Day
    ) -> Result<[RevocationEvent], Refusal> {
        do {
            return .success(try run(state, command, members: members, roles: roles, rulebook: rulebook, on: day))
        } catch {
            return .failure(error)
        }
    }

    static func run(
        _ state: RevocationState, _ command: RevocationCommand, members: [MemberID: MemberStanding],
        roles: [MemberID: Set<MandateRole>], rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [RevocationEvent] {
        if state.closed {
            throw Refusal(.order, fr: "cette révocation est close", en: "this revocation is closed")
        }
        if let last = state.lastActOn, day < last {
            throw Refusal(
                .order, fr: "un acte ne peut être daté avant le précédent (\(last.frenchDescription))",
                en: "an act cannot be dated before the previous one (\(last))",
                allowed: "le \(last.frenchDescription) ou après", allowedEn: "on or after \(last)")
        }
        if case .open = command {
        } else if state.opening == nil {
            throw refuse("aucune révocation ouverte sous cet identifiant", "no revocation was opened under this id")
        }
        let rules = rulebook.pathRules.revocation ?? .cle
        switch command {
        case .open(let o):
            if state.opening != nil { throw Refusal(.order, fr: "déjà ouverte", en: "already open") }
            guard roles[o.holder]?.contains(o.role) ?? false else {
                throw refuse(
                    "\(o.holder) ne détient pas le mandat « \(o.role.rawValue) » ce jour",
                    "\(o.holder) does not hold the mandate \(o.role.rawValue) that day")
            }
            if o.ground.facts.isBlank {
                throw refuse("décrire les faits du motif (--facts)", "describe the facts of the ground (--facts)")
            }
            switch o.ground.kind {
            case .missedMeetings:
                let n = o.ground.meetingsMissed ?? 0
                if n < rules.meetings {
                    throw refuse(
                        "absence à \(n) réunion(s) consécutive(s) : le texte en demande \(rules.meetings) (« En cas d'absence à trois réunions consécutives »)",
                        "\(n) consecutive meeting(s) missed: the text requires \(rules.meetings)",
                        allowed: "--meetings-missed \(rules.meetings) ou plus",
                        allowedEn: "--meetings-missed \(rules.meetings) or more")
                }
            case .silence:
                guard let since = o.ground.silentSince else {
                    throw refuse(
                        "indiquer le début du silence (--silent-since)",
                        "give the day the silence began (--silent-since)")
                }
                let end = rules.silencePeriod.end(from: since)
                if end > day {
                    throw refuse(
                        "silence depuis le \(since.frenchDescription) : \(rules.silencePeriod.fr) ne sont atteints que le \(end.frenchDescription) (« En cas de silence de 2 mois »)",
                        "silent since \(since): \(rules.silencePeriod.en) are reached only on \(end)",
                        allowed: "le \(end.frenchDescription) ou après", allowedEn: "on or after \(end)")
                }
            case .breach:
                break
            }
            return [.opened(o)]
        case .convene(let c):
            if state.convocation != nil {
                throw refuse("le mandaté est déjà convoqué", "the holder is already convened")
            }
            return [.holderConvened(c)]
        case .recordExplanation(let e):
            guard state.convocation != nil else {
                throw refuse(
                    "le mandaté est d'abord convoqué (« Le mandaté concerné est convoqué pour fournir une explication »)",
                    "the holder is convened first", allowed: "greffe revocation convene",
                    allowedEn: "greffe revocation convene")
            }
            if state.explanation != nil {
                throw refuse("l'explication est déjà enregistrée", "the explanation is already recorded")
            }
            return [.explanationRecorded(e)]
        case .vote(let ballots):
            guard let explanation = state.explanation, explanation.value.outcome != .resolved else {
                throw refuse(
                    "le vote suit une non-réponse ou des désaccords persistants (« En cas de non-réponse ou de désaccords persistants, la révocation est votée par les deux tiers des voix »)",
                    "the vote follows a non-answer or persistent disagreement",
                    allowed: "greffe revocation explanation … --outcome noAnswer|persistentDisagreement",
                    allowedEn: "greffe revocation explanation … --outcome noAnswer|persistentDisagreement")
            }
            guard let holder = state.opening?.holder else {
                throw refuse("révocation sans mandaté", "revocation without holder")
            }
            let voters = ballots.map(\.member)
            if Set(voters).count != voters.count {
                throw refuse("un membre du Conseil vote une seule fois", "a board member votes once")
            }
            if voters.contains(holder) {
                throw refuse(
                    "\(holder), mandaté concerné, ne vote pas sur sa propre révocation",
                    "\(holder), the holder concerned, does not vote on their own revocation")
            }
            let board = Set(members.values.filter { $0.boardMember && $0.isActive(on: day) }.map(\.id)).subtracting([
                holder
            ])
            if let outsider = voters.first(where: { !board.contains($0) }) {
                throw refuse(
                    "\(outsider) ne siège pas au Conseil ce jour", "\(outsider) does not sit on the board that day")
            }
            if let bad = ballots.first(where: { $0.option != nil && $0.option != revoke && $0.option != keep }) {
                throw refuse(
                    "bulletin inconnu « \(bad.option ?? "") »", "unknown ballot \(bad.option ?? "")",
                    allowed: "\(revoke), \(keep) ou blanc", allowedEn: "\(revoke), \(keep) or blank")
            }
            let counted = Ballots(ballots)
            let tally = rulebook.revocationVoting.reachesTwoThirds(
                yes: counted.votes(for: revoke), cast: counted.cast, blanks: counted.blanks, bodySize: board.count)
            return [
                .boardVoted(
                    RevocationVote(ballots: ballots, bodySize: board.count, tally: tally, revoked: tally.reached))
            ]
        }
    }

    /// Re-counts a recorded vote under `rulebook` (for the audit): `nil` when it agrees.
    public static func recount(_ vote: RevocationVote, rulebook: Rulebook) -> String? {
        let counted = Ballots(vote.ballots)
        let tally = rulebook.revocationVoting.reachesTwoThirds(
            yes: counted.votes(for: revoke), cast: counted.cast, blanks: counted.blanks, bodySize: vote.bodySize)
        if tally != vote.tally { return "décompte \(tally.arithmetic) ≠ \(vote.tally.arithmetic) enregistré" }
        if tally.reached != vote.revoked { return "issue enregistrée contraire au décompte" }
        return nil
    }
}
