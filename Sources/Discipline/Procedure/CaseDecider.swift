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
        } catch let refusal as Refusal {
            return .failure(refusal)
        } catch {
            return .failure(Refusal(.order, fr: "erreur inattendue : \(error)", en: "unexpected error: \(error)"))
        }
    }
}

/// One decision: the inputs, and a `throw` for every refusal so each rule reads as a guard.
private struct Deciding {
    let state: CaseState
    let context: CaseContext
    let rulebook: Rulebook
    let day: Day

    func refuse(_ rule: RuleID, _ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(rule, fr: "\(fr) (art. \(rule.article))", en: "\(en) (art. \(rule.article))",
                allowed: allowed, allowedEn: allowedEn)
    }

    func run(_ command: CaseCommand) throws -> [CaseEvent] {
        try checkDay(command)
        if state.closed != nil {
            throw refuse(.order, "le dossier est clos", "the case is closed",
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
    func checkDay(_ command: CaseCommand) throws {
        if let p = state.precedents(of: command).filter({ day < $0.on }).max(by: { $0.on < $1.on }) {
            throw refuse(.order, "le \(day.frenchDescription) précède \(p.fr) (\(p.on.frenchDescription)), que cet acte suit (\(p.article))",
                         "\(day) is before \(p.en) (\(p.on)), which this act follows (\(p.article))",
                         allowed: "une date à partir du \(p.on.frenchDescription)", allowedEn: "a day from \(p.on) on")
        }
    }

    func requireComplaint(_ rule: RuleID = .R02) throws -> ComplaintFacts {
        guard let c = state.complaint?.value else {
            throw refuse(rule, "aucune plainte n'a été déposée : la procédure n'est pas ouverte",
                         "no complaint was filed: the procedure has not started",
                         allowed: "déposer une plainte (complaint.file)", allowedEn: "file a complaint (complaint.file)")
        }
        return c
    }

    /// R11: once stopped, only radiation, reparation and closing remain.
    func requireNotStopped() throws {
        if state.stopped != nil {
            throw refuse(.R11, "la procédure s'est arrêtée au départ de la personne mise en cause",
                         "the procedure stopped when the accused left",
                         allowed: "officialiser la radiation, consigner la réparation, clore le dossier",
                         allowedEn: "announce the radiation, record reparation, close the case")
        }
    }

    func requireMeeting(_ rule: RuleID) throws {
        _ = try requireComplaint()
        try requireNotStopped()
        guard state.boardMeeting != nil else {
            throw refuse(rule, "le Conseil d'administration ne s'est pas encore réuni", "the board has not met yet",
                         allowed: "enregistrer la réunion du Conseil (board.meet)", allowedEn: "record the board meeting")
        }
    }

    func requireNoJudgement(_ rule: RuleID) throws {
        if state.judgement != nil || state.referral != nil {
            throw refuse(rule, "la cellule de crise a déjà statué", "the crisis cell has already decided")
        }
    }

    func requireEligible(_ member: MemberID) throws {
        if let reason = state.isEligibleForCell(member, context: context, on: day, rulebook: rulebook).first {
            throw refuse(reason.rule, reason.fr, reason.en,
                         allowed: "appeler un membre à jour de cotisation, indépendant de la situation",
                         allowedEn: "call a member with current dues who is independent of the case")
        }
    }

    func requireKnownSanctions(_ ids: [String], _ rule: RuleID) throws {
        if let bad = ids.first(where: { rulebook.sanction($0) == nil }) {
            let known = rulebook.sanctions.map(\.id).joined(separator: ", ")
            throw refuse(rule, "sanction inconnue du règlement : \(bad)", "unknown sanction: \(bad)",
                         allowed: known, allowedEn: known)
        }
        try requireCompatibleSanctions(ids)
        try requireMandateToRevoke(ids)
    }

    /// R32 (4.5) « La révocation de tout membre mandaté … peut être décidée pour donner suite à une procédure de
    /// gestion de crise »: only an accused who holds a mandate (on the roster that day, or as the complaint records)
    /// can have one revoked.
    func requireMandateToRevoke(_ ids: [String]) throws {
        guard ids.contains(Rulebook.SanctionID.mandateRevocation) else { return }
        let holders = state.accused.filter { party in
            party.holdsMandate == true || member(party.id).map { $0.holdsMandate || $0.boardMember } == true
        }
        if holders.isEmpty {
            let names = state.accusedIDs.map(\.rawValue).joined(separator: ", ")
            throw refuse(.R32, "la révocation d'un mandat vise un membre mandaté ; aucune personne mise en cause (\(names)) ne détient de mandat (liste des membres, plainte)",
                         "revoking a mandate needs a mandate holder; no accused (\(names)) holds a mandate (roster, complaint)",
                         allowed: "une autre mesure", allowedEn: "another measure")
        }
    }

    /// R27 (2.5, 5.3): measures that contradict each other are refused together, whichever decision names them.
    func requireCompatibleSanctions(_ ids: [String]) throws {
        if let c = Rulebook.contradiction(in: ids) {
            throw refuse(.R27, "\(c.first) et \(c.second) se contredisent : \(c.fr)", "\(c.first) and \(c.second) contradict each other: \(c.en)",
                         allowed: "une seule des deux mesures", allowedEn: "only one of the two measures")
        }
    }

    /// R27 (2.5): a probationary reintegration is "limitée dans le temps et l'espace" and comes with conditions.
    func checkProbation(sanctions: [String], probation: Probation?) throws {
        guard sanctions.contains(Rulebook.SanctionID.probationaryReintegration) else { return }
        guard let p = probation else {
            throw refuse(.R27, "une réintégration probatoire exige des conditions de probation",
                         "a probationary reintegration needs probation conditions",
                         allowed: "préciser les conditions, la durée et les espaces", allowedEn: "give conditions, end day and spaces")
        }
        if p.conditions.isEmpty || p.spaces.isEmpty || p.until <= day {
            throw refuse(.R27, "la probation doit être limitée dans le temps (fin après le \(day.frenchDescription)) et l'espace, avec des conditions",
                         "probation must be limited in time (ending after \(day)) and space, with conditions")
        }
        try checkProbationProofAndApproval(p)
    }

    static let hex = Set("0123456789abcdef")
    func isSHA256(_ s: String) -> Bool { s.count == 64 && s.allSatisfy { Self.hex.contains($0) } }

    func member(_ id: MemberID) -> MemberStanding? { context.members[id] }

    // MARK: 5.6.1–5.6.3

    func report(_ p: ReportFacts) throws -> [CaseEvent] {
        if p.description.trimmingCharacters(in: .whitespaces).isEmpty {
            throw refuse(.R01, "un signalement décrit un malaise", "a report describes a concern")
        }
        if p.channel == .indirect && p.relayedBy == nil {
            throw refuse(.R01, "un signalement indirect passe par un membre de confiance",
                         "an indirect report is passed on by a trusted member",
                         allowed: "indiquer relayedBy", allowedEn: "give relayedBy")
        }
        return [.reportRecorded(p)]
    }

    func complaint(_ p: ComplaintFacts) throws -> [CaseEvent] {
        if state.complaint != nil {
            throw refuse(.R02, "ce dossier a déjà une plainte", "this case already has a complaint",
                         allowed: "ouvrir un autre dossier", allowedEn: "open another case")
        }
        var missing: [String] = []
        if p.complainants.isEmpty { missing.append("plaignant·e") }
        if p.accused.isEmpty { missing.append("personne mise en cause") }
        if p.facts.trimmingCharacters(in: .whitespaces).isEmpty { missing.append("faits") }
        if p.motives.isEmpty { missing.append("motif grave (5.5)") }
        if !missing.isEmpty {
            throw refuse(.R02, "plainte incomplète : \(missing.joined(separator: ", "))",
                         "incomplete complaint: complainants, accused, facts and at least one grave motive are required")
        }
        if let bad = p.motives.first(where: { rulebook.motive($0) == nil }) {
            throw refuse(.R02, "motif grave inconnu : \(bad)", "unknown grave motive: \(bad)",
                         allowed: rulebook.motives.map(\.id).joined(separator: ", "),
                         allowedEn: rulebook.motives.map(\.id).joined(separator: ", "))
        }
        if p.boardLearnedOn > day {
            throw refuse(.R02, "le Conseil ne peut pas avoir eu connaissance des faits après le dépôt de la plainte",
                         "the board cannot have learned of the facts after the complaint was filed",
                         allowed: "une date au plus tard le \(day.frenchDescription)", allowedEn: "a day on or before \(day)")
        }
        // R09 turns on whether the victim is a member, R02 on whether an accused holds a mandate: both are facts of
        // the roster on the day of the complaint, not of what the complaint says.
        for party in p.complainants + p.accused + p.victims {
            let member = context.members[party.id].map { $0.isActive(on: day) } ?? false
            if party.isMember != member {
                throw refuse(.R09, party.isMember ? "\(party.id) n'est pas membre de l'association ce jour-là (liste des membres)"
                                                  : "\(party.id) est membre de l'association ce jour-là (liste des membres)",
                             party.isMember ? "\(party.id) is not a member of the association on that day (roster)"
                                            : "\(party.id) is a member of the association on that day (roster)")
            }
        }
        if let seated = p.accused.first(where: { context.members[$0.id]?.boardMember == true && $0.holdsMandate != true }) {
            throw refuse(.R02, "\(seated.id) siège au Conseil d'administration (liste des membres) : c'est une personne mandatée, que la plainte désigne comme telle pour que les autres membres du Conseil soient prévenus",
                         "\(seated.id) sits on the board (roster): a mandate holder, whom the complaint names as such so that the other board members are notified",
                         allowed: "holdsMandate = true pour \(seated.id)", allowedEn: "holdsMandate = true for \(seated.id)")
        }
        let accused = Set(p.accused.map(\.id))
        if let both = (p.complainants + p.victims).first(where: { accused.contains($0.id) }) {
            throw refuse(.R02, "\(both.id) ne peut être à la fois mis·e en cause et plaignant·e ou victime",
                         "\(both.id) cannot be both accused and complainant or victim")
        }
        // R34: the case keeps the version in force today; a complaint naming another one is refused.
        let inForce = RulebookRef(rulebook)
        if let named = p.rulebook, named != inForce {
            throw refuse(.R34, "la plainte nomme le règlement \(named), mais \(inForce) est en vigueur ce jour",
                         "the complaint names rulebook \(named), but \(inForce) is in force that day",
                         allowed: "omettre le règlement (il est enregistré d'office)", allowedEn: "leave the rulebook out (it is recorded)")
        }
        var filed = p
        filed.rulebook = inForce
        return [.complaintFiled(filed)]
    }

    func notifyBoard(_ p: BoardNotification) throws -> [CaseEvent] {
        let c = try requireComplaint()
        if state.boardNotified != nil {
            throw refuse(.R02, "les autres membres du Conseil ont déjà été prévenus le \(state.boardNotified?.on.frenchDescription ?? "")",
                         "the other board members were already notified")
        }
        if !c.accused.contains(where: { $0.holdsMandate == true }) {
            throw refuse(.R02, "aucune personne mise en cause n'est mandatée : le règlement ne demande pas de prévenir le Conseil",
                         "no accused holds a mandate: the rules ask for no notification of the board")
        }
        if let outsider = p.notified.first(where: { context.members[$0]?.boardMember != true }) {
            throw refuse(.R02, "\(outsider) ne siège pas au Conseil d'administration", "\(outsider) does not sit on the board")
        }
        if let a = p.notified.first(where: { id in c.accused.contains { $0.id == id } }) {
            throw refuse(.R02, "\(a) est mis·e en cause : on prévient les autres membres du Conseil",
                         "\(a) is accused: the other board members are notified")
        }
        return [.boardMembersNotified(p)]
    }

    func boardMeeting(_ p: BoardMeeting) throws -> [CaseEvent] {
        let c = try requireComplaint(.R04)
        try requireNotStopped()
        if state.boardMeeting != nil {
            throw refuse(.R04, "le Conseil s'est déjà réuni pour ouvrir cette procédure", "the board already met for this case")
        }
        let accused = Set(c.accused.map(\.id))
        if let a = p.attendees.first(where: { accused.contains($0) }) {
            throw refuse(.R05, "\(a) est mis·e en cause : la réunion se déroule sans sa présence",
                         "\(a) is accused: the meeting takes place without them",
                         allowed: "la même réunion sans \(a)", allowedEn: "the same meeting without \(a)")
        }
        if p.attendees.isEmpty {
            throw refuse(.R04, "une réunion a au moins un membre du Conseil présent", "a meeting has at least one attendee")
        }
        if let a = p.attendees.first(where: { member($0)?.boardMember != true }) {
            throw refuse(.R04, "\(a) ne siège pas au Conseil d'administration", "\(a) does not sit on the board")
        }
        if state.isParty(p.rapporteur) {
            throw refuse(.R06, "le rapporteur ne peut pas être partie au dossier", "the rapporteur cannot be a party",
                         allowed: "un autre membre du Conseil", allowedEn: "another board member")
        }
        let reason = p.delegationReason?.trimmingCharacters(in: .whitespaces) ?? ""
        if reason.isEmpty {
            if member(p.rapporteur)?.boardMember != true {
                throw refuse(.R06, "\(p.rapporteur) n'est pas membre du Conseil ; déléguer exige une impossibilité justifiée",
                             "\(p.rapporteur) is not a board member; delegating needs a recorded justified impossibility",
                             allowed: "désigner un membre du Conseil, ou donner delegationReason",
                             allowedEn: "designate a board member, or give delegationReason")
            }
        } else if member(p.rapporteur).map({ $0.isActive(on: day) }) != true {
            throw refuse(.R06, "la délégation se fait à un adhérent de l'association", "delegation goes to a member of the association")
        }
        let excluded = c.accused.map(\.id).filter { member($0)?.boardMember == true }
        return [.boardMet(BoardMet(attendees: p.attendees, excludedAccused: excluded)),
                .rapporteurDesignated(RapporteurDesignation(
                    rapporteur: p.rapporteur, delegated: !reason.isEmpty, reason: reason.isEmpty ? nil : reason))]
    }

    // MARK: 5.6.4–5.6.8

    func suspension(_ p: Suspension) throws -> [CaseEvent] {
        try requireMeeting(.R07)
        try requireNoJudgement(.R07)
        if state.suspension != nil {
            throw refuse(.R07, "la suspension est déjà décidée", "the suspension is already recorded")
        }
        return [.suspensionImposed(SuspensionImposed(accused: state.accusedIDs, responsibilities: p.responsibilities,
                                                     access: p.access, blockedSpaces: p.blockedSpaces))]
    }

    func evidence(_ p: Evidence) throws -> [CaseEvent] {
        _ = try requireComplaint(.R08)
        try requireNotStopped()
        // Evidence gathered during the instruction keeps its day, even when recorded after its end.
        if let end = state.instructionEndedOn, day > end {
            throw refuse(.R16, "l'instruction est close depuis l'envoi de la synthèse à la cellule (\(end.frenchDescription))",
                         "the instruction ended when the summary was sent to the cell (\(end))")
        }
        if let h = p.sha256, !isSHA256(h) {
            throw refuse(.R08, "empreinte SHA-256 invalide : 64 chiffres hexadécimaux minuscules attendus",
                         "invalid SHA-256: 64 lowercase hex digits expected")
        }
        if (p.kind == .screenshot || p.kind == .document) && p.sha256 == nil {
            throw refuse(.R08, "une preuve matérielle (capture d'écran, document) est consignée avec son empreinte",
                         "material evidence (screenshot, document) is recorded with its content hash",
                         allowed: "donner sha256", allowedEn: "give sha256")
        }
        if p.kind == .report {
            guard let n = p.reportNumber, n >= 1, n <= state.reports.count else {
                throw refuse(.R01, "le signalement joint doit être un signalement enregistré (1…\(state.reports.count))",
                             "the attached report must be a recorded one (1…\(state.reports.count))")
            }
        }
        return [.evidenceAdded(p)]
    }

    func completeFile(_ p: Note) throws -> [CaseEvent] {
        try requireMeeting(.R08)
        if state.fileCompletedOn != nil {
            throw refuse(.R08, "le dossier disciplinaire est déjà rédigé", "the disciplinary file is already complete")
        }
        return [.disciplinaryFileCompleted(p)]
    }

    func hearVictim(_ p: VictimHearing) throws -> [CaseEvent] {
        try requireMeeting(.R09)
        guard let v = state.victims.first(where: { $0.id == p.victim }) else {
            throw refuse(.R09, "\(p.victim) n'est pas victime dans ce dossier", "\(p.victim) is not a victim in this case",
                         allowed: state.victims.map(\.id.rawValue).joined(separator: ", "))
        }
        if v.isMember && p.origin != .victim {
            throw refuse(.R09, "la victime est membre : les demandes viennent de ses souhaits",
                         "the victim is a member: the demands come from their wishes",
                         allowed: "origin = victim", allowedEn: "origin = victim")
        }
        if !v.isMember && p.origin != .rapporteurAndBoard {
            throw refuse(.R09, "la victime n'est pas adhérente : le responsable du dossier et le Conseil élaborent les demandes",
                         "the victim is not a member: the rapporteur and the board set the demands",
                         allowed: "origin = rapporteurAndBoard", allowedEn: "origin = rapporteurAndBoard")
        }
        if state.explanation != nil {
            throw refuse(.R10, "les demandes ont déjà été envoyées à la personne mise en cause",
                         "the demands were already sent to the accused")
        }
        return [.victimHeard(p)]
    }

    func requestExplanation(_ p: ExplanationRequest) throws -> [CaseEvent] {
        try requireMeeting(.R10)
        if state.explanation != nil {
            throw refuse(.R10, "la demande d'explication est déjà envoyée", "the explanation was already requested")
        }
        if state.fileCompletedOn == nil {
            throw refuse(.R10, "le dossier disciplinaire (5.6.5) précède la demande d'explication",
                         "the disciplinary file (5.6.5) comes before the explanation request",
                         allowed: "file.complete", allowedEn: "file.complete")
        }
        let heard = Set(state.hearings.map(\.value.victim))
        if let v = state.victims.first(where: { !heard.contains($0.id) }) {
            throw refuse(.R09, "les demandes pour la victime \(v.id) ne sont pas encore formulées (5.6.6)",
                         "the demands for victim \(v.id) are not formulated yet (5.6.6)",
                         allowed: "victim.hear", allowedEn: "victim.hear")
        }
        return [.explanationRequested(p)]
    }

    func requireExplanation() throws -> Dated<ExplanationRequest> {
        try requireMeeting(.R10)
        guard let e = state.explanation else {
            throw refuse(.R10, "aucune demande d'explication n'a été envoyée", "no explanation was requested",
                         allowed: "explanation.request", allowedEn: "explanation.request")
        }
        return e
    }

    func answer(_ p: Answer) throws -> [CaseEvent] {
        _ = try requireExplanation()
        if !state.accusedIDs.contains(p.from) {
            throw refuse(.R10, "\(p.from) n'est pas mis·e en cause", "\(p.from) is not accused")
        }
        if state.answers.contains(where: { $0.value.from == p.from }) {
            throw refuse(.R10, "la réponse de \(p.from) est déjà consignée", "the answer of \(p.from) is already recorded")
        }
        if state.summary != nil {
            throw refuse(.R10, "la synthèse est rédigée : la réponse arrive trop tard pour être consignée ici",
                         "the summary is written: the answer comes too late to be recorded here",
                         allowed: "la joindre comme pièce (evidence.add)", allowedEn: "attach it as evidence")
        }
        return [.answerReceived(p)]
    }

    func lapse(_ p: Note) throws -> [CaseEvent] {
        let e = try requireExplanation()
        let end = rulebook.deadlines.answerWindow.period.end(from: e.on)
        if state.everyAccusedAnswered {
            throw refuse(.R10, "la personne mise en cause a répondu", "the accused has answered")
        }
        if state.answerWindowLapsedOn != nil {
            throw refuse(.R10, "le silence est déjà noté", "the silence is already noted")
        }
        if day <= end {
            throw refuse(.R10, "le délai de \(rulebook.deadlines.answerWindow.period.fr) court jusqu'au \(end.frenchDescription) inclus",
                         "the \(rulebook.deadlines.answerWindow.period.en) window runs until \(end) included",
                         allowed: "noter le silence à partir du \(end.adding(days: 1).frenchDescription)",
                         allowedEn: "note the silence from \(end.adding(days: 1)) on")
        }
        return [.answerWindowLapsed(p)]
    }

    func departure(_ p: Departure) throws -> [CaseEvent] {
        let c = try requireComplaint(.R11)
        try requireNotStopped()
        if !c.accused.contains(where: { $0.id == p.member }) {
            throw refuse(.R11, "\(p.member) n'est pas mis·e en cause", "\(p.member) is not accused")
        }
        if state.departures.contains(where: { $0.value.member == p.member }) {
            throw refuse(.R11, "le départ de \(p.member) est déjà consigné", "\(p.member)'s departure is already recorded")
        }
        try requireNoJudgement(.R11)
        var events: [CaseEvent] = [.accusedLeft(p)]
        // "quitte l'association sans participer à la procédure": an answer is taking part.
        let tookPart = state.answers.contains { $0.value.from == p.member }
        let othersRemain = c.accused.contains { a in
            a.id != p.member && !state.departures.contains { $0.value.member == a.id }
        }
        let offenceNoted = p.possibleOffence || state.departures.contains { $0.value.possibleOffence }
        if !tookPart && !offenceNoted && !othersRemain {
            events.append(.procedureStopped(ProcedureStop(
                reason: "La personne mise en cause a quitté l'association sans participer à la procédure (5.6.7) ; "
                    + "le Conseil d'administration officialise la radiation.")))
        }
        return events
    }

    func writeSummary(_ p: Summary) throws -> [CaseEvent] {
        let e = try requireExplanation()
        if state.summary != nil {
            throw refuse(.R12, "la synthèse est déjà rédigée", "the summary is already written")
        }
        if !state.everyAccusedAnswered && state.answerWindowLapsedOn == nil {
            let end = rulebook.deadlines.answerWindow.period.end(from: e.on)
            throw refuse(.R10, "la synthèse attend la réponse ou la fin du délai de réponse (\(end.frenchDescription))",
                         "the summary waits for the answer or the end of the answer window (\(end))",
                         allowed: "consigner la réponse, ou noter le silence après le \(end.frenchDescription)",
                         allowedEn: "record the answer, or note the silence after \(end)")
        }
        try requireKnownSanctions(p.proposedSanctions, .R12)
        return [.summaryWritten(p)]
    }

    // MARK: 5.6.9

    func requireConstitution(_ rule: RuleID) throws {
        _ = try requireComplaint(rule)
        try requireNotStopped()
        guard state.summary != nil else {
            throw refuse(rule, "la cellule se constitue après la synthèse récapitulative", "the cell is formed after the summary",
                         allowed: "summary.write", allowedEn: "summary.write")
        }
        if state.instructionEndedOn != nil {
            throw refuse(rule, "l'instruction est close : la cellule est constituée", "the instruction has ended: the cell is formed")
        }
    }

    func requireRoomInCell(_ rule: RuleID) throws {
        if state.cell.count >= rulebook.cellSize {
            throw refuse(rule, "la cellule compte déjà \(rulebook.cellSize) membres", "the cell already has \(rulebook.cellSize) members")
        }
    }

    func callCell(_ p: CellCall) throws -> [CaseEvent] {
        try requireConstitution(.R13)
        try requireRoomInCell(.R13)
        for m in p.called { try requireEligible(m) }
        return [.cellCalled(p)]
    }

    /// R15: while a performed draw still names members, only they can take the seats (present or declined).
    func requireNoDrawUnderway(_ rule: RuleID) throws {
        if !state.drawnPending.isEmpty {
            let names = state.drawnPending.map(\.rawValue).joined(separator: ", ")
            throw refuse(rule, "le tirage au sort en cours désigne \(names) : les sièges se pourvoient dans son ordre",
                         "the draw under way names \(names): the seats are filled in its order",
                         allowed: "draw.present, draw.decline", allowedEn: "draw.present, draw.decline")
        }
    }

    func volunteer(_ p: MemberRef) throws -> [CaseEvent] {
        try requireConstitution(.R13)
        try requireNoDrawUnderway(.R15)
        if state.cellCalls.isEmpty {
            throw refuse(.R13, "aucun appel n'a été lancé", "no call was made", allowed: "cell.call", allowedEn: "cell.call")
        }
        try requireRoomInCell(.R13)
        try requireEligible(p.member)
        return [.volunteerAccepted(p)]
    }

    func recuse(_ p: Recusal) throws -> [CaseEvent] {
        try requireConstitution(.R14)
        let parties = state.partiesWithRights
        if !parties.contains(p.by) {
            throw refuse(.R14, "seules la personne mise en cause et la victime peuvent révoquer",
                         "only the accused and the victim may revoke a member",
                         allowed: parties.map(\.rawValue).joined(separator: ", "))
        }
        if !state.cell.contains(p.member) {
            throw refuse(.R14, "\(p.member) ne siège pas dans la cellule", "\(p.member) does not sit in the cell")
        }
        let used = state.recusalsUsed(by: p.by)
        if used >= rulebook.recusalsPerParty {
            throw refuse(.R14, "\(p.by) a déjà révoqué une personne : le droit de révoquer ne s'exerce qu'une seule fois",
                         "\(p.by) has already revoked a member: the right may be used only once",
                         allowed: "aucune nouvelle révocation par \(p.by)", allowedEn: "no further recusal by \(p.by)")
        }
        return [.memberRecused(p)]
    }

    func announceDraw(_ p: DrawAnnouncement) throws -> [CaseEvent] {
        try requireConstitution(.R15)
        if state.cellCalls.isEmpty {
            throw refuse(.R15, "le tirage au sort suit un appel resté sans réponse", "a draw follows an unanswered call",
                         allowed: "cell.call", allowedEn: "cell.call")
        }
        try requireRoomInCell(.R15)
        if state.drawAnnouncement != nil && state.drawResult == nil {
            throw refuse(.R15, "un tirage annoncé n'a pas encore été effectué", "an announced draw has not been performed yet",
                         allowed: "draw.perform", allowedEn: "draw.perform")
        }
        if !state.drawnPending.isEmpty {
            // A new draw while the recorded order still names members would be a second chance to steer it.
            let names = state.drawnPending.map(\.rawValue).joined(separator: ", ")
            throw refuse(.R15, "le tirage enregistré désigne encore \(names) : on suit son ordre, sans nouveau tirage",
                         "the recorded draw still names \(names): its order is followed, no new draw",
                         allowed: "draw.present, draw.decline", allowedEn: "draw.present, draw.decline")
        }
        let seats = rulebook.cellSize - state.cell.count
        if p.seatsLeft != seats {
            throw refuse(.R15, "le tirage doit pourvoir les \(seats) siège(s) libres, pas \(p.seatsLeft)",
                         "the draw must fill the \(seats) free seat(s), not \(p.seatsLeft)")
        }
        let pool: DrawPool
        do {
            pool = try DrawPool(members: p.pool)
        } catch {
            throw refuse(.R15, "liste du tirage invalide : \(error.message)", "invalid draw pool: \(error.message)")
        }
        if pool.members != p.pool {
            throw refuse(.R15, "la liste doit être dans l'ordre canonique (octets UTF-8 croissants, sans doublon)",
                         "the pool must be in canonical order (ascending UTF-8 bytes, no duplicates)")
        }
        if pool.digest != p.poolDigest {
            throw refuse(.R15, "l'empreinte SHA-256 annoncée n'est pas celle de la liste (\(pool.digest))",
                         "the announced SHA-256 is not the pool's (\(pool.digest))")
        }
        for m in p.pool {
            if let reason = state.isEligibleForCell(m, context: context, on: day, rulebook: rulebook).first {
                throw refuse(.R15, "\(m) ne peut pas être dans la liste du tirage : \(reason.fr) (\(reason.rule.rawValue))",
                             "\(m) cannot be in the draw pool: \(reason.en) (\(reason.rule.rawValue))")
            }
        }
        let eligible = Set(state.cellPool(context: context, on: day, rulebook: rulebook))
        let missing = eligible.subtracting(p.pool).sorted(by: DrawPool.canonicalOrder)
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            throw refuse(.R15, "la liste du tirage doit comprendre tous les membres éligibles ; il manque \(names)",
                         "the draw pool must hold every eligible member; missing: \(names)")
        }
        if let tooSmall = CellDraw.checkPoolSize(eligible: p.pool.count, seatsLeft: seats) {
            throw refuse(.R15, "\(p.pool.count) membre(s) éligible(s) pour \(seats) siège(s) : le tirage ne peut pas compléter la cellule",
                         tooSmall.message)
        }
        if p.sources.isEmpty || p.sources.contains(where: { $0.valuesKnownOn == nil }) {
            throw refuse(.R15, "le tirage annonce ses sources d'aléa publiques et le jour où chacune sera connue",
                         "a draw announces its public entropy sources and the day each becomes known")
        }
        if let known = DrawAnnouncement.checkSourcesStillUnknown(p.sources, on: day) {
            throw refuse(.R15, "une source d'aléa doit être inconnue le jour de l'annonce (\(known.message))", known.message)
        }
        return [.drawAnnounced(p)]
    }

    func performDraw(_ p: CellDraw) throws -> [CaseEvent] {
        try requireConstitution(.R15)
        guard let a = state.drawAnnouncement, state.drawResult == nil else {
            throw refuse(.R15, "aucun tirage annoncé n'attend d'être effectué", "no announced draw is waiting",
                         allowed: "draw.announce", allowedEn: "draw.announce")
        }
        if case .local = p.entropy {
            throw refuse(.R15, "un tirage d'entraînement (aléa local) ne forme pas une vraie cellule : personne ne peut vérifier son aléa",
                         "a practice draw (local randomness) cannot form a real cell: nobody can check its randomness",
                         allowed: "le tirage avec les valeurs publiées des sources annoncées", allowedEn: "the draw with the announced sources' published values")
        }
        if p.poolDigest != a.value.poolDigest || p.poolSize != a.value.pool.count {
            throw refuse(.R15, "le tirage porte sur la liste annoncée le \(a.on.frenchDescription), pas une autre",
                         "the draw is over the pool announced on \(a.on), not another")
        }
        if case .publicSources(let values) = p.entropy {
            if values.count != a.value.sources.count {
                throw refuse(.R15, "une liste de valeurs par source annoncée (\(a.value.sources.count))",
                             "one list of values per announced source (\(a.value.sources.count))")
            }
            for (offset, source) in a.value.sources.enumerated() {
                if let known = source.valuesKnownOn, known > day {
                    throw refuse(.R15, "la source \(offset + 1) n'est connue que le \(known.frenchDescription)",
                                 "source \(offset + 1) is only known on \(known)")
                }
            }
        }
        if case .differs(let found) = CellDraw.verify(recorded: p, announcement: a.value) {
            let what = found.map { "\($0)" }.joined(separator: "; ")
            throw refuse(.R15, "le tirage ne se recalcule pas à l'identique (RFC 3797) : \(what)",
                         "the draw does not re-compute identically (RFC 3797): \(what)")
        }
        return [.drawPerformed(p)]
    }

    func requireDrawn(_ m: MemberID) throws {
        try requireConstitution(.R15)
        if !state.drawnPending.contains(m) {
            throw refuse(.R15, "\(m) n'a pas été tiré·e au sort ou a déjà répondu", "\(m) was not drawn or has already answered")
        }
    }

    func drawnPresent(_ p: MemberRef) throws -> [CaseEvent] {
        try requireDrawn(p.member)
        try requireRoomInCell(.R15)
        try requireEligible(p.member)
        return [.drawnMemberPresent(p)]
    }

    func drawnDeclined(_ p: MemberRef) throws -> [CaseEvent] {
        try requireDrawn(p.member)
        return [.drawnMemberDeclined(p)]
    }

    func sendSummary(_ p: Note) throws -> [CaseEvent] {
        try requireConstitution(.R16)
        if state.cell.count != rulebook.cellSize {
            throw refuse(.R16, "la synthèse va aux \(rulebook.cellSize) membres nommés ; la cellule en compte \(state.cell.count)",
                         "the summary goes to the \(rulebook.cellSize) members; the cell has \(state.cell.count)")
        }
        // « indépendants de la situation », « à jour de cotisation »: still true of every member when the
        // instruction ends (a member may have become a witness, left, or seen their dues lapse since joining).
        for member in state.cell {
            var without = state
            without.cell.removeAll { $0 == member }
            if let reason = without.isEligibleForCell(member, context: context, on: day, rulebook: rulebook).first {
                throw refuse(reason.rule, "\(member) ne peut plus siéger : \(reason.fr)", "\(member) can no longer sit: \(reason.en)",
                             allowed: "remplacer ce membre, avec sa raison (cell.replace), puis pourvoir le siège",
                             allowedEn: "replace this member, with the reason (cell.replace), then fill the seat")
            }
        }
        return [.summarySentToCell(SummarySent(cell: state.cell, victims: state.victims.map(\.id)))]
    }

    // MARK: 5.6.10

    func requireDeliberation(_ rule: RuleID) throws {
        _ = try requireComplaint(rule)
        try requireNotStopped()
        guard state.cellMeeting != nil else {
            throw refuse(rule, "la cellule de crise ne s'est pas encore réunie", "the crisis cell has not met yet",
                         allowed: "cell.meet", allowedEn: "cell.meet")
        }
        try requireNoJudgement(rule)
    }

    func cellMeeting(_ p: CellMeeting) throws -> [CaseEvent] {
        _ = try requireComplaint(.R18)
        try requireNotStopped()
        guard state.instructionEndedOn != nil else {
            throw refuse(.R18, "la cellule se réunit après l'envoi de la synthèse (fin de l'instruction)",
                         "the cell meets after the summary is sent (end of instruction)",
                         allowed: "cell.sendSummary", allowedEn: "cell.sendSummary")
        }
        if state.cellMeeting != nil {
            throw refuse(.R18, "la cellule s'est déjà réunie", "the cell already met")
        }
        if let m = p.attendees.first(where: { !state.cell.contains($0) }) {
            throw refuse(.R18, "\(m) ne siège pas dans la cellule", "\(m) does not sit in the cell")
        }
        // « les 3 membres de la cellule de crise doivent se réunir »
        if let absent = state.cell.first(where: { !p.attendees.contains($0) }) {
            throw refuse(.R18, "les \(rulebook.cellSize) membres de la cellule se réunissent ; \(absent) est absent·e",
                         "the \(rulebook.cellSize) cell members meet together; \(absent) is absent",
                         allowed: "consigner la réunion quand les \(rulebook.cellSize) membres sont présents",
                         allowedEn: "record the meeting when all \(rulebook.cellSize) members attend")
        }
        return [.cellMet(p)]
    }

    func judgement(_ basis: Judgement.Basis, _ sanctions: [String], _ probation: Probation?) -> CaseEvent {
        .judgementRendered(Judgement(basis: basis, sanctions: sanctions, probation: probation, cell: state.cell))
    }

    func consensus(_ p: Decision) throws -> [CaseEvent] {
        try requireDeliberation(.R19)
        if state.cellVote != nil {
            throw refuse(.R19, "un vote a déjà eu lieu : le consensus n'a pas été trouvé", "a vote was already held: there was no consensus")
        }
        if p.sanctions.isEmpty { try checkNoSanctionDecision(p) }
        try requireKnownSanctions(p.sanctions, .R19)
        try checkProbation(sanctions: p.sanctions, probation: p.probation)
        return [.consensusReached(p), judgement(.consensus, p.sanctions, p.probation)]
    }

    /// R19: every voter sits in the cell and votes once; options are the proposals or blank.
    func checkBallots(_ ballots: [Ballot], options: [String], rule: RuleID) throws {
        var seen: Set<MemberID> = []
        for b in ballots {
            if !state.cell.contains(b.member) {
                throw refuse(rule, "\(b.member) ne siège pas dans la cellule", "\(b.member) does not sit in the cell")
            }
            if !seen.insert(b.member).inserted {
                throw refuse(rule, "\(b.member) a voté deux fois", "\(b.member) voted twice")
            }
            if let o = b.option, !options.contains(o) {
                throw refuse(rule, "option inconnue : \(o)", "unknown option: \(o)", allowed: options.joined(separator: ", "))
            }
        }
        if ballots.isEmpty {
            throw refuse(rule, "un vote sans bulletin", "a vote without ballots")
        }
        // The cell votes as a body: every member casts a ballot (blank allowed), so two of three make two-thirds.
        if let silent = state.cell.first(where: { !seen.contains($0) }) {
            throw refuse(rule, "chaque membre de la cellule vote (un bulletin blanc est possible) : il manque \(silent)",
                         "every cell member votes (a blank ballot is allowed): \(silent) is missing")
        }
    }

    func cellVote(_ p: CellVote) throws -> [CaseEvent] {
        try requireDeliberation(.R19)
        if state.cellVote != nil {
            throw refuse(.R20, "le vote sur le jugement a eu lieu ; vient ensuite le vote sur la réintégration",
                         "the vote on the judgement was held; the reintegration vote comes next",
                         allowed: "cell.reintegrationVote", allowedEn: "cell.reintegrationVote")
        }
        let ids = p.proposals.map(\.id)
        if ids.isEmpty || Set(ids).count != ids.count {
            throw refuse(.R19, "propositions absentes ou en double", "missing or duplicate proposals")
        }
        for proposal in p.proposals {
            try requireKnownSanctions(proposal.sanctions, .R19)
        }
        try checkBallots(p.ballots, options: ids, rule: .R19)
        let tallies = Ballots(p.ballots).tallies(options: ids, bodySize: state.cell.count, rulebook: rulebook)
        let adopted = tallies.adopted
        var events: [CaseEvent] = []
        if let a = adopted, let proposal = p.proposals.first(where: { $0.id == a }) {
            try checkProbation(sanctions: proposal.sanctions, probation: proposal.probation)
            events = [.cellVoteHeld(VoteRecord(proposals: p.proposals, ballots: p.ballots, tallies: tallies, adopted: a)),
                      judgement(.cellVote, proposal.sanctions, proposal.probation)]
        } else {
            events = [.cellVoteHeld(VoteRecord(proposals: p.proposals, ballots: p.ballots, tallies: tallies, adopted: nil))]
        }
        return events
    }

    func reintegrationVote(_ p: ReintegrationVote) throws -> [CaseEvent] {
        try requireDeliberation(.R20)
        guard let v = state.cellVote, v.value.adopted == nil else {
            throw refuse(.R20, "le vote sur la réintégration suit un vote sans deux tiers",
                         "the reintegration vote follows a vote that missed two-thirds",
                         allowed: "cell.vote", allowedEn: "cell.vote")
        }
        if state.reintegrationVote != nil {
            throw refuse(.R21, "le vote sur la réintégration a déjà eu lieu", "the reintegration vote was already held",
                         allowed: "ga.refer", allowedEn: "ga.refer")
        }
        let immediate = Rulebook.SanctionID.immediateReintegration
        let probationary = Rulebook.SanctionID.probationaryReintegration
        let options = [immediate, probationary]
        try checkBallots(p.ballots, options: options, rule: .R20)
        let tallies = Ballots(p.ballots).tallies(options: options, bodySize: state.cell.count, rulebook: rulebook)
        let proposals = [Proposal(id: immediate, sanctions: [immediate]),
                         Proposal(id: probationary, sanctions: [probationary], probation: p.probation)]
        guard let adopted = tallies.adopted else {
            return [.reintegrationVoteHeld(VoteRecord(proposals: proposals, ballots: p.ballots, tallies: tallies, adopted: nil))]
        }
        if adopted == probationary && p.probation == nil {
            throw refuse(.R20, "la réintégration probatoire l'emporte : la cellule détermine les conditions de probation",
                         "probationary reintegration wins: the cell sets the probation conditions",
                         allowed: "le même vote avec probation", allowedEn: "the same vote with probation")
        }
        let probation = adopted == probationary ? p.probation : nil
        try checkProbation(sanctions: [adopted], probation: probation)
        return [.reintegrationVoteHeld(VoteRecord(proposals: proposals, ballots: p.ballots, tallies: tallies, adopted: adopted)),
                judgement(.reintegrationVote, [adopted], probation)]
    }

    func refer(_ p: GAReferral) throws -> [CaseEvent] {
        _ = try requireComplaint(.R21)
        try requireNotStopped()
        if state.referral != nil {
            throw refuse(.R21, "le dossier est déjà renvoyé à l'Assemblée générale", "already referred to the general assembly")
        }
        guard state.allCellVotesFailed else {
            throw refuse(.R21, "le renvoi à l'Assemblée générale suit l'échec des deux tiers dans tous les votes",
                         "referral to the GA follows two-thirds missed in every vote")
        }
        return [.referredToGeneralAssembly(p)]
    }

    // MARK: 5.6.11–5.6.13

    func requireJudgement(_ rule: RuleID) throws -> Dated<Judgement> {
        _ = try requireComplaint(rule)
        guard let j = state.judgement else {
            throw refuse(rule, "la cellule de crise n'a pas rendu de jugement", "the crisis cell has rendered no judgement")
        }
        return j
    }

    func sendToBoard(_ p: Note) throws -> [CaseEvent] {
        _ = try requireJudgement(.R21)
        if state.sentToBoardOn != nil {
            throw refuse(.R21, "le jugement est déjà envoyé au Conseil", "the judgement was already sent to the board")
        }
        return [.judgementSentToBoard(p)]
    }

    func letter(_ p: MemberRef) throws -> [CaseEvent] {
        _ = try requireJudgement(.R23)
        if !state.partiesWithRights.contains(p.member) {
            throw refuse(.R23, "\(p.member) n'est ni mis·e en cause ni victime", "\(p.member) is neither accused nor victim")
        }
        if state.lettersReceived.contains(where: { $0.value.member == p.member }) {
            throw refuse(.R23, "la réception du courrier par \(p.member) est déjà consignée",
                         "\(p.member)'s receipt of the letter is already recorded")
        }
        return [.decisionLetterReceived(p)]
    }

    func execute(_ p: Note) throws -> [CaseEvent] {
        // After the GA (appeal or referral) the board executes the GA's decision, which is final.
        if state.generalAssemblySettled {
            if state.generalAssemblyExecutedOn != nil {
                throw refuse(.R22, "la décision de l'Assemblée générale est déjà exécutée",
                             "the general assembly's decision is already executed")
            }
            if let r = state.generalAssemblyResolution { try requireNoUncarriedSanction(r.value.sanctions) }
            return [.judgementExecuted(p)]
        }
        if state.referral != nil {
            throw refuse(.R21, "le dossier attend la décision de l'Assemblée générale", "the case awaits the GA's decision",
                         allowed: "ga.vote", allowedEn: "ga.vote")
        }
        _ = try requireJudgement(.R22)
        guard state.sentToBoardOn != nil else {
            throw refuse(.R22, "le Conseil exécute le jugement à la réception du courrier ; il ne l'a pas encore reçu",
                         "the board executes the judgement on receipt; it has not received it yet",
                         allowed: "judgement.sendToBoard", allowedEn: "judgement.sendToBoard")
        }
        if state.executedOn != nil {
            throw refuse(.R22, "le jugement est déjà exécuté", "the judgement is already executed")
        }
        return [.judgementExecuted(p)]
    }

    func appeal(_ p: Appeal) throws -> [CaseEvent] {
        try requireCellDecisionToAppeal()
        _ = try requireJudgement(.R23)
        if !state.partiesWithRights.contains(p.by) {
            throw refuse(.R23, "seules les personnes mises en cause et les victimes peuvent faire appel",
                         "only the accused and the victims may appeal")
        }
        guard let last = state.appealDeadline(for: p.by, rulebook: rulebook) else {
            throw refuse(.R23, "le délai de recours court à compter de la réception du courrier de la décision, non consignée pour \(p.by)",
                         "the appeal window runs from receipt of the decision letter, not recorded for \(p.by)",
                         allowed: "consigner d'abord la réception (letter.receive)", allowedEn: "record the receipt first")
        }
        if day > last {
            throw refuse(.R23, "recours hors délai : le dernier jour était le \(last.frenchDescription) (\(last.days(until: day)) jour(s) de retard)",
                         "late appeal: the last day was \(last) (\(last.days(until: day)) day(s) late)",
                         allowed: "un recours au plus tard le \(last.frenchDescription)", allowedEn: "an appeal on or before \(last)")
        }
        if state.appeals.contains(where: { $0.value.by == p.by }) {
            throw refuse(.R23, "\(p.by) a déjà fait appel", "\(p.by) has already appealed")
        }
        if state.generalAssemblySettled {
            throw refuse(.R24, "l'Assemblée générale a déjà rendu son jugement final", "the GA has already rendered its final judgement")
        }
        return [.appealLodged(p)]
    }

    /// 5.6.10 « la décision est renvoyée à l'Assemblée générale la plus proche »: after a referral there is no cell
    /// decision to appeal; the assembly hears the matter itself, and its judgement is final (5.6.12).
    func requireCellDecisionToAppeal() throws {
        guard state.referral != nil, state.judgement == nil else { return }
        if state.generalAssemblySettled {
            throw refuse(.R24, "l'Assemblée générale a rendu son jugement final sur ce dossier renvoyé : il n'y a plus de recours",
                         "the general assembly has rendered its final judgement on this referred case: no appeal remains")
        }
        throw refuse(.R21, "le dossier est renvoyé à l'Assemblée générale, sans décision de la cellule dont faire appel : l'Assemblée entend l'affaire elle-même",
                     "the case is referred to the general assembly, with no cell decision to appeal: the assembly hears the matter itself",
                     allowed: "ga.vote", allowedEn: "ga.vote")
    }

    func generalAssemblyVote(_ p: GAVote) throws -> [CaseEvent] {
        _ = try requireComplaint(.R24)
        guard state.awaitsGeneralAssembly else {
            throw refuse(.R24, "aucun recours ni renvoi n'attend l'Assemblée générale", "no appeal or referral awaits the GA")
        }
        try requireNoPendingGeneralAssemblyReintegrationVote()
        let ids = p.proposals.map(\.id)
        if ids.isEmpty || Set(ids).count != ids.count {
            throw refuse(.R24, "propositions absentes ou en double", "missing or duplicate proposals")
        }
        for proposal in p.proposals { try requireKnownSanctions(proposal.sanctions, .R24) }
        if let bad = p.votes.first(where: { !ids.contains($0.option) || $0.votes < 0 }) {
            throw refuse(.R24, "décompte invalide pour \(bad.option)", "invalid count for \(bad.option)")
        }
        if Set(p.votes.map(\.option)).count != p.votes.count {
            throw refuse(.R24, "une option comptée deux fois", "an option counted twice")
        }
        let tallies = try generalAssemblyTallies(ids, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize)
        let record = GAVoteRecord(proposals: p.proposals, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize,
                                  tallies: tallies, adopted: tallies.adopted)
        if let a = record.adopted, let proposal = p.proposals.first(where: { $0.id == a }) {
            try checkProbation(sanctions: proposal.sanctions, probation: proposal.probation)
            return [.generalAssemblyDecided(record)]
        }
        return [.generalAssemblyVoteFailed(record)]
    }

    func generalAssemblyResolution(_ p: GAResolution) throws -> [CaseEvent] {
        _ = try requireComplaint(.R24)
        guard state.generalAssemblyFailed else {
            throw refuse(.R24, "une résolution explicite ne sert que lorsque l'Assemblée générale a manqué les deux tiers",
                         "an explicit resolution only applies when the GA missed two-thirds")
        }
        try requireNoPendingGeneralAssemblyReintegrationVote()
        if p.reason.trimmingCharacters(in: .whitespaces).isEmpty || p.outcome.trimmingCharacters(in: .whitespaces).isEmpty {
            throw refuse(.R24, "le règlement est muet : la résolution consigne son issue et sa raison",
                         "the rules are silent: the resolution records its outcome and its reason")
        }
        try requireKnownSanctions(p.sanctions, .R24)
        try requireNoUncarriedSanction(p.sanctions)
        return [.generalAssemblyResolutionRecorded(p)]
    }

    func reparation(_ p: Reparation) throws -> [CaseEvent] {
        _ = try requireComplaint(.R26)
        if p.measures.isEmpty {
            throw refuse(.R26, "la réparation nomme au moins une mesure", "reparation names at least one measure")
        }
        return [.reparationMeasuresRecorded(p)]
    }

    func radiation(_ p: Radiation) throws -> [CaseEvent] {
        _ = try requireComplaint(.R28)
        if !state.accusedIDs.contains(p.member) {
            throw refuse(.R28, "\(p.member) n'est pas mis·e en cause", "\(p.member) is not accused")
        }
        if state.radiations.contains(where: { $0.value.member == p.member }) {
            throw refuse(.R28, "la radiation de \(p.member) est déjà annoncée", "\(p.member)'s radiation is already announced")
        }
        let leftAndStopped = state.stopped != nil && state.departures.contains { $0.value.member == p.member }
        // A resolution recorded where the text is silent carries no sanction the assembly did not vote (R24).
        let decided = state.outcome.map { $0.source != .generalAssemblyResolution
            && $0.sanctions.contains(Rulebook.SanctionID.radiation) } == true
        if decided, !leftAndStopped {
            if state.appealPending {
                // 5.6.12: « jusqu'à la tenue de l'Assemblée générale, la décision … sera mise en application sous forme
                // d'une nouvelle suspension » — a suspension, not the radiation itself.
                throw refuse(.R25, "un recours est en cours : jusqu'à l'Assemblée générale, la décision s'applique comme une suspension",
                             "an appeal is pending: until the general assembly the decision applies as a suspension",
                             allowed: "attendre la décision de l'Assemblée générale", allowedEn: "wait for the general assembly's decision")
            }
            if state.sentToBoardOn == nil && !state.generalAssemblySettled {
                throw refuse(.R28, "le Conseil exécute la décision à la réception du jugement, qui ne lui est pas encore envoyé",
                             "the board executes the decision on receiving the judgement, not yet sent to it",
                             allowed: "judgement.sendToBoard", allowedEn: "judgement.sendToBoard")
            }
        }
        guard leftAndStopped || decided else {
            throw refuse(.R28, "la radiation suit une procédure de gestion de crise qui l'a décidée (ou l'arrêt de 5.6.7)",
                         "radiation follows a crisis procedure that decided it (or the stop of 5.6.7)")
        }
        return [.radiationAnnounced(p)]
    }

    func close(_ p: Closure) throws -> [CaseEvent] {
        _ = try requireComplaint(.order)
        if state.awaitsGeneralAssembly || state.generalAssemblyFailed {
            throw refuse(.R24, "un recours ou un renvoi attend l'Assemblée générale", "an appeal or referral awaits the GA")
        }
        if let s = state.stopped {
            let departed = state.departures.map(\.value.member)
            if let m = departed.first(where: { id in !state.radiations.contains { $0.value.member == id } }) {
                throw refuse(.R11, "la procédure arrêtée le \(s.on.frenchDescription) attend l'officialisation de la radiation de \(m)",
                             "the procedure stopped on \(s.on) awaits the announcement of \(m)'s radiation",
                             allowed: "radiation.announce", allowedEn: "radiation.announce")
            }
            return [.caseClosed(p)]
        }
        if state.generalAssemblySettled {
            guard state.generalAssemblyExecutedOn != nil else {
                throw refuse(.R22, "la décision de l'Assemblée générale n'est pas encore exécutée",
                             "the general assembly's decision is not executed yet",
                             allowed: "judgement.execute", allowedEn: "judgement.execute")
            }
            // The GA's judgement is final: no appeal window remains.
            return [.caseClosed(p)]
        }
        guard state.judgement != nil, state.executedOn != nil else {
            throw refuse(.R22, "le jugement n'est pas encore exécuté", "the judgement is not executed yet",
                         allowed: "judgement.execute", allowedEn: "judgement.execute")
        }
        // « dans un délai de 2 mois à compter de la réception du courrier de la décision »: each party's window runs
        // from their own receipt, so a party whose receipt is not recorded still has their whole window.
        let received = Set(state.lettersReceived.map(\.value.member))
        if let waiting = state.partiesWithRights.first(where: { !received.contains($0) }) {
            throw refuse(.R23, "la réception du courrier de décision par \(waiting) n'est pas enregistrée : son délai de recours n'a pas commencé",
                         "\(waiting)'s receipt of the decision letter is not recorded: their appeal window has not started",
                         allowed: "letter.receive", allowedEn: "letter.receive")
        }
        for letter in state.lettersReceived where !state.appeals.contains(where: { $0.value.by == letter.value.member }) {
            let last = rulebook.deadlines.appeal.period.end(from: letter.on)
            if day <= last {
                throw refuse(.R23, "le délai de recours de \(letter.value.member) court jusqu'au \(last.frenchDescription)",
                             "\(letter.value.member) may appeal until \(last)",
                             allowed: "clore après le \(last.frenchDescription)", allowedEn: "close after \(last)")
            }
        }
        return [.caseClosed(p)]
    }

    // MARK: Outcomes the text admits (5.6.6, 5.6.9, 5.6.12, 2.5)

    /// R27 (2.5 B): « des preuves de réparation et de transformation sont requises » and « soumise à l'approbation des
    /// adhérents concernés par la situation ».
    func checkProbationProofAndApproval(_ p: Probation) throws {
        if !p.reparationProofRequired {
            throw refuse(.R27, "une réintégration probatoire exige des preuves de réparation et de transformation",
                         "a probationary reintegration requires proof of reparation and transformation",
                         allowed: "la même probation, preuves exigées", allowedEn: "the same probation, with proof required")
        }
        if p.approvedBy.isEmpty {
            throw refuse(.R27, "une réintégration probatoire est soumise à l'approbation des adhérents concernés : qui l'a approuvée ?",
                         "a probationary reintegration is subject to the approval of the members concerned: who approved it?",
                         allowed: "nommer les adhérents concernés qui l'approuvent (approvedBy)",
                         allowedEn: "name the members concerned who approve it (approvedBy)")
        }
        if let a = p.approvedBy.first(where: { state.accusedIDs.contains($0) }) {
            throw refuse(.R27, "\(a) est mis·e en cause : l'approbation vient des autres adhérents concernés par la situation",
                         "\(a) is accused: the approval comes from the other members concerned by the situation")
        }
        if let a = p.approvedBy.first(where: { member($0) == nil }) {
            throw refuse(.R27, "\(a) n'est pas dans la liste des adhésions : l'approbation vient des adhérents concernés",
                         "\(a) is not on the roster: the approval comes from the members concerned")
        }
    }

    /// R19 (5.6.6 « L'association n'impose aucune demande ou sanction », 5.6.13 « quelle que soit la décision »): the
    /// cell may decide that no sanction is due; such a decision gives its reasons and carries no probation.
    func checkNoSanctionDecision(_ p: Decision) throws {
        if p.reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw refuse(.R19, "une décision sans sanction donne ses motifs", "a decision of no sanction gives its reasons",
                         allowed: "motifs (plainte non fondée, faits non établis…)", allowedEn: "reasons (complaint unfounded, facts not established…)")
        }
        if p.probation != nil {
            throw refuse(.R19, "une décision sans sanction n'a pas de conditions de probation",
                         "a decision of no sanction has no probation conditions")
        }
    }

    /// R24: « selon les mêmes modalités que la cellule de crise » — after the sanction vote missed two-thirds, the
    /// assembly votes on the reintegration before anything else.
    func requireNoPendingGeneralAssemblyReintegrationVote() throws {
        if state.generalAssemblyAwaitsReintegrationVote {
            throw refuse(.R24, "l'Assemblée générale a manqué les deux tiers sur la sanction : selon les mêmes modalités que la cellule de crise, elle vote ensuite sur une réintégration immédiate ou probatoire, aux deux tiers",
                         "the general assembly missed two-thirds on the sanction: with the same modalities as the crisis cell, it votes next on an immediate or probationary reintegration, by two-thirds",
                         allowed: "ga.reintegrationVote", allowedEn: "ga.reintegrationVote")
        }
    }

    /// R24: where the text is silent (both GA votes missed two-thirds), a resolution imposes no sanction the assembly
    /// did not carry: at most the immediate reintegration, which imposes nothing.
    func requireNoUncarriedSanction(_ sanctions: [String]) throws {
        if let s = sanctions.first(where: { $0 != Rulebook.SanctionID.immediateReintegration }) {
            throw refuse(.R24, "l'Assemblée générale n'a pas porté « \(s) » aux deux tiers : une résolution ne peut pas imposer une sanction que l'Assemblée n'a pas votée",
                         "the general assembly did not carry \"\(s)\" by two-thirds: a resolution cannot impose a sanction the assembly did not vote",
                         allowed: "une résolution sans sanction (ou la réintégration immédiate), ou un nouveau vote de l'Assemblée",
                         allowedEn: "a resolution without sanction (or the immediate reintegration), or a new assembly vote")
        }
    }

    /// Counted GA ballots (R24): each option's votes against the two-thirds threshold.
    func generalAssemblyTallies(_ ids: [String], votes: [OptionVotes], blanks: Int, bodySize: Int) throws -> [OptionTally] {
        if let bad = votes.first(where: { !ids.contains($0.option) || $0.votes < 0 }) {
            throw refuse(.R24, "décompte invalide pour \(bad.option)", "invalid count for \(bad.option)",
                         allowed: ids.joined(separator: ", "), allowedEn: ids.joined(separator: ", "))
        }
        if Set(votes.map(\.option)).count != votes.count {
            throw refuse(.R24, "une option comptée deux fois", "an option counted twice")
        }
        // Counts come from input: sum without trapping on absurd values.
        let total = (votes.map(\.votes) + [blanks]).reduce((0, false)) { acc, n in
            let (v, o) = acc.0.addingReportingOverflow(n)
            return (v, acc.1 || o)
        }
        if total.1 {
            throw refuse(.R24, "décompte hors limites", "counts out of range")
        }
        let cast = total.0 - blanks
        if blanks < 0 || total.0 > bodySize || total.0 == 0 {
            throw refuse(.R24, "\(cast + blanks) bulletins pour \(bodySize) votant·es", "\(cast + blanks) ballots for \(bodySize) voters")
        }
        return ids.map { id in
            OptionTally(option: id, tally: rulebook.reachesTwoThirds(
                yes: votes.first { $0.option == id }?.votes ?? 0, cast: cast, blanks: blanks, bodySize: bodySize))
        }
    }

    /// R24: the assembly's vote on an immediate or probationary reintegration, after its sanction vote missed
    /// two-thirds, as the cell's (R20).
    func generalAssemblyReintegrationVote(_ p: GAReintegrationVote) throws -> [CaseEvent] {
        _ = try requireComplaint(.R24)
        guard state.generalAssemblyAwaitsReintegrationVote else {
            throw refuse(.R24, "le vote de l'Assemblée sur la réintégration suit son vote sur la sanction sans deux tiers",
                         "the assembly's reintegration vote follows its sanction vote that missed two-thirds",
                         allowed: "ga.vote", allowedEn: "ga.vote")
        }
        let immediate = Rulebook.SanctionID.immediateReintegration
        let probationary = Rulebook.SanctionID.probationaryReintegration
        let options = [immediate, probationary]
        let tallies = try generalAssemblyTallies(options, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize)
        let proposals = [Proposal(id: immediate, sanctions: [immediate]),
                         Proposal(id: probationary, sanctions: [probationary], probation: p.probation)]
        let adopted = tallies.adopted
        if adopted == probationary {
            if p.probation == nil {
                throw refuse(.R24, "la réintégration probatoire l'emporte : l'Assemblée en détermine les conditions",
                             "probationary reintegration wins: the assembly sets the probation conditions",
                             allowed: "le même vote avec probation", allowedEn: "the same vote with probation")
            }
            try checkProbation(sanctions: [probationary], probation: p.probation)
        }
        return [.generalAssemblyReintegrationVoteHeld(GAVoteRecord(
            proposals: proposals, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize, tallies: tallies, adopted: adopted))]
    }

    /// 5.6.9: the rapporteur or the board replaces a cell member who is no longer eligible or does not answer; no
    /// party's recusal is used, and the replaced member cannot sit again in this case.
    func replaceCellMember(_ p: CellReplacement) throws -> [CaseEvent] {
        try requireConstitution(.R13)
        if !state.cell.contains(p.member) {
            throw refuse(.R13, "\(p.member) ne siège pas dans la cellule", "\(p.member) does not sit in the cell",
                         allowed: state.cell.map(\.rawValue).joined(separator: ", "))
        }
        if p.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw refuse(.R13, "le remplacement d'un membre de la cellule consigne sa raison",
                         "replacing a cell member records its reason")
        }
        if p.ground == .noLongerEligible {
            var without = state
            without.cell.removeAll { $0 == p.member }
            if without.isEligibleForCell(p.member, context: context, on: day, rulebook: rulebook).isEmpty {
                throw refuse(.R13, "\(p.member) peut encore siéger ce jour (à jour de cotisation, indépendant·e de la situation)",
                             "\(p.member) may still sit on that day (dues paid, independent of the case)",
                             allowed: "le motif « ne répond pas » (noAnswer), ou la révocation par une partie (R14)",
                             allowedEn: "the ground \"does not answer\" (noAnswer), or a party's recusal (R14)")
            }
        }
        return [.cellMemberReplaced(p)]
    }

    /// Where the text is silent and nothing else lets the case go on: the board's explicit decision, with its reason,
    /// and the one way forward Greffe gives that matter.
    func explicitDecision(_ p: ExplicitDecision) throws -> [CaseEvent] {
        if p.decision.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || p.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw refuse(p.matter == .cellCannotBeFormed ? .R21 : .R11,
                         "le règlement est muet : la décision explicite consigne ce qui est décidé et sa raison",
                         "the rules are silent: the explicit decision records what is decided and its reason")
        }
        switch p.matter {
        case .cellCannotBeFormed:
            try requireConstitution(.R21)
            try requireRoomInCell(.R21)
            try requireNoDrawUnderway(.R15)
            if state.cellCalls.isEmpty {
                throw refuse(.R13, "un appel précède : la cellule se forme d'abord par appel (et tirage au sort)",
                             "a call comes first: the cell is formed by a call (and a draw)",
                             allowed: "cell.call", allowedEn: "cell.call")
            }
            let seats = rulebook.cellSize - state.cell.count
            let eligible = state.cellPool(context: context, on: day, rulebook: rulebook).count
            if eligible >= seats {
                throw refuse(.R15, "\(eligible) membre(s) éligible(s) pour \(seats) siège(s) : un tirage au sort peut compléter la cellule",
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
                throw refuse(.R11, "\(present) n'a pas quitté l'association : la procédure se poursuit",
                             "\(present) has not left the association: the procedure goes on")
            }
            if state.departures.contains(where: { $0.value.possibleOffence }) {
                throw refuse(.R11, "une infraction pénale possible est notée : la procédure se poursuit jusqu'à une décision finale",
                             "a possible criminal offence is noted: the procedure goes on to a final decision")
            }
            return [.explicitDecisionRecorded(p), .procedureStopped(ProcedureStop(reason: p.decision + " — " + p.reason))]
        }
    }
}
