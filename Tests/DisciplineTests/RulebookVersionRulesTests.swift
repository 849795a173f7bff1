import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

/// R34 in the domain: which procedure version a case runs under, and the one rulebook file format.
@Suite struct RulebookVersionRules {
    static func version(_ n: Int, boardMeetingDays: Int) -> Rulebook {
        var book = Rulebook.cle
        book.version = n
        book.deadlines.boardMeeting = Rulebook.DeadlineRule(
            Rulebook.Period(boardMeetingDays, .days), from: .complaintFiled)
        return book
    }

    @Test func R34_theComplaintRecordsTheVersionItIsDecidedUnder() {
        let v2 = Self.version(2, boardMeetingDays: 10)
        var filed = Fixture.complaint
        filed.rulebook = RulebookRef(id: "cle-autistes-ri", version: 2)
        expect(
            given: [], when: .fileComplaint(Fixture.complaint), on: d("2026-01-05"), then: [.complaintFiled(filed)],
            rulebook: v2)
        // Naming another version than the one in force is refused.
        var named = Fixture.complaint
        named.rulebook = RulebookRef(id: "cle-autistes-ri", version: 1)
        expect(given: [], when: .fileComplaint(named), on: d("2026-01-05"), then: refusal(.R34), rulebook: v2)
    }

    @Test func R34_theVersionInForceIsTheLastAdoptedOnOrBeforeTheDay() throws {
        var books = ProcedureRulebooks(base: .cle)
        #expect(books.inForce(on: d("2026-01-01")) == .cle)
        books.adopt(Self.version(2, boardMeetingDays: 10), on: d("2026-03-01"))
        books.adopt(Self.version(3, boardMeetingDays: 12), on: d("2026-06-01"))
        #expect(books.inForce(on: d("2026-02-28")).version == 1)
        #expect(books.inForce(on: d("2026-03-01")).version == 2)
        #expect(books.inForce(on: d("2026-12-31")).version == 3)
        #expect(books.latest.version == 3)
        #expect(books.resolve(nil) == .cle)
        #expect(
            books.resolve(RulebookRef(id: "cle-autistes-ri", version: 2))?.deadlines.boardMeeting.period.length == 10)
        #expect(books.resolve(RulebookRef(id: "cle-autistes-ri", version: 4)) == nil)
        #expect(books.resolve(RulebookRef(id: "autre", version: 1)) == nil)

        // A case keeps its complaint's version: filed under v1, its R04 stays at 7 days whatever is adopted after.
        let filed = CaseDecider.replay([
            DatedEvent(
                on: d("2026-02-10"),
                event: .complaintFiled(
                    {
                        var c = Fixture.complaint
                        c.rulebook = RulebookRef(Rulebook.cle)
                        return c
                    }()))
        ])
        let book = try #require(books.rulebook(for: filed, on: d("2026-12-31")))
        #expect(book.version == 1)
        #expect(
            filed.deadlines(asOf: d("2026-02-11"), rulebook: book).first { $0.rule == .R04 }?.due == d("2026-02-17"))
        // Before any complaint, the version in force on the day.
        #expect(books.rulebook(for: CaseDecider.initial, on: d("2026-03-02"))?.version == 2)
    }

    @Test func rulebookFile_oneFormatForBothKindsWithTheFaultsAtTheirPaths() throws {
        let procedure = try RulebookDocument.procedure(.cle).jsonData()
        #expect(try JSONDecoder().decode(RulebookDocument.self, from: procedure) == .procedure(.cle))
        // A file without `kind` is read by its body.
        var object = try #require(try JSONSerialization.jsonObject(with: procedure) as? [String: Any])
        object["kind"] = nil
        let untagged = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(RulebookDocument.self, from: untagged) == .procedure(.cle))
        // Faults name their JSON path.
        object["kind"] = "procedure"
        object["cellSize"] = 0
        var deadlines = try #require(object["deadlines"] as? [String: Any])
        deadlines["summary"] = ["from": "answerOrWindowEnd", "period": ["length": -1, "unit": "days"]]
        object["deadlines"] = deadlines
        object["title"] = " "
        guard
            case .failure(let invalid) = RulebookDocument.load(from: try JSONSerialization.data(withJSONObject: object))
        else {
            Issue.record("a broken procedure rulebook loaded")
            return
        }
        #expect(invalid.faults.map(\.path) == ["$.title", "$.cellSize", "$.deadlines.summary.period.length"])
        object["kind"] = "sanctions"
        guard
            case .failure(let unknownKind) = RulebookDocument.load(
                from: try JSONSerialization.data(withJSONObject: object))
        else {
            Issue.record("an unknown kind loaded")
            return
        }
        #expect(unknownKind.faults.map(\.path) == ["$.kind"])
    }
}
