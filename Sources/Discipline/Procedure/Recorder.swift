/// Who may record the acts of a case.
///
/// The règlement has the board conduct the procedure and name who leads the case (5.6.3: « le Conseil
/// d'administration doit désigner l'un de ses membres comme responsable du dossier (rapporteur) »); an act written in the register by anybody else is
/// not an act of the procedure. By default only a board member (a `board-member` mandate in force that day) or the
/// case's rapporteur may record one; a rulebook may widen this to any member (`"recorders": "any-member"`).
public enum RecorderPolicy: String, Codable, Sendable, CaseIterable {
    /// A board member in office on the act's day, or the rapporteur the board designated for the case.
    case boardOrRapporteur = "board-or-rapporteur"
    /// Any member on the roster.
    case anyMember = "any-member"
}

public enum Recorder {
    /// Why `actor` may not record an act of a case in `state` on `day`, or `nil` when they may. `record` is the
    /// actor's roster record (`nil` when the roster has never held them).
    public static func refusal(
        actor: MemberID, record: MemberRecord?, state: CaseState, on day: Day, policy: RecorderPolicy
    ) -> Refusal? {
        guard let record else {
            return Refusal(
                .recorder,
                fr: "\(actor) n'est pas au registre des membres : l'acte doit être enregistré au nom d'un membre",
                en: "\(actor) is not on the roster: an act is recorded in a member's name",
                allowed: "--as MEMBRE (ou GREFFE_ACTOR)", allowedEn: "--as MEMBER (or GREFFE_ACTOR)")
        }
        switch policy {
        case .anyMember:
            return nil
        case .boardOrRapporteur:
            if record.roles(on: day).contains(.boardMember) || state.rapporteur?.rapporteur == actor { return nil }
            return Refusal(
                .recorder,
                fr:
                    "\(actor) n'est ni membre du Conseil d'administration le \(day.frenchDescription) ni rapporteur du dossier : seul le Conseil ou le rapporteur enregistre les actes de la procédure",
                en:
                    "\(actor) is neither a board member on \(day) nor the case's rapporteur: only the board or the rapporteur records the acts of the procedure",
                allowed: "--as avec un membre du Conseil ou le rapporteur",
                allowedEn: "--as with a board member or the rapporteur")
        }
    }
}
