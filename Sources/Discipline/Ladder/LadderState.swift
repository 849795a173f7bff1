/// A person's record under one ladder rulebook, rebuilt from its events.
public struct LadderState: Equatable, Sendable {
    /// One act of the record, in order.
    public enum Entry: Equatable, Sendable {
        case incident(Day, IncidentRecorded)
        case measure(Day, MeasureDecision)

        public var day: Day {
            switch self {
            case .incident(let d, _), .measure(let d, _): d
            }
        }
    }

    public var opened: LadderOpened?
    public var openedOn: Day?
    public var entries: [Entry] = []
    public var links: [EscalationLink] = []
    public var lastActOn: Day?

    public init() {}

    public var incidents: [(day: Day, incident: IncidentRecorded)] {
        entries.compactMap { if case let .incident(d, i) = $0 { (d, i) } else { nil } }
    }

    public var measures: [(day: Day, measure: MeasureDecision)] {
        entries.compactMap { if case let .measure(d, m) = $0 { (d, m) } else { nil } }
    }

    /// Something the record is waiting for, as the agenda shows it.
    public struct Pending: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// An incident awaits its answer (a removal request awaits the referent's decision).
            case awaitingMeasure
            /// A measure the previous rung made due.
            case measureOwed
            /// A temporary measure ends on its own that day.
            case measureEnds
            /// A rung escalates to another procedure and no case is linked yet.
            case escalationOwed
        }
        public var kind: Kind
        public var measure: String
        public var labelFr: String
        public var labelEn: String
        /// The act it follows.
        public var since: Day
        /// The day it falls due or ends, when there is one.
        public var due: Day?
        public init(kind: Kind, measure: String, labelFr: String, labelEn: String, since: Day, due: Day?) {
            self.kind = kind
            self.measure = measure
            self.labelFr = labelFr
            self.labelEn = labelEn
            self.since = since
            self.due = due
        }
    }

    /// How many measures up to entry `index` escalate to `procedure` (each one owes its own case).
    public func escalations(to procedure: String, through index: Int, rulebook: LadderRulebook) -> Int {
        entries.prefix(max(0, index + 1)).filter { entry in
            guard case let .measure(_, m) = entry else { return false }
            return rulebook.measure(m.measure)?.escalation?.procedure == procedure
        }.count
    }

    /// What is still pending under `rulebook` (the version the record opened under).
    public func pending(rulebook: LadderRulebook) -> [Pending] {
        var out: [Pending] = []
        for (index, entry) in entries.enumerated() {
            let later = entries[(index + 1)...]
            func taken(_ id: String) -> Bool {
                later.contains { if case let .measure(_, m) = $0 { m.measure == id } else { false } }
            }
            switch entry {
            case let .incident(day, incident):
                if let awaits = rulebook.incident(incident.kind)?.awaits, !taken(awaits),
                    let target = rulebook.measure(awaits)
                {
                    out.append(
                        Pending(
                            kind: .awaitingMeasure, measure: awaits,
                            labelFr:
                                "\(target.fr) attendu·e (\(rulebook.incident(incident.kind)?.fr ?? incident.kind) du \(day.frenchDescription))",
                            labelEn:
                                "\(target.en) awaited (\(rulebook.incident(incident.kind)?.en ?? incident.kind) of \(day))",
                            since: day, due: nil))
                }
            case let .measure(day, decision):
                guard let measure = rulebook.measure(decision.measure) else { continue }
                if let until = decision.until {
                    out.append(
                        Pending(
                            kind: .measureEnds, measure: measure.id,
                            labelFr: "fin de : \(measure.fr) (levée d'elle-même le \(until.frenchDescription))",
                            labelEn: "end of: \(measure.en) (lifts on its own on \(until))",
                            since: day, due: until))
                }
                guard let escalation = measure.escalation,
                    escalation.outcome == nil || escalation.outcome == decision.outcome
                else { continue }
                if let next = escalation.measure, !taken(next), let target = rulebook.measure(next) {
                    out.append(
                        Pending(
                            kind: .measureOwed, measure: next, labelFr: "\(target.fr) à faire",
                            labelEn: "\(target.en) to do", since: day, due: nil))
                }
                if let procedure = escalation.procedure,
                    links.filter({ $0.procedure == procedure }).count
                        < escalations(to: procedure, through: index, rulebook: rulebook)
                {
                    out.append(
                        Pending(
                            kind: .escalationOwed, measure: measure.id,
                            labelFr: "plainte à déposer (procédure \(procedure))",
                            labelEn: "complaint to file (procedure \(procedure))", since: day, due: nil))
                }
            }
        }
        return out
    }
}

/// The ladder decider: `initial`, `decide`, `evolve`. Every rung, count and article it checks is read from the
/// rulebook the record opened under.
public enum LadderDecider {
    public static let initial = LadderState()

    public static func evolve(_ state: LadderState, _ dated: DatedLadderEvent) -> LadderState {
        var s = state
        switch dated.event {
        case .opened(let o):
            s.opened = o
            s.openedOn = dated.on
        case .incidentRecorded(let i): s.entries.append(.incident(dated.on, i))
        case .measureTaken(let m): s.entries.append(.measure(dated.on, m))
        case .escalatedToCase(let link): s.links.append(link)
        }
        s.lastActOn = max(s.lastActOn ?? dated.on, dated.on)
        return s
    }

    public static func replay(_ events: [DatedLadderEvent]) -> LadderState { events.reduce(initial, evolve) }
}

extension LadderDecider {
    /// An act of a record that its rulebook version would not produce today from the acts before it.
    public struct AuditFinding: Equatable, Sendable {
        /// Position of the event in the record (0-based).
        public var index: Int
        public var on: Day
        public var typeName: String
        /// Why the act would be refused, or `nil` when it would be decided differently (another rank, another version).
        public var refusal: LadderRefusal?
    }

    /// Re-decides every act of a record, in order, under `rulebook` (the version it opened under) from the state
    /// before it; each act the rulebook would refuse or record differently is a finding. A record written only through
    /// the decider has none.
    public static func audit(_ events: [DatedLadderEvent], member: MemberID, rulebook: LadderRulebook) -> [AuditFinding]
    {
        var state = initial
        var findings: [AuditFinding] = []
        for (index, dated) in events.enumerated() {
            defer { state = evolve(state, dated) }
            let command: LadderCommand
            switch dated.event {
            case .opened(let o):
                if o.rulebook != rulebook.id || o.version != rulebook.version || state.opened != nil {
                    findings.append(
                        AuditFinding(index: index, on: dated.on, typeName: dated.event.typeName, refusal: nil))
                }
                continue
            case .incidentRecorded(let i):
                command = .recordIncident(
                    IncidentReport(kind: i.kind, channel: i.channel, facts: i.facts, reportedBy: i.reportedBy))
            case .measureTaken(let m): command = .takeMeasure(m)
            case .escalatedToCase(let link): command = .linkCase(link)
            }
            switch decide(state, command, member: member, rulebook: rulebook, on: dated.on) {
            case .success(let decided) where decided == [dated.event]:
                continue
            case .success:
                findings.append(AuditFinding(index: index, on: dated.on, typeName: dated.event.typeName, refusal: nil))
            case .failure(let refusal):
                findings.append(
                    AuditFinding(index: index, on: dated.on, typeName: dated.event.typeName, refusal: refusal))
            }
        }
        return findings
    }
}
