import Foundation

extension LadderRulebook {
    /// Every fault of the ladder's own fields, each at its JSON path: missing labels, duplicate ids, references to
    /// unknown roles, measures, outcomes or incident kinds, impossible counts, and cycles of prerequisites or
    /// escalations. `knownProcedures` are the procedure rulebooks a rung may escalate to. The header both kinds share
    /// (id, title, source, version) is checked by `RulebookDocument.faults`.
    public func faults(knownProcedures: Set<String> = [Rulebook.cle.id]) -> [RulebookFault] {
        var faults: [RulebookFault] = []
        func fault(_ path: String, _ fr: String, _ en: String) {
            faults.append(RulebookFault(path: path, fr: fr, en: en))
        }
        func label(_ path: String, _ value: String, _ field: String) {
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fault(path + "." + field, "libellé « \(field) » vide", "empty \(field) label")
            }
        }
        func unique(_ ids: [String], _ path: String) {
            var seen: Set<String> = []
            for (i, id) in ids.enumerated() {
                if id.isEmpty { fault("\(path)[\(i)].id", "identifiant vide", "empty id") }
                if !seen.insert(id).inserted {
                    fault("\(path)[\(i)].id", "identifiant en double : \(id)", "duplicate id: \(id)")
                }
            }
        }

        label("$", rule, "rule")
        if measures.isEmpty { fault("$.measures", "aucune mesure", "no measure") }
        if incidents.isEmpty { fault("$.incidents", "aucun type d'incident", "no incident kind") }
        unique(roles.map(\.id), "$.roles")
        unique(incidents.map(\.id), "$.incidents")
        unique(measures.map(\.id), "$.measures")
        for (i, r) in roles.enumerated() {
            label("$.roles[\(i)]", r.fr, "fr")
            label("$.roles[\(i)]", r.en, "en")
        }
        for (i, k) in incidents.enumerated() {
            let path = "$.incidents[\(i)]"
            for (field, value) in [("fr", k.fr), ("en", k.en), ("article", k.article), ("quote", k.quote)] {
                label(path, value, field)
            }
            if let awaits = k.awaits, measure(awaits) == nil {
                fault(path + ".awaits", "mesure inconnue : \(awaits)", "unknown measure: \(awaits)")
            }
            if let channel = k.channel, channel.channels.isEmpty {
                fault(path + ".channel.channels", "aucun moyen indiqué", "no channel given")
            }
        }
        let roleIDs = Set(roles.map(\.id))
        for (i, m) in measures.enumerated() {
            let path = "$.measures[\(i)]"
            for (field, value) in [("fr", m.fr), ("en", m.en), ("article", m.article), ("quote", m.quote)] {
                label(path, value, field)
            }
            if m.decidedBy.isEmpty { fault(path + ".decidedBy", "personne ne décide", "nobody decides") }
            for (j, r) in m.decidedBy.enumerated() where !roleIDs.contains(r) {
                fault("\(path).decidedBy[\(j)]", "rôle inconnu : \(r)", "unknown role: \(r)")
            }
            for (j, r) in m.agreementOf.enumerated() where !roleIDs.contains(r) {
                fault("\(path).agreementOf[\(j)]", "rôle inconnu : \(r)", "unknown role: \(r)")
            }
            for (j, c) in m.requires.enumerated() { check(c, at: "\(path).requires[\(j)]", fault) }
            unique(m.exceptions.map(\.id), path + ".exceptions")
            for (j, e) in m.exceptions.enumerated() {
                for (field, value) in [("fr", e.fr), ("en", e.en), ("article", e.article), ("quote", e.quote)] {
                    label("\(path).exceptions[\(j)]", value, field)
                }
            }
            if m.exceptions.count > 0 && m.requires.isEmpty {
                fault(
                    path + ".exceptions", "une exception sans prérequis à lever",
                    "an exception with no prerequisite to waive")
            }
            unique(m.outcomes.map(\.id), path + ".outcomes")
            for (j, o) in m.outcomes.enumerated() {
                label("\(path).outcomes[\(j)]", o.fr, "fr")
                label("\(path).outcomes[\(j)]", o.en, "en")
            }
            if let d = m.detail {
                label(path + ".detail", d.fr, "fr")
                label(path + ".detail", d.en, "en")
            }
            if let n = m.notification, n.channels.isEmpty {
                fault(path + ".notification.channels", "aucun moyen de notification", "no notification channel")
            }
            if let e = m.escalation {
                let epath = path + ".escalation"
                switch (e.measure, e.procedure) {
                case (nil, nil), (.some, .some):
                    fault(
                        epath, "une escalade vise soit une mesure, soit une procédure",
                        "an escalation targets either a measure or a procedure")
                case (let target?, nil):
                    if measure(target) == nil {
                        fault(epath + ".measure", "mesure inconnue : \(target)", "unknown measure: \(target)")
                    }
                case (nil, let procedure?):
                    if !knownProcedures.contains(procedure) {
                        fault(
                            epath + ".procedure", "procédure inconnue : \(procedure)", "unknown procedure: \(procedure)"
                        )
                    }
                }
                if let o = e.outcome, !m.outcomes.contains(where: { $0.id == o }) {
                    fault(epath + ".outcome", "issue inconnue pour \(m.id) : \(o)", "unknown outcome of \(m.id): \(o)")
                }
            }
        }
        faults += cycles(named: ("cycle de prérequis", "cycle of prerequisites"), field: "requires") { m in
            Set(m.requires.flatMap(\.measures))
        }
        faults += cycles(named: ("cycle d'escalades", "cycle of escalations"), field: "escalation.measure") { m in
            Set([m.escalation?.measure].compactMap { $0 })
        }
        return faults
    }

    private func check(_ c: Condition, at path: String, _ fault: (String, String, String) -> Void) {
        let counts = [("incidents", c.incidents), ("repeats", c.repeats), ("incidentsAfter", c.incidentsAfter)]
        for (field, value) in counts {
            if let value, !(0...1_000).contains(value) {
                fault(path + "." + field, "nombre hors limites (0 à 1000)", "count out of range (0 to 1000)")
            }
        }
        if let w = c.within, !(1...36_500).contains(w.length) {
            fault(path + ".within.length", "durée hors limites (1 à 36500)", "period out of range (1 to 36500)")
        }
        if let k = c.kind, incident(k) == nil {
            fault(path + ".kind", "type d'incident inconnu : \(k)", "unknown incident kind: \(k)")
        }
        if let m = c.measure {
            if let target = measure(m) {
                if let o = c.outcome, !target.outcomes.contains(where: { $0.id == o }) {
                    fault(path + ".outcome", "issue inconnue pour \(m) : \(o)", "unknown outcome of \(m): \(o)")
                }
            } else {
                fault(path + ".measure", "mesure inconnue : \(m)", "unknown measure: \(m)")
            }
        } else if c.outcome != nil || c.incidentsAfter != nil {
            fault(
                path, "« outcome » et « incidentsAfter » se rapportent à une mesure (« measure »)",
                "outcome and incidentsAfter need a measure")
        }
        if let alternatives = c.anyOf {
            if alternatives.isEmpty {
                fault(path + ".anyOf", "liste d'alternatives vide", "empty list of alternatives")
            }
            for (i, a) in alternatives.enumerated() { check(a, at: "\(path).anyOf[\(i)]", fault) }
        }
        if c.incidents == nil && c.repeats == nil && c.measure == nil && c.anyOf == nil {
            fault(path, "condition vide", "empty condition")
        }
    }

    /// A cycle in the graph `edges` draws between measures, reported once at the first measure of the cycle found.
    private func cycles(
        named: (fr: String, en: String), field: String, edges: (Measure) -> Set<String>
    ) -> [RulebookFault] {
        let index = Dictionary(measures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:] // 1 visiting, 2 done
        var found: [RulebookFault] = []
        func visit(_ id: String, _ trail: [String]) {
            guard let i = index[id] else { return }
            if state[id] == 2 { return }
            if state[id] == 1 {
                let loop = trail.drop { $0 != id } + [id]
                let start = loop.first.flatMap { index[$0] } ?? i
                found.append(
                    RulebookFault(
                        path: "$.measures[\(start)].\(field)",
                        fr: "\(named.fr) : \(loop.joined(separator: " → "))",
                        en: "\(named.en): \(loop.joined(separator: " → "))"))
                return
            }
            state[id] = 1
            for next in edges(measures[i]).sorted() { visit(next, trail + [id]) }
            state[id] = 2
        }
        for m in measures { visit(m.id, []) }
        return found
    }
}

extension LadderRulebook.Condition {
    /// Every measure this condition refers to, nested alternatives included.
    var measures: [String] { [measure].compactMap { $0 } + (anyOf ?? []).flatMap(\.measures) }
}
