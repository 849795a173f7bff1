import ArgumentParser
import Discipline
import Registry

// 5.6.12: the appeal and the general assembly's decision.

extension GreffeCommand {
    struct LodgeAppeal: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "appeal",
            abstract:
                "Recours d'une partie, par courriel, dans les 2 mois de la réception du courrier (art. 5.6.12, R23, R25).",
            discussion: prose(
                """
                « Les membres mis en cause et les victimes ont la possibilité de faire appel de la décision par courrier \
                électronique dans un délai de 2 mois à compter de la réception du courrier de la décision […], en \
                présence de la personne de leur choix. » Du recours à l'Assemblée générale, la décision s'applique \
                comme une nouvelle suspension (R25).

                Exemple :
                  greffe appeal 2026-001 --by m004 --companion "Paul R." --on 2026-03-10 --as m001
                  greffe appeal 2026-001 --by m004 --grounds "la cellule n'a pas entendu mon témoin" --on 2026-03-10 --as m001
                """))
        static let words = ActWords("recours", "appeal")

        @OptionGroup var target: CaseArgument
        @Option(help: ArgumentHelp("Qui fait appel (mis·e en cause ou victime).", valueName: "membre"))
        var by: MemberID
        @Option(help: ArgumentHelp("La personne de son choix qui l'accompagne.", valueName: "nom"))
        var companion: String?
        @Option(
            help: ArgumentHelp(
                "Les motifs du recours, dans les mots de la partie (consignés, scellés).", valueName: "texte"))
        var grounds: String?
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .lodgeAppeal(
                Appeal(by: by, companion: companion.map(Sealed.clear), grounds: grounds.map(Sealed.clear)),
                commandId: commandId)
        }
    }

    struct GeneralAssembly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ga",
            abstract:
                "L'Assemblée générale : la programmer, son ordre du jour, son vote sur un recours ou un renvoi, puis sur la réintégration, une résolution explicite (art. 5.6.10, 5.6.12, R24).",
            discussion: prose(
                """
                Exemples :
                  greffe ga schedule --on 2026-06-20 --place "Lyon"
                  greffe ga docket --for 2026-06-20
                  greffe ga vote 2026-001 --proposal warning --proposal radiation --votes warning=31 --votes radiation=9 --blanks 2 --voters 48
                  greffe ga reintegration-vote 2026-001 --votes immediate=20 --votes probationary=20 --blanks 2 --voters 48
                  greffe ga resolve 2026-001 --outcome "aucune sanction" --reason "votes du 14/06 sans deux tiers"
                """),
            subcommands: GreffeCommand.assemblySubcommands + [Vote.self, ReintegrationVote.self, Resolve.self])
    }
}

extension GreffeCommand.GeneralAssembly {
    struct Vote: CaseAct {
        static let configuration = CommandConfiguration(
            abstract: "Le vote de l'Assemblée générale, aux deux tiers, comme la cellule (art. 5.6.12, R24).",
            discussion: prose(
                """
                « L'Assemblée générale rendra un jugement final nécessitant une majorité des deux tiers, selon les mêmes \
                modalités que la cellule de crise. » Les bulletins sont comptés par option (--votes OPTION=N), les \
                blancs à part (--blanks), et --voters donne le nombre de votant·es de l'Assemblée. La proposition \
                none est l'absence de sanction. Comme pour la cellule, sans deux tiers sur la sanction, l'Assemblée \
                vote ensuite sur la réintégration : greffe ga reintegration-vote.

                Sur un recours, la question se vote comme l'ordre du jour la pose (greffe ga docket) : confirmer ou \
                réformer la décision. Sans --proposal, --votes confirmer=N et --votes réformer=N (ou confirm, \
                overturn) : « confirmer » est la décision de la cellule telle quelle, « réformer » la décision que \
                l'Assemblée prendrait à la place, qu'elle donne avec --reform-to (des sanctions, ou none).

                Sanctions, pour --proposal et --reform-to :
                \(SanctionArgument.helpList)

                Exemples :
                  greffe ga vote 2026-001 --proposal warning --proposal radiation --votes warning=31 --votes radiation=9 --blanks 2 --voters 48 --on 2026-06-14 --as m001
                  greffe ga vote 2026-001 --votes confirmer=12 --votes réformer=33 --reform-to none --blanks 2 --voters 48 --on 2026-06-14 --as m001
                """))
        static let words = ActWords("vote de l'Assemblée générale", "general assembly vote")

        @OptionGroup var target: CaseArgument
        @Option(
            name: .customLong("proposal"),
            help: ArgumentHelp(
                "Une proposition (répéter l'option).", valueName: "sanction[+sanction]"))
        var proposals: [ProposalArgument] = []
        @Option(
            name: .customLong("votes"),
            help: ArgumentHelp(
                "Voix d'une option : OPTION=N, où OPTION est une proposition, ou confirmer / réformer sur un recours (répéter l'option).",
                valueName: "option=n"))
        var votes: [CountArgument] = []
        @Option(
            name: .customLong("reform-to"),
            help: ArgumentHelp(
                "Sur un recours, ce que « réformer » déciderait à la place de la décision : des sanctions, ou none.",
                valueName: "sanction[+sanction]"))
        var reformTo: ProposalArgument?
        @Option(help: ArgumentHelp("Votes blancs.", valueName: "n"))
        var blanks = 0
        @Option(help: ArgumentHelp("Votant·es de l'Assemblée.", valueName: "n"))
        var voters: Int
        @OptionGroup var probation: ProbationOptions
        @OptionGroup var context: ActContext

        /// The answers to the appeal's question the votes name, when the vote is on the question (no --proposal).
        var answers: [AppealQuestion.Answer]? {
            guard proposals.isEmpty, !votes.isEmpty else { return nil }
            let answers = votes.compactMap { AppealQuestion.Answer(typed: $0.option) }
            return answers.isEmpty ? nil : answers
        }

        func validate() throws {
            if proposals.isEmpty, let answers, answers.count != votes.count {
                let others = votes.filter { AppealQuestion.Answer(typed: $0.option) == nil }.map(\.option)
                throw ValidationError(
                    "--votes : confirmer / réformer ne se mêlent pas à d'autres options sans --proposal (\(others.joined(separator: ", "))) / --votes: confirm / overturn do not mix with other options without --proposal"
                )
            }
            if reformTo != nil, answers == nil {
                throw ValidationError(
                    "--reform-to accompagne --votes réformer=N sur un recours / --reform-to goes with --votes overturn=N on an appeal"
                )
            }
        }

        func run() throws {
            try context.acting.perform(Self.words, in: .existing(CaseID(target.caseID)), members: members) {
                registry, _, commandId in
                guard let answers else { return try command(commandId: commandId) }
                let state = try registry.loadCase(CaseID(target.caseID)).state
                let reform = try reformTo.map { try probation.proposal($0) }.map {
                    (sanctions: $0.sanctions, probation: $0.probation)
                }
                let proposals: [Proposal]
                do {
                    // « confirmer » carries the judgement's probation, sealed in its own record: its texts are
                    // revealed here, to be sealed again in the vote's record (a box is never moved).
                    let reveal = try registry.reveal()
                    proposals = try AppealQuestion.proposals(answers, state: state, reform: reform).map {
                        $0.revealingTexts(with: { reveal($0) })
                    }
                } catch let refusal as Refusal {
                    throw RegistryError.refused(refusal)
                }
                return .recordGeneralAssemblyVote(
                    GAVote(
                        proposals: proposals,
                        votes: votes.map { vote in
                            OptionVotes(
                                option: AppealQuestion.Answer(typed: vote.option)?.rawValue ?? vote.option,
                                votes: vote.votes)
                        },
                        blanks: blanks, bodySize: voters),
                    commandId: commandId)
            }
        }

        func command(commandId: String?) throws -> CaseCommand {
            .recordGeneralAssemblyVote(
                GAVote(
                    proposals: try proposals.map { try probation.proposal($0) },
                    votes: votes.map { OptionVotes(option: $0.option, votes: $0.votes) }, blanks: blanks,
                    bodySize: voters),
                commandId: commandId)
        }
    }

    struct ReintegrationVote: CaseAct {
        static let configuration = CommandConfiguration(
            commandName: "reintegration-vote",
            abstract:
                "Sans deux tiers sur la sanction, l'Assemblée vote entre réintégration immédiate et probatoire, aux deux tiers (art. 5.6.12, R24).",
            discussion: prose(
                """
                « … selon les mêmes modalités que la cellule de crise » ; pour la cellule (5.6.10) : « Si les deux \
                tiers ne sont pas atteints, la cellule de crise procède à un vote concernant une réintégration \
                immédiate ou une réintégration probatoire, nécessitant également les deux tiers des voix. » Voix : \
                --votes immediate=N et --votes probationary=N, blancs à part. Si la probation l'emporte, ses conditions \
                (art. 2.5 B) sont données. Sans deux tiers ici non plus, le règlement est muet : greffe ga resolve.

                Exemple :
                  greffe ga reintegration-vote 2026-001 --votes immediate=12 --votes probationary=30 --blanks 3 --voters 48 --probation-until 2026-12-31 --condition "pas de message privé à la victime" --probation-space "serveur" --approved-by m003 --on 2026-06-14 --as m001
                """))
        static let words = ActWords(
            "vote de l'Assemblée générale sur la réintégration", "general assembly reintegration vote")

        @OptionGroup var target: CaseArgument
        @Option(
            name: .customLong("votes"),
            help: ArgumentHelp(
                "Voix d'une option : immediate=N ou probationary=N (répéter l'option).", valueName: "option=n"))
        var votes: [CountArgument] = []
        @Option(help: ArgumentHelp("Votes blancs.", valueName: "n"))
        var blanks = 0
        @Option(help: ArgumentHelp("Votant·es de l'Assemblée.", valueName: "n"))
        var voters: Int
        @OptionGroup var probation: ProbationOptions
        @OptionGroup var context: ActContext

        func validate() throws {
            for v in votes { _ = try GreffeCommand.Cell.ReintegrationVote.optionID(v.option) }
        }

        func command(commandId: String?) throws -> CaseCommand {
            .recordGeneralAssemblyReintegrationVote(
                GAReintegrationVote(
                    votes: try votes.map {
                        OptionVotes(
                            option: try GreffeCommand.Cell.ReintegrationVote.optionID($0.option), votes: $0.votes)
                    },
                    blanks: blanks, bodySize: voters, probation: try probation.probation),
                commandId: commandId)
        }
    }

    struct Resolve: CaseAct {
        static let configuration = CommandConfiguration(
            abstract:
                "Quand l'Assemblée manque les deux tiers, le règlement est muet : une résolution explicite est consignée (art. 5.6.12, R24).",
            discussion: prose(
                """
                Après le vote sur la sanction puis le vote sur la réintégration, tous deux sans deux tiers, le \
                règlement ne dit pas ce qui se passe : Greffe n'invente pas d'issue ; l'issue décidée et sa raison sont \
                consignées. Une sanction que l'Assemblée n'a pas portée aux deux tiers n'est pas imposée : \
                --sanction n'accepte que reintegration.immediate.

                Exemple :
                  greffe ga resolve 2026-001 --outcome "aucune sanction ; suspension levée" --reason "votes du 14/06 sans deux tiers" --on 2026-06-20 --as m001
                """))
        static let words = ActWords("résolution après le vote de l'Assemblée générale", "general assembly resolution")

        @OptionGroup var target: CaseArgument
        @Option(help: ArgumentHelp("L'issue décidée.", valueName: "texte"))
        var outcome: String
        @Option(help: ArgumentHelp("Sa raison.", valueName: "texte"))
        var reason: String
        @Option(
            name: .customLong("sanction"),
            help: ArgumentHelp(
                "Réintégration immédiate (reintegration.immediate) ; aucune sanction non votée par l'Assemblée.",
                valueName: "sanction"))
        var sanctions: [SanctionArgument] = []
        @OptionGroup var context: ActContext

        func command(commandId: String?) -> CaseCommand {
            .recordGeneralAssemblyResolution(
                GAResolution(outcome: .clear(outcome), reason: .clear(reason), sanctions: sanctions.map(\.id)),
                commandId: commandId)
        }
    }
}
