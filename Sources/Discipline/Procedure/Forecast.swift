/// R03's early warning: if every remaining step used its full allowance, when would the case conclude?
public struct Forecast: Equatable, Sendable {
    /// One step of the projection.
    public struct Step: Equatable, Sendable {
        public var rule: RuleID
        public var labelFr: String
        public var labelEn: String
        /// The day it happened, or the last day its allowance gives.
        public var on: Day
        /// Whether it already happened.
        public var done: Bool
    }

    /// The last day of the overall limit (5.6: "deux mois après que ... portés à la connaissance du CA").
    public var limit: Day?
    /// The projected (or actual) conclusion day.
    public var concludesOn: Day?
    /// Days from the conclusion to the limit: negative when the limit will be (or was) missed.
    public var slackDays: Int?
    /// The procedure has concluded: `concludesOn` is a fact, not a projection.
    public var concluded: Bool
    public var steps: [Step]

    /// The projection misses the limit.
    public var willMiss: Bool { (slackDays ?? 0) < 0 }
}

extension CaseState {
    /// Projects the conclusion day as of `asOf`, each remaining step taking its full allowance (steps the text gives
    /// no delay, such as the explanation request or the cell's decision at its meeting, take none, so the projection
    /// is the latest the procedure may run if every deadline is kept). A step already overdue is projected on `asOf`.
    public func forecast(asOf: Day, rulebook: Rulebook) -> Forecast {
        guard let complaint else {
            return Forecast(limit: nil, concludesOn: nil, slackDays: nil, concluded: false, steps: [])
        }
        let d = rulebook.deadlines
        var at: [Rulebook.Anchor: Day] = [.boardLearned: complaint.value.boardLearnedOn, .complaintFiled: complaint.on]
        var steps: [Forecast.Step] = []

        func step(
            _ rule: RuleID, _ fr: String, _ en: String, done: Day?, allowance: Rulebook.DeadlineRule?,
            after previous: Day, anchor: Rulebook.Anchor? = nil
        ) -> Day {
            let day: Day
            if let done {
                day = done
            } else if let allowance {
                let from = at[allowance.from] ?? previous
                day = max(allowance.period.end(from: from), asOf)
            } else {
                day = max(previous, asOf)
            }
            if let anchor { at[anchor] = day }
            steps.append(Forecast.Step(rule: rule, labelFr: fr, labelEn: en, on: day, done: done != nil))
            return day
        }

        let limit = d.conclusion.period.end(from: at[d.conclusion.from] ?? complaint.on)
        if let concluded = concludedOn(rulebook: rulebook) {
            return Forecast(
                limit: limit, concludesOn: concluded, slackDays: concluded.days(until: limit),
                concluded: true, steps: [])
        }

        let meeting = step(
            .R04, "réunion du Conseil", "board meeting", done: boardMeeting?.on,
            allowance: d.boardMeeting, after: complaint.on, anchor: .boardMeeting)
        let file = step(
            .R08, "dossier disciplinaire", "disciplinary file", done: fileCompletedOn,
            allowance: d.disciplinaryFile, after: meeting)
        let request = step(
            .R10, "demande d'explication", "explanation request", done: explanation?.on,
            allowance: nil, after: file, anchor: .explanationRequested)
        let answered = step(
            .R10, "réponse ou fin du délai de réponse", "answer or end of the answer window",
            done: answerOrWindowEnd(rulebook: rulebook), allowance: d.answerWindow, after: request,
            anchor: .answerOrWindowEnd)
        let written = step(
            .R12, "synthèse récapitulative", "summary", done: summary?.on, allowance: d.summary,
            after: answered)
        // A pending recusal holds the cell back until the new call's last day.
        var formed = written
        if instructionEndedOn == nil, let r = recusals.last, cell.count < rulebook.cellSize {
            formed = max(formed, d.newCallAfterRecusal.period.end(from: r.on))
        }
        let ended = step(
            .R16, "envoi de la synthèse à la cellule (fin de l'instruction)",
            "summary sent to the cell (end of instruction)", done: instructionEndedOn, allowance: nil,
            after: formed, anchor: .instructionEnded)
        let met = step(
            .R18, "réunion de la cellule", "cell meeting", done: cellMeeting?.on, allowance: d.cellMeeting,
            after: ended)
        var end = step(.R19, "jugement", "judgement", done: judgement?.on ?? referral?.on, allowance: nil, after: met)
        if rulebook.conclusion == .execution {
            let sent = step(
                .R21, "jugement envoyé au Conseil", "judgement sent to the board", done: sentToBoardOn,
                allowance: nil, after: end, anchor: .judgementSentToBoard)
            end = step(.R22, "exécution", "execution", done: executedOn, allowance: d.execution, after: sent)
        }
        return Forecast(
            limit: limit, concludesOn: end, slackDays: end.days(until: limit), concluded: false, steps: steps)
    }
}
