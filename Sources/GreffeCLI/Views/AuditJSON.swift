import Discipline
import Registry

// The JSON of `audit report`, `audit draw` and `audit replay`. Keys as documented in docs/cli.md and docs/audit.md;
// absent values are `null` where the report has always written them so.

/// A re-computed draw (`audit draw --json`'s `draws`, `audit report --json`'s `draws`).
struct DrawAuditJSON: Encodable {
    var sequence: UInt64
    var announcedOn: OrNull<String>
    var performedOn: String
    var poolSize: Int
    var poolDigest: String
    var keyString: String
    var publiclyVerifiable: Bool
    var announcedBeforeEntropy: Bool
    var order: [String]
    var ok: Bool
    /// The digests compared, when the draw re-computes identically.
    var stepsChecked: Int?
    /// What differs, when it does not.
    var differences: [String]?

    init(_ d: DrawAudit) {
        sequence = d.sequence
        announcedOn = OrNull(d.announcement?.on.description)
        performedOn = d.performedOn.description
        poolSize = d.draw.pool.count
        poolDigest = d.draw.poolDigest
        keyString = d.draw.keyString
        publiclyVerifiable = d.draw.publiclyVerifiable
        announcedBeforeEntropy = d.announcedBeforeEntropy
        order = d.draw.order.map(\.rawValue)
        ok = d.ok
        switch d.verification {
        case .matches(let steps): stepsChecked = steps
        case .differs(let found): differences = found.map { "\($0)" }
        }
    }
}

/// `greffe audit draw CASE --json`.
struct DrawAuditsJSON: Encodable {
    var `case`: String
    var draws: [DrawAuditJSON]
    var ok: Bool
}

/// A vote re-counted from its ballots.
struct VoteAuditJSON: Encodable {
    struct BallotView: Encodable {
        var member: String
        var option: OrNull<String>
    }

    struct Count: Encodable {
        var option: String
        var votes: Int
    }

    struct Tally: Encodable {
        var option: String
        var yes: Int
        var base: Int
        var reached: Bool
        var arithmetic: String
    }

    var sequence: UInt64
    var on: String
    var kind: String
    var bodySize: Int
    var blanks: Int
    var ballots: [BallotView]
    var counts: [Count]
    var tallies: [Tally]
    var recordedAdopted: OrNull<String>
    var adopted: OrNull<String>
    var ok: Bool
    var problem: OrNull<String>

    init(_ v: VoteAudit, _ l: Language) {
        sequence = v.sequence
        on = v.on.description
        kind = v.kind.rawValue
        bodySize = v.bodySize
        blanks = v.blanks
        ballots = v.ballots.map { BallotView(member: $0.member.rawValue, option: OrNull($0.option)) }
        counts = v.counts.map { Count(option: $0.option, votes: $0.votes) }
        tallies = v.recomputedTallies.map {
            Tally(
                option: $0.option, yes: $0.tally.yes, base: $0.tally.base, reached: $0.tally.reached,
                arithmetic: $0.tally.arithmetic)
        }
        recordedAdopted = OrNull(v.recordedAdopted)
        adopted = OrNull(v.recomputedAdopted)
        ok = v.ok
        problem = OrNull(v.problem?.t(l))
    }
}

/// One case of `greffe audit report --json`.
struct CaseAuditJSON: Encodable {
    struct RulebookView: Encodable {
        var id: String
        var version: Int
    }

    struct DeadlineView: Encodable {
        var rule: String
        var labelFr: String
        var labelEn: String
        var from: OrNull<String>
        var due: OrNull<String>
        var done: OrNull<String>
        var state: String
        var marginDays: OrNull<Int>
        var breach: Bool
    }

    struct Replacement: Encodable {
        var on: String
        var member: String
        var ground: String
        var reason: String
    }

    struct Rectification: Encodable {
        var sequence: UInt64
        var on: String
        var actor: String
        var kind: String
        var records: [UInt64]
        var reason: String
    }

    var `case`: String
    var step: String
    var openedOn: OrNull<String>
    var lastActOn: OrNull<String>
    var asOf: String
    var records: Int
    var rulebook: RulebookView
    var deadlines: [DeadlineView]
    var votes: [VoteAuditJSON]
    var draws: [DrawAuditJSON]
    var cellReplacements: [Replacement]
    var rectifications: [Rectification]

    init(_ a: CaseAudit, _ l: Language, _ reveal: Reveal) {
        `case` = a.id.rawValue
        step = a.step.rawValue
        openedOn = OrNull(a.openedOn?.description)
        lastActOn = OrNull(a.lastActOn?.description)
        asOf = a.asOf.description
        records = a.records
        rulebook = RulebookView(id: a.rulebook.id, version: a.rulebook.version)
        deadlines = a.deadlines.map { d in
            DeadlineView(
                rule: d.rule.rawValue, labelFr: d.labelFr, labelEn: d.labelEn, from: OrNull(d.from?.description),
                due: OrNull(d.due?.description), done: OrNull(d.done?.description), state: d.state.rawValue,
                marginDays: OrNull(d.marginDays), breach: d.breach)
        }
        votes = a.votes.map { VoteAuditJSON($0, l) }
        draws = a.draws.map(DrawAuditJSON.init)
        cellReplacements = a.cellReplacements.map {
            Replacement(
                on: $0.on.description, member: $0.value.member.rawValue, ground: $0.value.ground.rawValue,
                reason: reveal($0.value.reason))
        }
        rectifications = a.rectifications.map {
            Rectification(
                sequence: $0.sequence, on: $0.on.description, actor: $0.actor,
                kind: $0.withdrawn ? "withdrawal" : "correction", records: $0.records, reason: reveal($0.reason))
        }
    }
}

/// `greffe audit report --json`.
struct AuditReportJSON: Encodable {
    var asOf: String
    var rulebook: String
    var note: String
    var cases: [CaseAuditJSON]
}

/// `greffe audit replay --until N --json`: the registry as it stood after record N.
struct ReplayJSON: Encodable {
    struct Case: Encodable {
        var `case`: String
        var step: String
        var version: UInt64
        var openedOn: OrNull<String>
        var lastActOn: OrNull<String>
    }

    var until: UInt64
    var hash: String
    var occurredOn: String
    var members: Int
    var membersPresent: Int
    var cases: [Case]
}
