import Testing
@testable import Discipline

/// Article 2.4 (R36): who may vote at a GA, and why the others may not.
@Suite struct VotingRightsTests {
    static let ga = Day(year: 2026, month: 6, day: 20)!
    func record(
        _ id: MemberID, joined: String, paid: [Int: String], kind: MemberKind = .person, left: String? = nil
    )
        -> MemberRecord
    {
        MemberRecord(
            id: id, displayName: .clear(id.rawValue), email: .clear("\(id)@exemple.org"), kind: kind,
            joinedOn: Day(joined)!,
            duesPaidOn: paid.mapValues { Day($0)! }, departedOn: left.flatMap { Day($0) })
    }

    func assess(
        _ records: [MemberRecord], conflicts: [MemberID: [CaseID]] = [:], rules: VotingRules = .cle
    ) -> [MemberID: VoterAssessment] {
        Dictionary(
            uniqueKeysWithValues: VotingRights.assess(records, on: Self.ga, rules: rules, conflicts: conflicts).map {
                ($0.member, $0)
            })
    }

    @Test func R36_oneYearOfSeniorityAndDuesUnderAYear() {
        let out = assess([
            record("senior", joined: "2025-01-10", paid: [2026: "2026-01-10"]),
            record("newcomer", joined: "2025-09-01", paid: [2026: "2026-01-10"]),
            record("exactlyOneYear", joined: "2025-06-20", paid: [2025: "2025-06-20"]),
            record("lapsed", joined: "2023-03-01", paid: [2024: "2024-03-01"]),
            record("gone", joined: "2023-03-01", paid: [2026: "2026-01-05"], left: "2026-05-01"),
            record("antenna", joined: "2020-01-01", paid: [2026: "2026-01-05"], kind: .association)
        ])
        #expect(out["senior"]?.mayVote == true)
        #expect(out["newcomer"]?.reasonsFr.first?.contains("ancienneté de moins de 12 mois") == true)
        // Joined exactly a year before: seniority reached; paid a year before to the day: no longer under a year.
        #expect(out["exactlyOneYear"]?.reasonsFr == ["cotisation de plus de 12 mois (dernière le 2025-06-20)"])
        #expect(out["lapsed"]?.mayVote == false)
        #expect(out["gone"]?.reasonsEn.first == "left on 2026-05-01")
        #expect(out["antenna"]?.reasonsFr.first?.contains("association membre") == true)
    }

    @Test func R36_thePeriodsAreTheRulebooks() {
        let out = assess(
            [record("newcomer", joined: "2025-09-01", paid: [2026: "2026-01-10"])],
            rules: VotingRules(seniority: Rulebook.Period(6, .months)))
        #expect(out["newcomer"]?.mayVote == true)
    }

    @Test func R36_partiesOfACaseOnTheDocketAreShownAsConflictsNotRemoved() {
        let out = assess(
            [record("senior", joined: "2025-01-10", paid: [2026: "2026-01-10"])], conflicts: ["senior": ["2026-001"]])
        #expect(out["senior"]?.mayVote == true)
        #expect(out["senior"]?.conflicts == ["2026-001"])
    }
}
