import ArgumentParser
import Discipline
import Registry

// 5.6.9–5.6.10: forming the crisis cell, its meeting and its decision.

extension GreffeCommand {
    struct Cell: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "La cellule de crise : appel, volontaires, révocation, tirage, synthèse, réunion, décision (art. 5.6.9–5.6.10).",
            discussion: prose(
                """
                Dans l'ordre : call → volunteer (×3) → [recuse → call → volunteer] → send-summary → meet → \
                consensus, ou vote → [reintegration-vote] ; sans réponse à l'appel : tirage au sort (voir docs/draw.md). \
                Un membre qui ne peut plus siéger ou ne répond pas : replace, puis le siège se pourvoit.

                Exemples :
                  greffe cell call 2026-001 --via online --member m007 --member m008 --member m009
                  greffe cell volunteer 2026-001 --member m007
                  greffe cell consensus 2026-001 --sanction warning --reasons "Accord des trois membres"
                """),
            subcommands: [
                Call.self, Volunteer.self, Recuse.self, Replace.self, Present.self, Decline.self, SendSummary.self,
                Meet.self, Consensus.self, Vote.self, ReintegrationVote.self
            ]
                + GreffeCommand.cellDrawSubcommands)
    }
}

extension GreffeCommand.Cell {
    struct Call: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "Appel à 3 membres pour former la cellule de crise (art. 5.6.9, R13).",
            discussion: prose(
                """
                « Le responsable du dossier lance une cellule de crise en appelant sur l'espace en ligne ou par courriel \
                3 membres à jour de cotisation de l'année en cours, indépendants de la situation et se sentant concernés \
                par le sujet. » Sans --member, l'appel est ouvert à tous. `greffe members list --eligible-for DOSSIER` \
                dit qui peut siéger.

                Exemples :
                  greffe cell call 2026-001 --via online --member m007 --member m008 --member m009 --member m012 --on 2026-02-03 --as m002
                  greffe cell call 2026-001 --via email
                """))
        static let words = ActWords("appel pour la cellule de crise", "call for the crisis cell")

        @OptionGroup var target: CaseArgument

        @Option(
            name: .customLong("via"),
            help: ArgumentHelp(
                "Où l'appel est lancé : en-ligne (online, espace en ligne) ou courriel (email).", valueName: "canal"))
        var channel: CallChannel

        @Option(
            name: .customLong("member"),
            help: ArgumentHelp("Membre appelé par son nom (répéter l'option).", valueName: "membre"))
        var called: [MemberID] = []

        @OptionGroup var context: ActContext

        var members: [MemberID] { called }
        func command(commandId: String?) -> CaseCommand {
            .callCell(CellCall(channel: channel.value, called: called), commandId: commandId)
        }
    }

    struct Volunteer: MemberAct {
        static let configuration = CommandConfiguration(
            abstract: "Un membre appelé se porte volontaire et entre dans la cellule (art. 5.6.9, R13, R17).",
            discussion: prose(
                """
                Le membre doit être à jour de cotisation de l'année, indépendant de la situation, et avoir siégé moins \
                de 3 fois (« Les jugements par adhérents sont limités à 3 interventions »).

                Exemple :
                  greffe cell volunteer 2026-001 --member m007 --on 2026-02-04 --as m002
                """))
        static let words = ActWords("volontaire pour la cellule", "cell volunteer")

        @OptionGroup var target: CaseArgument
        @OptionGroup var subject: MemberOption
        @OptionGroup var context: ActContext

        static func command(_ member: MemberID, commandId: String?) -> CaseCommand {
            .acceptVolunteer(MemberRef(member: member), commandId: commandId)
        }
    }

    struct Recuse: CaseAct {
        static let configuration = CommandConfiguration(
            abstract:
                "La personne mise en cause ou la victime révoque un membre de la cellule, une seule fois (art. 5.6.9, R14).",
            discussion: prose(
                """
                « La personne mise en cause et la victime ont le droit de révoquer une seule personne, une seule fois, \
                pour mener à un nouvel appel dans un délai de 7 jours. »

                Exemple :
                  greffe cell recuse 2026-001 --by m004 --member m008 --on 2026-02-05 --as m002
                """))
        static let words = ActWords("révocation d'un membre de la cellule", "cell member recused")

        @OptionGroup var target: CaseArgument
        @Option(help: ArgumentHelp("Qui révoque (mis·e en cause ou victime).", valueName: "membre"))
        var by: MemberID
        @Option(help: ArgumentHelp("Le membre révoqué.", valueName: "membre"))
        var member: MemberID
        @OptionGroup var context: ActContext

        var members: [MemberID] { [member] }
        func command(commandId: String?) -> CaseCommand {
            .recuse(Recusal(by: by, member: member), commandId: commandId)
        }
    }

    struct Replace: CaseAct {
        static let configuration = CommandConfiguration(
            abstract:
                "Le rapporteur ou le Conseil remplace un membre de la cellule qui ne peut plus siéger ou ne répond pas (art. 5.6.9).",
            discussion: prose(
                """
                « 3 membres à jour de cotisation de l'année en cours, indépendants de la situation » ; « En cas de \
                non-réponse à chacune de ces étapes… ». Un membre qui n'est plus éligible (cotisation d'une année \
                passée après le 1er janvier, devenu témoin, parti) ou qui ne répond pas est remplacé, avec sa raison. \
                Ce n'est pas une révocation : aucune partie n'use de son droit (R14). Le siège se pourvoit par le \
                suivant dans l'ordre du tirage enregistré, ou par un nouvel appel dans les 7 jours.

                Motifs (--ground) : no-longer-eligible (n'est plus éligible ce jour, vérifié), no-answer (ne répond pas).

                Exemple :
                  greffe cell replace 2026-001 --member m008 --ground no-longer-eligible --reason "cotisation 2026 non renouvelée" --on 2027-01-04 --as m002
                """))
        static let words = ActWords("remplacement d'un membre de la cellule", "cell member replaced")

        @OptionGroup var target: CaseArgument
        @OptionGroup var subject: MemberOption
        @Option(help: ArgumentHelp("Le motif : no-longer-eligible ou no-answer.", valueName: "motif"))
        var ground: ReplacementGround
        @Option(help: ArgumentHelp("La raison, en clair (consignée).", valueName: "texte"))
        var reason: String
        @OptionGroup var context: ActContext

        var members: [MemberID] { [subject.member] }
        func command(commandId: String?) -> CaseCommand {
            .replaceCellMember(
                CellReplacement(member: subject.member, ground: ground.value, reason: .clear(reason)),
                commandId: commandId)
        }
    }

    struct Present: MemberAct {
        static let configuration = CommandConfiguration(
            abstract: "Un membre tiré au sort répond présent et entre dans la cellule (art. 5.6.9, R15).",
            discussion: prose(
                """
                « Les personnes tirées au sort doivent répondre présentes sous peine de recommencer le tirage. »

                Exemple :
                  greffe cell present 2026-001 --member m012 --on 2026-02-10 --as m002
                """))
        static let words = ActWords("membre tiré au sort présent", "drawn member present")

        @OptionGroup var target: CaseArgument
        @OptionGroup var subject: MemberOption
        @OptionGroup var context: ActContext

        static func command(_ member: MemberID, commandId: String?) -> CaseCommand {
            .drawnMemberPresent(MemberRef(member: member), commandId: commandId)
        }
    }

    struct Decline: CaseAct {
        static let configuration = CommandConfiguration(
            abstract:
                "Un membre tiré au sort ne répond pas présent : le suivant dans l'ordre enregistré est convoqué (art. 5.6.9, R15).",
            discussion: prose(
                """
                « Les personnes tirées au sort doivent répondre présentes sous peine de recommencer le tirage. »

                Exemple :
                  greffe cell decline 2026-001 --member m011 --on 2026-02-10 --as m002
                  greffe cell decline 2026-001 --member m011 --reason "en déplacement jusqu'en mars" --on 2026-02-10 --as m002
                """))
        static let words = ActWords("membre tiré au sort absent", "drawn member declined")

        @OptionGroup var target: CaseArgument
        @OptionGroup var subject: MemberOption
        @Option(
            help: ArgumentHelp(
                "La raison qu'il ou elle donne, si elle est donnée (consignée, scellée).", valueName: "texte"))
        var reason: String?
        @OptionGroup var context: ActContext

        var members: [MemberID] { [subject.member] }
        func command(commandId: String?) -> CaseCommand {
            .drawnMemberDeclined(
                DrawDecline(member: subject.member, reason: reason.map(Sealed.clear)), commandId: commandId)
        }
    }

    struct SendSummary: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "La synthèse est envoyée aux 3 membres et à la victime : fin de l'instruction (art. 5.6.9, R16).",
            discussion: prose(
                """
                « Le rapporteur adresse la synthèse récapitulative envoyée par mail aux trois membres nommés et à la \
                victime. La date d'envoi du mail marque la fin de l'instruction. »

                Exemple :
                  greffe cell send-summary 2026-001 --note "Envoyée par courriel" --on 2026-02-07 --as m002
                """))
        static let words = ActWords(
            "synthèse envoyée à la cellule et à la victime", "summary sent to the cell and the victim")

        @OptionGroup var target: CaseArgument
        @OptionGroup var note: NoteOption
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand { .sendSummaryToCell(note.value, commandId: commandId) }
    }

    struct Meet: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "Réunion de la cellule de crise (art. 5.6.10, R18).",
            discussion: prose(
                """
                « Les 3 membres de la cellule de crise doivent se réunir dans un délai de 7 jours afin d'examiner et de \
                discuter du dossier d'instruction. »

                Exemple :
                  greffe cell meet 2026-001 --attendee m007 --attendee m009 --attendee m010 --on 2026-02-11 --as m002
                """))
        static let words = ActWords("réunion de la cellule de crise", "crisis cell meeting")

        @OptionGroup var target: CaseArgument
        @Option(
            name: .customLong("attendee"),
            help: ArgumentHelp("Membre de la cellule présent (répéter l'option).", valueName: "membre"))
        var attendees: [MemberID] = []
        @OptionGroup var context: ActContext

        var members: [MemberID] { attendees }
        func command(commandId: String?) -> CaseCommand {
            .holdCellMeeting(CellMeeting(attendees: attendees), commandId: commandId)
        }
    }

    struct Consensus: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "La cellule décide par consensus : le jugement est rendu (art. 5.6.10, R19).",
            discussion: prose(
                """
                « … prendre une décision par consensus concernant les sanctions et recommandations proposées. » \
                Une réintégration probatoire (art. 2.5) exige --probation-until, --condition, --probation-space et \
                --approved-by (« soumise à l'approbation des adhérents concernés »). « L'association n'impose aucune \
                demande ou sanction » (5.6.6) : --no-sanction consigne une décision sans sanction, avec ses motifs.

                Sanctions, pour --sanction :
                \(SanctionArgument.helpList)

                Exemples :
                  greffe cell consensus 2026-001 --sanction warning --reasons "Accord des trois membres" --on 2026-02-11 --as m002
                  greffe cell consensus 2026-001 --sanction reintegration.probationary --probation-until 2026-06-30 --condition "excuses écrites" --probation-space "serveur #général" --approved-by m003 --reasons "…"
                  greffe cell consensus 2026-001 --no-sanction --reasons "Faits non établis" --on 2026-02-11 --as m002
                """))
        static let words = ActWords("décision de la cellule par consensus", "cell consensus")

        @OptionGroup var target: CaseArgument
        @Option(
            name: .customLong("sanction"),
            help: ArgumentHelp(
                "Sanction ou mesure décidée (liste ci-dessous ; répéter l'option).", valueName: "sanction"))
        var sanctions: [SanctionArgument] = []
        @Flag(
            name: .customLong("no-sanction"),
            help: "La cellule décide qu'aucune sanction n'est due (art. 5.6.6, 5.6.13).")
        var noSanction = false
        @Option(help: ArgumentHelp("Les motifs de la décision.", valueName: "texte"))
        var reasons: String
        @OptionGroup var probation: ProbationOptions
        @OptionGroup var context: ActContext

        func validate() throws {
            if noSanction && !sanctions.isEmpty {
                throw ValidationError("--no-sanction exclut --sanction / --no-sanction excludes --sanction")
            }
            if !noSanction && sanctions.isEmpty {
                throw ValidationError(
                    "--sanction (au moins une) ou --no-sanction / --sanction (at least one) or --no-sanction")
            }
        }

        func command(commandId: String?) throws -> CaseCommand {
            .reachConsensus(
                Decision(sanctions: sanctions.map(\.id), probation: try probation.probation, reasons: .clear(reasons)),
                commandId: commandId)
        }
    }

    struct Vote: CaseAct {
        static let configuration = CommandConfiguration(
            abstract:
                "Vote de la cellule en cas de désaccord : deux tiers des voix font le jugement (art. 5.6.10, R19).",
            discussion: prose(
                """
                « En cas de désaccord, un vote est organisé, nécessitant les deux tiers des voix pour rendre un jugement \
                final. » Un bulletin par membre : --ballot MEMBRE=PROPOSITION ou --blank MEMBRE (vote blanc). \
                Une proposition est une sanction, ou plusieurs jointes par + (suspension+mandate-revocation), ou \
                none (aucune sanction, art. 5.6.6) ;
                sans --proposal, les propositions sont celles des bulletins. Sans deux tiers :
                greffe cell reintegration-vote.

                Sanctions :
                \(SanctionArgument.helpList)

                Exemples :
                  greffe cell vote 2026-001 --ballot m007=warning --ballot m009=warning --ballot m010=radiation --on 2026-02-12 --as m002
                  greffe cell vote 2026-001 --proposal warning --proposal radiation --ballot m007=warning --ballot m009=radiation --blank m010
                """))
        static let words = ActWords("vote de la cellule", "cell vote")

        @OptionGroup var target: CaseArgument
        @Option(
            name: .customLong("proposal"),
            help: ArgumentHelp(
                "Une proposition soumise au vote (répéter l'option).", valueName: "sanction[+sanction]"))
        var proposals: [ProposalArgument] = []
        @OptionGroup var ballots: BallotOptions
        @OptionGroup var probation: ProbationOptions
        @OptionGroup var context: ActContext

        func validate() throws {
            if proposals.isEmpty { _ = try ballots.impliedProposals() }
        }

        var members: [MemberID] { ballots.voters }
        func command(commandId: String?) throws -> CaseCommand {
            let given = proposals.isEmpty ? try ballots.impliedProposals() : proposals
            return .holdCellVote(
                CellVote(
                    proposals: try given.map { try probation.proposal($0) }, ballots: ballots.ballots(mapping: { $0 })),
                commandId: commandId)
        }
    }

    struct ReintegrationVote: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "reintegration-vote",
            abstract: "Sans deux tiers, vote entre réintégration immédiate et probatoire (art. 5.6.10, R20).",
            discussion: prose(
                """
                « Si les deux tiers ne sont pas atteints, la cellule de crise procède à un vote concernant une \
                réintégration immédiate ou une réintégration probatoire, nécessitant également les deux tiers des voix. \
                En cas de réintégration probatoire, la cellule de crise détermine les conditions de probation. » \
                Bulletins : --ballot MEMBRE=immediate, --ballot MEMBRE=probationary ou --blank MEMBRE. Sans deux tiers \
                ici non plus : greffe refer-ga.

                Exemple :
                  greffe cell reintegration-vote 2026-001 --ballot m007=probationary --ballot m009=probationary --ballot m010=immediate --probation-until 2026-08-31 --condition "aucun message privé à la victime" --probation-space "serveur privé"
                """))
        static let words = ActWords("vote sur la réintégration", "reintegration vote")

        static let choices = [
            "immediate": Rulebook.SanctionID.immediateReintegration,
            "probationary": Rulebook.SanctionID.probationaryReintegration
        ]

        @OptionGroup var target: CaseArgument
        @OptionGroup var ballots: BallotOptions
        @OptionGroup var probation: ProbationOptions
        @OptionGroup var context: ActContext

        func validate() throws { _ = try ballots.given.map { try Self.optionID($0.option) } }

        /// The option id for a short name (`immediate`, `probationary`); the full ids pass as they are.
        static func optionID(_ option: String) throws -> String {
            if let id = choices[option] ?? choices.values.first(where: { $0 == option }) { return id }
            throw ValidationError("--ballot : immediate ou probationary, pas « \(option) » / immediate or probationary")
        }

        var members: [MemberID] { ballots.voters }
        func command(commandId: String?) throws -> CaseCommand {
            .holdReintegrationVote(
                Discipline.ReintegrationVote(
                    ballots: try ballots.ballots(mapping: Self.optionID), probation: try probation.probation),
                commandId: commandId)
        }
    }
}

/// Why a cell member is replaced (5.6.9).
enum ReplacementGround: String, ExpressibleByArgument, CaseIterable {
    case noLongerEligible = "no-longer-eligible"
    case noAnswer = "no-answer"

    var value: CellReplacement.Ground { self == .noLongerEligible ? .noLongerEligible : .noAnswer }
}

extension CellReplacement.Ground {
    func words(_ l: Language) -> String {
        switch self {
        case .noLongerEligible: l.t("n'est plus éligible", "no longer eligible")
        case .noAnswer: l.t("ne répond pas", "does not answer")
        }
    }
}
