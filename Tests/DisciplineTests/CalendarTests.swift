import GreffeTestSupport
import Testing
@testable import Discipline

// "within N days/months after D": the last day allowed is D + N, months clamped to the month's end.

@Test(arguments: [
    ("2026-01-31", 1, "2026-02-28"), // clamped, common year
    ("2028-01-31", 1, "2028-02-29"), // clamped, leap year
    ("2100-01-31", 1, "2100-02-28"), // 2100 is not leap
    ("2000-01-31", 1, "2000-02-29"), // 2000 is
    ("2026-03-31", 1, "2026-04-30"),
    ("2026-12-15", 2, "2027-02-15"), // across the year end
    ("2025-12-31", 2, "2026-02-28"),
    ("2026-11-30", 3, "2027-02-28"),
    ("2026-02-28", 2, "2026-04-28"), // no "end of month" stickiness
    ("2026-08-31", 6, "2027-02-28"),
    ("2026-05-10", 12, "2027-05-10"),
    ("2026-05-10", 0, "2026-05-10")
])
func calendar_addingMonthsClampsToMonthEnd(start: String, months: Int, end: String) {
    #expect(d(start).adding(months: months) == d(end))
}

@Test(arguments: [
    ("2026-01-05", 7, "2026-01-12"),
    ("2026-02-22", 7, "2026-03-01"), // common February
    ("2028-02-22", 7, "2028-02-29"), // leap February
    ("2026-12-28", 7, "2027-01-04"), // year end
    ("2026-12-20", 15, "2027-01-04"),
    ("2024-12-31", 1, "2025-01-01"),
    ("2026-03-29", 0, "2026-03-29")
])
func calendar_addingDays(start: String, days: Int, end: String) {
    #expect(d(start).adding(days: days) == d(end))
    #expect(d(start).days(until: d(end)) == days)
}

@Test func calendar_leapYears() {
    #expect(Day.isLeap(2024) && Day.isLeap(2000) && Day.isLeap(2028))
    #expect(!Day.isLeap(2026) && !Day.isLeap(1900) && !Day.isLeap(2100))
    #expect(Day(year: 2026, month: 2, day: 29) == nil)
    #expect(Day(year: 2028, month: 2, day: 29) != nil)
    #expect(Day("2026-02-29") == nil)
    #expect(Day("29/02/2028") == d("2028-02-29"))
}

@Test func calendar_dayNumbersRoundTripAcrossCenturies() {
    for n in stride(from: -719_162, through: 2_932_896, by: 1_009) { // 0001-01-01 … 9999-12-31
        let day = Day(dayNumber: n)
        #expect(day.dayNumber == n)
        #expect(Day(year: day.year, month: day.month, day: day.day) == day)
    }
    #expect(d("1970-01-01").dayNumber == 0)
    // French outputs write days in ISO form, like every other output; input still reads the French order.
    #expect(d("2026-11-24").frenchDescription == "2026-11-24")
    #expect(Day("24/11/2026") == d("2026-11-24"))
}

@Test func calendar_deadlineEndsUseTheRulebookUnit() {
    let two = Rulebook.Period(2, .months)
    #expect(two.end(from: d("2025-12-31")) == d("2026-02-28"))
    #expect(Rulebook.Period(15, .days).end(from: d("2026-12-20")) == d("2027-01-04"))
    #expect(two.fr == "2 mois" && Rulebook.Period(7, .days).fr == "7 jours")
}

@Test func calendar_parsingRejectsGarbage() {
    for bad in [
        "", "2026-1-05", "2026/01/05", "05-01-2026", "2026-13-01", "2026-00-10", "x", "31/04/2026", "2026-01-05T00"
    ] {
        #expect(Day(bad) == nil, "\(bad)")
    }
}
