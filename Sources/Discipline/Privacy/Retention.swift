/// How long personal data is kept (Article 6, with Article 2.3's delay for non-payment), as rulebook data.
///
/// Article 6: « Les informations personnelles sont conservées uniquement pendant la durée de l'adhésion. Elles sont
/// supprimées dès qu'un membre ne renouvelle pas son adhésion. » Article 2.3: « Si, deux mois après un premier avis de
/// renouvellement de la cotisation annuelle [...] le membre ne paie pas sa cotisation, il y aura : - Radiation
/// automatique ». Every field may be left out, and then takes the CLE value.
public struct RetentionRules: Codable, Equatable, Sendable {
    /// Article 2.3: how long after the first renewal notice an unpaid year ends the membership (CLE: 2 months).
    public var nonPaymentDelay: Rulebook.Period?
    /// The month (1–12) whose first day is read as the first renewal notice of a year's dues: dues are for « une année
    /// civile » (2.1), so CLE's notice is read on 1 January.
    public var renewalNoticeMonth: Int?
    /// How long a case's texts are kept after the case is closed or stopped (CLE: 12 months, the board's reading).
    public var caseTexts: Rulebook.Period?
    /// A case that ended in a radiation keeps its texts, and the radiated member their identity, without a time limit
    /// (CLE: yes — the radiation must stay enforceable).
    public var radiationWithoutLimit: Bool?

    public init(
        nonPaymentDelay: Rulebook.Period? = nil, renewalNoticeMonth: Int? = nil, caseTexts: Rulebook.Period? = nil,
        radiationWithoutLimit: Bool? = nil
    ) {
        self.nonPaymentDelay = nonPaymentDelay
        self.renewalNoticeMonth = renewalNoticeMonth
        self.caseTexts = caseTexts
        self.radiationWithoutLimit = radiationWithoutLimit
    }

    /// CLE Autistes, règlement intérieur of 04/06/2023.
    public static let cle = RetentionRules(
        nonPaymentDelay: Rulebook.Period(2, .months), renewalNoticeMonth: 1,
        caseTexts: Rulebook.Period(12, .months), radiationWithoutLimit: true)

    public var delay: Rulebook.Period {
        nonPaymentDelay ?? RetentionRules.cle.nonPaymentDelay ?? Rulebook.Period(2, .months)
    }
    public var noticeMonth: Int { renewalNoticeMonth ?? RetentionRules.cle.renewalNoticeMonth ?? 1 }
    public var caseTextsPeriod: Rulebook.Period {
        caseTexts ?? RetentionRules.cle.caseTexts ?? Rulebook.Period(12, .months)
    }
    public var keepsRadiations: Bool { radiationWithoutLimit ?? RetentionRules.cle.radiationWithoutLimit ?? true }

    /// Faults of these numbers, at their JSON paths under `$.retention`.
    public func faults() -> [RulebookFault] {
        var out: [RulebookFault] = []
        for (name, period) in [("nonPaymentDelay", nonPaymentDelay), ("caseTexts", caseTexts)] {
            if let period, !(0...36_500).contains(period.length) {
                out.append(
                    RulebookFault(
                        path: "$.retention.\(name).length", fr: "une durée de 0 à 36500",
                        en: "a length between 0 and 36500"))
            }
        }
        if let month = renewalNoticeMonth, !(1...12).contains(month) {
            out.append(
                RulebookFault(
                    path: "$.retention.renewalNoticeMonth", fr: "un mois de 1 à 12",
                    en: "a month between 1 and 12"))
        }
        return out
    }
}

extension Rulebook {
    /// The retention in force: the rulebook's `retention`, each missing field taking the CLE value.
    public var retentionRules: RetentionRules {
        RetentionRules(
            nonPaymentDelay: retention?.nonPaymentDelay ?? RetentionRules.cle.nonPaymentDelay,
            renewalNoticeMonth: retention?.renewalNoticeMonth ?? RetentionRules.cle.renewalNoticeMonth,
            caseTexts: retention?.caseTexts ?? RetentionRules.cle.caseTexts,
            radiationWithoutLimit: retention?.radiationWithoutLimit ?? RetentionRules.cle.radiationWithoutLimit)
    }
}

/// Why some personal data is due for erasure.
public enum ErasureGround: String, Codable, Equatable, Sendable {
    /// The member did not renew: a year's dues unpaid once Article 2.3's delay after its renewal notice ran out.
    case notRenewed = "not-renewed"
    /// The member resigned (Article 2.2): the membership ended on the day of the letter.
    case resigned
    /// The member left the association (recorded departure).
    case left
    /// A case's texts past their retention after the case was closed or stopped.
    case caseRetention = "case-retention"
}

/// Whose data: a member's identity and ladder texts (their key), or a case's texts (the case's key).
public enum ErasureSubject: Hashable, Sendable {
    case member(MemberID)
    case caseTexts(CaseID)

    /// `member/<id>` or `case/<id>`: the key's subject.
    public var stream: String {
        switch self {
        case .member(let id): return "member/" + id.rawValue
        case .caseTexts(let id): return "case/" + id.rawValue
        }
    }
}

/// One erasure due on a day, with its ground and the day it became due.
public struct ErasureDue: Equatable, Sendable {
    public var subject: ErasureSubject
    public var ground: ErasureGround
    /// The first day the data may no longer be kept.
    public var since: Day
    public var fr: String
    public var en: String
}

/// Data that would be due but is kept, and why (a radiation, an open case that names the member).
public struct ErasureHeld: Equatable, Sendable {
    public var subject: ErasureSubject
    public var fr: String
    public var en: String
}

/// What the retention rules make due on a day: erasures, and data kept despite them.
public struct RetentionReview: Equatable, Sendable {
    public var due: [ErasureDue]
    public var held: [ErasureHeld]
}

/// Article 6's retention, as a pure function of the roster, the cases, the rulebook and the day.
public enum RetentionDecider {
    /// One case as the retention reads it.
    public struct CaseFacts: Sendable {
        public var id: CaseID
        public var state: CaseState
        public init(id: CaseID, state: CaseState) {
            self.id = id
            self.state = state
        }

        /// The day the case ended (closed, or stopped after the accused left), if it did.
        var endedOn: Day? { state.closed?.on ?? state.stopped?.on }
        /// Members the case names: parties, rapporteur and cell.
        var named: Set<MemberID> {
            Set(
                state.accused.map(\.id) + state.complainants.map(\.id) + state.victims.map(\.id) + state.cell
                    + (state.rapporteur.map { [$0.rapporteur] } ?? []))
        }
    }

    /// The day a member stopped renewing, as read on `asOf`: the earliest year from the year they joined to `asOf`'s
    /// whose dues are not paid by `asOf` although Article 2.3's delay after that year's renewal notice (the first day
    /// of `noticeMonth`, or the day they joined if later) has run out. A year paid late still counts as renewed.
    public static func lapse(of member: MemberRecord, rules: RetentionRules, asOf: Day) -> (year: Int, on: Day)? {
        let paid = member.duesYears(paidBy: asOf)
        guard member.joinedOn.year <= asOf.year else { return nil }
        for year in member.joinedOn.year...asOf.year where !paid.contains(year) {
            guard let notice = Day(year: year, month: rules.noticeMonth, day: 1) else { continue }
            let due = rules.delay.end(from: max(notice, member.joinedOn))
            if due <= asOf { return (year, due) }
        }
        return nil
    }

    /// Who and what must be erased on `asOf`, with the ground of each, and what is kept and why. Members already
    /// erased, and case texts already erased (`CaseTextsErased`) or whose subject is listed in `erasedSubjects`, are
    /// left out.
    public static func review(
        members: [MemberRecord], cases: [CaseFacts], rulebook: Rulebook, asOf: Day,
        resigned: Set<MemberID> = [], erasedSubjects: Set<String> = []
    ) -> RetentionReview {
        let rules = rulebook.retentionRules
        var due: [ErasureDue] = []
        var held: [ErasureHeld] = []
        // Cases still open on the day name members whose data is needed to finish them (GDPR art. 17.3.e).
        let open = cases.filter { c in
            c.state.openedOn.map { $0 <= asOf } ?? false && !(c.endedOn.map { $0 <= asOf } ?? false)
        }
        for member in members.sorted(by: { $0.id.rawValue < $1.id.rawValue }) where member.erasedOn == nil {
            let subject = ErasureSubject.member(member.id)
            if let radiated = member.radiatedOn, radiated <= asOf, rules.keepsRadiations {
                held.append(
                    ErasureHeld(
                        subject: subject,
                        fr:
                            "radié·e le \(radiated.frenchDescription) : une radiation est gardée sans limite de temps (conservation du règlement)",
                        en:
                            "radiated on \(radiated): a radiation is kept without a time limit (the rulebook's retention)"
                    ))
                continue
            }
            var found: ErasureDue?
            if let departed = member.departedOn, departed <= asOf {
                let ground: ErasureGround = resigned.contains(member.id) ? .resigned : .left
                found = ErasureDue(
                    subject: subject, ground: ground, since: departed,
                    fr: ground == .resigned
                        ? "démission le \(departed.frenchDescription) (art. 2.2) : l'adhésion a pris fin (art. 6)"
                        : "départ le \(departed.frenchDescription) : l'adhésion a pris fin (art. 6)",
                    en: ground == .resigned
                        ? "resigned on \(departed) (art. 2.2): the membership ended (art. 6)"
                        : "left on \(departed): the membership ended (art. 6)")
            } else if let (year, lapsed) = lapse(of: member, rules: rules, asOf: asOf) {
                found = ErasureDue(
                    subject: subject, ground: .notRenewed, since: lapsed,
                    fr:
                        "cotisation \(year) non payée \(rules.delay.fr) après l'avis de renouvellement (art. 2.3) : adhésion non renouvelée (art. 6)",
                    en:
                        "\(year) dues unpaid \(rules.delay.en) after the renewal notice (art. 2.3): membership not renewed (art. 6)"
                )
            }
            guard let item = found else { continue }
            let naming = open.filter { $0.named.contains(member.id) }.map(\.id.rawValue).sorted()
            if !naming.isEmpty {
                held.append(
                    ErasureHeld(
                        subject: subject,
                        fr:
                            "\(item.fr) ; gardé tant que le dossier \(naming.joined(separator: ", ")) est ouvert (défense de droits en justice, RGPD art. 17.3.e)",
                        en:
                            "\(item.en); kept while case \(naming.joined(separator: ", ")) is open (legal claims, GDPR art. 17(3)(e))"
                    ))
                continue
            }
            due.append(item)
        }
        for c in cases.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            let subject = ErasureSubject.caseTexts(c.id)
            guard !erasedSubjects.contains(subject.stream), c.state.textsErased == nil, let ended = c.endedOn,
                ended <= asOf
            else { continue }
            if rules.keepsRadiations, !c.state.radiations.isEmpty {
                held.append(
                    ErasureHeld(
                        subject: subject,
                        fr: "dossier conclu par une radiation : ses textes sont gardés sans limite de temps",
                        en: "case concluded by a radiation: its texts are kept without a time limit"))
                continue
            }
            let end = rules.caseTextsPeriod.end(from: ended)
            guard end <= asOf else { continue }
            due.append(
                ErasureDue(
                    subject: subject, ground: .caseRetention, since: end,
                    fr:
                        "dossier terminé le \(ended.frenchDescription), textes gardés \(rules.caseTextsPeriod.fr) (conservation du règlement)",
                    en: "case ended on \(ended), texts kept \(rules.caseTextsPeriod.en) (the rulebook's retention)"))
        }
        return RetentionReview(due: due, held: held)
    }
}
