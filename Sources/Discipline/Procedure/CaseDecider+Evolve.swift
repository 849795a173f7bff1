extension CaseDecider {
    /// Folds one event into the state. Total: it never refuses, because the event already happened.
    public static func evolve(_ state: CaseState, _ dated: DatedEvent) -> CaseState {
        var s = state
        evolve(&s, dated)
        return s
    }

    /// Folds one event into `s` in place (a replay folding a long log spares a copy of the whole state per event).
    public static func evolve(_ s: inout CaseState, _ dated: DatedEvent) {
        // A withdrawal or a correction changes what other records mean, not the state by itself: `CaseFold` applies it.
        if dated.event.isAmendment { return }
        // The erasure of the texts is no act of the procedure: it moves neither the opening nor the last act.
        if case .caseTextsErased(let p) = dated.event {
            s.textsErased = Dated(on: dated.on, value: p)
            return
        }
        let on = dated.on
        s.openedOn = min(s.openedOn ?? on, on)
        s.lastActOn = max(s.lastActOn ?? on, on)
        // R14 « pour mener à un nouvel appel »: the first call, draw announced or member joining recorded after a
        // recusal answers it (what was recorded before it, even on the same day, does not).
        switch dated.event {
        case .cellCalled, .volunteerAccepted, .drawAnnounced, .drawnMemberPresent:
            s.newCallsAfterRecusals = s.newCallsAfterRecusals.map { $0 ?? on }
        default: break
        }
        switch dated.event {
        case let .reportRecorded(p): s.reports.append(Dated(on: on, value: p))
        case let .complaintFiled(p): s.complaint = Dated(on: on, value: p)
        case let .boardMembersNotified(p): s.boardNotified = Dated(on: on, value: p)
        case let .boardMet(p): s.boardMeeting = Dated(on: on, value: p)
        case let .rapporteurDesignated(p): s.rapporteur = p
        case let .suspensionImposed(p): s.suspension = Dated(on: on, value: p)
        case let .evidenceAdded(p): s.evidence.append(Dated(on: on, value: p))
        case .disciplinaryFileCompleted: s.fileCompletedOn = on
        case let .victimHeard(p): s.hearings.append(Dated(on: on, value: p))
        case let .explanationRequested(p): s.explanation = Dated(on: on, value: p)
        case let .answerReceived(p): s.answers.append(Dated(on: on, value: p))
        case .answerWindowLapsed: s.answerWindowLapsedOn = on
        case let .accusedLeft(p): s.departures.append(Dated(on: on, value: p))
        case let .procedureStopped(p): s.stopped = Dated(on: on, value: p)
        case let .summaryWritten(p): s.summary = Dated(on: on, value: p)
        case let .cellCalled(p): s.cellCalls.append(Dated(on: on, value: p))
        case let .volunteerAccepted(p):
            s.cell.append(p.member)
            s.cellJoins.append(Dated(on: on, value: p.member))
        case let .memberRecused(p):
            s.recusals.append(Dated(on: on, value: p))
            s.newCallsAfterRecusals.append(nil)
            s.cell.removeAll { $0 == p.member }
        case let .drawAnnounced(p):
            s.drawAnnouncement = Dated(on: on, value: p)
            s.drawResult = nil
            s.drawDeclined = []
            s.drawTarget = s.cell.count + p.seatsLeft
        case let .drawPerformed(p):
            s.drawResult = Dated(on: on, value: p)
        case let .drawnMemberPresent(p):
            s.cell.append(p.member)
            s.cellJoins.append(Dated(on: on, value: p.member))
        case let .drawnMemberDeclined(p):
            s.drawDeclined.append(p.member)
        case .summarySentToCell: s.instructionEndedOn = on
        case let .cellMet(p): s.cellMeeting = Dated(on: on, value: p)
        case let .consensusReached(p): s.consensus = Dated(on: on, value: p)
        case let .cellVoteHeld(p): s.cellVote = Dated(on: on, value: p)
        case let .reintegrationVoteHeld(p): s.reintegrationVote = Dated(on: on, value: p)
        case let .judgementRendered(p): s.judgement = Dated(on: on, value: p)
        case let .referredToGeneralAssembly(p): s.referral = Dated(on: on, value: p)
        case .judgementSentToBoard: s.sentToBoardOn = on
        case let .decisionLetterReceived(p): s.lettersReceived.append(Dated(on: on, value: p))
        case .judgementExecuted:
            // The same act executes the cell's judgement, or later the GA's decision that replaced it.
            if s.generalAssemblySettled { s.generalAssemblyExecutedOn = on } else { s.executedOn = on }
        case let .appealLodged(p): s.appeals.append(Dated(on: on, value: p))
        case let .generalAssemblyDecided(p), let .generalAssemblyVoteFailed(p):
            s.generalAssemblyVotes.append(Dated(on: on, value: p))
            s.generalAssemblyQuestions.append(.sanction)
        case let .generalAssemblyReintegrationVoteHeld(p):
            s.generalAssemblyVotes.append(Dated(on: on, value: p))
            s.generalAssemblyQuestions.append(.reintegration)
        case let .explicitDecisionRecorded(p): s.explicitDecisions.append(Dated(on: on, value: p))
        case let .cellMemberReplaced(p):
            s.cellReplacements.append(Dated(on: on, value: p))
            s.cell.removeAll { $0 == p.member }
        case let .generalAssemblyResolutionRecorded(p): s.generalAssemblyResolution = Dated(on: on, value: p)
        case let .reparationMeasuresRecorded(p): s.reparations.append(Dated(on: on, value: p))
        case let .radiationAnnounced(p): s.radiations.append(Dated(on: on, value: p))
        case let .caseClosed(p): s.closed = Dated(on: on, value: p)
        case .recordWithdrawn, .recordCorrected, .caseTextsErased: break
        }
    }

    /// Replays a history from the initial state.
    public static func replay(_ events: [DatedEvent]) -> CaseState {
        events.reduce(initial, evolve)
    }
}
