import Discipline

/// A Gantt-like drawing of a case: each deadline's allowed window as a bar, the day it was met or the delay by which
/// it was missed, every act as a tick, and the reference day. Inline SVG, no external resource.
struct TimelineChart {
    let deadlines: [Deadline]
    let acts: [Day]
    /// The key moments, named (plainte, Conseil, instruction, cellule, jugement, recours, Assemblée).
    var milestones: [(day: Day, name: String)] = []
    let asOf: Day
    let language: Language

    static let labelWidth = 250.0
    static let plotWidth = 500.0
    static let rowHeight = 28.0
    static let top = 24.0

    var range: (start: Day, end: Day) {
        let days =
            deadlines.flatMap { d -> [Day] in
                var out = [d.from, d.due].compactMap { $0 }
                switch d.status {
                case .met(let on, _): out.append(on)
                case .missed(_, let done?): out.append(done)
                case .expired(let on): out.append(on)
                default: break
                }
                return out
            } + acts + milestones.map(\.day) + [asOf]
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
        let unused = deadlines.filter(Self.unusedRight).count
        let missed = deadlines.filter { if case .missed = $0.status { $0.bindsAssociation } else { false } }
        let open = deadlines.filter { if case .open = $0.status { true } else { false } }.count
        let (start, end) = range
        return l.t(
            "Frise chronologique du \(start.frenchDescription) au \(end.frenchDescription) : \(acts.count) acte(s) ; \(deadlines.count) délai(s), dont \(met) tenu(s), \(missed.count) manqué(s)"
                + (missed.isEmpty ? "" : " (" + missed.map(\.labelFr).joined(separator: ", ") + ")")
                + (unused > 0 ? ", \(unused) droit(s) d'une partie expiré(s) sans être exercé(s)" : "")
                + " et \(open) en cours. Le tableau des délais ci-dessous donne le détail.",
            "Timeline from \(start) to \(end): \(acts.count) act(s); \(deadlines.count) deadline(s), \(met) met, \(missed.count) missed"
                + (missed.isEmpty ? "" : " (" + missed.map(\.labelEn).joined(separator: ", ") + ")")
                + (unused > 0 ? ", \(unused) party right(s) expired unused" : "")
                + " and \(open) open. The deadline table below gives the detail.")
    }

    /// A label cut into lines of at most `width` characters, on spaces (never truncated).
    static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                out.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// How many lines the key moments' names take under their row.
    func namesLines() -> Int {
        var cursor = 4.0, lines = milestones.isEmpty ? 0 : 1
        for (n, moment) in milestones.enumerated() {
            let width = Double("\(n + 1) \(moment.name) (00/00)".count) * 5.6 + 14
            if cursor + width > Self.labelWidth + Self.plotWidth { cursor = 4; lines += 1 }
            cursor += width
        }
        return lines
    }

    /// A party's right (the accused's answer, an appeal) not exercised in time: no breach by anyone.
    static func unusedRight(_ d: Deadline) -> Bool {
        guard !d.bindsAssociation else { return false }
        switch d.status {
        case .expired, .missed: return true
        default: return false
        }
    }

    func svg() -> String {
        let l = language
        let milestoneTop = 24.0, milestoneY = Self.top + 40
        let namesY = milestoneY + 22
        let nameLines = Double(max(1, namesLines()))
        let actsY = namesY + nameLines * 13 - 4
        let firstRow = actsY + Self.rowHeight
        let legendHeight = 44.0
        let height = firstRow + Double(deadlines.count) * Self.rowHeight + legendHeight
        let width = Self.labelWidth + Self.plotWidth + 20
        let (start, end) = range
        var out =
            "<svg class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" width=\"100%\">"
        out +=
            "<title id=\"timeline-title\">" + Self.escape(l.t("Chronologie et délais", "Timeline and deadlines"))
            + "</title>"
        out += "<desc id=\"timeline-desc\">" + Self.escape(alternative()) + "</desc>"
        out +=
            "<defs><pattern id=\"overdue\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#b3261e\"/></pattern>"
        out +=
            "<pattern id=\"unused\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"2\" height=\"6\" fill=\"#9a9a9a\"/></pattern></defs>"
        // Month grid, each line labelled with its month.
        var month = Day(year: start.year, month: start.month, day: 1) ?? start
        while month <= end {
            if month >= start {
                let mx = x(month)
                out +=
                    "<line x1=\"\(Self.f(mx))\" y1=\"\(Self.f(milestoneTop - 8))\" x2=\"\(Self.f(mx))\" y2=\"\(Self.f(height - legendHeight))\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"
                out +=
                    "<text x=\"\(Self.f(mx + 3))\" y=\"12\" font-size=\"11\" fill=\"#333333\">1er \(Self.escape(monthLabel(month)))</text>"
            }
            month = month.adding(months: 1)
        }
        // The key moments: numbered marks (numbers raised when marks are close), named in a line below the row.
        out +=
            "<text x=\"4\" y=\"\(Self.f(milestoneY + 4))\" font-size=\"12\" font-weight=\"bold\" fill=\"#1a1a1a\">"
            + Self.escape(l.t("Moments clés", "Key moments")) + "</text>"
        var lastXAtLevel: [Double] = [-100, -100, -100]
        for (n, moment) in milestones.enumerated() {
            let mx = x(moment.day)
            let level = lastXAtLevel.firstIndex { mx - $0 >= 12 } ?? 0
            lastXAtLevel[level] = mx
            out += "<path d=\"M \(Self.f(mx)) \(Self.f(milestoneY - 6)) l 6 6 l -6 6 l -6 -6 z\" fill=\"#123e66\"/>"
            out +=
                "<text x=\"\(Self.f(mx))\" y=\"\(Self.f(milestoneY - 10 - Double(level) * 11))\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#123e66\">\(n + 1)</text>"
        }
        var cursor = 4.0, line = 0
        for (n, moment) in milestones.enumerated() {
            let text = "\(n + 1) \(moment.name) (\(moment.day.frenchDescription.prefix(5)))"
            let width = Double(text.count) * 5.6 + 14
            if cursor + width > Self.labelWidth + Self.plotWidth { cursor = 4; line += 1 }
            out +=
                "<text x=\"\(Self.f(cursor))\" y=\"\(Self.f(namesY + Double(line) * 13))\" font-size=\"10\" fill=\"#123e66\">\(Self.escape(text))</text>"
            cursor += width
        }
        // Every act as a small tick.
        out +=
            "<text x=\"4\" y=\"\(Self.f(actsY + 14))\" font-size=\"10.5\" fill=\"#1a1a1a\">"
            + Self.escape(l.t("Actes (un trait par jour d'acte)", "Acts (one mark per day with acts)")) + "</text>"
        for day in Set(acts) {
            out +=
                "<rect x=\"\(Self.f(x(day) - 1))\" y=\"\(Self.f(actsY + 4))\" width=\"2\" height=\"12\" fill=\"#1a1a1a\"><title>\(Self.escape(day.frenchDescription))</title></rect>"
        }
        // Deadlines: the association's as filled bars, a party's right as a dashed outline.
        for (index, d) in deadlines.enumerated() {
            let y = firstRow + Double(index) * Self.rowHeight
            let label = l == .fr ? d.labelFr : d.labelEn
            let labelLines = Self.lines(label, width: 44)
            for (n, line) in labelLines.prefix(2).enumerated() {
                let ly = y + (labelLines.count > 1 ? 11 + Double(n) * 11 : 16)
                out += "<text x=\"4\" y=\"\(Self.f(ly))\" font-size=\"10\" fill=\"#1a1a1a\">\(Self.escape(line))</text>"
            }
            if labelLines.count > 2 { out += "<title>\(Self.escape(label))</title>" }
            if let from = d.from, let due = d.due {
                let style =
                    d.bindsAssociation
                    ? "fill=\"#dbe9f6\" stroke=\"#1f5f99\" stroke-width=\"1\""
                    : "fill=\"#ffffff\" stroke=\"#4d7a4d\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\""
                out +=
                    "<rect x=\"\(Self.f(x(from)))\" y=\"\(Self.f(y + 5))\" width=\"\(Self.f(max(2, x(due) - x(from))))\" height=\"14\" \(style)/>"
            }
            if Self.unusedRight(d), let from = d.from, let due = d.due {
                out +=
                    "<rect x=\"\(Self.f(x(from)))\" y=\"\(Self.f(y + 5))\" width=\"\(Self.f(max(2, x(due) - x(from))))\" height=\"14\" fill=\"url(#unused)\" stroke=\"#6b6b6b\" stroke-dasharray=\"3 2\"/>"
                let text = l.t("expiré (droit non exercé)", "expired (right not exercised)")
                let tx = x(due) + 4 + 130 <= Self.labelWidth + Self.plotWidth ? x(due) + 4 : x(from) - 4
                let anchor = tx > x(due) ? "start" : "end"
                out +=
                    "<text x=\"\(Self.f(tx))\" y=\"\(Self.f(y + 16))\" font-size=\"9.5\" font-style=\"italic\" text-anchor=\"\(anchor)\" fill=\"#555555\">\(Self.escape(text))</text>"
                continue
            }
            switch d.status {
            case .met(let on, _):
                out += "<circle cx=\"\(Self.f(x(on)))\" cy=\"\(Self.f(y + 12))\" r=\"5\" fill=\"#1b7a3a\"/>"
            case .missed(_, let done):
                if let due = d.due {
                    let until = done ?? asOf
                    out +=
                        "<rect x=\"\(Self.f(x(due)))\" y=\"\(Self.f(y + 5))\" width=\"\(Self.f(max(2, x(until) - x(due))))\" height=\"14\" fill=\"url(#overdue)\" stroke=\"#b3261e\" stroke-width=\"1\"/>"
                    if let done {
                        out += "<circle cx=\"\(Self.f(x(done)))\" cy=\"\(Self.f(y + 12))\" r=\"5\" fill=\"#b3261e\"/>"
                    }
                }
            case .notStarted:
                out +=
                    "<text x=\"\(Self.f(Self.labelWidth + 4))\" y=\"\(Self.f(y + 16))\" font-size=\"10\" fill=\"#555555\">"
                    + Self.escape(l.t("pas encore commencé", "not started")) + "</text>"
            case .open, .expired:
                break
            }
        }
        // The reference day.
        let ax = x(asOf)
        out +=
            "<line x1=\"\(Self.f(ax))\" y1=\"\(Self.f(milestoneTop - 8))\" x2=\"\(Self.f(ax))\" y2=\"\(Self.f(height - legendHeight))\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
        // Legend, on two lines.
        let ly = height - legendHeight + 18, ly2 = ly + 18
        func item(_ x0: Double, _ y0: Double, _ swatch: String, _ text: String) -> String {
            swatch
                + "<text x=\"\(Self.f(x0 + 22))\" y=\"\(Self.f(y0))\" font-size=\"10\" fill=\"#1a1a1a\">\(Self.escape(text))</text>"
        }
        out += item(
            4, ly,
            "<rect x=\"4\" y=\"\(Self.f(ly - 10))\" width=\"18\" height=\"10\" fill=\"#dbe9f6\" stroke=\"#1f5f99\"/>",
            l.t("délai que l'association doit tenir", "deadline the association must keep"))
        out += item(
            250, ly,
            "<rect x=\"250\" y=\"\(Self.f(ly - 10))\" width=\"18\" height=\"10\" fill=\"#ffffff\" stroke=\"#4d7a4d\" stroke-dasharray=\"3 2\"/>",
            l.t("droit d'une partie (réponse, recours)", "a party's right (answer, appeal)"))
        out += item(
            500, ly,
            "<rect x=\"500\" y=\"\(Self.f(ly - 10))\" width=\"18\" height=\"10\" fill=\"url(#unused)\" stroke=\"#6b6b6b\"/>",
            l.t("expiré (droit non exercé)", "expired (right not exercised)"))
        out += item(
            4, ly2, "<circle cx=\"13\" cy=\"\(Self.f(ly2 - 4))\" r=\"5\" fill=\"#1b7a3a\"/>",
            l.t("fait, dans le délai", "done, in time"))
        out += item(
            250, ly2,
            "<rect x=\"250\" y=\"\(Self.f(ly2 - 10))\" width=\"18\" height=\"10\" fill=\"url(#overdue)\" stroke=\"#b3261e\"/>",
            l.t("retard de l'association", "the association's delay"))
        out += item(
            500, ly2,
            "<line x1=\"509\" y1=\"\(Self.f(ly2 - 10))\" x2=\"509\" y2=\"\(Self.f(ly2))\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            l.t("jour de référence (\(asOf.frenchDescription))", "reference day (\(asOf))"))
        out += "</svg>"
        return out
    }
}
