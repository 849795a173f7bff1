import Discipline

/// Why a letter cannot be written. Nothing is written when one is thrown.
public enum LetterError: Error, Equatable, Sendable {
    /// The case is not at a step that calls for this letter (the fact it rests on is not recorded).
    case notAtThisStep(kind: LetterKind, fr: String, en: String)
    /// The person has no address in the roster (not a member, erased, or no e-mail): never an empty To:.
    case noContact(MemberID, fr: String, en: String)
    /// Several people may receive this letter: `--to` must say which.
    case recipientNeeded(kind: LetterKind, candidates: [MemberID])
    /// `--to` names someone this letter is not for.
    case notARecipient(kind: LetterKind, member: MemberID, candidates: [MemberID])
    /// No template for this letter in this language.
    case noTemplate(name: String)
    /// A template names a field its letter does not offer, or does not parse.
    case badTemplate(TemplateProblem)

    public var fr: String {
        switch self {
        case let .notAtThisStep(kind, fr, _): "pas de \(kind.fr) à ce stade : \(fr)"
        case let .noContact(member, fr, _): "\(member) ne peut pas recevoir de lettre : \(fr) ; rien n'a été écrit"
        case let .recipientNeeded(kind, candidates):
            "plusieurs destinataires possibles pour la \(kind.fr) : \(candidates.map(\.rawValue).joined(separator: ", ")) ; précisez --to MEMBRE"
        case let .notARecipient(kind, member, candidates):
            "\(member) n'est pas destinataire de la \(kind.fr) ; destinataires : "
                + (candidates.isEmpty ? "aucun" : candidates.map(\.rawValue).joined(separator: ", "))
        case let .noTemplate(name): "aucun modèle « \(name).mustache » (ni dans --templates ni parmi ceux fournis)"
        case let .badTemplate(p): "modèle \(p.template), ligne \(p.line) : \(p.fr)"
        }
    }

    public var en: String {
        switch self {
        case let .notAtThisStep(kind, _, en): "no \(kind.en) at this step: \(en)"
        case let .noContact(member, _, en): "\(member) cannot receive a letter: \(en); nothing was written"
        case let .recipientNeeded(kind, candidates):
            "several people may receive the \(kind.en): \(candidates.map(\.rawValue).joined(separator: ", ")); say which with --to MEMBER"
        case let .notARecipient(kind, member, candidates):
            "\(member) is not a recipient of the \(kind.en); recipients: "
                + (candidates.isEmpty ? "none" : candidates.map(\.rawValue).joined(separator: ", "))
        case let .noTemplate(name): "no template “\(name).mustache” (neither in --templates nor among the shipped ones)"
        case let .badTemplate(p): "template \(p.template), line \(p.line): \(p.en)"
        }
    }
}
