import Discipline

/// A Gantt-like drawing of a case: each deadline's allowed window as a bar, the day it was met or the delay by which
/// it was missed, every act as a tick, and the reference day. Inline SVG, no external resource.
struct TimelineChart {
    let deadlines: [Deadline]
    let acts: [Day]
    let asOf: Day
    let language: Language

    static let labelWidth = 230.0
    static let plotWidth = 520.0
    static let rowHeight = 26.0
    static let top = 44.0

    var range: (start: Day, end: Day) {
        let days = deadlines.flatMap { d -> [Day] in
            var out = [d.from, d.due].compactMap { $0 }
            switch d.status {
            case .met(let on, _): out.append(on)
            case .missed(_, let done?): out.append(done)
            case .expired(let on): out.append(on)
            default: break
            }
            return out
        } + acts + [asOf]
        let start = (days.min() ?? asOf).adding(days: -2)
        let end = (days.max() ?? asOf).adding(days: 3)
        return (start, end)
    }

    func x(_ day: Day) -> Double {
        let (start, end) = range
        let span = Double(max(1, start.days(until: end)))
        return Self.labelWidth + Double(start.days(until: day)) / span * Self.plotWidth
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    func monthLabel(_ day: Day) -> String {
        let fr = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (language == .fr ? fr : en)[day.month - 1] + " \(day.year)"
    }

    func alternative() -> String {
        let l = language
        let met = deadlines.filter { if case .met = $0.status { true } else { false } }.count
        let missed = deadlines.filter { if case .missed = $0.status { true } else { false } }
        let open = deadlines.filter { if case .open = $0.status { true } else { false } }.count
        let (start, end) = range
        return l.t(
            "Frise chronologique du \(start.frenchDescription) au \(end.frenchDescription) : \(acts.count) acte(s) ; \(deadlines.count) délai(s), dont \(met) tenu(s), \(missed.count) manqué(s)"
                + (missed.isEmpty ? "" : " (" + missed.map { "\($0.rule.rawValue) \($0.labelFr)" }.joined(separator: ", ") + ")")
                + " et \(open) en cours. Le tableau des délais ci-dessous donne le détail.",
            "Timeline from \(start) to \(end): \(acts.count) act(s); \(deadlines.count) deadline(s), \(met) met, \(missed.count) missed"
                + (missed.isEmpty ? "" : " (" + missed.map { "\($0.rule.rawValue) \($0.labelEn)" }.joined(separator: ", ") + ")")
                + " and \(open) open. The deadline table below gives the detail.")
    }

    func svg() -> String {
        let l = language
        let rows = Double(deadlines.count + 1)
        let height = Self.top + rows * Self.rowHeight + 40
        let width = Self.labelWidth + Self.plotWidth + 20
        let (start, end) = range
        var out = "<svg class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" width=\"100%\">"
        out += "<title id=\"timeline-title\">" + Self.escape(l.t("Chronologie et délais", "Timeline and deadlines")) + "</title>"
        out += "<desc id=\"timeline-desc\">" + Self.escape(alternative()) + "</desc>"
        out += "<defs><pattern id=\"overdue\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#b3261e\"/></pattern></defs>"
        // Month grid.
        var month = Day(year: start.year, month: start.month, day: 1) ?? start
        while month <= end {
            if month >= start {
                let mx = x(month)
                out += "<line x1=\"\(Self.f(mx))\" y1=\"24\" x2=\"\(Self.f(mx))\" y2=\"\(Self.f(height - 30))\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
                out += "<text x=\"\(Self.f(mx + 3))\" y=\"18\" font-size=\"11\" fill=\"#333333\">\(Self.escape(monthLabel(month)))</text>"
            }
            month = month.adding(months: 1)
        }
        // Acts.
        let actsY = Self.top
        out += "<text x=\"4\" y=\"\(Self.f(actsY + 16))\" font-size=\"12\" font-weight=\"bold\" fill=\"#1a1a1a\">" + Self.escape(l.t("Actes enregistrés", "Recorded acts")) + "</text>"
        for day in Set(acts) {
            out += "<rect x=\"\(Self.f(x(day) - 1.5))\" y=\"\(Self.f(actsY + 4))\" width=\"3\" height=\"16\" fill=\"#1a1a1a\"/>"
        }
        // Deadlines.
        for (index, d) in deadlines.enumerated() {
            let y = Self.top + Double(index + 1) * Self.rowHeight
            let label = "\(d.rule.rawValue) " + (l == .fr ? d.labelFr : d.labelEn)
            let short = label.count > 38 ? String(label.prefix(37)) + "…" : label
            out += "<text x=\"4\" y=\"\(Self.f(y + 16))\" font-size=\"11\" fill=\"#1a1a1a\"><title>\(Self.escape(label))</title>\(Self.escape(short))</text>"
            if let from = d.from, let due = d.due {
                out += "<rect x=\"\(Self.f(x(from)))\" y=\"\(Self.f(y + 5))\" width=\"\(Self.f(max(2, x(due) - x(from))))\" height=\"14\" fill=\"#dbe9f6\" stroke=\"#1f5f99\" stroke-width=\"1\"/>"
            }
            switch d.status {
            case .met(let on, _):
                out += "<circle cx=\"\(Self.f(x(on)))\" cy=\"\(Self.f(y + 12))\" r=\"5\" fill=\"#1b7a3a\"/>"
            case .missed(_, let done):
                if let due = d.due {
                    let until = done ?? asOf
                    out += "<rect x=\"\(Self.f(x(due)))\" y=\"\(Self.f(y + 5))\" width=\"\(Self.f(max(2, x(until) - x(due))))\" height=\"14\" fill=\"url(#overdue)\" stroke=\"#b3261e\" stroke-width=\"1\"/>"
                    if let done {
                        out += "<circle cx=\"\(Self.f(x(done)))\" cy=\"\(Self.f(y + 12))\" r=\"5\" fill=\"#b3261e\"/>"
                    }
                }
            case .expired(let on):
                out += "<circle cx=\"\(Self.f(x(on)))\" cy=\"\(Self.f(y + 12))\" r=\"4\" fill=\"#6b6b6b\"/>"
            case .notStarted:
                out += "<text x=\"\(Self.f(Self.labelWidth + 4))\" y=\"\(Self.f(y + 16))\" font-size=\"10\" fill=\"#555555\">" + Self.escape(l.t("pas encore commencé", "not started")) + "</text>"
            case .open:
                break
            }
        }
        // The reference day.
        let ax = x(asOf)
        out += "<line x1=\"\(Self.f(ax))\" y1=\"24\" x2=\"\(Self.f(ax))\" y2=\"\(Self.f(height - 30))\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
        // Legend.
        let ly = height - 18
        out += "<rect x=\"4\" y=\"\(Self.f(ly - 10))\" width=\"18\" height=\"10\" fill=\"#dbe9f6\" stroke=\"#1f5f99\"/>"
        out += "<text x=\"26\" y=\"\(Self.f(ly))\" font-size=\"10\" fill=\"#1a1a1a\">" + Self.escape(l.t("délai permis", "allowed window")) + "</text>"
        out += "<circle cx=\"130\" cy=\"\(Self.f(ly - 4))\" r=\"5\" fill=\"#1b7a3a\"/>"
        out += "<text x=\"140\" y=\"\(Self.f(ly))\" font-size=\"10\" fill=\"#1a1a1a\">" + Self.escape(l.t("tenu", "met")) + "</text>"
        out += "<rect x=\"190\" y=\"\(Self.f(ly - 10))\" width=\"18\" height=\"10\" fill=\"url(#overdue)\" stroke=\"#b3261e\"/>"
        out += "<text x=\"212\" y=\"\(Self.f(ly))\" font-size=\"10\" fill=\"#1a1a1a\">" + Self.escape(l.t("retard (délai manqué)", "delay (missed)")) + "</text>"
        out += "<line x1=\"340\" y1=\"\(Self.f(ly - 10))\" x2=\"340\" y2=\"\(Self.f(ly))\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
        out += "<text x=\"346\" y=\"\(Self.f(ly))\" font-size=\"10\" fill=\"#1a1a1a\">" + Self.escape(l.t("jour de référence (\(asOf.frenchDescription))", "reference day (\(asOf))")) + "</text>"
        out += "</svg>"
        return out
    }
}
