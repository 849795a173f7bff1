import Foundation
import Testing
@testable import Discipline

/// The crisis-cell draw around RFC 3797: pool, announcement, replacements, refusals (R15), verification.
@Suite struct DrawCellTests {
    static let ids: [MemberID] = (1...12).map { MemberID(String(format: "M-%03d", $0)) }
    static let sources = [
        EntropySource(description: "FDJ Loto, 5 numéros", valuesKnownOn: Day(year: 2026, month: 12, day: 2)),
        EntropySource(description: "drand round 5000000")
    ]
    static let values: [[String]] = [["7", "23", "41", "3", "18"], ["8812"]]
    static let announcedOn = Day(year: 2026, month: 11, day: 30) ?? Day(dayNumber: 0)

    static func announcement() throws -> DrawAnnouncement {
        try DrawAnnouncement.announce(
            pool: try DrawPool(members: ids), sources: sources, seatsLeft: 3, on: Self.announcedOn)
    }

    static func draw() throws -> CellDraw { try CellDraw.perform(try announcement(), values: values) }

    /// A `DrawPerformed` payload as schema version 1 wrote it: the pool and every step recorded.
    static func schema1Payload(_ draw: CellDraw, pool: [MemberID], steps: [RFC3797.Step]) throws -> Data {
        struct Schema1: Encodable {
            let pool: [MemberID]
            let poolDigest: String
            let entropy: DrawEntropy
            let keyString: String
            let steps: [RFC3797.Step]
            let publiclyVerifiable: Bool
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(
            Schema1(
                pool: pool, poolDigest: draw.poolDigest, entropy: draw.entropy,
                keyString: draw.keyString, steps: steps, publiclyVerifiable: draw.publiclyVerifiable))
    }

    /// The draw with some recorded fields replaced, as a forger would write them.
    static func edited(
        _ draw: CellDraw, poolDigest: String? = nil, poolSize: Int? = nil, entropy: DrawEntropy? = nil,
        order: [Int]? = nil, publiclyVerifiable: Bool? = nil
    ) -> CellDraw {
        CellDraw(
            poolDigest: poolDigest ?? draw.poolDigest, poolSize: poolSize ?? draw.poolSize,
            entropy: entropy ?? draw.entropy, keyString: draw.keyString, order: order ?? draw.order,
            publiclyVerifiable: publiclyVerifiable ?? draw.publiclyVerifiable)
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
        let announcement = try DrawAnnouncement.announce(
            pool: pool, sources: Self.sources, seatsLeft: 3, on: Self.announcedOn)
        #expect(throws: DrawError.sourceCountMismatch(announced: 2, given: 1)) {
            try CellDraw.perform(announcement, values: [["1"]])
        }
        #expect(throws: DrawError.entropy(.emptySource(source: 2))) {
            try CellDraw.perform(announcement, values: [["1"], []])
        }
    }

    @Test func drawRefusesAnAnnouncementWhosePoolNoLongerMatchesItsDigest() throws {
        let pool = try DrawPool(members: Self.ids)
        let announced = try DrawAnnouncement.announce(
            pool: pool, sources: Self.sources, seatsLeft: 3, on: Self.announcedOn)
        var json = try JSONEncoder().encode(announced)
        json = Data(String(decoding: json, as: UTF8.self).replacingOccurrences(of: "M-012", with: "M-099").utf8)
        let altered = try JSONDecoder().decode(DrawAnnouncement.self, from: json)
        #expect(throws: DrawError.announcementAltered) { try CellDraw.perform(altered, values: Self.values) }
    }

    // MARK: Order, seating, replacements

    @Test func theWholePoolIsOrderedByPoolNumber() throws {
        let draw = try Self.draw()
        #expect(draw.poolSize == 12)
        #expect(draw.order.count == 12)
        #expect(Set(draw.order) == Set(1...12))
        #expect(Set(draw.members(in: Self.ids)) == Set(Self.ids))
        #expect(draw.keyString == "3.7.18.23.41./8812./")
        // The steps are re-computed from the key string, and give the recorded order.
        let shown = AnnouncedDraw(draw, announcement: try Self.announcement())
        #expect(shown.steps.map(\.selected) == draw.order)
        #expect(shown.order == draw.members(in: Self.ids))
    }

    @Test func R15_cellIsTheFirstThreeOfTheRecordedOrder() throws {
        let draw = try Self.draw()
        let seating = try draw.seat(3, pool: Self.ids, unavailable: []).get()
        #expect(seating.members == Array(draw.members(in: Self.ids).prefix(3)))
        #expect(seating.orderPositions == [1, 2, 3])
        #expect(seating.passedOver.isEmpty)
    }

    @Test func R15_aDrawnMemberDecliningIsReplacedByTheNextInTheRecordedOrder() throws {
        let draw = try Self.draw()
        let order = draw.members(in: Self.ids)
        let seating = try draw.seat(3, pool: Self.ids, unavailable: [order[1]]).get()
        #expect(seating.members == [order[0], order[2], order[3]])
        #expect(seating.orderPositions == [1, 3, 4])
        #expect(seating.passedOver == [order[1]])
        // Then the replacement declines too: the next one again, still no new randomness.
        let again = try draw.seat(3, pool: Self.ids, unavailable: [order[1], order[3]]).get()
        #expect(again.members == [order[0], order[2], order[4]])
    }

    @Test func R14_recusalByAPartyIsReplacedFromTheRecordedOrder() throws {
        let draw = try Self.draw()
        let order = draw.members(in: Self.ids)
        // The accused revokes the first seated member, the victim the third.
        let seating = try draw.seat(3, pool: Self.ids, unavailable: [order[0], order[2]]).get()
        #expect(seating.members == [order[1], order[3], order[4]])
    }

    @Test func R15_exhaustedOrderNeedsANewAnnouncedDraw() throws {
        let draw = try Self.draw()
        let unavailable = Set(draw.members(in: Self.ids).dropFirst(2))
        let result = draw.seat(3, pool: Self.ids, unavailable: unavailable)
        #expect(result == .failure(.orderExhausted(needed: 3, available: 2)))
        if case .failure(let error) = result { #expect(error.ruleID == "R15") }
    }

    // MARK: Stored form

    @Test func theStoredDrawHoldsNeitherThePoolNorTheSteps() throws {
        let draw = try Self.draw()
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(draw)) as? [String: Any]
        #expect(
            json.map { Set($0.keys) } == [
                "entropy", "keyString", "order", "poolDigest", "poolSize", "publiclyVerifiable"
            ])
        #expect(CaseEvent.drawPerformed(draw).schemaVersion == 2)
        #expect(CaseEvent.readableSchemaVersions(of: "DrawPerformed") == 1...2)
        #expect(CaseEvent.readableSchemaVersions(of: "BoardMet") == 1...1)
        #expect(CaseEvent.readableSchemaVersions(of: "NoSuchEvent") == nil)
    }

    @Test func schema1PayloadsStillDecodeAndVerifyStepByStep() throws {
        let draw = try Self.draw()
        let announcement = try Self.announcement()
        let steps = RFC3797.selectionOrder(poolSize: 12, key: draw.keyString, count: 12)
        let payload = try Self.schema1Payload(draw, pool: Self.ids, steps: steps)
        guard case .drawPerformed(let read) = try CaseEvent.decode(type: "DrawPerformed", payload: payload) else {
            Issue.record("not a draw")
            return
        }
        #expect(read.schema1 == CellDraw.Schema1Record(pool: Self.ids, steps: steps))
        #expect(read.order == draw.order && read.poolSize == 12 && read.poolDigest == draw.poolDigest)
        #expect(CellDraw.verify(recorded: read, announcement: announcement) == .matches(stepsChecked: 12))
        #expect(AnnouncedDraw(read, announcement: nil).order == draw.members(in: Self.ids))
        // Written again, it takes the schema-2 form.
        #expect(try JSONDecoder().decode(CellDraw.self, from: JSONEncoder().encode(read)) == draw)

        // A schema-1 step edited after the fact is still found, digest by digest.
        var edited = steps
        let s = steps[4]
        edited[4] = RFC3797.Step(
            index: s.index, digestHex: String(repeating: "0", count: 32), remaining: s.remaining,
            valueModRemaining: s.valueModRemaining, position: s.position, selected: s.selected)
        let forged = try JSONDecoder().decode(
            CellDraw.self, from: Self.schema1Payload(draw, pool: Self.ids, steps: edited))
        #expect(
            CellDraw.verify(recorded: forged, announcement: announcement)
                == .differs([.step(index: 4, recorded: edited[4], recomputed: steps[4])]))
        // …and so is a schema-1 pool that is not the announced one.
        var pool = Self.ids
        pool[11] = "M-099"
        let swapped = try JSONDecoder().decode(CellDraw.self, from: Self.schema1Payload(draw, pool: pool, steps: steps))
        let recomputed = try DrawPool(members: pool).digest
        #expect(
            CellDraw.verify(recorded: swapped, announcement: announcement)
                == .differs([
                    .poolDigest(recorded: draw.poolDigest, recomputed: recomputed),
                    .poolDigestDiffersFromAnnouncement(announced: announcement.poolDigest, recomputed: recomputed)
                ]))
    }

    // MARK: Verification

    @Test func recordedDrawVerifies() throws {
        let draw = try Self.draw()
        #expect(CellDraw.verify(recorded: draw, announcement: try Self.announcement()) == .matches(stepsChecked: 12))
    }

    @Test func verificationSurvivesAJSONRoundTrip() throws {
        let draw = try Self.draw()
        let decoded = try JSONDecoder().decode(CellDraw.self, from: JSONEncoder().encode(draw))
        #expect(decoded == draw)
        #expect(CellDraw.verify(recorded: decoded, announcement: try Self.announcement()) == .matches(stepsChecked: 12))
    }

    @Test func changedEntropyValueIsFoundAtTheKeyStringAndInTheOrder() throws {
        let draw = try Self.draw()
        let tampered = Self.edited(draw, entropy: .publicSources(values: [["7", "23", "41", "3", "19"], ["8812"]]))
        let result = CellDraw.verify(recorded: tampered, announcement: try Self.announcement())
        guard case .differs(let found) = result else { Issue.record("tampering not found"); return }
        #expect(found.contains(.keyString(recorded: "3.7.18.23.41./8812./", recomputed: "3.7.19.23.41./8812./")))
        #expect(result.firstDifferingStep != nil)
    }

    @Test func aPoolChangedAfterTheAnnouncementIsFoundAgainstItsDigest() throws {
        let draw = try Self.draw()
        let announcement = try Self.announcement()
        var pool = Self.ids
        pool[11] = "M-099"
        let recomputed = try DrawPool(members: pool).digest
        // The announcement's pool edited afterwards, its digest kept: neither digest is the pool's any more.
        let altered = DrawAnnouncement(
            pool: pool, poolDigest: announcement.poolDigest, sources: announcement.sources,
            seatsLeft: 3)
        #expect(
            CellDraw.verify(recorded: draw, announcement: altered)
                == .differs([
                    .poolDigest(recorded: draw.poolDigest, recomputed: recomputed),
                    .poolDigestDiffersFromAnnouncement(announced: announcement.poolDigest, recomputed: recomputed)
                ]))
        // A draw that names another pool's digest is not a draw of the announced pool.
        let other = Self.edited(draw, poolDigest: recomputed)
        #expect(
            CellDraw.verify(recorded: other, announcement: announcement)
                == .differs([.poolDigest(recorded: recomputed, recomputed: announcement.poolDigest)]))
        // Nor is one over a pool of another size.
        #expect(
            CellDraw.verify(recorded: Self.edited(draw, poolSize: 11), announcement: announcement)
                == .differs([.poolSize(recorded: 11, pool: 12)]))
    }

    @Test func reorderedPoolIsNotCanonical() throws {
        let draw = try Self.draw()
        let announcement = try Self.announcement()
        let reordered = DrawAnnouncement(
            pool: Self.ids.reversed(), poolDigest: announcement.poolDigest,
            sources: announcement.sources, seatsLeft: 3)
        guard case .differs(let found) = CellDraw.verify(recorded: draw, announcement: reordered) else {
            Issue.record("reordered pool not found"); return
        }
        #expect(found.first == .poolNotCanonical)
    }

    @Test func changedOrderNamesTheSelection() throws {
        let draw = try Self.draw()
        var order = draw.order
        order.swapAt(2, 5)
        let result = CellDraw.verify(recorded: Self.edited(draw, order: order), announcement: try Self.announcement())
        #expect(result == .differs([.selection(index: 2, recorded: order[2], recomputed: draw.order[2])]))
        #expect(result.firstDifferingStep == 2)
    }

    @Test func truncatedOrderIsFound() throws {
        let draw = try Self.draw()
        let truncated = Self.edited(draw, order: Array(draw.order.prefix(3)))
        #expect(
            CellDraw.verify(recorded: truncated, announcement: try Self.announcement())
                == .differs([.stepCount(recorded: 3, recomputed: 12)]))
    }

    // MARK: Practice mode

    @Test func practiceDrawIsLabelledNotPubliclyVerifiable() throws {
        let pool = try DrawPool(members: Self.ids)
        let bytes: [UInt8] = Array(0..<16)
        let draw = try CellDraw.practice(pool: pool, randomBytes: bytes)
        #expect(draw.publiclyVerifiable == false)
        #expect(draw.entropy == .local(randomHex: "000102030405060708090A0B0C0D0E0F"))
        #expect(draw.keyString == "000102030405060708090A0B0C0D0E0F./")
        let announcement = try Self.announcement()
        #expect(CellDraw.verify(recorded: draw, announcement: announcement) == .matches(stepsChecked: 12))

        let relabelled = Self.edited(draw, publiclyVerifiable: true)
        #expect(
            CellDraw.verify(recorded: relabelled, announcement: announcement)
                == .differs([.verifiabilityLabel(recorded: true, actual: false)]))
    }

    @Test func practiceDrawNeedsSixteenBytes() throws {
        let pool = try DrawPool(members: Self.ids)
        #expect(throws: DrawError.notEnoughRandomBytes(4)) {
            try CellDraw.practice(pool: pool, randomBytes: [1, 2, 3, 4])
        }
    }
}
