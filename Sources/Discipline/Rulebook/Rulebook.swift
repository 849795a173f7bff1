public import Foundation

/// Every number and choice of a disciplinary procedure, as data.
///
/// The decider never holds a literal 7, 15, 2 or 3: it reads them here, so an amended règlement (Article 9) is a new
/// rulebook version, not a code change. `Rulebook.cle` is the CLE Autistes règlement intérieur of 04/06/2023; its file
/// form (`RulebookDocument.procedure`, `"kind": "procedure"`) is shipped as `cle-autistes-ri.json`, beside the ladders.
public struct Rulebook: Codable, Equatable, Sendable {
    /// Stable id, e.g. `cle-autistes-ri`.
    public var id: String
    /// Version of this rulebook (a case keeps the version in force when it opened, R34).
    public var version: Int
    /// Human title of the source text.
    public var title: String
    /// The text and article the procedure implements.
    public var source: RulebookSource
    /// IANA time zone in which business days are counted.
    public var timeZone: String
    public var deadlines: Deadlines
    public var twoThirds: Threshold
    /// Members in a crisis cell (5.6.9: "3 membres").
    public var cellSize: Int
    /// Recusals each party (accused, victim) may make (5.6.9: "révoquer une seule personne, une seule fois").
    public var recusalsPerParty: Int
    public var judgementCap: JudgementCap
    /// What "aboutir" (R03) means: which act concludes the procedure.
    public var conclusion: ConclusionPoint
    /// Grave-motive categories of Article 5.5.
    public var motives: [Category]
    /// The sanctions and measures the text names.
    public var sanctions: [Category]
    /// Who may record a case's acts; absent: a board member or the case's rapporteur (`Recorder`).
    public var recorders: RecorderPolicy?
    /// The numbers of mediation (5.4) and revocation of a mandate (4.5); absent or partial: CLE's (`pathRules`).
    public var paths: PathRules?
    /// How long personal data is kept (Article 6, 2.3's delay); absent or partial: CLE's (`retentionRules`).
    public var retention: RetentionRules?

    public init(
        id: String, version: Int, title: String, source: RulebookSource, timeZone: String, deadlines: Deadlines,
        twoThirds: Threshold,
        cellSize: Int, recusalsPerParty: Int, judgementCap: JudgementCap, conclusion: ConclusionPoint,
        motives: [Category], sanctions: [Category], recorders: RecorderPolicy? = nil,
        paths: PathRules? = nil, retention: RetentionRules? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.source = source
        self.timeZone = timeZone
        self.deadlines = deadlines
        self.twoThirds = twoThirds
        self.cellSize = cellSize
        self.recusalsPerParty = recusalsPerParty
        self.judgementCap = judgementCap
        self.conclusion = conclusion
        self.motives = motives
        self.sanctions = sanctions
        self.recorders = recorders
        self.paths = paths
        self.retention = retention
    }

    /// Who may record a case's acts under this rulebook.
    public var recorderPolicy: RecorderPolicy { recorders ?? .boardOrRapporteur }

    /// A length of time: "7 jours", "deux mois".
    public struct Period: Codable, Equatable, Sendable {
        public enum Unit: String, Codable, Sendable { case days, months }
        public var length: Int
        public var unit: Unit
        public init(_ length: Int, _ unit: Unit) {
            self.length = length
            self.unit = unit
        }

        /// The last day allowed for something due "within this period after `day`".
        public func end(from day: Day) -> Day {
            switch unit {
            case .days: return day.adding(days: length)
            case .months: return day.adding(months: length)
            }
        }

        /// "7 jours" / "2 mois".
        public var fr: String { unit == .days ? "\(length) jours" : "\(length) mois" }
        public var en: String { unit == .days ? "\(length) days" : "\(length) months" }
    }

    /// The fact a deadline runs from.
    public enum Anchor: String, Codable, Sendable, CaseIterable {
        /// The day the board learned of the facts (given in the complaint).
        case boardLearned
        /// The day the complaint was filed with the board.
        case complaintFiled
        case boardMeeting
        case explanationRequested
        /// The last answer of the accused, or the end of the answer window when they stayed silent.
        case answerOrWindowEnd
        case recusal
        /// The day the summary was sent to the cell (5.6.9: "La date d'envoi du mail marque la fin de l'instruction").
        case instructionEnded
        case judgementSentToBoard
        case decisionLetterReceived
    }

    /// One deadline: how long, and from which fact.
    public struct DeadlineRule: Codable, Equatable, Sendable {
        public var period: Period
        public var from: Anchor
        public init(_ period: Period, from: Anchor) {
            self.period = period
            self.from = from
        }
    }

    /// Every deadline of Article 5.6.
    public struct Deadlines: Codable, Equatable, Sendable {
        /// R02: notify the other board members when an accused holds a mandate (the text gives no delay: same day).
        public var boardNotification: DeadlineRule
        /// R03: the whole procedure.
        public var conclusion: DeadlineRule
        /// R04: the board meeting.
        public var boardMeeting: DeadlineRule
        /// R08: the disciplinary file.
        public var disciplinaryFile: DeadlineRule
        /// R10: the accused's answer window.
        public var answerWindow: DeadlineRule
        /// R12: the summary.
        public var summary: DeadlineRule
        /// R14: the new call after a recusal.
        public var newCallAfterRecusal: DeadlineRule
        /// R18: the cell meeting.
        public var cellMeeting: DeadlineRule
        /// R22: execution by the board.
        public var execution: DeadlineRule
        /// R23: the appeal window of each party.
        public var appeal: DeadlineRule

        public init(
            boardNotification: DeadlineRule, conclusion: DeadlineRule, boardMeeting: DeadlineRule,
            disciplinaryFile: DeadlineRule, answerWindow: DeadlineRule, summary: DeadlineRule,
            newCallAfterRecusal: DeadlineRule, cellMeeting: DeadlineRule, execution: DeadlineRule, appeal: DeadlineRule
        ) {
            self.boardNotification = boardNotification
            self.conclusion = conclusion
            self.boardMeeting = boardMeeting
            self.disciplinaryFile = disciplinaryFile
            self.answerWindow = answerWindow
            self.summary = summary
            self.newCallAfterRecusal = newCallAfterRecusal
            self.cellMeeting = cellMeeting
            self.execution = execution
            self.appeal = appeal
        }

        /// Every deadline with its field name and the rule it implements, in the order of the procedure.
        public var named: [(field: String, rule: RuleID, deadline: DeadlineRule)] {
            [
                ("boardNotification", .R02, boardNotification), ("conclusion", .R03, conclusion),
                ("boardMeeting", .R04, boardMeeting), ("disciplinaryFile", .R08, disciplinaryFile),
                ("answerWindow", .R10, answerWindow), ("summary", .R12, summary),
                ("newCallAfterRecusal", .R14, newCallAfterRecusal), ("cellMeeting", .R18, cellMeeting),
                ("execution", .R22, execution), ("appeal", .R23, appeal)
            ]
        }
    }

    /// A qualified majority such as two-thirds, and what it is a fraction of.
    public struct Threshold: Codable, Equatable, Sendable {
        public enum Base: String, Codable, Sendable {
            /// Ballots cast, blanks included; members who did not vote are left out (3.3).
            case castIncludingBlanks
            /// Every member of the voting body, voting or not.
            case allMembersOfBody
        }
        public var numerator: Int
        public var denominator: Int
        public var base: Base
        public init(numerator: Int, denominator: Int, base: Base) {
            self.numerator = numerator
            self.denominator = denominator
            self.base = base
        }
    }

    /// R17: how many times a member may sit in judgement, and over which span.
    public struct JudgementCap: Codable, Equatable, Sendable {
        public enum Counting: String, Codable, Sendable {
            /// Every judgement the member ever sat in.
            case life
            /// Judgements in cases of the same calendar year (read from the `YYYY-` prefix of the case id).
            case year
        }
        public var max: Int
        public var counting: Counting
        public init(max: Int, counting: Counting) {
            self.max = max
            self.counting = counting
        }
    }

    /// R03: the act that concludes ("aboutir") the procedure.
    public enum ConclusionPoint: String, Codable, Sendable {
        /// The cell's judgement, the referral to the GA, or the stop of R11.
        case judgement
        /// The board's execution of the judgement.
        case execution
    }

    /// A named item of the text: a grave motive or a sanction.
    public struct Category: Codable, Equatable, Sendable {
        public var id: String
        /// The French words of the text.
        public var fr: String
        public var en: String
        /// Where the text names it.
        public var article: String
        public init(id: String, fr: String, en: String, article: String) {
            self.id = id
            self.fr = fr
            self.en = en
            self.article = article
        }
    }

    /// Reads a procedure rulebook from its file form (see `Schemas/rulebook.schema.json`), checking that it is usable.
    public static func load(from data: Data) throws -> Rulebook {
        switch RulebookDocument.load(from: data) {
        case .success(.procedure(let book)): return book
        case .success(.ladder): throw InvalidRulebook(description: "$.kind: a ladder rulebook, not a procedure")
        case .failure(let invalid): throw InvalidRulebook(description: invalid.description)
        }
    }

    /// The file form: `"kind": "procedure"`, sorted keys, pretty-printed, so two equal rulebooks give the same bytes.
    public func jsonData() throws -> Data { try RulebookDocument.procedure(self).jsonData() }

    /// A rulebook whose numbers make no sense (zero cell, 0/3 threshold…) is rejected at load time, not mid-case.
    public struct InvalidRulebook: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Every fault of the procedure's own fields at its JSON path: an empty time zone, numbers that make no sense or
    /// would take day arithmetic near integer limits, duplicate motive or sanction ids. The header both kinds share
    /// (id, title, source, version) is checked by `RulebookDocument.faults`.
    public func faults() -> [RulebookFault] {
        var faults: [RulebookFault] = []
        func fault(_ path: String, _ fr: String, _ en: String) {
            faults.append(RulebookFault(path: path, fr: fr, en: en))
        }
        if timeZone.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fault("$.timeZone", "libellé « timeZone » vide", "empty timeZone label")
        }
        if !(1...1_000).contains(cellSize) {
            fault("$.cellSize", "la cellule compte de 1 à 1000 membres", "cellSize must be between 1 and 1000")
        }
        if !(0...1_000).contains(recusalsPerParty) {
            fault("$.recusalsPerParty", "de 0 à 1000 récusations", "recusalsPerParty must be between 0 and 1000")
        }
        if !(1...1_000_000).contains(judgementCap.max) {
            fault("$.judgementCap.max", "au moins 1 jugement", "judgementCap.max must be at least 1")
        }
        if !(1...1_000).contains(twoThirds.denominator) || twoThirds.numerator < 1
            || twoThirds.numerator > twoThirds.denominator
        {
            fault("$.twoThirds", "une fraction dans ]0, 1]", "twoThirds must be a fraction in (0, 1]")
        }
        // Bounded so day arithmetic on any loaded rulebook stays far from integer limits.
        for (name, _, rule) in deadlines.named where !(0...36_500).contains(rule.period.length) {
            fault("$.deadlines.\(name).period.length", "une durée de 0 à 36500", "a length between 0 and 36500")
        }
        for (path, items) in [("$.motives", motives), ("$.sanctions", sanctions)] {
            if items.isEmpty {
                // No complaint could name a motive, no judgement a sanction (schema: minItems 1).
                let field = path.dropFirst(2)
                fault(
                    path, "la liste « \(field) » est vide : au moins un élément",
                    "the \(field) list is empty: at least one item")
            }
            var seen: Set<String> = []
            for (i, item) in items.enumerated() {
                if item.id.isEmpty { fault("\(path)[\(i)].id", "identifiant vide", "empty id") }
                if !seen.insert(item.id).inserted {
                    fault("\(path)[\(i)].id", "identifiant en double : \(item.id)", "duplicate id: \(item.id)")
                }
                if item.fr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    fault("\(path)[\(i)].fr", "libellé « fr » vide", "empty fr label")
                }
            }
        }
        if let paths { faults += paths.faults() }
        if let retention { faults += retention.faults() }
        return faults
    }

    /// The motive with this id, if the rulebook knows it.
    public func motive(_ id: String) -> Category? { motives.first { $0.id == id } }
    /// The sanction with this id, if the rulebook knows it.
    public func sanction(_ id: String) -> Category? { sanctions.first { $0.id == id } }
}
