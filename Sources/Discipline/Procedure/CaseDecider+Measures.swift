// 2.5, 4.5, 5.3: the measures a decision names (known, compatible, a mandate to revoke, a probation's conditions),
// and the radiation announced.

extension Deciding {
    func requireKnownSanctions(_ ids: [String], _ rule: RuleID) throws(Refusal) {
        if let bad = ids.first(where: { rulebook.sanction($0) == nil }) {
            let known = rulebook.sanctions.map(\.id).joined(separator: ", ")
            throw refuse(
                rule, "sanction inconnue du règlement : \(bad)", "unknown sanction: \(bad)",
                allowed: known, allowedEn: known)
        }
        try requireCompatibleSanctions(ids)
        try requireMandateToRevoke(ids)
    }

    /// R27 (2.5, 5.3): measures that contradict each other are refused together, whichever decision names them.
    func requireCompatibleSanctions(_ ids: [String]) throws(Refusal) {
        if let c = Rulebook.contradiction(in: ids) {
            throw refuse(
                .R27, "\(c.first) et \(c.second) se contredisent : \(c.fr)",
                "\(c.first) and \(c.second) contradict each other: \(c.en)",
                allowed: "une seule des deux mesures", allowedEn: "only one of the two measures")
        }
    }

    /// R32 (4.5) « La révocation de tout membre mandaté … peut être décidée pour donner suite à une procédure de
    /// gestion de crise »: only an accused who holds a mandate (on the roster that day, or as the complaint records)
    /// can have one revoked.
    func requireMandateToRevoke(_ ids: [String]) throws(Refusal) {
        guard ids.contains(Rulebook.SanctionID.mandateRevocation) else { return }
        let holders = state.accused.filter { party in
            party.holdsMandate == true || member(party.id).map { $0.holdsMandate || $0.boardMember } == true
        }
        if holders.isEmpty {
            let names = state.accusedIDs.map(\.rawValue).joined(separator: ", ")
            throw refuse(
                .R32,
                "la révocation d'un mandat vise un membre mandaté ; aucune personne mise en cause (\(names)) ne détient de mandat (liste des membres, plainte)",
                "revoking a mandate needs a mandate holder; no accused (\(names)) holds a mandate (roster, complaint)",
                allowed: "une autre mesure", allowedEn: "another measure")
        }
    }

    /// R27 (2.5): a probationary reintegration is "limitée dans le temps et l'espace" and comes with conditions.
    func checkProbation(sanctions: [String], probation: Probation?) throws(Refusal) {
        guard sanctions.contains(Rulebook.SanctionID.probationaryReintegration) else { return }
        guard let p = probation else {
            throw refuse(
                .R27, "une réintégration probatoire exige des conditions de probation",
                "a probationary reintegration needs probation conditions",
                allowed: "préciser les conditions, la durée et les espaces",
                allowedEn: "give conditions, end day and spaces")
        }
        if p.conditions.isEmpty || p.spaces.isEmpty || p.until <= day {
            throw refuse(
                .R27,
                "la probation doit être limitée dans le temps (fin après le \(day.frenchDescription)) et l'espace, avec des conditions",
                "probation must be limited in time (ending after \(day)) and space, with conditions")
        }
        try checkProbationProofAndApproval(p)
    }

    /// R27 (2.5 B): « des preuves de réparation et de transformation sont requises » and « soumise à l'approbation des
    /// adhérents concernés par la situation ».
    func checkProbationProofAndApproval(_ p: Probation) throws(Refusal) {
        if !p.reparationProofRequired {
            throw refuse(
                .R27, "une réintégration probatoire exige des preuves de réparation et de transformation",
                "a probationary reintegration requires proof of reparation and transformation",
                allowed: "la même probation, preuves exigées", allowedEn: "the same probation, with proof required")
        }
        if p.approvedBy.isEmpty {
            throw refuse(
                .R27,
                "une réintégration probatoire est soumise à l'approbation des adhérents concernés : qui l'a approuvée ?",
                "a probationary reintegration is subject to the approval of the members concerned: who approved it?",
                allowed: "nommer les adhérents concernés qui l'approuvent (approvedBy)",
                allowedEn: "name the members concerned who approve it (approvedBy)")
        }
        if let a = p.approvedBy.first(where: { state.accusedIDs.contains($0) }) {
            throw refuse(
                .R27, "\(a) est mis·e en cause : l'approbation vient des autres adhérents concernés par la situation",
                "\(a) is accused: the approval comes from the other members concerned by the situation")
        }
        if let a = p.approvedBy.first(where: { member($0) == nil }) {
            throw refuse(
                .R27, "\(a) n'est pas dans la liste des adhésions : l'approbation vient des adhérents concernés",
                "\(a) is not on the roster: the approval comes from the members concerned")
        }
    }

    func radiation(_ p: Radiation) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R28)
        if !state.accusedIDs.contains(p.member) {
            throw refuse(.R28, "\(p.member) n'est pas mis·e en cause", "\(p.member) is not accused")
        }
        if state.radiations.contains(where: { $0.value.member == p.member }) {
            throw refuse(
                .R28, "la radiation de \(p.member) est déjà annoncée", "\(p.member)'s radiation is already announced")
        }
        let leftAndStopped = state.stopped != nil && state.departures.contains { $0.value.member == p.member }
        // A resolution recorded where the text is silent carries no sanction the assembly did not vote (R24).
        let decided =
            state.outcome.map {
                $0.source != .generalAssemblyResolution
                    && $0.sanctions.contains(Rulebook.SanctionID.radiation)
            } == true
        if decided, !leftAndStopped {
            if state.appealPending {
                // 5.6.12: « jusqu'à la tenue de l'Assemblée générale, la décision … sera mise en application sous forme
                // d'une nouvelle suspension » — a suspension, not the radiation itself.
                throw refuse(
                    .R25,
                    "un recours est en cours : jusqu'à l'Assemblée générale, la décision s'applique comme une suspension",
                    "an appeal is pending: until the general assembly the decision applies as a suspension",
                    allowed: "attendre la décision de l'Assemblée générale",
                    allowedEn: "wait for the general assembly's decision")
            }
            if state.sentToBoardOn == nil && !state.generalAssemblySettled {
                throw refuse(
                    .R28, "le Conseil exécute la décision à la réception du jugement, qui ne lui est pas encore envoyé",
                    "the board executes the decision on receiving the judgement, not yet sent to it",
                    allowed: "judgement.sendToBoard", allowedEn: "judgement.sendToBoard")
            }
        }
        guard leftAndStopped || decided else {
            throw refuse(
                .R28, "la radiation suit une procédure de gestion de crise qui l'a décidée (ou l'arrêt de 5.6.7)",
                "radiation follows a crisis procedure that decided it (or the stop of 5.6.7)")
        }
        return [.radiationAnnounced(p)]
    }
}
