import Foundation
import Testing
@testable import Discipline

/// The crisis-cell draw around RFC 3797: pool, announcement, replacements, refusals (R15), verification.
@Suite struct DrawCellTests {
    static let ids: [MemberID] = (1...12).map { MemberID(String(format: "M-%03d", $0)) }
    static let sources = [
        EntropySource(description: "FDJ Loto, 5 numéros", valuesKnownOn: Day(year: 2026, month: 12, day: 2)),
        EntropySource(description: "drand round 5000000"),
    ]
    static let values: [[String]] = [["7", "23", "41", "3", "18"], ["8812"]]
    static let announcedOn = Day(year: 2026, month: 11, day: 30) ?? Day(dayNumber: 0)

    static func draw() throws -> CellDraw {
        let pool = try DrawPool(members: ids)
        let announcement = try DrawAnnouncement.announce(pool: pool, sources: sources, seatsLeft: 3, on: Self.announcedOn)
        return try CellDraw.perform(announcement, values: values)
    }

    // MARK: Pool

    @Test func poolDigestIsSHA256OfIdsEachFollowedByLineFeed() throws {
        let pool = try DrawPool(members: ["carol", "alice", "bob", "alice"])
        #expect(pool.members == ["alice", "bob", "carol"])
        #expect(pool.canonicalEncoding == Data("alice\nbob\ncarol\n".utf8))
        // printf 'alice\nbob\ncarol\n' | sha256sum
        #expect(pool.digest == "54e7fd617a3c08ae396cadd191b9e16db655b8c9e0832d35902f7d351b8cd191")
        #expect(pool.number(of: "bob") == 2)
        #expect(pool.member(number: 3) == "carol")
        #expect(pool.member(number: 0) == nil)
    }

    @Test func poolOrderIsByteOrderLikeCSort() throws {
        // LC_ALL=C sort puts upper case first.
        #expect(try DrawPool(members: ["m-001", "M-002"]).members == ["M-002", "m-001"])
    }

    @Test func poolRefusesIdsThatWouldMakeTheEncodingAmbiguous() {
        #expect(throws: DrawError.invalidPoolMember("a\nb")) { try DrawPool(members: ["a\nb", "c"]) }
        #expect(throws: DrawError.invalidPoolMember("")) { try DrawPool(members: [""]) }
    }

    // MARK: R15 pool too small

    @Test func R15_poolSmallerThanSeatsLeftIsRefused() throws {
        let refusal = CellDraw.checkPoolSize(eligible: 2, seatsLeft: 3)
        #expect(refusal == .poolTooSmall(eligible: 2, seatsLeft: 3))
        #expect(refusal?.ruleID == "R15")
        #expect(refusal?.message.contains("2 eligible") == true)
        #expect(refusal?.message.contains("3 seat") == true)
        #expect(CellDraw.checkPoolSize(eligible: 3, seatsLeft: 3) == nil)
        #expect(CellDraw.checkPoolSize(eligible: 1, seatsLeft: 1) == nil)

        let pool = try DrawPool(members: ["a", "b"])
        #expect(throws: DrawError.poolTooSmall(eligible: 2, seatsLeft: 3)) {
            try DrawAnnouncement.announce(pool: pool, sources: Self.sources, seatsLeft: 3, on: Self.announcedOn)
        }
    }

    @Test func R15_aSourceAlreadyKnownWhenAnnouncedIsRefused() throws {
        let pool = try DrawPool(members: Self.ids)
        let drawDay = try #require(Day(year: 2026, month: 12, day: 2))
        #expect(throws: DrawError.sourceAlreadyKnown(source: 1, knownOn: drawDay, announcedOn: drawDay)) {
            try DrawAnnouncement.announce(pool: pool, sources: Self.sources, seatsLeft: 3, on: drawDay)
        }
        #expect(DrawAnnouncement.checkSourcesStillUnknown(Self.sources, on: drawDay.adding(days: -1)) == nil)
        #expect(DrawError.sourceAlreadyKnown(source: 1, knownOn: drawDay, announcedOn: drawDay).ruleID == "R15")
    }

    @Test func drawNeedsTheAnnouncedNumberOfSources() throws {
        let pool = try DrawPool(members: Self.ids)
        let announcement = try DrawAnnouncement.announce(pool: pool, sources: Self.sources, seatsLeft: 3, on: Self.announcedOn)
        #expect(throws: DrawError.sourceCountMismatch(announced: 2, given: 1)) {
            try CellDraw.perform(announcement, values: [["1"]])
        }
        #expect(throws: DrawError.entropy(.emptySource(source: 2))) {
            try CellDraw.perform(announcement, values: [["1"], []])
        }
    }

    @Test func drawRefusesAnAnnouncementWhosePoolNoLongerMatchesItsDigest() throws {
        let pool = try DrawPool(members: Self.ids)
        let announced = try DrawAnnouncement.announce(pool: pool, sources: Self.sources, seatsLeft: 3, on: Self.announcedOn)
        var json = try JSONEncoder().encode(announced)
        json = Data(String(decoding: json, as: UTF8.self).replacingOccurrences(of: "M-012", with: "M-099").utf8)
        let altered = try JSONDecoder().decode(DrawAnnouncement.self, from: json)
        #expect(throws: DrawError.announcementAltered) { try CellDraw.perform(altered, values: Self.values) }
    }

    // MARK: Order, seating, replacements

    @Test func theWholePoolIsOrdered() throws {
        let draw = try Self.draw()
        #expect(draw.steps.count == 12)
        #expect(Set(draw.order) == Set(Self.ids))
        #expect(draw.keyString == "3.7.18.23.41./8812./")
    }

    @Test func R15_cellIsTheFirstThreeOfTheRecordedOrder() throws {
        let draw = try Self.draw()
        let seating = try draw.seat(3, unavailable: []).get()
        #expect(seating.members == Array(draw.order.prefix(3)))
        #expect(seating.orderPositions == [1, 2, 3])
        #expect(seating.passedOver.isEmpty)
    }

    @Test func R15_aDrawnMemberDecliningIsReplacedByTheNextInTheRecordedOrder() throws {
        let draw = try Self.draw()
        let order = draw.order
        let seating = try draw.seat(3, unavailable: [order[1]]).get()
        #expect(seating.members == [order[0], order[2], order[3]])
        #expect(seating.orderPositions == [1, 3, 4])
        #expect(seating.passedOver == [order[1]])
        // Then the replacement declines too: the next one again, still no new randomness.
        let again = try draw.seat(3, unavailable: [order[1], order[3]]).get()
        #expect(again.members == [order[0], order[2], order[4]])
    }

    @Test func R14_recusalByAPartyIsReplacedFromTheRecordedOrder() throws {
        let draw = try Self.draw()
        let order = draw.order
        // The accused revokes the first seated member, the victim the third.
        let seating = try draw.seat(3, unavailable: [order[0], order[2]]).get()
        #expect(seating.members == [order[1], order[3], order[4]])
    }

    @Test func R15_exhaustedOrderNeedsANewAnnouncedDraw() throws {
        let draw = try Self.draw()
        let unavailable = Set(draw.order.dropFirst(2))
        let result = draw.seat(3, unavailable: unavailable)
        #expect(result == .failure(.orderExhausted(needed: 3, available: 2)))
        if case .failure(let error) = result { #expect(error.ruleID == "R15") }
    }

    // MARK: Verification

    @Test func recordedDrawVerifies() throws {
        let draw = try Self.draw()
        let announcedDigest = try DrawPool(members: Self.ids).digest
        #expect(CellDraw.verify(recorded: draw, announcedPoolDigest: announcedDigest) == .matches(stepsChecked: 12))
    }

    @Test func verificationSurvivesAJSONRoundTrip() throws {
        let draw = try Self.draw()
        let decoded = try JSONDecoder().decode(CellDraw.self, from: JSONEncoder().encode(draw))
        #expect(decoded == draw)
        #expect(CellDraw.verify(recorded: decoded) == .matches(stepsChecked: 12))
    }

    @Test func changedEntropyValueIsFoundAtTheKeyStringAndTheFirstStep() throws {
        let draw = try Self.draw()
        let tampered = CellDraw(
            pool: draw.pool, poolDigest: draw.poolDigest, entropy: .publicSources(values: [["7", "23", "41", "3", "19"], ["8812"]]),
            keyString: draw.keyString, steps: draw.steps, publiclyVerifiable: true)
        let result = CellDraw.verify(recorded: tampered)
        guard case .differs(let found) = result else { Issue.record("tampering not found"); return }
        #expect(found.contains(.keyString(recorded: "3.7.18.23.41./8812./", recomputed: "3.7.19.23.41./8812./")))
        #expect(result.firstDifferingStep == 0)
    }

    @Test func changedPoolIsFoundAgainstTheAnnouncedDigest() throws {
        let draw = try Self.draw()
        let announcedDigest = try DrawPool(members: Self.ids).digest
        var pool = draw.pool
        pool[11] = "M-099"
        let swapped = CellDraw(pool: pool, poolDigest: draw.poolDigest, entropy: draw.entropy,
                               keyString: draw.keyString, steps: draw.steps, publiclyVerifiable: true)
        let recomputed = try DrawPool(members: pool).digest
        guard case .differs(let found) = CellDraw.verify(recorded: swapped, announcedPoolDigest: announcedDigest)
        else { Issue.record("changed pool not found"); return }
        #expect(found.contains(.poolDigest(recorded: draw.poolDigest, recomputed: recomputed)))
        #expect(found.contains(.poolDigestDiffersFromAnnouncement(announced: announcedDigest, recomputed: recomputed)))

        // Re-digesting the altered pool does not help: the announcement recorded before the entropy still differs.
        let redigested = CellDraw(pool: pool, poolDigest: recomputed, entropy: draw.entropy,
                                  keyString: draw.keyString, steps: draw.steps, publiclyVerifiable: true)
        #expect(CellDraw.verify(recorded: redigested, announcedPoolDigest: announcedDigest)
                == .differs([.poolDigestDiffersFromAnnouncement(announced: announcedDigest, recomputed: recomputed)]))
    }

    @Test func reorderedPoolIsNotCanonical() throws {
        let draw = try Self.draw()
        let reordered = CellDraw(pool: draw.pool.reversed(), poolDigest: draw.poolDigest, entropy: draw.entropy,
                                 keyString: draw.keyString, steps: draw.steps, publiclyVerifiable: true)
        guard case .differs(let found) = CellDraw.verify(recorded: reordered) else {
            Issue.record("reordered pool not found"); return
        }
        #expect(found.first == .poolNotCanonical)
    }

    @Test func changedOrderNamesTheStep() throws {
        let draw = try Self.draw()
        var steps = draw.steps
        let a = steps[2], b = steps[5]
        steps[2] = RFC3797.Step(index: a.index, digestHex: a.digestHex, remaining: a.remaining,
                                valueModRemaining: a.valueModRemaining, position: a.position, selected: b.selected)
        let tampered = CellDraw(pool: draw.pool, poolDigest: draw.poolDigest, entropy: draw.entropy,
                                keyString: draw.keyString, steps: steps, publiclyVerifiable: true)
        let result = CellDraw.verify(recorded: tampered)
        #expect(result == .differs([.step(index: 2, recorded: steps[2], recomputed: draw.steps[2])]))
        #expect(result.firstDifferingStep == 2)
    }

    @Test func truncatedOrderIsFound() throws {
        let draw = try Self.draw()
        let truncated = CellDraw(pool: draw.pool, poolDigest: draw.poolDigest, entropy: draw.entropy,
                                 keyString: draw.keyString, steps: Array(draw.steps.prefix(3)), publiclyVerifiable: true)
        #expect(CellDraw.verify(recorded: truncated) == .differs([.stepCount(recorded: 3, recomputed: 12)]))
    }

    // MARK: Practice mode

    @Test func practiceDrawIsLabelledNotPubliclyVerifiable() throws {
        let pool = try DrawPool(members: Self.ids)
        let bytes: [UInt8] = Array(0..<16)
        let draw = try CellDraw.practice(pool: pool, randomBytes: bytes)
        #expect(draw.publiclyVerifiable == false)
        #expect(draw.entropy == .local(randomHex: "000102030405060708090A0B0C0D0E0F"))
        #expect(draw.keyString == "000102030405060708090A0B0C0D0E0F./")
        #expect(CellDraw.verify(recorded: draw) == .matches(stepsChecked: 12))

        let relabelled = CellDraw(pool: draw.pool, poolDigest: draw.poolDigest, entropy: draw.entropy,
                                  keyString: draw.keyString, steps: draw.steps, publiclyVerifiable: true)
        #expect(CellDraw.verify(recorded: relabelled) == .differs([.verifiabilityLabel(recorded: true, actual: false)]))
    }

    @Test func practiceDrawNeedsSixteenBytes() throws {
        let pool = try DrawPool(members: Self.ids)
        #expect(throws: DrawError.notEnoughRandomBytes(4)) { try CellDraw.practice(pool: pool, randomBytes: [1, 2, 3, 4]) }
    }
}
