import GreffeTestSupport
import Testing
@testable import Discipline

// An act is recorded once it happened: never dated after the day it is recorded (rule `order`).

@Test func order_noActIsDatedAfterToday() {
    #expect(FutureAct.refusal(d("2026-11-29"), today: d("2026-11-28"))?.rule == .order)
    #expect(FutureAct.refusal(d("2027-11-28"), today: d("2026-11-28"))?.fr.contains("2026-11-28") == true)
    #expect(FutureAct.refusal(d("2026-11-28"), today: d("2026-11-28")) == nil)
    #expect(FutureAct.refusal(d("2026-01-05"), today: d("2026-11-28")) == nil)
}
