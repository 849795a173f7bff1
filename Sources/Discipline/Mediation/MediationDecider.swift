import Foundation

/// What a mediation decider reads beyond its own stream, gathered by the application.
public struct MediationFacts: Equatable, Sendable {
    /// Every member of the roster, as of the day of the act.
    public var members: [MemberID: MemberStanding]
    /// Mediations each member conducted in the other mediations of the register (R30's cap).
    public var interventions: [MemberID: Int]
    public init(members: [MemberID: MemberStanding] = [:], interventions: [MemberID: Int] = [:]) {
        self.members = members
        self.interventions = interventions
    }
}

/// A mediation as rebuilt from its events.
public struct MediationState: Equatable, Sendable {
    public var opening: MediationOpening?
    public var openedOn: Day?
    /// The member called by the board, awaiting their answer.
    public var called: MemberID?
    /// The board's call went unanswered or was declined: the draw may follow (« En cas de non-réponse »).
    public var callFailed = false
    /// The members who declined or did not answer: left out of the draw's pool.
    public var unavailable: [MemberID] = []
    public var announcement: Dated<DrawAnnouncement>?
    public var draw: CellDraw?
    /// The mediator in office: named by the parties, accepted after the board's call, or drawn.
    public var mediator: MemberID?
    public var mediatorSince: Day?
    public var outcome: MediationOutcome?
    public var concludedOn: Day?
    public var lastActOn: Day?

    public init() {}

    /// Something the mediation waits for, as the agenda lists it.
    public struct Pending: Codable, Equatable, Sendable {
        public var labelFr: String
        public var labelEn: String
        public var since: Day
        public var due: Day?
    }

    public var pending: [Pending] {
        guard let openedOn, outcome == nil else { return [] }
        let since = lastActOn ?? openedOn
        if let mediator {
            return [
                Pending(
                    labelFr: "médiation en cours (médiateur \(mediator)) : issue à enregistrer",
                    labelEn: "mediation under way (mediator \(mediator)): outcome to record", since: since, due: nil)
            ]
        }
        if let called {
            return [
                Pending(
                    labelFr: "réponse de \(called) à l'appel du Conseil attendue",
                    labelEn: "\(called)'s answer to the board's call awaited", since: since, due: nil)
            ]
        }
        if let announcement, draw == nil {
            let due = announcement.value.sources.compactMap(\.valuesKnownOn).max()
            return [
                Pending(
                    labelFr: "tirage au sort du médiateur à effectuer", labelEn: "mediator's draw to perform",
                    since: since, due: due)
            ]
        }
        if callFailed {
            return [
                Pending(
                    labelFr: "tirage au sort du médiateur à annoncer (non-réponse)",
                    labelEn: "mediator's draw to announce (no answer)", since: since, due: nil)
            ]
        }
        return [
            Pending(
                labelFr: "médiateur à désigner (par les parties, sinon par le Conseil)",
                labelEn: "mediator to name (by the parties, else by the board)", since: since, due: nil)
        ]
    }
}

/// The mediation decider (Article 5.4, rule R30): `initial`, `decide`, `evolve`. The cap on interventions is read from
/// the rulebook (`pathRules.mediation.cap`).
public enum MediationDecider {
    public static let initial = MediationState()

    public static func evolve(_ state: MediationState, _ dated: DatedMediationEvent) -> MediationState {
        var s = state
        s.lastActOn = dated.on
        switch dated.event {
        case .opened(let o):
            s.opening = o
            s.openedOn = dated.on
        case .mediatorNamed(let n):
            switch n.by {
            case .parties:
                s.mediator = n.mediator
                s.mediatorSince = dated.on
            case .board:
                s.called = n.mediator
            }
        case .mediatorAnswered(let a):
            s.called = nil
            if a.answer == .accepted {
                s.mediator = a.mediator
                s.mediatorSince = dated.on
            } else {
                s.callFailed = true
                s.unavailable.append(a.mediator)
            }
        case .drawAnnounced(let a):
            s.announcement = Dated(on: dated.on, value: a)
        case .drawPerformed(let d):
            s.draw = d
            if let first = d.members(in: s.announcement?.value.pool ?? []).first {
                s.mediator = first
                s.mediatorSince = dated.on
            }
        case .concluded(let o):
            s.outcome = o
            s.concludedOn = dated.on
        }
        return s
    }

    /// Every reason `member` cannot mediate on `day`; empty means eligible. `board` adds the dues of the year.
    public static func exclusions(
        _ member: MemberID, state: MediationState, facts: MediationFacts, rulebook: Rulebook, on day: Day, board: Bool
    ) -> [String] {
        guard let standing = facts.members[member] else { return ["\(member) n'est pas dans la liste des adhésions"] }
        var out: [String] = []
        if !standing.isActive(on: day) { out.append("\(member) a quitté l'association ou a été radié·e") }
        if !standing.isPerson { out.append("\(member) est une association membre") }
        if state.opening?.parties.contains(member) ?? false { out.append("\(member) est partie au conflit") }
        if board && !standing.duesYears.contains(day.year) {
            out.append("\(member) n'est pas à jour de cotisation pour l'année \(day.year)")
        }
        let cap = rulebook.pathRules.mediation?.cap ?? 3
        let done = facts.interventions[member] ?? 0
        if done >= cap { out.append("\(member) a déjà \(done) intervention(s) de médiation sur \(cap) permises") }
        return out
    }

    /// The members a draw chooses from on `day`: eligible for the board's call, and not among those who declined.
    public static func pool(state: MediationState, facts: MediationFacts, rulebook: Rulebook, on day: Day) -> [MemberID]
    {
        facts.members.keys.filter { id in
            !state.unavailable.contains(id)
                && exclusions(id, state: state, facts: facts, rulebook: rulebook, on: day, board: true).isEmpty
        }.sorted()
    }

    public static func decide(
        _ state: MediationState, _ command: MediationCommand, facts: MediationFacts, rulebook: Rulebook, on day: Day
    ) -> Result<[MediationEvent], Refusal> {
        do {
            return .success(try run(state, command, facts: facts, rulebook: rulebook, on: day))
        } catch {
            return .failure(error)
        }
    }

    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R30, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    static func run(
        _ state: MediationState, _ command: MediationCommand, facts: MediationFacts, rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [MediationEvent] {
        if let concluded = state.concludedOn {
            throw Refusal(
                .order, fr: "la médiation est close depuis le \(concluded.frenchDescription)",
                en: "the mediation was concluded on \(concluded)")
        }
        if let last = state.lastActOn, day < last {
            throw Refusal(
                .order, fr: "un acte ne peut être daté avant le précédent (\(last.frenchDescription))",
                en: "an act cannot be dated before the previous one (\(last))",
                allowed: "le \(last.frenchDescription) ou après", allowedEn: "on or after \(last)")
        }
        if case .open = command {
        } else if state.opening == nil {
            throw refuse(
                "aucune médiation ouverte sous cet identifiant", "no mediation was opened under this id",
                allowed: "greffe mediation open", allowedEn: "greffe mediation open")
        }
        switch command {
        case .open(let o): return try open(state, o, facts: facts, on: day)
        case .nameMediator(let n): return try name(state, n, facts: facts, rulebook: rulebook, on: day)
        case .recordAnswer(let a): return try answer(state, a)
        case .announceDraw(let sources): return try announce(state, sources, facts: facts, rulebook: rulebook, on: day)
        case .performDraw(let values): return try perform(state, values)
        case .conclude(let o): return try conclude(state, o)
        }
    }

    static func open(
        _ state: MediationState, _ o: MediationOpening, facts: MediationFacts, on day: Day
    ) throws(Refusal)
        -> [MediationEvent]
    {
        if state.opening != nil {
            throw Refusal(.order, fr: "cette médiation est déjà ouverte", en: "this mediation is already open")
        }
        if Set(o.parties).count < 2 || Set(o.parties).count != o.parties.count {
            throw refuse(
                "une médiation réunit au moins deux parties distinctes (« les parties en conflit »)",
                "a mediation needs at least two distinct parties (« les parties en conflit »)",
                allowed: "--party A --party B", allowedEn: "--party A --party B")
        }
        for p in o.parties {
            guard let standing = facts.members[p], standing.isActive(on: day) else {
                throw refuse(
                    "\(p) n'est pas adhérent·e ce jour : la médiation règle des conflits entre adhérents",
                    "\(p) is not a member that day: mediation settles conflicts between members")
            }
        }
        if o.facts.isBlank {
            throw refuse("décrire le conflit (--facts)", "describe the conflict (--facts)")
        }
        return [.opened(o)]
    }

    static func name(
        _ state: MediationState, _ n: MediatorNaming, facts: MediationFacts, rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [MediationEvent] {
        if let mediator = state.mediator {
            throw refuse(
                "la médiation a déjà son médiateur (\(mediator))",
                "the mediation already has its mediator (\(mediator))")
        }
        if let called = state.called {
            throw refuse(
                "le Conseil attend la réponse de \(called) : enregistrer d'abord sa réponse",
                "the board awaits \(called)'s answer: record it first",
                allowed: "greffe mediation answer … --mediator \(called)",
                allowedEn: "greffe mediation answer … --mediator \(called)")
        }
        if state.announcement != nil {
            throw refuse(
                "un tirage au sort est annoncé : il désigne le médiateur",
                "a draw is announced: it selects the mediator")
        }
        if n.by == .parties && state.callFailed {
            throw refuse(
                "le Conseil a déjà fait appel à un membre : les parties ne désignent plus le médiateur",
                "the board already called a member: the parties no longer name the mediator")
        }
        let reasons = exclusions(
            n.mediator, state: state, facts: facts, rulebook: rulebook, on: day, board: n.by == .board)
        if let first = reasons.first {
            throw refuse(
                first
                    + (n.by == .board
                        ? " (« un membre indépendant du conflit, à jour de cotisation pour l'année en cours »)" : ""),
                "\(n.mediator) cannot mediate: " + reasons.joined(separator: "; "))
        }
        return [.mediatorNamed(n)]
    }

    static func answer(_ state: MediationState, _ a: MediatorAnswer) throws(Refusal) -> [MediationEvent] {
        guard let called = state.called else {
            throw refuse(
                "le Conseil n'a fait appel à personne", "the board has called nobody",
                allowed: "greffe mediation name … --by board", allowedEn: "greffe mediation name … --by board")
        }
        guard called == a.mediator else {
            throw refuse(
                "le Conseil a fait appel à \(called), pas à \(a.mediator)",
                "the board called \(called), not \(a.mediator)")
        }
        return [.mediatorAnswered(a)]
    }

    static func announce(
        _ state: MediationState, _ sources: [EntropySource], facts: MediationFacts, rulebook: Rulebook, on day: Day
    ) throws(Refusal) -> [MediationEvent] {
        if state.mediator != nil || state.called != nil || !state.callFailed {
            throw refuse(
                "le tirage au sort suit la non-réponse du membre appelé par le Conseil (« En cas de non-réponse, un tirage au sort »)",
                "the draw follows the called member's non-answer (« En cas de non-réponse, un tirage au sort »)")
        }
        if state.announcement != nil {
            throw refuse("le tirage est déjà annoncé", "the draw is already announced")
        }
        let members = pool(state: state, facts: facts, rulebook: rulebook, on: day)
        do {
            let announcement = try DrawAnnouncement.announce(
                pool: try DrawPool(members: members), sources: sources, seatsLeft: 1, on: day)
            return [.drawAnnounced(announcement)]
        } catch {
            throw refuse(drawWords(error).fr, drawWords(error).en)
        }
    }

    static func perform(_ state: MediationState, _ values: [[String]]) throws(Refusal) -> [MediationEvent] {
        guard let announcement = state.announcement else {
            throw refuse(
                "aucun tirage annoncé", "no draw announced", allowed: "greffe mediation announce-draw",
                allowedEn: "greffe mediation announce-draw")
        }
        if state.draw != nil { throw refuse("le tirage a déjà eu lieu", "the draw was already performed") }
        do {
            return [.drawPerformed(try CellDraw.perform(announcement.value, values: values))]
        } catch {
            throw refuse(drawWords(error).fr, drawWords(error).en)
        }
    }

    static func conclude(_ state: MediationState, _ o: MediationOutcome) throws(Refusal) -> [MediationEvent] {
        guard state.mediator != nil else {
            throw refuse("pas d'issue avant qu'un médiateur soit désigné", "no outcome before a mediator is in office")
        }
        if o.caseID != nil && o.outcome != .complaint {
            throw refuse(
                "un dossier ne se lie qu'à une issue « plainte »", "a case is linked only to a complaint outcome")
        }
        return [.concluded(o)]
    }

    /// A draw error's words without the crisis cell's rule id (this draw is R30's).
    static func drawWords(_ error: DrawError) -> (fr: String, en: String) {
        func strip(_ s: String) -> String {
            for prefix in ["R15 : ", "R15: "] where s.hasPrefix(prefix) { return String(s.dropFirst(prefix.count)) }
            return s
        }
        return (strip(error.fr), strip(error.message))
    }
}
