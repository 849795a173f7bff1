import Discipline
import Registry

/// `greffe status CASE --json`: machine ids (`step`, `rule`, `ground`, sanction ids), with the step's words in both
/// languages. Keys as documented in docs/cli.md.
struct CaseStatusJSON: Encodable {
    struct Party: Encodable {
        var id: String
        var isMember: Bool
        var holdsMandate: Bool?
    }

    /// `met`, `missed`, `open`, `notStarted` or `expired`, with what each carries.
    struct Status: Encodable {
        var state: String
        var on: String?
        var marginDays: Int?
        var byDays: Int?
        var doneOn: String?
        var daysLeft: Int?

        init(_ s: Deadline.Status) {
            switch s {
            case let .met(on, margin): (state, self.on, marginDays) = ("met", on.description, margin)
            case let .missed(by, done): (state, byDays, doneOn) = ("missed", by, done?.description)
            case let .open(left): (state, daysLeft) = ("open", left)
            case .notStarted: state = "notStarted"
            case let .expired(on): (state, self.on) = ("expired", on.description)
            }
        }
    }

    struct ExplicitDecision: Encodable {
        var on: String
        var matter: String
        var decision: String
        var reason: String
    }

    struct Replacement: Encodable {
        var on: String
        var member: String
        var ground: String
        var reason: String
    }

    struct AppealView: Encodable {
        var on: String
        var by: String
        /// The appellant's grounds, read with the keys (absent when none were given).
        var grounds: String?
    }

    struct Suspension: Encodable {
        var rule: String
        var from: String
        var accused: [String]
        var blockedSpaces: [String]
        var untilFr: String
        var untilEn: String
    }

    struct DeadlineView: Encodable {
        var rule: String
        var labelFr: String
        var labelEn: String
        var status: Status
        var bindsAssociation: Bool
        var from: String?
        var due: String?
    }

    struct RulebookView: Encodable {
        var id: String
        var version: Int
    }

    struct ForecastView: Encodable {
        var concluded: Bool
        var willMiss: Bool
        var limit: String?
        var concludesOn: String?
        var slackDays: Int?
    }

    struct OutcomeView: Encodable {
        var source: String
        var on: String
        var sanctions: [String]
    }

    var `case`: String
    var asOf: String
    var step: String
    var stepFr: String
    var stepEn: String
    var accused: [Party]
    var complainants: [Party]
    var victims: [Party]
    var cell: [String]
    var drawnAwaitingAnswer: [String]
    var explicitDecisions: [ExplicitDecision]
    var cellReplacements: [Replacement]
    var appeals: [AppealView]
    var suspensions: [Suspension]
    var deadlines: [DeadlineView]
    var openedOn: String?
    var rapporteur: String?
    var rulebook: RulebookView
    var forecast: ForecastView
    var outcome: OutcomeView?

    init(_ view: CaseView) {
        let state = view.state, reveal = view.reveal
        func party(_ p: Discipline.Party) -> Party {
            Party(id: p.id.rawValue, isMember: p.isMember, holdsMandate: p.holdsMandate)
        }
        `case` = view.id.rawValue
        asOf = view.asOf.description
        step = state.step.rawValue
        stepFr = state.step.fr
        stepEn = state.step.en
        accused = state.accused.map(party)
        complainants = state.complainants.map(party)
        victims = state.victims.map(party)
        cell = state.cell.map(\.rawValue)
        drawnAwaitingAnswer = state.drawnPending.map(\.rawValue)
        explicitDecisions = state.explicitDecisions.map {
            ExplicitDecision(
                on: $0.on.description, matter: $0.value.matter.rawValue, decision: reveal($0.value.decision),
                reason: reveal($0.value.reason))
        }
        cellReplacements = state.cellReplacements.map {
            Replacement(
                on: $0.on.description, member: $0.value.member.rawValue, ground: $0.value.ground.rawValue,
                reason: reveal($0.value.reason))
        }
        appeals = state.appeals.map {
            AppealView(on: $0.on.description, by: $0.value.by.rawValue, grounds: $0.value.grounds.map { reveal($0) })
        }
        suspensions = state.activeSuspensions(on: view.asOf).map {
            Suspension(
                rule: $0.rule.rawValue, from: $0.from.description, accused: $0.accused.map(\.rawValue),
                blockedSpaces: $0.blockedSpaces.map { reveal($0) }, untilFr: $0.untilFr, untilEn: $0.untilEn)
        }
        deadlines = view.deadlines.map {
            DeadlineView(
                rule: $0.rule.rawValue, labelFr: $0.labelFr, labelEn: $0.labelEn, status: Status($0.status),
                bindsAssociation: $0.bindsAssociation, from: $0.from?.description, due: $0.due?.description)
        }
        openedOn = state.openedOn?.description
        rapporteur = state.rapporteur?.rapporteur.rawValue
        rulebook = RulebookView(id: view.rulebook.id, version: view.rulebook.version)
        let f = view.forecast
        forecast = ForecastView(
            concluded: f.concluded, willMiss: f.willMiss, limit: f.limit?.description,
            concludesOn: f.concludesOn?.description, slackDays: f.slackDays)
        outcome = state.outcome.map {
            OutcomeView(source: $0.source.rawValue, on: $0.on.description, sanctions: $0.sanctions)
        }
    }
}
