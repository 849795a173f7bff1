import Foundation

/// A calendar day in the association's time zone, with no time of day.
///
/// Business dates are days, never instants: "within 7 days after D" is a question about days.
/// The arithmetic is done on a day number (days since 1970-01-01, proleptic Gregorian calendar)
/// with integer formulas, so it needs no `Calendar`, no time zone and no clock.
public struct Day: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or returns `nil` when the date does not exist (30 February, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day with this number of days since 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// This day plus `n` calendar days ("within n days after self" ends on this day).
    public func adding(days n: Int) -> Day { Day(dayNumber: dayNumber + n) }

    /// This day plus `n` months, the day of month clamped to the target month's end
    /// (31 January + 1 month = 28 or 29 February).
    public func adding(months n: Int) -> Day {
        let index = year * 12 + (month - 1) + n
        let y = index / 12
        let m = index % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))
            ?? Day(dayNumber: dayNumber)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

extension Day: CustomStringConvertible, LosslessStringConvertible {
    /// ISO 8601 form, `2026-11-24`.
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day as every French output writes it: ISO 8601 (`2026-11-24`), like `status`, `agenda` and the JSON, so
    /// that a day reads the same in a confirmation, a refusal, the history and the dossier, and no output writes the
    /// ambiguous `02/03/2026` (2 March or 3 February?). Input still accepts `24/11/2026` (``init(_:)``). Letters write
    /// days in words (`LongDate`).
    public var frenchDescription: String { description }

    /// Parses `2026-11-24` (ISO) or `24/11/2026` (French order). Returns `nil` for anything else,
    /// including dates that do not exist.
    public init?(_ text: String) {
        // Fast path for the stored form, `YYYY-MM-DD` exactly: every event and projection carries days in it, and
        // Foundation's trimming and splitting dominated replaying the log (docs/performance.md).
        if let iso = Day.parseISO(text.utf8) {
            self = iso
            return
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        func number(_ s: Substring, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        if t.contains("-") {
            let p = t.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, let y = number(p[0], digits: 4...4), let m = number(p[1], digits: 2...2),
                let d = number(p[2], digits: 2...2)
            else { return nil }
            self.init(year: y, month: m, day: d)
        } else if t.contains("/") {
            let p = t.split(separator: "/", omittingEmptySubsequences: false)
            guard p.count == 3, let d = number(p[0], digits: 1...2), let m = number(p[1], digits: 1...2),
                let y = number(p[2], digits: 4...4)
            else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }
}

extension Day {
    /// Parses the canonical form only, `YYYY-MM-DD` exactly (the form stored in the log and in JSON); `nil` for
    /// anything else, the French order and surrounding spaces included.
    public init?(canonical text: String) {
        guard let day = Day.parseISO(text.utf8) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD`, ten ASCII bytes, or `nil` (then the general parser decides).
    @inline(__always)
    static func parseISO(_ utf8: String.UTF8View) -> Day? {
        guard utf8.count == 10 else { return nil }
        var digits = (0, 0, 0)
        var field = 0
        var position = 0
        for byte in utf8 {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
                field += 1
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let v = Int(byte - UInt8(ascii: "0"))
                switch field {
                case 0: digits.0 = digits.0 * 10 + v
                case 1: digits.1 = digits.1 * 10 + v
                default: digits.2 = digits.2 * 10 + v
                }
            }
            position += 1
        }
        return Day(year: digits.0, month: digits.1, day: digits.2)
    }
}

extension Day: Codable {
    /// Encoded as its ISO string, `"2026-11-24"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        // Stored and exchanged days are canonical, `YYYY-MM-DD` exactly: no French order, no spaces around it.
        guard let day = Day(canonical: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a day as YYYY-MM-DD, got \(text)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
