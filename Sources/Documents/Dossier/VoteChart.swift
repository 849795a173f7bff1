import Discipline

/// A vote drawn for people: one bar per option, its votes against the base the rulebook counts, the two-thirds line,
/// and the result in words (« 28 voix sur 43 bulletins, blancs compris : 65 % < 2/3 »). Inline SVG.
struct VoteChart {
    struct Row {
        var label: String
        var tally: VoteTally
        var adopted: Bool
    }

    let title: String
    let rows: [Row]
    let threshold: Rulebook.Threshold
    let language: Language

    static let labelWidth = 190.0
    static let barWidth = 330.0
    static let rowHeight = 34.0

    /// « 28 voix sur 43 bulletins, blancs compris : 65 % < 2/3 » — the percentage rounded down, for reading only; the
    /// decision is the integer comparison of the arithmetic column.
    func words(_ t: VoteTally) -> String { VoteWords.plain(t, threshold: threshold, language) }

    func alternative() -> String {
        title + " : " + rows.map { "\($0.label), \(words($0.tally))" }.joined(separator: " ; ")
    }

    func svg() -> String {
        typealias T = TimelineChart
        let l = language
        let height = 28 + Double(rows.count) * Self.rowHeight + 8
        let width = Self.labelWidth + Self.barWidth + 10
        var out = "<svg class=\"vote\" role=\"img\" viewBox=\"0 0 \(T.f(width)) \(T.f(height))\" width=\"100%\">"
        out += "<title>\(T.escape(alternative()))</title>"
        let lineX =
            Self.labelWidth + Self.barWidth * Double(threshold.numerator) / Double(max(1, threshold.denominator))
        out +=
            "<text x=\"\(T.f(lineX))\" y=\"12\" font-size=\"10\" text-anchor=\"middle\" fill=\"#b3261e\">"
            + T.escape(
                l.t(
                    "seuil : \(threshold.numerator)/\(threshold.denominator)",
                    "threshold: \(threshold.numerator)/\(threshold.denominator)")) + "</text>"
        for (index, row) in rows.enumerated() {
            let y = 20 + Double(index) * Self.rowHeight
            let share = row.tally.base > 0 ? min(1, Double(row.tally.yes) / Double(row.tally.base)) : 0
            let lines = TimelineChart.lines(row.label, width: 30)
            for (n, line) in lines.prefix(2).enumerated() {
                out +=
                    "<text x=\"4\" y=\"\(T.f(y + (lines.count > 1 ? 8 : 13) + Double(n) * 12))\" font-size=\"11\" font-weight=\"\(row.adopted ? "bold" : "normal")\" fill=\"#1a1a1a\">\(T.escape(line))</text>"
            }
            out +=
                "<rect x=\"\(T.f(Self.labelWidth))\" y=\"\(T.f(y + 2))\" width=\"\(T.f(Self.barWidth))\" height=\"14\" fill=\"#f2f2f2\" stroke=\"#8a8a8a\"/>"
            out +=
                "<rect x=\"\(T.f(Self.labelWidth))\" y=\"\(T.f(y + 2))\" width=\"\(T.f(Self.barWidth * share))\" height=\"14\" fill=\"\(row.tally.reached ? "#1b7a3a" : "#1f5f99")\"/>"
            out +=
                "<text x=\"\(T.f(Self.labelWidth))\" y=\"\(T.f(y + 29))\" font-size=\"10\" fill=\"#1a1a1a\">\(T.escape(words(row.tally)))</text>"
        }
        out +=
            "<line x1=\"\(T.f(lineX))\" y1=\"16\" x2=\"\(T.f(lineX))\" y2=\"\(T.f(height - 4))\" stroke=\"#b3261e\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>"
        out += "</svg>"
        return out
    }
}
