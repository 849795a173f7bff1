import Foundation

// 5.6.12–5.6.13: the decision letter, the appeal, the general assembly's votes and resolution, reparation, closing.

extension Deciding {
    func letter(_ p: MemberRef) throws(Refusal) -> [CaseEvent] {
        _ = try requireJudgement(.R23)
        if !state.partiesWithRights.contains(p.member) {
            throw refuse(
                .R23, "\(p.member) n'est ni mis·e en cause ni victime", "\(p.member) is neither accused nor victim")
        }
        if state.lettersReceived.contains(where: { $0.value.member == p.member }) {
            throw refuse(
                .R23, "la réception du courrier par \(p.member) est déjà consignée",
                "\(p.member)'s receipt of the letter is already recorded")
        }
        return [.decisionLetterReceived(p)]
    }

    func appeal(_ p: Appeal) throws(Refusal) -> [CaseEvent] {
        try requireCellDecisionToAppeal()
        _ = try requireJudgement(.R23)
        if !state.partiesWithRights.contains(p.by) {
            throw refuse(
                .R23, "seules les personnes mises en cause et les victimes peuvent faire appel",
                "only the accused and the victims may appeal")
        }
        guard let last = state.appealDeadline(for: p.by, rulebook: rulebook) else {
            throw refuse(
                .R23,
                "le délai de recours court à compter de la réception du courrier de la décision, non consignée pour \(p.by)",
                "the appeal window runs from receipt of the decision letter, not recorded for \(p.by)",
                allowed: "consigner d'abord la réception (letter.receive)", allowedEn: "record the receipt first")
        }
        if day > last {
            throw refuse(
                .R23,
                "recours hors délai : le dernier jour était le \(last.frenchDescription) (\(last.days(until: day)) jour(s) de retard)",
                "late appeal: the last day was \(last) (\(last.days(until: day)) day(s) late)",
                allowed: "un recours au plus tard le \(last.frenchDescription)",
                allowedEn: "an appeal on or before \(last)")
        }
        if state.appeals.contains(where: { $0.value.by == p.by }) {
            throw refuse(.R23, "\(p.by) a déjà fait appel", "\(p.by) has already appealed")
        }
        if state.generalAssemblySettled {
            throw refuse(
                .R24, "l'Assemblée générale a déjà rendu son jugement final",
                "the GA has already rendered its final judgement")
        }
        if p.grounds?.isBlank == true {
            throw refuse(
                .R23, "les motifs du recours sont vides", "the appeal's grounds are empty",
                allowed: "des motifs écrits, ou aucun", allowedEn: "written grounds, or none")
        }
        return [.appealLodged(p)]
    }

    /// 5.6.10 « la décision est renvoyée à l'Assemblée générale la plus proche »: after a referral there is no cell
    /// decision to appeal; the assembly hears the matter itself, and its judgement is final (5.6.12).
    func requireCellDecisionToAppeal() throws(Refusal) {
        guard state.referral != nil, state.judgement == nil else { return }
        if state.generalAssemblySettled {
            throw refuse(
                .R24,
                "l'Assemblée générale a rendu son jugement final sur ce dossier renvoyé : il n'y a plus de recours",
                "the general assembly has rendered its final judgement on this referred case: no appeal remains")
        }
        throw refuse(
            .R21,
            "le dossier est renvoyé à l'Assemblée générale, sans décision de la cellule dont faire appel : l'Assemblée entend l'affaire elle-même",
            "the case is referred to the general assembly, with no cell decision to appeal: the assembly hears the matter itself",
            allowed: "ga.vote", allowedEn: "ga.vote")
    }

    func generalAssemblyVote(_ p: GAVote) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R24)
        guard state.awaitsGeneralAssembly else {
            throw refuse(
                .R24, "aucun recours ni renvoi n'attend l'Assemblée générale", "no appeal or referral awaits the GA")
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
        let record = GAVoteRecord(
            proposals: p.proposals, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize,
            tallies: tallies, adopted: tallies.adopted)
        if let a = record.adopted, let proposal = p.proposals.first(where: { $0.id == a }) {
            try checkProbation(sanctions: proposal.sanctions, probation: proposal.probation)
            return [.generalAssemblyDecided(record)]
        }
        return [.generalAssemblyVoteFailed(record)]
    }

    /// R24: « selon les mêmes modalités que la cellule de crise » — after the sanction vote missed two-thirds, the
    /// assembly votes on the reintegration before anything else.
    func requireNoPendingGeneralAssemblyReintegrationVote() throws(Refusal) {
        if state.generalAssemblyAwaitsReintegrationVote {
            throw refuse(
                .R24,
                "l'Assemblée générale a manqué les deux tiers sur la sanction : selon les mêmes modalités que la cellule de crise, elle vote ensuite sur une réintégration immédiate ou probatoire, aux deux tiers",
                "the general assembly missed two-thirds on the sanction: with the same modalities as the crisis cell, it votes next on an immediate or probationary reintegration, by two-thirds",
                allowed: "ga.reintegrationVote", allowedEn: "ga.reintegrationVote")
        }
    }

    /// Counted GA ballots (R24): each option's votes against the two-thirds threshold.
    func generalAssemblyTallies(
        _ ids: [String], votes: [OptionVotes], blanks: Int, bodySize: Int
    ) throws(Refusal) -> [OptionTally] {
        if let bad = votes.first(where: { !ids.contains($0.option) || $0.votes < 0 }) {
            throw refuse(
                .R24, "décompte invalide pour \(bad.option)", "invalid count for \(bad.option)",
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
            throw refuse(
                .R24, "\(cast + blanks) bulletins pour \(bodySize) votant·es",
                "\(cast + blanks) ballots for \(bodySize) voters")
        }
        return ids.map { id in
            OptionTally(
                option: id,
                tally: rulebook.reachesTwoThirds(
                    yes: votes.first { $0.option == id }?.votes ?? 0, cast: cast, blanks: blanks, bodySize: bodySize))
        }
    }

    /// R24: the assembly's vote on an immediate or probationary reintegration, after its sanction vote missed
    /// two-thirds, as the cell's (R20).
    func generalAssemblyReintegrationVote(_ p: GAReintegrationVote) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R24)
        guard state.generalAssemblyAwaitsReintegrationVote else {
            throw refuse(
                .R24, "le vote de l'Assemblée sur la réintégration suit son vote sur la sanction sans deux tiers",
                "the assembly's reintegration vote follows its sanction vote that missed two-thirds",
                allowed: "ga.vote", allowedEn: "ga.vote")
        }
        let immediate = Rulebook.SanctionID.immediateReintegration
        let probationary = Rulebook.SanctionID.probationaryReintegration
        let options = [immediate, probationary]
        let tallies = try generalAssemblyTallies(options, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize)
        let proposals = [
            Proposal(id: immediate, sanctions: [immediate]),
            Proposal(id: probationary, sanctions: [probationary], probation: p.probation)
        ]
        let adopted = tallies.adopted
        if adopted == probationary {
            if p.probation == nil {
                throw refuse(
                    .R24, "la réintégration probatoire l'emporte : l'Assemblée en détermine les conditions",
                    "probationary reintegration wins: the assembly sets the probation conditions",
                    allowed: "le même vote avec probation", allowedEn: "the same vote with probation")
            }
            try checkProbation(sanctions: [probationary], probation: p.probation)
        }
        return [
            .generalAssemblyReintegrationVoteHeld(
                GAVoteRecord(
                    proposals: proposals, votes: p.votes, blanks: p.blanks, bodySize: p.bodySize, tallies: tallies,
                    adopted: adopted))
        ]
    }

    func generalAssemblyResolution(_ p: GAResolution) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R24)
        guard state.generalAssemblyFailed else {
            throw refuse(
                .R24, "une résolution explicite ne sert que lorsque l'Assemblée générale a manqué les deux tiers",
                "an explicit resolution only applies when the GA missed two-thirds")
        }
        try requireNoPendingGeneralAssemblyReintegrationVote()
        if p.reason.isBlank || p.outcome.isBlank {
            throw refuse(
                .R24, "le règlement est muet : la résolution consigne son issue et sa raison",
                "the rules are silent: the resolution records its outcome and its reason")
        }
        try requireKnownSanctions(p.sanctions, .R24)
        try requireNoUncarriedSanction(p.sanctions)
        return [.generalAssemblyResolutionRecorded(p)]
    }

    /// R24: where the text is silent (both GA votes missed two-thirds), a resolution imposes no sanction the assembly
    /// did not carry: at most the immediate reintegration, which imposes nothing.
    func requireNoUncarriedSanction(_ sanctions: [String]) throws(Refusal) {
        if let s = sanctions.first(where: { $0 != Rulebook.SanctionID.immediateReintegration }) {
            let named = rulebook.sanction(s)
            throw refuse(
                .R24,
                "l'Assemblée générale n'a pas porté « \(named?.fr ?? s) » aux deux tiers : une résolution ne peut pas imposer une sanction que l'Assemblée n'a pas votée",
                "the general assembly did not carry \"\(named?.en ?? s)\" by two-thirds: a resolution cannot impose a sanction the assembly did not vote",
                allowed:
                    "une résolution sans sanction (ou la réintégration immédiate), ou un nouveau vote de l'Assemblée",
                allowedEn: "a resolution without sanction (or the immediate reintegration), or a new assembly vote")
        }
    }

    func reparation(_ p: Reparation) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R26)
        if p.measures.isEmpty {
            throw refuse(.R26, "la réparation nomme au moins une mesure", "reparation names at least one measure")
        }
        return [.reparationMeasuresRecorded(p)]
    }

    func close(_ p: Closure) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.order)
        if state.awaitsGeneralAssembly || state.generalAssemblyFailed {
            throw refuse(
                .R24, "un recours ou un renvoi attend l'Assemblée générale", "an appeal or referral awaits the GA")
        }
        if let s = state.stopped {
            let departed = state.departures.map(\.value.member)
            if let m = departed.first(where: { id in !state.radiations.contains { $0.value.member == id } }) {
                throw refuse(
                    .R11,
                    "la procédure arrêtée le \(s.on.frenchDescription) attend l'officialisation de la radiation de \(m)",
                    "the procedure stopped on \(s.on) awaits the announcement of \(m)'s radiation",
                    allowed: "radiation.announce", allowedEn: "radiation.announce")
            }
            return [.caseClosed(p)]
        }
        if state.generalAssemblySettled {
            guard state.generalAssemblyExecutedOn != nil else {
                throw refuse(
                    .R22, "la décision de l'Assemblée générale n'est pas encore exécutée",
                    "the general assembly's decision is not executed yet",
                    allowed: "judgement.execute", allowedEn: "judgement.execute")
            }
            // The GA's judgement is final: no appeal window remains.
            return [.caseClosed(p)]
        }
        guard state.judgement != nil, state.executedOn != nil else {
            throw refuse(
                .R22, "le jugement n'est pas encore exécuté", "the judgement is not executed yet",
                allowed: "judgement.execute", allowedEn: "judgement.execute")
        }
        // « dans un délai de 2 mois à compter de la réception du courrier de la décision »: each party's window runs
        // from their own receipt, so a party whose receipt is not recorded still has their whole window.
        let received = Set(state.lettersReceived.map(\.value.member))
        if let waiting = state.partiesWithRights.first(where: { !received.contains($0) }) {
            throw refuse(
                .R23,
                "la réception du courrier de décision par \(waiting) n'est pas enregistrée : son délai de recours n'a pas commencé",
                "\(waiting)'s receipt of the decision letter is not recorded: their appeal window has not started",
                allowed: "letter.receive", allowedEn: "letter.receive")
        }
        for letter in state.lettersReceived where !state.appeals.contains(where: { $0.value.by == letter.value.member })
        {
            let last = rulebook.deadlines.appeal.period.end(from: letter.on)
            if day <= last {
                throw refuse(
                    .R23, "le délai de recours de \(letter.value.member) court jusqu'au \(last.frenchDescription)",
                    "\(letter.value.member) may appeal until \(last)",
                    allowed: "clore après le \(last.frenchDescription)", allowedEn: "close after \(last)")
            }
        }
        return [.caseClosed(p)]
    }
}
