/// An act is recorded once it happened: its day is never after the day it is recorded.
///
/// "Today" is the caller's (the machine's day in the rulebook's time zone, or a fixed day for tests and
/// documentation), passed in as a value. One typo (2027 for 2026) would otherwise freeze a case: every correctly dated
/// act after it would precede it.
public enum FutureAct {
    /// Why an act dated `day` cannot be recorded on `today`, or `nil` when it can (rule `order`).
    public static func refusal(_ day: Day, today: Day) -> Refusal? {
        guard day > today else { return nil }
        return Refusal(
            .order,
            fr:
                "le \(day.frenchDescription) est postérieur à aujourd'hui (\(today.frenchDescription)) : un acte s'enregistre une fois accompli, jamais à l'avance",
            en: "\(day) is after today (\(today)): an act is recorded once it happened, never ahead",
            allowed: "la date réelle de l'acte, au plus tard le \(today.frenchDescription)",
            allowedEn: "the real day of the act, on or before \(today)")
    }
}
