import Testing
@testable import Discipline

/// Article 6 (R35) with Article 2.3's delay: who and what must be erased on a day, and why.
@Suite struct RetentionRulesTests {
    static func member(_ id: MemberID, joined: String, paid: [Int: String] = [:]) -> MemberRecord {
        var record = MemberRecord(id: id, displayName: "X", email: "x@x.org", kind: .person, joinedOn: Day(joined)!)
        for (year, day) in paid { record.duesPaidOn[year] = Day(day)! }
        return record
    }

    static func dueIDs(_ review: RetentionReview) -> [String] {
        review.due.map { item in
            switch item.subject {
            case .member(let id): return id.rawValue
            case .caseTexts(let id): return "case " + id.rawValue
            }
        }
    }

    @Test func R35_aMemberWhoDidNotRenewIsDueTwoMonthsAfterTheRenewalNotice() {
        // Given a member who paid 2026 and not 2027
        let m = Self.member("m1", joined: "2026-01-15", paid: [2026: "2026-01-15"])
        // When the retention is read on the last day of Article 2.3's delay, then nothing is due yet
        let before = RetentionDecider.review(members: [m], cases: [], rulebook: .cle, asOf: Day("2027-02-28")!)
        #expect(before.due.isEmpty)
        // Then from two months after the first renewal notice (1 January), their data is due, with its ground
        let after = RetentionDecider.review(members: [m], cases: [], rulebook: .cle, asOf: Day("2027-03-01")!)
        #expect(Self.dueIDs(after) == ["m1"])
        #expect(after.due.first?.ground == .notRenewed)
        #expect(after.due.first?.since == Day("2027-03-01"))
        #expect(after.due.first?.fr.contains("art. 2.3") == true)
        #expect(after.due.first?.fr.contains("cotisation 2027") == true)
    }

    @Test func R35_aMemberWhoRenewedEvenLateIsNotDue() {
        let m = Self.member("m1", joined: "2026-01-15", paid: [2026: "2026-01-15", 2027: "2027-04-02"])
        #expect(RetentionDecider.review(members: [m], cases: [], rulebook: .cle, asOf: Day("2027-04-02")!).due.isEmpty)
        // Paid after the day read: not yet paid on that day.
        #expect(
            Self.dueIDs(RetentionDecider.review(members: [m], cases: [], rulebook: .cle, asOf: Day("2027-04-01")!)) == [
                "m1"
            ])
    }

    @Test func R35_theDelayIsRulebookData() {
        var book = Rulebook.cle
        book.retention = RetentionRules(nonPaymentDelay: Rulebook.Period(15, .days))
        let m = Self.member("m1", joined: "2026-01-15", paid: [2026: "2026-01-15"])
        #expect(
            Self.dueIDs(RetentionDecider.review(members: [m], cases: [], rulebook: book, asOf: Day("2027-01-16")!)) == [
                "m1"
            ])
        #expect(RetentionDecider.review(members: [m], cases: [], rulebook: book, asOf: Day("2027-01-15")!).due.isEmpty)
        // A member who joined and never paid: the delay runs from the day they joined.
        let never = Self.member("m2", joined: "2026-06-10")
        #expect(
            RetentionDecider.lapse(of: never, rules: Rulebook.cle.retentionRules, asOf: Day("2026-08-10")!)?.on
                == Day("2026-08-10"))
        #expect(RetentionDecider.lapse(of: never, rules: Rulebook.cle.retentionRules, asOf: Day("2026-08-09")!) == nil)
    }

    @Test func R35_aResignedMemberIsDueFromTheDayOfTheLetter() {
        var m = Self.member("m1", joined: "2026-01-15", paid: [2026: "2026-01-15"])
        m.departedOn = Day("2026-05-04")
        let review = RetentionDecider.review(
            members: [m], cases: [], rulebook: .cle, asOf: Day("2026-05-04")!,
            resigned: ["m1"])
        #expect(review.due.first?.ground == .resigned)
        #expect(review.due.first?.since == Day("2026-05-04"))
        #expect(review.due.first?.fr.contains("art. 2.2") == true)
        #expect(RetentionDecider.review(members: [m], cases: [], rulebook: .cle, asOf: Day("2026-05-03")!).due.isEmpty)
    }

    @Test func R35_erasedAndRadiatedMembersAreNotDue() {
        var erased = Self.member("m1", joined: "2025-01-15")
        erased.erasedOn = Day("2025-06-01")
        var radiated = Self.member("m2", joined: "2025-01-15")
        radiated.radiatedOn = Day("2025-06-01")
        let review = RetentionDecider.review(
            members: [erased, radiated], cases: [], rulebook: .cle, asOf: Day("2027-01-01")!)
        #expect(review.due.isEmpty)
        #expect(review.held.map(\.subject) == [.member("m2")])
        #expect(review.held.first?.fr.contains("sans limite de temps") == true)
    }

    static func closedCase(
        _ id: CaseID, accused: MemberID, closedOn: String?, radiated: Bool = false
    ) -> RetentionDecider.CaseFacts {
        var state = CaseState()
        state.openedOn = Day("2026-01-05")
        state.complaint = Dated(
            on: Day("2026-01-05")!,
            value: ComplaintFacts(
                channel: .email, complainants: [], accused: [Party(id: accused, isMember: true)], victims: [],
                facts: "f",
                motives: [], boardLearnedOn: Day("2026-01-05")!))
        if let closedOn { state.closed = Dated(on: Day(closedOn)!, value: Closure(reason: "fin")) }
        if radiated { state.radiations = [Dated(on: Day("2026-02-01")!, value: Radiation(member: accused))] }
        return RetentionDecider.CaseFacts(id: id, state: state)
    }

    @Test func R35_aMemberNamedInAnOpenCaseIsKeptUntilItEnds() {
        let m = Self.member("m1", joined: "2026-01-15", paid: [2026: "2026-01-15"])
        let open = RetentionDecider.review(
            members: [m], cases: [Self.closedCase("2026-001", accused: "m1", closedOn: nil)],
            rulebook: .cle, asOf: Day("2027-03-01")!)
        #expect(open.due.isEmpty)
        #expect(open.held.first?.fr.contains("2026-001") == true)
        #expect(open.held.first?.fr.contains("17.3.e") == true)
        let closed = RetentionDecider.review(
            members: [m], cases: [Self.closedCase("2026-001", accused: "m1", closedOn: "2026-06-01")],
            rulebook: .cle, asOf: Day("2027-03-01")!)
        #expect(Self.dueIDs(closed) == ["m1"])
    }

    @Test func R35_aCasesTextsAreDueAfterTheirRetentionButARadiationHasNoTimeLimit() {
        let ended = Self.closedCase("2026-001", accused: "m1", closedOn: "2026-06-01")
        // The CLE rulebook keeps a case's texts 12 months after it ended.
        #expect(
            RetentionDecider.review(members: [], cases: [ended], rulebook: .cle, asOf: Day("2027-05-31")!).due.isEmpty)
        let due = RetentionDecider.review(members: [], cases: [ended], rulebook: .cle, asOf: Day("2027-06-01")!)
        #expect(Self.dueIDs(due) == ["case 2026-001"])
        #expect(due.due.first?.ground == .caseRetention)
        let radiation = Self.closedCase("2026-002", accused: "m1", closedOn: "2026-06-01", radiated: true)
        let kept = RetentionDecider.review(members: [], cases: [radiation], rulebook: .cle, asOf: Day("2040-01-01")!)
        #expect(kept.due.isEmpty)
        #expect(kept.held.map(\.subject) == [.caseTexts("2026-002")])
        // The retention is rulebook data.
        var book = Rulebook.cle
        book.retention = RetentionRules(caseTexts: Rulebook.Period(1, .months))
        #expect(
            Self.dueIDs(RetentionDecider.review(members: [], cases: [ended], rulebook: book, asOf: Day("2026-07-01")!))
                == ["case 2026-001"])
    }

    @Test func R35_retentionFaultsNameTheirPath() {
        let faults = RetentionRules(nonPaymentDelay: Rulebook.Period(-1, .days), renewalNoticeMonth: 13).faults()
        #expect(faults.map(\.path) == ["$.retention.nonPaymentDelay.length", "$.retention.renewalNoticeMonth"])
    }
}
