import Discipline
import Foundation

/// One deadline for the calendar: a case's (or a ladder record's) due day and what it asks.
public struct CalendarEntry: Sendable {
    /// The case id, or `ladder <rulebook>/<member>`.
    public var subject: String
    /// The rule (R04…) or the ladder measure awaited.
    public var rule: String
    public var labelFr: String
    public var labelEn: String
    public var due: Day
    /// A stable identifier: the same deadline keeps it across exports, so a subscribed calendar updates it.
    public var uid: String

    public init(subject: String, rule: String, labelFr: String, labelEn: String, due: Day, uid: String) {
        self.subject = subject
        self.rule = rule
        self.labelFr = labelFr
        self.labelEn = labelEn
        self.due = due
        self.uid = uid
    }

    /// The article of the règlement, for a case's rule.
    var article: String? { RuleID(rawValue: rule).map(\.article) }

    /// The command that records what is due.
    var nextCommand: String {
        guard !subject.hasPrefix("ladder ") else {
            let record = subject.dropFirst("ladder ".count).split(separator: "/")
            return record.count == 2 ? "greffe ladder status \(record[1])" : "greffe agenda"
        }
        if subject.hasPrefix("AG ") { return "greffe ga docket --for \(subject.dropFirst("AG ".count))" }
        let c = subject
        switch RuleID(rawValue: rule) {
        case .R02?: return "greffe notify-board \(c)"
        case .R04?: return "greffe meeting \(c)"
        case .R08?: return "greffe file-complete \(c)"
        case .R10?: return "greffe answer \(c) (ou greffe answer-lapsed \(c))"
        case .R12?: return "greffe summary \(c)"
        case .R13?, .R14?: return "greffe cell call \(c)"
        case .R18?: return "greffe cell meet \(c)"
        case .R22?: return "greffe judgement execute \(c)"
        case .R23?: return "greffe appeal \(c)"
        case .R24?: return "greffe ga schedule --on JOUR"
        default: return "greffe status \(c)"
        }
    }
}

/// Writes an RFC 5545 calendar of deadlines: one all-day event each, with an alarm some days before.
///
/// A calendar is often synced to a third-party service: unless `names` is given, no personal name goes in, only the
/// case and member ids the labels already use.
public enum ICalendar {
    /// The calendar text, stamped with `now` (the moment the file is made), CRLF line ends, long lines folded.
    public static func text(
        _ entries: [CalendarEntry], now: Date, alarmDays: Int, language: DocumentLanguage,
        names: [MemberID: String]? = nil
    ) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
                .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
        }
        func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }
        func named(_ text: String) -> String {
            guard let names else { return text }
            // Member ids are words of their own (m004): put the name beside each one the text mentions.
            return text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                let bare = word.trimmingCharacters(in: .punctuationCharacters)
                guard let name = names[MemberID(bare)] else { return String(word) }
                return word.replacingOccurrences(of: bare, with: "\(name) (\(bare))")
            }.joined(separator: " ")
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = f.string(from: now)
        let l = language
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Greffe//Registre disciplinaire//FR", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(l.t("Greffe — échéances", "Greffe — deadlines"))
        ]
        for entry in entries {
            let label = named(l == .fr ? entry.labelFr : entry.labelEn)
            let article = entry.article.map { l.t(" (art. \($0))", " (art. \($0))") } ?? ""
            let description = l.t(
                "Dossier : \(entry.subject)\nRègle : \(entry.rule)\(article)\nÉchéance : \(LongDate.text(entry.due, .fr)) — \(label)\nCommande suivante : \(entry.nextCommand)",
                "Case: \(entry.subject)\nRule: \(entry.rule)\(article)\nDue: \(LongDate.text(entry.due, .en)) — \(label)\nNext command: \(entry.nextCommand)"
            )
            lines += [
                "BEGIN:VEVENT",
                "UID:\(entry.uid)",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(entry.due))",
                "DTEND;VALUE=DATE:\(compact(entry.due.adding(days: 1)))",
                "SUMMARY:" + escape("\(entry.subject) \(entry.rule) — \(label)"),
                "DESCRIPTION:" + escape(description),
                "TRANSP:TRANSPARENT"
            ]
            if alarmDays > 0 {
                lines += [
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    "TRIGGER:-P\(alarmDays)D",
                    "DESCRIPTION:"
                        + escape(
                            l.t(
                                "Dans \(alarmDays) j : \(entry.subject) \(entry.rule) — \(label)",
                                "In \(alarmDays) day(s): \(entry.subject) \(entry.rule) — \(label)")),
                    "END:VALARM"
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Folds a content line at 75 octets without cutting a UTF-8 character (RFC 5545 §3.1).
    public static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }
}
