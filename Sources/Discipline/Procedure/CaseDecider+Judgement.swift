import Foundation

// 5.6.10–5.6.11: the cell's meeting, its consensus or votes, the referral to the GA, the judgement sent and executed.

extension Deciding {
    func requireDeliberation(_ rule: RuleID) throws(Refusal) {
        _ = try requireComplaint(rule)
        try requireNotStopped()
        guard state.cellMeeting != nil else {
            throw refuse(
                rule, "la cellule de crise ne s'est pas encore réunie", "the crisis cell has not met yet",
                allowed: "cell.meet", allowedEn: "cell.meet")
        }
        try requireNoJudgement(rule)
    }

    func cellMeeting(_ p: CellMeeting) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R18)
        try requireNotStopped()
        guard state.instructionEndedOn != nil else {
            throw refuse(
                .R18, "la cellule se réunit après l'envoi de la synthèse (fin de l'instruction)",
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
            throw refuse(
                .R18, "les \(rulebook.cellSize) membres de la cellule se réunissent ; \(absent) est absent·e",
                "the \(rulebook.cellSize) cell members meet together; \(absent) is absent",
                allowed: "consigner la réunion quand les \(rulebook.cellSize) membres sont présents",
                allowedEn: "record the meeting when all \(rulebook.cellSize) members attend")
        }
        return [.cellMet(p)]
    }

    func judgement(_ basis: Judgement.Basis, _ sanctions: [String], _ probation: Probation?) -> CaseEvent {
        .judgementRendered(Judgement(basis: basis, sanctions: sanctions, probation: probation, cell: state.cell))
    }

    func consensus(_ p: Decision) throws(Refusal) -> [CaseEvent] {
        try requireDeliberation(.R19)
        if state.cellVote != nil {
            throw refuse(
                .R19, "un vote a déjà eu lieu : le consensus n'a pas été trouvé",
                "a vote was already held: there was no consensus")
        }
        if p.sanctions.isEmpty { try checkNoSanctionDecision(p) }
        try requireKnownSanctions(p.sanctions, .R19)
        try checkProbation(sanctions: p.sanctions, probation: p.probation)
        return [.consensusReached(p), judgement(.consensus, p.sanctions, p.probation)]
    }

    /// R19 (5.6.6 « L'association n'impose aucune demande ou sanction », 5.6.13 « quelle que soit la décision »): the
    /// cell may decide that no sanction is due; such a decision gives its reasons and carries no probation.
    func checkNoSanctionDecision(_ p: Decision) throws(Refusal) {
        if p.reasons.isBlank {
            throw refuse(
                .R19, "une décision sans sanction donne ses motifs", "a decision of no sanction gives its reasons",
                allowed: "motifs (plainte non fondée, faits non établis…)",
                allowedEn: "reasons (complaint unfounded, facts not established…)")
        }
        if p.probation != nil {
            throw refuse(
                .R19, "une décision sans sanction n'a pas de conditions de probation",
                "a decision of no sanction has no probation conditions")
        }
    }

    /// R19: every voter sits in the cell and votes once; options are the proposals or blank.
    func checkBallots(_ ballots: [Ballot], options: [String], rule: RuleID) throws(Refusal) {
        var seen: Set<MemberID> = []
        for b in ballots {
            if !state.cell.contains(b.member) {
                throw refuse(rule, "\(b.member) ne siège pas dans la cellule", "\(b.member) does not sit in the cell")
            }
            if !seen.insert(b.member).inserted {
                throw refuse(rule, "\(b.member) a voté deux fois", "\(b.member) voted twice")
            }
            if let o = b.option, !options.contains(o) {
                throw refuse(
                    rule, "option inconnue : \(o)", "unknown option: \(o)", allowed: options.joined(separator: ", "))
            }
        }
        if ballots.isEmpty {
            throw refuse(rule, "un vote sans bulletin", "a vote without ballots")
        }
        // The cell votes as a body: every member casts a ballot (blank allowed), so two of three make two-thirds.
        if let silent = state.cell.first(where: { !seen.contains($0) }) {
            throw refuse(
                rule, "chaque membre de la cellule vote (un bulletin blanc est possible) : il manque \(silent)",
                "every cell member votes (a blank ballot is allowed): \(silent) is missing")
        }
    }

    func cellVote(_ p: CellVote) throws(Refusal) -> [CaseEvent] {
        try requireDeliberation(.R19)
        if state.cellVote != nil {
            throw refuse(
                .R20, "le vote sur le jugement a eu lieu ; vient ensuite le vote sur la réintégration",
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
            events = [
                .cellVoteHeld(VoteRecord(proposals: p.proposals, ballots: p.ballots, tallies: tallies, adopted: a)),
                judgement(.cellVote, proposal.sanctions, proposal.probation)
            ]
        } else {
            events = [
                .cellVoteHeld(VoteRecord(proposals: p.proposals, ballots: p.ballots, tallies: tallies, adopted: nil))
            ]
        }
        return events
    }

    func reintegrationVote(_ p: ReintegrationVote) throws(Refusal) -> [CaseEvent] {
        try requireDeliberation(.R20)
        guard let v = state.cellVote, v.value.adopted == nil else {
            throw refuse(
                .R20, "le vote sur la réintégration suit un vote sans deux tiers",
                "the reintegration vote follows a vote that missed two-thirds",
                allowed: "cell.vote", allowedEn: "cell.vote")
        }
        if state.reintegrationVote != nil {
            throw refuse(
                .R21, "le vote sur la réintégration a déjà eu lieu", "the reintegration vote was already held",
                allowed: "ga.refer", allowedEn: "ga.refer")
        }
        let immediate = Rulebook.SanctionID.immediateReintegration
        let probationary = Rulebook.SanctionID.probationaryReintegration
        let options = [immediate, probationary]
        try checkBallots(p.ballots, options: options, rule: .R20)
        let tallies = Ballots(p.ballots).tallies(options: options, bodySize: state.cell.count, rulebook: rulebook)
        let proposals = [
            Proposal(id: immediate, sanctions: [immediate]),
            Proposal(id: probationary, sanctions: [probationary], probation: p.probation)
        ]
        guard let adopted = tallies.adopted else {
            return [
                .reintegrationVoteHeld(
                    VoteRecord(proposals: proposals, ballots: p.ballots, tallies: tallies, adopted: nil))
            ]
        }
        if adopted == probationary && p.probation == nil {
            throw refuse(
                .R20, "la réintégration probatoire l'emporte : la cellule détermine les conditions de probation",
                "probationary reintegration wins: the cell sets the probation conditions",
                allowed: "le même vote avec probation", allowedEn: "the same vote with probation")
        }
        let probation = adopted == probationary ? p.probation : nil
        try checkProbation(sanctions: [adopted], probation: probation)
        return [
            .reintegrationVoteHeld(
                VoteRecord(proposals: proposals, ballots: p.ballots, tallies: tallies, adopted: adopted)),
            judgement(.reintegrationVote, [adopted], probation)
        ]
    }

    func refer(_ p: GAReferral) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R21)
        try requireNotStopped()
        if state.referral != nil {
            throw refuse(
                .R21, "le dossier est déjà renvoyé à l'Assemblée générale", "already referred to the general assembly")
        }
        guard state.allCellVotesFailed else {
            throw refuse(
                .R21, "le renvoi à l'Assemblée générale suit l'échec des deux tiers dans tous les votes",
                "referral to the GA follows two-thirds missed in every vote")
        }
        return [.referredToGeneralAssembly(p)]
    }

    func requireJudgement(_ rule: RuleID) throws(Refusal) -> Dated<Judgement> {
        _ = try requireComplaint(rule)
        guard let j = state.judgement else {
            throw refuse(
                rule, "la cellule de crise n'a pas rendu de jugement", "the crisis cell has rendered no judgement")
        }
        return j
    }

    func sendToBoard(_ p: Note) throws(Refusal) -> [CaseEvent] {
        _ = try requireJudgement(.R21)
        if state.sentToBoardOn != nil {
            throw refuse(.R21, "le jugement est déjà envoyé au Conseil", "the judgement was already sent to the board")
        }
        return [.judgementSentToBoard(p)]
    }

    func execute(_ p: Note) throws(Refusal) -> [CaseEvent] {
        // After the GA (appeal or referral) the board executes the GA's decision, which is final.
        if state.generalAssemblySettled {
            if state.generalAssemblyExecutedOn != nil {
                throw refuse(
                    .R22, "la décision de l'Assemblée générale est déjà exécutée",
                    "the general assembly's decision is already executed")
            }
            if let r = state.generalAssemblyResolution { try requireNoUncarriedSanction(r.value.sanctions) }
            return [.judgementExecuted(p)]
        }
        if state.referral != nil {
            throw refuse(
                .R21, "le dossier attend la décision de l'Assemblée générale", "the case awaits the GA's decision",
                allowed: "ga.vote", allowedEn: "ga.vote")
        }
        _ = try requireJudgement(.R22)
        guard state.sentToBoardOn != nil else {
            throw refuse(
                .R22, "le Conseil exécute le jugement à la réception du courrier ; il ne l'a pas encore reçu",
                "the board executes the judgement on receipt; it has not received it yet",
                allowed: "judgement.sendToBoard", allowedEn: "judgement.sendToBoard")
        }
        if state.executedOn != nil {
            throw refuse(.R22, "le jugement est déjà exécuté", "the judgement is already executed")
        }
        return [.judgementExecuted(p)]
    }
}
