import Discipline

/// The language a document is written in: French unless asked otherwise. The command line maps its own `--lang` to it.
public enum DocumentLanguage: String, Sendable, CaseIterable {
    case fr, en

    /// Picks the French or English text.
    public func t(_ fr: String, _ en: String) -> String { self == .fr ? fr : en }
}

/// The name the documents' code uses for it (the command line's `--lang` is the same type).
public typealias Language = DocumentLanguage

/// Days written out in words, as a letter says them: « lundi 12 février 2026 », "Monday 12 February 2026".
public enum LongDate {
    static let weekdaysFr = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let weekdaysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthsFr = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"
    ]
    static let monthsEn = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"
    ]

    /// Monday is 0: day number 0 (1 January 1970) was a Thursday.
    static func weekday(_ day: Day) -> Int { ((day.dayNumber + 3) % 7 + 7) % 7 }

    /// The day with its weekday, in the given language; the first of the month is « 1er » in French.
    public static func text(_ day: Day, _ language: DocumentLanguage) -> String {
        let w = weekday(day)
        switch language {
        case .fr:
            return "\(weekdaysFr[w]) \(day.day == 1 ? "1er" : String(day.day)) \(monthsFr[day.month - 1]) \(day.year)"
        case .en:
            return "\(weekdaysEn[w]) \(day.day) \(monthsEn[day.month - 1]) \(day.year)"
        }
    }
}
