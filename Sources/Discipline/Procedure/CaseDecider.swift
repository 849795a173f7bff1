import Foundation

/// The procedure of Article 5.6 as a decider: `initial`, `decide`, `evolve`.
///
/// Hard rules refuse (nothing is emitted). Soft rules — deadlines, the R02 notification, R22's execution — never
/// refuse: the act is recorded on its day and `CaseState.deadlines` shows the breach.
public enum CaseDecider {
    /// The state of a case with no event.
    public static let initial = CaseState()

    /// The events a command produces on `day`, or why it is refused.
    public static func decide(
        _ state: CaseState, _ command: CaseCommand, context: CaseContext, rulebook: Rulebook, on day: Day
    ) -> Result<[CaseEvent], Refusal> {
        do {
            return .success(try Deciding(state: state, context: context, rulebook: rulebook, day: day).run(command))
        } catch {
            return .failure(error)
        }
    }
}

/// One decision: the inputs, and a `throw` for every refusal so each rule reads as a guard. Every deciding function
/// throws only a `Refusal` (`throws(Refusal)`), so `decide` maps the error as it is, with no catch-all.
///
/// This file holds the dispatch and the guards the steps share; each step of Article 5.6 has its own file:
/// `CaseDecider+Opening.swift` (5.6.1–5.6.4), `+Instruction` (5.6.5–5.6.8), `+Cell` (5.6.9), `+Judgement`
/// (5.6.10–5.6.11), `+Appeal` (5.6.12–5.6.13, the general assembly), `+Measures` (2.5, 4.5, 5.3).
struct Deciding {
    let state: CaseState
    let context: CaseContext
    let rulebook: Rulebook
    let day: Day

    func refuse(_ rule: RuleID, _ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal
    {
        Refusal(
            rule, fr: "\(fr) (art. \(rule.article))", en: "\(en) (art. \(rule.article))",
            allowed: allowed, allowedEn: allowedEn)
    }

    func run(_ command: CaseCommand) throws(Refusal) -> [CaseEvent] {
        try checkDay(command)
        if let erased = state.textsErased {
            throw refuse(
                .R35,
                "les textes du dossier ont été effacés le \(erased.on.frenchDescription) : il ne reçoit plus d'acte",
                "the case's texts were erased on \(erased.on): it takes no more acts",
                allowed: "ouvrir un nouveau dossier", allowedEn: "open a new case")
        }
        if state.closed != nil {
            throw refuse(
                .order, "le dossier est clos", "the case is closed",
                allowed: "ouvrir un nouveau dossier", allowedEn: "open a new case")
        }
        switch command {
        case let .recordReport(p, _): return try report(p)
        case let .fileComplaint(p, _): return try complaint(p)
        case let .notifyBoard(p, _): return try notifyBoard(p)
        case let .holdBoardMeeting(p, _): return try boardMeeting(p)
        case let .imposeSuspension(p, _): return try suspension(p)
        case let .addEvidence(p, _): return try evidence(p)
        case let .completeFile(p, _): return try completeFile(p)
        case let .hearVictim(p, _): return try hearVictim(p)
        case let .requestExplanation(p, _): return try requestExplanation(p)
        case let .receiveAnswer(p, _): return try answer(p)
        case let .lapseAnswerWindow(p, _): return try lapse(p)
        case let .recordAccusedLeft(p, _): return try departure(p)
        case let .writeSummary(p, _): return try writeSummary(p)
        case let .callCell(p, _): return try callCell(p)
        case let .acceptVolunteer(p, _): return try volunteer(p)
        case let .recuse(p, _): return try recuse(p)
        case let .replaceCellMember(p, _): return try replaceCellMember(p)
        case let .recordExplicitDecision(p, _): return try explicitDecision(p)
        case let .announceDraw(p, _): return try announceDraw(p)
        case let .performDraw(p, _): return try performDraw(p)
        case let .drawnMemberPresent(p, _): return try drawnPresent(p)
        case let .drawnMemberDeclined(p, _): return try drawnDeclined(p)
        case let .sendSummaryToCell(p, _): return try sendSummary(p)
        case let .holdCellMeeting(p, _): return try cellMeeting(p)
        case let .reachConsensus(p, _): return try consensus(p)
        case let .holdCellVote(p, _): return try cellVote(p)
        case let .holdReintegrationVote(p, _): return try reintegrationVote(p)
        case let .referToGeneralAssembly(p, _): return try refer(p)
        case let .sendJudgementToBoard(p, _): return try sendToBoard(p)
        case let .receiveDecisionLetter(p, _): return try letter(p)
        case let .executeJudgement(p, _): return try execute(p)
        case let .lodgeAppeal(p, _): return try appeal(p)
        case let .recordGeneralAssemblyVote(p, _): return try generalAssemblyVote(p)
        case let .recordGeneralAssemblyResolution(p, _): return try generalAssemblyResolution(p)
        case let .recordGeneralAssemblyReintegrationVote(p, _): return try generalAssemblyReintegrationVote(p)
        case let .recordReparation(p, _): return try reparation(p)
        case let .announceRadiation(p, _): return try radiation(p)
        case let .closeCase(p, _): return try close(p)
        }
    }

    // MARK: Common guards

    /// Acts keep their real day, in the order the text gives them: never before an act the command comes after
    /// (`CaseState.precedents(of:)`); an act recorded late on its day is normal.
    func checkDay(_ command: CaseCommand) throws(Refusal) {
        if let p = state.precedents(of: command).filter({ day < $0.on }).max(by: { $0.on < $1.on }) {
            throw refuse(
                .order,
                "le \(day.frenchDescription) précède \(p.fr) (\(p.on.frenchDescription)), que cet acte suit (\(p.article))",
                "\(day) is before \(p.en) (\(p.on)), which this act follows (\(p.article))",
                allowed: "une date à partir du \(p.on.frenchDescription)", allowedEn: "a day from \(p.on) on")
        }
    }

    func requireComplaint(_ rule: RuleID = .R02) throws(Refusal) -> ComplaintFacts {
        guard let c = state.complaint?.value else {
            throw refuse(
                rule, "aucune plainte n'a été déposée : la procédure n'est pas ouverte",
                "no complaint was filed: the procedure has not started",
                allowed: "déposer une plainte (complaint.file)", allowedEn: "file a complaint (complaint.file)")
        }
        return c
    }

    /// R11: once stopped, only radiation, reparation and closing remain.
    func requireNotStopped() throws(Refusal) {
        if state.stopped != nil {
            throw refuse(
                .R11, "la procédure s'est arrêtée au départ de la personne mise en cause",
                "the procedure stopped when the accused left",
                allowed: "officialiser la radiation, consigner la réparation, clore le dossier",
                allowedEn: "announce the radiation, record reparation, close the case")
        }
    }

    func requireMeeting(_ rule: RuleID) throws(Refusal) {
        _ = try requireComplaint()
        try requireNotStopped()
        guard state.boardMeeting != nil else {
            throw refuse(
                rule, "le Conseil d'administration ne s'est pas encore réuni", "the board has not met yet",
                allowed: "enregistrer la réunion du Conseil (board.meet)", allowedEn: "record the board meeting")
        }
    }

    func requireNoJudgement(_ rule: RuleID) throws(Refusal) {
        if state.judgement != nil || state.referral != nil {
            throw refuse(rule, "la cellule de crise a déjà statué", "the crisis cell has already decided")
        }
    }

    func requireEligible(_ member: MemberID) throws(Refusal) {
        if let reason = state.isEligibleForCell(member, context: context, on: day, rulebook: rulebook).first {
            throw refuse(
                reason.rule, reason.fr, reason.en,
                allowed: "appeler un membre à jour de cotisation, indépendant de la situation",
                allowedEn: "call a member with current dues who is independent of the case")
        }
    }

    static let hex = Set("0123456789abcdef")

    func isSHA256(_ s: String) -> Bool { s.count == 64 && s.allSatisfy { Self.hex.contains($0) } }

    func member(_ id: MemberID) -> MemberStanding? { context.members[id] }

    // MARK: Where the text is silent (5.6.7, 5.6.9)

    /// Where the text is silent and nothing else lets the case go on: the board's explicit decision, with its reason,
    /// and the one way forward Greffe gives that matter.
    func explicitDecision(_ p: ExplicitDecision) throws(Refusal) -> [CaseEvent] {
        if p.decision.isBlank || p.reason.isBlank {
            throw refuse(
                p.matter == .cellCannotBeFormed ? .R21 : .R11,
                "le règlement est muet : la décision explicite consigne ce qui est décidé et sa raison",
                "the rules are silent: the explicit decision records what is decided and its reason")
        }
        switch p.matter {
        case .cellCannotBeFormed:
            try requireConstitution(.R21)
            try requireRoomInCell(.R21)
            try requireNoDrawUnderway(.R15)
            if state.cellCalls.isEmpty {
                throw refuse(
                    .R13, "un appel précède : la cellule se forme d'abord par appel (et tirage au sort)",
                    "a call comes first: the cell is formed by a call (and a draw)",
                    allowed: "cell.call", allowedEn: "cell.call")
            }
            let seats = rulebook.cellSize - state.cell.count
            let eligible = state.cellPool(context: context, on: day, rulebook: rulebook).count
            if eligible >= seats {
                throw refuse(
                    .R15,
                    "\(eligible) membre(s) éligible(s) pour \(seats) siège(s) : un tirage au sort peut compléter la cellule",
                    "\(eligible) eligible member(s) for \(seats) seat(s): a draw can complete the cell",
                    allowed: "draw.announce", allowedEn: "draw.announce")
            }
            return [.explicitDecisionRecorded(p), .referredToGeneralAssembly(GAReferral(note: p.reason))]
        case .everyAccusedLeft:
            _ = try requireComplaint(.R11)
            try requireNotStopped()
            try requireNoJudgement(.R11)
            let left = Set(state.departures.map(\.value.member))
            if let present = state.accusedIDs.first(where: { !left.contains($0) }) {
                throw refuse(
                    .R11, "\(present) n'a pas quitté l'association : la procédure se poursuit",
                    "\(present) has not left the association: the procedure goes on")
            }
            if state.departures.contains(where: { $0.value.possibleOffence }) {
                throw refuse(
                    .R11,
                    "une infraction pénale possible est notée : la procédure se poursuit jusqu'à une décision finale",
                    "a possible criminal offence is noted: the procedure goes on to a final decision")
            }
            return [
                .explicitDecisionRecorded(p),
                .procedureStopped(ProcedureStop(reason: Sealed.joined(p.decision, " — ", p.reason)))
            ]
        }
    }
}
