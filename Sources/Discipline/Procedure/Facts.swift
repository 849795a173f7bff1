// The facts carried by commands and events. A command and the event it produces share a type when the event records
// exactly what the command said; the day is never inside: it lives in the envelope (`DatedEvent.on`).

/// A person in a case: accused, complainant or victim.
public struct Party: Codable, Equatable, Sendable {
    /// Roster id for members; any stable label for a person outside the association.
    public var id: MemberID
    /// Whether the person is a member of the association ("si la victime est membre de l'association").
    public var isMember: Bool
    /// For an accused: holds a mandate ("Si les membres mis en cause sont des mandatés", 5.6.2).
    public var holdsMandate: Bool?
    public init(id: MemberID, isMember: Bool, holdsMandate: Bool? = nil) {
        self.id = id
        self.isMember = isMember
        self.holdsMandate = holdsMandate
    }
}

/// R01: a weak signal ("un signal faible"); it opens no procedure.
public struct ReportFacts: Codable, Equatable, Sendable {
    public enum Channel: String, Codable, Sendable { case direct, indirect }
    public var channel: Channel
    /// Who reported, if they gave a name.
    public var reporter: MemberID?
    /// For an indirect report: the trusted member who passed it on ("des membres de confiance").
    public var relayedBy: MemberID?
    /// The members whose behaviour is reported.
    public var concerning: [MemberID]
    public var description: Sealed
    public init(
        channel: Channel, reporter: MemberID? = nil, relayedBy: MemberID? = nil, concerning: [MemberID],
        description: Sealed
    ) {
        self.channel = channel
        self.reporter = reporter
        self.relayedBy = relayedBy
        self.concerning = concerning
        self.description = description
    }
}

/// R02: a complaint to the board ("via un ticket privé ou un courriel").
public struct ComplaintFacts: Codable, Equatable, Sendable {
    public enum Channel: String, Codable, Sendable { case privateTicket, email }
    public var channel: Channel
    public var complainants: [Party]
    public var accused: [Party]
    public var victims: [Party]
    public var facts: Sealed
    /// Grave-motive category ids of Article 5.5 (see `Rulebook.motives`).
    public var motives: [String]
    /// The day the facts were brought to the board's knowledge: R03's two months run from it.
    public var boardLearnedOn: Day
    /// R34: the procedure rulebook version in force when the complaint was filed, which the case keeps. Recorded by
    /// the decider; absent in complaints recorded before versions were (they run under the base rulebook).
    public var rulebook: RulebookRef?
    public init(
        channel: Channel, complainants: [Party], accused: [Party], victims: [Party], facts: Sealed,
        motives: [String], boardLearnedOn: Day, rulebook: RulebookRef? = nil
    ) {
        self.channel = channel
        self.complainants = complainants
        self.accused = accused
        self.victims = victims
        self.facts = facts
        self.motives = motives
        self.boardLearnedOn = boardLearnedOn
        self.rulebook = rulebook
    }
}

/// R02: the other board members are told that a mandate holder is accused ("par courriel ou par DM").
public struct BoardNotification: Codable, Equatable, Sendable {
    public enum Channel: String, Codable, Sendable { case email, directMessage }
    public var channel: Channel
    public var notified: [MemberID]
    public init(channel: Channel, notified: [MemberID]) {
        self.channel = channel
        self.notified = notified
    }
}

/// R04–R06: the board meeting that opens the procedure.
public struct BoardMeeting: Codable, Equatable, Sendable {
    public var attendees: [MemberID]
    public var rapporteur: MemberID
    /// Set when the rapporteur is not a board member: the recorded "impossibilité justifiée".
    public var delegationReason: Sealed?
    public init(attendees: [MemberID], rapporteur: MemberID, delegationReason: Sealed? = nil) {
        self.attendees = attendees
        self.rapporteur = rapporteur
        self.delegationReason = delegationReason
    }
}

/// The board met (R04); accused board members were kept out (R05).
public struct BoardMet: Codable, Equatable, Sendable {
    public var attendees: [MemberID]
    /// Board members who are accused and therefore did not attend.
    public var excludedAccused: [MemberID]
    public init(attendees: [MemberID], excludedAccused: [MemberID]) {
        self.attendees = attendees
        self.excludedAccused = excludedAccused
    }
}

/// R06: who is in charge of the file.
public struct RapporteurDesignation: Codable, Equatable, Sendable {
    public var rapporteur: MemberID
    public var delegated: Bool
    public var reason: Sealed?
    public init(rapporteur: MemberID, delegated: Bool, reason: Sealed? = nil) {
        self.rapporteur = rapporteur
        self.delegated = delegated
        self.reason = reason
    }
}

/// R07: what the board suspends and blocks.
public struct Suspension: Codable, Equatable, Sendable {
    public var responsibilities: Bool
    public var access: Bool
    /// The spaces "où les dommages ont été constatés" (free texts: sealed in the record, R35).
    public var blockedSpaces: [Sealed]
    public init(responsibilities: Bool, access: Bool, blockedSpaces: [Sealed]) {
        self.responsibilities = responsibilities
        self.access = access
        self.blockedSpaces = blockedSpaces
    }
}

/// R07: the suspension as recorded, naming who it applies to.
public struct SuspensionImposed: Codable, Equatable, Sendable {
    public var accused: [MemberID]
    public var responsibilities: Bool
    public var access: Bool
    /// Sealed in the record (R35); in clear in records written before.
    public var blockedSpaces: [Sealed]
    public init(accused: [MemberID], responsibilities: Bool, access: Bool, blockedSpaces: [Sealed]) {
        self.accused = accused
        self.responsibilities = responsibilities
        self.access = access
        self.blockedSpaces = blockedSpaces
    }
}

/// R08: a piece of the disciplinary file.
public struct Evidence: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case testimony, history, context, screenshot, document, report, other
    }
    public var kind: Kind
    public var description: Sealed
    /// SHA-256 of the stored content, 64 lowercase hex digits (required for screenshots and documents).
    public var sha256: String?
    /// A member who testified: they can no longer sit in the cell (R13).
    public var witness: MemberID?
    /// For `report`: the number (1-based, in recording order) of an earlier report attached as evidence (R01).
    public var reportNumber: Int?
    public init(
        kind: Kind, description: Sealed, sha256: String? = nil, witness: MemberID? = nil,
        reportNumber: Int? = nil
    ) {
        self.kind = kind
        self.description = description
        self.sha256 = sha256
        self.witness = witness
        self.reportNumber = reportNumber
    }
}

/// A free note attached to an act.
public struct Note: Codable, Equatable, Sendable {
    public var note: Sealed?
    public init(note: Sealed? = nil) { self.note = note }
}

/// R09: the victim's needs and the demands that follow.
public struct VictimHearing: Codable, Equatable, Sendable {
    /// Who formulated the demands: the victim when a member, otherwise the rapporteur with the board.
    public enum Origin: String, Codable, Sendable { case victim, rapporteurAndBoard }
    public var victim: MemberID
    public var needs: Sealed
    public var demands: [Sealed]
    public var origin: Origin
    public init(victim: MemberID, needs: Sealed, demands: [Sealed], origin: Origin) {
        self.victim = victim
        self.needs = needs
        self.demands = demands
        self.origin = origin
    }
}

/// R10: the summary of the complaint and the demands sent to the accused by email.
public struct ExplanationRequest: Codable, Equatable, Sendable {
    public var summary: Sealed
    public var demands: [Sealed]
    public init(summary: Sealed, demands: [Sealed]) {
        self.summary = summary
        self.demands = demands
    }
}

/// R10: an accused acknowledged and answered.
public struct Answer: Codable, Equatable, Sendable {
    public enum Form: String, Codable, Sendable { case written, oral }
    public var from: MemberID
    public var form: Form
    public init(from: MemberID, form: Form) {
        self.from = from
        self.form = form
    }
}

/// R11: an accused left the association.
public struct Departure: Codable, Equatable, Sendable {
    public var member: MemberID
    /// "si les informations recueillies suggèrent qu'il pourrait y avoir une infraction pénale".
    public var possibleOffence: Bool
    public var note: Sealed?
    public init(member: MemberID, possibleOffence: Bool, note: Sealed? = nil) {
        self.member = member
        self.possibleOffence = possibleOffence
        self.note = note
    }
}

/// R11: the procedure stops here.
public struct ProcedureStop: Codable, Equatable, Sendable {
    public var reason: Sealed
    public init(reason: Sealed) { self.reason = reason }
}

/// R12: the summary: demand, defence, proposed sanction.
public struct Summary: Codable, Equatable, Sendable {
    public var demand: Sealed
    public var defence: Sealed
    /// Sanction ids (see `Rulebook.sanctions`).
    public var proposedSanctions: [String]
    public init(demand: Sealed, defence: Sealed, proposedSanctions: [String]) {
        self.demand = demand
        self.defence = defence
        self.proposedSanctions = proposedSanctions
    }
}

/// R13: the call for cell members ("sur l'espace en ligne ou par courriel").
public struct CellCall: Codable, Equatable, Sendable {
    public enum Channel: String, Codable, Sendable { case online, email }
    public var channel: Channel
    /// Members called by name; empty for an open call.
    public var called: [MemberID]
    public init(channel: Channel, called: [MemberID] = []) {
        self.channel = channel
        self.called = called
    }
}

/// One member, named by an act.
public struct MemberRef: Codable, Equatable, Sendable {
    public var member: MemberID
    public init(member: MemberID) { self.member = member }
}

/// R14: a party revokes a cell member.
public struct Recusal: Codable, Equatable, Sendable {
    /// The accused or victim who revokes.
    public var by: MemberID
    /// The cell member revoked.
    public var member: MemberID
    public init(by: MemberID, member: MemberID) {
        self.by = by
        self.member = member
    }
}

// R15: the draw's announcement and result are the draw module's `DrawAnnouncement` and `CellDraw` (Draw/), so the
// case records exactly what any member can re-compute with RFC 3797.

/// R16: the summary goes to the cell and the victims; the day is the end of the instruction.
public struct SummarySent: Codable, Equatable, Sendable {
    public var cell: [MemberID]
    public var victims: [MemberID]
    public init(cell: [MemberID], victims: [MemberID]) {
        self.cell = cell
        self.victims = victims
    }
}

/// R18: the cell meets.
public struct CellMeeting: Codable, Equatable, Sendable {
    public var attendees: [MemberID]
    public init(attendees: [MemberID]) { self.attendees = attendees }
}

/// R20, R27: the conditions of a probationary reintegration (2.5: "limitée dans le temps et l'espace"). Its conditions
/// and spaces are free texts, sealed under the case's key in every record that carries them (a decision, a vote's
/// proposals, a judgement), R35; records written before hold them in clear and still read.
public struct Probation: Codable, Equatable, Sendable {
    public var conditions: [Sealed]
    /// Limited in time: the last day of probation.
    public var until: Day
    /// Limited in space: where it applies.
    public var spaces: [Sealed]
    /// "des preuves de réparation et de transformation sont requises".
    public var reparationProofRequired: Bool
    /// "le membre peut être interdit de responsabilité".
    public var barredFromResponsibilities: Bool
    /// "soumise à l'approbation des adhérents concernés par la situation": who approved, if recorded.
    public var approvedBy: [MemberID]
    public init(
        conditions: [Sealed], until: Day, spaces: [Sealed], reparationProofRequired: Bool = true,
        barredFromResponsibilities: Bool = false, approvedBy: [MemberID] = []
    ) {
        self.conditions = conditions
        self.until = until
        self.spaces = spaces
        self.reparationProofRequired = reparationProofRequired
        self.barredFromResponsibilities = barredFromResponsibilities
        self.approvedBy = approvedBy
    }
}

/// A decision reached without a vote (5.6.10: "prendre une décision par consensus").
public struct Decision: Codable, Equatable, Sendable {
    public var sanctions: [String]
    public var probation: Probation?
    public var reasons: Sealed
    public init(sanctions: [String], probation: Probation? = nil, reasons: Sealed) {
        self.sanctions = sanctions
        self.probation = probation
        self.reasons = reasons
    }
}

/// One option of a vote: the sanctions it would impose.
public struct Proposal: Codable, Equatable, Sendable {
    public var id: String
    public var sanctions: [String]
    public var probation: Probation?
    public init(id: String, sanctions: [String], probation: Probation? = nil) {
        self.id = id
        self.sanctions = sanctions
        self.probation = probation
    }
}

/// R19: the cell votes on proposals, one ballot per member.
public struct CellVote: Codable, Equatable, Sendable {
    public var proposals: [Proposal]
    public var ballots: [Ballot]
    public init(proposals: [Proposal], ballots: [Ballot]) {
        self.proposals = proposals
        self.ballots = ballots
    }
}

/// R20: the vote between immediate and probationary reintegration.
public struct ReintegrationVote: Codable, Equatable, Sendable {
    /// Options are `Rulebook.SanctionID.immediateReintegration` and `.probationaryReintegration`; `nil` is blank.
    public var ballots: [Ballot]
    /// The conditions, required if probation wins.
    public var probation: Probation?
    public init(ballots: [Ballot], probation: Probation? = nil) {
        self.ballots = ballots
        self.probation = probation
    }
}

/// A vote as recorded: what was proposed, who voted what, and the arithmetic.
public struct VoteRecord: Codable, Equatable, Sendable {
    public var proposals: [Proposal]
    public var ballots: [Ballot]
    public var tallies: [OptionTally]
    /// The option that reached the threshold, if any.
    public var adopted: String?
    public init(proposals: [Proposal], ballots: [Ballot], tallies: [OptionTally], adopted: String?) {
        self.proposals = proposals
        self.ballots = ballots
        self.tallies = tallies
        self.adopted = adopted
    }
}

/// The judgement and how it was reached.
public struct Judgement: Codable, Equatable, Sendable {
    public enum Basis: String, Codable, Sendable { case consensus, cellVote, reintegrationVote }
    public var basis: Basis
    public var sanctions: [String]
    public var probation: Probation?
    /// The members who sat in judgement (they count toward R17 in later cases).
    public var cell: [MemberID]
    public init(basis: Basis, sanctions: [String], probation: Probation? = nil, cell: [MemberID]) {
        self.basis = basis
        self.sanctions = sanctions
        self.probation = probation
        self.cell = cell
    }
}

/// R21: referral to the nearest general assembly.
public struct GAReferral: Codable, Equatable, Sendable {
    /// The day of the nearest GA, when known.
    public var assemblyOn: Day?
    public var note: Sealed?
    public init(assemblyOn: Day? = nil, note: Sealed? = nil) {
        self.assemblyOn = assemblyOn
        self.note = note
    }
}

/// R15: a drawn member declines; the reason, when given, is sealed (absent in declines recorded without one).
public struct DrawDecline: Codable, Equatable, Sendable {
    public var member: MemberID
    public var reason: Sealed?
    public init(member: MemberID, reason: Sealed? = nil) {
        self.member = member
        self.reason = reason
    }
}

/// R23: an appeal by email, "en présence de la personne de leur choix".
public struct Appeal: Codable, Equatable, Sendable {
    public var by: MemberID
    public var companion: Sealed?
    /// The grounds of the appeal, in the appellant's words (sealed; absent in appeals recorded without them).
    public var grounds: Sealed?
    public init(by: MemberID, companion: Sealed? = nil, grounds: Sealed? = nil) {
        self.by = by
        self.companion = companion
        self.grounds = grounds
    }
}

/// Votes for one option, counted (GA ballots may be secret).
public struct OptionVotes: Codable, Equatable, Sendable {
    public var option: String
    public var votes: Int
    public init(option: String, votes: Int) {
        self.option = option
        self.votes = votes
    }
}

/// R24: the general assembly's vote.
public struct GAVote: Codable, Equatable, Sendable {
    public var proposals: [Proposal]
    public var votes: [OptionVotes]
    public var blanks: Int
    /// Members of the assembly with a vote (the base when the rulebook counts all members).
    public var bodySize: Int
    public init(proposals: [Proposal], votes: [OptionVotes], blanks: Int, bodySize: Int) {
        self.proposals = proposals
        self.votes = votes
        self.blanks = blanks
        self.bodySize = bodySize
    }
}

/// R24: the general assembly's vote as recorded.
public struct GAVoteRecord: Codable, Equatable, Sendable {
    public var proposals: [Proposal]
    public var votes: [OptionVotes]
    public var blanks: Int
    public var bodySize: Int
    public var tallies: [OptionTally]
    public var adopted: String?
    public init(
        proposals: [Proposal], votes: [OptionVotes], blanks: Int, bodySize: Int, tallies: [OptionTally],
        adopted: String?
    ) {
        self.proposals = proposals
        self.votes = votes
        self.blanks = blanks
        self.bodySize = bodySize
        self.tallies = tallies
        self.adopted = adopted
    }
}

/// The text is silent when the GA misses two-thirds: a decision recorded explicitly, with its reason.
public struct GAResolution: Codable, Equatable, Sendable {
    /// What was resolved, in words (sealed in the record, R35).
    public var outcome: Sealed
    public var reason: Sealed
    /// The sanctions the resolution imposes, if any.
    public var sanctions: [String]
    public init(outcome: Sealed, reason: Sealed, sanctions: [String] = []) {
        self.outcome = outcome
        self.reason = reason
        self.sanctions = sanctions
    }
}

/// R26: "un cadre réparateur et transformateur pour la victime".
public struct Reparation: Codable, Equatable, Sendable {
    public var measures: [Sealed]
    public init(measures: [Sealed]) { self.measures = measures }
}

/// R28: radiation announced "par une lettre envoyée en courrier électronique".
public struct Radiation: Codable, Equatable, Sendable {
    public var member: MemberID
    public init(member: MemberID) { self.member = member }
}

/// The case is closed.
public struct Closure: Codable, Equatable, Sendable {
    public var reason: Sealed
    public init(reason: Sealed) { self.reason = reason }
}

/// 5.6.9: the rapporteur or the board replaces a cell member who can no longer sit or does not answer. Unlike a
/// party's recusal (R14) it uses no party's right; the seat is filled again by the next member of the recorded draw
/// order or by a new call.
public struct CellReplacement: Codable, Equatable, Sendable {
    public enum Ground: String, Codable, Sendable, CaseIterable {
        /// No longer « à jour de cotisation de l'année en cours » or no longer « indépendant de la situation ».
        case noLongerEligible
        /// Does not answer (« En cas de non-réponse »).
        case noAnswer
    }
    /// The cell member replaced.
    public var member: MemberID
    public var ground: Ground
    /// Why, in words (recorded: the text gives no such act, so its reason is kept).
    public var reason: Sealed
    public init(member: MemberID, ground: Ground, reason: Sealed) {
        self.member = member
        self.ground = ground
        self.reason = reason
    }
}

/// R24: the general assembly's vote on an immediate or probationary reintegration, after its vote on the sanction
/// missed two-thirds (« selon les mêmes modalités que la cellule de crise »). Options are
/// `Rulebook.SanctionID.immediateReintegration` and `.probationaryReintegration`.
public struct GAReintegrationVote: Codable, Equatable, Sendable {
    public var votes: [OptionVotes]
    public var blanks: Int
    /// Members of the assembly with a vote.
    public var bodySize: Int
    /// The conditions, required if probation wins.
    public var probation: Probation?
    public init(votes: [OptionVotes], blanks: Int, bodySize: Int, probation: Probation? = nil) {
        self.votes = votes
        self.blanks = blanks
        self.bodySize = bodySize
        self.probation = probation
    }
}

/// Where the text is silent and the case would otherwise be stuck, the board's explicit decision with its reason.
/// Greffe gives each matter one way forward, written in the decision's events; the reason is recorded with it.
public struct ExplicitDecision: Codable, Equatable, Sendable {
    public enum Matter: String, Codable, Sendable, CaseIterable {
        /// 5.6.9: fewer eligible members than seats left, and nobody volunteers: no call and no draw can form the
        /// cell. The matter goes to the nearest general assembly, as when the cell cannot decide (5.6.10).
        case cellCannotBeFormed
        /// 5.6.7 with several accused: every accused has left, not all without taking part, and no possible criminal
        /// offence was noted. The procedure stops, as it does when « cette personne quitte l'association sans
        /// participer à la procédure ».
        case everyAccusedLeft
    }
    public var matter: Matter
    /// What was decided, in words.
    public var decision: Sealed
    public var reason: Sealed
    public init(matter: Matter, decision: Sealed, reason: Sealed) {
        self.matter = matter
        self.decision = decision
        self.reason = reason
    }
}
