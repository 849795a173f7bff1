import ArgumentParser
import Discipline
import Documents
import EventLog
import Foundation
import Registry

/// A case as the status screen shows it, in text or JSON.
struct CaseView {
    let id: CaseID
    let state: CaseState
    let asOf: Day
    let rulebook: Rulebook
    /// Reads the case's sealed texts (the one reveal function).
    let reveal: Reveal
    /// Display names of the roster's members, shown beside their ids in text.
    var names: [MemberID: String] = [:]
    /// The last act up to `asOf` and who recorded it, shown before the next acts (issue 14: outputs show the recorder).
    var lastAct: (sequence: UInt64, on: String, actor: String)?

    func who(_ member: MemberID) -> String { Registry.named(member, names) }

    var deadlines: [Deadline] { state.deadlines(asOf: asOf, rulebook: rulebook) }
    var forecast: Forecast { state.forecast(asOf: asOf, rulebook: rulebook) }

    func statusText(_ status: Deadline.Status, _ l: Language) -> String {
        switch status {
        case let .met(on, margin):
            return l.t("fait le \(on) (marge \(margin) j)", "met on \(on) (\(margin) day(s) to spare)")
        case let .missed(by, done?):
            return l.t("fait le \(done), en retard de \(by) j", "done on \(done), \(by) day(s) late")
        case let .missed(by, nil):
            return l.t("EN RETARD de \(by) j", "OVERDUE by \(by) day(s)")
        case let .open(left):
            return left == 0
                ? l.t("ouvert, dernier jour aujourd'hui", "open, today is the last day")
                : l.t("ouvert, \(left) j restant(s)", "open, \(left) day(s) left")
        case .notStarted:
            return l.t("pas encore commencé", "not started yet")
        case let .expired(on):
            return l.t("expiré le \(on) (droit non exercé)", "expired on \(on) (right not exercised)")
        }
    }

    func text(_ l: Language) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        line(l.t("Dossier \(id) — \(state.step.fr)", "Case \(id) — \(state.step.en)"))
        line(
            l.t("  au \(asOf)", "  as of \(asOf)")
                + (state.openedOn.map { l.t(" ; ouvert le \($0)", "; opened on \($0)") } ?? ""))
        func parties(_ list: [Party]) -> String {
            list.isEmpty
                ? "—"
                : list.map { who($0.id) + ($0.isMember ? "" : l.t(" (non membre)", " (not a member)")) }
                    .joined(separator: ", ")
        }
        if state.complaint != nil {
            // R34: the version the case keeps, whatever was adopted since.
            line(
                l.t(
                    "  règlement : \(rulebook.id) v\(rulebook.version)",
                    "  rulebook: \(rulebook.id) v\(rulebook.version)"))
            line(l.t("  mis·e(s) en cause : ", "  accused: ") + parties(state.accused))
            line(l.t("  plaignant·e(s) : ", "  complainants: ") + parties(state.complainants))
            line(l.t("  victime(s) : ", "  victims: ") + parties(state.victims))
        }
        if let r = state.rapporteur {
            line(
                l.t("  rapporteur : ", "  rapporteur: ") + who(r.rapporteur)
                    + (r.delegated
                        ? l.t(" (délégation : \(reveal(r.reason) ?? "—"))", " (delegated: \(reveal(r.reason) ?? "—"))")
                        : ""))
        }
        if !state.cell.isEmpty || !state.drawnPending.isEmpty {
            line(
                l.t("  cellule de crise : ", "  crisis cell: ")
                    + (state.cell.isEmpty ? "—" : state.cell.map(who).joined(separator: ", "))
                    + (state.drawnPending.isEmpty
                        ? ""
                        : l.t(" ; tiré·es au sort, réponse attendue : ", "; drawn, awaiting answer: ")
                            + state.drawnPending.map(who).joined(separator: ", ")))
        }
        for r in state.cellReplacements {
            line(
                l.t("  remplacé·e dans la cellule le \(r.on) : ", "  replaced in the cell on \(r.on): ")
                    + who(r.value.member)
                    + " (\(r.value.ground.words(l))) — \(reveal(r.value.reason))")
        }
        for e in state.explicitDecisions {
            line(
                l.t(
                    "  décision explicite du Conseil (règlement muet) le \(e.on) : ",
                    "  explicit decision of the board (rules silent) on \(e.on): ")
                    + "\(reveal(e.value.decision)) — \(reveal(e.value.reason))")
        }
        for a in state.appeals {
            line(
                l.t("  recours de \(who(a.value.by)) le \(a.on)", "  appeal by \(who(a.value.by)) on \(a.on)")
                    + (a.value.grounds.map { l.t(" — motifs : \(reveal($0))", " — grounds: \(reveal($0))") } ?? ""))
        }
        for s in state.activeSuspensions(on: asOf) {
            line(
                l.t(
                    "  suspension en vigueur (\(s.rule.rawValue)) depuis le \(s.from), \(s.untilFr)",
                    "  suspension in force (\(s.rule.rawValue)) since \(s.from), \(s.untilEn)")
                    + (s.blockedSpaces.isEmpty
                        ? ""
                        : l.t(" ; espaces bloqués : ", "; blocked spaces: ")
                            + s.blockedSpaces.map { reveal($0) }.joined(separator: ", ")))
        }
        if let outcome = state.outcome {
            let labels = outcome.sanctions.map { id in
                rulebook.sanctions.first { $0.id == id }.map { l == .fr ? $0.fr : $0.en } ?? id
            }
            line(
                l.t("  décision : ", "  decision: ")
                    + (labels.isEmpty ? l.t("aucune sanction", "no sanction") : labels.joined(separator: ", "))
                    + l.t(" (le \(outcome.on))", " (on \(outcome.on))"))
        }
        if let erased = state.textsErased {
            line(
                l.t(
                    "  textes effacés le \(erased.on) (R35, art. 6) : la clé du dossier est détruite, ils se lisent « [effacé] »",
                    "  texts erased on \(erased.on) (R35, art. 6): the case's key is destroyed, they read \"[erased]\"")
            )
        }
        let votes: [(on: Day, fr: String, en: String, proposals: [Proposal], tallies: [OptionTally])] =
            [
                state.cellVote.map { ($0.on, "vote de la cellule", "cell vote", $0.value.proposals, $0.value.tallies) },
                state.reintegrationVote.map {
                    (
                        $0.on, "vote de la cellule sur la réintégration", "cell vote on reintegration",
                        $0.value.proposals, $0.value.tallies
                    )
                }
            ]
            .compactMap { $0 }
            + state.generalAssemblyVotes.map {
                ($0.on, "vote de l'Assemblée générale", "general assembly vote", $0.value.proposals, $0.value.tallies)
            }
        if !votes.isEmpty {
            line(l.t("  Votes :", "  Votes:"))
            for v in votes {
                line("    " + l.t("\(v.fr) le \(v.on)", "\(v.en) on \(v.on)"))
                for t in v.tallies {
                    line(
                        "      " + VoteWords.option(t.option, proposals: v.proposals, rulebook: rulebook, l)
                            + l.t(" : ", ": ")
                            + VoteWords.line(t.tally, threshold: rulebook.twoThirds, l))
                }
            }
        }
        let list = deadlines
        if !list.isEmpty {
            line(l.t("  Délais :", "  Deadlines:"))
            for d in list {
                let window =
                    (d.due.map { l.t("dû le \($0)", "due \($0)") } ?? l.t("échéance à venir", "due day not known yet"))
                line(
                    "    \(d.rule.rawValue)  \(l == .fr ? d.labelFr : d.labelEn) — \(window) — \(statusText(d.status, l))"
                )
            }
        }
        let f = forecast
        if let limit = f.limit, let concludes = f.concludesOn, let slack = f.slackDays {
            let verb =
                f.concluded
                ? l.t("conclu le", "concluded on")
                : l.t("conclusion au plus tard prévue le", "projected conclusion at the latest on")
            line(
                l.t(
                    "  R03 (2 mois) : limite le \(limit) ; \(verb) \(concludes) ; ",
                    "  R03 (2 months): limit \(limit); \(verb) \(concludes); ")
                    + (slack >= 0
                        ? l.t("marge \(slack) j", "\(slack) day(s) of slack")
                        : l.t("DÉPASSEMENT de \(-slack) j", "MISSED by \(-slack) day(s)")))
        }
        if let last = lastAct {
            let by = who(MemberID(last.actor))
            out += l.t(
                "  dernier acte : #\(last.sequence) du \(last.on), enregistré par \(by)\n",
                "  last act: #\(last.sequence) of \(last.on), recorded by \(by)\n")
        }
        out += NextActs.text(id, state, rulebook: rulebook, asOf: asOf, l)
        return out
    }
}
