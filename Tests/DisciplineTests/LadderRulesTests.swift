import GreffeTestSupport
import Testing
@testable import Discipline

// One suite per seed charter: a scenario from the first incident to the last rung, then the refusals its text implies.

@Suite struct CLE52Ladder {
    let book: LadderRulebook
    init() throws { book = try shippedLadder("cle-5.2") }
    let board = ["conseil": "m001"]

    @Test func R29_reminderThenSummonsWarningAndComplaintAtTheThirdRepeat() {
        var s = LadderScenario(book)
        let first = s.act("2026-01-05", incident("Propos dénigrants"))
        #expect(first.first == .opened(LadderOpened(rulebook: "cle-5.2", version: 1, member: "m004")))
        s.act("2026-01-06", measure("rappel", by: board))
        s.act("2026-02-10", incident("Capture partagée sans consentement"))
        s.act("2026-02-11", measure("convocation", by: board, channel: .privateTicket))
        s.act("2026-02-20", measure("avertissement", by: board))
        s.act("2026-03-10", incident("Dénigrement public"))
        s.act("2026-03-11", measure("convocation", by: board, channel: .privateTicket))
        s.act("2026-04-01", incident("Nouveau dénigrement"))
        let complaint = s.act("2026-04-02", measure("plainte", by: board))
        #expect(
            complaint == [
                .measureTaken(
                    MeasureDecision(measure: "plainte", signatures: [Signature(role: "conseil", member: "m001")]))
            ])
        #expect(s.state.incidents.map(\.incident.number) == [1, 2, 3, 4])
        #expect(s.state.pending(rulebook: book).map(\.kind) == [.escalationOwed])
        s.act("2026-04-02", .linkCase(EscalationLink(procedure: "cle-autistes-ri", caseID: "2026-001")))
        #expect(s.state.pending(rulebook: book).isEmpty)
        s.refuses(
            "2026-04-03", .linkCase(EscalationLink(procedure: "cle-autistes-ri", caseID: "2026-002")),
            saying: "déjà liée")
    }

    @Test func R29_noSummonsBeforeARepeat() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.refuses(
            "2026-01-06", measure("convocation", by: board, channel: .privateTicket), article: "5.2",
            saying: "au moins 1 récidive(s)")
    }

    @Test func R29_noWarningBeforeTheSummons() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.act("2026-01-20", incident())
        s.refuses("2026-01-21", measure("avertissement", by: board), saying: "« convocation par ticket privé")
    }

    @Test func R29_noComplaintAtTheSecondRepeat() {
        var s = LadderScenario(book)
        for day in ["2026-01-05", "2026-01-20", "2026-02-05"] { s.act(day, incident()) }
        let refusal = s.refuses(
            "2026-02-06", measure("plainte", by: board), saying: "au moins 3 récidive(s), 2 à ce jour")
        #expect(refusal?.quote.hasPrefix("A la troisième récidive") == true)
    }

    @Test func R29_theSummonsGoesByPrivateTicket() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.act("2026-01-20", incident())
        s.refuses("2026-01-21", measure("convocation", by: board), saying: "indiquer le moyen")
        s.refuses("2026-01-21", measure("convocation", by: board, channel: .email), saying: "non prévu par le texte")
    }

    @Test func ladder_anActCannotBeDatedBeforeThePreviousOne() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.refuses("2026-01-04", measure("rappel", by: board), saying: "avant le précédent")
    }
}

@Suite struct AALMIWarningAndExclusion {
    let book: LadderRulebook
    init() throws { book = try shippedLadder("aalmi-5") }
    let both = ["administrateurs": "m001", "president": "m002"]

    @Test func aalmi5_warningThenExclusionOnARepeatAfterTheWarning() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident("Message politique"))
        s.act("2026-01-06", measure("avertissement", by: both))
        s.act("2026-02-01", incident("Nouveau message politique"))
        s.act("2026-02-03", measure("exclusion", by: both, channel: .phone, reason: "récidive après avertissement"))
        #expect(s.state.measures.map(\.measure.measure) == ["avertissement", "exclusion"])
    }

    @Test func aalmi5_aDecisionNeedsThePresidentsAgreement() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.refuses(
            "2026-01-06", measure("avertissement", by: ["administrateurs": "m001"]), article: "§5, 1-",
            saying: "exige aussi l'accord de : le Président")
        s.refuses("2026-01-06", measure("avertissement", by: ["president": "m002"]), saying: "aucune signature")
    }

    @Test func aalmi5_noExclusionWithoutAPriorWarning() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.act("2026-01-07", incident())
        s.refuses(
            "2026-01-08", measure("exclusion", by: both, channel: .email, reason: "r"), article: "§5, 2-",
            saying: "« avertissement » au préalable")
    }

    @Test func aalmi5_noExclusionWithoutARepeatAfterTheWarning() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.act("2026-01-06", measure("avertissement", by: both))
        s.refuses("2026-01-08", measure("exclusion", by: both, channel: .email, reason: "r"), saying: "nouvel incident")
    }

    @Test func aalmi5_theExclusionIsMotivatedAndNotifiedByPhoneOrEmail() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident())
        s.act("2026-01-06", measure("avertissement", by: both))
        s.act("2026-01-07", incident())
        s.refuses("2026-01-08", measure("exclusion", by: both, reason: "r"), saying: "indiquer le moyen")
        s.refuses(
            "2026-01-08", measure("exclusion", by: both, channel: .privateTicket, reason: "r"), saying: "non prévu")
        s.refuses("2026-01-08", measure("exclusion", by: both, channel: .phone), saying: "motivé")
    }

    @Test func aalmi5_deliberateHarmExcludesAtOnceWithAWrittenReason() {
        var s = LadderScenario(book)
        s.act("2026-01-05", incident("Inondation volontaire du groupe"))
        let refusal = s.refuses(
            "2026-01-05", measure("exclusion", by: both, channel: .email, exception: "nuisance-volontaire"),
            saying: "exige un motif écrit")
        #expect(refusal?.quote == "s'il nuit volontairement au bon fonctionnement du groupe")
        s.refuses(
            "2026-01-05", measure("exclusion", by: both, channel: .email, reason: "r", exception: "urgence"),
            saying: "ne prévoit pas l'exception")
        s.act(
            "2026-01-05",
            measure(
                "exclusion", by: both, channel: .email, reason: "200 messages en une heure",
                exception: "nuisance-volontaire"))
    }
}

@Suite struct CoopolModeration {
    let book: LadderRulebook
    init() throws { book = try shippedLadder("coopol-4") }
    let team = ["coopilotes": "m003"]

    @Test func coopol4_remarkDeletionThenTemporaryAndDefinitiveSuspension() {
        var s = LadderScenario(book)
        s.act("2026-03-01", incident("Insultes sous un billet", channel: .platform))
        s.act("2026-03-02", measure("remarque", by: ["secretaire-section": "m006"], channel: .privateMessage))
        s.act("2026-03-02", measure("suppression", by: team, detail: "commentaire du 1er mars"))
        s.act("2026-03-20", incident("Nouvelles insultes", channel: .platform))
        s.act("2026-03-21", measure("suspension", by: team, until: "2026-04-20", reason: "manquements répétés"))
        let ends = s.state.pending(rulebook: book)
        #expect(ends.map(\.kind) == [.measureEnds] && ends.first?.due == d("2026-04-20"))
        s.act("2026-05-02", incident("Harcèlement", channel: .email))
        s.act("2026-05-03", measure("suspension", by: team, reason: "troisième manquement : définitive"))
        #expect(s.state.measures.last?.measure.until == nil)
    }

    @Test func coopol4_noSuspensionWithoutRepeatedBreaches() {
        var s = LadderScenario(book)
        s.act("2026-03-01", incident())
        s.refuses(
            "2026-03-02", measure("suspension", by: team, until: "2026-04-01", reason: "r"), article: "§4",
            saying: "au moins 1 récidive(s), 0 à ce jour")
    }

    @Test func coopol4_onlyTheCoopilotesDeleteAndSuspend() {
        var s = LadderScenario(book)
        s.act("2026-03-01", incident())
        s.refuses(
            "2026-03-02", measure("suppression", by: ["secretaire-section": "m006"], detail: "x"),
            saying: "aucune signature")
    }

    @Test func coopol4_aSuspensionEndsAfterItsDayAndADeletionNamesTheContent() {
        var s = LadderScenario(book)
        s.act("2026-03-01", incident())
        s.act("2026-03-05", incident())
        s.refuses(
            "2026-03-06", measure("suspension", by: team, until: "2026-03-06", reason: "r"), saying: "doit suivre")
        s.refuses("2026-03-06", measure("suppression", by: team), saying: "préciser le contenu supprimé")
    }
}

@Suite struct ACTAllianceImplementation {
    let book: LadderRulebook
    init() throws { book = try shippedLadder("act-alliance") }
    let secretariat = ["secretariat": "m010"]

    @Test func act_dialogueFailsThenDeletionThenBannerWithdrawalRecommended() {
        var s = LadderScenario(book)
        s.act("2026-05-04", incident("Publication prosélyte sous la bannière"))
        s.act("2026-05-05", measure("dialogue-informel", by: secretariat, outcome: "echec"))
        s.act("2026-05-12", measure("dialogue-formel", by: secretariat, outcome: "echec"))
        s.act("2026-05-13", measure("suppression", by: secretariat, detail: "publication Facebook du 4 mai"))
        s.act(
            "2026-05-20", measure("retrait-banniere", by: secretariat, reason: "refus de retirer", detail: "Facebook"))
        #expect(s.state.measures.count == 4)
    }

    @Test func act_noDeletionBeforeTheDialogueFailed() {
        var s = LadderScenario(book)
        s.act("2026-05-04", incident())
        s.refuses("2026-05-05", measure("suppression", by: secretariat, detail: "x"), saying: "l'un de")
        s.act("2026-05-05", measure("dialogue-informel", by: secretariat, outcome: "accord"))
        s.refuses(
            "2026-05-06", measure("demande-suppression", by: secretariat, detail: "x"),
            saying: "pas de résolution par le dialogue")
    }

    @Test func act_aDialogueStatesItsOutcomeAndTheWithdrawalNamesTheMedium() {
        var s = LadderScenario(book)
        s.act("2026-05-04", incident())
        s.refuses("2026-05-05", measure("dialogue-formel", by: secretariat), saying: "indiquer l'issue")
        s.act("2026-05-05", measure("dialogue-formel", by: secretariat, outcome: "echec"))
        s.refuses(
            "2026-05-06", measure("retrait-banniere", by: secretariat, reason: "r"), saying: "préciser le média social")
    }
}

@Suite struct LocalAuthorityImageRemoval {
    let book: LadderRulebook
    init() throws { book = try shippedLadder("collectivite") }
    let referent = ["referent": "m010"]

    @Test func collectivite_requestByEmailDecisionAndRemovalEachWithItsDay() {
        var s = LadderScenario(book)
        s.member = "agent12"
        s.act("2026-06-01", incident("Photo de la fête du 30 mai", kind: "demande-retrait-image", channel: .email))
        #expect(s.state.pending(rulebook: book).map(\.kind) == [.awaitingMeasure])
        s.act(
            "2026-06-03",
            measure(
                "decision-referent", by: referent, channel: .email, outcome: "accepte",
                reason: "photographiée sans accord"))
        let owed = s.state.pending(rulebook: book)
        #expect(owed.map(\.kind) == [.measureOwed] && owed.first?.measure == "retrait")
        s.act("2026-06-04", measure("retrait", by: referent, detail: "publication Facebook du 30 mai"))
        #expect(s.state.pending(rulebook: book).isEmpty)
        #expect(s.state.entries.map(\.day) == [d("2026-06-01"), d("2026-06-03"), d("2026-06-04")])
    }

    @Test func collectivite_theRequestComesByEmail() {
        let s = LadderScenario(book)
        s.refuses(
            "2026-06-01", incident(kind: "demande-retrait-image"), article: "Supports",
            saying: "indiquer le moyen (courriel)")
        s.refuses("2026-06-01", incident(kind: "demande-retrait-image", channel: .phone), saying: "non prévu")
        s.refuses("2026-06-01", incident(), saying: "préciser le type")
    }

    @Test func collectivite_noDecisionWithoutARequestAndNoRemovalUnlessGranted() {
        var s = LadderScenario(book)
        s.act("2026-06-01", incident("Post diffamatoire", kind: "publication-diffamatoire"))
        s.refuses(
            "2026-06-02", measure("decision-referent", by: referent, outcome: "accepte", reason: "r"),
            saying: "(demande de retrait d'un cliché")
        s.act("2026-06-02", incident("Photo", kind: "demande-retrait-image", channel: .email))
        s.refuses(
            "2026-06-03", measure("retrait", by: referent, detail: "photo"),
            saying: "« décision de la personne référente")
        s.act(
            "2026-06-03", measure("decision-referent", by: referent, outcome: "refuse", reason: "personnalité publique")
        )
        s.refuses("2026-06-04", measure("retrait", by: referent, detail: "photo"), saying: "retrait accepté")
        #expect(s.state.pending(rulebook: book).isEmpty)
    }
}

@Suite struct RepeatsWithinAPeriod {
    /// coopol with a rule of its own: a suspension needs a repeat within 30 days.
    let book: LadderRulebook
    init() throws {
        var b = try shippedLadder("coopol-4")
        if let i = b.measures.firstIndex(where: { $0.id == "suspension" }) {
            b.measures[i].requires = [.init(repeats: 1, within: Rulebook.Period(30, .days))]
        }
        book = b
    }
    let team = ["coopilotes": "m003"]

    @Test func ladder_onlyIncidentsWithinThePeriodCountAsRepeats() {
        #expect(book.faults().isEmpty)
        var s = LadderScenario(book)
        s.act("2026-01-01", incident())
        s.act("2026-03-01", incident())
        // 1 January + 30 days = 31 January: on 2 March only one incident is within the period.
        s.refuses(
            "2026-03-02", measure("suspension", by: team, reason: "r"),
            saying: "au moins 1 récidive(s) sur 30 jours, 0 à ce jour")
        s.act("2026-03-15", incident())
        s.act("2026-03-16", measure("suspension", by: team, until: "2026-04-15", reason: "deux manquements en mars"))
    }
}
