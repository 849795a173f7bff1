/// A value with the day it happened.
public struct Dated<Value: Equatable & Sendable>: Equatable, Sendable {
    /// The day of the act.
    public var on: Day
    /// What the act recorded.
    public var value: Value
    public init(on: Day, value: Value) {
        self.on = on
        self.value = value
    }
}

/// Where a case stands in the 13 steps of Article 5.6.
public enum CaseStep: String, Codable, Sendable, CaseIterable {
    case empty
    case reportsOnly
    case awaitingBoardMeeting
    case investigation
    case awaitingAnswer
    case awaitingSummary
    case constitutingCell
    case awaitingCellMeeting
    case deliberation
    case awaitingReintegrationVote
    case awaitingGeneralAssemblyReferral
    case referredToGeneralAssembly
    case judged
    case awaitingExecution
    case executed
    case generalAssemblyDecided
    case appealPending
    case awaitingGeneralAssemblyResolution
    case awaitingGeneralAssemblyReintegrationVote
    case stopped
    case closed

    public var fr: String {
        switch self {
        case .empty: "aucun acte"
        case .reportsOnly: "signalements seulement (aucune procédure)"
        case .awaitingBoardMeeting: "plainte déposée, réunion du Conseil d'administration attendue"
        case .investigation: "enquête interne et rédaction du dossier disciplinaire"
        case .awaitingAnswer: "demande d'explication envoyée, réponse attendue"
        case .awaitingSummary: "synthèse récapitulative à rédiger"
        case .constitutingCell: "constitution de la cellule de crise"
        case .awaitingCellMeeting: "instruction close, réunion de la cellule attendue"
        case .deliberation: "cellule réunie, décision par consensus ou vote"
        case .awaitingReintegrationVote: "deux tiers non atteints, vote sur la réintégration attendu"
        case .awaitingGeneralAssemblyReferral:
            "deux tiers non atteints dans tous les votes, renvoi à l'Assemblée générale"
        case .referredToGeneralAssembly: "renvoyé à l'Assemblée générale la plus proche"
        case .judged: "jugement rendu, à envoyer au Conseil d'administration"
        case .awaitingExecution: "jugement reçu par le Conseil d'administration, exécution attendue"
        case .executed: "jugement exécuté"
        case .generalAssemblyDecided: "l'Assemblée générale a statué, exécution par le Conseil attendue"
        case .appealPending: "recours formé, Assemblée générale attendue"
        case .awaitingGeneralAssemblyResolution:
            "l'Assemblée générale n'a pas atteint les deux tiers : le règlement est muet, décision explicite requise"
        case .awaitingGeneralAssemblyReintegrationVote:
            "l'Assemblée générale n'a pas atteint les deux tiers sur la sanction : vote sur la réintégration attendu"
        case .stopped: "procédure arrêtée (départ de la personne mise en cause)"
        case .closed: "dossier clos"
        }
    }

    public var en: String {
        switch self {
        case .empty: "nothing recorded"
        case .reportsOnly: "reports only (no procedure)"
        case .awaitingBoardMeeting: "complaint filed, board meeting due"
        case .investigation: "internal investigation and disciplinary file"
        case .awaitingAnswer: "explanation requested, answer awaited"
        case .awaitingSummary: "summary to write"
        case .constitutingCell: "forming the crisis cell"
        case .awaitingCellMeeting: "instruction closed, cell meeting due"
        case .deliberation: "cell met, decision by consensus or vote"
        case .awaitingReintegrationVote: "two-thirds missed, reintegration vote due"
        case .awaitingGeneralAssemblyReferral: "two-thirds missed in every vote, referral to the general assembly"
        case .referredToGeneralAssembly: "referred to the nearest general assembly"
        case .judged: "judgement rendered, to send to the board"
        case .awaitingExecution: "judgement received by the board, execution due"
        case .executed: "judgement executed"
        case .generalAssemblyDecided: "the general assembly decided, execution by the board due"
        case .appealPending: "appeal lodged, general assembly awaited"
        case .awaitingGeneralAssemblyResolution:
            "the general assembly missed two-thirds: the rules are silent, an explicit decision is required"
        case .awaitingGeneralAssemblyReintegrationVote:
            "the general assembly missed two-thirds on the sanction: reintegration vote due"
        case .stopped: "procedure stopped (the accused left)"
        case .closed: "case closed"
        }
    }
}

/// A suspension in force: the board's (R07) or the one that runs during an appeal (R25).
public struct ActiveSuspension: Equatable, Sendable {
    public var rule: RuleID
    public var accused: [MemberID]
    public var from: Day
    /// What ends it, in words (it has no fixed end day).
    public var untilFr: String
    public var untilEn: String
    public var blockedSpaces: [Sealed]
}

/// The decision in force and where it came from.
public struct Outcome: Equatable, Sendable {
    public enum Source: String, Sendable { case cell, generalAssembly, generalAssemblyResolution }
    public var source: Source
    public var on: Day
    public var sanctions: [String]
    public var probation: Probation?
    /// The option adopted by a vote, when the outcome is one.
    public var description: String?
    /// The reason given with the outcome (a general assembly's resolution), revealed when rendered.
    public var reason: Sealed? = nil
    /// What a general assembly's resolution resolved, in its words (sealed), revealed when rendered.
    public var resolution: Sealed? = nil
}

/// Everything the log says about one case, folded by `CaseDecider.evolve`.
public struct CaseState: Equatable, Sendable {
    // Facts folded from the events, each with the day of its act. Read-only outside the module: only `evolve`
    // changes a state, so a state always matches a history.
    public internal(set) var openedOn: Day?
    public internal(set) var lastActOn: Day?
    public internal(set) var reports: [Dated<ReportFacts>] = []
    public internal(set) var complaint: Dated<ComplaintFacts>?
    public internal(set) var boardNotified: Dated<BoardNotification>?
    public internal(set) var boardMeeting: Dated<BoardMet>?
    public internal(set) var rapporteur: RapporteurDesignation?
    public internal(set) var suspension: Dated<SuspensionImposed>?
    public internal(set) var evidence: [Dated<Evidence>] = []
    public internal(set) var fileCompletedOn: Day?
    public internal(set) var hearings: [Dated<VictimHearing>] = []
    public internal(set) var explanation: Dated<ExplanationRequest>?
    public internal(set) var answers: [Dated<Answer>] = []
    public internal(set) var answerWindowLapsedOn: Day?
    public internal(set) var departures: [Dated<Departure>] = []
    public internal(set) var stopped: Dated<ProcedureStop>?
    public internal(set) var summary: Dated<Summary>?
    public internal(set) var cellCalls: [Dated<CellCall>] = []
    /// The crisis cell as it stands, in joining order.
    public internal(set) var cell: [MemberID] = []
    /// Every joining, to tell when the new call after a recusal was answered (R14).
    public internal(set) var cellJoins: [Dated<MemberID>] = []
    public internal(set) var recusals: [Dated<Recusal>] = []
    /// Cell members replaced by the rapporteur or the board (5.6.9): no party's recusal is used.
    public internal(set) var cellReplacements: [Dated<CellReplacement>] = []
    /// The board's explicit decisions where the text is silent, with their reasons.
    public internal(set) var explicitDecisions: [Dated<ExplicitDecision>] = []
    /// For each recusal, in order: the day of the new call it leads to (R14: a call, a draw announced or a member
    /// joining, recorded after the recusal), `nil` while none came.
    public internal(set) var newCallsAfterRecusals: [Day?] = []
    public internal(set) var drawAnnouncement: Dated<DrawAnnouncement>?
    public internal(set) var drawResult: Dated<CellDraw>?
    /// The cell size the announced draw fills up to (the cell's size then, plus the seats it had left).
    public internal(set) var drawTarget = 0
    /// Drawn members who declined since the draw was performed (R15): the next ones in the order replace them.
    public internal(set) var drawDeclined: [MemberID] = []
    public internal(set) var instructionEndedOn: Day?
    public internal(set) var cellMeeting: Dated<CellMeeting>?
    public internal(set) var consensus: Dated<Decision>?
    public internal(set) var cellVote: Dated<VoteRecord>?
    public internal(set) var reintegrationVote: Dated<VoteRecord>?
    public internal(set) var judgement: Dated<Judgement>?
    public internal(set) var referral: Dated<GAReferral>?
    public internal(set) var sentToBoardOn: Day?
    /// The board executed the cell's judgement (R22).
    public internal(set) var executedOn: Day?
    /// The board executed the general assembly's decision (after an appeal or a referral).
    public internal(set) var generalAssemblyExecutedOn: Day?
    public internal(set) var lettersReceived: [Dated<MemberRef>] = []
    public internal(set) var appeals: [Dated<Appeal>] = []
    public internal(set) var generalAssemblyVotes: [Dated<GAVoteRecord>] = []
    /// What each of `generalAssemblyVotes` decided on: the sanction, or the reintegration that follows a failed
    /// sanction vote (R24, « selon les mêmes modalités que la cellule de crise »).
    public internal(set) var generalAssemblyQuestions: [GAQuestion] = []
    public internal(set) var generalAssemblyResolution: Dated<GAResolution>?
    public internal(set) var reparations: [Dated<Reparation>] = []
    public internal(set) var radiations: [Dated<Radiation>] = []
    public internal(set) var closed: Dated<Closure>?
    /// R35: the day the case's texts were erased (its key destroyed), and the act's record.
    public internal(set) var textsErased: Dated<CaseTextsErasure>?

    public init() {}

    // MARK: Parties

    public var accused: [Party] { complaint?.value.accused ?? [] }
    public var complainants: [Party] { complaint?.value.complainants ?? [] }
    public var victims: [Party] { complaint?.value.victims ?? [] }
    public var accusedIDs: [MemberID] { accused.map(\.id) }
    /// The accused and the victims: who may revoke (R14), receive the decision and appeal (R23).
    public var partiesWithRights: [MemberID] { accused.map(\.id) + victims.map(\.id) }

    public func isParty(_ m: MemberID) -> Bool {
        accused.contains { $0.id == m } || complainants.contains { $0.id == m } || victims.contains { $0.id == m }
    }

    /// Recusals already made by this party (R14).
    public func recusalsUsed(by party: MemberID) -> Int { recusals.filter { $0.value.by == party }.count }
    /// Members revoked by a party: they cannot be called again (R14).
    public var revoked: [MemberID] { recusals.map(\.value.member) }
    /// Members replaced by the rapporteur or the board: they cannot be called again either (5.6.9).
    public var replaced: [MemberID] { cellReplacements.map(\.value.member) }

    // MARK: Progress

    /// Every accused answered, those who left included: a departure is no answer (R10).
    public var everyAccusedAnswered: Bool {
        let answered = Set(answers.map(\.value.from))
        return !accused.isEmpty && accused.allSatisfy { answered.contains($0.id) }
    }

    /// The day R12's summary deadline runs from: the last answer when every accused answered within the window,
    /// else the window's last day once the silence is noted.
    public func answerOrWindowEnd(rulebook: Rulebook) -> Day? {
        guard let e = explanation else { return nil }
        let end = rulebook.deadlines.answerWindow.period.end(from: e.on)
        if everyAccusedAnswered, let last = answers.map(\.on).max() { return min(last, end) }
        return answerWindowLapsedOn != nil ? end : nil
    }

    /// The cell's failed votes leave this to the GA (R21).
    var allCellVotesFailed: Bool {
        cellVote.map { $0.value.adopted == nil } == true
            && reintegrationVote.map { $0.value.adopted == nil } == true
    }

    /// GA votes and resolution after the last appeal or the referral.
    var generalAssemblyDecision: Dated<GAVoteRecord>? { generalAssemblyVotes.last { $0.value.adopted != nil } }
    var generalAssemblyFailed: Bool {
        !generalAssemblyVotes.isEmpty && generalAssemblyDecision == nil && generalAssemblyResolution == nil
    }
    /// The GA's vote on the sanction missed two-thirds: its vote on the reintegration comes next (R24).
    public var generalAssemblyAwaitsReintegrationVote: Bool {
        generalAssemblyFailed && generalAssemblyQuestions.last == .sanction
    }
    /// Both GA votes missed two-thirds: only there is the text silent (R24).
    public var generalAssemblyReintegrationFailed: Bool {
        generalAssemblyFailed && generalAssemblyQuestions.last == .reintegration
    }
    /// The GA has settled the matter (by two-thirds or by an explicit resolution).
    public var generalAssemblySettled: Bool { generalAssemblyDecision != nil || generalAssemblyResolution != nil }
    /// An appeal or a referral waits for the GA.
    public var awaitsGeneralAssembly: Bool { (!appeals.isEmpty || referral != nil) && !generalAssemblySettled }

    /// An appeal waits for the general assembly (R23–R25).
    public var appealPending: Bool { !appeals.isEmpty && !generalAssemblySettled }

    /// The current step.
    public var step: CaseStep {
        if closed != nil { return .closed }
        if generalAssemblyFailed {
            return generalAssemblyAwaitsReintegrationVote
                ? .awaitingGeneralAssemblyReintegrationVote
                : .awaitingGeneralAssemblyResolution
        }
        if !appeals.isEmpty && !generalAssemblySettled { return .appealPending }
        if stopped != nil { return .stopped }
        if generalAssemblySettled { return generalAssemblyExecutedOn != nil ? .executed : .generalAssemblyDecided }
        if referral != nil { return .referredToGeneralAssembly }
        if judgement != nil {
            if executedOn != nil { return .executed }
            return sentToBoardOn != nil ? .awaitingExecution : .judged
        }
        if allCellVotesFailed { return .awaitingGeneralAssemblyReferral }
        if cellVote != nil { return .awaitingReintegrationVote }
        if cellMeeting != nil { return .deliberation }
        if instructionEndedOn != nil { return .awaitingCellMeeting }
        if summary != nil { return .constitutingCell }
        if explanation != nil {
            return (everyAccusedAnswered || answerWindowLapsedOn != nil) ? .awaitingSummary : .awaitingAnswer
        }
        if boardMeeting != nil { return .investigation }
        if complaint != nil { return .awaitingBoardMeeting }
        return reports.isEmpty ? .empty : .reportsOnly
    }

    /// The decision in force: the GA's over the cell's.
    public var outcome: Outcome? {
        if let r = generalAssemblyResolution {
            return Outcome(
                source: .generalAssemblyResolution, on: r.on, sanctions: r.value.sanctions,
                probation: nil, description: nil, reason: r.value.reason, resolution: r.value.outcome)
        }
        if let d = generalAssemblyDecision, let id = d.value.adopted {
            let p = d.value.proposals.first { $0.id == id }
            return Outcome(
                source: .generalAssembly, on: d.on, sanctions: p?.sanctions ?? [],
                probation: p?.probation, description: id)
        }
        if let j = judgement {
            return Outcome(
                source: .cell, on: j.on, sanctions: j.value.sanctions, probation: j.value.probation,
                description: nil)
        }
        return nil
    }

    /// The day the procedure concluded in R03's sense, if it did.
    public func concludedOn(rulebook: Rulebook) -> Day? {
        if let s = stopped { return s.on }
        switch rulebook.conclusion {
        case .judgement: return judgement?.on ?? referral?.on
        case .execution: return executedOn ?? referral?.on
        }
    }

    /// Suspensions in force on `day`: the board's until the cell decides (R07), and one from each appeal
    /// until the general assembly (R25).
    public func activeSuspensions(on day: Day) -> [ActiveSuspension] {
        var out: [ActiveSuspension] = []
        if let s = suspension, s.on <= day {
            // 5.6.4: "jusqu'à ce que la décision de la cellule de crise soit rendue"; a referral leaves it to the GA.
            let ends = [judgement?.on, stopped?.on, generalAssemblyDecision?.on, generalAssemblyResolution?.on]
                .compactMap { $0 }.min()
            if ends.map({ day < $0 }) ?? true {
                out.append(
                    ActiveSuspension(
                        rule: .R07, accused: s.value.accused, from: s.on,
                        untilFr: "jusqu'à ce que la décision de la cellule de crise soit rendue",
                        untilEn: "until the crisis cell's decision", blockedSpaces: s.value.blockedSpaces))
            }
        }
        if let first = appeals.min(by: { $0.on < $1.on }), first.on <= day {
            let ends = [generalAssemblyDecision?.on, generalAssemblyResolution?.on].compactMap { $0 }
                .filter { $0 >= first.on }.min()
            if ends.map({ day < $0 }) ?? true {
                out.append(
                    ActiveSuspension(
                        rule: .R25, accused: accusedIDs, from: first.on,
                        untilFr: "jusqu'à la tenue de l'Assemblée générale", untilEn: "until the general assembly",
                        blockedSpaces: suspension?.value.blockedSpaces ?? []))
            }
        }
        return out
    }

    /// The appeal window of one party (R23): its last day, once the decision letter was received.
    public func appealDeadline(for party: MemberID, rulebook: Rulebook) -> Day? {
        lettersReceived.first { $0.value.member == party }.map { rulebook.deadlines.appeal.period.end(from: $0.on) }
    }
}

/// What a general-assembly vote decided on (R24): the sanction, then, if that missed two-thirds, the reintegration.
public enum GAQuestion: String, Equatable, Sendable { case sanction, reintegration }
