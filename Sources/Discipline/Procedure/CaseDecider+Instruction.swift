// 5.6.5–5.6.8: the disciplinary file, the victim's hearing, the explanation, the answer or its silence, a departure,
// the summary.

extension Deciding {
    func evidence(_ p: Evidence) throws(Refusal) -> [CaseEvent] {
        _ = try requireComplaint(.R08)
        try requireNotStopped()
        // Evidence gathered during the instruction keeps its day, even when recorded after its end.
        if let end = state.instructionEndedOn, day > end {
            throw refuse(
                .R16, "l'instruction est close depuis l'envoi de la synthèse à la cellule (\(end.frenchDescription))",
                "the instruction ended when the summary was sent to the cell (\(end))")
        }
        if let h = p.sha256, !isSHA256(h) {
            throw refuse(
                .R08, "empreinte SHA-256 invalide : 64 chiffres hexadécimaux minuscules attendus",
                "invalid SHA-256: 64 lowercase hex digits expected")
        }
        if (p.kind == .screenshot || p.kind == .document) && p.sha256 == nil {
            throw refuse(
                .R08, "une preuve matérielle (capture d'écran, document) est consignée avec son empreinte",
                "material evidence (screenshot, document) is recorded with its content hash",
                allowed: "donner sha256", allowedEn: "give sha256")
        }
        if p.kind == .report {
            guard let n = p.reportNumber, n >= 1, n <= state.reports.count else {
                throw refuse(
                    .R01, "le signalement joint doit être un signalement enregistré (1…\(state.reports.count))",
                    "the attached report must be a recorded one (1…\(state.reports.count))")
            }
        }
        return [.evidenceAdded(p)]
    }

    func completeFile(_ p: Note) throws(Refusal) -> [CaseEvent] {
        try requireMeeting(.R08)
        if state.fileCompletedOn != nil {
            throw refuse(.R08, "le dossier disciplinaire est déjà rédigé", "the disciplinary file is already complete")
        }
        return [.disciplinaryFileCompleted(p)]
    }

    func hearVictim(_ p: VictimHearing) throws(Refusal) -> [CaseEvent] {
        try requireMeeting(.R09)
        guard let v = state.victims.first(where: { $0.id == p.victim }) else {
            throw refuse(
                .R09, "\(p.victim) n'est pas victime dans ce dossier", "\(p.victim) is not a victim in this case",
                allowed: state.victims.map(\.id.rawValue).joined(separator: ", "))
        }
        if v.isMember && p.origin != .victim {
            throw refuse(
                .R09, "la victime est membre : les demandes viennent de ses souhaits",
                "the victim is a member: the demands come from their wishes",
                allowed: "origin = victim", allowedEn: "origin = victim")
        }
        if !v.isMember && p.origin != .rapporteurAndBoard {
            throw refuse(
                .R09, "la victime n'est pas adhérente : le responsable du dossier et le Conseil élaborent les demandes",
                "the victim is not a member: the rapporteur and the board set the demands",
                allowed: "origin = rapporteurAndBoard", allowedEn: "origin = rapporteurAndBoard")
        }
        if state.explanation != nil {
            throw refuse(
                .R10, "les demandes ont déjà été envoyées à la personne mise en cause",
                "the demands were already sent to the accused")
        }
        return [.victimHeard(p)]
    }

    func requestExplanation(_ p: ExplanationRequest) throws(Refusal) -> [CaseEvent] {
        try requireMeeting(.R10)
        if state.explanation != nil {
            throw refuse(.R10, "la demande d'explication est déjà envoyée", "the explanation was already requested")
        }
        if state.fileCompletedOn == nil {
            throw refuse(
                .R10, "le dossier disciplinaire (5.6.5) précède la demande d'explication",
                "the disciplinary file (5.6.5) comes before the explanation request",
                allowed: "file.complete", allowedEn: "file.complete")
        }
        let heard = Set(state.hearings.map(\.value.victim))
        if let v = state.victims.first(where: { !heard.contains($0.id) }) {
            throw refuse(
                .R09, "les demandes pour la victime \(v.id) ne sont pas encore formulées (5.6.6)",
                "the demands for victim \(v.id) are not formulated yet (5.6.6)",
                allowed: "victim.hear", allowedEn: "victim.hear")
        }
        return [.explanationRequested(p)]
    }

    func requireExplanation() throws(Refusal) -> Dated<ExplanationRequest> {
        try requireMeeting(.R10)
        guard let e = state.explanation else {
            throw refuse(
                .R10, "aucune demande d'explication n'a été envoyée", "no explanation was requested",
                allowed: "explanation.request", allowedEn: "explanation.request")
        }
        return e
    }

    func answer(_ p: Answer) throws(Refusal) -> [CaseEvent] {
        _ = try requireExplanation()
        if !state.accusedIDs.contains(p.from) {
            throw refuse(.R10, "\(p.from) n'est pas mis·e en cause", "\(p.from) is not accused")
        }
        if state.answers.contains(where: { $0.value.from == p.from }) {
            throw refuse(
                .R10, "la réponse de \(p.from) est déjà consignée", "the answer of \(p.from) is already recorded")
        }
        if state.summary != nil {
            throw refuse(
                .R10, "la synthèse est rédigée : la réponse arrive trop tard pour être consignée ici",
                "the summary is written: the answer comes too late to be recorded here",
                allowed: "la joindre comme pièce (evidence.add)", allowedEn: "attach it as evidence")
        }
        return [.answerReceived(p)]
    }

    func lapse(_ p: Note) throws(Refusal) -> [CaseEvent] {
        let e = try requireExplanation()
        let end = rulebook.deadlines.answerWindow.period.end(from: e.on)
        if state.everyAccusedAnswered {
            throw refuse(.R10, "la personne mise en cause a répondu", "the accused has answered")
        }
        if state.answerWindowLapsedOn != nil {
            throw refuse(.R10, "le silence est déjà noté", "the silence is already noted")
        }
        if day <= end {
            throw refuse(
                .R10,
                "le délai de \(rulebook.deadlines.answerWindow.period.fr) court jusqu'au \(end.frenchDescription) inclus",
                "the \(rulebook.deadlines.answerWindow.period.en) window runs until \(end) included",
                allowed: "noter le silence à partir du \(end.adding(days: 1).frenchDescription)",
                allowedEn: "note the silence from \(end.adding(days: 1)) on")
        }
        return [.answerWindowLapsed(p)]
    }

    func departure(_ p: Departure) throws(Refusal) -> [CaseEvent] {
        let c = try requireComplaint(.R11)
        try requireNotStopped()
        if !c.accused.contains(where: { $0.id == p.member }) {
            throw refuse(.R11, "\(p.member) n'est pas mis·e en cause", "\(p.member) is not accused")
        }
        if state.departures.contains(where: { $0.value.member == p.member }) {
            throw refuse(
                .R11, "le départ de \(p.member) est déjà consigné", "\(p.member)'s departure is already recorded")
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
            events.append(
                .procedureStopped(
                    ProcedureStop(
                        reason: .clear(
                            "La personne mise en cause a quitté l'association sans participer à la procédure (5.6.7) ; "
                                + "le Conseil d'administration officialise la radiation."))))
        }
        return events
    }

    func writeSummary(_ p: Summary) throws(Refusal) -> [CaseEvent] {
        let e = try requireExplanation()
        if state.summary != nil {
            throw refuse(.R12, "la synthèse est déjà rédigée", "the summary is already written")
        }
        if !state.everyAccusedAnswered && state.answerWindowLapsedOn == nil {
            let end = rulebook.deadlines.answerWindow.period.end(from: e.on)
            throw refuse(
                .R10, "la synthèse attend la réponse ou la fin du délai de réponse (\(end.frenchDescription))",
                "the summary waits for the answer or the end of the answer window (\(end))",
                allowed: "consigner la réponse, ou noter le silence après le \(end.frenchDescription)",
                allowedEn: "record the answer, or note the silence after \(end)")
        }
        try requireKnownSanctions(p.proposedSanctions, .R12)
        return [.summaryWritten(p)]
    }
}
