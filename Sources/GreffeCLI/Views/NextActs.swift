import Discipline

/// The act(s) the procedure expects next, as command lines ready to complete (`status` ends with them). Words in
/// capitals are what the user fills in (JOUR, TEXTE, MEMBRE, N); the members the case already knows are written out.
/// Which act is allowed stays the decider's to say: these are the acts of Article 5.6 that come next in its order.
enum NextActs {
    static func lines(_ id: CaseID, _ state: CaseState, rulebook: Rulebook, asOf: Day, _ l: Language) -> [String] {
        let c = id.rawValue
        let member = l.t("MEMBRE", "MEMBER"), text = l.t("TEXTE", "TEXT"), day = l.t("JOUR", "DAY")
        // A sanction is typed by its id (`greffe rulebook show` lists them): the line leaves it to fill in.
        let sanction = "SANCTION"
        func quoted(_ s: String) -> String { "\"\(s)\"" }
        let cell = state.cell.map(\.rawValue)
        switch state.step {
        case .empty, .reportsOnly:
            return [
                "greffe complaint --case \(c) --via ticket --complainant \(member) --accused \(member) --facts \(quoted(text)) --board-learned-on \(day)"
            ]
        case .awaitingBoardMeeting:
            var out = ["greffe meeting \(c) --attendee \(member) --attendee \(member) --rapporteur \(member)"]
            if state.accused.contains(where: { $0.holdsMandate == true }), state.boardNotified == nil {
                out.insert("greffe notify-board \(c) --via courriel --notified \(member)", at: 0)
            }
            return out
        case .investigation:
            var out: [String] = []
            if state.fileCompletedOn == nil {
                out += [
                    "greffe evidence \(c) --kind témoignage --description \(quoted(text))", "greffe file-complete \(c)"
                ]
            } else {
                let heard = Set(state.hearings.map(\.value.victim))
                for v in state.victims where !heard.contains(v.id) {
                    out.append(
                        "greffe hear-victim \(c) --victim \(v.id) --needs \(quoted(text)) --demand \(quoted(text))")
                }
                out.append("greffe request-explanation \(c) --summary \(quoted(text)) --demand \(quoted(text))")
            }
            return out
        case .awaitingAnswer:
            let end = state.explanation.map { rulebook.deadlines.answerWindow.period.end(from: $0.on) }
            let answered = Set(state.answers.map(\.value.from))
            return state.accused.filter { !answered.contains($0.id) }.map {
                "greffe answer \(c) --from \($0.id) --form écrit"
            }
                + [
                    l.t("greffe answer-lapsed \(c)", "greffe answer-lapsed \(c)")
                        + (end.map { l.t("   (après le \($0))", "   (after \($0))") } ?? "")
                ]
        case .awaitingSummary:
            return ["greffe summary \(c) --demand \(quoted(text)) --defence \(quoted(text)) --sanction \(sanction)"]
        case .constitutingCell:
            if state.cell.count >= rulebook.cellSize {
                return ["greffe cell send-summary \(c)"]
            }
            return [
                "greffe cell call \(c) --via en-ligne --member \(member) --member \(member)",
                "greffe cell volunteer \(c) --member \(member)"
            ]
        case .awaitingCellMeeting:
            return ["greffe cell meet \(c) " + cell.map { "--attendee \($0)" }.joined(separator: " ")]
        case .deliberation:
            return [
                "greffe cell consensus \(c) --sanction \(sanction) --reasons \(quoted(text))",
                "greffe cell vote \(c) " + cell.map { "--ballot \($0)=\(sanction)" }.joined(separator: " ")
            ]
        case .awaitingReintegrationVote:
            return [
                "greffe cell reintegration-vote \(c) " + cell.map { "--ballot \($0)=immediate" }.joined(separator: " ")
            ]
        case .awaitingGeneralAssemblyReferral:
            return ["greffe refer-ga \(c)"]
        case .referredToGeneralAssembly, .appealPending:
            return [
                "greffe ga docket",
                "greffe ga vote \(c) --proposal \(sanction) --votes \(sanction)=N --blanks N --voters N --on \(day)"
            ]
        case .judged:
            return ["greffe judgement send \(c)"]
        case .awaitingExecution, .generalAssemblyDecided:
            return ["greffe judgement execute \(c)"]
        case .executed:
            let received = Set(state.lettersReceived.map(\.value.member))
            let letters = state.partiesWithRights.filter { !received.contains($0) }
                .map { "greffe letter-received \(c) --member \($0)" }
            let appealed = Set(state.appeals.map(\.value.by))
            let appeals = state.lettersReceived.filter { !appealed.contains($0.value.member) }.compactMap {
                letter -> String? in
                let due = rulebook.deadlines.appeal.period.end(from: letter.on)
                return asOf <= due
                    ? "greffe appeal \(c) --by \(letter.value.member)"
                        + l.t("   (jusqu'au \(due))", "   (until \(due))") : nil
            }
            if !letters.isEmpty || !appeals.isEmpty { return letters + appeals }
            return ["greffe close \(c) --reason \(quoted(text))"]
        case .awaitingGeneralAssemblyResolution:
            return ["greffe ga resolve \(c) --outcome \(quoted(text)) --reason \(quoted(text))"]
        case .awaitingGeneralAssemblyReintegrationVote:
            return [
                "greffe ga reintegration-vote \(c) --votes immediate=N --votes probationary=N --blanks N --voters N"
            ]
        case .stopped:
            return state.accused.map { "greffe radiation \(c) --member \($0.id)" }
        case .closed:
            return []
        }
    }

    /// The lines `status` ends with.
    static func text(_ id: CaseID, _ state: CaseState, rulebook: Rulebook, asOf: Day, _ l: Language) -> String {
        let list = lines(id, state, rulebook: rulebook, asOf: asOf, l)
        if list.isEmpty { return l.t("  Prochain acte : aucun (dossier clos).\n", "  Next act: none (case closed).\n") }
        return l.t("  Prochain(s) acte(s) :\n", "  Next act(s):\n") + list.map { "    \($0)\n" }.joined()
    }
}
