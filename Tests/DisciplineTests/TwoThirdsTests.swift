import Testing
@testable import Discipline

// Two-thirds in integers: yes × 3 ≥ base × 2, base per the rulebook.

@Test func twoThirds_exactlyTwoThirdsReaches() {
    let t = Rulebook.cle.reachesTwoThirds(yes: 2, cast: 3, blanks: 0, bodySize: 3)
    #expect(t.reached)
    #expect(t.arithmetic == "2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints")
    #expect(Rulebook.cle.reachesTwoThirds(yes: 8, cast: 12, blanks: 0, bodySize: 12).reached)
}

@Test func twoThirds_justUnderDoesNot() {
    let t = Rulebook.cle.reachesTwoThirds(yes: 7, cast: 11, blanks: 0, bodySize: 11) // 63.6 %
    #expect(!t.reached)
    #expect(t.arithmetic == "7 × 3 = 21 < 11 × 2 = 22 → deux tiers non atteints")
    // 133/200 = 66.5 %: floating point might round it up; integers do not.
    #expect(!Rulebook.cle.reachesTwoThirds(yes: 133, cast: 200, blanks: 0, bodySize: 200).reached)
    #expect(Rulebook.cle.reachesTwoThirds(yes: 134, cast: 200, blanks: 0, bodySize: 200).reached)
}

@Test(arguments: [
    // (voters, smallest yes that reaches two-thirds of all cast)
    (3, 2), (5, 4), (12, 8), (200, 134)
])
func twoThirds_thresholdForVoters(voters: Int, needed: Int) {
    #expect(Rulebook.cle.reachesTwoThirds(yes: needed, cast: voters, blanks: 0, bodySize: voters).reached)
    #expect(!Rulebook.cle.reachesTwoThirds(yes: needed - 1, cast: voters, blanks: 0, bodySize: voters).reached)
}

@Test func twoThirds_blanksCountAbstentionsDoNot() {
    // 5 members: 2 yes, 1 blank, 2 abstain. Base = cast + blanks = 3: 2 × 3 = 6 ≥ 3 × 2 = 6.
    let withBlank = Rulebook.cle.reachesTwoThirds(yes: 2, cast: 2, blanks: 1, bodySize: 5)
    #expect(withBlank.base == 3)
    #expect(withBlank.reached)
    // 2 yes, 2 blanks: base 4, 6 < 8.
    #expect(!Rulebook.cle.reachesTwoThirds(yes: 2, cast: 2, blanks: 2, bodySize: 5).reached)
    // A cell member abstaining: 2 yes of 2 cast reach.
    #expect(Rulebook.cle.reachesTwoThirds(yes: 2, cast: 2, blanks: 0, bodySize: 3).reached)
    // Nobody voted: nothing is reached.
    #expect(!Rulebook.cle.reachesTwoThirds(yes: 0, cast: 0, blanks: 0, bodySize: 3).reached)
}

@Test func twoThirds_baseOfAllMembersIsARulebookChoice() {
    var book = Rulebook.cle
    book.twoThirds.base = .allMembersOfBody
    // 2 yes of 2 cast, 5 members: 6 < 10.
    let t = book.reachesTwoThirds(yes: 2, cast: 2, blanks: 0, bodySize: 5)
    #expect(t.base == 5)
    #expect(!t.reached)
    #expect(t.arithmetic == "2 × 3 = 6 < 5 × 2 = 10 → deux tiers non atteints")
    book.twoThirds = .init(numerator: 1, denominator: 2, base: .castIncludingBlanks)
    #expect(
        book.reachesTwoThirds(yes: 2, cast: 4, blanks: 0, bodySize: 4).arithmetic
            == "2 × 2 = 4 ≥ 4 × 1 = 4 → 1/2 atteints")
}

@Test func twoThirds_ballotsTallyPerOption() {
    let ballots = Ballots([
        Ballot(member: "m1", option: "A"), Ballot(member: "m2", option: "B"),
        Ballot(member: "m3", option: nil)
    ])
    #expect(ballots.cast == 2 && ballots.blanks == 1)
    let tallies = ballots.tallies(options: ["A", "B"], bodySize: 3, rulebook: .cle)
    #expect(tallies.map(\.tally.reached) == [false, false])
    #expect(tallies.adopted == nil)
    let unanimous = Ballots((1...3).map { Ballot(member: MemberID("m\($0)"), option: "A") })
    #expect(unanimous.tallies(options: ["A", "B"], bodySize: 3, rulebook: .cle).adopted == "A")
}

@Test func twoThirds_hugeCountsNeitherTrapNorLie() {
    let big = Int.max / 2
    let t = Rulebook.cle.reachesTwoThirds(yes: big, cast: big, blanks: 0, bodySize: big)
    #expect(t.reached)
    #expect(!Rulebook.cle.reachesTwoThirds(yes: big / 2, cast: big, blanks: 0, bodySize: big).reached)
    #expect(!Rulebook.cle.reachesTwoThirds(yes: -5, cast: 3, blanks: 0, bodySize: 3).reached)
    #expect(!Rulebook.cle.reachesTwoThirds(yes: 2, cast: Int.max, blanks: Int.max, bodySize: 3).reached)
}
