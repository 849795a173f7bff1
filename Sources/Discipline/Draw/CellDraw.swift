import Foundation

/// A public source of randomness, announced before its value can be known (R15: nobody may steer the draw).
public struct EntropySource: Codable, Equatable, Sendable {
    /// What the source is and exactly which values count, e.g. "FDJ Loto du 2026-12-02 : les 5 numéros, sans le
    /// numéro chance".
    public var description: String
    /// The day its values become public, when there is one.
    public var valuesKnownOn: Day?

    public init(description: String, valuesKnownOn: Day? = nil) {
        self.description = description
        self.valuesKnownOn = valuesKnownOn
    }
}

/// What is published before the entropy is known: the pool (canonical order), its SHA-256, the sources, the seats.
public struct DrawAnnouncement: Codable, Equatable, Sendable {
    /// Pool members in canonical order, numbered from 1.
    public let pool: [MemberID]
    /// SHA-256 of the pool's canonical encoding (see ``DrawPool``).
    public let poolDigest: String
    /// The entropy sources, in the order their values enter the key string.
    public let sources: [EntropySource]
    /// Seats the draw must fill.
    public let seatsLeft: Int

    /// Announces a draw on `day`, refusing (R15) a pool with fewer members than seats left, a draw without a
    /// source, and a source whose values are already known that day (it would let the announcer steer the draw).
    public static func announce(
        pool: DrawPool, sources: [EntropySource], seatsLeft: Int, on day: Day
    ) throws(DrawError) -> DrawAnnouncement {
        if let refusal = CellDraw.checkPoolSize(eligible: pool.count, seatsLeft: seatsLeft) { throw refusal }
        guard !sources.isEmpty else { throw .entropy(.noSources) }
        if let refusal = checkSourcesStillUnknown(sources, on: day) { throw refusal }
        return DrawAnnouncement(pool: pool.members, poolDigest: pool.digest, sources: sources, seatsLeft: seatsLeft)
    }
}

extension DrawAnnouncement {
    /// R15: every source announced on `day` must be one whose values become known strictly after that day.
    /// A source without a `valuesKnownOn` day cannot be checked here and is accepted; its description must say it.
    public static func checkSourcesStillUnknown(_ sources: [EntropySource], on day: Day) -> DrawError? {
        for (offset, source) in sources.enumerated() {
            if let known = source.valuesKnownOn, known <= day {
                return .sourceAlreadyKnown(source: offset + 1, knownOn: known, announcedOn: day)
            }
        }
        return nil
    }
}

/// Where a draw's randomness came from.
public enum DrawEntropy: Codable, Equatable, Sendable {
    /// The values of the announced public sources, one list per source, as published.
    case publicSources(values: [[String]])
    /// Practice only: bytes from the caller's secure generator, recorded in hex. Re-computable, but nobody can check
    /// that they were not chosen, so such a draw is not publicly verifiable.
    case local(randomHex: String)
}

/// A performed crisis-cell draw (R15): the pool, the entropy, the RFC 3797 key string and the selection order of
/// the whole pool, so replacements after a decline or a recusal take the next members without new randomness.
public struct CellDraw: Codable, Equatable, Sendable {
    /// Pool members in canonical order; number k is `pool[k - 1]`.
    public let pool: [MemberID]
    /// SHA-256 of the pool's canonical encoding.
    public let poolDigest: String
    /// The randomness used.
    public let entropy: DrawEntropy
    /// The RFC 3797 key string hashed at every step.
    public let keyString: String
    /// The selection order of the whole pool, step by step.
    public let steps: [RFC3797.Step]
    /// False for a practice draw with local randomness: shown wherever the draw is.
    public let publiclyVerifiable: Bool

    /// The members in drawn order.
    public var order: [MemberID] {
        steps.compactMap { pool.indices.contains($0.selected - 1) ? pool[$0.selected - 1] : nil }
    }

    /// Performs an announced draw with the published values of its sources (one list per announced source).
    public static func perform(
        _ announcement: DrawAnnouncement, values: [[String]]
    ) throws(DrawError) -> CellDraw {
        guard values.count == announcement.sources.count else {
            throw .sourceCountMismatch(announced: announcement.sources.count, given: values.count)
        }
        let pool = try DrawPool(members: announcement.pool)
        guard pool.members == announcement.pool, pool.digest == announcement.poolDigest else {
            throw .announcementAltered
        }
        let key: String
        do { key = try RFC3797.keyString(values) } catch { throw .entropy(error) }
        return CellDraw(pool: pool, entropy: .publicSources(values: values), key: key, publiclyVerifiable: true)
    }

    /// Practice mode: the caller supplies at least 16 random bytes from the system's secure generator (this
    /// module stays pure). The key string is the bytes in upper-case hex followed by `./`; the draw is recorded
    /// with `publiclyVerifiable == false`.
    public static func practice(pool: DrawPool, randomBytes: [UInt8]) throws(DrawError) -> CellDraw {
        guard randomBytes.count >= 16 else { throw .notEnoughRandomBytes(randomBytes.count) }
        let hex = RFC3797.hex(randomBytes, uppercase: true)
        return CellDraw(pool: pool, entropy: .local(randomHex: hex), key: localKey(hex), publiclyVerifiable: false)
    }

    private init(pool: DrawPool, entropy: DrawEntropy, key: String, publiclyVerifiable: Bool) {
        self.pool = pool.members
        self.poolDigest = pool.digest
        self.entropy = entropy
        self.keyString = key
        self.steps = RFC3797.selectionOrder(poolSize: pool.count, key: key, count: pool.count)
        self.publiclyVerifiable = publiclyVerifiable
    }

    /// Builds a draw value from recorded fields, as read back from the log (nothing is re-computed here; use
    /// ``verify(recorded:announcedPoolDigest:)``).
    public init(
        pool: [MemberID], poolDigest: String, entropy: DrawEntropy, keyString: String, steps: [RFC3797.Step],
        publiclyVerifiable: Bool
    ) {
        self.pool = pool
        self.poolDigest = poolDigest
        self.entropy = entropy
        self.keyString = keyString
        self.steps = steps
        self.publiclyVerifiable = publiclyVerifiable
    }

    static func localKey(_ hex: String) -> String { hex + "./" }

    // MARK: Refusals (R15)

    /// R15: a draw needs at least as many eligible members as seats left. Returns the refusal, or nil when the
    /// pool is large enough. The case decider calls this before announcing a draw.
    public static func checkPoolSize(eligible: Int, seatsLeft: Int) -> DrawError? {
        eligible < seatsLeft ? .poolTooSmall(eligible: eligible, seatsLeft: seatsLeft) : nil
    }

    // MARK: Seating and replacements

    /// The members who sit: the first `seats` members of the recorded order who are not `unavailable` (declined,
    /// revoked by a party, recused, no longer eligible). A replacement is therefore always the next member in the
    /// recorded order; no new randomness. When the order runs out, a new announced draw is needed (R15).
    public func seat(_ seats: Int, unavailable: Set<MemberID>) -> Result<CellSeating, DrawError> {
        var chosen: [MemberID] = []
        var positions: [Int] = []
        var passedOver: [MemberID] = []
        for (offset, id) in order.enumerated() {
            guard chosen.count < seats else { break }
            if unavailable.contains(id) {
                passedOver.append(id)
            } else {
                chosen.append(id)
                positions.append(offset + 1)
            }
        }
        guard chosen.count >= seats else {
            return .failure(.orderExhausted(needed: seats, available: chosen.count))
        }
        return .success(CellSeating(members: chosen, orderPositions: positions, passedOver: passedOver))
    }

    // MARK: Verification

    /// Re-computes a recorded draw from its recorded inputs (pool and entropy) and compares every recorded output:
    /// pool order, pool digest (and the digest announced before the entropy was known, when given), key string,
    /// the verifiability label, then the selection order digest by digest.
    public static func verify(recorded: CellDraw, announcedPoolDigest: String? = nil) -> DrawVerification {
        var found: [DrawDiscrepancy] = []
        if !DrawPool.isCanonical(recorded.pool) { found.append(.poolNotCanonical) }
        let pool = (try? DrawPool(members: recorded.pool))
        let digest = pool?.digest ?? ""
        if digest != recorded.poolDigest {
            found.append(.poolDigest(recorded: recorded.poolDigest, recomputed: digest))
        }
        if let announced = announcedPoolDigest, announced != digest {
            found.append(.poolDigestDiffersFromAnnouncement(announced: announced, recomputed: digest))
        }
        var key = recorded.keyString
        switch recorded.entropy {
        case .publicSources(let values):
            do {
                key = try RFC3797.keyString(values)
            } catch {
                found.append(.invalidEntropy(error))
            }
            if !recorded.publiclyVerifiable { found.append(.verifiabilityLabel(recorded: false, actual: true)) }
        case .local(let hex):
            key = localKey(hex)
            if recorded.publiclyVerifiable { found.append(.verifiabilityLabel(recorded: true, actual: false)) }
        }
        if key != recorded.keyString {
            found.append(.keyString(recorded: recorded.keyString, recomputed: key))
        }
        let size = pool?.count ?? recorded.pool.count
        let steps = RFC3797.selectionOrder(poolSize: size, key: key, count: size)
        if let i = zip(recorded.steps, steps).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            found.append(.step(index: i, recorded: recorded.steps[i], recomputed: steps[i]))
        } else if recorded.steps.count != steps.count {
            found.append(.stepCount(recorded: recorded.steps.count, recomputed: steps.count))
        }
        return found.isEmpty ? .matches(stepsChecked: steps.count) : .differs(found)
    }
}

/// Who sits after a draw, and who was passed over.
public struct CellSeating: Equatable, Sendable {
    /// The members seated, in drawn order.
    public let members: [MemberID]
    /// Their positions (from 1) in the recorded order.
    public let orderPositions: [Int]
    /// Members reached in the order but unavailable (declined, revoked, recused…), in order.
    public let passedOver: [MemberID]
}

/// Why a draw cannot be announced, performed or seated. Refusals of the rules carry their rule ID.
public enum DrawError: Error, Equatable, Sendable, CustomStringConvertible {
    /// R15: fewer eligible members than seats left.
    case poolTooSmall(eligible: Int, seatsLeft: Int)
    /// R15: the recorded order has no member left to call; a new announced draw is needed.
    case orderExhausted(needed: Int, available: Int)
    /// R15: a source's values are already public on the day the draw is announced.
    case sourceAlreadyKnown(source: Int, knownOn: Day, announcedOn: Day)
    case invalidPoolMember(MemberID)
    case poolTooLarge(Int)
    case sourceCountMismatch(announced: Int, given: Int)
    case announcementAltered
    case entropy(KeyStringError)
    case notEnoughRandomBytes(Int)

    /// The rule refused, when the error is a rule's refusal.
    public var ruleID: String? {
        switch self {
        case .poolTooSmall, .orderExhausted, .sourceAlreadyKnown: return "R15"
        default: return nil
        }
    }

    /// A plain message for people, prefixed with the rule ID when a rule refused.
    public var message: String {
        switch self {
        case .poolTooSmall(let eligible, let seats):
            return "R15: \(eligible) eligible member(s) for \(seats) seat(s) left; the draw cannot fill the cell"
        case .orderExhausted(let needed, let available):
            return "R15: the recorded order gives only \(available) available member(s) for \(needed) seat(s); "
                + "announce a new draw"
        case .sourceAlreadyKnown(let source, let known, let announced):
            return "R15: entropy source \(source) is known on \(known), not after the announcement on \(announced); "
                + "choose a source whose values are not yet public"
        case .invalidPoolMember(let id):
            return "member id \"\(id)\" cannot be in a draw pool (empty or containing a line break)"
        case .poolTooLarge(let n):
            return "a pool of \(n) members exceeds RFC 3797's \(RFC3797.maximumPoolSize)"
        case .sourceCountMismatch(let announced, let given):
            return "\(announced) entropy source(s) announced, \(given) given"
        case .announcementAltered:
            return "the announced pool does not match its recorded digest or order"
        case .entropy(let error):
            return error.description
        case .notEnoughRandomBytes(let n):
            return "a practice draw needs at least 16 random bytes, got \(n)"
        }
    }

    public var description: String { message }
}

/// The result of re-computing a recorded draw.
public enum DrawVerification: Equatable, Sendable {
    /// Everything re-computed equals the record; `stepsChecked` digests were compared.
    case matches(stepsChecked: Int)
    /// What differs, inputs first, then the first differing step.
    case differs([DrawDiscrepancy])

    /// The first step (MD5 index, from 0) whose recorded values differ from the re-computed ones.
    public var firstDifferingStep: Int? {
        guard case .differs(let list) = self else { return nil }
        for d in list { if case .step(let i, _, _) = d { return i } }
        return nil
    }
}

/// One difference between a recorded draw and its re-computation.
public enum DrawDiscrepancy: Equatable, Sendable {
    case poolNotCanonical
    case poolDigest(recorded: String, recomputed: String)
    case poolDigestDiffersFromAnnouncement(announced: String, recomputed: String)
    case invalidEntropy(KeyStringError)
    case keyString(recorded: String, recomputed: String)
    case verifiabilityLabel(recorded: Bool, actual: Bool)
    /// The first step whose digest, remainder, position or selected number differs.
    case step(index: Int, recorded: RFC3797.Step, recomputed: RFC3797.Step)
    case stepCount(recorded: Int, recomputed: Int)
}
