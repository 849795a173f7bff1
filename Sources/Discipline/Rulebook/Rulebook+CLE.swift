extension Rulebook {
    /// Sanction ids the procedure itself refers to (the reintegration vote of R20, radiation of R28).
    public enum SanctionID {
        public static let immediateReintegration = "reintegration.immediate"
        public static let probationaryReintegration = "reintegration.probationary"
        public static let radiation = "radiation"
    }

    /// The CLE Autistes règlement intérieur, adopted in general assembly on 04/06/2023
    /// (seed `003_fe94f1df10b93c7f.txt`, Articles 2.5 and 5.2–5.6).
    public static let cle = Rulebook(
        id: "cle-autistes-ri",
        version: 1,
        title: "CLE Autistes — règlement intérieur du 04/06/2023",
        source: RulebookSource(document: "003_fe94f1df10b93c7f.txt", article: "5.6"),
        timeZone: "Europe/Paris",
        deadlines: Deadlines(
            // 5.6.2 gives no delay for telling the other board members: due the day the complaint arrives.
            boardNotification: DeadlineRule(Period(0, .days), from: .complaintFiled),
            // 5.6: "aboutir dans un délai maximal de deux mois après que ... portés à la connaissance du CA".
            conclusion: DeadlineRule(Period(2, .months), from: .boardLearned),
            // 5.6.3: "se réunir dans un délai de 7 jours suivant la date du signalement" (read: of the complaint).
            boardMeeting: DeadlineRule(Period(7, .days), from: .complaintFiled),
            // 5.6.5: "dans un délai de 15 jours après la réunion".
            disciplinaryFile: DeadlineRule(Period(15, .days), from: .boardMeeting),
            // 5.6.7: "un délai de 15 jours pour accuser réception".
            answerWindow: DeadlineRule(Period(15, .days), from: .explanationRequested),
            // 5.6.8: "dispose d'un délai de 7 jours pour rédiger une synthèse".
            summary: DeadlineRule(Period(7, .days), from: .answerOrWindowEnd),
            // 5.6.9: "pour mener à un nouvel appel dans un délai de 7 jours".
            newCallAfterRecusal: DeadlineRule(Period(7, .days), from: .recusal),
            // 5.6.10: "doivent se réunir dans un délai de 7 jours".
            cellMeeting: DeadlineRule(Period(7, .days), from: .instructionEnded),
            // 5.6.11: "exécute obligatoirement le jugement ... à la réception du courrier".
            execution: DeadlineRule(Period(0, .days), from: .judgementSentToBoard),
            // 5.6.12: "dans un délai de 2 mois à compter de la réception du courrier de la décision".
            appeal: DeadlineRule(Period(2, .months), from: .decisionLetterReceived)
        ),
        twoThirds: Threshold(numerator: 2, denominator: 3, base: .castIncludingBlanks),
        cellSize: 3,
        recusalsPerParty: 1,
        judgementCap: JudgementCap(max: 3, counting: .life),
        conclusion: .judgement,
        motives: cleMotives,
        sanctions: cleSanctions
    )

    static let cleMotives: [Category] = [
        (
            "conduct",
            "Tout propos et tout acte allant à l'encontre du cadre de conduite, de la charte des valeurs et des revendications.",
            "Words or acts against the code of conduct, the values charter or the demands"
        ),
        (
            "insults", "Des insultes personnelles, de la diffamation et du dénigrement sans preuves.",
            "Personal insults, defamation, denigration without proof"
        ),
        (
            "federal-principles", "La violation des principes fédéraux et de l'autonomie des associations membres.",
            "Violating federal principles and member associations' autonomy"
        ),
        (
            "mandate-limits", "Non-respect du rôle, des règles et des limites d'un mandat.",
            "Not respecting a mandate's role, rules and limits"
        ),
        (
            "abuse-of-power", "Tout abus de pouvoir et refus d'appliquer ce règlement.",
            "Abuse of power, refusing to apply these rules"
        ),
        (
            "harm",
            "Tout action de nature à porter un préjudice moral ou matériel au fonctionnement de l'association et au but de l'association.",
            "Moral or material harm to the association"
        ),
        (
            "hidden-interests", "D'avoir dissimulé des liens et des conflits d'intérêts.",
            "Hiding ties and conflicts of interest"
        ),
        (
            "hidden-situation", "D'avoir dissimulé sa situation judiciaire ou politique.",
            "Hiding one's judicial or political situation"
        ),
        (
            "information-misuse", "D'avoir exploité des informations de l'association à des fins personnelles.",
            "Using the association's information for personal ends"
        ),
        (
            "interference", "De faire de l'ingérence dans l'intérêt d'autres associations extérieures.",
            "Interfering in the interest of outside associations"
        ),
        (
            "outside-line", "D'imposer une ligne politique extérieure sans en avoir discuté en Assemblée générale.",
            "Imposing an outside political line not discussed in GA"
        ),
        (
            "embezzlement",
            "Tout détournement d'argent comme un défraiement non autorisé par le Conseil d'administration.",
            "Misappropriation of money"
        ),
        (
            "discrimination", "Tout acte discriminant et propos explicitement discriminatoire.",
            "Discriminating acts or explicitly discriminatory words"
        ),
        ("domination", "Tout acte de domination à l'encontre des membres.", "Acts of domination against members"),
        (
            "offence-harassment",
            "Tout acte délictueux et criminel et d'accusation de toute forme de harcèlement, de violence ou d'agression.",
            "Offences, crimes, accusations of harassment, violence or aggression"
        ),
        ("call-out", "En cas de call-out personnel.", "Personal call-out"),
        (
            "risk",
            "Toute situation à risque qui met en danger directement ou indirectement l'association et ses adhérents.",
            "Any risky situation endangering the association or its members"
        ),
        (
            "outside-offence",
            "En cas d'actes délictueux répondant à cette liste commis à l'extérieur de l'association.",
            "Such offences committed outside the association"
        ),
        (
            "local-reports", "Pour une antenne locale, en ne partageant pas ses rapports annuels.",
            "A local branch not sharing its annual reports"
        ),
        (
            "member-scandal", "Pour toute association membre, pour tout scandale éthique ou financier.",
            "A member association's ethical or financial scandal"
        )
    ].map { Category(id: $0.0, fr: $0.1, en: $0.2, article: "5.5") }

    static let cleSanctions: [Category] = [
        Category(
            id: "reminder", fr: "rappel informel au règlement", en: "informal reminder of the rules", article: "5.2"),
        Category(id: "warning", fr: "avertissement", en: "warning", article: "5.2"),
        Category(
            id: "suspension", fr: "suspendre les responsabilités et l'accès",
            en: "suspension of responsibilities and access", article: "5.6.4"),
        Category(
            id: "mandate-revocation", fr: "révocation de tout membre mandaté", en: "revocation of a mandate",
            article: "4.5"),
        Category(id: SanctionID.radiation, fr: "radiation", en: "radiation (expulsion)", article: "5.3"),
        Category(id: "mediation", fr: "Une médiation peut être décidée", en: "mediation", article: "5.4"),
        Category(
            id: SanctionID.immediateReintegration, fr: "réintégration de manière immédiate",
            en: "immediate reintegration", article: "2.5"),
        Category(
            id: SanctionID.probationaryReintegration, fr: "réintégration de manière probatoire",
            en: "probationary reintegration", article: "2.5"),
        Category(
            id: "responsibility-bar", fr: "le membre peut être interdit de responsabilité",
            en: "bar from responsibilities", article: "2.5")
    ]
}
