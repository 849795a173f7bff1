/// The roster facts a case decider reads, gathered by the application (the decider itself stays pure).
public struct CaseContext: Equatable, Sendable {
    public var caseID: CaseID
    public var members: [MemberID: MemberStanding]
    public init(caseID: CaseID, members: [MemberID: MemberStanding] = [:]) {
        self.caseID = caseID
        self.members = members
    }
    public init(caseID: CaseID, members: [MemberStanding]) {
        self.caseID = caseID
        self.members = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Why a member cannot sit in the crisis cell.
public struct ExclusionReason: Equatable, Sendable {
    public var rule: RuleID
    public var fr: String
    public var en: String
    public init(rule: RuleID, fr: String, en: String) {
        self.rule = rule
        self.fr = fr
        self.en = en
    }
}

extension CaseState {
    /// Every reason `member` cannot join the cell on `day`; empty means eligible.
    ///
    /// 5.6.9: "3 membres à jour de cotisation de l'année en cours, indépendants de la situation" (R13), not revoked by
    /// a party (R14), under the judgement cap (R17), still a member.
    public func isEligibleForCell(
        _ member: MemberID, context: CaseContext, on day: Day, rulebook: Rulebook = .cle
    ) -> [ExclusionReason] {
        var out: [ExclusionReason] = []
        guard let standing = context.members[member] else {
            return [
                ExclusionReason(
                    rule: .R13, fr: "\(member) n'est pas dans la liste des adhésions",
                    en: "\(member) is not on the roster")
            ]
        }
        if !standing.duesYears.contains(day.year) {
            out.append(
                ExclusionReason(
                    rule: .R13, fr: "\(member) n'est pas à jour de cotisation pour l'année \(day.year)",
                    en: "\(member) has not paid dues for \(day.year)"))
        }
        if !standing.isPerson {
            // 5.6.9 calls members "se sentant concernés par le sujet" to sit and deliberate: people, not member
            // associations (which 5.6 involves through their representatives).
            out.append(
                ExclusionReason(
                    rule: .R13, fr: "\(member) est une association membre ; la cellule réunit des personnes",
                    en: "\(member) is a member association; the cell is made of people"))
        }
        if !standing.isActive(on: day) {
            out.append(
                ExclusionReason(
                    rule: .R13, fr: "\(member) a quitté l'association ou a été radié·e",
                    en: "\(member) has left the association or was radiated"))
        }
        if let role = roleInCase(member) {
            out.append(
                ExclusionReason(
                    rule: .R13, fr: "\(member) n'est pas indépendant·e de la situation (\(role.fr))",
                    en: "\(member) is not independent of the case (\(role.en))"))
        }
        if cell.contains(member) {
            out.append(
                ExclusionReason(
                    rule: .R13, fr: "\(member) siège déjà dans la cellule",
                    en: "\(member) already sits in the cell"))
        }
        if revoked.contains(member) {
            out.append(
                ExclusionReason(
                    rule: .R14, fr: "\(member) a été révoqué·e par une partie",
                    en: "\(member) was revoked by a party"))
        }
        if replaced.contains(member) {
            out.append(
                ExclusionReason(
                    rule: .R13, fr: "\(member) a été remplacé·e dans la cellule",
                    en: "\(member) was replaced in the cell"))
        }
        let cap = rulebook.judgementCap
        let counted = standing.judgementsSat.filter { other in
            other != context.caseID && (cap.counting == .life || Self.year(of: other).map { $0 == day.year } ?? true)
        }
        if counted.count >= cap.max {
            out.append(
                ExclusionReason(
                    rule: .R17,
                    fr:
                        "\(member) a déjà jugé \(counted.count) fois ; les jugements par adhérents sont limités à \(cap.max) interventions",
                    en: "\(member) already sat in judgement \(counted.count) times; the limit is \(cap.max)"))
        }
        return out
    }

    /// The year a case id starts with (`2026-001` → 2026); unknown ids count in every year, to stay on the safe side.
    static func year(of id: CaseID) -> Int? {
        let prefix = id.rawValue.prefix(5)
        guard prefix.count == 5, prefix.last == "-" else { return nil }
        return Int(prefix.dropLast())
    }

    /// The member's role in this case, if any.
    func roleInCase(_ m: MemberID) -> (fr: String, en: String)? {
        if accused.contains(where: { $0.id == m }) { return ("personne mise en cause", "accused") }
        if victims.contains(where: { $0.id == m }) { return ("victime", "victim") }
        if complainants.contains(where: { $0.id == m }) { return ("plaignant·e", "complainant") }
        if rapporteur?.rapporteur == m { return ("rapporteur", "rapporteur") }
        if evidence.contains(where: { $0.value.witness == m }) { return ("témoin", "witness") }
        if reports.contains(where: { $0.value.reporter == m || $0.value.relayedBy == m }) {
            return ("auteur·e d'un signalement", "reporter")
        }
        return nil
    }
}
