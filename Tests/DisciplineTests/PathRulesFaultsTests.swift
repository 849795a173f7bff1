import Testing

@testable import Discipline

/// The numbers of the other paths are checked when a rulebook loads: each out-of-range number is named by its JSON path,
/// in French and English, and the CLE values have no fault.
struct PathRulesFaultsTests {
    @Test func cleValuesHaveNoFault() {
        #expect(PathRules.cle.faults().isEmpty)
    }

    @Test func everyOutOfRangeNumberIsNamedByItsPath() {
        let zero = Rulebook.Threshold(numerator: 0, denominator: 3, base: .castIncludingBlanks)
        let over = Rulebook.Threshold(numerator: 4, denominator: 3, base: .castIncludingBlanks)
        let rules = PathRules(
            mediation: MediationRules(interventionCap: 0),
            revocation: RevocationRules(missedMeetings: 1_001, silence: Rulebook.Period(0, .days), majority: zero),
            crisisRequest: CrisisRequestRules(signatories: 100_001, boardDelay: Rulebook.Period(-1, .days)),
            voting: VotingRules(seniority: Rulebook.Period(36_501, .days), duesWithin: Rulebook.Period(0, .months)),
            amendment: AmendmentRules(notice: Rulebook.Period(-1, .days)),
            nonPayment: NonPaymentRules(delay: Rulebook.Period(36_501, .days), majority: over),
            assemblyRequest: AssemblyRequestRules(
                share: Rulebook.Threshold(numerator: 1, denominator: 0, base: .allMembersOfBody)))
        let faults = rules.faults()
        #expect(
            faults.map(\.path) == [
                "$.paths.mediation.interventionCap", "$.paths.revocation.missedMeetings",
                "$.paths.revocation.silence.length", "$.paths.revocation.majority",
                "$.paths.crisisRequest.signatories", "$.paths.crisisRequest.boardDelay.length",
                "$.paths.voting.seniority.length", "$.paths.voting.duesWithin.length",
                "$.paths.nonPayment.delay.length", "$.paths.nonPayment.majority", "$.paths.assemblyRequest.share",
                "$.paths.amendment.notice.length"
            ])
        #expect(faults[0].fr == "de 1 à 1000 interventions")
        #expect(faults[0].en == "interventionCap must be between 1 and 1000")
        #expect(faults[4].fr == "de 1 à 100000 signataires")
        #expect(faults[5].fr == "une durée de 0 à 36500")
        #expect(faults[3].fr == "une fraction dans ]0, 1]")
        #expect(faults[10].en == "share must be a fraction in (0, 1]")
    }

    @Test func boundsThemselvesAreAccepted() {
        let rules = PathRules(
            mediation: MediationRules(interventionCap: 1_000),
            revocation: RevocationRules(missedMeetings: 1, silence: Rulebook.Period(36_500, .days)),
            crisisRequest: CrisisRequestRules(signatories: 1, boardDelay: Rulebook.Period(0, .days)),
            nonPayment: NonPaymentRules(
                majority: Rulebook.Threshold(numerator: 1, denominator: 1, base: .allMembersOfBody)))
        #expect(rules.faults().isEmpty)
    }
}
