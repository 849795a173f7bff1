public import Foundation

/// A sanction ladder as data: the graduated measures a charter names, who decides them, what must come before, how
/// the person is told, and where a rung escalates to.
///
/// The five seed charters (CLE Autistes 5.2, AALMI §5, coopol §4–5, ACT Alliance « Mise en œuvre », the
/// local-authority charter) are each one of these, shipped as JSON (`Schemas/rulebook.schema.json`, `"kind": "ladder"`). The
/// decider (`LadderDecider`) holds no rung, count or article of its own: everything it checks is read here.
public struct LadderRulebook: Codable, Equatable, Sendable {
    /// Stable id, e.g. `cle-5.2`; also part of the stream id of every record kept under it.
    public var id: String
    /// Version of this rulebook; a record keeps the version in force when it opened.
    public var version: Int
    /// Human title of the organisation's text.
    public var title: String
    /// The rule id refusals are filed under (`R29` for CLE 5.2; a short label for the other charters).
    public var rule: String
    /// The source document and the part of it this ladder implements.
    public var source: Source
    /// IANA time zone in which business days are counted.
    public var timeZone: String
    /// The bodies or persons who decide or must agree.
    public var roles: [Role]
    /// What can be recorded against (or, for a request, by) a person.
    public var incidents: [IncidentKind]
    /// The rungs, in the order the text gives them.
    public var measures: [Measure]

    public init(
        id: String, version: Int, title: String, rule: String, source: Source, timeZone: String,
        roles: [Role], incidents: [IncidentKind], measures: [Measure]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.rule = rule
        self.source = source
        self.timeZone = timeZone
        self.roles = roles
        self.incidents = incidents
        self.measures = measures
    }

    /// Where the ladder comes from: the seed file and its article or section.
    public typealias Source = RulebookSource

    /// Something the text names, with its French and English words: a body or person of the organisation (« les
    /// administrateurs », « le référent »…), or the outcome a measure states (a dialogue reaches an agreement or not).
    public struct Named: Codable, Equatable, Sendable {
        public var id: String
        public var fr: String
        public var en: String
        public init(id: String, fr: String, en: String) {
            self.id = id
            self.fr = fr
            self.en = en
        }
    }

    /// A body or person who decides or must agree.
    public typealias Role = Named
    /// A named result a measure must state.
    public typealias Outcome = Named

    /// How a person is told, or how a request arrives.
    public enum Channel: String, Codable, Sendable, CaseIterable {
        case phone, email, privateTicket, privateMessage, inPerson, letter, platform

        public var fr: String {
            switch self {
            case .phone: "appel téléphonique"
            case .email: "courriel"
            case .privateTicket: "ticket privé"
            case .privateMessage: "message privé"
            case .inPerson: "en personne"
            case .letter: "courrier"
            case .platform: "sur la plateforme"
            }
        }
        public var en: String {
            switch self {
            case .phone: "phone call"
            case .email: "email"
            case .privateTicket: "private ticket"
            case .privateMessage: "private message"
            case .inPerson: "in person"
            case .letter: "letter"
            case .platform: "on the platform"
            }
        }
    }

    /// Which channels are accepted, and whether one must be given.
    public struct Notification: Codable, Equatable, Sendable {
        public var channels: [Channel]
        public var required: Bool
        /// The words of the text on the means, when it says them apart from the measure.
        public var quote: String?
        public init(channels: [Channel], required: Bool, quote: String? = nil) {
            self.channels = channels
            self.required = required
            self.quote = quote
        }
    }

    /// A kind of incident: a breach, an abuse report, a request.
    public struct IncidentKind: Codable, Equatable, Sendable {
        public var id: String
        public var fr: String
        public var en: String
        public var article: String
        /// The words of the text, verbatim.
        public var quote: String
        /// How it must reach the organisation (the local authority: « en envoyant un mail »).
        public var channel: Notification?
        /// The measure that answers it; until then it is pending (a removal request awaits the referent's answer).
        public var awaits: String?
        public init(
            id: String, fr: String, en: String, article: String, quote: String,
            channel: Notification? = nil, awaits: String? = nil
        ) {
            self.id = id
            self.fr = fr
            self.en = en
            self.article = article
            self.quote = quote
            self.channel = channel
            self.awaits = awaits
        }
    }

    /// How long a measure lasts: not at all, for a set time if one is given (else for good), or always for a set time.
    public enum Duration: String, Codable, Sendable {
        case none, optional, required
    }

    /// A case the text lets a measure be taken without its prerequisites; the reason must then be given.
    public struct Exception: Codable, Equatable, Sendable {
        public var id: String
        public var fr: String
        public var en: String
        public var article: String
        public var quote: String
        public init(id: String, fr: String, en: String, article: String, quote: String) {
            self.id = id
            self.fr = fr
            self.en = en
            self.article = article
            self.quote = quote
        }
    }

    /// What a rung leads to: another measure now owed, or another procedure opened (CLE 5.2 → 5.6).
    public struct Escalation: Codable, Equatable, Sendable {
        /// A measure of this rulebook that becomes due.
        public var measure: String?
        /// Only when the measure ended with this outcome.
        public var outcome: String?
        /// The id of another procedure's rulebook (`cle-autistes-ri`): a complaint opens a case under it.
        public var procedure: String?
        /// For a procedure: the grave-motive ids of the complaint, and how it is filed.
        public var motives: [String]?
        public var channel: Channel?
        public init(
            measure: String? = nil, outcome: String? = nil, procedure: String? = nil, motives: [String]? = nil,
            channel: Channel? = nil
        ) {
            self.measure = measure
            self.outcome = outcome
            self.procedure = procedure
            self.motives = motives
            self.channel = channel
        }
    }

    /// One rung.
    public struct Measure: Codable, Equatable, Sendable {
        public var id: String
        public var fr: String
        public var en: String
        public var article: String
        /// The words of the text, verbatim.
        public var quote: String
        /// Roles any one of which may decide.
        public var decidedBy: [String]
        /// Roles whose agreement is also needed, each of them.
        public var agreementOf: [String]
        /// Conditions that must all hold before the measure (a prior measure, a number of repeats…).
        public var requires: [Condition]
        public var exceptions: [Exception]
        public var duration: Duration
        public var notification: Notification?
        /// The decision must be motivated (AALMI: « Cette exclusion motivée »).
        public var reasonRequired: Bool
        /// The result the measure must state, when it has one.
        public var outcomes: [Outcome]
        /// What the measure must name (ACT: the social medium), when it must name something.
        public var detail: Label?
        public var escalation: Escalation?

        public init(
            id: String, fr: String, en: String, article: String, quote: String, decidedBy: [String],
            agreementOf: [String] = [], requires: [Condition] = [], exceptions: [Exception] = [],
            duration: Duration = .none, notification: Notification? = nil, reasonRequired: Bool = false,
            outcomes: [Outcome] = [], detail: Label? = nil, escalation: Escalation? = nil
        ) {
            self.id = id
            self.fr = fr
            self.en = en
            self.article = article
            self.quote = quote
            self.decidedBy = decidedBy
            self.agreementOf = agreementOf
            self.requires = requires
            self.exceptions = exceptions
            self.duration = duration
            self.notification = notification
            self.reasonRequired = reasonRequired
            self.outcomes = outcomes
            self.detail = detail
            self.escalation = escalation
        }
    }

    /// A French and English label.
    public struct Label: Codable, Equatable, Sendable {
        public var fr: String
        public var en: String
        public init(fr: String, en: String) {
            self.fr = fr
            self.en = en
        }
    }

    /// One prerequisite. Every field given must hold; `anyOf` holds when one of its conditions does.
    public struct Condition: Codable, Equatable, Sendable {
        /// At least this many incidents (of `kind`, within `within`).
        public var incidents: Int?
        /// At least this many repeats: incidents after the first (« récidive »).
        public var repeats: Int?
        /// Only incidents of this kind count.
        public var kind: String?
        /// Only incidents recorded within this period before the measure count.
        public var within: Rulebook.Period?
        /// This measure was taken before…
        public var measure: String?
        /// …with this outcome…
        public var outcome: String?
        /// …and at least this many incidents were recorded after it (AALMI: « récidive après avertissement »).
        public var incidentsAfter: Int?
        public var anyOf: [Condition]?

        public init(
            incidents: Int? = nil, repeats: Int? = nil, kind: String? = nil, within: Rulebook.Period? = nil,
            measure: String? = nil, outcome: String? = nil, incidentsAfter: Int? = nil,
            anyOf: [Condition]? = nil
        ) {
            self.incidents = incidents
            self.repeats = repeats
            self.kind = kind
            self.within = within
            self.measure = measure
            self.outcome = outcome
            self.incidentsAfter = incidentsAfter
            self.anyOf = anyOf
        }
    }

    public func measure(_ id: String) -> Measure? { measures.first { $0.id == id } }
    public func incident(_ id: String) -> IncidentKind? { incidents.first { $0.id == id } }
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
}

extension LadderRulebook.Measure {
    /// Measures with no `duration`, `exceptions`… in their JSON read as the defaults.
    enum CodingKeys: String, CodingKey {
        case id, fr, en, article, quote, decidedBy, agreementOf, requires, exceptions, duration, notification
        case reasonRequired, outcomes, detail, escalation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), fr: try c.decode(String.self, forKey: .fr),
            en: try c.decode(String.self, forKey: .en), article: try c.decode(String.self, forKey: .article),
            quote: try c.decode(String.self, forKey: .quote),
            decidedBy: try c.decode([String].self, forKey: .decidedBy),
            agreementOf: try c.decodeIfPresent([String].self, forKey: .agreementOf) ?? [],
            requires: try c.decodeIfPresent([LadderRulebook.Condition].self, forKey: .requires) ?? [],
            exceptions: try c.decodeIfPresent([LadderRulebook.Exception].self, forKey: .exceptions) ?? [],
            duration: try c.decodeIfPresent(LadderRulebook.Duration.self, forKey: .duration) ?? .none,
            notification: try c.decodeIfPresent(LadderRulebook.Notification.self, forKey: .notification),
            reasonRequired: try c.decodeIfPresent(Bool.self, forKey: .reasonRequired) ?? false,
            outcomes: try c.decodeIfPresent([LadderRulebook.Outcome].self, forKey: .outcomes) ?? [],
            detail: try c.decodeIfPresent(LadderRulebook.Label.self, forKey: .detail),
            escalation: try c.decodeIfPresent(LadderRulebook.Escalation.self, forKey: .escalation))
    }
}

extension LadderRulebook {
    /// The file form (`"kind": "ladder"`, sorted keys, pretty-printed): two equal rulebooks give the same bytes.
    public func jsonData() throws -> Data { try RulebookDocument.ladder(self).jsonData() }

    /// Reads a ladder rulebook file and checks it; a file that does not decode, is a rulebook of another kind, or does
    /// not hold together is refused with the JSON path of every fault found.
    public static func load(
        from data: Data, knownProcedures: Set<String> = [Rulebook.cle.id]
    )
        -> Result<LadderRulebook, InvalidRulebookFile>
    {
        switch RulebookDocument.load(from: data, knownProcedures: knownProcedures) {
        case .success(.ladder(let book)): return .success(book)
        case .success(.procedure):
            return .failure(
                InvalidRulebookFile(faults: [
                    RulebookFault(
                        path: "$.kind", fr: "ce fichier est un règlement de procédure, pas une échelle de sanctions",
                        en: "this file is a procedure rulebook, not a sanction ladder")
                ]))
        case .failure(let invalid): return .failure(invalid)
        }
    }
}
