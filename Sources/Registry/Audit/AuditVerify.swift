import Discipline
public import EventLog
import Foundation

/// The checks of `greffe audit verify`, in the order they are reported.
public enum AuditCheck: Int, CaseIterable, Sendable {
    /// (1) The hash chain from the first record, and the stored head.
    case chain = 1
    /// (2) Every payload decodes as its event type, at a schema version this Greffe reads, with a valid day.
    case payloads
    /// (3) Every stream's versions are 1, 2, 3… in log order and the indexes point at the right records.
    case streams
    /// (4) Replaying every event from scratch gives exactly the stored projections.
    case replay
    /// (5) Every draw re-computes from its recorded inputs (RFC 3797) and was announced before its entropy.
    case draws
    /// (6) Every recorded vote's tallies and outcome follow from its ballots under the rulebook.
    case votes
    /// (7) A signed checkpoint kept outside the store: its signature, and the record it names still has its hash.
    case checkpoint

    public var name: Words {
        switch self {
        case .chain: Words("chaîne de hachage", "hash chain")
        case .payloads:
            Words("contenus lisibles (type et version de schéma)", "payloads decode (type and schema version)")
        case .streams:
            Words("versions des flux contiguës et index cohérents", "stream versions contiguous, indexes agree")
        case .replay:
            Words("rejouer le journal redonne les projections stockées", "replay equals the stored projections")
        case .draws: Words("tirages au sort recalculés", "draws re-computed")
        case .votes: Words("votes recomptés à partir des bulletins", "votes re-counted from their ballots")
        case .checkpoint: Words("point de contrôle signé", "signed checkpoint")
        }
    }

    /// A stable identifier for JSON output.
    public var key: String {
        switch self {
        case .chain: "chain"
        case .payloads: "payloads"
        case .streams: "streams"
        case .replay: "replay"
        case .draws: "draws"
        case .votes: "votes"
        case .checkpoint: "checkpoint"
        }
    }
}

/// What is wrong, and where: the record's sequence, or the projection key.
public struct AuditFinding: Equatable, Sendable {
    public var sequence: UInt64?
    public var key: String?
    public var words: Words
    public init(sequence: UInt64? = nil, key: String? = nil, _ words: Words) {
        self.sequence = sequence
        self.key = key
        self.words = words
    }
}

/// The outcome of one check, with what it counted.
public struct AuditCheckResult: Sendable {
    public enum Outcome: Equatable, Sendable {
        case passed
        /// The first thing found wrong; `count` items were checked, `failed` of them wrong.
        case failed(AuditFinding)
        /// The check could not run to its end (the log is unreadable past a record); nothing wrong found before.
        case incomplete(Words)
    }

    public var check: AuditCheck
    public var outcome: Outcome
    /// Items checked: records, payloads, streams, projection keys, draws, votes.
    public var count: Int
    /// Items found wrong (0 unless failed).
    public var failed: Int

    public var passed: Bool { outcome == .passed }
}

/// Where a long verification is, for a progress bar.
public struct AuditProgress: Sendable {
    public var check: AuditCheck
    public var done: UInt64
    public var total: UInt64
}

/// Everything `greffe audit verify` found.
public struct AuditReport: Sendable {
    public var head: LogHead
    public var checks: [AuditCheckResult]
    /// The rulebook the votes were re-counted under.
    public var rulebook: String

    public var isValid: Bool { checks.allSatisfy(\.passed) }

    /// The failure with the lowest sequence (findings without a sequence come last), and its check.
    public var firstFailure: (check: AuditCheck, finding: AuditFinding)? {
        checks.compactMap { result -> (AuditCheck, AuditFinding)? in
            if case .failed(let finding) = result.outcome { return (result.check, finding) }
            return nil
        }.min { ($0.1.sequence ?? .max, $0.0.rawValue) < ($1.1.sequence ?? .max, $1.0.rawValue) }
    }

    public func result(_ check: AuditCheck) -> AuditCheckResult? { checks.first { $0.check == check } }
}

/// Counts one check as it goes: the first failure is kept, every failure counted.
struct CheckTally {
    var count = 0
    var failed = 0
    var first: AuditFinding?

    mutating func pass() { count += 1 }
    mutating func fail(_ finding: AuditFinding) {
        count += 1
        failed += 1
        if first == nil { first = finding }
    }

    func result(_ check: AuditCheck, stoppedBy: Words? = nil) -> AuditCheckResult {
        if let first { return AuditCheckResult(check: check, outcome: .failed(first), count: count, failed: failed) }
        if let stoppedBy {
            return AuditCheckResult(check: check, outcome: .incomplete(stoppedBy), count: count, failed: 0)
        }
        return AuditCheckResult(check: check, outcome: .passed, count: count, failed: 0)
    }
}

extension Registry {
    /// Runs every audit check: the chain walk (1, 3), then one replay of every record (2, 4, 5, 6), then the signed
    /// checkpoint when one is given (7). Nothing stops at the first fault: each check reports its count and its first
    /// failure, so an auditor sees everything that is wrong.
    public func audit(
        checkpoint: Checkpoint? = nil, trustedKey: String? = nil,
        progress: ((AuditProgress) -> Void)? = nil
    ) throws -> AuditReport {
        let head = try store.head()
        var results = chainChecks(
            progress: progress.map { report in { report(AuditProgress(check: .chain, done: $0, total: head.sequence)) }
            })
        results += try replayChecks(total: head.sequence, progress: progress)
        if let checkpoint { results.append(try checkpointCheck(checkpoint, trustedKey: trustedKey)) }
        results.sort { $0.check.rawValue < $1.check.rawValue }
        return AuditReport(head: head, checks: results, rulebook: try procedureRulebooks().description)
    }

    /// (1) and (3): `EventStore.verify` walks both in one read transaction and stops at the first fault.
    func chainChecks(progress: ((UInt64) -> Void)?) -> [AuditCheckResult] {
        let report: VerificationReport
        do {
            report = try store.verify(progress: progress)
        } catch {
            let words = Words(
                "le journal ne peut pas être parcouru : \(readingWords(error).fr)",
                "the log cannot be walked: \(readingWords(error).en)")
            return [
                AuditCheckResult(
                    check: .chain, outcome: .failed(AuditFinding(sequence: 0, words)), count: 0, failed: 1),
                AuditCheckResult(check: .streams, outcome: .incomplete(words), count: 0, failed: 0)
            ]
        }
        let records = Int(report.recordsChecked)
        guard let failure = report.failure else {
            return [
                AuditCheckResult(check: .chain, outcome: .passed, count: records, failed: 0),
                AuditCheckResult(check: .streams, outcome: .passed, count: report.streamsSeen, failed: 0)
            ]
        }
        // The log's detail is in English only: French output gives it in parentheses, as `greffe log verify` does.
        let finding = AuditFinding(
            sequence: failure.sequence,
            Words(
                failure.kind.french + " (" + failure.detail + ")",
                failure.kind.english + ": " + failure.detail))
        let stopped = Words(
            "le parcours s'est arrêté à la séquence \(failure.sequence)",
            "the walk stopped at sequence \(failure.sequence)")
        switch failure.kind {
        case .streamIndex, .versionGap, .streamHead:
            return [
                AuditCheckResult(check: .chain, outcome: .incomplete(stopped), count: records, failed: 0),
                AuditCheckResult(check: .streams, outcome: .failed(finding), count: report.streamsSeen, failed: 1)
            ]
        default:
            return [
                AuditCheckResult(check: .chain, outcome: .failed(finding), count: records + 1, failed: 1),
                AuditCheckResult(check: .streams, outcome: .incomplete(stopped), count: report.streamsSeen, failed: 0)
            ]
        }
    }

    /// (2), (4), (5), (6) in one replay of the log, record by record.
    func replayChecks(total: UInt64, progress: ((AuditProgress) -> Void)?) throws -> [AuditCheckResult] {
        var payloads = CheckTally(), draws = CheckTally(), votes = CheckTally()
        var replay = RegistryReplay(base: rulebook)
        var stopped: Words?
        var cursor = store.records(from: 1)
        while true {
            let next: EventRecord?
            do {
                next = try cursor.next()
            } catch {
                stopped = Words(
                    "journal illisible au-delà de la séquence \(replay.lastSequence) : \(readingWords(error).fr)",
                    "the log is unreadable past sequence \(replay.lastSequence): \(readingWords(error).en)")
                break
            }
            guard let record = next else { break }
            if let progress, record.sequence % 4096 == 0 {
                progress(AuditProgress(check: .payloads, done: record.sequence, total: total))
            }
            if let problem = Self.schemaProblem(record) ?? Self.misplacedSealedText(record) {
                payloads.fail(AuditFinding(sequence: record.sequence, problem))
                continue
            }
            let folded: RegistryReplay.Folded
            do {
                folded = try replay.fold(record)
            } catch RegistryError.unreadableEvent(_, let type, let reason) {
                payloads.fail(
                    AuditFinding(
                        sequence: record.sequence,
                        Words("\(type) illisible : \(reason.fr)", "\(type) unreadable: \(reason.en)")))
                continue
            }
            payloads.pass()
            if case .pathRecord(let path) = folded {
                // Mediation draws (5.4) and revocation votes (4.5), re-computed like the crisis cell's.
                switch path.folded {
                case let .mediation(id, before, dated):
                    if case .drawPerformed(let draw) = dated.event {
                        let audit = DrawAudit(
                            mediation: id, sequence: record.sequence, performedOn: dated.on, draw: draw, before: before)
                        if let problem = audit.problem {
                            draws.fail(
                                AuditFinding(
                                    sequence: record.sequence, Words("\(id) : " + problem.fr, "\(id): " + problem.en)))
                        } else {
                            draws.pass()
                        }
                    }
                case let .revocation(id, _, dated):
                    if case .boardVoted(let vote) = dated.event {
                        if let problem = RevocationDecider.recount(
                            vote, rulebook: replay.procedures.inForce(on: dated.on))
                        {
                            votes.fail(
                                AuditFinding(
                                    sequence: record.sequence, Words("\(id) : " + problem, "\(id): " + problem)))
                        } else {
                            votes.pass()
                        }
                    }
                case .request:
                    break
                case let .amendment(id, dated):
                    // The GA's two-thirds on an amendment of the règlement (9), re-counted from its ballots.
                    if case .voted(let vote) = dated.event {
                        if let problem = AmendmentDecider.recount(
                            vote, rulebook: replay.procedures.inForce(on: dated.on))
                        {
                            votes.fail(
                                AuditFinding(
                                    sequence: record.sequence, Words("\(id) : " + problem, "\(id): " + problem)))
                        } else {
                            votes.pass()
                        }
                    }
                }
                continue
            }
            if case .outsiderRecord = folded, record.stream.hasPrefix(Registry.duesPrefix),
                record.type == "NonPaymentSuspensionVoted",
                case .suspensionVoted(let vote)? = try? NonPaymentEvent.decode(
                    type: record.type, payload: record.payload),
                let day = try? Registry.day(of: record)
            {
                // A member association's suspension by two-thirds of the board (2.3), re-counted from its ballots.
                if let problem = NonPaymentDecider.recount(vote, rulebook: replay.procedures.inForce(on: day)) {
                    votes.fail(
                        AuditFinding(
                            sequence: record.sequence,
                            Words("\(record.stream) : " + problem, "\(record.stream): " + problem)))
                } else {
                    votes.pass()
                }
                continue
            }
            guard case let .caseEvent(id, before, dated) = folded else { continue }
            if case .drawPerformed(let draw) = dated.event {
                let audit = DrawAudit(
                    caseID: id, sequence: record.sequence, performedOn: dated.on, draw: draw, before: before)
                if let problem = audit.problem {
                    draws.fail(
                        AuditFinding(sequence: record.sequence, Words("\(id) : " + problem.fr, "\(id): " + problem.en)))
                } else {
                    draws.pass()
                }
            }
            // The fold refuses a complaint naming a version never adopted, so the case's rulebook is known here.
            let caseRulebook = try replay.rulebook(for: before, of: id)
            if let audit = VoteAudit(
                caseID: id, sequence: record.sequence, event: dated, before: before, rulebook: caseRulebook)
            {
                if let problem = audit.problem {
                    votes.fail(
                        AuditFinding(sequence: record.sequence, Words("\(id) : " + problem.fr, "\(id): " + problem.en)))
                } else {
                    votes.pass()
                }
            }
        }
        let projections: AuditCheckResult
        if let stopped {
            projections = AuditCheckResult(check: .replay, outcome: .incomplete(stopped), count: 0, failed: 0)
        } else {
            projections = try projectionCheck(replay.projections())
        }
        return [
            payloads.result(.payloads, stoppedBy: stopped), projections,
            draws.result(.draws, stoppedBy: stopped), votes.result(.votes, stoppedBy: stopped)
        ]
    }

    /// Why a record's envelope names a type or schema version this Greffe does not read (`nil` when it does).
    static func schemaProblem(_ record: EventRecord) -> Words? {
        let known: (types: [String], versions: ClosedRange<Int>)
        if record.stream.hasPrefix("case/") {
            known = (CaseEvent.typeNames, CaseEvent.readableSchemaVersions(of: record.type) ?? 1...1)
        } else if record.stream.hasPrefix("member/") {
            known = (MemberEvent.typeNames, MemberEvent.schemaVersion...MemberEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.ladderPrefix) {
            known = (LadderEvent.typeNames, LadderEvent.schemaVersion...LadderEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.mediationPrefix) {
            known = (MediationEvent.typeNames, MediationEvent.schemaVersion...MediationEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.revocationPrefix) {
            known = (RevocationEvent.typeNames, RevocationEvent.schemaVersion...RevocationEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.requestPrefix) {
            known = (CrisisRequestEvent.typeNames, CrisisRequestEvent.schemaVersion...CrisisRequestEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.amendmentPrefix) {
            known = (AmendmentEvent.typeNames, AmendmentEvent.schemaVersion...AmendmentEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.duesPrefix) {
            known = (NonPaymentEvent.typeNames, NonPaymentEvent.schemaVersion...NonPaymentEvent.schemaVersion)
        } else if record.stream.hasPrefix(Registry.assemblyRequestPrefix) {
            known = ([AssemblyRequest.typeName], AssemblyRequest.schemaVersion...AssemblyRequest.schemaVersion)
        } else if record.stream.hasPrefix(Registry.outsiderPrefix) {
            known = (OutsiderEvent.typeNames, OutsiderEvent.schemaVersion...OutsiderEvent.schemaVersion)
        } else if record.stream == Registry.registryStream {
            known = ([RulebookAdopted.typeName], RulebookAdopted.schemaVersion...RulebookAdopted.schemaVersion)
        } else if record.stream == Registry.assemblyStream {
            known = (AssemblyEvent.typeNames, AssemblyEvent.schemaVersion...AssemblyEvent.schemaVersion)
        } else {
            return Words("flux inconnu \(record.stream)", "unknown stream \(record.stream)")
        }
        guard known.types.contains(record.type) else {
            return Words("type d'événement inconnu \(record.type)", "unknown event type \(record.type)")
        }
        let versions = known.versions
        guard versions.contains(Int(record.event.schemaVersion)) else {
            let found = record.event.schemaVersion
            if versions.count == 1 {
                return Words(
                    "\(record.type) en version de schéma \(found), seule la \(versions.lowerBound) est connue",
                    "\(record.type) at schema version \(found); only \(versions.lowerBound) is known")
            }
            return Words(
                "\(record.type) en version de schéma \(found), seules les versions \(versions.lowerBound) à \(versions.upperBound) sont connues",
                "\(record.type) at schema version \(found); only versions \(versions.lowerBound) to \(versions.upperBound) are known"
            )
        }
        return nil
    }

    /// (4): the replayed projections against the stored ones, key by key in key order.
    func projectionCheck(_ replayed: [String: [UInt8]]) throws -> AuditCheckResult {
        let stored = try storedProjections()
        var tally = CheckTally()
        for key in Set(stored.keys).union(replayed.keys).sorted() {
            switch (stored[key], replayed[key]) {
            case let (s?, r?) where s == r:
                tally.pass()
            case (nil, _):
                tally.fail(
                    AuditFinding(
                        key: key,
                        Words(
                            "manque dans les projections stockées (index d'une version antérieure ? `greffe log reindex` les reconstruit du journal)",
                            "missing from the stored projections (an index of an older version? `greffe log reindex` rebuilds them from the log)"
                        )))
            case (_, nil):
                tally.fail(
                    AuditFinding(
                        key: key,
                        Words(
                            "stocké mais ne découle d'aucun événement",
                            "stored but follows from no event")))
            default:
                tally.fail(
                    AuditFinding(
                        key: key,
                        Words(
                            "la valeur stockée diffère du rejeu du journal",
                            "the stored value differs from the replay of the log")))
            }
        }
        return tally.result(.replay)
    }

    /// (7): the receipt's signature, then the record it names (and the chain after it) through `verify(from:)`.
    func checkpointCheck(_ checkpoint: Checkpoint, trustedKey: String?) throws -> AuditCheckResult {
        func failed(_ words: Words) -> AuditCheckResult {
            AuditCheckResult(
                check: .checkpoint, outcome: .failed(AuditFinding(sequence: checkpoint.sequence, words)),
                count: 1, failed: 1)
        }
        if let problem = checkpoint.signatureProblem(trusting: trustedKey) { return failed(problem) }
        // A receipt carries its own public key: anyone can sign one, so only a key trusted from elsewhere proves it.
        guard let trustedKey, !trustedKey.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return failed(
                Words(
                    "aucune clé publique de confiance : un reçu signé par sa propre clé ne prouve rien (un faussaire peut signer le sien) ; donnez la clé publique de l'auditeur (--public-key)",
                    "no trusted public key: a receipt signed by its own key proves nothing (a forger can sign one); give the auditor's public key (--public-key)"
                ))
        }
        guard let head = checkpoint.head else { return failed(Words("hachage illisible", "unreadable hash")) }
        let report = try store.verify(from: head)
        if let failure = report.failure, failure.kind == .checkpointMismatch || failure.sequence == checkpoint.sequence
        {
            return failed(
                Words(
                    "l'enregistrement \(checkpoint.sequence) n'a plus le hachage du reçu du \(checkpoint.day) : \(failure.detail)",
                    "record \(checkpoint.sequence) no longer has the hash of the receipt of \(checkpoint.day): \(failure.detail)"
                ))
        }
        return AuditCheckResult(check: .checkpoint, outcome: .passed, count: 1, failed: 0)
    }
}

extension VerificationFailure.Kind {
    /// What went wrong, in French.
    public var french: String {
        switch self {
        case .missingRecord: return "enregistrement manquant (supprimé)"
        case .misplacedRecord: return "enregistrement déplacé (ou échangé)"
        case .undecodable: return "enregistrement illisible"
        case .brokenChain: return "chaîne rompue (hachage précédent différent)"
        case .hashMismatch: return "contenu modifié (hachage différent)"
        case .streamIndex: return "index de flux incohérent"
        case .versionGap: return "versions de flux non contiguës"
        case .streamHead: return "têtes de flux incohérentes avec les enregistrements"
        case .headMismatch: return "tête du journal incohérente (fin supprimée ?)"
        case .checkpointMismatch: return "différent du point de contrôle de confiance"
        }
    }

    /// What went wrong, in English.
    public var english: String {
        switch self {
        case .missingRecord: return "missing record (deleted)"
        case .misplacedRecord: return "misplaced (or swapped) record"
        case .undecodable: return "unreadable record"
        case .brokenChain: return "broken chain (previous hash differs)"
        case .hashMismatch: return "content changed (hash differs)"
        case .streamIndex: return "stream index disagrees"
        case .versionGap: return "stream versions not contiguous"
        case .streamHead: return "stream heads disagree with the records"
        case .headMismatch: return "log head disagrees (end deleted?)"
        case .checkpointMismatch: return "differs from the trusted checkpoint"
        }
    }
}
