/// A recorded act that a command may not be dated before, because the text orders the command after it.
public struct Precedent: Equatable, Sendable {
    /// The act, in words ("la demande d'explication", "the explanation request").
    public var fr: String
    public var en: String
    /// The day it happened.
    public var on: Day
    /// The article whose words order the two acts.
    public var article: String
}

extension CaseState {
    /// The recorded acts `command` comes after in the text, each with its day: the command may not be dated before
    /// any of them (rule `order`).
    ///
    /// Every act has the day it happened and the moment it was recorded; the order of the days follows what Article
    /// 5.6 orders (an answer after its request, a judgement after the cell met, an appeal after that party's receipt
    /// of the decision letter), never the order of typing. An act the text does not order after the last one (a
    /// report, a piece of evidence, a receipt of the letter, reparation) is accepted on its real day even when acts
    /// of later days are already recorded. A command this table does not know keeps the strict rule: not before the
    /// last recorded act. The table, with the text's words, is in docs/rules.md ("L'ordre des actes").
    public func precedents(of command: CaseCommand) -> [Precedent] {
        func act(_ fr: String, _ en: String, _ on: Day?, _ article: String) -> [Precedent] {
            on.map { [Precedent(fr: fr, en: en, on: $0, article: article)] } ?? []
        }
        let complaintFiled = act("le dépôt de la plainte", "the complaint", complaint?.on, "5.6.2")
        let meeting = act("la réunion du Conseil d'administration", "the board meeting", boardMeeting?.on, "5.6.3")
        // 5.6.9: the calls, answers, recusals and draws follow each other (« pour mener à un nouvel appel », « En cas
        // de non-réponse … tirage au sort », « répondre présentes sous peine de recommencer le tirage »).
        let constitution =
            act("la synthèse récapitulative", "the summary", summary?.on, "5.6.9")
            + act(
                "le dernier acte de constitution de la cellule", "the last act forming the cell",
                (cellCalls.map(\.on) + cellJoins.map(\.on) + recusals.map(\.on)
                    + [drawAnnouncement?.on, drawResult?.on].compactMap { $0 }).max(), "5.6.9")
        switch command {
        case .recordReport, .fileComplaint:
            // « Un signalement n'est pas une plainte »: a report stands on its own day, before or after the complaint.
            return []
        case .notifyBoard, .holdBoardMeeting, .addEvidence, .recordAccusedLeft, .recordReparation:
            return complaintFiled
        case .imposeSuspension, .completeFile, .hearVictim:
            // « à la suite de la réunion », « dans un délai de 15 jours après la réunion »
            return meeting
        case .requestExplanation:
            return meeting
                + act("la rédaction du dossier disciplinaire", "the disciplinary file", fileCompletedOn, "5.6.5")
                + act("l'audition de la victime", "the victim's hearing", hearings.map(\.on).max(), "5.6.6")
        case .receiveAnswer, .lapseAnswerWindow:
            return act("la demande d'explication", "the explanation request", explanation?.on, "5.6.7")
        case .writeSummary:
            // « une fois la réponse aux accusations reçue »
            return act("la demande d'explication", "the explanation request", explanation?.on, "5.6.7")
                + act(
                    "la réponse de la personne mise en cause", "the accused's answer", answers.map(\.on).max(), "5.6.8")
                + act(
                    "la note du silence de la personne mise en cause", "the note of the accused's silence",
                    answerWindowLapsedOn, "5.6.8")
        case .callCell, .acceptVolunteer, .recuse, .announceDraw, .performDraw, .drawnMemberPresent,
            .drawnMemberDeclined, .sendSummaryToCell:
            return constitution
        case .holdCellMeeting:
            // « dans un délai de 7 jours » after « La date d'envoi du mail marque la fin de l'instruction »
            return act(
                "l'envoi de la synthèse à la cellule (fin de l'instruction)",
                "the summary sent to the cell (end of instruction)",
                instructionEndedOn, "5.6.9")
        case .reachConsensus, .holdCellVote:
            return act("la réunion de la cellule de crise", "the crisis cell meeting", cellMeeting?.on, "5.6.10")
        case .holdReintegrationVote:
            return act("le vote sur le jugement", "the vote on the judgement", cellVote?.on, "5.6.10")
        case .referToGeneralAssembly:
            return act("le vote sur la réintégration", "the reintegration vote", reintegrationVote?.on, "5.6.10")
        case .sendJudgementToBoard, .receiveDecisionLetter:
            // « Le jugement est ensuite envoyé », « la réception du courrier de la décision »
            return act("le jugement de la cellule", "the cell's judgement", judgement?.on, "5.6.10")
        case .executeJudgement:
            if generalAssemblySettled {
                return act(
                    "la décision de l'Assemblée générale", "the general assembly's decision",
                    [generalAssemblyDecision?.on, generalAssemblyResolution?.on].compactMap { $0 }.max(), "5.6.12")
            }
            // « exécute obligatoirement le jugement … à la réception du courrier »
            return act("l'envoi du jugement au Conseil", "the judgement sent to the board", sentToBoardOn, "5.6.11")
        case let .lodgeAppeal(p, _):
            // « dans un délai de 2 mois à compter de la réception du courrier de la décision »: that party's receipt.
            return act(
                "la réception du courrier de la décision par \(p.by)", "\(p.by)'s receipt of the decision letter",
                lettersReceived.first { $0.value.member == p.by }?.on, "5.6.12")
        case .recordGeneralAssemblyVote:
            return act(
                "le recours ou le renvoi", "the appeal or referral",
                (appeals.map(\.on) + [referral?.on].compactMap { $0 }).min(), "5.6.12")
                + act(
                    "le précédent vote de l'Assemblée générale", "the previous general assembly vote",
                    generalAssemblyVotes.last?.on, "5.6.12")
        case .recordGeneralAssemblyResolution:
            return act(
                "le vote de l'Assemblée générale", "the general assembly vote", generalAssemblyVotes.last?.on, "5.6.12")
        case .announceRadiation:
            // 5.3 « Le Conseil d’administration exécute la décision de la cellule de crise en annonçant la radiation »:
            // after the decision (or the stop of 5.6.7), and a cell's decision once the board received it.
            return act(
                "la décision de radiation (ou l'arrêt de la procédure)", "the decision to radiate (or the stop)",
                [outcome?.on, stopped?.on].compactMap { $0 }.min(), "5.3")
                + act(
                    "l'envoi du jugement au Conseil", "the judgement sent to the board",
                    outcome?.source == .cell ? sentToBoardOn : nil, "5.6.11")
        case .closeCase:
            return act("le dernier acte enregistré", "the last recorded act", lastActOn, "5.6")
        @unknown default:
            return act("le dernier acte enregistré", "the last recorded act", lastActOn, "5.6")
        }
    }
}
