public import Discipline

/// One recorded vote re-counted from its ballots under the rulebook (R19, R20, R24).
public struct VoteAudit: Sendable {
    public enum Kind: String, Sendable {
        /// R19: the cell's vote on the judgement.
        case cellVote
        /// R20: the cell's vote between immediate and probationary reintegration.
        case reintegrationVote
        /// R24: the general assembly's vote.
        case generalAssembly
        /// R24: the general assembly's vote on the reintegration, after its sanction vote missed two-thirds.
        case generalAssemblyReintegrationVote
    }

    public var caseID: CaseID
    public var sequence: UInt64
    public var on: Day
    public var kind: Kind
    public var proposals: [Proposal]
    /// Each member's ballot (cell votes); empty for a general assembly, which records counts.
    public var ballots: [Ballot]
    /// Votes per option as recorded (general assembly) or counted from the ballots (cell).
    public var counts: [OptionVotes]
    public var blanks: Int
    public var bodySize: Int
    public var recordedTallies: [OptionTally]
    public var recordedAdopted: String?
    /// The tallies the ballots give under the rulebook, with the arithmetic written out.
    public var recomputedTallies: [OptionTally]
    public var recomputedAdopted: String?
    /// For a general assembly: the event type says decided (true) or failed (false).
    public var recordedAsDecided: Bool?

    /// A cell vote: `bodySize` is the cell as it stood just before the vote.
    public init(
        caseID: CaseID, sequence: UInt64, on day: Day, kind: Kind, record: VoteRecord, bodySize: Int,
        rulebook: Rulebook
    ) {
        let ballots = Ballots(record.ballots)
        let options = record.proposals.map(\.id)
        let tallies = ballots.tallies(options: options, bodySize: bodySize, rulebook: rulebook)
        self.init(
            caseID: caseID, sequence: sequence, on: day, kind: kind, proposals: record.proposals,
            ballots: record.ballots, counts: options.map { OptionVotes(option: $0, votes: ballots.votes(for: $0)) },
            blanks: ballots.blanks, bodySize: bodySize, recordedTallies: record.tallies,
            recordedAdopted: record.adopted, recomputedTallies: tallies, recomputedAdopted: tallies.adopted,
            recordedAsDecided: nil)
    }

    /// A general assembly's vote, recorded as decided or as failed.
    public init(
        caseID: CaseID, sequence: UInt64, on day: Day, record: GAVoteRecord, decided: Bool?,
        kind: Kind = .generalAssembly, rulebook: Rulebook
    ) {
        let counts = record.votes.reduce(0) { $0.addingReportingOverflow(max(0, $1.votes)).partialValue }
        let tallies = record.proposals.map { proposal in
            OptionTally(
                option: proposal.id,
                tally: rulebook.reachesTwoThirds(
                    yes: record.votes.first { $0.option == proposal.id }?.votes ?? 0, cast: counts,
                    blanks: record.blanks,
                    bodySize: record.bodySize))
        }
        self.init(
            caseID: caseID, sequence: sequence, on: day, kind: kind, proposals: record.proposals,
            ballots: [], counts: record.votes, blanks: record.blanks, bodySize: record.bodySize,
            recordedTallies: record.tallies, recordedAdopted: record.adopted, recomputedTallies: tallies,
            recomputedAdopted: tallies.adopted, recordedAsDecided: decided)
    }

    private init(
        caseID: CaseID, sequence: UInt64, on: Day, kind: Kind, proposals: [Proposal], ballots: [Ballot],
        counts: [OptionVotes], blanks: Int, bodySize: Int, recordedTallies: [OptionTally],
        recordedAdopted: String?, recomputedTallies: [OptionTally], recomputedAdopted: String?,
        recordedAsDecided: Bool?
    ) {
        self.caseID = caseID
        self.sequence = sequence
        self.on = on
        self.kind = kind
        self.proposals = proposals
        self.ballots = ballots
        self.counts = counts
        self.blanks = blanks
        self.bodySize = bodySize
        self.recordedTallies = recordedTallies
        self.recordedAdopted = recordedAdopted
        self.recomputedTallies = recomputedTallies
        self.recomputedAdopted = recomputedAdopted
        self.recordedAsDecided = recordedAsDecided
    }

    public var ok: Bool { problem == nil }

    /// The first disagreement between the record and the re-count (`nil` when they agree).
    public var problem: Words? {
        let recorded = Dictionary(recordedTallies.map { ($0.option, $0.tally) }, uniquingKeysWith: { a, _ in a })
        if recordedTallies.map(\.option) != recomputedTallies.map(\.option) {
            return Words(
                "options comptées \(recordedTallies.map(\.option)) au lieu des propositions \(recomputedTallies.map(\.option))",
                "options counted \(recordedTallies.map(\.option)) instead of the proposals \(recomputedTallies.map(\.option))"
            )
        }
        for option in recomputedTallies {
            guard let tally = recorded[option.option], tally != option.tally else { continue }
            return Words(
                "option \(option.option) : enregistré « \(tally.arithmetic) », les bulletins donnent « \(option.tally.arithmetic) »",
                "option \(option.option): recorded \"\(tally.arithmetic)\", the ballots give \"\(option.tally.arithmetic)\""
            )
        }
        if recordedAdopted != recomputedAdopted {
            return Words(
                "option adoptée enregistrée : \(recordedAdopted ?? "aucune") ; selon les bulletins : \(recomputedAdopted ?? "aucune")",
                "adopted option recorded: \(recordedAdopted ?? "none"); per the ballots: \(recomputedAdopted ?? "none")"
            )
        }
        if let decided = recordedAsDecided, decided != (recomputedAdopted != nil) {
            return decided
                ? Words(
                    "enregistré comme décision de l'AG alors qu'aucune option n'atteint le seuil",
                    "recorded as a GA decision although no option reaches the threshold")
                : Words(
                    "enregistré comme vote de l'AG sans décision alors qu'une option atteint le seuil",
                    "recorded as a failed GA vote although an option reaches the threshold")
        }
        return nil
    }
}

extension VoteAudit {
    /// The vote a case event records, re-counted; `nil` for any other event.
    public init?(caseID: CaseID, sequence: UInt64, event dated: DatedEvent, before: CaseState, rulebook: Rulebook) {
        switch dated.event {
        case .cellVoteHeld(let record):
            self.init(
                caseID: caseID, sequence: sequence, on: dated.on, kind: .cellVote, record: record,
                bodySize: before.cell.count, rulebook: rulebook)
        case .reintegrationVoteHeld(let record):
            self.init(
                caseID: caseID, sequence: sequence, on: dated.on, kind: .reintegrationVote, record: record,
                bodySize: before.cell.count, rulebook: rulebook)
        case .generalAssemblyDecided(let record):
            self.init(
                caseID: caseID, sequence: sequence, on: dated.on, record: record, decided: true, rulebook: rulebook)
        case .generalAssemblyVoteFailed(let record):
            self.init(
                caseID: caseID, sequence: sequence, on: dated.on, record: record, decided: false, rulebook: rulebook)
        case .generalAssemblyReintegrationVoteHeld(let record):
            self.init(
                caseID: caseID, sequence: sequence, on: dated.on, record: record, decided: nil,
                kind: .generalAssemblyReintegrationVote, rulebook: rulebook)
        default:
            return nil
        }
    }
}
