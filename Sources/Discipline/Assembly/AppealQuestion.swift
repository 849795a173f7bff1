import Foundation

/// The question the docket puts to the general assembly on an appeal (5.6.12, R24): « confirmer ou réformer la
/// décision ». Its two answers become the vote's two proposals: confirming is the cell's decision as it stands (its
/// sanctions and probation); reforming is the decision the assembly would put in its place, which it says.
public enum AppealQuestion {
    /// One answer to the question; its raw value is the proposal id recorded in the vote.
    public enum Answer: String, CaseIterable, Sendable {
        case confirm = "confirmer"
        case reform = "réformer"

        /// The words accepted for the answer, in French and English (compared without case or accents).
        static let words: [Answer: [String]] = [
            .confirm: ["confirmer", "confirme", "confirm", "confirmation"],
            .reform: ["réformer", "reforme", "reformer", "reform", "overturn", "infirmer", "annuler"]
        ]

        /// The answer `typed` names (`Confirmer`, `réformer`, `overturn`…), or `nil` when it names none.
        public init?(typed: String) {
            let folded = typed.trimmingCharacters(in: .whitespaces)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard
                let found = Answer.allCases.first(where: { answer in
                    Answer.words[answer, default: []].contains {
                        $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == folded
                    }
                })
            else { return nil }
            self = found
        }
    }

    /// The proposals of a vote on the question: `confirmer` with the decision under appeal, `réformer` with
    /// `reform` (the sanctions the assembly would decide instead, `[]` for none, and their probation), for the answers
    /// voted on. Refused (R24) when the case holds no cell decision to confirm (a referral: the assembly decides the
    /// matter itself, on sanctions), or when `réformer` is voted on without saying what it would decide.
    public static func proposals(
        _ answers: [Answer], state: CaseState, reform: (sanctions: [String], probation: Probation?)?
    ) throws(Refusal) -> [Proposal] {
        guard let judgement = state.judgement?.value else {
            throw Refusal(
                .R24,
                fr:
                    "aucune décision de la cellule à confirmer ou réformer : sur un renvoi, l'Assemblée statue elle-même sur les sanctions",
                en: "no cell decision to confirm or overturn: on a referral, the assembly decides the sanctions itself",
                allowed: "des propositions de sanctions (--proposal SANCTION, --votes SANCTION=N)",
                allowedEn: "sanction proposals (--proposal SANCTION, --votes SANCTION=N)")
        }
        var proposals: [Proposal] = []
        for answer in Answer.allCases where answers.contains(answer) {
            switch answer {
            case .confirm:
                proposals.append(
                    Proposal(id: answer.rawValue, sanctions: judgement.sanctions, probation: judgement.probation))
            case .reform:
                guard let reform else {
                    throw Refusal(
                        .R24,
                        fr: "réformer la décision : l'Assemblée dit ce qu'elle déciderait à la place",
                        en: "overturning the decision: the assembly says what it would decide instead",
                        allowed: "--reform-to SANCTION[+SANCTION] ou --reform-to none (aucune sanction)",
                        allowedEn: "--reform-to SANCTION[+SANCTION] or --reform-to none (no sanction)")
                }
                proposals.append(
                    Proposal(id: answer.rawValue, sanctions: reform.sanctions, probation: reform.probation))
            }
        }
        return proposals
    }
}
