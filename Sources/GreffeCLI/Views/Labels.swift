import Discipline
import Registry

// The words of the closed lists as the human outputs show them: French by default, English with `--lang en`. JSON
// outputs keep the stable machine ids (`warning`, `testimony`, `board-member`, `awaitingBoardMeeting`), which scripts
// read; text outputs never show those ids in French.

extension CaseStep {
    /// The step in the chosen language.
    func words(_ l: Language) -> String { l == .fr ? fr : en }

    /// The step typed on the command line (`cases --state`), by its id or by its French or English words, without
    /// regard to case or accents: `appealPending`, « recours formé, Assemblée générale attendue ».
    static func typed(_ text: String) -> CaseStep? {
        let typed = foldedArgument(text)
        return allCases.first { step in
            [step.rawValue, step.fr, step.en].contains { foldedArgument($0) == typed }
        }
    }
}

extension MemberKind {
    func words(_ l: Language) -> String {
        switch self {
        case .person: l.t("personne", "person")
        case .association: l.t("association", "association")
        }
    }
}

extension MandateRole {
    /// A known mandate in words; any other mandate by the name it was given.
    func words(_ l: Language) -> String {
        switch self {
        case .boardMember: l.t("membre du Conseil d'administration", "board member")
        case .rapporteur: l.t("rapporteur", "rapporteur")
        case .moderator: l.t("modérateur·rice", "moderator")
        case .localRepresentative: l.t("représentant·e local·e", "local representative")
        case .other(let name): name
        }
    }

    /// The known mandates (for the scan of French outputs).
    static let known: [MandateRole] = [.boardMember, .rapporteur, .moderator, .localRepresentative]
}

extension Evidence.Kind {
    func words(_ l: Language) -> String {
        switch self {
        case .testimony: l.t("témoignage", "testimony")
        case .history: l.t("historique", "history")
        case .context: l.t("contexte", "context")
        case .screenshot: l.t("capture d'écran", "screenshot")
        case .document: l.t("document", "document")
        case .report: l.t("signalement", "report")
        case .other: l.t("autre", "other")
        }
    }
}

extension Rulebook {
    /// A sanction id in the rulebook's words (`warning` → « avertissement »); an id the rulebook does not know stays
    /// as written.
    func sanctionWords(_ id: String, _ l: Language) -> String {
        sanction(id).map { l == .fr ? $0.fr : $0.en } ?? id
    }

    /// A list of sanction ids in words, or « aucune sanction ».
    func sanctionsWords(_ ids: [String], _ l: Language) -> String {
        ids.isEmpty ? l.t("aucune sanction", "no sanction") : ids.map { sanctionWords($0, l) }.joined(separator: ", ")
    }

    /// A vote's option in words: a proposal of sanctions joined by `+` (`warning+suspension` → « avertissement +
    /// suspension »), `none` (no sanction), or an id the rulebook does not know as written.
    func optionWords(_ option: String, _ l: Language) -> String {
        if option == "none" { return l.t("aucune sanction", "no sanction") }
        let parts = option.split(separator: "+").map(String.init)
        return parts.map { sanctionWords($0, l) }.joined(separator: " + ")
    }
}

extension Outcome.Source {
    func words(_ l: Language) -> String {
        switch self {
        case .cell: l.t("cellule de crise", "crisis cell")
        case .generalAssembly: l.t("Assemblée générale", "general assembly")
        case .generalAssemblyResolution: l.t("résolution de l'Assemblée générale", "general assembly resolution")
        }
    }
}
