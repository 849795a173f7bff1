public import Foundation

/// A board member proposes a new version of the procedure rulebook (Article 9, rule R34): « sur proposition d'un membre
/// du Conseil d'administration ». The proposal names the version by its id, number and digest, so that only that very
/// text can be adopted once the GA has carried it.
public struct AmendmentProposal: Codable, Equatable, Sendable {
    public var proposer: MemberID
    /// The procedure rulebook's id (`cle-autistes-ri`).
    public var rulebook: String
    public var version: Int
    /// SHA-256 of the proposed version's file form, lowercase hex (what `RulebookAdopted.sha256` will record).
    public var sha256: String
    /// What the amendment changes, in the proposer's words.
    public var summary: Sealed
    public init(proposer: MemberID, rulebook: String, version: Int, sha256: String, summary: Sealed) {
        self.proposer = proposer
        self.rulebook = rulebook
        self.version = version
        self.sha256 = sha256
        self.summary = summary
    }
}

/// The GA's vote on the proposal: ballots `adopt`, `reject` or blank, counted at the rulebook's two-thirds.
public struct AmendmentVote: Codable, Equatable, Sendable {
    public var ballots: [Ballot]
    /// Members who may vote at the GA that day (Article 2.4, R36).
    public var bodySize: Int
    public var tally: VoteTally
    public var carried: Bool
    /// The last day the new text is sent to all members (« sous un délai d'un mois suivant la date de la
    /// modification »), set when carried.
    public var noticeDue: Day?
    public init(ballots: [Ballot], bodySize: Int, tally: VoteTally, carried: Bool, noticeDue: Day?) {
        self.ballots = ballots
        self.bodySize = bodySize
        self.tally = tally
        self.carried = carried
        self.noticeDue = noticeDue
    }
}

/// The new text was sent to all members by e-mail.
public struct AmendmentNotice: Codable, Equatable, Sendable {
    /// Days after the last day allowed (0 when on time).
    public var daysLate: Int
    public init(daysLate: Int) { self.daysLate = daysLate }
}

public enum AmendmentCommand: Equatable, Sendable {
    case propose(AmendmentProposal)
    /// `voters`: who may vote at the GA that day (R36).
    case vote(ballots: [Ballot], voters: Set<MemberID>)
    case notify
}

/// A fact of an amendment (stream `amendment/<id>`); the day is in the envelope.
public enum AmendmentEvent: Equatable, Sendable {
    case proposed(AmendmentProposal)
    case voted(AmendmentVote)
    case noticeSent(AmendmentNotice)

    public static let schemaVersion = 1

    public var typeName: String {
        switch self {
        case .proposed: "AmendmentProposed"
        case .voted: "AmendmentVoted"
        case .noticeSent: "AmendmentNoticeSent"
        }
    }

    public static let typeNames = ["AmendmentProposed", "AmendmentVoted", "AmendmentNoticeSent"]

    /// The payload as JSON with sorted keys; with `sealer`, its free texts are sealed (``Sealed``).
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        switch self {
        case .proposed(let p): return try encoder.encode(p)
        case .voted(let p): return try encoder.encode(p)
        case .noticeSent(let p): return try encoder.encode(p)
        }
    }

    public static func decode(type: String, payload: Data) throws -> AmendmentEvent {
        let decoder = PayloadDecoder.self
        switch type {
        case "AmendmentProposed": return .proposed(try decoder.decode(AmendmentProposal.self, from: payload))
        case "AmendmentVoted": return .voted(try decoder.decode(AmendmentVote.self, from: payload))
        case "AmendmentNoticeSent": return .noticeSent(try decoder.decode(AmendmentNotice.self, from: payload))
        default: throw CaseEvent.UnknownEventType(type: type)
        }
    }
}

public struct DatedAmendmentEvent: Equatable, Sendable {
    public var on: Day
    public var event: AmendmentEvent
    public init(on: Day, event: AmendmentEvent) {
        self.on = on
        self.event = event
    }
}

public struct AmendmentState: Equatable, Sendable {
    public var proposal: Dated<AmendmentProposal>?
    public var vote: Dated<AmendmentVote>?
    public var notice: Dated<AmendmentNotice>?
    public init() {}

    public var carried: Bool { vote?.value.carried ?? false }

    /// What the amendment waits for, in French and English, with its due day when the text gives one.
    public var pending: (fr: String, en: String, since: Day, due: Day?)? {
        guard let proposal else { return nil }
        guard let vote else {
            return (
                "vote de l'Assemblée générale (deux tiers) à tenir", "GA vote (two-thirds) to hold", proposal.on, nil
            )
        }
        guard vote.value.carried, notice == nil else { return nil }
        return (
            "nouveau règlement à adresser à tous les membres par courriel",
            "new rulebook to send to all members by e-mail",
            vote.on, vote.value.noticeDue
        )
    }
}

/// Article 9: « sur proposition d'un membre du Conseil d'administration et par l'Assemblée générale à la majorité des
/// deux tiers »; « sous un délai d'un mois ». The fraction is the rulebook's `twoThirds`, the delay
/// `paths.amendment.notice`.
public enum AmendmentDecider {
    public static let initial = AmendmentState()
    public static let adopt = "adopt"
    public static let reject = "reject"

    public static func evolve(_ state: AmendmentState, _ dated: DatedAmendmentEvent) -> AmendmentState {
        var s = state
        switch dated.event {
        case .proposed(let p): s.proposal = Dated(on: dated.on, value: p)
        case .voted(let v): s.vote = Dated(on: dated.on, value: v)
        case .noticeSent(let n): s.notice = Dated(on: dated.on, value: n)
        }
        return s
    }

    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R34, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    /// `roles`: the mandates in force that day; `current`: the procedure rulebook in force that day.
    public static func decide(
        _ state: AmendmentState, _ command: AmendmentCommand, roles: [MemberID: Set<MandateRole>],
        rulebook: Rulebook, on day: Day
    ) -> Result<[AmendmentEvent], Refusal> {
        do {
            return .success(try run(state, command, roles: roles, rulebook: rulebook, on: day))
        } catch {
            return .failure(error)
        }
    }

    static func run(
        _ state: AmendmentState, _ command: AmendmentCommand, roles: [MemberID: Set<MandateRole>],
        rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [AmendmentEvent] {
        switch command {
        case .propose(let p):
            if state.proposal != nil {
                throw Refusal(
                    .order, fr: "cette modification est déjà proposée", en: "this amendment is already proposed")
            }
            guard roles[p.proposer]?.contains(.boardMember) ?? false else {
                throw refuse(
                    "\(p.proposer) ne siège pas au Conseil d'administration ce jour (« sur proposition d'un membre du Conseil d'administration »)",
                    "\(p.proposer) does not sit on the board that day (a board member proposes)",
                    allowed: "--by MEMBRE-DU-CONSEIL", allowedEn: "--by BOARD-MEMBER")
            }
            if p.rulebook != rulebook.id {
                throw refuse(
                    "le règlement en vigueur est \(rulebook.id), pas \(p.rulebook)",
                    "the rulebook in force is \(rulebook.id), not \(p.rulebook)")
            }
            if p.version <= rulebook.version {
                throw refuse(
                    "\(rulebook.id) v\(rulebook.version) est en vigueur : la modification porte une version plus grande",
                    "\(rulebook.id) v\(rulebook.version) is in force: the amendment needs a higher version")
            }
            if p.summary.isBlank {
                throw refuse("résumer la modification (--summary)", "summarise the amendment (--summary)")
            }
            return [.proposed(p)]
        case .vote(let ballots, let voters):
            guard let proposal = state.proposal else {
                throw refuse("aucune modification proposée sous cet identifiant", "no amendment proposed under this id")
            }
            if state.vote != nil {
                throw refuse(
                    "l'Assemblée générale a déjà voté cette modification", "the GA already voted on this amendment")
            }
            if day < proposal.on {
                throw Refusal(
                    .order, fr: "le vote ne précède pas la proposition (\(proposal.on.frenchDescription))",
                    en: "the vote cannot precede the proposal (\(proposal.on))")
            }
            let members = ballots.map(\.member)
            if Set(members).count != members.count {
                throw refuse("un membre vote une seule fois", "a member votes once")
            }
            if let outsider = members.first(where: { !voters.contains($0) }) {
                throw refuse(
                    "\(outsider) n'a pas le droit de vote à l'Assemblée générale ce jour (art. 2.4, greffe ga voters)",
                    "\(outsider) may not vote at the GA that day (art. 2.4, greffe ga voters)")
            }
            if let option = ballots.compactMap(\.option).first(where: { $0 != adopt && $0 != reject }) {
                throw refuse(
                    "bulletin inconnu : \(option)", "unknown ballot: \(option)", allowed: "\(adopt), \(reject), blanc",
                    allowedEn: "\(adopt), \(reject), blank")
            }
            if ballots.isEmpty {
                throw refuse(
                    "aucun bulletin : le vote de l'Assemblée générale se compte", "no ballot: the GA's vote is counted")
            }
            let tally = count(ballots, bodySize: voters.count, rulebook: rulebook)
            let due = tally.reached ? (rulebook.pathRules.amendment ?? .cle).period.end(from: day) : nil
            return [
                .voted(
                    AmendmentVote(
                        ballots: ballots, bodySize: voters.count, tally: tally, carried: tally.reached, noticeDue: due))
            ]
        case .notify:
            guard let vote = state.vote, vote.value.carried else {
                throw refuse(
                    "la modification n'a pas été adoptée aux deux tiers : rien à adresser",
                    "the amendment was not carried: nothing to send")
            }
            if state.notice != nil {
                throw refuse("le nouveau règlement est déjà adressé", "the new rulebook was already sent")
            }
            if day < vote.on {
                throw Refusal(
                    .order, fr: "l'envoi ne précède pas le vote (\(vote.on.frenchDescription))",
                    en: "the notice cannot precede the vote (\(vote.on))")
            }
            let due = vote.value.noticeDue ?? day
            return [.noticeSent(AmendmentNotice(daysLate: max(0, due.days(until: day))))]
        }
    }

    static func count(_ ballots: [Ballot], bodySize: Int, rulebook: Rulebook) -> VoteTally {
        let counted = Ballots(ballots)
        return rulebook.reachesTwoThirds(
            yes: counted.votes(for: adopt), cast: counted.cast, blanks: counted.blanks, bodySize: bodySize)
    }

    /// Re-counts a recorded vote under `rulebook` (for the audit): `nil` when it agrees.
    public static func recount(_ vote: AmendmentVote, rulebook: Rulebook) -> String? {
        let tally = count(vote.ballots, bodySize: vote.bodySize, rulebook: rulebook)
        if tally != vote.tally { return "décompte \(tally.arithmetic) ≠ \(vote.tally.arithmetic) enregistré" }
        if tally.reached != vote.carried { return "issue enregistrée contraire au décompte" }
        return nil
    }
}

/// Article 9's delay: « sous un délai d'un mois suivant la date de la modification ».
public struct AmendmentRules: Codable, Equatable, Sendable {
    public var notice: Rulebook.Period?
    public init(notice: Rulebook.Period? = nil) { self.notice = notice }
    public static let cle = AmendmentRules(notice: Rulebook.Period(1, .months))
    public var period: Rulebook.Period { notice ?? AmendmentRules.cle.notice ?? Rulebook.Period(1, .months) }
}
