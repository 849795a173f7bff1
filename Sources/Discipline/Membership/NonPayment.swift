public import Foundation

/// Article 2.3 (R38): « Si, deux mois après un premier avis de renouvellement de la cotisation annuelle […] le membre ne
/// paie pas sa cotisation, il y aura : » « Radiation automatique de l'association et des outils de communication
/// internes. » For a member association: a warning « après un délai de deux mois », then, « En l'absence de réponse », a
/// suspension the board decides « à une majorité des deux tiers », which « peut éventuellement conduire à une radiation
/// automatique ».
///
/// One stream per member and year of dues (`dues/<member>/<year>`). « Automatique » is read as: due without any
/// decision once the delay has run, but recorded as an act (`greffe members apply-due`), never a silent change.
public struct NonPaymentRules: Codable, Equatable, Sendable {
    /// « deux mois après un premier avis de renouvellement » (and the association's warning « après un délai de deux mois »).
    public var delay: Rulebook.Period?
    /// « à une majorité des deux tiers »; absent: the rulebook's `twoThirds`.
    public var majority: Rulebook.Threshold?

    public init(delay: Rulebook.Period? = nil, majority: Rulebook.Threshold? = nil) {
        self.delay = delay
        self.majority = majority
    }

    public static let cle = NonPaymentRules(delay: Rulebook.Period(2, .months))
    public var period: Rulebook.Period { delay ?? NonPaymentRules.cle.delay ?? Rulebook.Period(2, .months) }
}

extension Rulebook {
    /// The rulebook with the board's majority for suspending a member association (2.3) as its qualified majority.
    public var nonPaymentVoting: Rulebook {
        var book = self
        if let majority = paths?.nonPayment?.majority { book.twoThirds = majority }
        return book
    }

    /// The non-payment numbers in force: the rulebook's, else CLE's.
    public var nonPaymentRules: NonPaymentRules { paths?.nonPayment ?? .cle }
}

/// The first renewal notice of a year's dues.
public struct RenewalNotice: Codable, Equatable, Sendable {
    public var member: MemberID
    public var year: Int
    /// An individual member: the day the radiation is due if the dues are still unpaid; a member association: the day
    /// the warning is due.
    public var due: Day
    public var isAssociation: Bool
    public init(member: MemberID, year: Int, due: Day, isAssociation: Bool) {
        self.member = member
        self.year = year
        self.due = due
        self.isAssociation = isAssociation
    }
}

/// A member association's warning: « par écrit ou de manière verbale ».
public struct NonPaymentWarning: Codable, Equatable, Sendable {
    public enum Form: String, Codable, Sendable, CaseIterable { case written, oral }
    public var form: Form
    public init(form: Form) { self.form = form }
}

/// The board's vote on suspending a member association: ballots `suspend`, `keep` or blank.
public struct SuspensionVote: Codable, Equatable, Sendable {
    public var ballots: [Ballot]
    /// Board members in force that day (the base when the rulebook counts the whole body).
    public var bodySize: Int
    public var tally: VoteTally
    public var suspended: Bool
    public init(ballots: [Ballot], bodySize: Int, tally: VoteTally, suspended: Bool) {
        self.ballots = ballots
        self.bodySize = bodySize
        self.tally = tally
        self.suspended = suspended
    }
}

/// The radiation for non-payment, recorded when due (the roster's `MemberRadiated` is written with it).
public struct NonPaymentRadiation: Codable, Equatable, Sendable {
    public var member: MemberID
    public var year: Int
    /// The day it was due: the notice's day plus the delay (individual), or the suspension's day (association).
    public var dueOn: Day
    public init(member: MemberID, year: Int, dueOn: Day) {
        self.member = member
        self.year = year
        self.dueOn = dueOn
    }
}

public enum NonPaymentCommand: Equatable, Sendable {
    case sendNotice(year: Int)
    case warn(NonPaymentWarning)
    case voteSuspension(ballots: [Ballot])
    case radiate
}

public enum NonPaymentEvent: Equatable, Sendable {
    case noticeSent(RenewalNotice)
    case warned(NonPaymentWarning)
    case suspensionVoted(SuspensionVote)
    case radiated(NonPaymentRadiation)

    public static let schemaVersion = 1
    public static let typeNames = [
        "RenewalNoticeSent", "NonPaymentWarned", "NonPaymentSuspensionVoted", "NonPaymentRadiated"
    ]

    public var typeName: String {
        switch self {
        case .noticeSent: "RenewalNoticeSent"
        case .warned: "NonPaymentWarned"
        case .suspensionVoted: "NonPaymentSuspensionVoted"
        case .radiated: "NonPaymentRadiated"
        }
    }

    public func payloadJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .noticeSent(let p): return try encoder.encode(p)
        case .warned(let p): return try encoder.encode(p)
        case .suspensionVoted(let p): return try encoder.encode(p)
        case .radiated(let p): return try encoder.encode(p)
        }
    }

    public static func decode(type: String, payload: Data) throws -> NonPaymentEvent {
        let decoder = PayloadDecoder.self
        switch type {
        case "RenewalNoticeSent": return .noticeSent(try decoder.decode(RenewalNotice.self, from: payload))
        case "NonPaymentWarned": return .warned(try decoder.decode(NonPaymentWarning.self, from: payload))
        case "NonPaymentSuspensionVoted":
            return .suspensionVoted(try decoder.decode(SuspensionVote.self, from: payload))
        case "NonPaymentRadiated": return .radiated(try decoder.decode(NonPaymentRadiation.self, from: payload))
        default: throw MemberEventDecodingError.unknownType(type)
        }
    }
}

/// One year's non-payment procedure of one member, folded from its stream.
public struct NonPaymentState: Equatable, Sendable {
    public var notice: Dated<RenewalNotice>?
    public var warning: Dated<NonPaymentWarning>?
    public var vote: Dated<SuspensionVote>?
    public var radiation: Dated<NonPaymentRadiation>?
    public var lastActOn: Day?
    public init() {}

    /// The suspension in force (a carried vote), with its day.
    public var suspendedOn: Day? { vote.flatMap { $0.value.suspended ? $0.on : nil } }

    /// What is due next and from which day, while the dues of the year are unpaid: the radiation (individual), the
    /// warning (association). `nil` once settled, radiated, or waiting for the board's free choice.
    public func due(paid: Bool) -> (what: NonPaymentDue, on: Day)? {
        guard let notice, radiation == nil, !paid else { return nil }
        if !notice.value.isAssociation { return (.radiation, notice.value.due) }
        if warning == nil { return (.warning, notice.value.due) }
        return nil
    }
}

public enum NonPaymentDue: String, Codable, Sendable {
    case radiation, warning
}

public enum NonPaymentDecider {
    public static let suspend = "suspend"
    public static let keep = "keep"

    public static func evolve(_ state: NonPaymentState, on day: Day, _ event: NonPaymentEvent) -> NonPaymentState {
        var s = state
        switch event {
        case .noticeSent(let n): s.notice = Dated(on: day, value: n)
        case .warned(let w): s.warning = Dated(on: day, value: w)
        case .suspensionVoted(let v): s.vote = Dated(on: day, value: v)
        case .radiated(let r): s.radiation = Dated(on: day, value: r)
        }
        s.lastActOn = max(s.lastActOn ?? day, day)
        return s
    }

    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R38, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    /// Decides one act of `member`'s procedure for `year`'s dues. `board`: the board members in force on `day`.
    public static func decide(
        _ state: NonPaymentState, _ command: NonPaymentCommand, member: MemberRecord, board: Set<MemberID>,
        rulebook: Rulebook, on day: Day
    ) -> Result<[NonPaymentEvent], Refusal> {
        do {
            return .success(try run(state, command, member: member, board: board, rulebook: rulebook, on: day))
        } catch {
            return .failure(error)
        }
    }

    static func run(
        _ state: NonPaymentState, _ command: NonPaymentCommand, member: MemberRecord, board: Set<MemberID>,
        rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [NonPaymentEvent] {
        if let last = state.lastActOn, day < last {
            throw Refusal(
                .order, fr: "un acte ne peut être daté avant le précédent (\(last.frenchDescription))",
                en: "an act cannot be dated before the previous one (\(last))")
        }
        if state.radiation != nil {
            throw refuse(
                "\(member.id) est déjà radié·e pour non-paiement", "\(member.id) is already radiated for non-payment")
        }
        if let left = member.departedOn, left <= day {
            throw refuse(
                "\(member.id) a quitté l'association le \(left.frenchDescription)", "\(member.id) left on \(left)")
        }
        if let radiated = member.radiatedOn, radiated <= day {
            throw refuse(
                "\(member.id) est radié·e depuis le \(radiated.frenchDescription)",
                "\(member.id) was radiated on \(radiated)")
        }
        let period = rulebook.nonPaymentRules.period
        let year: Int
        if case .sendNotice(let y) = command {
            year = y
        } else {
            guard let notice = state.notice else {
                throw refuse(
                    "aucun avis de renouvellement enregistré pour cette cotisation (« deux mois après un premier avis de renouvellement »)",
                    "no renewal notice recorded for these dues", allowed: "greffe members notice",
                    allowedEn: "greffe members notice")
            }
            year = notice.value.year
        }
        if member.duesPaidOn[year].map({ $0 <= day }) ?? false {
            throw refuse(
                "la cotisation \(year) de \(member.id) est payée : rien à poursuivre",
                "\(member.id)'s \(year) dues are paid: nothing to pursue")
        }
        let association = member.kind == .association
        switch command {
        case .sendNotice(let year):
            if state.notice != nil {
                throw refuse(
                    "le premier avis de renouvellement \(year) est déjà enregistré (le \(state.notice?.on.frenchDescription ?? ""))",
                    "the first renewal notice for \(year) is already recorded")
            }
            if day < member.joinedOn {
                throw Refusal(.order, fr: "l'avis ne précède pas l'adhésion", en: "the notice cannot precede joining")
            }
            return [
                .noticeSent(
                    RenewalNotice(member: member.id, year: year, due: period.end(from: day), isAssociation: association)
                )
            ]
        case .warn(let warning):
            guard association, let notice = state.notice else {
                throw refuse(
                    "l'avertissement est celui d'une association membre ; un membre individuel est radié à l'échéance",
                    "the warning is a member association's; an individual member is radiated when due")
            }
            if state.warning != nil {
                throw refuse("l'avertissement est déjà enregistré", "the warning is already recorded")
            }
            if day < notice.value.due {
                throw refuse(
                    "l'avertissement est envoyé « après un délai de deux mois » : pas avant le \(notice.value.due.frenchDescription)",
                    "the warning comes after the delay: not before \(notice.value.due)",
                    allowed: "le \(notice.value.due.frenchDescription) ou après",
                    allowedEn: "on or after \(notice.value.due)")
            }
            return [.warned(warning)]
        case .voteSuspension(let ballots):
            guard association, state.warning != nil else {
                throw refuse(
                    "la suspension suit l'avertissement d'une association membre (« En l'absence de réponse »)",
                    "the suspension follows a member association's warning", allowed: "greffe members warn",
                    allowedEn: "greffe members warn")
            }
            if state.vote?.value.suspended == true {
                throw refuse("la suspension est déjà votée", "the suspension is already voted")
            }
            let voters = ballots.map(\.member)
            if voters.isEmpty {
                throw refuse("le vote du Conseil a au moins un bulletin (--ballot)", "the board's vote has ballots")
            }
            if Set(voters).count != voters.count {
                throw refuse("un membre du Conseil vote une seule fois", "a board member votes once")
            }
            if let outsider = voters.first(where: { !board.contains($0) }) {
                throw refuse(
                    "\(outsider) ne siège pas au Conseil ce jour", "\(outsider) does not sit on the board that day")
            }
            if let bad = ballots.first(where: { $0.option != nil && $0.option != suspend && $0.option != keep }) {
                throw refuse(
                    "bulletin inconnu « \(bad.option ?? "") »", "unknown ballot \(bad.option ?? "")",
                    allowed: "\(suspend), \(keep) ou blanc", allowedEn: "\(suspend), \(keep) or blank")
            }
            let counted = Ballots(ballots)
            let tally = rulebook.nonPaymentVoting.reachesTwoThirds(
                yes: counted.votes(for: suspend), cast: counted.cast, blanks: counted.blanks, bodySize: board.count)
            return [
                .suspensionVoted(
                    SuspensionVote(ballots: ballots, bodySize: board.count, tally: tally, suspended: tally.reached))
            ]
        case .radiate:
            guard let notice = state.notice else { throw refuse("aucun avis", "no notice") }
            if association {
                guard let suspended = state.suspendedOn else {
                    throw refuse(
                        "une association membre n'est radiée qu'après une suspension votée aux deux tiers du Conseil",
                        "a member association is radiated only after a suspension carried by two-thirds of the board",
                        allowed: "greffe members suspend", allowedEn: "greffe members suspend")
                }
                return [.radiated(NonPaymentRadiation(member: member.id, year: year, dueOn: suspended))]
            }
            if day < notice.value.due {
                throw refuse(
                    "la radiation n'est due que « deux mois après un premier avis de renouvellement » : le \(notice.value.due.frenchDescription)",
                    "the radiation is due only two months after the first notice: on \(notice.value.due)",
                    allowed: "le \(notice.value.due.frenchDescription) ou après",
                    allowedEn: "on or after \(notice.value.due)")
            }
            return [.radiated(NonPaymentRadiation(member: member.id, year: year, dueOn: notice.value.due))]
        }
    }

    /// Re-counts a recorded suspension vote (for the audit): `nil` when it agrees.
    public static func recount(_ vote: SuspensionVote, rulebook: Rulebook) -> String? {
        let counted = Ballots(vote.ballots)
        let tally = rulebook.nonPaymentVoting.reachesTwoThirds(
            yes: counted.votes(for: suspend), cast: counted.cast, blanks: counted.blanks, bodySize: vote.bodySize)
        if tally != vote.tally { return "décompte \(tally.arithmetic) ≠ \(vote.tally.arithmetic) enregistré" }
        if tally.reached != vote.suspended { return "issue enregistrée contraire au décompte" }
        return nil
    }
}
