import Discipline
import Documents
import Registry

/// The people a case act names, as its confirmation line says them: « mis·e en cause : Damien Roux (m004) »,
/// « rapporteur : Bruno Petit (m002) », « Farid Benali (m008), révoqué·e par Damien Roux (m004) » — the name beside
/// the id, as `status` and `history` write them (`CommandLineNames.named`). Pure: `name` renders one member.
enum ActPeople {
    /// The clause of the confirmation line naming who the act concerns, or nil for an act that names nobody
    /// (a draw prints its own order; a vote's voters are its ballots).
    static func clause(of event: CaseEvent, _ l: Language, name: (MemberID) -> String) -> String? {
        func list(_ ids: [MemberID]) -> String { ids.map(name).joined(separator: ", ") }
        switch event {
        case .complaintFiled(let c):
            return l.t("mis·e(s) en cause : ", "accused: ") + list(c.accused.map(\.id))
        case .reportRecorded(let r) where !r.concerning.isEmpty:
            return l.t("concernant : ", "concerning: ") + list(r.concerning)
        case .boardMembersNotified(let n) where !n.notified.isEmpty:
            return l.t("prévenu·es : ", "notified: ") + list(n.notified)
        case .boardMet(let m) where !m.attendees.isEmpty:
            return l.t("présent·es : ", "present: ") + list(m.attendees)
        case .rapporteurDesignated(let d):
            return l.t("rapporteur : ", "rapporteur: ") + name(d.rapporteur)
                + (d.delegated ? l.t(" (délégation)", " (delegated)") : "")
        case .suspensionImposed(let s):
            return l.t("suspendu·e(s) : ", "suspended: ") + list(s.accused)
        case .victimHeard(let h):
            return l.t("victime : ", "victim: ") + name(h.victim)
        case .answerReceived(let a):
            return l.t("de ", "from ") + name(a.from)
        case .accusedLeft(let d):
            return name(d.member)
        case .cellCalled(let c) where !c.called.isEmpty:
            return l.t("appelé·es : ", "called: ") + list(c.called)
        case .volunteerAccepted(let m), .drawnMemberPresent(let m):
            return name(m.member)
        case .drawnMemberDeclined(let d):
            return name(d.member)
        case .memberRecused(let r):
            return l.t("\(name(r.member)), révoqué·e par \(name(r.by))", "\(name(r.member)), recused by \(name(r.by))")
        case .summarySentToCell(let s):
            return l.t("cellule : ", "cell: ") + list(s.cell)
        case .cellMet(let m) where !m.attendees.isEmpty:
            return l.t("présent·es : ", "present: ") + list(m.attendees)
        case .cellVoteHeld(let v), .reintegrationVoteHeld(let v):
            return l.t("votant·es : ", "voters: ") + list(v.ballots.map(\.member))
        case .decisionLetterReceived(let m):
            return name(m.member)
        case .appealLodged(let a):
            return l.t("recours de ", "appeal by ") + name(a.by)
        default:
            return nil
        }
    }

    /// Every member `events` name in their clauses: the few whose names the confirmation reads.
    static func members(of events: [CaseEvent]) -> Set<MemberID> {
        var named: Set<MemberID> = []
        for event in events {
            _ = clause(of: event, .fr) { id in
                named.insert(id)
                return id.rawValue
            }
        }
        return named
    }
}

extension Registry {
    /// How a confirmation names the members of `ids`: « Damien Roux (m004) », reading those few names only; the id
    /// alone for someone the roster does not hold (an outsider, an unknown id).
    func namer(of ids: some Sequence<MemberID>, _ l: Language) throws -> (MemberID) -> String {
        let names = try displayNames(try reveal(words: l.revealWords), of: Set(ids))
        return { SafeText.field(Registry.named($0, names)) }
    }
}
