import Discipline
import Foundation
import Registry

/// Builds the appeal dossier of a case (5.6.12): facts and demands, defence, timeline with deadlines, the cell and
/// how it was drawn (re-computed), the votes with their arithmetic, the decision, the appeal, the question to the GA.
public struct DossierBuilder {
    let id: CaseID
    let loaded: LoadedCase
    let asOf: Day
    let rulebook: Rulebook
    let naming: Naming
    let language: Language

    public init(id: CaseID, loaded: LoadedCase, asOf: Day, rulebook: Rulebook, naming: Naming, language: Language) {
        self.id = id
        self.loaded = loaded
        self.asOf = asOf
        self.rulebook = rulebook
        self.naming = naming
        self.language = language
    }

    var state: CaseState { loaded.state }

    /// The deadlines as of the reference day, their labels scrubbed of names in a pseudonymised document.
    var deadlines: [Deadline] {
        state.deadlines(asOf: asOf, rulebook: rulebook).map { d in
            Deadline(
                rule: d.rule, labelFr: naming.scrub(d.labelFr), labelEn: naming.scrub(d.labelEn), from: d.from,
                due: d.due, status: d.status, bindsAssociation: d.bindsAssociation)
        }
    }
    var words: EventWords { EventWords(language: language, rulebook: rulebook, name: naming.name, text: naming.scrub) }

    public func build() -> Document {
        let l = language
        return Document(
            language: l,
            title: l.t("Dossier disciplinaire \(id)", "Disciplinary case \(id)"),
            subtitle: l.t(
                "Dossier d'appel pour l'Assemblée générale — état au \(asOf.frenchDescription) : \(state.step.fr)",
                "Appeal dossier for the general assembly — as of \(asOf): \(state.step.en)"),
            notice: l.t(
                "Document confidentiel établi par Greffe à partir du registre (art. 5.6 du règlement intérieur)."
                    + (naming.pseudonymised
                        ? " Version pseudonymisée : les parties sont désignées par leur rôle, les autres membres par un pseudonyme."
                        : ""),
                "Confidential document produced by Greffe from the registry (art. 5.6 of the internal rules)."
                    + (naming.pseudonymised
                        ? " Pseudonymised version: parties are named by their role, other members by a pseudonym." : "")
            ),
            sections: [
                facts(), demandsAndDefence(), timeline(), deadlinesSection(), cell(), votes(), decision(), appeal(),
                question()
            ] + (rectifications().map { [$0] } ?? []) + [glossary()])
    }

    // MARK: Sections

    func facts() -> Document.Section {
        let l = language
        var blocks: [Document.Block] = []
        if let complaint = state.complaint {
            let c = complaint.value
            let motives = c.motives.map { id in
                rulebook.motives.first { $0.id == id }.map { l == .fr ? $0.fr : $0.en } ?? id
            }
            func parties(_ list: [Party]) -> String {
                list.isEmpty
                    ? "—"
                    : list.map { naming.name($0.id) + ($0.isMember ? "" : l.t(" (non membre)", " (not a member)")) }
                        .joined(separator: ", ")
            }
            blocks.append(
                .facts([
                    (l.t("Plainte déposée le", "Complaint filed on"), complaint.on.frenchDescription),
                    (
                        l.t("Le Conseil a eu connaissance des faits le", "The board learned of the facts on"),
                        c.boardLearnedOn.frenchDescription
                    ),
                    (l.t("Personne(s) mise(s) en cause", "Accused"), parties(c.accused)),
                    (l.t("Victime(s)", "Victim(s)"), parties(c.victims)),
                    (l.t("Plaignant·e(s)", "Complainant(s)"), parties(c.complainants)),
                    (l.t("Rapporteur", "Rapporteur"), state.rapporteur.map { naming.name($0.rapporteur) } ?? "—")
                ]))
            blocks.append(.paragraph(naming.scrub(c.facts)))
            blocks.append(.paragraph(l.t("Motifs graves invoqués (art. 5.5) :", "Grave motives invoked (art. 5.5):")))
            blocks.append(.list(motives))
        } else {
            blocks.append(.paragraph(l.t("Aucune plainte n'est enregistrée.", "No complaint is recorded.")))
        }
        return Document.Section(id: "faits", title: l.t("1. Les faits", "1. The facts"), blocks: blocks)
    }

    func demandsAndDefence() -> Document.Section {
        let l = language
        var blocks: [Document.Block] = []
        for hearing in state.hearings {
            blocks.append(
                .paragraph(
                    l.t(
                        "Besoins exprimés par \(naming.name(hearing.value.victim)) (audition du \(hearing.on.frenchDescription)) : ",
                        "Needs expressed by \(naming.name(hearing.value.victim)) (heard on \(hearing.on)): ")
                        + naming.scrub(hearing.value.needs)))
            blocks.append(.list(hearing.value.demands.map { naming.scrub($0) }))
        }
        if let summary = state.summary {
            blocks.append(
                .facts([
                    (l.t("Demande", "Demand"), naming.scrub(summary.value.demand)),
                    (l.t("Défense", "Defence"), naming.scrub(summary.value.defence)),
                    (l.t("Sanction proposée", "Proposed sanction"), words.sanctions(summary.value.proposedSanctions))
                ]))
        }
        if state.answers.isEmpty, state.answerWindowLapsedOn != nil {
            blocks.append(
                .emphasis(
                    l.t(
                        "La personne mise en cause n'a pas répondu dans le délai : son silence a été noté (art. 5.6.7).",
                        "The accused did not answer within the window: the silence was noted (art. 5.6.7).")))
        }
        if blocks.isEmpty {
            blocks.append(.paragraph(l.t("Pas encore d'audition ni de synthèse.", "No hearing or summary yet.")))
        }
        return Document.Section(
            id: "demandes", title: l.t("2. Demandes et défense", "2. Demands and defence"), blocks: blocks)
    }

    func timeline() -> Document.Section {
        let l = language
        let rows = zip(loaded.events, loaded.records).map { dated, record in
            [
                dated.on.frenchDescription, naming.scrub(words.sentence(dated.event)) + amendmentMark(record.sequence),
                "#\(record.sequence)",
                naming.name(MemberID(record.event.actor))
            ]
        }
        let chart = TimelineChart(
            deadlines: deadlines, acts: loaded.events.map(\.on), milestones: milestones(),
            asOf: asOf, language: l)
        return Document.Section(
            id: "chronologie", title: l.t("3. Chronologie des actes", "3. Timeline of the acts"),
            blocks: [
                .chart(svg: chart.svg(), alternative: chart.alternative()),
                .table(
                    caption: l.t(
                        "Chaque acte enregistré, dans l'ordre du registre", "Every recorded act, in registry order"),
                    headers: [
                        l.t("Jour", "Day"), l.t("Acte", "Act"), l.t("Registre", "Record"),
                        l.t("Enregistré par", "Recorded by")
                    ],
                    rows: rows, highlighted: [])
            ])
    }

    /// The key moments of the procedure that happened, named: plainte → Conseil → instruction → cellule → jugement →
    /// recours → Assemblée.
    func milestones() -> [(day: Day, name: String)] {
        let l = language
        let moments: [(Day?, String)] = [
            (state.complaint?.on, l.t("plainte", "complaint")),
            (state.boardMeeting?.on, l.t("Conseil", "board")),
            (state.explanation?.on, l.t("demande d'explication", "explanation requested")),
            (state.instructionEndedOn, l.t("fin d'instruction", "instruction ends")),
            (state.cellMeeting?.on, l.t("cellule réunie", "cell meets")),
            (
                state.judgement?.on ?? state.referral?.on,
                state.referral != nil && state.judgement == nil
                    ? l.t("renvoi à l'AG", "referred to the GA") : l.t("jugement", "judgement")
            ),
            (state.executedOn, l.t("exécution", "execution")),
            (state.appeals.map(\.on).min(), l.t("recours", "appeal")),
            (state.generalAssemblyVotes.first?.on, l.t("Assemblée générale", "general assembly"))
        ]
        return moments.compactMap { day, name in day.map { ($0, name) } }.filter { $0.day <= asOf }
    }

    func deadlinesSection() -> Document.Section {
        let l = language
        var highlighted: Set<Int> = []
        let rows = deadlines.enumerated().map { index, d -> [String] in
            if d.isBreach { highlighted.insert(index) }
            let whose =
                d.bindsAssociation
                ? l.t("l'association", "the association") : l.t("une partie (droit)", "a party (right)")
            return [
                d.rule.article, l == .fr ? d.labelFr : d.labelEn, whose, d.from?.frenchDescription ?? "—",
                d.due?.frenchDescription ?? "—", DeadlineWords.status(d, l)
            ]
        }
        var blocks: [Document.Block] = [
            .table(
                caption: l.t(
                    "Délais du règlement (les délais manqués sont mis en évidence)",
                    "Deadlines of the rules (missed ones highlighted)"),
                headers: [
                    l.t("Art.", "Art."), l.t("Délai", "Deadline"), l.t("À tenir par", "Kept by"), l.t("Depuis", "From"),
                    l.t("Échéance", "Due"), l.t("État", "Status")
                ],
                rows: rows, highlighted: highlighted)
        ]
        let f = state.forecast(asOf: asOf, rulebook: rulebook)
        if let limit = f.limit, let concludes = f.concludesOn, let slack = f.slackDays {
            blocks.append(
                .paragraph(
                    l.t(
                        "Délai global de deux mois (art. 5.6) : limite le \(limit.frenchDescription) ; \(f.concluded ? "conclu" : "conclusion prévue au plus tard") le \(concludes.frenchDescription) ; "
                            + (slack >= 0 ? "marge de \(slack) jour(s)." : "dépassement de \(-slack) jour(s)."),
                        "Overall two-month limit (art. 5.6): \(limit); \(f.concluded ? "concluded" : "projected conclusion at the latest") on \(concludes); "
                            + (slack >= 0 ? "\(slack) day(s) of slack." : "missed by \(-slack) day(s).")))
            )
        }
        return Document.Section(id: "delais", title: l.t("4. Les délais", "4. The deadlines"), blocks: blocks)
    }

    func cell() -> Document.Section {
        let l = language
        var blocks: [Document.Block] = []
        let members = state.judgement?.value.cell ?? state.cell
        blocks.append(.facts([(l.t("Membres de la cellule de crise", "Crisis cell members"), words.list(members))]))
        var history: [String] = []
        for dated in loaded.events {
            switch dated.event {
            case .cellCalled, .volunteerAccepted, .memberRecused, .cellMemberReplaced, .drawAnnounced, .drawPerformed,
                .drawnMemberPresent, .drawnMemberDeclined:
                history.append("\(dated.on.frenchDescription) — " + naming.scrub(words.sentence(dated.event)))
            default: break
            }
        }
        if !history.isEmpty {
            blocks.append(
                .paragraph(
                    l.t("Comment la cellule a été constituée (art. 5.6.9) :", "How the cell was formed (art. 5.6.9):")))
            blocks.append(.list(history))
        }
        for check in drawChecks() {
            let verdict: String
            switch check.verification {
            case .matches(let steps):
                verdict = l.t(
                    "Recalculé à l'identique par Greffe (RFC 3797) : \(steps) empreinte(s) MD5 comparée(s).",
                    "Re-computed identically by Greffe (RFC 3797): \(steps) MD5 digest(s) compared.")
            case .differs(let found):
                verdict =
                    l.t("LE RECALCUL DIFFÈRE : ", "THE RE-COMPUTATION DIFFERS: ")
                    + found.map { "\($0)" }.joined(separator: "; ")
            }
            let sources = (check.announcement?.value.sources ?? []).map { source in
                source.description
                    + (source.valuesKnownOn.map {
                        l.t(" (publiée le \($0.frenchDescription))", " (published on \($0))")
                    } ?? "")
            }
            let practice =
                check.draw.publiclyVerifiable
                ? ""
                : l.t(
                    " Tirage d'entraînement : non vérifiable publiquement.", " Practice draw: not publicly verifiable.")
            blocks.append(
                .facts([
                    (l.t("Tirage annoncé le", "Draw announced on"), check.announcement?.on.frenchDescription ?? "—"),
                    (l.t("Sources d'aléa", "Entropy sources"), sources.joined(separator: " ; ")),
                    (l.t("Liste (SHA-256)", "Pool (SHA-256)"), "\(check.draw.pool.count) — \(check.draw.poolDigest)"),
                    (l.t("Chaîne-clé", "Key string"), check.draw.keyString),
                    (l.t("Ordre tiré", "Drawn order"), words.list(check.draw.order)),
                    (l.t("Vérification", "Verification"), verdict + practice)
                ]))
        }
        return Document.Section(
            id: "cellule", title: l.t("5. La cellule de crise", "5. The crisis cell"), blocks: blocks)
    }

    /// A vote's option in words: its proposal's sanctions, the reintegration, or a sanction id's label.
    func optionLabel(_ option: String, _ sanctions: [String]?) -> String {
        let l = language
        switch option {
        case "immediate": return l.t("réintégration immédiate", "immediate reintegration")
        case "probationary": return l.t("réintégration probatoire", "probationary reintegration")
        default:
            if let sanctions, !sanctions.isEmpty, sanctions != [option] { return words.sanctions(sanctions) }
            // `warning+suspension` → « avertissement + suspendre… »: never the ids in a sentence.
            return VoteWords.option(option, rulebook: rulebook, l)
        }
    }

    /// The rule codes of `greffe status` and `greffe agenda`, kept out of the text and explained here.
    func glossary() -> Document.Section {
        let l = language
        var rows: [RuleID: String] = [:]
        // Rules whose label names a person get a general wording.
        let general: [RuleID: (String, String)] = [
            .R13: (
                "nouvel appel après le remplacement d'un membre de la cellule",
                "new call after a cell member was replaced"
            ),
            .R14: ("nouvel appel après une révocation", "new call after a revocation"),
            .R23: (
                "recours d'une partie, dans les 2 mois de la réception de la décision",
                "a party's appeal, within 2 months of receiving the decision"
            )
        ]
        for d in deadlines where rows[d.rule] == nil {
            rows[d.rule] = general[d.rule].map { l.t($0.0, $0.1) } ?? (l == .fr ? d.labelFr : d.labelEn)
        }
        let fixed: [(RuleID, Bool, String, String)] = [
            (.R07, state.suspension != nil, "suspension pendant la procédure", "suspension during the procedure"),
            (.R19, state.cellVote != nil, "vote de la cellule aux deux tiers", "cell vote by two-thirds"),
            (
                .R20, state.reintegrationVote != nil, "vote sur la réintégration, aux deux tiers",
                "reintegration vote, by two-thirds"
            ),
            (
                .R24, !state.generalAssemblyVotes.isEmpty, "l'Assemblée générale statue aux deux tiers",
                "the general assembly decides by two-thirds"
            ),
            (
                .R25, !state.appeals.isEmpty, "nouvelle suspension du recours à l'Assemblée",
                "new suspension from the appeal to the assembly"
            )
        ]
        for (rule, used, fr, en) in fixed where used && rows[rule] == nil { rows[rule] = l.t(fr, en) }
        return Document.Section(
            id: "glossaire", title: l.t("Glossaire des codes de règle", "Glossary of rule codes"),
            blocks: [
                .paragraph(
                    l.t(
                        "Les commandes « greffe status » et « greffe agenda » désignent les règles par un code ; voici ceux de ce dossier, avec l'article du règlement intérieur.",
                        "The commands “greffe status” and “greffe agenda” name the rules by a code; here are this case's, with the article of the internal rules."
                    )),
                .table(
                    caption: l.t("Codes de règle", "Rule codes"),
                    headers: [l.t("Code", "Code"), l.t("Article", "Article"), l.t("Règle", "Rule")],
                    rows: rows.keys.sorted().map { [$0.rawValue, $0.article, rows[$0] ?? ""] }, highlighted: [])
            ])
    }

    /// The draws recorded up to the reference day, re-computed.
    func drawChecks() -> [DrawAudit] { DrawAudit.all(in: loaded) }

    func votes() -> Document.Section {
        let l = language
        var blocks: [Document.Block] = []
        if let consensus = state.consensus {
            blocks.append(
                .paragraph(
                    l.t(
                        "Le \(consensus.on.frenchDescription), la cellule a décidé par consensus : ",
                        "On \(consensus.on), the cell decided by consensus: ")
                        + words.sanctions(consensus.value.sanctions) + ". " + naming.scrub(consensus.value.reasons)))
        }
        func voteTable(_ title: String, _ record: VoteRecord, on day: Day) {
            let chart = VoteChart(
                title: title + l.t(" — le \(day.frenchDescription)", " — on \(day)"),
                rows: record.tallies.map { t in
                    VoteChart.Row(
                        label: optionLabel(t.option, record.proposals.first { $0.id == t.option }?.sanctions),
                        tally: t.tally, adopted: t.option == record.adopted)
                },
                threshold: rulebook.twoThirds, language: l)
            blocks.append(.chart(svg: chart.svg(), alternative: chart.alternative()))
            blocks.append(
                .table(
                    caption: title + l.t(" — le \(day.frenchDescription)", " — on \(day)"),
                    headers: [
                        l.t("Option", "Option"), l.t("Sanctions", "Sanctions"), l.t("Pour", "Yes"),
                        l.t("Exprimés", "Cast"),
                        l.t("Calcul des deux tiers", "Two-thirds arithmetic")
                    ],
                    rows: record.tallies.map { t in
                        let proposal = record.proposals.first { $0.id == t.option }
                        return [
                            optionLabel(t.option, nil), words.sanctions(proposal?.sanctions ?? [t.option]),
                            "\(t.tally.yes)",
                            "\(t.tally.cast)", t.tally.arithmetic
                        ]
                    },
                    highlighted: Set(record.tallies.indices.filter { record.tallies[$0].option == record.adopted })))
            blocks.append(
                .list(
                    record.ballots.map { b in
                        naming.name(b.member) + " : "
                            + (b.option.map { optionLabel($0, nil) } ?? l.t("vote blanc", "blank"))
                    }))
        }
        if let vote = state.cellVote {
            voteTable(l.t("Vote de la cellule (art. 5.6.10)", "Cell vote (art. 5.6.10)"), vote.value, on: vote.on)
        }
        if let vote = state.reintegrationVote {
            voteTable(
                l.t("Vote sur la réintégration (art. 5.6.10)", "Reintegration vote (art. 5.6.10)"), vote.value,
                on: vote.on)
        }
        for dated in state.generalAssemblyVotes {
            let record = dated.value
            let title = l.t(
                "Vote de l'Assemblée générale (art. 5.6.12) — le \(dated.on.frenchDescription)",
                "General assembly vote (art. 5.6.12) — on \(dated.on)")
            let chart = VoteChart(
                title: title,
                rows: record.tallies.map { t in
                    VoteChart.Row(
                        label: optionLabel(t.option, record.proposals.first { $0.id == t.option }?.sanctions),
                        tally: t.tally, adopted: t.option == record.adopted)
                },
                threshold: rulebook.twoThirds, language: l)
            blocks.append(.chart(svg: chart.svg(), alternative: chart.alternative()))
            blocks.append(
                .table(
                    caption: title,
                    headers: [
                        l.t("Option", "Option"), l.t("Pour", "Yes"), l.t("Exprimés", "Cast"),
                        l.t("Calcul des deux tiers", "Two-thirds arithmetic")
                    ],
                    rows: record.tallies.map {
                        [optionLabel($0.option, nil), "\($0.tally.yes)", "\($0.tally.cast)", $0.tally.arithmetic]
                    },
                    highlighted: Set(record.tallies.indices.filter { record.tallies[$0].option == record.adopted })))
        }
        if blocks.isEmpty { blocks.append(.paragraph(l.t("Aucun vote enregistré.", "No vote recorded."))) }
        return Document.Section(
            id: "votes", title: l.t("6. Délibération et votes", "6. Deliberation and votes"), blocks: blocks)
    }

    func decision() -> Document.Section {
        let l = language
        var blocks: [Document.Block] = []
        if let outcome = state.outcome {
            var facts: [(String, String)] = [
                (l.t("Décision", "Decision"), words.sanctions(outcome.sanctions)),
                (l.t("Rendue le", "Rendered on"), outcome.on.frenchDescription)
            ]
            if let p = outcome.probation {
                facts.append(
                    (
                        l.t("Conditions de probation (art. 2.5)", "Probation conditions (art. 2.5)"),
                        p.conditions.map(naming.scrub).joined(separator: " ; ")
                            + l.t(" — jusqu'au \(p.until.frenchDescription)", " — until \(p.until)")
                    ))
            }
            if let executed = state.executedOn {
                facts.append(
                    (l.t("Exécutée par le Conseil le", "Executed by the board on"), executed.frenchDescription))
            }
            blocks.append(.facts(facts))
        } else if let d = state.explicitDecisions.last(where: { $0.value.matter == .cellCannotBeFormed }),
            state.referral != nil
        {
            blocks.append(
                .paragraph(
                    l.t(
                        "La cellule de crise n'a pas pu être constituée : par décision explicite du Conseil (\(naming.scrub(d.value.reason))), l'affaire est renvoyée à l'Assemblée générale.",
                        "The crisis cell could not be formed: by explicit decision of the board (\(naming.scrub(d.value.reason))), the matter is referred to the general assembly."
                    )))
        } else if state.referral != nil {
            blocks.append(
                .paragraph(
                    l.t(
                        "La cellule n'a atteint les deux tiers dans aucun vote : l'affaire est renvoyée à l'Assemblée générale (art. 5.6.10).",
                        "The cell reached two-thirds in no vote: the matter is referred to the general assembly (art. 5.6.10)."
                    )))
        } else {
            blocks.append(.paragraph(l.t("Aucune décision à ce jour.", "No decision yet.")))
        }
        for reparation in state.reparations {
            blocks.append(
                .paragraph(
                    l.t(
                        "Réparation (art. 5.6.13), le \(reparation.on.frenchDescription) : ",
                        "Reparation (art. 5.6.13), on \(reparation.on): ")
                        + reparation.value.measures.map(naming.scrub).joined(separator: " ; ")))
        }
        return Document.Section(id: "decision", title: l.t("7. La décision", "7. The decision"), blocks: blocks)
    }

    func appeal() -> Document.Section {
        let l = language
        var blocks: [Document.Block] = []
        for appeal in state.appeals {
            let deadline = state.appealDeadline(for: appeal.value.by, rulebook: rulebook)
            blocks.append(
                .facts([
                    (l.t("Recours de", "Appeal by"), naming.name(appeal.value.by)),
                    (l.t("Formé le", "Lodged on"), appeal.on.frenchDescription),
                    (
                        l.t("Délai de recours (art. 5.6.12)", "Appeal window (art. 5.6.12)"),
                        deadline.map { l.t("jusqu'au \($0.frenchDescription)", "until \($0)") } ?? "—"
                    ),
                    (
                        l.t("Accompagnement", "Companion"),
                        appeal.value.companion.map {
                            naming.pseudonymised
                                ? l.t("une personne de son choix", "a person of their choice") : naming.reveal($0)
                        } ?? "—"
                    ),
                    (l.t("Motifs", "Grounds"), appeal.value.grounds.map(naming.scrub) ?? "—")
                ]))
        }
        for s in state.activeSuspensions(on: asOf) {
            blocks.append(
                .emphasis(
                    l.t(
                        "Suspension en vigueur (art. \(s.rule.article)) depuis le \(s.from.frenchDescription), \(s.untilFr).",
                        "Suspension in force (art. \(s.rule.article)) since \(s.from), \(s.untilEn).")))
        }
        if blocks.isEmpty { blocks.append(.paragraph(l.t("Aucun recours enregistré.", "No appeal recorded."))) }
        return Document.Section(id: "recours", title: l.t("8. Le recours", "8. The appeal"), blocks: blocks)
    }

    func question() -> Document.Section {
        let l = language
        let text: String
        if !state.appeals.isEmpty {
            text = l.t(
                "L'Assemblée générale confirme-t-elle la décision (\(words.sanctions(state.outcome?.sanctions ?? []))) ou la réforme-t-elle ? Elle statue à la majorité des deux tiers des voix exprimées, selon les mêmes modalités que la cellule de crise (art. 5.6.12) : sans deux tiers sur la sanction, elle vote sur une réintégration immédiate ou probatoire, aux deux tiers aussi ; à défaut encore, le règlement est muet et l'Assemblée adopte une résolution explicite et motivée, qui n'impose aucune sanction non votée.",
                "Does the general assembly confirm the decision (\(words.sanctions(state.outcome?.sanctions ?? []))) or overturn it? It decides by two-thirds of the votes cast, with the same modalities as the crisis cell (art. 5.6.12): without two-thirds on the sanction, it votes on an immediate or probationary reintegration, by two-thirds too; failing that as well, the rules are silent and the assembly adopts an explicit, reasoned resolution that imposes no sanction it did not vote."
            )
        } else if let d = state.explicitDecisions.last(where: { $0.value.matter == .cellCannotBeFormed }),
            state.referral != nil
        {
            text = l.t(
                "La cellule de crise n'a pas pu être constituée (décision explicite du Conseil : \(naming.scrub(d.value.reason))) ; l'Assemblée générale statue sur les sanctions proposées, à la majorité des deux tiers, selon les mêmes modalités que la cellule.",
                "The crisis cell could not be formed (explicit decision of the board: \(naming.scrub(d.value.reason))); the general assembly decides on the proposed sanctions by two-thirds, with the cell's modalities."
            )
        } else if state.referral != nil {
            text = l.t(
                "La cellule n'ayant atteint les deux tiers dans aucun vote, l'Assemblée générale statue sur les sanctions proposées, à la majorité des deux tiers (art. 5.6.10).",
                "As the cell reached two-thirds in no vote, the general assembly decides on the proposed sanctions by two-thirds (art. 5.6.10)."
            )
        } else {
            text = l.t(
                "Aucune question n'est soumise à l'Assemblée générale à ce jour.",
                "No question is put to the general assembly so far.")
        }
        return Document.Section(
            id: "question", title: l.t("9. La question soumise à l'Assemblée", "9. The question put to the assembly"),
            blocks: [.paragraph(text)])
    }
}

/// A deadline's status in words.
enum DeadlineWords {
    static func status(_ d: Deadline, _ l: Language) -> String {
        // A party's right left unused is no delay: « expiré (droit non exercé) », never « en retard ».
        if TimelineChart.unusedRight(d), let due = d.due {
            return l.t(
                "expiré le \(due.frenchDescription) (droit non exercé)", "expired on \(due) (right not exercised)")
        }
        return status(d.status, l)
    }

    static func status(_ status: Deadline.Status, _ l: Language) -> String {
        switch status {
        case let .met(on, margin):
            return l.t(
                "tenu le \(on.frenchDescription) (marge \(margin) j)", "met on \(on) (\(margin) day(s) to spare)")
        case let .missed(by, done?):
            return l.t(
                "MANQUÉ : fait le \(done.frenchDescription), \(by) j de retard",
                "MISSED: done on \(done), \(by) day(s) late")
        case let .missed(by, nil): return l.t("MANQUÉ : en retard de \(by) j", "MISSED: overdue by \(by) day(s)")
        case let .open(left): return l.t("en cours, \(left) j restant(s)", "open, \(left) day(s) left")
        case .notStarted: return l.t("pas encore commencé", "not started")
        case let .expired(on):
            return l.t("expiré le \(on.frenchDescription) (droit non exercé)", "expired on \(on) (right not exercised)")
        }
    }
}
