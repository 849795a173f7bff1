import Discipline

/// One act of a case in a sentence, for people (the dossier, the history). `name` renders a member (a name, or a
/// pseudonym in a pseudonymised document).
public struct EventWords {
    let language: Language
    let rulebook: Rulebook
    let name: (MemberID) -> String
    /// Reads a sealed text (the one reveal function; a pseudonymised document scrubs names from it too).
    let text: (Sealed) -> String

    public init(
        language: Language, rulebook: Rulebook, name: @escaping (MemberID) -> String,
        text: @escaping (Sealed) -> String
    ) {
        self.language = language
        self.rulebook = rulebook
        self.name = name
        self.text = text
    }

    func list(_ members: [MemberID]) -> String { members.isEmpty ? "—" : members.map(name).joined(separator: ", ") }

    func sanctions(_ ids: [String]) -> String {
        let labels = ids.map { id in
            rulebook.sanctions.first { $0.id == id }.map { language == .fr ? $0.fr : $0.en } ?? id
        }
        return labels.isEmpty ? language.t("aucune sanction", "no sanction") : labels.joined(separator: ", ")
    }

    func callerOrigin(_ o: VictimHearing.Origin) -> String {
        switch o {
        case .victim: return language.t("selon les souhaits de la victime", "from the victim's wishes")
        case .rapporteurAndBoard:
            return language.t(
                "par le rapporteur et le Conseil (victime non membre)",
                "by the rapporteur and the board (victim not a member)")
        }
    }

    /// Why a cell member was replaced, in words.
    func ground(_ ground: CellReplacement.Ground) -> String {
        switch ground {
        case .noLongerEligible: language.t("n'est plus éligible", "no longer eligible")
        case .noAnswer: language.t("ne répond pas", "does not answer")
        }
    }

    /// The kind of a piece of evidence in words.
    func evidenceKind(_ kind: Evidence.Kind) -> String {
        switch kind {
        case .testimony: language.t("témoignage", "testimony")
        case .history: language.t("historique", "history")
        case .context: language.t("contexte", "context")
        case .screenshot: language.t("capture d'écran", "screenshot")
        case .document: language.t("document", "document")
        case .report: language.t("signalement", "report")
        case .other: language.t("autre", "other")
        }
    }

    public func sentence(_ event: CaseEvent) -> String {
        let l = language
        switch event {
        case .reportRecorded(let p):
            return l.t(
                "Signalement (\(p.channel == .direct ? "direct" : "indirect")) concernant \(list(p.concerning))",
                "Report (\(p.channel.rawValue)) about \(list(p.concerning))")
        case .complaintFiled(let p):
            return l.t(
                "Plainte déposée contre \(list(p.accused.map(\.id))) ; le Conseil a eu connaissance des faits le \(p.boardLearnedOn.frenchDescription)",
                "Complaint filed against \(list(p.accused.map(\.id))); the board learned of the facts on \(p.boardLearnedOn)"
            )
        case .boardMembersNotified(let p):
            return l.t(
                "Membres du Conseil avertis : \(list(p.notified))", "Board members notified: \(list(p.notified))")
        case .boardMet(let p):
            return l.t(
                "Réunion du Conseil d'administration (présent·es : \(list(p.attendees)))",
                "Board meeting (present: \(list(p.attendees)))")
                + (p.excludedAccused.isEmpty
                    ? "" : l.t(", sans \(list(p.excludedAccused))", ", without \(list(p.excludedAccused))"))
        case .rapporteurDesignated(let p):
            return l.t("Rapporteur désigné : \(name(p.rapporteur))", "Rapporteur designated: \(name(p.rapporteur))")
                + (p.delegated
                    ? l.t(" (délégation : \(p.reason.map(text) ?? "—"))", " (delegated: \(p.reason.map(text) ?? "—"))")
                    : "")
        case .suspensionImposed(let p):
            return l.t("Suspension de \(list(p.accused))", "Suspension of \(list(p.accused))")
                + (p.blockedSpaces.isEmpty
                    ? ""
                    : l.t(" ; espaces bloqués : ", "; blocked spaces: ")
                        + p.blockedSpaces.map(text).joined(separator: ", "))
        case .evidenceAdded(let p):
            return l.t(
                "Pièce versée au dossier (\(evidenceKind(p.kind))) : \(text(p.description))",
                "Evidence added (\(evidenceKind(p.kind))): \(text(p.description))")
                + (p.witness.map { l.t(" — témoin : \(name($0))", " — witness: \(name($0))") } ?? "")
        case .disciplinaryFileCompleted:
            return l.t("Dossier disciplinaire complété", "Disciplinary file completed")
        case .victimHeard(let p):
            return l.t(
                "Audition de la victime ; demandes : \(p.demands.map(text).joined(separator: ", ")) (\(callerOrigin(p.origin)))",
                "Victim heard; demands: \(p.demands.map(text).joined(separator: ", ")) (\(callerOrigin(p.origin)))")
        case .explanationRequested(let p):
            return l.t(
                "Demande d'explication envoyée ; demandes : \(p.demands.map(text).joined(separator: ", "))",
                "Explanation requested; demands: \(p.demands.map(text).joined(separator: ", "))")
        case .answerReceived(let p):
            return l.t(
                "Réponse \(p.form == .written ? "écrite" : "orale") de \(name(p.from))",
                "\(p.form == .written ? "Written" : "Oral") answer from \(name(p.from))")
        case .answerWindowLapsed:
            return l.t("Délai de réponse écoulé sans réponse (silence noté)", "Answer window lapsed (silence noted)")
        case .accusedLeft(let p):
            return l.t("\(name(p.member)) a quitté l'association", "\(name(p.member)) left the association")
                + (p.possibleOffence
                    ? l.t(
                        " ; infraction pénale possible : la procédure continue",
                        "; possible offence: the procedure goes on") : "")
        case .procedureStopped(let p):
            return l.t("Procédure arrêtée : \(text(p.reason))", "Procedure stopped: \(text(p.reason))")
        case .summaryWritten(let p):
            return l.t(
                "Synthèse récapitulative ; sanction proposée : \(sanctions(p.proposedSanctions))",
                "Summary written; proposed sanction: \(sanctions(p.proposedSanctions))")
        case .cellCalled(let p):
            return l.t("Appel à constituer la cellule de crise", "Call to form the crisis cell")
                + (p.called.isEmpty ? "" : l.t(" (appelé·es : \(list(p.called)))", " (called: \(list(p.called)))"))
        case .volunteerAccepted(let p):
            return l.t(
                "\(name(p.member)) rejoint la cellule (volontaire)", "\(name(p.member)) joins the cell (volunteer)")
        case .memberRecused(let p):
            return l.t(
                "\(name(p.by)) révoque \(name(p.member)) de la cellule",
                "\(name(p.by)) revokes \(name(p.member)) from the cell")
        case .drawAnnounced(let p):
            return l.t(
                "Tirage au sort annoncé : \(p.pool.count) membres éligibles, \(p.seatsLeft) siège(s), \(p.sources.count) source(s) d'aléa",
                "Draw announced: \(p.pool.count) eligible members, \(p.seatsLeft) seat(s), \(p.sources.count) entropy source(s)"
            )
        case .drawPerformed(let p):
            return l.t("Tirage au sort effectué (clé \(p.keyString))", "Draw performed (key \(p.keyString))")
                + (p.publiclyVerifiable ? "" : l.t(" — entraînement, non vérifiable", " — practice, not verifiable"))
        case .drawnMemberPresent(let p):
            return l.t(
                "\(name(p.member)), tiré·e au sort, répond présent·e", "\(name(p.member)), drawn, answers present")
        case .drawnMemberDeclined(let p):
            return l.t("\(name(p.member)), tiré·e au sort, décline", "\(name(p.member)), drawn, declines")
                + (p.reason.map { l.t(" : \(text($0))", ": \(text($0))") } ?? "")
        case .summarySentToCell(let p):
            return l.t(
                "Synthèse envoyée à la cellule (\(list(p.cell))) et à la victime : fin de l'instruction",
                "Summary sent to the cell (\(list(p.cell))) and the victim: end of instruction")
        case .cellMet(let p):
            return l.t(
                "Réunion de la cellule de crise (\(list(p.attendees)))", "Crisis cell meeting (\(list(p.attendees)))")
        case .consensusReached(let p):
            return l.t(
                "Décision par consensus : \(sanctions(p.sanctions))", "Decision by consensus: \(sanctions(p.sanctions))"
            )
        case .cellVoteHeld(let p):
            return l.t("Vote de la cellule", "Cell vote") + voteOutcome(p.adopted, p.proposals)
                + tallies(p.tallies, p.proposals)
        case .reintegrationVoteHeld(let p):
            return l.t("Vote sur la réintégration", "Reintegration vote") + voteOutcome(p.adopted, p.proposals)
                + tallies(p.tallies, p.proposals)
        case .judgementRendered(let p):
            return l.t("Jugement : \(sanctions(p.sanctions))", "Judgement: \(sanctions(p.sanctions))")
        case .referredToGeneralAssembly:
            return l.t("Renvoi à l'Assemblée générale la plus proche", "Referred to the nearest general assembly")
        case .judgementSentToBoard:
            return l.t("Jugement envoyé au Conseil d'administration", "Judgement sent to the board")
        case .decisionLetterReceived(let p):
            return l.t(
                "\(name(p.member)) a reçu le courrier de décision", "\(name(p.member)) received the decision letter")
        case .judgementExecuted:
            return l.t("Jugement exécuté par le Conseil", "Judgement executed by the board")
        case .appealLodged(let p):
            return l.t("Recours de \(name(p.by))", "Appeal by \(name(p.by))")
                + (p.companion.map { _ in
                    l.t(", accompagné·e d'une personne de son choix", ", accompanied by a person of their choice")
                } ?? "")
                + (p.grounds.map { l.t(" ; motifs : \(text($0))", "; grounds: \(text($0))") } ?? "")
        case .generalAssemblyDecided(let p):
            return l.t("Décision de l'Assemblée générale", "General assembly decision")
                + voteOutcome(p.adopted, p.proposals)
                + tallies(p.tallies, p.proposals)
        case .generalAssemblyVoteFailed(let p):
            return l.t(
                "L'Assemblée générale n'a pas atteint les deux tiers sur la sanction",
                "The general assembly missed two-thirds on the sanction")
                + tallies(p.tallies, p.proposals)
        case .generalAssemblyReintegrationVoteHeld(let p):
            return l.t("Vote de l'Assemblée générale sur la réintégration", "General assembly vote on reintegration")
                + voteOutcome(p.adopted, p.proposals) + tallies(p.tallies, p.proposals)
        case .explicitDecisionRecorded(let p):
            return l.t(
                "Décision explicite du Conseil, le règlement étant muet : \(text(p.decision)) (\(text(p.reason)))",
                "Explicit decision of the board, the rules being silent: \(text(p.decision)) (\(text(p.reason)))")
        case .cellMemberReplaced(let p):
            return l.t(
                "\(name(p.member)) est remplacé·e dans la cellule (\(ground(p.ground))) : \(text(p.reason))",
                "\(name(p.member)) is replaced in the cell (\(ground(p.ground))): \(text(p.reason))")
        case .generalAssemblyResolutionRecorded(let p):
            return l.t(
                "Résolution de l'Assemblée : \(text(p.outcome)) (\(text(p.reason)))",
                "Assembly resolution: \(text(p.outcome)) (\(text(p.reason)))")
        case .reparationMeasuresRecorded(let p):
            return l.t(
                "Mesures de réparation : \(p.measures.map(text).joined(separator: ", "))",
                "Reparation measures: \(p.measures.map(text).joined(separator: ", "))")
        case .radiationAnnounced(let p):
            return l.t("Radiation de \(name(p.member)) annoncée", "Radiation of \(name(p.member)) announced")
        case .caseClosed(let p):
            return l.t("Dossier clos : \(text(p.reason))", "Case closed: \(text(p.reason))")
        case .recordWithdrawn(let p):
            return l.t(
                "Retrait de \(records(p.records)) : \(text(p.reason))",
                "Withdrawal of \(records(p.records)): \(text(p.reason))")
        case .recordCorrected(let p):
            return l.t(
                "Rectification de \(records(p.records)) : \(text(p.reason)) — désormais : ",
                "Correction of \(records(p.records)): \(text(p.reason)) — now: ")
                + p.events.map(sentence).joined(separator: " ; ")
                + l.t(" (le \(p.actDay.frenchDescription))", " (on \(p.actDay))")
        case .caseTextsErased(let p):
            let due =
                p.dueOn.map { l.t("dus le \($0.frenchDescription)", "due on \($0)") }
                ?? l.t("gardés sans limite de temps (radiation)", "kept without a time limit (radiation)")
            let override = p.override.map { l.t(", avant terme : \($0.fr)", ", before the term: \($0.en)") } ?? ""
            let by = p.requestedBy.map { l.t(", à la demande de \(name($0))", ", requested by \(name($0))") } ?? ""
            return l.t(
                "Textes du dossier effacés, clé détruite (art. 6) : \(p.reason)\(by) — dossier terminé le \(p.endedOn.frenchDescription), textes gardés \(p.retention.fr), \(due)\(override)",
                "Case texts erased, key destroyed (art. 6): \(p.reason)\(by) — case ended on \(p.endedOn), texts kept \(p.retention.en), \(due)\(override)"
            )
        }
    }

    func records(_ sequences: [UInt64]) -> String { sequences.map { "#\($0)" }.joined(separator: ", ") }

    func voteOutcome(_ adopted: String?, _ proposals: [Proposal]) -> String {
        guard let adopted else { return language.t(" : deux tiers non atteints", ": two-thirds not reached") }
        let words = VoteWords.option(adopted, proposals: proposals, rulebook: rulebook, language)
        return language.t(" : adopté « \(words) »", ": adopted \"\(words)\"")
    }

    /// Each option's result in words beside its arithmetic.
    func tallies(_ tallies: [OptionTally], _ proposals: [Proposal]) -> String {
        guard !tallies.isEmpty else { return "" }
        return " — "
            + tallies.map { t in
                VoteWords.option(t.option, proposals: proposals, rulebook: rulebook, language) + language.t(" : ", ": ")
                    + VoteWords.line(t.tally, threshold: rulebook.twoThirds, language)
            }.joined(separator: " ; ")
    }
}
