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

    /// What the agenda's subject column says in `l`: the stored subject (`dues m011 2026`, also the JSON's) with its
    /// first word in French for French outputs (« cotisation m011 2026 », « médiation 2026-M001 »).
    public static func subjectWords(_ subject: String, _ l: DocumentLanguage) -> String {
        guard l == .fr, let space = subject.firstIndex(of: " ") else { return subject }
        let french = [
            "mediation": "médiation", "revocation": "révocation", "request": "demande", "amendment": "modification",
            "assembly-request": "demande d'AG", "dues": "cotisation", "case": "dossier", "ladder": "échelle",
            "privacy": "effacement"
        ]
        guard let word = french[String(subject[..<space])] else { return subject }
        // An erasure names whose: `privacy member m011` reads « effacement membre m011 ».
        let rest = subject[space...].replacingOccurrences(of: " member ", with: " membre ")
            .replacingOccurrences(of: " case ", with: " dossier ")
        return word + rest
    }

    /// The command line that records what is due, or shows the next acts, in words the parser accepts: the words in
    /// capitals (JOUR, MEMBRE, TEXTE) are the user's to fill in, as in `status`'s next acts. A path's label that names
    /// its act (« … (greffe members apply-due) ») gives that act.
    public func nextCommand(_ l: DocumentLanguage) -> String {
        let member = l.t("MEMBRE", "MEMBER"), text = l.t("TEXTE", "TEXT"), day = l.t("JOUR", "DAY")
        if let named = Self.commandNamed(in: labelFr) { return named }
        let words = subject.split(separator: " ").map(String.init)
        if words.first == "ladder", words.count == 2 {
            let record = words[1].split(separator: "/", maxSplits: 1).map(String.init)
            return record.count == 2 ? "greffe ladder status \(record[1]) --rulebook \(record[0])" : "greffe agenda"
        }
        if words.first == "AG", words.count == 2 { return "greffe ga docket --for \(words[1])" }
        // An erasure Article 6 makes due (`privacy member m011`, `privacy case 2026-001`).
        if words.first == "privacy" { return "greffe privacy due --apply" }
        switch (words.first, words.count) {
        case ("mediation", 2): return "greffe mediation status \(words[1])"
        case ("revocation", 2): return "greffe revocation status \(words[1])"
        case ("request", 2): return "greffe request status \(words[1])"
        case ("amendment", 2): return "greffe amendment status \(words[1])"
        case ("assembly-request", 2): return "greffe ga schedule --on \(day)"
        case ("dues", 3): return "greffe members show \(words[1])"
        case ("case", 2): return "greffe status \(words[1])"
        default: break
        }
        let c = subject
        switch RuleID(rawValue: rule) {
        case .R02?: return "greffe notify-board \(c) --via \(l.t("courriel", "email")) --notified \(member)"
        case .R04?: return "greffe meeting \(c) --attendee \(member) --rapporteur \(member)"
        case .R08?: return "greffe file-complete \(c)"
        case .R10?: return "greffe answer \(c) --from \(member) --form \(l.t("écrit", "written"))"
        case .R12?: return "greffe summary \(c) --demand \"\(text)\" --defence \"\(text)\" --sanction SANCTION"
        case .R13?, .R14?: return "greffe cell call \(c) --via \(l.t("en-ligne", "online")) --member \(member)"
        case .R18?: return "greffe cell meet \(c) --attendee \(member)"
        case .R22?: return "greffe judgement execute \(c)"
        case .R23?: return "greffe appeal \(c) --by \(member)"
        case .R24?: return "greffe ga schedule --on \(day)"
        default: return "greffe status \(c)"
        }
    }

    /// The command a label names between parentheses, « … (greffe members apply-due) », if any.
    static func commandNamed(in label: String) -> String? {
        guard let start = label.range(of: "(greffe ") else { return nil }
        let rest = label[label.index(after: start.lowerBound)...]
        guard let close = rest.firstIndex(of: ")") else { return nil }
        return String(rest[..<close])
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
            let subject = CalendarEntry.subjectWords(entry.subject, l)
            let article = entry.article.map { l.t(" (art. \($0))", " (art. \($0))") } ?? ""
            let description = l.t(
                "Dossier : \(subject)\nRègle : \(entry.rule)\(article)\nÉchéance : \(LongDate.text(entry.due, .fr)) — \(label)\nCommande suivante : \(entry.nextCommand(.fr))",
                "Case: \(entry.subject)\nRule: \(entry.rule)\(article)\nDue: \(LongDate.text(entry.due, .en)) — \(label)\nNext command: \(entry.nextCommand(.en))"
            )
            lines += [
                "BEGIN:VEVENT",
                "UID:\(entry.uid)",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(entry.due))",
                "DTEND;VALUE=DATE:\(compact(entry.due.adding(days: 1)))",
                "SUMMARY:" + escape("\(subject) \(entry.rule) — \(label)"),
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
                                "Dans \(alarmDays) j : \(subject) \(entry.rule) — \(label)",
                                "In \(alarmDays) day(s): \(subject) \(entry.rule) — \(label)")),
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
