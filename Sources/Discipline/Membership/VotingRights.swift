/// Who may vote at a general assembly on a day (Article 2.4, rule R36), and why the others may not.
///
/// « Ancienneté d'au moins 1 an dans l'association. » — « Cotisation à jour de moins d'un an. » Self-identification
/// (« S'identifier à l'autisme, avec ou sans diagnostic ») is the person's own declaration, which the register does not
/// hold: it is listed as a point to check, never decided here. The parties of a case on the GA's docket are listed as
/// conflicts (Article 8): shown, for the assembly to handle, not removed.
public struct VoterAssessment: Codable, Equatable, Sendable {
    public var member: MemberID
    public var displayName: Sealed
    public var mayVote: Bool
    /// Why not, in French and English (empty when the member may vote).
    public var reasonsFr: [String]
    public var reasonsEn: [String]
    /// Cases on the docket where the member is a party.
    public var conflicts: [CaseID]
}

/// Article 2.4's numbers (`paths.voting` of the procedure rulebook); absent: CLE's one year for each.
public struct VotingRules: Codable, Equatable, Sendable {
    public var seniority: Rulebook.Period?
    public var duesWithin: Rulebook.Period?
    public init(seniority: Rulebook.Period? = nil, duesWithin: Rulebook.Period? = nil) {
        self.seniority = seniority
        self.duesWithin = duesWithin
    }
    public static let cle = VotingRules(
        seniority: Rulebook.Period(12, .months), duesWithin: Rulebook.Period(12, .months))
    public var seniorityPeriod: Rulebook.Period { seniority ?? Rulebook.Period(12, .months) }
    public var duesPeriod: Rulebook.Period { duesWithin ?? Rulebook.Period(12, .months) }
}

public enum VotingRights {
    /// Every member of the roster assessed for a GA held on `day`, by id.
    public static func assess(
        _ records: [MemberRecord], on day: Day, rules: VotingRules,
        conflicts: [MemberID: [CaseID]]
    ) -> [VoterAssessment] {
        records.sorted { $0.id < $1.id }.map { record in
            var fr: [String] = [], en: [String] = []
            if let left = record.departedOn, left <= day {
                fr.append("a quitté l'association le \(left.frenchDescription)"); en.append("left on \(left)")
            }
            if let radiated = record.radiatedOn, radiated <= day {
                fr.append("radié·e le \(radiated.frenchDescription)"); en.append("radiated on \(radiated)")
            }
            if record.kind == .association {
                fr.append(
                    "association membre : ses adhérents votent par la liste de l'antenne partagée avant l'Assemblée")
                en.append("member association: its members vote through the antenna's list shared before the GA")
            }
            let senior = rules.seniorityPeriod.end(from: record.joinedOn)
            if senior > day {
                fr.append(
                    "ancienneté de moins de \(rules.seniorityPeriod.fr) (adhésion le \(record.joinedOn.frenchDescription))"
                )
                en.append("less than \(rules.seniorityPeriod.en) of seniority (joined on \(record.joinedOn))")
            }
            let paid = record.duesPaidOn.values.filter { $0 <= day }.max()
            let upToDate =
                record.duesYears(paidBy: day).contains(day.year)
                || (paid.map { rules.duesPeriod.end(from: $0) > day } ?? false)
            if !upToDate {
                fr.append(
                    paid.map { "cotisation de plus de \(rules.duesPeriod.fr) (dernière le \($0.frenchDescription))" }
                        ?? "aucune cotisation enregistrée")
                en.append(paid.map { "dues older than \(rules.duesPeriod.en) (last on \($0))" } ?? "no dues recorded")
            }
            return VoterAssessment(
                member: record.id, displayName: record.displayName, mayVote: fr.isEmpty,
                reasonsFr: fr, reasonsEn: en, conflicts: conflicts[record.id] ?? [])
        }
    }
}
