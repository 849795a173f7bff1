import Foundation

// 5.6.1–5.6.4: the report, the complaint, the notification of the board, the board meeting, the suspension.

extension Deciding {
    func report(_ p: ReportFacts) throws(Refusal) -> [CaseEvent] {
        if p.description.isBlank {
            throw refuse(.R01, "un signalement décrit un malaise", "a report describes a concern")
        }
        if p.channel == .indirect && p.relayedBy == nil {
            throw refuse(
                .R01, "un signalement indirect passe par un membre de confiance",
                "an indirect report is passed on by a trusted member",
                allowed: "indiquer relayedBy", allowedEn: "give relayedBy")
        }
        return [.reportRecorded(p)]
    }

    func complaint(_ p: ComplaintFacts) throws(Refusal) -> [CaseEvent] {
        if state.complaint != nil {
            throw refuse(
                .R02, "ce dossier a déjà une plainte", "this case already has a complaint",
                allowed: "ouvrir un autre dossier", allowedEn: "open another case")
        }
        var missing: [String] = []
        if p.complainants.isEmpty { missing.append("plaignant·e") }
        if p.accused.isEmpty { missing.append("personne mise en cause") }
        if p.facts.isBlank { missing.append("faits") }
        if p.motives.isEmpty { missing.append("motif grave (5.5)") }
        if !missing.isEmpty {
            throw refuse(
                .R02, "plainte incomplète : \(missing.joined(separator: ", "))",
                "incomplete complaint: complainants, accused, facts and at least one grave motive are required")
        }
        if let bad = p.motives.first(where: { rulebook.motive($0) == nil }) {
            throw refuse(
                .R02, "motif grave inconnu : \(bad)", "unknown grave motive: \(bad)",
                allowed: rulebook.motives.map(\.id).joined(separator: ", "),
                allowedEn: rulebook.motives.map(\.id).joined(separator: ", "))
        }
        if p.boardLearnedOn > day {
            throw refuse(
                .R02, "le Conseil ne peut pas avoir eu connaissance des faits après le dépôt de la plainte",
                "the board cannot have learned of the facts after the complaint was filed",
                allowed: "une date au plus tard le \(day.frenchDescription)", allowedEn: "a day on or before \(day)")
        }
        // R09 turns on whether the victim is a member, R02 on whether an accused holds a mandate: both are facts of
        // the roster on the day of the complaint, not of what the complaint says.
        for party in p.complainants + p.accused + p.victims {
            let member = context.members[party.id].map { $0.isActive(on: day) } ?? false
            if party.isMember != member {
                throw refuse(
                    .R09,
                    party.isMember
                        ? "\(party.id) n'est pas membre de l'association ce jour-là (liste des membres)"
                        : "\(party.id) est membre de l'association ce jour-là (liste des membres)",
                    party.isMember
                        ? "\(party.id) is not a member of the association on that day (roster)"
                        : "\(party.id) is a member of the association on that day (roster)")
            }
        }
        if let seated = p.accused.first(where: {
            context.members[$0.id]?.boardMember == true && $0.holdsMandate != true
        }) {
            throw refuse(
                .R02,
                "\(seated.id) siège au Conseil d'administration (liste des membres) : c'est une personne mandatée, que la plainte désigne comme telle pour que les autres membres du Conseil soient prévenus",
                "\(seated.id) sits on the board (roster): a mandate holder, whom the complaint names as such so that the other board members are notified",
                allowed: "holdsMandate = true pour \(seated.id)", allowedEn: "holdsMandate = true for \(seated.id)")
        }
        let accused = Set(p.accused.map(\.id))
        if let both = (p.complainants + p.victims).first(where: { accused.contains($0.id) }) {
            throw refuse(
                .R02, "\(both.id) ne peut être à la fois mis·e en cause et plaignant·e ou victime",
                "\(both.id) cannot be both accused and complainant or victim")
        }
        // R34: the case keeps the version in force today; a complaint naming another one is refused.
        let inForce = RulebookRef(rulebook)
        if let named = p.rulebook, named != inForce {
            throw refuse(
                .R34, "la plainte nomme le règlement \(named), mais \(inForce) est en vigueur ce jour",
                "the complaint names rulebook \(named), but \(inForce) is in force that day",
                allowed: "omettre le règlement (il est enregistré d'office)",
                allowedEn: "leave the rulebook out (it is recorded)")
        }
        var filed = p
        filed.rulebook = inForce
        return [.complaintFiled(filed)]
    }

    func notifyBoard(_ p: BoardNotification) throws(Refusal) -> [CaseEvent] {
        let c = try requireComplaint()
        if state.boardNotified != nil {
            throw refuse(
                .R02,
                "les autres membres du Conseil ont déjà été prévenus le \(state.boardNotified?.on.frenchDescription ?? "")",
                "the other board members were already notified")
        }
        if !c.accused.contains(where: { $0.holdsMandate == true }) {
            throw refuse(
                .R02,
                "aucune personne mise en cause n'est mandatée : le règlement ne demande pas de prévenir le Conseil",
                "no accused holds a mandate: the rules ask for no notification of the board")
        }
        if let outsider = p.notified.first(where: { context.members[$0]?.boardMember != true }) {
            throw refuse(
                .R02, "\(outsider) ne siège pas au Conseil d'administration", "\(outsider) does not sit on the board")
        }
        if let a = p.notified.first(where: { id in c.accused.contains { $0.id == id } }) {
            throw refuse(
                .R02, "\(a) est mis·e en cause : on prévient les autres membres du Conseil",
                "\(a) is accused: the other board members are notified")
        }
        return [.boardMembersNotified(p)]
    }

    func boardMeeting(_ p: BoardMeeting) throws(Refusal) -> [CaseEvent] {
        let c = try requireComplaint(.R04)
        try requireNotStopped()
        if state.boardMeeting != nil {
            throw refuse(
                .R04, "le Conseil s'est déjà réuni pour ouvrir cette procédure", "the board already met for this case")
        }
        let accused = Set(c.accused.map(\.id))
        if let a = p.attendees.first(where: { accused.contains($0) }) {
            throw refuse(
                .R05, "\(a) est mis·e en cause : la réunion se déroule sans sa présence",
                "\(a) is accused: the meeting takes place without them",
                allowed: "la même réunion sans \(a)", allowedEn: "the same meeting without \(a)")
        }
        if p.attendees.isEmpty {
            throw refuse(
                .R04, "une réunion a au moins un membre du Conseil présent", "a meeting has at least one attendee")
        }
        if let a = p.attendees.first(where: { member($0)?.boardMember != true }) {
            throw refuse(.R04, "\(a) ne siège pas au Conseil d'administration", "\(a) does not sit on the board")
        }
        if state.isParty(p.rapporteur) {
            throw refuse(
                .R06, "le rapporteur ne peut pas être partie au dossier", "the rapporteur cannot be a party",
                allowed: "un autre membre du Conseil", allowedEn: "another board member")
        }
        let reason: Sealed? = p.delegationReason.flatMap { given in
            given.isBlank ? nil : given.clearText.map { .clear($0.trimmingCharacters(in: .whitespaces)) } ?? given
        }
        if reason == nil {
            if member(p.rapporteur)?.boardMember != true {
                throw refuse(
                    .R06, "\(p.rapporteur) n'est pas membre du Conseil ; déléguer exige une impossibilité justifiée",
                    "\(p.rapporteur) is not a board member; delegating needs a recorded justified impossibility",
                    allowed: "désigner un membre du Conseil, ou donner delegationReason",
                    allowedEn: "designate a board member, or give delegationReason")
            }
        } else if member(p.rapporteur).map({ $0.isActive(on: day) }) != true {
            throw refuse(
                .R06, "la délégation se fait à un adhérent de l'association",
                "delegation goes to a member of the association")
        }
        let excluded = c.accused.map(\.id).filter { member($0)?.boardMember == true }
        return [
            .boardMet(BoardMet(attendees: p.attendees, excludedAccused: excluded)),
            .rapporteurDesignated(
                RapporteurDesignation(
                    rapporteur: p.rapporteur, delegated: reason != nil, reason: reason))
        ]
    }

    func suspension(_ p: Suspension) throws(Refusal) -> [CaseEvent] {
        try requireMeeting(.R07)
        try requireNoJudgement(.R07)
        if state.suspension != nil {
            throw refuse(.R07, "la suspension est déjà décidée", "the suspension is already recorded")
        }
        return [
            .suspensionImposed(
                SuspensionImposed(
                    accused: state.accusedIDs, responsibilities: p.responsibilities,
                    access: p.access, blockedSpaces: p.blockedSpaces))
        ]
    }
}
