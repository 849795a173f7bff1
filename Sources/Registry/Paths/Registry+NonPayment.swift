public import Discipline
public import EventLog
import Foundation

/// One member's non-payment procedure for one year's dues (Article 2.3, R38), as the inline index keeps it.
public struct NonPaymentSummary: Codable, Equatable, Sendable {
    public var member: MemberID
    public var year: Int
    public var isAssociation: Bool
    public var noticeOn: Day?
    /// Radiation due (individual) or warning due (association).
    public var due: Day?
    public var warnedOn: Day?
    public var suspendedOn: Day?
    public var radiatedOn: Day?
    public var streamVersion: UInt64

    init(member: MemberID, year: Int, state: NonPaymentState, version: UInt64) {
        self.member = member
        self.year = year
        isAssociation = state.notice?.value.isAssociation ?? false
        noticeOn = state.notice?.on
        due = state.notice?.value.due
        warnedOn = state.warning?.on
        suspendedOn = state.suspendedOn
        radiatedOn = state.radiation?.on
        streamVersion = version
    }
}

/// What a non-payment act recorded (or, in a dry run, would record).
public struct NonPaymentPerformed: Sendable {
    public var member: MemberID
    public var year: Int
    public var events: [NonPaymentEvent]
    public var records: [EventRecord]
}

/// Members convening a general assembly (Article 3.2, R39), as the inline index keeps it.
public struct AssemblyRequestSummary: Codable, Equatable, Sendable {
    public var id: String
    public var requestedOn: Day
    public var request: AssemblyRequest
}

extension Registry {
    static let duesPrefix = "dues/"
    static let assemblyRequestPrefix = "assembly-request/"

    /// `dues/<member>/<year>`: one member's procedure for one year's dues.
    public static func duesStream(_ member: MemberID, year: Int) -> String { duesPrefix + member.rawValue + "/\(year)" }

    static func datedNonPaymentEvent(_ record: EventRecord) throws -> (on: Day, event: NonPaymentEvent) {
        try dayAndEvent(record, NonPaymentEvent.decode(type:payload:))
    }

    /// One member's procedure for `year`, folded from its stream (acts dated up to `asOf` when given).
    public func loadNonPayment(
        _ member: MemberID, year: Int, asOf: Day? = nil
    ) throws -> (state: NonPaymentState, version: UInt64) {
        let records = try store.readStream(Registry.duesStream(member, year: year))
        var state = NonPaymentState()
        for record in records {
            let dated = try Registry.datedNonPaymentEvent(record)
            if let asOf, dated.on > asOf { continue }
            state = NonPaymentDecider.evolve(state, on: dated.on, dated.event)
        }
        return (state, UInt64(records.count))
    }

    /// Every non-payment procedure, from the inline index.
    public func nonPaymentIndex() throws -> [NonPaymentSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.duesPrefix).map { try Projections.decode(NonPaymentSummary.self, $0) }
        }
    }

    /// Decides and records one act of Article 2.3 for `member`. `year`: the dues the procedure is about (a notice
    /// names it; the other acts default to the member's latest procedure). A radiation also records the roster's
    /// `MemberRadiated` in the same transaction.
    @discardableResult
    public func performNonPayment(
        _ command: NonPaymentCommand, member id: MemberID, year requested: Int? = nil, on day: Day,
        recording: Recording, dryRun: Bool = false
    ) throws -> NonPaymentPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        guard let record = try member(id) else { throw PathError.unknownMember(id) }
        let year: Int
        if case .sendNotice(let y) = command {
            year = y
        } else if let given = requested {
            year = given
        } else if let latest = try nonPaymentIndex().filter({ $0.member == id }).map(\.year).max() {
            year = latest
        } else {
            throw RegistryError.refused(
                Refusal(
                    .R38,
                    fr: "aucun avis de renouvellement enregistré pour \(id) (greffe members notice \(id) --year …)",
                    en: "no renewal notice recorded for \(id) (greffe members notice \(id) --year …)"))
        }
        let loaded = try loadNonPayment(id, year: year)
        let board = Set(
            try members().filter { m in
                m.mandates.contains { $0.role == .boardMember && $0.isInForce(on: day) }
                    && (m.departedOn.map { $0 > day } ?? true) && (m.radiatedOn.map { $0 > day } ?? true)
            }.map(\.id))
        let book = try procedureRulebooks().inForce(on: day)
        let events: [NonPaymentEvent]
        switch NonPaymentDecider.decide(loaded.state, command, member: record, board: board, rulebook: book, on: day) {
        case .success(let e): events = e
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        if dryRun || store.dryRun { return NonPaymentPerformed(member: id, year: year, events: events, records: []) }
        let stream = Registry.duesStream(id, year: year)
        let state = events.reduce(loaded.state) { NonPaymentDecider.evolve($0, on: day, $1) }
        let newEvents = try events.map { event in
            envelope(
                type: event.typeName, schemaVersion: NonPaymentEvent.schemaVersion, on: day,
                payload: try event.payloadJSON(), recording: recording, correlation: stream)
        }
        let radiates = events.contains { if case .radiated = $0 { true } else { false } }
        let records = try store.bulk { writer in
            var appended = try writer.append(to: stream, expected: .exactly(loaded.version), events: newEvents)
            let summary = NonPaymentSummary(member: id, year: year, state: state, version: appended.last?.version ?? 0)
            try writer.projections.put(stream, Array(try Projections.jsonEncoder.encode(summary)))
            if radiates {
                // The roster sees the radiation from its day: the member's stream gets `MemberRadiated`.
                let rosterEvent = MemberEvent.radiated(member: id, byCase: nil)
                let memberStream = Registry.stream(of: id)
                var rosterRecord: MemberRecord?
                for stored in try writer.readStream(memberStream) {
                    rosterRecord = MemberRecord.evolve(rosterRecord, try Registry.datedMemberEvent(stored))
                }
                let version = try writer.version(of: memberStream)
                let envelope = envelope(
                    type: rosterEvent.typeName, schemaVersion: MemberEvent.schemaVersion, on: day,
                    payload: try rosterEvent.payloadJSON(), recording: recording, correlation: id.rawValue)
                rosterRecord = MemberRecord.evolve(rosterRecord, DatedMemberEvent(on: day, event: rosterEvent))
                let radiated = try writer.append(to: memberStream, expected: .exactly(version), events: [envelope])
                appended += radiated
                if let rosterRecord { try Projections.memberChanged(rosterRecord, into: writer.projections) }
                if let last = radiated.last {
                    try writer.projections.put(Registry.rosterStampKey, Array(String(last.sequence).utf8))
                }
            }
            try Projections.noteCommand(recording, appended, into: writer.projections)
            return appended
        }
        return NonPaymentPerformed(member: id, year: year, events: events, records: records)
    }

    /// The individual members whose radiation for non-payment is due on `day`: a first notice older than the delay,
    /// the dues still unpaid, not radiated yet.
    public func radiationsDue(on day: Day) throws -> [NonPaymentSummary] {
        let roster = Dictionary(try members().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try nonPaymentIndex().filter { s in
            guard !s.isAssociation, s.radiatedOn == nil, let due = s.due, due <= day, let record = roster[s.member]
            else { return false }
            if record.duesPaidOn[s.year].map({ $0 <= day }) ?? false { return false }
            if let left = record.departedOn, left <= day { return false }
            if let radiated = record.radiatedOn, radiated <= day { return false }
            return true
        }
    }

    /// Records every radiation for non-payment due on `day` (Article 2.3's « Radiation automatique »): one act each,
    /// never a silent change. A dry run lists them and writes nothing.
    public func applyDueRadiations(
        on day: Day, recording: Recording, dryRun: Bool = false
    ) throws -> [NonPaymentPerformed] {
        try radiationsDue(on: day).map { s in
            try performNonPayment(
                .radiate, member: s.member, year: s.year, on: day, recording: recording, dryRun: dryRun)
        }
    }

    /// What Article 2.3 waits for: radiations due (individuals), warnings due (associations), as of `asOf` or today.
    public func nonPaymentAgenda(asOf: Day? = nil) throws -> [PathAgendaItem] {
        let roster = Dictionary(try members().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try nonPaymentIndex().compactMap { summary -> PathAgendaItem? in
            let s =
                try asOf.map { day in
                    NonPaymentSummary(
                        member: summary.member, year: summary.year,
                        state: try loadNonPayment(summary.member, year: summary.year, asOf: day).state, version: 0)
                } ?? summary
            guard let noticeOn = s.noticeOn, let due = s.due, s.radiatedOn == nil, let record = roster[s.member] else {
                return nil
            }
            let reference = asOf ?? due
            if record.duesPaidOn[s.year].map({ $0 <= reference }) ?? false { return nil }
            if let left = record.departedOn, left <= reference { return nil }
            if s.isAssociation {
                if s.warnedOn == nil {
                    return PathAgendaItem(
                        subject: "dues \(s.member) \(s.year)", rule: .R38,
                        labelFr:
                            "cotisation \(s.year) impayée : avertissement à l'association \(s.member) (greffe members warn \(s.member) --form écrit)",
                        labelEn:
                            "\(s.year) dues unpaid: warning to member association \(s.member) (greffe members warn \(s.member) --form written)",
                        since: noticeOn, due: due)
                }
                guard let suspended = s.suspendedOn else { return nil }
                return PathAgendaItem(
                    subject: "dues \(s.member) \(s.year)", rule: .R38,
                    labelFr:
                        "association \(s.member) suspendue : radiation possible (greffe members radiate \(s.member))",
                    labelEn:
                        "member association \(s.member) suspended: radiation possible (greffe members radiate \(s.member))",
                    since: suspended, due: nil)
            }
            return PathAgendaItem(
                subject: "dues \(s.member) \(s.year)", rule: .R38,
                labelFr: "cotisation \(s.year) impayée : radiation de \(s.member) due (greffe members apply-due)",
                labelEn: "\(s.year) dues unpaid: radiation of \(s.member) due (greffe members apply-due)",
                since: noticeOn, due: due)
        }
    }

    // MARK: Article 3.2 — members convening a general assembly (R39)

    public static func assemblyRequestStream(_ id: String) -> String { assemblyRequestPrefix + id }

    /// Every members' request for a GA, from the inline index.
    public func assemblyRequests() throws -> [AssemblyRequestSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.assemblyRequestPrefix).map {
                try Projections.decode(AssemblyRequestSummary.self, $0)
            }
        }
    }

    /// Records members convening a general assembly (R39): signatories checked against the roster of `day` (on it,
    /// distinct, dues under a year, at least the rulebook's share). The id is the next of the year (`2026-A001`).
    @discardableResult
    public func requestAssembly(
        signatories: [MemberID], motive: AssemblyRequest.Motive, on day: Day, recording: Recording,
        dryRun: Bool = false
    ) throws -> (id: String, request: AssemblyRequest, records: [EventRecord]) {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        if let unknown = try firstUnknownMember(signatories) { throw PathError.unknownMember(unknown) }
        let book = try procedureRulebooks().inForce(on: day)
        let request: AssemblyRequest
        switch AssemblyRequestDecider.decide(
            signatories: signatories, motive: motive, roster: try members(), rulebook: book, on: day)
        {
        case .success(let r): request = r
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        let used = try assemblyRequests().filter { $0.id.hasPrefix("\(day.year)-A") }.count
        let digits = String(used + 1)
        let id = "\(day.year)-A" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        if dryRun || store.dryRun { return (id, request, []) }
        let stream = Registry.assemblyRequestStream(id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let event = envelope(
            type: AssemblyRequest.typeName, schemaVersion: AssemblyRequest.schemaVersion, on: day,
            payload: try encoder.encode(request), recording: recording, correlation: stream)
        let summary = AssemblyRequestSummary(id: id, requestedOn: day, request: request)
        let records = try store.append(to: stream, expected: .exactly(0), events: [event]) { writer, appended in
            try writer.put(stream, Array(try Projections.jsonEncoder.encode(summary)))
            try Projections.noteCommand(recording, appended, into: writer)
        }
        return (id, request, records)
    }

    /// R39 in the agenda: a requested GA the board has not scheduled since the request (due within the delay).
    public func assemblyRequestAgenda(asOf: Day? = nil) throws -> [PathAgendaItem] {
        let scheduled = try assemblies()
        return try assemblyRequests().compactMap { r -> PathAgendaItem? in
            if let asOf, r.requestedOn > asOf { return nil }
            if scheduled.contains(where: { a in
                a.scheduledOn >= r.requestedOn && (asOf.map { a.scheduledOn <= $0 } ?? true)
            }) {
                return nil
            }
            let why =
                r.request.motive == .distrust
                ? ("défiance envers le Conseil", "distrust of the board")
                : ("motif de l'article 15 des statuts", "a motive of Article 15 of the statutes")
            return PathAgendaItem(
                subject: "assembly-request \(r.id)", rule: .R39,
                labelFr:
                    "Assemblée générale demandée par \(r.request.signatories.count) membres (\(why.0)) à convoquer (greffe ga schedule --on JOUR)",
                labelEn:
                    "general assembly requested by \(r.request.signatories.count) members (\(why.1)) to convene (greffe ga schedule --on DAY)",
                since: r.requestedOn, due: r.request.due)
        }
    }
}

/// Rebuilds the non-payment and GA-request indexes from the log (for `projectionsFromLog` and the audit).
struct MembershipPathsReplay {
    var dues: [String: (member: MemberID, year: Int, state: NonPaymentState, version: UInt64)] = [:]
    var requests: [String: AssemblyRequestSummary] = [:]
    /// Suspension votes folded, for the audit's recount.
    var votes: [(sequence: UInt64, vote: SuspensionVote)] = []

    mutating func apply(_ record: EventRecord) throws -> Bool {
        if record.stream.hasPrefix(Registry.duesPrefix) {
            let rest = record.stream.dropFirst(Registry.duesPrefix.count)
            guard let slash = rest.lastIndex(of: "/"), let year = Int(rest[rest.index(after: slash)...]) else {
                throw RegistryError.unreadableEvent(
                    sequence: record.sequence, type: record.type,
                    reason: Words("flux de cotisation mal nommé", "malformed dues stream"))
            }
            let member = MemberID(String(rest[..<slash]))
            let dated = try Registry.datedNonPaymentEvent(record)
            let before = dues[record.stream]?.state ?? NonPaymentState()
            dues[record.stream] = (
                member, year, NonPaymentDecider.evolve(before, on: dated.on, dated.event), record.version
            )
            if case .suspensionVoted(let vote) = dated.event { votes.append((record.sequence, vote)) }
            return true
        }
        if record.stream.hasPrefix(Registry.assemblyRequestPrefix) {
            let id = String(record.stream.dropFirst(Registry.assemblyRequestPrefix.count))
            let day = try Registry.day(of: record)
            do {
                let request = try JSONDecoder().decode(AssemblyRequest.self, from: record.payload)
                requests[record.stream] = AssemblyRequestSummary(id: id, requestedOn: day, request: request)
            } catch {
                throw RegistryError.unreadableEvent(
                    sequence: record.sequence, type: record.type, reason: readingWords(error))
            }
            return true
        }
        return false
    }

    func projections() throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for (stream, entry) in dues {
            let summary = NonPaymentSummary(
                member: entry.member, year: entry.year, state: entry.state, version: entry.version)
            out[stream] = Array(try Projections.jsonEncoder.encode(summary))
        }
        for (stream, summary) in requests { out[stream] = Array(try Projections.jsonEncoder.encode(summary)) }
        return out
    }
}
