import ArgumentParser
import Discipline
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

    func who(_ member: MemberID) -> String { names[member].map { "\($0) (\(member))" } ?? member.rawValue }

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
            return left == 0 ? l.t("ouvert, dernier jour aujourd'hui", "open, today is the last day")
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
        line(l.t("  au \(asOf)", "  as of \(asOf)") + (state.openedOn.map { l.t(" ; ouvert le \($0)", "; opened on \($0)") } ?? ""))
        func parties(_ list: [Party]) -> String {
            list.isEmpty ? "—" : list.map { who($0.id) + ($0.isMember ? "" : l.t(" (non membre)", " (not a member)")) }
                .joined(separator: ", ")
        }
        if state.complaint != nil {
            // R34: the version the case keeps, whatever was adopted since.
            line(l.t("  règlement : \(rulebook.id) v\(rulebook.version)", "  rulebook: \(rulebook.id) v\(rulebook.version)"))
            line(l.t("  mis·e(s) en cause : ", "  accused: ") + parties(state.accused))
            line(l.t("  plaignant·e(s) : ", "  complainants: ") + parties(state.complainants))
            line(l.t("  victime(s) : ", "  victims: ") + parties(state.victims))
        }
        if let r = state.rapporteur {
            line(l.t("  rapporteur : ", "  rapporteur: ") + who(r.rapporteur)
                + (r.delegated ? l.t(" (délégation : \(reveal(r.reason) ?? "—"))", " (delegated: \(reveal(r.reason) ?? "—"))") : ""))
        }
        if !state.cell.isEmpty || !state.drawnPending.isEmpty {
            line(l.t("  cellule de crise : ", "  crisis cell: ") + (state.cell.isEmpty ? "—" : state.cell.map(who).joined(separator: ", "))
                + (state.drawnPending.isEmpty ? "" : l.t(" ; tiré·es au sort, réponse attendue : ", "; drawn, awaiting answer: ")
                    + state.drawnPending.map(who).joined(separator: ", ")))
        }
        for r in state.cellReplacements {
            line(l.t("  remplacé·e dans la cellule le \(r.on) : ", "  replaced in the cell on \(r.on): ") + who(r.value.member)
                + " (\(r.value.ground.words(l))) — \(reveal(r.value.reason))")
        }
        for e in state.explicitDecisions {
            line(l.t("  décision explicite du Conseil (règlement muet) le \(e.on) : ", "  explicit decision of the board (rules silent) on \(e.on): ")
                + "\(reveal(e.value.decision)) — \(reveal(e.value.reason))")
        }
        for a in state.appeals {
            line(l.t("  recours de \(who(a.value.by)) le \(a.on)", "  appeal by \(who(a.value.by)) on \(a.on)")
                + (a.value.grounds.map { l.t(" — motifs : \(reveal($0))", " — grounds: \(reveal($0))") } ?? ""))
        }
        for s in state.activeSuspensions(on: asOf) {
            line(l.t("  suspension en vigueur (\(s.rule.rawValue)) depuis le \(s.from), \(s.untilFr)",
                     "  suspension in force (\(s.rule.rawValue)) since \(s.from), \(s.untilEn)")
                + (s.blockedSpaces.isEmpty ? "" : l.t(" ; espaces bloqués : ", "; blocked spaces: ") + s.blockedSpaces.joined(separator: ", ")))
        }
        if let outcome = state.outcome {
            let labels = outcome.sanctions.map { id in
                rulebook.sanctions.first { $0.id == id }.map { l == .fr ? $0.fr : $0.en } ?? id
            }
            line(l.t("  décision : ", "  decision: ") + (labels.isEmpty ? l.t("aucune sanction", "no sanction") : labels.joined(separator: ", "))
                + l.t(" (le \(outcome.on))", " (on \(outcome.on))"))
        }
        let list = deadlines
        if !list.isEmpty {
            line(l.t("  Délais :", "  Deadlines:"))
            for d in list {
                let window = (d.due.map { l.t("dû le \($0)", "due \($0)") } ?? l.t("échéance à venir", "due day not known yet"))
                line("    \(d.rule.rawValue)  \(l == .fr ? d.labelFr : d.labelEn) — \(window) — \(statusText(d.status, l))")
            }
        }
        let f = forecast
        if let limit = f.limit, let concludes = f.concludesOn, let slack = f.slackDays {
            let verb = f.concluded ? l.t("conclu le", "concluded on") : l.t("conclusion au plus tard prévue le", "projected conclusion at the latest on")
            line(l.t("  R03 (2 mois) : limite le \(limit) ; \(verb) \(concludes) ; ", "  R03 (2 months): limit \(limit); \(verb) \(concludes); ")
                + (slack >= 0 ? l.t("marge \(slack) j", "\(slack) day(s) of slack")
                    : l.t("DÉPASSEMENT de \(-slack) j", "MISSED by \(-slack) day(s)")))
        }
        return out
    }

    var json: [String: Any] {
        func party(_ p: Party) -> [String: Any] {
            var o: [String: Any] = ["id": p.id.rawValue, "isMember": p.isMember]
            if let m = p.holdsMandate { o["holdsMandate"] = m }
            return o
        }
        func status(_ s: Deadline.Status) -> [String: Any] {
            switch s {
            case let .met(on, margin): return ["state": "met", "on": on.description, "marginDays": margin]
            case let .missed(by, done):
                var o: [String: Any] = ["state": "missed", "byDays": by]
                if let done { o["doneOn"] = done.description }
                return o
            case let .open(left): return ["state": "open", "daysLeft": left]
            case .notStarted: return ["state": "notStarted"]
            case let .expired(on): return ["state": "expired", "on": on.description]
            }
        }
        var o: [String: Any] = [
            "case": id.rawValue, "asOf": asOf.description, "step": state.step.rawValue, "stepFr": state.step.fr,
            "stepEn": state.step.en, "accused": state.accused.map(party), "complainants": state.complainants.map(party),
            "victims": state.victims.map(party), "cell": state.cell.map(\.rawValue),
            "drawnAwaitingAnswer": state.drawnPending.map(\.rawValue),
            "explicitDecisions": state.explicitDecisions.map { e in
                ["on": e.on.description, "matter": e.value.matter.rawValue, "decision": reveal(e.value.decision),
                 "reason": reveal(e.value.reason)] as [String: Any]
            },
            "cellReplacements": state.cellReplacements.map { r in
                ["on": r.on.description, "member": r.value.member.rawValue, "ground": r.value.ground.rawValue,
                 "reason": reveal(r.value.reason)] as [String: Any]
            },
            "appeals": state.appeals.map { a in
                var o: [String: Any] = ["on": a.on.description, "by": a.value.by.rawValue]
                if let grounds = a.value.grounds { o["grounds"] = reveal(grounds) }
                return o
            },
            "suspensions": state.activeSuspensions(on: asOf).map { s in
                ["rule": s.rule.rawValue, "from": s.from.description, "accused": s.accused.map(\.rawValue),
                 "blockedSpaces": s.blockedSpaces, "untilFr": s.untilFr, "untilEn": s.untilEn] as [String: Any]
            },
            "deadlines": deadlines.map { d in
                var o: [String: Any] = [
                    "rule": d.rule.rawValue, "labelFr": d.labelFr, "labelEn": d.labelEn, "status": status(d.status),
                    "bindsAssociation": d.bindsAssociation,
                ]
                if let from = d.from { o["from"] = from.description }
                if let due = d.due { o["due"] = due.description }
                return o
            },
        ]
        if let opened = state.openedOn { o["openedOn"] = opened.description }
        if let r = state.rapporteur { o["rapporteur"] = r.rapporteur.rawValue }
        o["rulebook"] = ["id": rulebook.id, "version": rulebook.version] as [String: Any]
        let f = forecast
        var forecast: [String: Any] = ["concluded": f.concluded, "willMiss": f.willMiss]
        if let limit = f.limit { forecast["limit"] = limit.description }
        if let c = f.concludesOn { forecast["concludesOn"] = c.description }
        if let s = f.slackDays { forecast["slackDays"] = s }
        o["forecast"] = forecast
        if let outcome = state.outcome {
            o["outcome"] = ["source": outcome.source.rawValue, "on": outcome.on.description, "sanctions": outcome.sanctions]
        }
        return o
    }
}
