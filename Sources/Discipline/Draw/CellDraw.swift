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

/// A performed crisis-cell draw (R15): the entropy, the RFC 3797 key string, and the selection order of the whole
/// announced pool as pool numbers, so replacements after a decline or a recusal take the next members without new
/// randomness.
///
/// The pool is the announcement's (``DrawAnnouncement/pool``, recorded before the entropy was known), bound here by
/// its digest and size; the RFC 3797 steps (MD5 digest, divisor, remainder of each selection) follow from the key
/// string and are re-computed on demand (``RFC3797/selectionOrder(poolSize:key:count:)``, ``AnnouncedDraw/steps``).
/// This is the `DrawPerformed` payload of schema version 2 (``schemaVersion``). Version 1 recorded the pool and every
/// step as well; such payloads still decode, and what they recorded beyond these fields is kept in ``schema1`` so
/// that a verification compares it too.
public struct CellDraw: Equatable, Sendable {
    /// The `DrawPerformed` payload schema this type writes.
    public static let schemaVersion = 2

    /// SHA-256 of the pool's canonical encoding: the announced digest.
    public let poolDigest: String
    /// Members in the pool (the announced pool's size).
    public let poolSize: Int
    /// The randomness used.
    public let entropy: DrawEntropy
    /// The RFC 3797 key string hashed at every step.
    public let keyString: String
    /// The selection order of the whole pool: pool numbers (from 1), the first drawn first.
    public let order: [Int]
    /// False for a practice draw with local randomness: shown wherever the draw is.
    public let publiclyVerifiable: Bool
    /// What a schema-1 payload recorded beyond the fields above (`nil` for a draw recorded since).
    public let schema1: Schema1Record?

    /// The pool and the steps a schema-1 `DrawPerformed` payload recorded.
    public struct Schema1Record: Equatable, Sendable {
        public let pool: [MemberID]
        public let steps: [RFC3797.Step]
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
        do {
            // A new draw stays within what the RFC's reference code can re-compute.
            try RFC3797.checkReferenceRange(values)
            key = try RFC3797.keyString(values)
        } catch { throw .entropy(error) }
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
        self.poolDigest = pool.digest
        self.poolSize = pool.count
        self.entropy = entropy
        self.keyString = key
        self.order = RFC3797.selectedNumbers(poolSize: pool.count, key: key)
        self.publiclyVerifiable = publiclyVerifiable
        self.schema1 = nil
    }

    /// Builds a draw value from recorded fields, as read back from the log (nothing is re-computed here; use
    /// ``verify(recorded:announcement:)``).
    public init(
        poolDigest: String, poolSize: Int, entropy: DrawEntropy, keyString: String, order: [Int],
        publiclyVerifiable: Bool
    ) {
        self.poolDigest = poolDigest
        self.poolSize = poolSize
        self.entropy = entropy
        self.keyString = keyString
        self.order = order
        self.publiclyVerifiable = publiclyVerifiable
        self.schema1 = nil
    }

    static func localKey(_ hex: String) -> String { hex + "./" }

    /// The pool the order numbers: the one a schema-1 payload recorded, else the announcement's.
    public func pool(announced announcement: DrawAnnouncement?) -> [MemberID]? {
        schema1?.pool ?? announcement?.pool
    }

    /// The members in drawn order, named from `pool` (numbers outside it are left out).
    public func members(in pool: [MemberID]) -> [MemberID] {
        order.compactMap { pool.indices.contains($0 - 1) ? pool[$0 - 1] : nil }
    }

    // MARK: Refusals (R15)

    /// R15: a draw needs at least as many eligible members as seats left. Returns the refusal, or nil when the
    /// pool is large enough. The case decider calls this before announcing a draw.
    public static func checkPoolSize(eligible: Int, seatsLeft: Int) -> DrawError? {
        eligible < seatsLeft ? .poolTooSmall(eligible: eligible, seatsLeft: seatsLeft) : nil
    }

    // MARK: Seating and replacements

    /// The members who sit: the first `seats` members of the recorded order (named from `pool`) who are not
    /// `unavailable` (declined, revoked by a party, recused, no longer eligible). A replacement is therefore always
    /// the next member in the recorded order; no new randomness. When the order runs out, a new announced draw is
    /// needed (R15).
    public func seat(_ seats: Int, pool: [MemberID], unavailable: Set<MemberID>) -> Result<CellSeating, DrawError> {
        var chosen: [MemberID] = []
        var positions: [Int] = []
        var passedOver: [MemberID] = []
        var position = 0
        for number in order where pool.indices.contains(number - 1) {
            guard chosen.count < seats else { break }
            let id = pool[number - 1]
            position += 1
            if unavailable.contains(id) {
                passedOver.append(id)
            } else {
                chosen.append(id)
                positions.append(position)
            }
        }
        guard chosen.count >= seats else {
            return .failure(.orderExhausted(needed: seats, available: chosen.count))
        }
        return .success(CellSeating(members: chosen, orderPositions: positions, passedOver: passedOver))
    }

    // MARK: Verification

    /// Re-computes a recorded draw from its recorded inputs — the pool (the announcement's, or the one a schema-1
    /// payload recorded) and the entropy — and compares every recorded output: the pool's canonical order, its
    /// digest (the draw's, and the one announced before the entropy was known), its size, the key string, the
    /// verifiability label, then the selection order number by number (for a schema-1 payload, every recorded step,
    /// digest by digest).
    ///
    /// Without an announcement (and without a schema-1 pool) the pool's digest cannot be checked, only the order
    /// against ``poolSize``: the decider and the audit require an announcement before a draw.
    public static func verify(recorded: CellDraw, announcement: DrawAnnouncement?) -> DrawVerification {
        var found: [DrawDiscrepancy] = []
        var size = recorded.poolSize
        if let members = recorded.pool(announced: announcement) {
            if !DrawPool.isCanonical(members) { found.append(.poolNotCanonical) }
            let pool = try? DrawPool(members: members)
            let digest = pool?.digest ?? ""
            if digest != recorded.poolDigest {
                found.append(.poolDigest(recorded: recorded.poolDigest, recomputed: digest))
            }
            if let announced = announcement?.poolDigest, announced != digest {
                found.append(.poolDigestDiffersFromAnnouncement(announced: announced, recomputed: digest))
            }
            size = pool?.count ?? members.count
            if size != recorded.poolSize { found.append(.poolSize(recorded: recorded.poolSize, pool: size)) }
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
        let checked: Int
        if let recordedSteps = recorded.schema1?.steps {
            let steps = RFC3797.selectionOrder(poolSize: size, key: key, count: size)
            if let i = zip(recordedSteps, steps).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                found.append(.step(index: i, recorded: recordedSteps[i], recomputed: steps[i]))
            } else if recordedSteps.count != steps.count {
                found.append(.stepCount(recorded: recordedSteps.count, recomputed: steps.count))
            }
            checked = steps.count
        } else {
            let numbers = RFC3797.selectedNumbers(poolSize: size, key: key)
            if let i = zip(recorded.order, numbers).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            {
                found.append(.selection(index: i, recorded: recorded.order[i], recomputed: numbers[i]))
            } else if recorded.order.count != numbers.count {
                found.append(.stepCount(recorded: recorded.order.count, recomputed: numbers.count))
            }
            checked = numbers.count
        }
        return found.isEmpty ? .matches(stepsChecked: checked) : .differs(found)
    }
}

extension CellDraw: Codable {
    private enum Field: String, CodingKey {
        case poolDigest, poolSize, entropy, keyString, order, publiclyVerifiable
        // Schema 1 only.
        case pool, steps
    }

    /// Reads a `DrawPerformed` payload of either schema version: version 1 has `pool` and `steps` (and neither
    /// `poolSize` nor `order`), version 2 the reverse.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Field.self)
        poolDigest = try c.decode(String.self, forKey: .poolDigest)
        entropy = try c.decode(DrawEntropy.self, forKey: .entropy)
        keyString = try c.decode(String.self, forKey: .keyString)
        publiclyVerifiable = try c.decode(Bool.self, forKey: .publiclyVerifiable)
        if c.contains(.steps) || c.contains(.pool) {
            let pool = try c.decode([MemberID].self, forKey: .pool)
            let steps = try c.decode([RFC3797.Step].self, forKey: .steps)
            poolSize = pool.count
            order = steps.map(\.selected)
            schema1 = Schema1Record(pool: pool, steps: steps)
        } else {
            poolSize = try c.decode(Int.self, forKey: .poolSize)
            order = try c.decode([Int].self, forKey: .order)
            schema1 = nil
        }
    }

    /// Writes the schema-2 payload (a schema-1 value loses the pool and steps it recorded: both follow from the
    /// announcement and the key string).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Field.self)
        try c.encode(poolDigest, forKey: .poolDigest)
        try c.encode(poolSize, forKey: .poolSize)
        try c.encode(entropy, forKey: .entropy)
        try c.encode(keyString, forKey: .keyString)
        try c.encode(order, forKey: .order)
        try c.encode(publiclyVerifiable, forKey: .publiclyVerifiable)
    }
}

/// A recorded draw read with the pool it was performed on: its members by name and every RFC 3797 step re-computed
/// from the recorded key string (what `greffe audit draw` and the dossier show).
public struct AnnouncedDraw: Equatable, Sendable {
    /// The draw as recorded.
    public let record: CellDraw
    /// The pool its order numbers: the announcement's (or the one a schema-1 payload recorded); empty when neither
    /// is known.
    public let pool: [MemberID]

    public init(_ record: CellDraw, announcement: DrawAnnouncement?) {
        self.record = record
        self.pool = record.pool(announced: announcement) ?? []
    }

    public var poolDigest: String { record.poolDigest }
    public var entropy: DrawEntropy { record.entropy }
    public var keyString: String { record.keyString }
    public var publiclyVerifiable: Bool { record.publiclyVerifiable }
    /// The members in drawn order.
    public var order: [MemberID] { record.members(in: pool) }
    /// Every step of the recorded order (re-computed from the key string, or as a schema-1 payload recorded them).
    public var steps: [RFC3797.Step] {
        record.schema1?.steps
            ?? RFC3797.selectionOrder(poolSize: record.poolSize, key: record.keyString, count: record.poolSize)
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

    /// The message in French, as the command line prints it by default.
    public var fr: String {
        switch self {
        case .poolTooSmall(let eligible, let seats):
            return
                "R15 : \(eligible) membre(s) éligible(s) pour \(seats) siège(s) à pourvoir ; le tirage ne peut pas former la cellule"
        case .orderExhausted(let needed, let available):
            return
                "R15 : l'ordre enregistré ne donne que \(available) membre(s) disponible(s) pour \(needed) siège(s) ; "
                + "annoncez un nouveau tirage"
        case .sourceAlreadyKnown(let source, let known, let announced):
            return "R15 : la source d'aléa \(source) est connue le \(known), pas après l'annonce du \(announced) ; "
                + "choisissez une source dont les valeurs ne sont pas encore publiques"
        case .invalidPoolMember(let id):
            return
                "l'identifiant « \(id) » ne peut pas figurer dans une liste de tirage (vide ou avec un saut de ligne)"
        case .poolTooLarge(let n):
            return "une liste de \(n) membres dépasse la limite de la RFC 3797 (\(RFC3797.maximumPoolSize))"
        case .sourceCountMismatch(let announced, let given):
            return "\(announced) source(s) d'aléa annoncée(s), \(given) donnée(s)"
        case .announcementAltered:
            return "la liste annoncée ne correspond pas à son empreinte ou à son ordre enregistrés"
        case .entropy(let error):
            return error.fr
        case .notEnoughRandomBytes(let n):
            return "un tirage d'entraînement demande au moins 16 octets d'aléa, \(n) reçus"
        }
    }

    public var description: String { message }
}

/// The result of re-computing a recorded draw.
public enum DrawVerification: Equatable, Sendable {
    /// Everything re-computed equals the record; `stepsChecked` selections (MD5 digests) were re-computed and compared.
    case matches(stepsChecked: Int)
    /// What differs, inputs first, then the first differing step.
    case differs([DrawDiscrepancy])

    /// The first step (MD5 index, from 0) whose recorded values differ from the re-computed ones.
    public var firstDifferingStep: Int? {
        guard case .differs(let list) = self else { return nil }
        for d in list {
            switch d {
            case .step(let i, _, _), .selection(let i, _, _): return i
            default: continue
            }
        }
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
    /// The recorded size is not the pool's.
    case poolSize(recorded: Int, pool: Int)
    /// The first selection (from 0) whose recorded pool number differs from the re-computed one.
    case selection(index: Int, recorded: Int, recomputed: Int)
    /// A schema-1 payload: the first step whose digest, remainder, position or selected number differs.
    case step(index: Int, recorded: RFC3797.Step, recomputed: RFC3797.Step)
    /// The recorded order (or schema-1 steps) and the re-computed one differ in length.
    case stepCount(recorded: Int, recomputed: Int)
}
