/// The parts a member has in a case, for `greffe cases --member`.
extension CaseState {
    /// A part a member has in a case: a party (accused, complainant, victim), a witness of a piece of the file, or a
    /// member of the crisis cell (who sat, or sits).
    public enum Involvement: String, CaseIterable, Sendable {
        case accused, complainant, victim, witness, cellMember

        public var fr: String {
            switch self {
            case .accused: "mis·e en cause"
            case .complainant: "plaignant·e"
            case .victim: "victime"
            case .witness: "témoin"
            case .cellMember: "membre de la cellule"
            }
        }

        public var en: String {
            switch self {
            case .accused: "accused"
            case .complainant: "complainant"
            case .victim: "victim"
            case .witness: "witness"
            case .cellMember: "cell member"
            }
        }
    }

    /// Every part `member` has in the case, in the order of ``Involvement``; empty when none. A report's reporter
    /// counts as a complainant and the members it concerns as accused; a cell member is anyone who joined the cell,
    /// replaced or revoked since, or sat in its judgement.
    public func involvements(of member: MemberID) -> [Involvement] {
        var found: Set<Involvement> = []
        if accused.contains(where: { $0.id == member })
            || reports.contains(where: { $0.value.concerning.contains(member) })
        {
            found.insert(.accused)
        }
        if complainants.contains(where: { $0.id == member }) || reports.contains(where: { $0.value.reporter == member })
        {
            found.insert(.complainant)
        }
        if victims.contains(where: { $0.id == member }) { found.insert(.victim) }
        if evidence.contains(where: { $0.value.witness == member }) { found.insert(.witness) }
        if cell.contains(member) || cellJoins.contains(where: { $0.value == member })
            || judgement?.value.cell.contains(member) == true
        {
            found.insert(.cellMember)
        }
        return Involvement.allCases.filter(found.contains)
    }
}
