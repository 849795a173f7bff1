import ArgumentParser
import Discipline
import Registry

// 5.6.1–5.6.4: report, complaint, notification of the board, board meeting, suspension.

extension GreffeCommand {
    struct RecordReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Signalement (art. 5.6.1, R01) : un signal faible, qui n'ouvre aucune procédure.",
            discussion: prose(
                """
                « Un signalement n'est pas une plainte, mais plutôt un signal faible. Il ne déclenche aucune procédure \
                en soi. » Il peut être direct, ou indirect : transmis par un membre de confiance (--relayed-by). \
                Il est rangé dans le dossier existant --case, sinon dans un nouveau dossier : --new-case ID, ou le \
                prochain numéro libre de l'année de --on. Une plainte déposée ensuite dans ce dossier peut le joindre comme pièce :
                greffe evidence DOSSIER --kind report --report-number 1 --description "…".

                Exemples :
                  greffe report --concerning m004 --description "Messages agressifs sur #général" --on 2026-01-03 --as m001
                  greffe report --case 2026-001 --relayed-by m003 --concerning m004 --description "Ressenti partagé en groupe non mixte"
                """))

        @Option(
            name: .customLong("case"),
            help: ArgumentHelp(
                "Dossier existant où ranger le signalement (défaut : un nouveau dossier).", valueName: "dossier"),
            completion: .custom(Completions.caseIDs))
        var caseID: String?

        @Option(
            name: .customLong("new-case"),
            help: ArgumentHelp(
                "Ouvre un nouveau dossier sous cet identifiant (ex. 2026-004) au lieu du prochain numéro libre.",
                valueName: "dossier"))
        var newCaseID: String?

        @Option(
            name: .customLong("concerning"),
            help: ArgumentHelp(
                "Membre dont le comportement est signalé (répéter l'option).", valueName: "membre"))
        var concerning: [MemberID] = []

        @Option(name: .customLong("description"), help: ArgumentHelp("Le malaise signalé.", valueName: "texte"))
        var text: String

        @Option(help: ArgumentHelp("Qui signale, s'il ou elle donne son nom.", valueName: "nom"))
        var reporter: MemberID?

        @Option(
            name: .customLong("relayed-by"),
            help: ArgumentHelp(
                "Signalement indirect : le membre de confiance qui le transmet.", valueName: "membre"))
        var relayedBy: MemberID?

        @OptionGroup var context: ActContext

        func validate() throws { try validateOpening(case: caseID, newCase: newCaseID) }

        func run() throws {
            let facts = ReportFacts(
                channel: relayedBy == nil ? .direct : .indirect, reporter: reporter, relayedBy: relayedBy,
                concerning: concerning, description: .clear(text))
            try context.acting.perform(
                ActWords("signalement", "report"), in: .opening(existing: caseID, new: newCaseID),
                members: concerning + (relayedBy.map { [$0] } ?? [])
            ) { .recordReport(facts, commandId: $0) }
        }
    }

    struct FileComplaint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complaint",
            abstract: "Dépôt de plainte (art. 5.6.2, R02) : ouvre un dossier et la procédure.",
            discussion: prose(
                """
                « Les dépôts de plainte doivent être adressés au Conseil d'administration via un ticket privé ou un \
                courriel. » Le dossier reçoit le prochain numéro libre de l'année de --on (ex. 2026-003), sauf --case \
                (un dossier existant qui n'a encore que des signalements) ou --new-case (un nouveau dossier sous \
                l'identifiant donné). Un --case qui n'existe pas est refusé avec les identifiants voisins, jamais ouvert. Les deux mois de l'art. 5.6 (R03) courent du jour où \
                le Conseil a eu connaissance des faits (--board-learned-on, défaut : le jour de la plainte).

                Une personne extérieure à l'association se donne par un nom (--victim-not-member « Nom »). \
                Si une personne mise en cause est mandatée (--accused-holds-mandate), les autres membres du Conseil \
                doivent être prévenus : greffe notify-board.

                Motifs graves (art. 5.5), pour --motive :
                \(MotiveArgument.helpList)

                Exemples :
                  greffe complaint --via ticket --complainant m006 --accused m004 --victim m005 --motive insults --motive domination --facts "Messages insultants répétés" --board-learned-on 2026-01-04 --on 2026-01-05 --as m001
                  greffe complaint --via email --complainant m006 --accused-holds-mandate m003 --victim-not-member "Zoé L." --motive abuse-of-power --facts "…"
                """))

        @Option(
            name: .customLong("case"),
            help: ArgumentHelp(
                "Dossier existant sans plainte (défaut : un nouveau numéro).", valueName: "dossier"),
            completion: .custom(Completions.caseIDs))
        var caseID: String?

        @Option(
            name: .customLong("new-case"),
            help: ArgumentHelp(
                "Ouvre un nouveau dossier sous cet identifiant (ex. 2026-004) au lieu du prochain numéro libre.",
                valueName: "dossier"))
        var newCaseID: String?

        @Option(
            name: .customLong("via"),
            help: ArgumentHelp(
                "Comment la plainte est arrivée : ticket (privé) ou courriel (email).", valueName: "canal"))
        var channel: ComplaintChannel

        @Option(
            name: .customLong("complainant"),
            help: ArgumentHelp("Plaignant·e membre (répéter l'option).", valueName: "membre"))
        var complainants: [MemberID] = []

        @Option(
            name: .customLong("complainant-not-member"),
            help: ArgumentHelp(
                "Plaignant·e extérieur·e à l'association, par son nom.", valueName: "nom"))
        var outsideComplainants: [MemberID] = []

        @Option(
            name: .customLong("accused"),
            help: ArgumentHelp("Personne mise en cause (répéter l'option).", valueName: "membre"))
        var accused: [MemberID] = []

        @Option(
            name: .customLong("accused-holds-mandate"),
            help: ArgumentHelp(
                "Personne mise en cause qui est mandatée (art. 5.6.2).", valueName: "membre"))
        var mandatedAccused: [MemberID] = []

        @Option(
            name: .customLong("victim"), help: ArgumentHelp("Victime membre (répéter l'option).", valueName: "membre"))
        var victims: [MemberID] = []

        @Option(
            name: .customLong("victim-not-member"),
            help: ArgumentHelp(
                "Victime extérieure à l'association, par son nom (art. 5.6.6).", valueName: "nom"))
        var outsideVictims: [MemberID] = []

        @Option(help: ArgumentHelp("Les faits reprochés.", valueName: "texte"))
        var facts: String

        @Option(
            name: .customLong("motive"),
            help: ArgumentHelp(
                "Motif grave de l'art. 5.5, par son identifiant (liste ci-dessous ; répéter l'option).",
                valueName: "motif"))
        var motives: [MotiveArgument] = []

        @Option(
            name: .customLong("board-learned-on"),
            help: ArgumentHelp(
                "Jour où le Conseil a eu connaissance des faits (défaut : --on).", valueName: "jour"))
        var boardLearnedOn: Day?

        @OptionGroup var context: ActContext

        func validate() throws {
            try validateOpening(case: caseID, newCase: newCaseID)
            try validateIdentity(
                "--complainant/--accused/--victim",
                (complainants + outsideComplainants + accused
                    + mandatedAccused + victims + outsideVictims).map(\.rawValue))
        }

        func run() throws {
            let day = try boardLearnedOn ?? context.act.day(rulebook: .cle)
            let facts = ComplaintFacts(
                channel: channel.value,
                complainants: complainants.map { Party(id: $0, isMember: true) }
                    + outsideComplainants.map { Party(id: $0, isMember: false) },
                accused: accused.map { Party(id: $0, isMember: true, holdsMandate: false) }
                    + mandatedAccused.map { Party(id: $0, isMember: true, holdsMandate: true) },
                victims: victims.map { Party(id: $0, isMember: true) }
                    + outsideVictims.map { Party(id: $0, isMember: false) },
                facts: .clear(facts), motives: motives.map(\.id), boardLearnedOn: day)
            try context.acting.perform(
                ActWords("plainte", "complaint"), in: .opening(existing: caseID, new: newCaseID),
                members: complainants + accused + mandatedAccused + victims
            ) { .fileComplaint(facts, commandId: $0) }
        }
    }

    struct NotifyBoard: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "notify-board",
            abstract:
                "Les autres membres du Conseil sont prévenus qu'une personne mandatée est mise en cause (art. 5.6.2, R02).",
            discussion: prose(
                """
                « Si les membres mis en cause sont des mandatés, alors il faut le signaler aux autres membres du conseil \
                d'administration par courriel ou par DM. »

                Exemple :
                  greffe notify-board 2026-002 --via email --notified m001 --notified m002 --on 2026-03-02 --as m001
                """))
        static let words = ActWords("information des autres membres du Conseil", "other board members notified")

        @OptionGroup var target: CaseArgument

        @Option(
            name: .customLong("via"),
            help: ArgumentHelp(
                "Comment ils ont été prévenus : email ou dm (message direct).", valueName: "canal"))
        var channel: NotificationChannel

        @Option(
            name: .customLong("notified"),
            help: ArgumentHelp("Membre du Conseil prévenu (répéter l'option).", valueName: "membre"))
        var notified: [MemberID] = []

        @OptionGroup var context: ActContext

        var members: [MemberID] { notified }
        func command(commandId: String?) -> CaseCommand {
            .notifyBoard(BoardNotification(channel: channel.value, notified: notified), commandId: commandId)
        }
    }

    struct HoldMeeting: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "meeting",
            abstract: "Réunion du Conseil qui ouvre la procédure et désigne le rapporteur (art. 5.6.3, R04–R06).",
            discussion: prose(
                """
                « Le Conseil d'administration est tenu de se réunir dans un délai de 7 jours […]. Si le fait litigieux \
                concerne un membre du Conseil d'administration, la réunion se déroule sans sa présence. À l'issue de la \
                réunion, le Conseil d'administration doit désigner l'un de ses membres comme responsable du dossier \
                (rapporteur) ou déléguer cette responsabilité à un adhérent en cas d'impossibilité justifiée. » \
                Le rapporteur ne peut pas être partie au dossier.

                Exemples :
                  greffe meeting 2026-001 --attendee m001 --attendee m002 --attendee m003 --rapporteur m002 --on 2026-01-09 --as m001
                  greffe meeting 2026-002 --attendee m001 --rapporteur m006 --delegation-reason "Deux membres du CA sont témoins"
                """))
        static let words = ActWords("réunion du Conseil d'administration", "board meeting")

        @OptionGroup var target: CaseArgument

        @Option(
            name: .customLong("attendee"),
            help: ArgumentHelp("Membre du Conseil présent (répéter l'option).", valueName: "membre"))
        var attendees: [MemberID] = []

        @Option(help: ArgumentHelp("Le rapporteur désigné.", valueName: "membre"))
        var rapporteur: MemberID

        @Option(
            name: .customLong("delegation-reason"),
            help: ArgumentHelp(
                "Impossibilité justifiée, si le rapporteur n'est pas membre du Conseil.", valueName: "texte"))
        var delegationReason: String?

        @OptionGroup var context: ActContext

        var members: [MemberID] { attendees + [rapporteur] }
        func command(commandId: String?) -> CaseCommand {
            .holdBoardMeeting(
                BoardMeeting(
                    attendees: attendees, rapporteur: rapporteur, delegationReason: delegationReason.map(Sealed.clear)),
                commandId: commandId)
        }
    }

    struct Suspend: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "suspend",
            abstract: "Suspension de la personne mise en cause et blocage des espaces (art. 5.6.4, R07).",
            discussion: prose(
                """
                « Le Conseil d'administration décide de suspendre les responsabilités et l'accès de la personne mise en \
                cause, ainsi que de bloquer les espaces où les dommages ont été constatés, pendant toute la durée de \
                l'enquête jusqu'à ce que la décision de la cellule de crise soit rendue. » \
                Par défaut, responsabilités et accès sont suspendus ; --no-access ou --no-responsibilities les laissent.

                Exemple :
                  greffe suspend 2026-001 --space "serveur privé #général" --on 2026-01-09 --as m001
                """))
        static let words = ActWords("suspension", "suspension")

        @OptionGroup var target: CaseArgument

        @Flag(inversion: .prefixedNo, help: "Suspendre les responsabilités.")
        var responsibilities = true

        @Flag(inversion: .prefixedNo, help: "Suspendre l'accès.")
        var access = true

        @Option(
            name: .customLong("space"),
            help: ArgumentHelp(
                "Espace bloqué, où les dommages ont été constatés (répéter l'option).", valueName: "espace"))
        var spaces: [String] = []

        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .imposeSuspension(
                Suspension(
                    responsibilities: responsibilities, access: access, blockedSpaces: spaces.map(Sealed.clear)),
                commandId: commandId)
        }
    }
}
