import Foundation

/// Withdrawals and corrections of recorded acts, decided as every act is: pure, from the case's fold, the roster facts
/// and the rulebook, to an event or a `Refusal` (rule `rectification`, or the rule a later act would break).
///
/// A withdrawal or a correction is checked by deciding again every later act of the case, rebuilt from its events,
/// on the case as it would then read: if one would be refused, so is the withdrawal or the correction, naming that
/// act's record and rule. Who was called, drawn or joined the cell is not decided again: a draw's pool and entropy
/// were published, a member came and sat; a member a correction makes ineligible (now a witness) is replaced through
/// the procedure itself (`cell.replace`, ground `noLongerEligible`), and the summary cannot reach a cell that still
/// holds them (R16).
public enum Rectification {
    /// The roster facts as they stood on a day (what a later act is decided again with).
    public typealias Facts = (Day) -> CaseContext

    /// A withdrawal of the act record `sequence` belongs to, or why not.
    public static func withdrawal(
        of sequence: UInt64, reason: String, in fold: CaseFold, today: Day, facts: Facts, rulebook: Rulebook
    ) -> Result<CaseEvent, Refusal> {
        do throws(Refusal) {
            let (act, _) = try target(sequence, reason: reason, in: fold, withdrawing: true)
            let future = act.on > today
            if !future {
                try refuseByNature(act, in: fold, withdrawing: true)
                let after = fold.acts(withdrawing: Set(act.sequences))
                try recheck(
                    after, laterThan: act.sequence, facts: facts, rulebook: rulebook, what: "le retrait",
                    whatEn: "the withdrawal")
            }
            return .success(.recordWithdrawn(Withdrawal(records: act.sequences, reason: .clear(reason))))
        } catch {
            return .failure(error)
        }
    }

    /// A correction of the act record `sequence` belongs to: `command` is that act with the right values, on `day`.
    public static func correction(
        of sequence: UInt64, reason: String, command: CaseCommand, on day: Day, in fold: CaseFold, today: Day,
        facts: Facts, rulebook: Rulebook
    ) -> Result<CaseEvent, Refusal> {
        do throws(Refusal) {
            let (act, index) = try target(sequence, reason: reason, in: fold, withdrawing: false)
            if let refusal = FutureAct.refusal(day, today: today) { throw refusal }
            if act.on <= today { try refuseByNature(act, in: fold, withdrawing: false) }
            let original = CaseCommand.rebuilt(from: act.events)
            guard let original, original.typeName == command.typeName else {
                throw refusal(
                    "l'acte #\(act.sequence) est un autre acte (\(original?.typeName ?? act.events.first?.typeName ?? "?")) que la correction (\(command.typeName)) : une correction donne le même acte avec les bonnes valeurs",
                    "record #\(act.sequence) is another act (\(original?.typeName ?? act.events.first?.typeName ?? "?")) than the correction (\(command.typeName)): a correction gives the same act with the right values"
                )
            }
            let before = CaseFold.state(of: Array(fold.acts().prefix(index)))
            let events: [CaseEvent]
            switch CaseDecider.decide(before, command, context: facts(day), rulebook: rulebook, on: day) {
            case .success(let decided): events = decided
            case .failure(let refusal): throw refusal
            }
            if events == act.events, day == act.on {
                throw refusal(
                    "la correction de l'acte #\(act.sequence) ne change rien",
                    "the correction of record #\(act.sequence) changes nothing")
            }
            let correction = Correction(records: act.sequences, reason: .clear(reason), actDay: day, events: events)
            let after = fold.acts(correcting: correction)
            try recheck(
                after, laterThan: act.sequence, facts: facts, rulebook: rulebook, what: "la correction",
                whatEn: "the correction")
            return .success(.recordCorrected(correction))
        } catch {
            return .failure(error)
        }
    }

    static func refusal(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        let rule = RuleID.rectification
        return Refusal(
            rule, fr: "\(fr) (art. \(rule.article))", en: "\(en) (art. \(rule.article))",
            allowed: allowed, allowedEn: allowedEn)
    }

    /// The act of the case record `sequence` belongs to, and its index among the acts, or why it cannot be touched.
    /// A corrected act may still be withdrawn; an act withdrawn, or corrected already, is not corrected again.
    static func target(
        _ sequence: UInt64, reason: String, in fold: CaseFold, withdrawing: Bool
    ) throws(Refusal)
        -> (RecordedAct, Int)
    {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw refusal(
                "un retrait ou une correction donne sa raison (--reason)",
                "a withdrawal or a correction gives its reason (--reason)")
        }
        if let erased = fold.state.textsErased {
            throw Refusal(
                .R35,
                fr:
                    "les textes du dossier ont été effacés le \(erased.on.frenchDescription) : ses actes ne se retirent ni ne se rectifient plus (art. 6)",
                en:
                    "the case's texts were erased on \(erased.on): its acts are no longer withdrawn nor corrected (art. 6)"
            )
        }
        if let closed = fold.state.closed {
            throw refusal(
                "le dossier est clos depuis le \(closed.on.frenchDescription) : ses actes ne se retirent ni ne se rectifient plus",
                "the case was closed on \(closed.on): its acts are no longer withdrawn nor corrected")
        }
        guard let record = fold.records.first(where: { $0.sequence == sequence }) else {
            throw refusal(
                "l'enregistrement #\(sequence) n'est pas de ce dossier", "record #\(sequence) is not of this case")
        }
        if record.dated.event.isAmendment {
            throw refusal(
                "l'enregistrement #\(sequence) est lui-même un retrait ou une correction : il ne se retire ni ne se corrige",
                "record #\(sequence) is itself a withdrawal or a correction: it is neither withdrawn nor corrected")
        }
        if let done = fold.amendments[sequence], !(withdrawing && done.kind == .corrected) {
            let fr = done.kind == .withdrawn ? "retiré" : "rectifié"
            throw refusal(
                "l'enregistrement #\(sequence) est déjà \(fr) (#\(done.by))",
                "record #\(sequence) was already \(done.kind == .withdrawn ? "withdrawn" : "corrected") (#\(done.by))")
        }
        let acts = fold.acts()
        guard let index = acts.firstIndex(where: { $0.sequences.contains(sequence) }) else {
            throw refusal(
                "l'enregistrement #\(sequence) n'est pas de ce dossier", "record #\(sequence) is not of this case")
        }
        return (acts[index], index)
    }

    /// Acts that only the procedure itself changes: a draw once performed (its entropy was published; its
    /// announcement with it), a judgement once sent to the board (appeal, general assembly).
    static func refuseByNature(_ act: RecordedAct, in fold: CaseFold, withdrawing: Bool) throws(Refusal) {
        let later = fold.acts().filter { $0.sequence > act.sequence }.flatMap(\.events)
        let drawPerformedLater = later.contains { if case .drawPerformed = $0 { true } else { false } }
        let judgementSent = later.contains { if case .judgementSentToBoard = $0 { true } else { false } }
        for event in act.events {
            // (A `where` in a case with several patterns guards only the last one: the conditions are tested inside.)
            switch event {
            case .drawPerformed:
                throw refusal(
                    "le tirage au sort #\(act.sequence) a eu lieu et son entropie est publiée : seule la procédure le change (remplacement d'un membre de la cellule)",
                    "draw #\(act.sequence) was performed and its entropy published: only the procedure changes it (replacing a cell member)",
                    allowed: "greffe cell replace", allowedEn: "greffe cell replace")
            case .drawAnnounced:
                guard drawPerformedLater || !withdrawing else { continue }
                throw refusal(
                    "le tirage annoncé en #\(act.sequence) est publié : seule la procédure le change",
                    "the draw announced in #\(act.sequence) is published: only the procedure changes it",
                    allowed: "greffe cell replace", allowedEn: "greffe cell replace")
            case .judgementRendered, .consensusReached, .cellVoteHeld, .reintegrationVoteHeld:
                guard judgementSent else { continue }
                throw refusal(
                    "le jugement de l'acte #\(act.sequence) est transmis au Conseil : seuls le recours et l'Assemblée générale le changent",
                    "the judgement of record #\(act.sequence) was sent to the board: only an appeal and the general assembly change it",
                    allowed: "greffe appeal", allowedEn: "greffe appeal")
            default: continue
            }
        }
    }

    /// Decides again every act after `sequence` on the case as `acts` give it; the first refused names the refusal.
    static func recheck(
        _ acts: [RecordedAct], laterThan sequence: UInt64, facts: Facts, rulebook: Rulebook,
        what: String, whatEn: String
    ) throws(Refusal) {
        var state = CaseDecider.initial
        for act in acts {
            defer { for event in act.events { CaseDecider.evolve(&state, DatedEvent(on: act.on, event: event)) } }
            guard act.sequence > sequence, let command = CaseCommand.rebuilt(from: act.events) else { continue }
            switch command {
            case .announceDraw, .performDraw, .callCell, .acceptVolunteer, .drawnMemberPresent: continue
            default: break
            }
            if case .failure(let refused) = CaseDecider.decide(
                state, command, context: facts(act.on), rulebook: rulebook, on: act.on)
            {
                throw Refusal(
                    refused.rule,
                    fr:
                        "\(what) rendrait l'acte #\(act.sequence) (\(command.typeName)) irrecevable : \(refused.fr) ; retirer ou corriger d'abord cet acte (le dernier d'abord)",
                    en:
                        "\(whatEn) would make record #\(act.sequence) (\(command.typeName)) inadmissible: \(refused.en); withdraw or correct that act first (the last first)",
                    allowed: "retirer ou corriger d'abord l'acte #\(act.sequence)",
                    allowedEn: "withdraw or correct record #\(act.sequence) first")
            }
        }
    }
}

extension CaseCommand {
    /// The command that gave these events (one act's records), when it can be told from them; `nil` otherwise.
    public static func rebuilt(from events: [CaseEvent]) -> CaseCommand? {
        guard let first = events.first else { return nil }
        switch first {
        case .reportRecorded(let p): return .recordReport(p)
        case .complaintFiled(let p): return .fileComplaint(p)
        case .boardMembersNotified(let p): return .notifyBoard(p)
        case .boardMet(let p):
            guard events.count > 1, case .rapporteurDesignated(let d) = events[1] else { return nil }
            return .holdBoardMeeting(
                BoardMeeting(attendees: p.attendees, rapporteur: d.rapporteur, delegationReason: d.reason))
        case .suspensionImposed(let p):
            return .imposeSuspension(
                Suspension(responsibilities: p.responsibilities, access: p.access, blockedSpaces: p.blockedSpaces))
        case .evidenceAdded(let p): return .addEvidence(p)
        case .disciplinaryFileCompleted(let p): return .completeFile(p)
        case .victimHeard(let p): return .hearVictim(p)
        case .explanationRequested(let p): return .requestExplanation(p)
        case .answerReceived(let p): return .receiveAnswer(p)
        case .answerWindowLapsed(let p): return .lapseAnswerWindow(p)
        case .accusedLeft(let p): return .recordAccusedLeft(p)
        case .summaryWritten(let p): return .writeSummary(p)
        case .cellCalled(let p): return .callCell(p)
        case .volunteerAccepted(let p): return .acceptVolunteer(p)
        case .memberRecused(let p): return .recuse(p)
        case .cellMemberReplaced(let p): return .replaceCellMember(p)
        case .explicitDecisionRecorded(let p): return .recordExplicitDecision(p)
        case .drawAnnounced(let p): return .announceDraw(p)
        case .drawPerformed(let p): return .performDraw(p)
        case .drawnMemberPresent(let p): return .drawnMemberPresent(p)
        case .drawnMemberDeclined(let p): return .drawnMemberDeclined(p)
        case .summarySentToCell: return .sendSummaryToCell(Note())
        case .cellMet(let p): return .holdCellMeeting(p)
        case .consensusReached(let p): return .reachConsensus(p)
        case .cellVoteHeld(let v): return .holdCellVote(CellVote(proposals: v.proposals, ballots: v.ballots))
        case .reintegrationVoteHeld(let v):
            let probation = v.proposals.first { $0.id == Rulebook.SanctionID.probationaryReintegration }?.probation
            return .holdReintegrationVote(ReintegrationVote(ballots: v.ballots, probation: probation))
        case .referredToGeneralAssembly(let p): return .referToGeneralAssembly(p)
        case .judgementSentToBoard(let p): return .sendJudgementToBoard(p)
        case .decisionLetterReceived(let p): return .receiveDecisionLetter(p)
        case .judgementExecuted(let p): return .executeJudgement(p)
        case .appealLodged(let p): return .lodgeAppeal(p)
        case .generalAssemblyDecided(let v), .generalAssemblyVoteFailed(let v):
            return .recordGeneralAssemblyVote(
                GAVote(proposals: v.proposals, votes: v.votes, blanks: v.blanks, bodySize: v.bodySize))
        case .generalAssemblyReintegrationVoteHeld(let v):
            let probation = v.proposals.first { $0.id == Rulebook.SanctionID.probationaryReintegration }?.probation
            return .recordGeneralAssemblyReintegrationVote(
                GAReintegrationVote(votes: v.votes, blanks: v.blanks, bodySize: v.bodySize, probation: probation))
        case .generalAssemblyResolutionRecorded(let p): return .recordGeneralAssemblyResolution(p)
        case .reparationMeasuresRecorded(let p): return .recordReparation(p)
        case .radiationAnnounced(let p): return .announceRadiation(p)
        case .caseClosed(let p): return .closeCase(p)
        case .rapporteurDesignated, .procedureStopped, .judgementRendered, .recordWithdrawn, .recordCorrected,
            .caseTextsErased:
            return nil
        }
    }
}
