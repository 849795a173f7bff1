import Foundation

// 5.6.9: forming the crisis cell: calls, volunteers, recusals, replacements, the draw, the summary sent to the cell.

extension Deciding {
    func requireConstitution(_ rule: RuleID) throws(Refusal) {
        _ = try requireComplaint(rule)
        try requireNotStopped()
        guard state.summary != nil else {
            throw refuse(
                rule, "la cellule se constitue après la synthèse récapitulative",
                "the cell is formed after the summary",
                allowed: "summary.write", allowedEn: "summary.write")
        }
        if state.instructionEndedOn != nil {
            throw refuse(
                rule, "l'instruction est close : la cellule est constituée",
                "the instruction has ended: the cell is formed")
        }
    }

    func requireRoomInCell(_ rule: RuleID) throws(Refusal) {
        if state.cell.count >= rulebook.cellSize {
            throw refuse(
                rule, "la cellule compte déjà \(rulebook.cellSize) membres",
                "the cell already has \(rulebook.cellSize) members")
        }
    }

    func callCell(_ p: CellCall) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R13)
        try requireRoomInCell(.R13)
        for m in p.called { try requireEligible(m) }
        return [.cellCalled(p)]
    }

    /// R15: while a performed draw still names members, only they can take the seats (present or declined).
    func requireNoDrawUnderway(_ rule: RuleID) throws(Refusal) {
        if !state.drawnPending.isEmpty {
            let names = state.drawnPending.map(\.rawValue).joined(separator: ", ")
            throw refuse(
                rule, "le tirage au sort en cours désigne \(names) : les sièges se pourvoient dans son ordre",
                "the draw under way names \(names): the seats are filled in its order",
                allowed: "draw.present, draw.decline", allowedEn: "draw.present, draw.decline")
        }
    }

    func volunteer(_ p: MemberRef) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R13)
        try requireNoDrawUnderway(.R15)
        if state.cellCalls.isEmpty {
            throw refuse(
                .R13, "aucun appel n'a été lancé", "no call was made", allowed: "cell.call", allowedEn: "cell.call")
        }
        try requireRoomInCell(.R13)
        try requireEligible(p.member)
        return [.volunteerAccepted(p)]
    }

    func recuse(_ p: Recusal) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R14)
        let parties = state.partiesWithRights
        if !parties.contains(p.by) {
            throw refuse(
                .R14, "seules la personne mise en cause et la victime peuvent révoquer",
                "only the accused and the victim may revoke a member",
                allowed: parties.map(\.rawValue).joined(separator: ", "))
        }
        if !state.cell.contains(p.member) {
            throw refuse(.R14, "\(p.member) ne siège pas dans la cellule", "\(p.member) does not sit in the cell")
        }
        let used = state.recusalsUsed(by: p.by)
        if used >= rulebook.recusalsPerParty {
            throw refuse(
                .R14, "\(p.by) a déjà révoqué une personne : le droit de révoquer ne s'exerce qu'une seule fois",
                "\(p.by) has already revoked a member: the right may be used only once",
                allowed: "aucune nouvelle révocation par \(p.by)", allowedEn: "no further recusal by \(p.by)")
        }
        return [.memberRecused(p)]
    }

    /// 5.6.9: the rapporteur or the board replaces a cell member who is no longer eligible or does not answer; no
    /// party's recusal is used, and the replaced member cannot sit again in this case.
    func replaceCellMember(_ p: CellReplacement) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R13)
        if !state.cell.contains(p.member) {
            throw refuse(
                .R13, "\(p.member) ne siège pas dans la cellule", "\(p.member) does not sit in the cell",
                allowed: state.cell.map(\.rawValue).joined(separator: ", "))
        }
        if p.reason.isBlank {
            throw refuse(
                .R13, "le remplacement d'un membre de la cellule consigne sa raison",
                "replacing a cell member records its reason")
        }
        if p.ground == .noLongerEligible {
            var without = state
            without.cell.removeAll { $0 == p.member }
            if without.isEligibleForCell(p.member, context: context, on: day, rulebook: rulebook).isEmpty {
                throw refuse(
                    .R13,
                    "\(p.member) peut encore siéger ce jour (à jour de cotisation, indépendant·e de la situation)",
                    "\(p.member) may still sit on that day (dues paid, independent of the case)",
                    allowed: "le motif « ne répond pas » (noAnswer), ou la révocation par une partie (R14)",
                    allowedEn: "the ground \"does not answer\" (noAnswer), or a party's recusal (R14)")
            }
        }
        return [.cellMemberReplaced(p)]
    }

    func announceDraw(_ p: DrawAnnouncement) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R15)
        if state.cellCalls.isEmpty {
            throw refuse(
                .R15, "le tirage au sort suit un appel resté sans réponse", "a draw follows an unanswered call",
                allowed: "cell.call", allowedEn: "cell.call")
        }
        try requireRoomInCell(.R15)
        if state.drawAnnouncement != nil && state.drawResult == nil {
            throw refuse(
                .R15, "un tirage annoncé n'a pas encore été effectué", "an announced draw has not been performed yet",
                allowed: "draw.perform", allowedEn: "draw.perform")
        }
        if !state.drawnPending.isEmpty {
            // A new draw while the recorded order still names members would be a second chance to steer it.
            let names = state.drawnPending.map(\.rawValue).joined(separator: ", ")
            throw refuse(
                .R15, "le tirage enregistré désigne encore \(names) : on suit son ordre, sans nouveau tirage",
                "the recorded draw still names \(names): its order is followed, no new draw",
                allowed: "draw.present, draw.decline", allowedEn: "draw.present, draw.decline")
        }
        let seats = rulebook.cellSize - state.cell.count
        if p.seatsLeft != seats {
            throw refuse(
                .R15, "le tirage doit pourvoir les \(seats) siège(s) libres, pas \(p.seatsLeft)",
                "the draw must fill the \(seats) free seat(s), not \(p.seatsLeft)")
        }
        let pool: DrawPool
        do {
            pool = try DrawPool(members: p.pool)
        } catch {
            throw refuse(.R15, "liste du tirage invalide : \(error.message)", "invalid draw pool: \(error.message)")
        }
        if pool.members != p.pool {
            throw refuse(
                .R15, "la liste doit être dans l'ordre canonique (octets UTF-8 croissants, sans doublon)",
                "the pool must be in canonical order (ascending UTF-8 bytes, no duplicates)")
        }
        if pool.digest != p.poolDigest {
            throw refuse(
                .R15, "l'empreinte SHA-256 annoncée n'est pas celle de la liste (\(pool.digest))",
                "the announced SHA-256 is not the pool's (\(pool.digest))")
        }
        for m in p.pool {
            if let reason = state.isEligibleForCell(m, context: context, on: day, rulebook: rulebook).first {
                throw refuse(
                    .R15, "\(m) ne peut pas être dans la liste du tirage : \(reason.fr) (\(reason.rule.rawValue))",
                    "\(m) cannot be in the draw pool: \(reason.en) (\(reason.rule.rawValue))")
            }
        }
        let eligible = Set(state.cellPool(context: context, on: day, rulebook: rulebook))
        let missing = eligible.subtracting(p.pool).sorted(by: DrawPool.canonicalOrder)
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            throw refuse(
                .R15, "la liste du tirage doit comprendre tous les membres éligibles ; il manque \(names)",
                "the draw pool must hold every eligible member; missing: \(names)")
        }
        if let tooSmall = CellDraw.checkPoolSize(eligible: p.pool.count, seatsLeft: seats) {
            throw refuse(
                .R15,
                "\(p.pool.count) membre(s) éligible(s) pour \(seats) siège(s) : le tirage ne peut pas compléter la cellule",
                tooSmall.message)
        }
        if p.sources.isEmpty || p.sources.contains(where: { $0.valuesKnownOn == nil }) {
            throw refuse(
                .R15, "le tirage annonce ses sources d'aléa publiques et le jour où chacune sera connue",
                "a draw announces its public entropy sources and the day each becomes known")
        }
        if let known = DrawAnnouncement.checkSourcesStillUnknown(p.sources, on: day) {
            throw refuse(
                .R15, "une source d'aléa doit être inconnue le jour de l'annonce (\(known.message))", known.message)
        }
        return [.drawAnnounced(p)]
    }

    func performDraw(_ p: CellDraw) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R15)
        guard let a = state.drawAnnouncement, state.drawResult == nil else {
            throw refuse(
                .R15, "aucun tirage annoncé n'attend d'être effectué", "no announced draw is waiting",
                allowed: "draw.announce", allowedEn: "draw.announce")
        }
        if case .local = p.entropy {
            throw refuse(
                .R15,
                "un tirage d'entraînement (aléa local) ne forme pas une vraie cellule : personne ne peut vérifier son aléa",
                "a practice draw (local randomness) cannot form a real cell: nobody can check its randomness",
                allowed: "le tirage avec les valeurs publiées des sources annoncées",
                allowedEn: "the draw with the announced sources' published values")
        }
        if p.poolDigest != a.value.poolDigest || p.poolSize != a.value.pool.count {
            throw refuse(
                .R15, "le tirage porte sur la liste annoncée le \(a.on.frenchDescription), pas une autre",
                "the draw is over the pool announced on \(a.on), not another")
        }
        if case .publicSources(let values) = p.entropy {
            if values.count != a.value.sources.count {
                throw refuse(
                    .R15, "une liste de valeurs par source annoncée (\(a.value.sources.count))",
                    "one list of values per announced source (\(a.value.sources.count))")
            }
            for (offset, source) in a.value.sources.enumerated() {
                if let known = source.valuesKnownOn, known > day {
                    throw refuse(
                        .R15, "la source \(offset + 1) n'est connue que le \(known.frenchDescription)",
                        "source \(offset + 1) is only known on \(known)")
                }
            }
        }
        if case .differs(let found) = CellDraw.verify(recorded: p, announcement: a.value) {
            let what = found.map { "\($0)" }.joined(separator: "; ")
            throw refuse(
                .R15, "le tirage ne se recalcule pas à l'identique (RFC 3797) : \(what)",
                "the draw does not re-compute identically (RFC 3797): \(what)")
        }
        return [.drawPerformed(p)]
    }

    func requireDrawn(_ m: MemberID) throws(Refusal) {
        try requireConstitution(.R15)
        if !state.drawnPending.contains(m) {
            throw refuse(
                .R15, "\(m) n'a pas été tiré·e au sort ou a déjà répondu", "\(m) was not drawn or has already answered")
        }
    }

    func drawnPresent(_ p: MemberRef) throws(Refusal) -> [CaseEvent] {
        try requireDrawn(p.member)
        try requireRoomInCell(.R15)
        try requireEligible(p.member)
        return [.drawnMemberPresent(p)]
    }

    func drawnDeclined(_ p: DrawDecline) throws(Refusal) -> [CaseEvent] {
        try requireDrawn(p.member)
        if p.reason?.isBlank == true {
            throw refuse(
                .R15, "la raison du refus est vide", "the reason for declining is empty",
                allowed: "une raison écrite, ou aucune", allowedEn: "a written reason, or none")
        }
        return [.drawnMemberDeclined(p)]
    }

    func sendSummary(_ p: Note) throws(Refusal) -> [CaseEvent] {
        try requireConstitution(.R16)
        if state.cell.count != rulebook.cellSize {
            throw refuse(
                .R16,
                "la synthèse va aux \(rulebook.cellSize) membres nommés ; la cellule en compte \(state.cell.count)",
                "the summary goes to the \(rulebook.cellSize) members; the cell has \(state.cell.count)")
        }
        // « indépendants de la situation », « à jour de cotisation »: still true of every member when the
        // instruction ends (a member may have become a witness, left, or seen their dues lapse since joining).
        for member in state.cell {
            var without = state
            without.cell.removeAll { $0 == member }
            if let reason = without.isEligibleForCell(member, context: context, on: day, rulebook: rulebook).first {
                throw refuse(
                    reason.rule, "\(member) ne peut plus siéger : \(reason.fr)",
                    "\(member) can no longer sit: \(reason.en)",
                    allowed: "remplacer ce membre, avec sa raison (cell.replace), puis pourvoir le siège",
                    allowedEn: "replace this member, with the reason (cell.replace), then fill the seat")
            }
        }
        return [.summarySentToCell(SummarySent(cell: state.cell, victims: state.victims.map(\.id)))]
    }
}
