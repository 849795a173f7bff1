/// The count of one vote on one option, with the arithmetic written out for auditors.
///
/// Everything is integers: `yes × denominator ≥ base × numerator`, never a floating-point ratio.
public struct VoteTally: Codable, Equatable, Sendable {
    /// Votes for the option.
    public var yes: Int
    /// Ballots cast for any option (blanks excluded).
    public var cast: Int
    /// Blank ballots.
    public var blanks: Int
    /// Members of the voting body (cell, general assembly).
    public var bodySize: Int
    /// The number the fraction applies to (cast + blanks, or the body size, per the rulebook).
    public var base: Int
    public var reached: Bool
    /// E.g. "2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints".
    public var arithmetic: String

    public init(yes: Int, cast: Int, blanks: Int, bodySize: Int, base: Int, reached: Bool, arithmetic: String) {
        self.yes = yes
        self.cast = cast
        self.blanks = blanks
        self.bodySize = bodySize
        self.base = base
        self.reached = reached
        self.arithmetic = arithmetic
    }
}

extension Rulebook {
    /// Whether `yes` votes reach the rulebook's qualified majority (two-thirds for CLE).
    ///
    /// - Parameters:
    ///   - yes: votes for the option.
    ///   - cast: ballots cast for some option, blanks excluded.
    ///   - blanks: blank ballots (counted in the base when the base is `castIncludingBlanks`, as 3.3 says:
    ///     "Les votes négatifs et blancs sont pris en compte").
    ///   - bodySize: members of the voting body (the base when it is `allMembersOfBody`).
    public func reachesTwoThirds(yes: Int, cast: Int, blanks: Int, bodySize: Int) -> VoteTally {
        let t = twoThirds
        // Counts come from input: clamp negatives and saturate sums so nothing here can trap.
        let (yes, cast, blanks, bodySize) = (max(0, yes), max(0, cast), max(0, blanks), max(0, bodySize))
        let sum = cast.addingReportingOverflow(blanks)
        let base = t.base == .castIncludingBlanks ? (sum.overflow ? Int.max : sum.partialValue) : bodySize
        let left = Product(yes, t.denominator)
        let right = Product(base, t.numerator)
        // A vote nobody took part in reaches nothing, even though 0 ≥ 0.
        let reached = base > 0 && yes > 0 && left >= right
        let sign = left >= right ? "≥" : "<"
        let words = reached ? "\(fraction) atteints" : "\(fraction) non atteints"
        let arithmetic = "\(yes) × \(t.denominator) = \(left) \(sign) \(base) × \(t.numerator) = \(right) → \(words)"
        return VoteTally(
            yes: yes, cast: cast, blanks: blanks, bodySize: bodySize, base: base, reached: reached,
            arithmetic: arithmetic)
    }

    /// "deux tiers" for 2/3, otherwise "n/d".
    var fraction: String {
        twoThirds.numerator == 2 && twoThirds.denominator == 3
            ? "deux tiers" : "\(twoThirds.numerator)/\(twoThirds.denominator)"
    }
}

/// An exact product of two non-negative integers (full width), comparable without overflow.
struct Product: Comparable, CustomStringConvertible {
    let high: Int
    let low: UInt
    let a: Int
    let b: Int
    init(_ a: Int, _ b: Int) {
        let a = max(0, a), b = max(0, b)
        (high, low) = a.multipliedFullWidth(by: b)
        self.a = a
        self.b = b
    }
    static func < (l: Product, r: Product) -> Bool { (l.high, l.low) < (r.high, r.low) }
    static func == (l: Product, r: Product) -> Bool { (l.high, l.low) == (r.high, r.low) }
    var description: String {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? "\(a)·\(b)" : String(value)
    }
}

/// One member's ballot: an option id, or `nil` for a blank ballot.
public struct Ballot: Codable, Equatable, Sendable {
    public var member: MemberID
    /// The option voted for; `nil` is a blank ballot ("vote blanc").
    public var option: String?
    public init(member: MemberID, option: String?) {
        self.member = member
        self.option = option
    }
}

/// The ballots of one vote, counted per option.
public struct Ballots: Equatable, Sendable {
    public var ballots: [Ballot]
    public init(_ ballots: [Ballot]) { self.ballots = ballots }

    public var blanks: Int { ballots.filter { $0.option == nil }.count }
    public var cast: Int { ballots.count - blanks }
    public func votes(for option: String) -> Int { ballots.filter { $0.option == option }.count }

    /// The tally of every option, in the order given.
    public func tallies(options: [String], bodySize: Int, rulebook: Rulebook) -> [OptionTally] {
        options.map { option in
            OptionTally(
                option: option,
                tally: rulebook.reachesTwoThirds(
                    yes: votes(for: option), cast: cast, blanks: blanks, bodySize: bodySize))
        }
    }
}

/// The tally of one option of a vote.
public struct OptionTally: Codable, Equatable, Sendable {
    public var option: String
    public var tally: VoteTally
    public init(option: String, tally: VoteTally) {
        self.option = option
        self.tally = tally
    }
}

extension Array where Element == OptionTally {
    /// The option that reached the threshold, if exactly one did (two options cannot both pass with a 2/3 rule,
    /// but a looser rulebook could let them; then nothing is adopted and the text's next step applies).
    public var adopted: String? {
        let passing = filter { $0.tally.reached }
        return passing.count == 1 ? passing[0].option : nil
    }
}
