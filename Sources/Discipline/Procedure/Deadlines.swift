/// One deadline of a case, as of a given day.
public struct Deadline: Equatable, Sendable {
    /// Met, missed, open or not started.
    public enum Status: Equatable, Sendable {
        /// Done on `on`, `marginDays` before the due day (0 = on the last day).
        case met(on: Day, marginDays: Int)
        /// Late by `byDays`; `doneOn` is the day it was finally done, `nil` while still not done.
        case missed(byDays: Int, doneOn: Day?)
        /// Still open; `daysLeft` days after the reference day (0 = today is the last day).
        case open(daysLeft: Int)
        /// The fact it runs from has not happened yet.
        case notStarted
        /// A right (an appeal) not exercised in time: no breach by anyone.
        case expired(on: Day)
    }

    /// The rule the deadline comes from.
    public var rule: RuleID
    /// What is due, in French and English.
    public var labelFr: String
    public var labelEn: String
    /// The day it runs from (`nil` while not started).
    public var from: Day?
    /// The last day allowed (`nil` while not started).
    public var due: Day?
    public var status: Status
    /// Whether the association owes it (a missed one is a breach). The accused's answer window (R10) and the
    /// parties' appeal windows (R23) are theirs: missing them is no breach.
    public var bindsAssociation: Bool

    public init(
        rule: RuleID, labelFr: String, labelEn: String, from: Day?, due: Day?, status: Status,
        bindsAssociation: Bool = true
    ) {
        self.bindsAssociation = bindsAssociation
        self.rule = rule
        self.labelFr = labelFr
        self.labelEn = labelEn
        self.from = from
        self.due = due
        self.status = status
    }

    /// The status of something due on `due`, done on `done` (if it was), seen from `asOf`.
    static func status(due: Day, done: Day?, asOf: Day) -> Status {
        if let done {
            return done <= due
                ? .met(on: done, marginDays: done.days(until: due))
                : .missed(byDays: due.days(until: done), doneOn: done)
        }
        return asOf <= due
            ? .open(daysLeft: asOf.days(until: due)) : .missed(byDays: due.days(until: asOf), doneOn: nil)
    }

    /// The status of a party's window (the accused's answer, R10): exercised in time, still open, or expired once
    /// its last day has passed — the party's choice, never a delay (an answer given after the window does not make
    /// the window « late »: the right expired on its last day).
    static func rightStatus(due: Day, done: Day?, asOf: Day) -> Status {
        if let done, done <= due { return .met(on: done, marginDays: done.days(until: due)) }
        return asOf <= due ? .open(daysLeft: asOf.days(until: due)) : .expired(on: due)
    }

    /// Missed, and owed by the association.
    public var isBreach: Bool {
        if bindsAssociation, case .missed = status { return true }
        return false
    }
}

extension CaseState {
    /// The day a deadline's anchor happened, if it did.
    public func anchorDay(_ anchor: Rulebook.Anchor, rulebook: Rulebook) -> Day? {
        switch anchor {
        case .boardLearned: complaint?.value.boardLearnedOn
        case .complaintFiled: complaint?.on
        case .boardMeeting: boardMeeting?.on
        case .explanationRequested: explanation?.on
        case .answerOrWindowEnd: answerOrWindowEnd(rulebook: rulebook)
        case .recusal: recusals.last?.on
        case .instructionEnded: instructionEndedOn
        case .judgementSentToBoard: sentToBoardOn
        case .decisionLetterReceived: lettersReceived.map(\.on).min()
        }
    }

    /// Every deadline of the case as of `asOf`: met with its margin, missed by how many days, open, or not started.
    ///
    /// Soft rules never block an act; this is where their breaches show. Once the procedure stopped (R11), the
    /// deadlines of steps that will never happen are left out.
    public func deadlines(asOf: Day, rulebook: Rulebook) -> [Deadline] {
        guard let complaint else { return [] }
        let d = rulebook.deadlines
        var out: [Deadline] = []

        func add(_ rule: RuleID, _ fr: String, _ en: String, _ spec: Rulebook.DeadlineRule, from: Day?, done: Day?) {
            guard let from else {
                if stopped == nil {
                    out.append(Deadline(rule: rule, labelFr: fr, labelEn: en, from: nil, due: nil, status: .notStarted))
                }
                return
            }
            let due = spec.period.end(from: from)
            if stopped != nil && done == nil { return }
            let binds = rule != .R10
            out.append(
                Deadline(
                    rule: rule, labelFr: fr, labelEn: en, from: from, due: due,
                    status: binds
                        ? Deadline.status(due: due, done: done, asOf: asOf)
                        : Deadline.rightStatus(due: due, done: done, asOf: asOf),
                    bindsAssociation: binds))
        }
        func anchor(_ spec: Rulebook.DeadlineRule) -> Day? { anchorDay(spec.from, rulebook: rulebook) }

        if complaint.value.accused.contains(where: { $0.holdsMandate == true }) {
            add(
                .R02, "prévenir les autres membres du Conseil (personne mandatée mise en cause)",
                "notify the other board members (a mandate holder is accused)",
                d.boardNotification, from: anchor(d.boardNotification), done: boardNotified?.on)
        }
        add(
            .R03, "aboutir dans un délai maximal de \(d.conclusion.period.fr)",
            "conclude within \(d.conclusion.period.en)", d.conclusion,
            from: anchor(d.conclusion), done: concludedOn(rulebook: rulebook))
        add(
            .R04, "réunion du Conseil d'administration", "board meeting", d.boardMeeting,
            from: anchor(d.boardMeeting), done: boardMeeting?.on)
        add(
            .R08, "rédaction du dossier disciplinaire", "disciplinary file", d.disciplinaryFile,
            from: anchor(d.disciplinaryFile), done: fileCompletedOn)
        // The accused's window: "met" when they answered in time; its end is noted, never a breach by the association.
        let answeredOn = everyAccusedAnswered ? answers.map(\.on).max() : nil
        add(
            .R10, "accusé de réception et première réponse de la personne mise en cause",
            "acknowledgement and first answer of the accused", d.answerWindow,
            from: anchor(d.answerWindow), done: answeredOn)
        // « une fois la réponse … reçue, … 7 jours »: from the last answer, or from the window's last day once it has
        // passed without every answer — whether or not the silence was noted yet.
        let windowEnd = explanation.map { d.answerWindow.period.end(from: $0.on) }
        let summaryFrom = anchor(d.summary) ?? windowEnd.flatMap { $0 < asOf ? $0 : nil }
        add(.R12, "synthèse récapitulative", "summary", d.summary, from: summaryFrom, done: summary?.on)
        for (i, r) in recusals.enumerated() {
            // "pour mener à un nouvel appel": met by the first call, draw announced or member joining recorded after
            // the recusal; acts recorded before it never meet it.
            let answered = i < newCallsAfterRecusals.count ? newCallsAfterRecusals[i] : nil
            add(
                .R14, "nouvel appel après la révocation de \(r.value.member)",
                "new call after \(r.value.member) was revoked", d.newCallAfterRecusal, from: r.on, done: answered)
        }
        for r in cellReplacements {
            // A replaced member's seat is filled again as a revoked one's is: a new call, a draw, or a member joining.
            let filled = (cellCalls.map(\.on) + cellJoins.map(\.on) + [drawAnnouncement?.on].compactMap { $0 })
                .filter { $0 >= r.on }.min()
            add(
                .R13, "nouvel appel après le remplacement de \(r.value.member)",
                "new call after \(r.value.member) was replaced", d.newCallAfterRecusal, from: r.on, done: filled)
        }
        add(
            .R18, "réunion de la cellule de crise", "crisis cell meeting", d.cellMeeting,
            from: anchor(d.cellMeeting), done: cellMeeting?.on)
        if judgement != nil || referral == nil {
            add(
                .R22, "exécution du jugement par le Conseil", "execution of the judgement by the board", d.execution,
                from: anchor(d.execution), done: executedOn)
        }
        for letter in lettersReceived {
            let party = letter.value.member
            let due = d.appeal.period.end(from: letter.on)
            let appealed = appeals.first { $0.value.by == party }?.on
            let status: Deadline.Status =
                if let appealed {
                    .met(on: appealed, marginDays: appealed.days(until: due))
                } else if asOf <= due {
                    .open(daysLeft: asOf.days(until: due))
                } else {
                    .expired(on: due)
                }
            out.append(
                Deadline(
                    rule: .R23, labelFr: "recours de \(party)", labelEn: "appeal by \(party)",
                    from: letter.on, due: due, status: status, bindsAssociation: false))
        }
        return out
    }

    /// The deadlines missed so far.
    public func breaches(asOf: Day, rulebook: Rulebook) -> [Deadline] {
        deadlines(asOf: asOf, rulebook: rulebook).filter(\.isBreach)
    }
}
