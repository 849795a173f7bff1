import GreffeTestSupport
import Testing
@testable import Discipline

// R01–R07: reports, complaint, board meeting, rapporteur, suspension.

@Test func R01_reportOpensNoProcedure() {
    let report = ReportFacts(channel: .direct, reporter: "m4", concerning: ["dan"], description: "malaise en ligne")
    expect(given: [], when: .recordReport(report), on: d("2026-01-02"), then: [.reportRecorded(report)])
    let state = CaseDecider.replay([DatedEvent(on: d("2026-01-02"), event: .reportRecorded(report))])
    #expect(state.step == .reportsOnly)
    #expect(state.deadlines(asOf: d("2026-03-01"), rulebook: .cle).isEmpty)
    #expect(state.forecast(asOf: d("2026-03-01"), rulebook: .cle).limit == nil)
}

@Test func R01_indirectReportNeedsTrustedMember() {
    let report = ReportFacts(
        channel: .indirect, concerning: ["dan"], description: "ressenti partagé en groupe non mixte")
    expect(given: [], when: .recordReport(report), on: d("2026-01-02"), then: refusal(.R01))
    var relayed = report
    relayed.relayedBy = "m5"
    expect(given: [], when: .recordReport(relayed), on: d("2026-01-02"), then: [.reportRecorded(relayed)])
}

@Test func R01_reportAttachedToComplaintAsEvidence() {
    var s = Scenario()
    s.act("2026-01-02", .recordReport(ReportFacts(channel: .direct, concerning: ["dan"], description: "signal")))
    s.act("2026-01-05", .fileComplaint(Fixture.complaint))
    let attach = Evidence(kind: .report, description: "signalement du 02/01", reportNumber: 1)
    expect(given: s.events, when: .addEvidence(attach), on: d("2026-01-06"), then: [.evidenceAdded(attach)])
    let wrong = Evidence(kind: .report, description: "inexistant", reportNumber: 2)
    expect(given: s.events, when: .addEvidence(wrong), on: d("2026-01-06"), then: refusal(.R01))
}

@Test func R02_complaintNeedsPartiesFactsAndMotive() {
    var noMotive = Fixture.complaint
    noMotive.motives = []
    expect(given: [], when: .fileComplaint(noMotive), on: d("2026-01-05"), then: refusal(.R02))
    var unknown = Fixture.complaint
    unknown.motives = ["bad-mood"]
    expect(given: [], when: .fileComplaint(unknown), on: d("2026-01-05"), then: refusal(.R02))
    var noAccused = Fixture.complaint
    noAccused.accused = []
    expect(given: [], when: .fileComplaint(noAccused), on: d("2026-01-05"), then: refusal(.R02))
    var learnedLater = Fixture.complaint
    learnedLater.boardLearnedOn = d("2026-01-06")
    expect(given: [], when: .fileComplaint(learnedLater), on: d("2026-01-05"), then: refusal(.R02))
    // R34: the complaint records the rulebook version it was decided under.
    var filed = Fixture.complaint
    filed.rulebook = RulebookRef(id: "cle-autistes-ri", version: 1)
    expect(given: [], when: .fileComplaint(Fixture.complaint), on: d("2026-01-05"), then: [.complaintFiled(filed)])
}

@Test func R02_mandateHolderAccusedNotificationIsSoft() {
    var complaint = Fixture.complaint
    complaint.accused = [Party(id: "bruno", isMember: true, holdsMandate: true)]
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(complaint))]
    let pending = CaseDecider.replay(filed).deadlines(asOf: d("2026-01-07"), rulebook: .cle).first { $0.rule == .R02 }
    #expect(pending?.status == .missed(byDays: 2, doneOn: nil))
    let note = BoardNotification(channel: .email, notified: ["alice", "bob"])
    // Late, but recorded: a soft rule.
    expect(given: filed, when: .notifyBoard(note), on: d("2026-01-07"), then: [.boardMembersNotified(note)])
    let done = CaseDecider.replay(filed + [DatedEvent(on: d("2026-01-07"), event: .boardMembersNotified(note))])
    #expect(
        done.deadlines(asOf: d("2026-01-08"), rulebook: .cle).first { $0.rule == .R02 }?.status
            == .missed(byDays: 2, doneOn: d("2026-01-07")))
    let selfNotice = BoardNotification(channel: .email, notified: ["bruno"])
    expect(given: filed, when: .notifyBoard(selfNotice), on: d("2026-01-05"), then: refusal(.R02))
}

@Test func R04_lateBoardMeetingIsRecordedAndShownAsBreach() {
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(Fixture.complaint))]
    let open = CaseDecider.replay(filed).deadlines(asOf: d("2026-01-10"), rulebook: .cle).first { $0.rule == .R04 }
    #expect(open?.due == d("2026-01-12"))
    #expect(open?.status == .open(daysLeft: 2))
    expect(
        given: filed, when: .holdBoardMeeting(Fixture.meeting), on: d("2026-01-14"),
        then: [
            .boardMet(BoardMet(attendees: ["alice", "bob", "chloe"], excludedAccused: [])),
            .rapporteurDesignated(RapporteurDesignation(rapporteur: "alice", delegated: false))
        ])
    var s = Scenario()
    s.act("2026-01-05", .fileComplaint(Fixture.complaint))
    s.act("2026-01-14", .holdBoardMeeting(Fixture.meeting))
    let late = s.state.deadlines(asOf: d("2026-01-14"), rulebook: .cle).first { $0.rule == .R04 }
    #expect(late?.status == .missed(byDays: 2, doneOn: d("2026-01-14")))
    #expect(late?.isBreach == true)
    // The meeting cannot come before the complaint.
    expect(given: [], when: .holdBoardMeeting(Fixture.meeting), on: d("2026-01-05"), then: refusal(.R04))
}

@Test func R04_lastDayIsMet() {
    var s = Scenario()
    s.act("2026-01-05", .fileComplaint(Fixture.complaint))
    s.act("2026-01-12", .holdBoardMeeting(Fixture.meeting))
    #expect(
        s.state.deadlines(asOf: d("2026-01-12"), rulebook: .cle).first { $0.rule == .R04 }?.status
            == .met(on: d("2026-01-12"), marginDays: 0))
}

@Test func R05_boardMemberAccusedCannotAttendTheMeeting() {
    var complaint = Fixture.complaint
    complaint.accused = [Party(id: "bruno", isMember: true, holdsMandate: true)]
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(complaint))]
    let withAccused = BoardMeeting(attendees: ["alice", "bob", "bruno"], rapporteur: "alice")
    let refused = expect(given: filed, when: .holdBoardMeeting(withAccused), on: d("2026-01-08"), then: refusal(.R05))
    #expect(refused?.fr.contains("sans sa présence") == true)
    expect(
        given: filed, when: .holdBoardMeeting(Fixture.meeting), on: d("2026-01-08"),
        then: [
            .boardMet(BoardMet(attendees: ["alice", "bob", "chloe"], excludedAccused: ["bruno"])),
            .rapporteurDesignated(RapporteurDesignation(rapporteur: "alice", delegated: false))
        ])
}

@Test func R06_rapporteurIsABoardMemberOrAJustifiedDelegate() {
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(Fixture.complaint))]
    let notBoard = BoardMeeting(attendees: ["alice", "bob"], rapporteur: "m4")
    expect(given: filed, when: .holdBoardMeeting(notBoard), on: d("2026-01-08"), then: refusal(.R06))
    let delegated = BoardMeeting(
        attendees: ["alice", "bob"], rapporteur: "m4",
        delegationReason: "tous les membres du Conseil sont témoins")
    expect(
        given: filed, when: .holdBoardMeeting(delegated), on: d("2026-01-08"),
        then: [
            .boardMet(BoardMet(attendees: ["alice", "bob"], excludedAccused: [])),
            .rapporteurDesignated(
                RapporteurDesignation(
                    rapporteur: "m4", delegated: true,
                    reason: "tous les membres du Conseil sont témoins"))
        ])
    let party = BoardMeeting(attendees: ["alice", "bob"], rapporteur: "carl", delegationReason: "raison")
    expect(given: filed, when: .holdBoardMeeting(party), on: d("2026-01-08"), then: refusal(.R06))
}

@Test func R07_suspensionFollowsTheMeetingAndLastsUntilTheJudgement() {
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(Fixture.complaint))]
    let suspension = Suspension(responsibilities: true, access: true, blockedSpaces: ["#général"])
    expect(given: filed, when: .imposeSuspension(suspension), on: d("2026-01-06"), then: refusal(.R07))
    let s = Fixture.throughLetters()
    #expect(s.state.activeSuspensions(on: d("2026-01-09")).isEmpty)
    #expect(s.state.activeSuspensions(on: d("2026-01-10")).map(\.rule) == [.R07])
    #expect(s.state.activeSuspensions(on: d("2026-02-07")).first?.blockedSpaces == ["#général"])
    // The cell's judgement on 8 Feb ends it.
    #expect(s.state.activeSuspensions(on: d("2026-02-08")).isEmpty)
}

@Test func R09_membershipAndMandatesComeFromTheRoster() {
    var complaint = Fixture.complaint
    complaint.victims = [Party(id: "vera", isMember: false)]
    expect(given: [], when: .fileComplaint(complaint), on: d("2026-01-05"), then: refusal(.R09))
    complaint.victims = [Party(id: "someone-outside", isMember: true)]
    expect(given: [], when: .fileComplaint(complaint), on: d("2026-01-05"), then: refusal(.R09))
    complaint.victims = [Party(id: "someone-outside", isMember: false)]
    var filed = complaint
    filed.rulebook = RulebookRef(Rulebook.cle)
    expect(given: [], when: .fileComplaint(complaint), on: d("2026-01-05"), then: [.complaintFiled(filed)])
    // bruno sits on the board: he holds a mandate whatever the complaint says.
    complaint.accused = [Party(id: "bruno", isMember: true, holdsMandate: false)]
    expect(given: [], when: .fileComplaint(complaint), on: d("2026-01-05"), then: refusal(.R02))
}

@Test func R02_oneNotificationToTheBoardWhenAMandateHolderIsAccused() {
    let filed = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(Fixture.complaint))]
    // dan holds no mandate: the rules ask for no notification.
    expect(
        given: filed, when: .notifyBoard(BoardNotification(channel: .email, notified: ["alice"])), on: d("2026-01-05"),
        then: refusal(.R02))
    var complaint = Fixture.complaint
    complaint.accused = [Party(id: "bruno", isMember: true, holdsMandate: true)]
    let mandated = [DatedEvent(on: d("2026-01-05"), event: .complaintFiled(complaint))]
    expect(
        given: mandated, when: .notifyBoard(BoardNotification(channel: .email, notified: ["alice", "m4"])),
        on: d("2026-01-05"), then: refusal(.R02))
    let notice = BoardNotification(channel: .email, notified: ["alice", "bob", "chloe"])
    let notified = mandated + [DatedEvent(on: d("2026-01-05"), event: .boardMembersNotified(notice))]
    expect(given: notified, when: .notifyBoard(notice), on: d("2026-01-20"), then: refusal(.R02))
}
