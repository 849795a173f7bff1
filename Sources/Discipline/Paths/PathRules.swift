/// The numbers of the règlement's other disciplinary paths (mediation 5.4, revocation of a mandate 4.5), as data.
///
/// Stored in a procedure rulebook under `paths`; every field may be left out, and then takes the CLE value, so that
/// rulebook files written before these paths existed still load.
public struct PathRules: Codable, Equatable, Sendable {
    public var mediation: MediationRules?
    public var revocation: RevocationRules?
    public var crisisRequest: CrisisRequestRules?
    public var voting: VotingRules?
    public var amendment: AmendmentRules?
    /// Article 2.3 (R38): the delay after the first renewal notice, the board's majority for a suspension.
    public var nonPayment: NonPaymentRules?
    /// Article 3.2 (R39): the share of members who may convene a general assembly.
    public var assemblyRequest: AssemblyRequestRules?

    public init(
        mediation: MediationRules? = nil, revocation: RevocationRules? = nil, crisisRequest: CrisisRequestRules? = nil,
        voting: VotingRules? = nil, amendment: AmendmentRules? = nil, nonPayment: NonPaymentRules? = nil,
        assemblyRequest: AssemblyRequestRules? = nil
    ) {
        self.mediation = mediation
        self.revocation = revocation
        self.crisisRequest = crisisRequest
        self.voting = voting
        self.amendment = amendment
        self.nonPayment = nonPayment
        self.assemblyRequest = assemblyRequest
    }

    /// CLE Autistes, règlement intérieur of 04/06/2023.
    public static let cle = PathRules(
        mediation: .cle, revocation: .cle, crisisRequest: .cle, voting: .cle, amendment: .cle)

    /// Faults of these numbers, at their JSON paths under `$.paths`.
    public func faults() -> [RulebookFault] {
        var out: [RulebookFault] = []
        func count(_ value: Int?, _ range: ClosedRange<Int>, at path: String, fr unit: String, en name: String) {
            guard let value, !range.contains(value) else { return }
            let (low, high) = (range.lowerBound, range.upperBound)
            out.append(
                RulebookFault(
                    path: "$.paths.\(path)", fr: "de \(low) à \(high) \(unit)",
                    en: "\(name) must be between \(low) and \(high)"))
        }
        func period(_ value: Rulebook.Period?, _ range: ClosedRange<Int>, at path: String) {
            guard let value, !range.contains(value.length) else { return }
            let (low, high) = (range.lowerBound, range.upperBound)
            out.append(
                RulebookFault(
                    path: "$.paths.\(path).length", fr: "une durée de \(low) à \(high)",
                    en: "a length between \(low) and \(high)"))
        }
        func fraction(_ value: Rulebook.Threshold?, at path: String, en name: String) {
            guard let t = value,
                !(1...1_000).contains(t.denominator) || t.numerator < 1 || t.numerator > t.denominator
            else { return }
            out.append(
                RulebookFault(
                    path: "$.paths.\(path)", fr: "une fraction dans ]0, 1]", en: "\(name) must be a fraction in (0, 1]")
            )
        }
        count(
            mediation?.interventionCap, 1...1_000, at: "mediation.interventionCap", fr: "interventions",
            en: "interventionCap")
        count(
            revocation?.missedMeetings, 1...1_000, at: "revocation.missedMeetings", fr: "réunions",
            en: "missedMeetings")
        period(revocation?.silence, 1...36_500, at: "revocation.silence")
        fraction(revocation?.majority, at: "revocation.majority", en: "majority")
        count(
            crisisRequest?.signatories, 1...100_000, at: "crisisRequest.signatories", fr: "signataires",
            en: "signatories")
        period(crisisRequest?.boardDelay, 0...36_500, at: "crisisRequest.boardDelay")
        period(voting?.seniority, 1...36_500, at: "voting.seniority")
        period(voting?.duesWithin, 1...36_500, at: "voting.duesWithin")
        period(nonPayment?.delay, 0...36_500, at: "nonPayment.delay")
        fraction(nonPayment?.majority, at: "nonPayment.majority", en: "majority")
        fraction(assemblyRequest?.share, at: "assemblyRequest.share", en: "share")
        period(amendment?.notice, 0...36_500, at: "amendment.notice")
        return out
    }
}

/// Article 3.2: « au moins 5 membres à jour de cotisation peuvent demander une procédure de gestion de crise »; « dans
/// un délai de 7 jours à partir de la date de demande ».
public struct CrisisRequestRules: Codable, Equatable, Sendable {
    public var signatories: Int?
    public var boardDelay: Rulebook.Period?
    public init(signatories: Int? = nil, boardDelay: Rulebook.Period? = nil) {
        self.signatories = signatories
        self.boardDelay = boardDelay
    }
    public static let cle = CrisisRequestRules(signatories: 5, boardDelay: Rulebook.Period(7, .days))
    public var minimum: Int { signatories ?? CrisisRequestRules.cle.signatories ?? 5 }
    public var delay: Rulebook.Period { boardDelay ?? CrisisRequestRules.cle.boardDelay ?? Rulebook.Period(7, .days) }
}

/// Article 5.4: « Chaque adhérent est limité à trois interventions dans ce processus ».
public struct MediationRules: Codable, Equatable, Sendable {
    /// How many mediations one member may conduct (R30), counted over the whole register.
    public var interventionCap: Int?

    public init(interventionCap: Int? = nil) { self.interventionCap = interventionCap }

    public static let cle = MediationRules(interventionCap: 3)

    /// The cap in force: the rulebook's, else CLE's 3.
    public var cap: Int { interventionCap ?? MediationRules.cle.interventionCap ?? 3 }
}

/// Article 4.5: the grounds' numbers and the board's majority.
public struct RevocationRules: Codable, Equatable, Sendable {
    /// « En cas d'absence à trois réunions consécutives ».
    public var missedMeetings: Int?
    /// « En cas de silence de 2 mois ».
    public var silence: Rulebook.Period?
    /// « par un vote des deux tiers »; absent: the rulebook's `twoThirds` fraction, counted on the votes cast.
    public var majority: Rulebook.Threshold?

    public init(missedMeetings: Int? = nil, silence: Rulebook.Period? = nil, majority: Rulebook.Threshold? = nil) {
        self.missedMeetings = missedMeetings
        self.silence = silence
        self.majority = majority
    }

    public static let cle = RevocationRules(missedMeetings: 3, silence: Rulebook.Period(2, .months))

    public var meetings: Int { missedMeetings ?? RevocationRules.cle.missedMeetings ?? 3 }
    public var silencePeriod: Rulebook.Period { silence ?? RevocationRules.cle.silence ?? Rulebook.Period(2, .months) }
}

extension Rulebook {
    /// The paths' numbers in force: the rulebook's `paths`, each missing field taking the CLE value.
    public var pathRules: PathRules {
        PathRules(
            mediation: paths?.mediation ?? .cle, revocation: paths?.revocation ?? .cle,
            crisisRequest: paths?.crisisRequest ?? .cle, voting: paths?.voting ?? .cle,
            amendment: paths?.amendment ?? .cle, nonPayment: paths?.nonPayment ?? .cle,
            assemblyRequest: paths?.assemblyRequest ?? .cle)
    }

    /// The rulebook with the revocation's majority as its qualified majority (for `reachesTwoThirds`).
    public var revocationVoting: Rulebook {
        var book = self
        if let majority = pathRules.revocation?.majority { book.twoThirds = majority }
        return book
    }
}
