/// A rule of the catalogue (design.md), used in refusals, breaches, tests and docs/rules.md.
public enum RuleID: String, Codable, Sendable, CaseIterable, Comparable {
    case R01, R02, R03, R04, R05, R06, R07, R08, R09, R10
    case R11, R12, R13, R14, R15, R16, R17, R18, R19, R20
    case R21, R22, R23, R24, R25, R26, R27, R28, R29, R30
    case R31, R32, R33, R34, R35
    /// GA voting rights (2.4).
    case R36
    /// Resignation by letter (2.2).
    case R37
    /// Non-payment of dues (2.3): radiation two months after the first renewal notice; a member association's warning,
    /// suspension by two-thirds of the board, radiation.
    case R38
    /// A quarter of the members with dues under a year convene a general assembly (3.2).
    case R39
    /// Sequencing, not a rule of the text: an act dated before an act the text puts before it
    /// (`CaseState.precedents(of:)`), an act dated after today (`FutureAct`), or an act of a closed case.
    case order
    /// Who records an act: a member on the roster; for a case, a board member or the case's rapporteur (unless the
    /// rulebook widens it).
    case recorder
    /// What a withdrawal or a correction of a recorded act may touch: not a published draw nor a judgement sent, not
    /// an act later acts depend on, not a withdrawal or a correction.
    case rectification
    /// Whom a ladder act is about: a member on the roster or an outside person created beforehand (`ladder outsider
    /// add`), never a free-text name.
    case person

    /// The article of the règlement the rule comes from.
    public var article: String {
        switch self {
        case .R01: "5.6.1"
        case .R02: "5.6.2"
        case .R03: "5.6"
        case .R04, .R05, .R06: "5.6.3"
        case .R07: "5.6.4"
        case .R08: "5.6.5"
        case .R09: "5.6.6"
        case .R10, .R11: "5.6.7"
        case .R12: "5.6.8"
        case .R13, .R14, .R15, .R16, .R17: "5.6.9"
        case .R18, .R19, .R20, .R21: "5.6.10"
        case .R22: "5.6.11"
        case .R23, .R24, .R25: "5.6.12"
        case .R26: "5.6.13"
        case .R27: "2.5"
        case .R28: "5.3"
        case .R29: "5.2"
        case .R30: "5.4"
        case .R31: "3.2"
        case .R32: "4.5"
        case .R33: "3.3"
        case .R34: "9"
        case .R35: "6"
        case .R36: "2.4"
        case .R37: "2.2"
        case .R38: "2.3"
        case .R39: "3.2"
        case .order: "5.6"
        case .recorder: "5.6.3"
        case .rectification: "5.6.5"
        case .person: "5.2"
        }
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// A command the rules do not allow. Nothing is written; the message says what is wrong, under which article,
/// and what would be allowed instead.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var rule: RuleID
    /// What is wrong, in French (the association's language).
    public var fr: String
    /// What is wrong, in English.
    public var en: String
    /// What would be allowed instead, in French.
    public var allowed: String?
    /// What would be allowed instead, in English.
    public var allowedEn: String?

    public init(_ rule: RuleID, fr: String, en: String, allowed: String? = nil, allowedEn: String? = nil) {
        self.rule = rule
        self.fr = fr
        self.en = en
        self.allowed = allowed
        self.allowedEn = allowedEn
    }

    public var description: String {
        "\(rule.rawValue) (art. \(rule.article)): \(en)" + (allowedEn.map { " — \($0)" } ?? "")
    }
}
