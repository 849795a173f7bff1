public import Discipline
import EventLog
import Foundation

extension Registry {
    /// Who may vote at a GA held on `day` (Article 2.4, R36), from the roster as it stands, with the parties of the
    /// cases on the docket of the GA held on or after that day listed as conflicts (Article 8).
    public func voters(for day: Day) throws -> [VoterAssessment] {
        var conflicts: [MemberID: [CaseID]] = [:]
        for item in try docket(heldOnOrAfter: day)?.items ?? [] {
            for conflict in item.conflicts where !(conflicts[conflict.member]?.contains(item.caseID) ?? false) {
                conflicts[conflict.member, default: []].append(item.caseID)
            }
        }
        let rules = try procedureRulebooks().inForce(on: day).pathRules.voting ?? .cle
        return VotingRights.assess(try members(), on: day, rules: rules, conflicts: conflicts)
    }
}
