import ArgumentParser
import Discipline
import Foundation
import Registry

/// A ladder record as `greffe ladder status` shows it.
struct LadderView {
    let loaded: LoadedLadder
    let asOf: Day
    /// Reads the record's sealed texts (the one reveal function); JSON output passes it to its encoder.
    let reveal: Reveal
    /// Display names of the roster's members, shown beside the ids of those who signed a measure.
    var names: [MemberID: String] = [:]

    var book: LadderRulebook { loaded.rulebook }
    var state: LadderState { loaded.state }
    var pending: [LadderState.Pending] {
        state.pending(rulebook: book).filter { $0.kind != .measureEnds || ($0.due.map { $0 >= asOf } ?? true) }
    }
    var available: [LadderRulebook.Measure] { LadderDecider.available(state, rulebook: book, on: asOf) }

    func text(_ l: Language) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        line("\(loaded.member) — \(book.title)")
        line(
            l.t(
                "  \(book.id) v\(state.opened?.version ?? book.version)",
                "  \(book.id) v\(state.opened?.version ?? book.version)")
                + (state.openedOn.map { l.t(", ouvert le \($0.frenchDescription)", ", opened on \($0)") } ?? "")
                + l.t(", au \(asOf.frenchDescription)", ", as of \(asOf)"))
        line(l.t("  Incidents (\(state.incidents.count)) :", "  Incidents (\(state.incidents.count)):"))
        for (day, i) in state.incidents {
            let kind = book.incident(i.kind).map { l.t($0.fr, $0.en) } ?? i.kind
            line(
                "    \(i.number). \(l.t(day.frenchDescription, day.description))  \(kind)"
                    + (i.channel.map { " (\(l.t($0.fr, $0.en)))" } ?? "") + " — \(reveal(i.facts))")
        }
        if !state.measures.isEmpty { line(l.t("  Mesures :", "  Measures:")) }
        for (day, m) in state.measures {
            let measure = book.measure(m.measure)
            var s =
                "    \(l.t(day.frenchDescription, day.description))  \(l.t(measure?.fr ?? m.measure, measure?.en ?? m.measure)) (art. \(measure?.article ?? "?"))"
            // Who decided, in the rulebook's words for their role (« président·e : Bruno Petit (m002) »).
            s +=
                " — "
                + m.signatures.map {
                    let role = book.role($0.role).map { l.t($0.fr, $0.en) } ?? $0.role
                    return "\(role) : \(Registry.named($0.member, names))"
                }.joined(separator: ", ")
            if let o = m.outcome, let label = measure?.outcomes.first(where: { $0.id == o }) {
                s += " — " + l.t(label.fr, label.en)
            }
            if let c = m.channel { s += l.t(" — par \(c.fr)", " — by \(c.en)") }
            if let u = m.until {
                s +=
                    u >= asOf
                    ? l.t(" — jusqu'au \(u.frenchDescription) inclus", " — until \(u) included")
                    : l.t(" — levée d'elle-même le \(u.frenchDescription)", " — lifted on its own on \(u)")
            } else if measure?.duration == .optional {
                s += l.t(" — définitive", " — for good")
            }
            if let e = m.exception {
                s += l.t(" — exception : ", " — exception: ") + (measure?.exception(e).map { l.t($0.fr, $0.en) } ?? e)
            }
            if let d = m.detail { s += " — \(reveal(d))" }
            if let r = m.reason { s += l.t(" — motif : \(reveal(r))", " — reason: \(reveal(r))") }
            line(s)
        }
        if !state.links.isEmpty {
            line(
                l.t("  Procédures ouvertes : ", "  Procedures opened: ")
                    + state.links.map { "\($0.caseID) (\($0.procedure))" }.joined(separator: ", "))
        }
        if !pending.isEmpty {
            line(l.t("  En attente :", "  Pending:"))
            for p in pending { line("    " + l.t(p.labelFr, p.labelEn)) }
        }
        line(
            l.t("  Prérequis réunis pour : ", "  Prerequisites met for: ")
                + (available.isEmpty ? "—" : available.map(\.id).joined(separator: ", ")))
        return out
    }

    struct JSON: Encodable {
        var member: MemberID
        var rulebook: String
        var version: Int
        var openedOn: Day?
        var asOf: Day
        var incidents: [Dated<IncidentRecorded>]
        var measures: [Dated<MeasureDecision>]
        var cases: [EscalationLink]
        var pending: [LadderState.Pending]
        var available: [String]
    }

    struct Dated<T: Encodable>: Encodable {
        var on: Day
        var value: T
    }

    var json: JSON {
        JSON(
            member: loaded.member, rulebook: book.id, version: state.opened?.version ?? book.version,
            openedOn: state.openedOn, asOf: asOf,
            incidents: state.incidents.map { Dated(on: $0.day, value: $0.incident) },
            measures: state.measures.map { Dated(on: $0.day, value: $0.measure) }, cases: state.links,
            pending: pending, available: available.map(\.id))
    }
}
