/// The letters Article 5.6 and the sanction ladders call for.
public enum LetterKind: String, CaseIterable, Sendable {
    /// 5.6.7: the explanation request to the accused, with its answer window (R10).
    case explanation = "explication"
    /// 5.6.9: the call to members to form the crisis cell.
    case cellCall = "appel-cellule"
    /// 5.6.9: to a member drawn by lot, who must answer present.
    case draw = "tirage"
    /// 5.6.9: the summary to the three cell members and the victim; its sending ends the instruction (R16, R18).
    case summary = "synthese"
    /// 5.6.11–12: the decision, with the appeal right, its delay and to whom (R23).
    case decision = "decision"
    /// 5.3, 4.5, 5.6.7: the radiation announced « par une lettre envoyée en courrier électronique ».
    case radiation = "radiation"
    /// A ladder's measure, as the charter says the person is told.
    case measure = "mesure"

    /// Accepts the French id (the file name of its template) or the English word.
    public init?(word: String) {
        let english: [String: LetterKind] = [
            "explanation": .explanation, "cell-call": .cellCall, "draw": .draw, "summary": .summary,
            "decision": .decision, "radiation": .radiation, "measure": .measure
        ]
        if let kind = LetterKind(rawValue: word) ?? english[word] { self = kind } else { return nil }
    }

    /// The kinds a case's procedure sends; `measure` belongs to the ladders.
    public static var procedureKinds: [LetterKind] { allCases.filter { $0 != .measure } }

    public var fr: String {
        switch self {
        case .explanation: "demande d'explication (art. 5.6.7)"
        case .cellCall: "appel à former la cellule de crise (art. 5.6.9)"
        case .draw: "convocation d'une personne tirée au sort (art. 5.6.9)"
        case .summary: "envoi de la synthèse récapitulative (art. 5.6.9)"
        case .decision: "lettre de décision (art. 5.6.11–12)"
        case .radiation: "lettre de radiation (art. 5.3)"
        case .measure: "notification d'une mesure de la charte"
        }
    }

    public var en: String {
        switch self {
        case .explanation: "explanation request (art. 5.6.7)"
        case .cellCall: "call to form the crisis cell (art. 5.6.9)"
        case .draw: "summons of a member drawn by lot (art. 5.6.9)"
        case .summary: "sending of the summary (art. 5.6.9)"
        case .decision: "decision letter (art. 5.6.11–12)"
        case .radiation: "radiation letter (art. 5.3)"
        case .measure: "notice of a charter measure"
        }
    }

    /// The fields its template may use.
    public var schema: LetterSchema {
        var fields: [String: LetterField] = [
            "reglement": .text, "dossier": .text, "date": .text, "destinataire": .text, "expediteur": .text
        ]
        switch self {
        case .explanation:
            fields.merge([
                "envoyee_le": .text, "resume": .text, "demandes": .list(["texte": .text]), "delai": .text,
                "echeance": .text, "echeance_iso": .text
            ]) { a, _ in a }
        case .cellCall:
            fields.merge(["taille_cellule": .text, "annee": .text, "limite_jugements": .text]) { a, _ in a }
        case .draw:
            fields.merge(["tire_le": .text, "taille_cellule": .text, "limite_jugements": .text]) { a, _ in a }
        case .summary:
            fields.merge([
                "demande": .text, "defense": .text, "sanctions_proposees": .list(["libelle": .text]),
                "cellule": .list(["nom": .text]), "envoyee_le": .text, "delai": .text, "echeance": .text,
                "echeance_iso": .text
            ]) { a, _ in a }
        case .decision:
            fields.merge([
                "decide_le": .text, "instance": .text, "sanctions": .list(["libelle": .text]),
                "aucune_sanction": .flag, "radiation": .flag, "revocation_mandat": .flag, "probation": .flag,
                "conditions": .list(["texte": .text]),
                "recours_possible": .flag, "delai": .text, "reception_connue": .flag, "recue_le": .text,
                "echeance": .text, "echeance_iso": .text
            ]) { a, _ in a }
        case .radiation:
            fields.merge(["radie_le": .text, "depart": .flag]) { a, _ in a }
        case .measure:
            fields = [
                "charte": .text, "date": .text, "destinataire": .text, "expediteur": .text, "mesure": .text,
                "article": .text, "citation": .text, "decidee_le": .text, "temporaire": .flag, "jusqu_au": .text,
                "motif_donne": .flag, "motif": .text, "canal": .text
            ]
        }
        return LetterSchema(fields)
    }
}
