import ArgumentParser
import Discipline
import Registry

// 5.6.10–5.6.13 and 5.3: referral to the GA, the judgement sent and executed, letters, reparation, radiation, closing.

extension GreffeCommand {
    struct ReferGA: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "refer-ga",
            abstract:
                "Sans deux tiers dans tous les votes, la décision est renvoyée à l'Assemblée générale (art. 5.6.10, R21).",
            discussion: prose(
                """
                « Si les deux tiers ne sont pas atteints dans toutes les situations, la décision est renvoyée à \
                l'Assemblée générale la plus proche. » L'Assemblée vote ensuite : greffe ga vote.

                Exemple :
                  greffe refer-ga 2026-001 --assembly-on 2026-06-14 --on 2026-02-13 --as m002
                """))
        static let words = ActWords("renvoi à l'Assemblée générale", "referral to the general assembly")

        @OptionGroup var target: CaseArgument
        @Option(
            name: .customLong("assembly-on"),
            help: ArgumentHelp("Jour de l'Assemblée générale la plus proche, s'il est connu.", valueName: "jour"))
        var assemblyOn: Day?
        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .referToGeneralAssembly(
                GAReferral(assemblyOn: assemblyOn, note: note.note.map(Sealed.clear)), commandId: commandId)
        }
    }

    struct JudgementGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "judgement",
            abstract: "Le jugement : envoi au Conseil, exécution (art. 5.6.10–5.6.11).",
            discussion: prose(
                """
                Exemples :
                  greffe judgement send 2026-001 --on 2026-02-12 --as m002
                  greffe judgement execute 2026-001 --note "Avertissement notifié ; suspension levée." --on 2026-02-12 --as m001
                """),
            subcommands: [Send.self, Execute.self])
    }

    struct LetterReceived: MemberAct {
        static let configuration = CommandConfiguration(
            commandName: "letter-received",
            abstract:
                "Une partie a reçu le courrier de la décision : son délai de recours de 2 mois commence (art. 5.6.12, R23).",
            discussion: prose(
                """
                « … dans un délai de 2 mois à compter de la réception du courrier de la décision. »

                Exemple :
                  greffe letter-received 2026-001 --member m004 --on 2026-02-13 --as m001
                """))
        static let words = ActWords("réception du courrier de la décision", "decision letter received")

        @OptionGroup var target: CaseArgument
        @OptionGroup var subject: MemberOption
        @OptionGroup var context: ActContext

        /// A victim outside the association receives the letter too: not looked up on the roster.
        var members: [MemberID] { [] }
        static func command(_ member: MemberID, commandId: String?) -> CaseCommand {
            .receiveDecisionLetter(MemberRef(member: member), commandId: commandId)
        }
    }

    struct RecordReparation: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "reparation",
            abstract: "Mesures de réparation pour la victime, quelle que soit la décision (art. 5.6.13, R26).",
            discussion: prose(
                """
                « L'association doit fournir un cadre réparateur et transformateur pour la victime en privilégiant \
                idéalement des groupes de soutien par appel d'adhérents motivés. »

                Exemple :
                  greffe reparation 2026-001 --measure "groupe de soutien entre pairs proposé à Vera" --on 2026-02-16 --as m001
                """))
        static let words = ActWords("mesures de réparation", "reparation measures")

        @OptionGroup var target: CaseArgument
        @Option(name: .customLong("measure"), help: ArgumentHelp("Une mesure (répéter l'option).", valueName: "texte"))
        var measures: [String] = []
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .recordReparation(Reparation(measures: measures.map(Sealed.clear)), commandId: commandId)
        }
    }

    struct AnnounceRadiation: MemberAct {
        static let configuration = CommandConfiguration(
            commandName: "radiation",
            abstract: "Le Conseil officialise une radiation par courriel (art. 5.3, R28 ; art. 5.6.7, R11).",
            discussion: prose(
                """
                La radiation suit une procédure qui l'a décidée, ou l'arrêt de la procédure quand la personne mise en \
                cause a quitté l'association (art. 5.6.7 : « le Conseil d'administration officialise la radiation en \
                lui envoyant une lettre par courrier électronique »).

                Exemple :
                  greffe radiation 2026-001 --member m004 --on 2026-03-01 --as m001
                """))
        static let words = ActWords("radiation annoncée", "radiation announced")

        @OptionGroup var target: CaseArgument
        @OptionGroup var subject: MemberOption
        @OptionGroup var context: ActContext

        static func command(_ member: MemberID, commandId: String?) -> CaseCommand {
            .announceRadiation(Radiation(member: member), commandId: commandId)
        }
    }

    struct ExplicitDecisionAct: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "explicit-decision",
            abstract:
                "Là où le règlement est muet et le dossier bloqué : la décision explicite du Conseil, avec sa raison (art. 5.6.7, 5.6.9).",
            discussion: prose(
                """
                Deux situations que le texte ne règle pas :
                  cell-cannot-be-formed — moins de membres éligibles que de sièges et personne ne se porte volontaire : \
                ni appel ni tirage ne peut former la cellule ; l'affaire est renvoyée à l'Assemblée générale la plus \
                proche, comme quand la cellule ne peut pas décider (art. 5.6.10).
                  every-accused-left — plusieurs personnes mises en cause, toutes parties, pas toutes sans participer, \
                sans infraction pénale possible notée : la procédure s'arrête (art. 5.6.7).

                Exemples :
                  greffe explicit-decision 2026-001 --matter cell-cannot-be-formed --decision "renvoi à l'Assemblée générale" --reason "2 membres éligibles pour 3 sièges, aucun volontaire" --on 2026-02-20 --as m001
                  greffe explicit-decision 2026-002 --matter every-accused-left --decision "arrêt de la procédure" --reason "les deux personnes mises en cause ont quitté l'association" --as m001
                """))
        static let words = ActWords(
            "décision explicite là où le règlement est muet", "explicit decision where the rules are silent")

        @OptionGroup var target: CaseArgument
        @Option(
            help: ArgumentHelp("La situation : cell-cannot-be-formed ou every-accused-left.", valueName: "situation"))
        var matter: SilentMatter
        @Option(help: ArgumentHelp("Ce qui est décidé.", valueName: "texte"))
        var decision: String
        @Option(help: ArgumentHelp("Sa raison.", valueName: "texte"))
        var reason: String
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .recordExplicitDecision(
                ExplicitDecision(matter: matter.value, decision: .clear(decision), reason: .clear(reason)),
                commandId: commandId)
        }
    }

    struct CloseCase: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract:
                "Clôt le dossier : jugement exécuté et délais de recours passés (art. 5.6.11–5.6.12), ou arrêt de l'art. 5.6.7.",
            discussion: prose(
                """
                Un dossier clos n'accepte plus d'acte.

                Exemple :
                  greffe close 2026-001 --reason "Jugement exécuté, délais de recours expirés" --on 2026-04-14 --as m001
                """))
        static let words = ActWords("clôture du dossier", "case closed")

        @OptionGroup var target: CaseArgument
        @Option(help: ArgumentHelp("Pourquoi le dossier est clos.", valueName: "texte"))
        var reason: String
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .closeCase(Closure(reason: .clear(reason)), commandId: commandId)
        }
    }
}

extension GreffeCommand.JudgementGroup {
    struct Send: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "Le jugement de la cellule est envoyé au Conseil par courriel (art. 5.6.10, R21).",
            discussion: prose(
                """
                « Le jugement est ensuite envoyé au Conseil d'administration par courrier électronique. »

                Exemple :
                  greffe judgement send 2026-001 --note "Jugement envoyé au CA par courriel." --on 2026-02-12 --as m002
                """))
        static let words = ActWords("jugement envoyé au Conseil", "judgement sent to the board")

        @OptionGroup var target: CaseArgument
        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand { .sendJudgementToBoard(note.value, commandId: commandId) }
    }

    struct Execute: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "Le Conseil exécute le jugement (ou la décision de l'Assemblée générale) (art. 5.6.11, R22).",
            discussion: prose(
                """
                « Le Conseil d'administration exécute obligatoirement le jugement décidé par la cellule de crise à la \
                réception du courrier. »

                Exemple :
                  greffe judgement execute 2026-001 --note "Avertissement notifié ; suspension levée." --on 2026-02-12 --as m001
                """))
        static let words = ActWords("exécution du jugement", "judgement executed")

        @OptionGroup var target: CaseArgument
        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand { .executeJudgement(note.value, commandId: commandId) }
    }
}

/// A situation the text leaves open (`greffe explicit-decision --matter`).
enum SilentMatter: String, ExpressibleByArgument, CaseIterable {
    case cellCannotBeFormed = "cell-cannot-be-formed"
    case everyAccusedLeft = "every-accused-left"

    var value: ExplicitDecision.Matter { self == .cellCannotBeFormed ? .cellCannotBeFormed : .everyAccusedLeft }
}
