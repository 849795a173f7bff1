public import Foundation

/// Article 3.2 (R39): « Au moins un quart des membres ayant une cotisation de moins d'un an peuvent convoquer une
/// assemblée générale pour tout motif listé à l'article 15 des statuts et pour toute défiance envers le Conseil
/// d'administration. » The share is data (`paths.assemblyRequest.share`, CLE: 1/4), compared in integers.
public struct AssemblyRequestRules: Codable, Equatable, Sendable {
    /// « Au moins un quart »: signatories × denominator ≥ members × numerator.
    public var share: Rulebook.Threshold?
    public init(share: Rulebook.Threshold? = nil) { self.share = share }
    public static let cle = AssemblyRequestRules(
        share: Rulebook.Threshold(numerator: 1, denominator: 4, base: .allMembersOfBody))
    public var fraction: Rulebook.Threshold {
        share ?? AssemblyRequestRules.cle.share
            ?? Rulebook.Threshold(numerator: 1, denominator: 4, base: .allMembersOfBody)
    }
}

extension Rulebook {
    public var assemblyRequestRules: AssemblyRequestRules { paths?.assemblyRequest ?? .cle }
}

/// Members convening a general assembly: who signed, why, and the arithmetic that shows they are enough.
public struct AssemblyRequest: Codable, Equatable, Sendable {
    public enum Motive: String, Codable, Sendable, CaseIterable {
        /// « toute défiance envers le Conseil d'administration ».
        case distrust
        /// « tout motif listé à l'article 15 des statuts ».
        case statutes
    }
    public var signatories: [MemberID]
    public var motive: Motive
    /// Members with dues under a year on the request's day: the body the share is taken of.
    public var bodySize: Int
    /// « 3 × 4 = 12 ≥ 12 × 1 = 12 → un quart atteint ».
    public var arithmetic: String
    /// The board's last day to convene the assembly (Article 3.2's « dans un délai de 7 jours à partir de la date de
    /// demande », read as covering « ces demandes »).
    public var due: Day

    public init(signatories: [MemberID], motive: Motive, bodySize: Int, arithmetic: String, due: Day) {
        self.signatories = signatories
        self.motive = motive
        self.bodySize = bodySize
        self.arithmetic = arithmetic
        self.due = due
    }

    public static let typeName = "AssemblyRequested"
    public static let schemaVersion = 1
}

public enum AssemblyRequestDecider {
    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R39, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    /// Whether `record` is a member « ayant une cotisation de moins d'un an » on `day`: still a member, and dues paid
    /// for the day's year or last paid less than `paths.voting.duesWithin` (one year) before it.
    public static func hasRecentDues(_ record: MemberRecord, on day: Day, rules: VotingRules) -> Bool {
        if let left = record.departedOn, left <= day { return false }
        if let radiated = record.radiatedOn, radiated <= day { return false }
        if record.joinedOn > day { return false }
        let paid = record.duesPaidOn.values.filter { $0 <= day }.max()
        return record.duesYears(paidBy: day).contains(day.year)
            || (paid.map { rules.duesPeriod.end(from: $0) > day } ?? false)
    }

    /// The share in integers, written out: `signatories × d ≥ body × n`.
    public static func count(
        signatories: Int, body: Int, share: Rulebook.Threshold
    ) -> (reached: Bool, arithmetic: String) {
        let left = signatories * share.denominator, right = body * share.numerator
        let reached = body > 0 && signatories > 0 && left >= right
        let words =
            share.numerator == 1 && share.denominator == 4 ? "un quart" : "\(share.numerator)/\(share.denominator)"
        return (
            reached,
            "\(signatories) × \(share.denominator) = \(left) \(left >= right ? "≥" : "<") \(body) × \(share.numerator) = \(right) → \(words) \(reached ? "atteint" : "non atteint")"
        )
    }

    /// The request, or the refusal naming what is missing. `roster`: every member record as of `day`.
    public static func decide(
        signatories: [MemberID], motive: AssemblyRequest.Motive, roster: [MemberRecord],
        rulebook: Rulebook, on day: Day
    ) -> Result<AssemblyRequest, Refusal> {
        if Set(signatories).count != signatories.count {
            let twice = signatories.first { id in signatories.filter { $0 == id }.count > 1 }
            return .failure(
                refuse(
                    "\(twice?.rawValue ?? "?") signe deux fois : chaque signataire compte une fois",
                    "\(twice?.rawValue ?? "?") signs twice: each signatory counts once"))
        }
        let voting = rulebook.pathRules.voting ?? .cle
        let body = roster.filter { hasRecentDues($0, on: day, rules: voting) }
        let bodyIDs = Set(body.map(\.id))
        if let stale = signatories.first(where: { !bodyIDs.contains($0) }) {
            return .failure(
                refuse(
                    "\(stale) n'a pas de cotisation de moins d'un an au \(day.frenchDescription) (« membres ayant une cotisation de moins d'un an »)",
                    "\(stale) has no dues under a year on \(day)"))
        }
        let share = rulebook.assemblyRequestRules.fraction
        let counted = count(signatories: signatories.count, body: body.count, share: share)
        guard counted.reached else {
            let needed = (body.count * share.numerator + share.denominator - 1) / share.denominator
            return .failure(
                refuse(
                    "« Au moins un quart des membres ayant une cotisation de moins d'un an » : \(counted.arithmetic)",
                    "at least a quarter of the members with dues under a year: \(counted.arithmetic)",
                    allowed: "\(max(needed, 1)) signataires au moins",
                    allowedEn: "at least \(max(needed, 1)) signatories"))
        }
        let due = (rulebook.pathRules.crisisRequest ?? .cle).delay.end(from: day)
        return .success(
            AssemblyRequest(
                signatories: signatories, motive: motive, bodySize: body.count,
                arithmetic: counted.arithmetic, due: due))
    }
}
