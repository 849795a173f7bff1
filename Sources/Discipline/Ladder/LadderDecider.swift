import Foundation

extension LadderDecider {
    /// The events `command` produces on `day` for `member`'s record, or why the rulebook refuses it (nothing emitted).
    ///
    /// `rulebook` must be the version the record opened under; the first act of a record opens it under `rulebook`.
    public static func decide(
        _ state: LadderState, _ command: LadderCommand, member: MemberID, rulebook: LadderRulebook, on day: Day
    ) -> Result<[LadderEvent], LadderRefusal> {
        let deciding = LadderDeciding(state: state, rulebook: rulebook, day: day)
        do {
            let events = try deciding.run(command)
            guard state.opened == nil else { return .success(events) }
            return .success(
                [.opened(LadderOpened(rulebook: rulebook.id, version: rulebook.version, member: member))] + events)
        } catch {
            return .failure(error)
        }
    }
}

extension LadderDecider {
    /// The measures whose prerequisites hold on `day`: what the status screen offers next (exceptions aside).
    public static func available(
        _ state: LadderState, rulebook: LadderRulebook, on day: Day
    ) -> [LadderRulebook.Measure] {
        let deciding = LadderDeciding(state: state, rulebook: rulebook, day: day)
        return rulebook.measures.filter { $0.requires.allSatisfy(deciding.holds) }
    }
}

/// One decision; every refusal is a `throw`, so each rule of the text reads as a guard. Every deciding function throws
/// only a `LadderRefusal` (`throws(LadderRefusal)`), so `decide` needs no catch-all.
private struct LadderDeciding {
    let state: LadderState
    let rulebook: LadderRulebook
    let day: Day

    /// The article and words a refusal rests on.
    typealias Ground = (article: String, quote: String)
    var general: Ground { (rulebook.source.article, rulebook.title) }

    func refuse(
        _ ground: Ground, _ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil
    )
        -> LadderRefusal
    {
        LadderRefusal(
            rule: rulebook.rule, article: ground.article, quote: ground.quote, fr: fr, en: en,
            allowed: allowed, allowedEn: allowedEn)
    }

    func run(_ command: LadderCommand) throws(LadderRefusal) -> [LadderEvent] {
        if let opened = state.opened, opened.rulebook != rulebook.id || opened.version != rulebook.version {
            throw refuse(
                general, "ce dossier est tenu sous \(opened.rulebook) v\(opened.version), pas v\(rulebook.version)",
                "this record is kept under \(opened.rulebook) v\(opened.version), not v\(rulebook.version)")
        }
        if let last = state.lastActOn, day < last {
            throw refuse(
                general, "un acte ne peut être daté avant le précédent (\(last.frenchDescription))",
                "an act cannot be dated before the previous one (\(last))",
                allowed: "le \(last.frenchDescription) ou après", allowedEn: "on or after \(last)")
        }
        switch command {
        case .recordIncident(let report): return try incident(report)
        case .takeMeasure(let decision): return try measure(decision)
        case .linkCase(let link): return try linkCase(link)
        }
    }

    func incident(_ r: IncidentReport) throws(LadderRefusal) -> [LadderEvent] {
        let kinds = rulebook.incidents.map(\.id).joined(separator: ", ")
        guard let kindID = r.kind ?? (rulebook.incidents.count == 1 ? rulebook.incidents.first?.id : nil) else {
            throw refuse(
                general, "préciser le type d'incident", "say which kind of incident", allowed: kinds, allowedEn: kinds)
        }
        guard let kind = rulebook.incident(kindID) else {
            throw refuse(
                general, "type d'incident inconnu : \(kindID)", "unknown incident kind: \(kindID)",
                allowed: kinds, allowedEn: kinds)
        }
        let ground = (kind.article, kind.quote)
        if let accepted = kind.channel {
            try check(channel: r.channel, accepted, ground: ground, what: (kind.fr, kind.en))
        }
        if r.facts.isBlank {
            throw refuse(ground, "les faits sont à décrire", "the facts must be described")
        }
        return [
            .incidentRecorded(
                IncidentRecorded(
                    kind: kind.id, channel: r.channel, facts: r.facts, reportedBy: r.reportedBy,
                    number: state.incidents.count + 1))
        ]
    }

    func check(
        channel: LadderRulebook.Channel?, _ accepted: LadderRulebook.Notification, ground: Ground,
        what: (fr: String, en: String)
    ) throws(LadderRefusal) {
        let ground = accepted.quote.map { (ground.article, $0) } ?? ground
        let list = accepted.channels.map(\.fr).joined(separator: " ou ")
        let listEn = accepted.channels.map(\.en).joined(separator: " or ")
        if let channel, !accepted.channels.contains(channel) {
            throw refuse(
                ground, "\(what.fr) : par \(channel.fr) non prévu par le texte",
                "\(what.en): by \(channel.en) is not what the text provides",
                allowed: list, allowedEn: listEn)
        }
        if channel == nil && accepted.required {
            throw refuse(
                ground, "\(what.fr) : indiquer le moyen (\(list))", "\(what.en): say by which means (\(listEn))",
                allowed: list, allowedEn: listEn)
        }
    }

    func measure(_ d: MeasureDecision) throws(LadderRefusal) -> [LadderEvent] {
        guard let m = rulebook.measure(d.measure) else {
            let ids = rulebook.measures.map(\.id).joined(separator: ", ")
            throw refuse(
                general, "mesure inconnue : \(d.measure)", "unknown measure: \(d.measure)", allowed: ids, allowedEn: ids
            )
        }
        let ground = (m.article, m.quote)
        let reasonGiven = !(d.reason?.isBlank ?? true)
        if let e = d.exception {
            guard let exception = m.exceptions.first(where: { $0.id == e }) else {
                let list = m.exceptions.map { "\($0.id) (« \($0.quote) »)" }.joined(separator: ", ")
                throw refuse(
                    ground, "le texte ne prévoit pas l'exception « \(e) » pour « \(m.fr) »",
                    "the text allows no exception \(e) for \(m.en)",
                    allowed: list.isEmpty ? nil : list, allowedEn: list.isEmpty ? nil : list)
            }
            if !reasonGiven {
                throw refuse(
                    (exception.article, exception.quote),
                    "l'exception « \(exception.fr) » exige un motif écrit",
                    "the exception \(exception.en) requires a written reason")
            }
        } else {
            try checkPrerequisites(m, ground)
        }
        try checkSignatures(d, m, ground)
        if m.outcomes.isEmpty, let o = d.outcome {
            throw refuse(
                ground, "« \(m.fr) » n'a pas d'issue à indiquer (\(o))", "\(m.en) has no outcome to state (\(o))")
        }
        if !m.outcomes.isEmpty, !m.outcomes.contains(where: { $0.id == d.outcome }) {
            let list = m.outcomes.map { "\($0.id) (\($0.fr))" }.joined(separator: ", ")
            throw refuse(
                ground, "« \(m.fr) » : indiquer l'issue", "\(m.en): state the outcome",
                allowed: list, allowedEn: m.outcomes.map { "\($0.id) (\($0.en))" }.joined(separator: ", "))
        }
        if let detail = m.detail, d.detail?.isBlank ?? true {
            throw refuse(ground, "« \(m.fr) » : préciser \(detail.fr)", "\(m.en): name \(detail.en)")
        }
        try checkDuration(d, m, ground)
        if let accepted = m.notification { try check(channel: d.channel, accepted, ground: ground, what: (m.fr, m.en)) }
        if m.reasonRequired && !reasonGiven {
            throw refuse(
                ground, "« \(m.fr) » doit être motivé·e : indiquer le motif",
                "\(m.en) must be motivated: give the reason")
        }
        if m.escalation?.procedure != nil, state.incidents.isEmpty {
            throw refuse(ground, "aucun incident à porter dans la plainte", "no incident to put in the complaint")
        }
        return [.measureTaken(d)]
    }

    func checkSignatures(_ d: MeasureDecision, _ m: LadderRulebook.Measure, _ ground: Ground) throws(LadderRefusal) {
        func names(_ roles: [String], _ fr: Bool) -> String {
            roles.map { id in rulebook.role(id).map { fr ? $0.fr : $0.en } ?? id }.joined(
                separator: fr ? " ou " : " or ")
        }
        if let unknown = d.signatures.first(where: { rulebook.role($0.role) == nil }) {
            let list = rulebook.roles.map(\.id).joined(separator: ", ")
            throw refuse(
                ground, "rôle inconnu : \(unknown.role)", "unknown role: \(unknown.role)", allowed: list,
                allowedEn: list)
        }
        let signed = Set(d.signatures.map(\.role))
        if signed.isDisjoint(with: m.decidedBy) {
            throw refuse(
                ground, "« \(m.fr) » est décidé·e par \(names(m.decidedBy, true)) : aucune signature de leur part",
                "\(m.en) is decided by \(names(m.decidedBy, false)): none of them signed",
                allowed: "--by " + m.decidedBy.map { "\($0)=MEMBRE" }.joined(separator: " | "),
                allowedEn: "--by " + m.decidedBy.map { "\($0)=MEMBER" }.joined(separator: " | "))
        }
        if let missing = m.agreementOf.first(where: { !signed.contains($0) }) {
            throw refuse(
                ground, "« \(m.fr) » exige aussi l'accord de : \(names([missing], true))",
                "\(m.en) also needs the agreement of \(names([missing], false))",
                allowed: "--by \(missing)=MEMBRE", allowedEn: "--by \(missing)=MEMBER")
        }
    }

    func checkDuration(_ d: MeasureDecision, _ m: LadderRulebook.Measure, _ ground: Ground) throws(LadderRefusal) {
        switch (m.duration, d.until) {
        case (.none, .some):
            throw refuse(ground, "« \(m.fr) » n'a pas de durée", "\(m.en) has no duration")
        case (.required, nil):
            throw refuse(
                ground, "« \(m.fr) » est temporaire : indiquer son dernier jour (--until)",
                "\(m.en) is temporary: give its last day (--until)")
        case (_, let until?) where until <= day:
            throw refuse(
                ground, "le dernier jour (\(until.frenchDescription)) doit suivre le jour de la mesure",
                "the last day (\(until)) must come after the day of the measure")
        default:
            return
        }
    }

    func checkPrerequisites(_ m: LadderRulebook.Measure, _ ground: Ground) throws(LadderRefusal) {
        let unmet = m.requires.filter { !holds($0) }
        guard !unmet.isEmpty else { return }
        let exceptions = m.exceptions.map { "--exception \($0.id) --reason … (« \($0.quote) »)" }
        throw refuse(
            ground,
            "« \(m.fr) » exige : " + unmet.map { describe($0, fr: true) }.joined(separator: " ; "),
            "\(m.en) requires: " + unmet.map { describe($0, fr: false) }.joined(separator: "; "),
            allowed: exceptions.isEmpty ? nil : exceptions.joined(separator: " ; "),
            allowedEn: exceptions.isEmpty ? nil : exceptions.joined(separator: "; "))
    }

    /// The incidents a condition counts: of its kind, within its period, after entry index `after` when given.
    func counted(_ c: LadderRulebook.Condition, after: Int? = nil) -> Int {
        state.entries.enumerated().filter { index, entry in
            guard case let .incident(d, i) = entry else { return false }
            if let after, index <= after { return false }
            if let kind = c.kind, i.kind != kind { return false }
            if let within = c.within, within.end(from: d) < day { return false }
            return true
        }.count
    }

    func holds(_ c: LadderRulebook.Condition) -> Bool {
        let count = counted(c)
        if let n = c.incidents, count < n { return false }
        if let n = c.repeats, count - 1 < n { return false }
        if let id = c.measure {
            let matching = state.entries.enumerated().compactMap { index, entry -> Int? in
                guard case let .measure(_, m) = entry, m.measure == id else { return nil }
                if let o = c.outcome, m.outcome != o { return nil }
                return index
            }
            if matching.isEmpty { return false }
            if let n = c.incidentsAfter, !matching.contains(where: { counted(c, after: $0) >= n }) { return false }
        }
        if let alternatives = c.anyOf, !alternatives.contains(where: holds) { return false }
        return true
    }

    func describe(_ c: LadderRulebook.Condition, fr: Bool) -> String {
        var parts: [String] = []
        let kind = c.kind.flatMap { rulebook.incident($0) }.map { fr ? " (\($0.fr))" : " (\($0.en))" } ?? ""
        let within = c.within.map { fr ? " sur \($0.fr)" : " within \($0.en)" } ?? ""
        let count = counted(c)
        if let n = c.incidents {
            parts.append(
                fr
                    ? "au moins \(n) incident(s)\(kind)\(within), \(count) à ce jour"
                    : "at least \(n) incident(s)\(kind)\(within), \(count) so far")
        }
        if let n = c.repeats {
            parts.append(
                fr
                    ? "au moins \(n) récidive(s)\(kind)\(within), \(max(0, count - 1)) à ce jour"
                    : "at least \(n) repeat(s)\(kind)\(within), \(max(0, count - 1)) so far")
        }
        if let id = c.measure {
            let m = rulebook.measure(id)
            var s = fr ? "« \(m?.fr ?? id) » au préalable" : "a prior \(m?.en ?? id)"
            if let o = c.outcome, let outcome = m?.outcomes.first(where: { $0.id == o }) {
                s += fr ? " avec l'issue « \(outcome.fr) »" : " with outcome \(outcome.en)"
            }
            if let n = c.incidentsAfter {
                s += fr ? ", suivi·e d'au moins \(n) nouvel incident" : ", followed by at least \(n) new incident(s)"
            }
            parts.append(s)
        }
        if let alternatives = c.anyOf {
            let list = alternatives.map { describe($0, fr: fr) }
            parts.append(
                fr ? "l'un de : " + list.joined(separator: " ou ") : "one of: " + list.joined(separator: " or "))
        }
        return parts.joined(separator: fr ? " et " : " and ")
    }

    func linkCase(_ link: EscalationLink) throws(LadderRefusal) -> [LadderEvent] {
        guard let last = state.measures.last, let m = rulebook.measure(last.measure.measure),
            m.escalation?.procedure == link.procedure
        else {
            throw refuse(
                general, "aucune mesure n'ouvre de procédure \(link.procedure) ici",
                "no measure opens a \(link.procedure) procedure here")
        }
        let escalating = state.escalations(to: link.procedure, through: state.entries.count - 1, rulebook: rulebook)
        if state.links.filter({ $0.procedure == link.procedure }).count >= escalating {
            throw refuse(
                (m.article, m.quote), "la plainte est déjà liée au dossier \(state.links.last?.caseID.rawValue ?? "?")",
                "the complaint is already linked to case \(state.links.last?.caseID.rawValue ?? "?")")
        }
        return [.escalatedToCase(link)]
    }
}
