public import Discipline

/// A vote's result in plain words, beside its arithmetic: « 28 voix sur 43 bulletins, blancs compris : 65 % < 2/3 —
/// non adopté ». The one wording of a vote: the dossier's charts and the command line's outputs (status, history,
/// audit report, a vote's confirmation) all call it.
public enum VoteWords {
    /// The percentage is rounded down, for reading only; the decision is the integer comparison the tally made
    /// (`yes × denominator ≥ base × numerator`), whose result `reached` carries.
    public static func plain(_ t: VoteTally, threshold: Rulebook.Threshold, _ l: DocumentLanguage) -> String {
        let percent = t.base > 0 ? t.yes * 100 / t.base : 0
        let sign = t.reached ? "≥" : "<"
        let fraction = "\(threshold.numerator)/\(threshold.denominator)"
        let base =
            threshold.base == .castIncludingBlanks
            ? l.t(
                "\(t.base) bulletin\(t.base > 1 ? "s" : ""), blancs compris",
                "\(t.base) ballot\(t.base > 1 ? "s" : ""), blanks included")
            : l.t(
                "\(t.base) membre\(t.base > 1 ? "s" : "") de l'instance",
                "\(t.base) member\(t.base > 1 ? "s" : "") of the body")
        return l.t(
            "\(t.yes) voix sur \(base) : \(percent) % \(sign) \(fraction)",
            "\(t.yes) vote(s) out of \(base): \(percent) % \(sign) \(fraction)")
            + (t.reached ? l.t(" — adopté", " — adopted") : l.t(" — non adopté", " — not adopted"))
    }

    /// The tally's integer arithmetic in the chosen language: « 2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints », "… →
    /// two-thirds reached" (the recorded arithmetic is French).
    public static func arithmetic(_ t: VoteTally, _ l: DocumentLanguage) -> String {
        guard l == .en, let arrow = t.arithmetic.range(of: "→") else { return t.arithmetic }
        let fraction = t.arithmetic.contains("deux tiers") ? "two-thirds" : "threshold"
        return t.arithmetic[..<arrow.upperBound] + " \(fraction) " + (t.reached ? "reached" : "not reached")
    }

    /// Both, as one line per option shows them: « 28 voix sur 43 bulletins, blancs compris : 65 % < 2/3 — non adopté
    /// (28 × 3 = 84 < 43 × 2 = 86 → deux tiers non atteints) ».
    public static func line(_ t: VoteTally, threshold: Rulebook.Threshold, _ l: DocumentLanguage) -> String {
        plain(t, threshold: threshold, l) + " (" + arithmetic(t, l) + ")"
    }

    /// A vote's option in the rulebook's words: the sanctions of its proposal joined by « + » (`warning+suspension`
    /// → « avertissement + suspension »), « aucune sanction » for a proposal of none, an unknown id as written.
    /// An option the vote named by a name of its own (`A`) keeps it before its sanctions: « A (avertissement) ».
    public static func option(
        _ option: String, proposals: [Proposal] = [], rulebook: Rulebook, _ l: DocumentLanguage
    ) -> String {
        let split = option == "none" ? [] : option.split(separator: "+").map(String.init)
        let ids = proposals.first { $0.id == option }?.sanctions ?? split
        let words =
            ids.isEmpty
            ? l.t("aucune sanction", "no sanction")
            : ids.map { id in rulebook.sanction(id).map { l == .fr ? $0.fr : $0.en } ?? id }.joined(separator: " + ")
        return ids == split ? words : "\(option) (\(words))"
    }
}
