@testable import Discipline

/// One example of every command and every event type, with optional fields filled where they exist, so the JSON
/// and schema tests cover every field.
enum Examples {
    static let day = Day(year: 2026, month: 2, day: 8) ?? Day(dayNumber: 0)
    static let announcement = DrawAnnouncement(
        pool: ["m1", "m2", "m3", "m4"], poolDigest: (try? DrawPool(members: ["m1", "m2", "m3", "m4"]))?.digest ?? "",
        sources: [EntropySource(description: "Loto du 2026-02-07", valuesKnownOn: day)], seatsLeft: 3)
    static let draw: CellDraw =
        (try? CellDraw.perform(announcement, values: [["3", "11", "17"]]))
        ?? CellDraw(
            poolDigest: "", poolSize: 0, entropy: .local(randomHex: ""), keyString: "", order: [],
            publiclyVerifiable: false)
    static let probation = Fixture.probation
    static let proposals = [
        Proposal(id: "A", sanctions: ["warning"]),
        Proposal(id: "B", sanctions: [Rulebook.SanctionID.probationaryReintegration], probation: probation)
    ]
    static let ballots = [
        Ballot(member: "m1", option: "A"), Ballot(member: "m2", option: "A"), Ballot(member: "m3", option: nil)
    ]
    static let tallies = Ballots(ballots).tallies(options: ["A", "B"], bodySize: 3, rulebook: .cle)
    static let record = VoteRecord(proposals: proposals, ballots: ballots, tallies: tallies, adopted: "A")
    static let gaVotes = [OptionVotes(option: "A", votes: 20), OptionVotes(option: "B", votes: 7)]
    static let gaRecord = GAVoteRecord(
        proposals: proposals, votes: gaVotes, blanks: 3, bodySize: 40,
        tallies: [
            OptionTally(
                option: "A",
                tally: Rulebook.cle.reachesTwoThirds(
                    yes: 20, cast: 27, blanks: 3, bodySize: 40))
        ], adopted: "A")
    static let report = ReportFacts(
        channel: .indirect, reporter: "m4", relayedBy: "m5", concerning: ["dan"],
        description: "malaise")
    static let complaint = ComplaintFacts(
        channel: .email, complainants: [Party(id: "carl", isMember: true)],
        accused: [Party(id: "dan", isMember: true, holdsMandate: true)], victims: [Party(id: "vera", isMember: false)],
        facts: "faits", motives: ["insults"], boardLearnedOn: day)
    /// The complaint as stored: with the rulebook version it was decided under (R34).
    static let filedComplaint = ComplaintFacts(
        channel: .email, complainants: [Party(id: "carl", isMember: true)],
        accused: [Party(id: "dan", isMember: true, holdsMandate: true)], victims: [Party(id: "vera", isMember: false)],
        facts: "faits", motives: ["insults"], boardLearnedOn: day, rulebook: RulebookRef(Rulebook.cle))
    static let evidence = Evidence(
        kind: .report, description: "capture", sha256: Fixture.hash, witness: "m6", reportNumber: 1)
    static let note = Note(note: "remarque")

    static let commands: [CaseCommand] = [
        .recordReport(report, commandId: "cmd-1"),
        .fileComplaint(complaint),
        .notifyBoard(BoardNotification(channel: .directMessage, notified: ["alice"])),
        .holdBoardMeeting(BoardMeeting(attendees: ["alice"], rapporteur: "m4", delegationReason: "raison")),
        .imposeSuspension(Suspension(responsibilities: true, access: false, blockedSpaces: ["#général"])),
        .addEvidence(evidence),
        .completeFile(note),
        .hearVictim(VictimHearing(victim: "vera", needs: "besoins", demands: ["excuses"], origin: .rapporteurAndBoard)),
        .requestExplanation(ExplanationRequest(summary: "résumé", demands: ["excuses"])),
        .receiveAnswer(Answer(from: "dan", form: .oral)),
        .lapseAnswerWindow(Note()),
        .recordAccusedLeft(Departure(member: "dan", possibleOffence: true, note: "menaces")),
        .writeSummary(Summary(demand: "d", defence: "f", proposedSanctions: ["warning"])),
        .callCell(CellCall(channel: .email, called: ["m1"])),
        .acceptVolunteer(MemberRef(member: "m1")),
        .recuse(Recusal(by: "dan", member: "m1")),
        .announceDraw(Examples.announcement),
        .performDraw(Examples.draw),
        .drawnMemberPresent(MemberRef(member: "m2")),
        .drawnMemberDeclined(DrawDecline(member: "m2")),
        .sendSummaryToCell(note),
        .holdCellMeeting(CellMeeting(attendees: ["m1", "m2", "m3"])),
        .reachConsensus(
            Decision(sanctions: [Rulebook.SanctionID.probationaryReintegration], probation: probation, reasons: "r")),
        .holdCellVote(CellVote(proposals: proposals, ballots: ballots)),
        .holdReintegrationVote(ReintegrationVote(ballots: ballots, probation: probation)),
        .referToGeneralAssembly(GAReferral(assemblyOn: day, note: "AG")),
        .sendJudgementToBoard(note),
        .receiveDecisionLetter(MemberRef(member: "dan")),
        .executeJudgement(note),
        .lodgeAppeal(Appeal(by: "dan", companion: "Zoé")),
        .recordGeneralAssemblyVote(GAVote(proposals: proposals, votes: gaVotes, blanks: 3, bodySize: 40)),
        .recordGeneralAssemblyResolution(GAResolution(outcome: "o", reason: "r", sanctions: ["warning"])),
        .recordGeneralAssemblyReintegrationVote(
            GAReintegrationVote(
                votes: [OptionVotes(option: Rulebook.SanctionID.probationaryReintegration, votes: 30)], blanks: 2,
                bodySize: 40, probation: probation)),
        .replaceCellMember(
            CellReplacement(member: "m1", ground: .noLongerEligible, reason: "cotisation 2026 seulement")),
        .recordExplicitDecision(
            ExplicitDecision(matter: .cellCannotBeFormed, decision: "renvoi à l'AG", reason: "2 éligibles")),
        .recordReparation(Reparation(measures: ["soutien"])),
        .announceRadiation(Radiation(member: "dan")),
        .closeCase(Closure(reason: "fin"), commandId: "cmd-last")
    ]

    static let events: [CaseEvent] = [
        .reportRecorded(report),
        .complaintFiled(filedComplaint),
        .boardMembersNotified(BoardNotification(channel: .email, notified: ["alice"])),
        .boardMet(BoardMet(attendees: ["alice"], excludedAccused: ["bruno"])),
        .rapporteurDesignated(RapporteurDesignation(rapporteur: "m4", delegated: true, reason: "raison")),
        .suspensionImposed(
            SuspensionImposed(accused: ["dan"], responsibilities: true, access: true, blockedSpaces: [])),
        .evidenceAdded(evidence),
        .disciplinaryFileCompleted(note),
        .victimHeard(VictimHearing(victim: "vera", needs: "n", demands: [], origin: .victim)),
        .explanationRequested(ExplanationRequest(summary: "s", demands: ["d"])),
        .answerReceived(Answer(from: "dan", form: .written)),
        .answerWindowLapsed(Note()),
        .accusedLeft(Departure(member: "dan", possibleOffence: false)),
        .procedureStopped(ProcedureStop(reason: "départ")),
        .summaryWritten(Summary(demand: "d", defence: "f", proposedSanctions: [])),
        .cellCalled(CellCall(channel: .online)),
        .volunteerAccepted(MemberRef(member: "m1")),
        .memberRecused(Recusal(by: "vera", member: "m1")),
        .cellMemberReplaced(CellReplacement(member: "m2", ground: .noAnswer, reason: "sans réponse depuis 5 jours")),
        .explicitDecisionRecorded(
            ExplicitDecision(matter: .everyAccusedLeft, decision: "arrêt", reason: "tous partis")),
        .drawAnnounced(Examples.announcement),
        .drawPerformed(Examples.draw),
        .drawnMemberPresent(MemberRef(member: "m1")),
        .drawnMemberDeclined(DrawDecline(member: "m1")),
        .summarySentToCell(SummarySent(cell: ["m1", "m2", "m3"], victims: ["vera"])),
        .cellMet(CellMeeting(attendees: ["m1", "m2", "m3"])),
        .consensusReached(Decision(sanctions: ["warning"], reasons: "accord")),
        .cellVoteHeld(record),
        .reintegrationVoteHeld(VoteRecord(proposals: proposals, ballots: ballots, tallies: tallies, adopted: nil)),
        .judgementRendered(
            Judgement(
                basis: .reintegrationVote, sanctions: [Rulebook.SanctionID.probationaryReintegration],
                probation: probation, cell: ["m1", "m2", "m3"])),
        .referredToGeneralAssembly(GAReferral()),
        .judgementSentToBoard(note),
        .decisionLetterReceived(MemberRef(member: "vera")),
        .judgementExecuted(Note()),
        .appealLodged(Appeal(by: "vera")),
        .generalAssemblyDecided(gaRecord),
        .generalAssemblyVoteFailed(
            GAVoteRecord(
                proposals: proposals, votes: gaVotes, blanks: 0, bodySize: 40,
                tallies: [], adopted: nil)),
        .generalAssemblyReintegrationVoteHeld(
            GAVoteRecord(
                proposals: proposals, votes: gaVotes, blanks: 0, bodySize: 40,
                tallies: [], adopted: nil)),
        .generalAssemblyResolutionRecorded(GAResolution(outcome: "o", reason: "r")),
        .reparationMeasuresRecorded(Reparation(measures: ["m"])),
        .radiationAnnounced(Radiation(member: "dan")),
        .caseClosed(Closure(reason: "fin")),
        .recordWithdrawn(Withdrawal(records: [7], reason: "saisi dans le mauvais dossier")),
        .recordCorrected(
            Correction(
                records: [5, 6], reason: "le témoin est m008", actDay: day,
                events: [.evidenceAdded(Evidence(kind: .testimony, description: "d", witness: "m008"))])),
        .caseTextsErased(
            CaseTextsErasure(
                reason: "article 6 : conservation écoulée", endedOn: day, retention: Rulebook.Period(12, .months),
                dueOn: day.adding(months: 12), override: .erasureRequest))
    ]
}
