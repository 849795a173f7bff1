public import Discipline
public import EventLog
import Foundation

/// What a ladder act can fail with, besides the event log's errors and a refused Article 5.6 complaint.
public enum LadderError: Error, Equatable {
    /// The rulebook refuses the act; nothing was written.
    case refused(LadderRefusal)
    /// No rulebook of this id was adopted in this store (`greffe rulebook adopt ID`).
    case notAdopted(String)
    /// The rulebook was adopted after this day: no version of it was in force then (rulebook id, day, first adoption).
    case notInForce(String, on: Day, adoptedOn: Day)
    /// No rulebook is adopted yet and none was named.
    case noRulebook
    /// No shipped rulebook has this id.
    case unknownRulebook(String)
    /// The shipped rulebooks were not found next to the executable (a binary copied without its resource bundle).
    case shippedRulebooksMissing
    /// A rulebook file does not hold together.
    case invalidRulebook(InvalidRulebookFile)
}

/// A person's record under a ladder, as rebuilt from its stream.
public struct LoadedLadder: Sendable {
    public var member: MemberID
    /// The rulebook version the record is evaluated under: the one in force when it opened (or the latest adopted,
    /// for a record not opened yet).
    public var rulebook: LadderRulebook
    public var state: LadderState
    /// The stream version: the expected version of the next append.
    public var version: UInt64
    public var events: [DatedLadderEvent]
}

/// One line of the ladder index kept inline with the log, for the agenda and the status screens.
public struct LadderSummary: Codable, Equatable, Sendable {
    public var rulebook: String
    public var version: Int
    public var member: MemberID
    public var openedOn: Day?
    public var lastActOn: Day?
    public var incidents: Int
    public var lastMeasure: String?
    public var cases: [CaseID]
    public var pending: [LadderState.Pending]
    /// The stream version this summary was computed at.
    public var streamVersion: UInt64
}

/// Something due or running on a ladder record, as the agenda lists it.
public struct LadderAgendaItem: Codable, Equatable, Sendable {
    public var rulebook: String
    public var member: MemberID
    public var pending: LadderState.Pending
}

extension Registry {
    /// The stream of the organisation's own acts on its rules (adoptions).
    public static let registryStream = "registry"
    static let ladderPrefix = "ladder/"

    /// A person's record under a ladder: `ladder/<rulebook>/<member>`.
    public static func ladderStream(rulebook: String, member: MemberID) -> String {
        ladderPrefix + rulebook + "/" + member.rawValue
    }

    // MARK: Adoption

    /// The adoption a `registry` record holds, if it is one (with its day).
    static func adoption(in record: EventRecord) throws -> (on: Day, rulebook: RulebookDocument)? {
        guard record.type == RulebookAdopted.typeName else { return nil }
        do {
            return (
                try Registry.day(of: record),
                try JSONDecoder().decode(RulebookAdopted.self, from: record.payload).rulebook
            )
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError.unreadableEvent(
                sequence: record.sequence, type: record.type, reason: readingWords(error))
        }
    }

    /// Every rulebook version adopted in this store (ladders and procedures) with the day of its adoption, oldest first.
    public func adoptedDocuments() throws -> [(on: Day, rulebook: RulebookDocument)] {
        try store.readStream(Registry.registryStream).compactMap { try Registry.adoption(in: $0) }
    }

    /// Every ladder rulebook version adopted in this store with the day of its adoption, oldest first.
    public func adoptions() throws -> [(on: Day, rulebook: LadderRulebook)] {
        try adoptedDocuments().compactMap { adoption in adoption.rulebook.ladder.map { (adoption.on, $0) } }
    }

    /// Every ladder rulebook version adopted in this store, oldest first.
    public func adoptedRulebooks() throws -> [LadderRulebook] { try adoptions().map(\.rulebook) }

    /// The procedure rulebooks of this store (R34): `rulebook`, and every version adopted since.
    public func procedureRulebooks() throws -> ProcedureRulebooks {
        let version = try store.version(of: Registry.registryStream)
        if let cached = procedureCache, cached.version == version { return cached.rulebooks }
        var rulebooks = ProcedureRulebooks(base: rulebook)
        for adoption in try adoptedDocuments() {
            if let book = adoption.rulebook.procedure { rulebooks.adopt(book, on: adoption.on) }
        }
        procedureCache = (version, rulebooks)
        return rulebooks
    }

    /// Records the adoption of a ladder rulebook (a first adoption, or a newer version).
    @discardableResult
    public func adopt(_ rulebook: LadderRulebook, on day: Day, recording: Recording) throws -> RulebookAdopted {
        try adopt(.ladder(rulebook), on: day, recording: recording)
    }

    /// Records the adoption of `document` (a first adoption, or a newer version) as an event of the `registry` stream.
    /// A new procedure version applies to the cases opened from its day on; the others keep theirs.
    @discardableResult
    public func adopt(_ document: RulebookDocument, on day: Day, recording: Recording) throws -> RulebookAdopted {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        let version = try store.version(of: Registry.registryStream)
        let adopted = try adoptedDocuments()
        // The procedures a ladder rung may escalate to: the base, those adopted, and the one being adopted.
        let procedures = Set(
            [rulebook.id] + adopted.compactMap(\.rulebook.procedure?.id) + [document.procedure?.id].compactMap { $0 })
        let faults = document.faults(knownProcedures: procedures)
        if !faults.isEmpty { throw LadderError.invalidRulebook(InvalidRulebookFile(faults: faults)) }
        let adoption: RulebookAdopted
        switch document.adoption(on: day, after: adopted, base: rulebook) {
        case .success(let a): adoption = a
        case .failure(let refusal): throw LadderError.refused(refusal)
        }
        // Article 9 (R34): a new version of the procedure in force needs the GA's carried vote on that very text. The
        // base's own text, and a store's first procedure under another id, keep the plain adoption; ladders too.
        if let procedure = document.procedure, procedure != rulebook,
            procedure.id == rulebook.id || adopted.contains(where: { $0.rulebook.procedure != nil }),
            try carriedAmendment(for: document, on: day) == nil
        {
            throw LadderError.refused(
                LadderRefusal(
                    rule: RuleID.R34.rawValue, article: RuleID.R34.article, quote: RulebookDocument.article9,
                    fr:
                        "\(document.id) v\(document.version) n'a pas été adopté par l'Assemblée générale aux deux tiers : proposer la modification (greffe amendment propose), la voter (greffe amendment vote), puis l'adopter",
                    en:
                        "\(document.id) v\(document.version) was not carried by the GA at two-thirds: propose it (greffe amendment propose), vote it (greffe amendment vote), then adopt it"
                ))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let event = envelope(
            type: RulebookAdopted.typeName, schemaVersion: RulebookAdopted.schemaVersion, on: day,
            payload: try encoder.encode(adoption), recording: recording, correlation: document.id)
        try store.append(to: Registry.registryStream, expected: .exactly(version), events: [event])
        return adoption
    }

    /// The rulebook a command names, or the one adopted in this store when none is named.
    public func adoptedRulebookID(_ named: String?) throws -> String {
        let adopted = try adoptedRulebooks()
        if let named {
            guard adopted.contains(where: { $0.id == named }) else { throw LadderError.notAdopted(named) }
            return named
        }
        guard let last = adopted.last else { throw LadderError.noRulebook }
        return last.id
    }

    // MARK: Records

    /// Rebuilds `member`'s record under `rulebookID`, with the rulebook version it is evaluated under: the one it
    /// opened under; for a record not opened yet, the last version adopted on or before `opening` (when given, the
    /// day of the act about to open it), else the last adopted.
    public func loadLadder(
        _ rulebookID: String, member: MemberID, asOf: Day? = nil, opening: Day? = nil
    ) throws
        -> LoadedLadder
    {
        let adoptions = try adoptions().filter { $0.rulebook.id == rulebookID }
        let adopted = adoptions.map(\.rulebook)
        guard let first = adoptions.first else { throw LadderError.notAdopted(rulebookID) }
        var latest = first.rulebook
        if let opening {
            guard first.on <= opening else {
                throw LadderError.notInForce(rulebookID, on: opening, adoptedOn: first.on)
            }
            latest = adoptions.last { $0.on <= opening }?.rulebook ?? first.rulebook
        } else {
            latest = adopted.last ?? first.rulebook
        }
        let records = try store.readStream(Registry.ladderStream(rulebook: rulebookID, member: member))
        var state = LadderDecider.initial
        var events: [DatedLadderEvent] = []
        for record in records {
            let dated = try Registry.datedLadderEvent(record)
            if let asOf, dated.on > asOf { continue }
            state = LadderDecider.evolve(state, dated)
            events.append(dated)
        }
        var inForce = latest
        if let opened = state.opened {
            guard let kept = adopted.first(where: { $0.version == opened.version }) else {
                throw LadderError.notAdopted("\(rulebookID) v\(opened.version)")
            }
            inForce = kept
        }
        return LoadedLadder(
            member: member, rulebook: inForce, state: state, version: UInt64(records.count), events: events)
    }

    static func datedLadderEvent(_ record: EventRecord) throws -> DatedLadderEvent {
        let (on, event) = try dayAndEvent(record, LadderEvent.decode(type:payload:))
        return DatedLadderEvent(on: on, event: event)
    }

    /// What a ladder act recorded: the appended records and, for a rung that escalates, the case it opened.
    public struct LadderPerformed: Sendable {
        public var records: [EventRecord]
        public var openedCase: CaseID?
        /// The rulebook version the record is evaluated under.
        public var rulebook: LadderRulebook
    }

    /// Decides `command` on `member`'s record under `rulebookID` and appends the events with the version read.
    ///
    /// A rung that escalates to the Article 5.6 procedure (CLE 5.2's third repeat) first files the complaint through
    /// `perform(.fileComplaint(…))` in the next free case, then records the measure and the link to that case. A
    /// refusal, of the ladder or of the complaint, writes nothing.
    @discardableResult
    public func performLadder(
        _ command: LadderCommand, member: MemberID, rulebook rulebookID: String, on day: Day, recording: Recording
    ) throws -> LadderPerformed {
        var recording = recording
        recording.commandId = nil
        try requireRecorder(recording, on: day)
        // Rule `person`: a ladder record is about a member on the roster or an outside person created beforehand.
        try requireKnownPerson(member)
        let loaded = try loadLadder(rulebookID, member: member, opening: day)
        try refuseFutureAct(on: day, recording, timeZone: loaded.rulebook.timeZone)
        var events: [LadderEvent]
        switch LadderDecider.decide(loaded.state, command, member: member, rulebook: loaded.rulebook, on: day) {
        case .success(let decided): events = decided
        case .failure(let refusal): throw LadderError.refused(refusal)
        }
        var state = events.reduce(loaded.state) { LadderDecider.evolve($0, DatedLadderEvent(on: day, event: $1)) }
        var openedCase: CaseID?
        if case .takeMeasure(let decision) = command, let measure = loaded.rulebook.measure(decision.measure),
            let escalation = measure.escalation, let procedure = escalation.procedure
        {
            let id = try nextCaseID(year: day.year)
            let facts = try complaint(
                for: state, decision: decision, escalation: escalation, rulebook: loaded.rulebook,
                member: member, on: day)
            // The n-th complaint of this record has a stable command id: run again after a conflict on the ladder
            // stream, the command finds the case it already opened instead of opening a second one.
            let ordinal = state.escalations(to: procedure, through: state.entries.count - 1, rulebook: loaded.rulebook)
            let commandId = Registry.ladderStream(rulebook: rulebookID, member: member) + "#\(procedure)#\(ordinal)"
            switch try perform(.fileComplaint(facts, commandId: commandId), in: id, on: day, recording: recording) {
            case .recorded: openedCase = id
            case .alreadyApplied(_, let sequence):
                openedCase = try caseOpened(atSequence: sequence)
            }
            if let openedCase {
                let link = LadderCommand.linkCase(EscalationLink(procedure: procedure, caseID: openedCase))
                switch LadderDecider.decide(state, link, member: member, rulebook: loaded.rulebook, on: day) {
                case .success(let more):
                    events += more
                    state = more.reduce(state) { LadderDecider.evolve($0, DatedLadderEvent(on: day, event: $1)) }
                case .failure(let refusal): throw LadderError.refused(refusal)
                }
            }
        }
        let stream = Registry.ladderStream(rulebook: rulebookID, member: member)
        // The texts are sealed under the person's key; the projected state is folded from the sealed events.
        var sealedState = loaded.state
        let newEvents = try events.enumerated().map { offset, event in
            let (payload, sealed) = try sealedPayload(
                stream: stream, version: loaded.version + UInt64(offset) + 1, type: event.typeName,
                encode: { try event.payloadJSON(sealer: $0) },
                decode: { try LadderEvent.decode(type: event.typeName, payload: $0) })
            sealedState = LadderDecider.evolve(sealedState, DatedLadderEvent(on: day, event: sealed))
            return envelope(
                type: event.typeName, schemaVersion: LadderEvent.schemaVersion, on: day,
                payload: payload, recording: recording, correlation: stream)
        }
        let finalState = sealedState
        let rulebook = loaded.rulebook
        let records = try store.append(to: stream, expected: .exactly(loaded.version), events: newEvents) {
            writer, appended in
            try Projections.ladderAppended(
                stream, member: member, state: finalState, rulebook: rulebook,
                version: appended.last?.version ?? 0, into: writer)
        }
        return LadderPerformed(records: records, openedCase: openedCase, rulebook: rulebook)
    }

    /// The case whose stream holds the record at `sequence` (a complaint already filed by a retried escalation).
    func caseOpened(atSequence sequence: UInt64) throws -> CaseID? {
        var cursor = store.records(from: sequence, batchSize: 1)
        guard let record = try cursor.next(), record.stream.hasPrefix("case/") else { return nil }
        return CaseID(String(record.stream.dropFirst("case/".count)))
    }

    /// The Article 5.6 complaint a rung files: the deciders are the complainants, the person the accused, the
    /// record's incidents the facts, and the day of the last incident the day the board learned of them.
    func complaint(
        for state: LadderState, decision: MeasureDecision, escalation: LadderRulebook.Escalation,
        rulebook: LadderRulebook, member: MemberID, on day: Day
    ) throws -> ComplaintFacts {
        // The person's texts are copied into the complaint, which the case's key then seals (docs/privacy.md).
        let reveal = try self.reveal()
        let roster = try self.member(member)
        let mandate = roster?.mandates.contains { $0.isInForce(on: day) } ?? false
        let deciders = decision.signatures.filter { s in
            rulebook.measure(decision.measure)?.decidedBy.contains(s.role) ?? false
        }
        var seen: Set<MemberID> = []
        let complainants = deciders.map(\.member).filter { seen.insert($0).inserted }.map {
            Party(id: $0, isMember: true)
        }
        let incidents = state.incidents.map {
            "\($0.incident.number)) \($0.day.frenchDescription) : \(reveal($0.incident.facts))"
        }
        let stream = Registry.ladderStream(rulebook: rulebook.id, member: member)
        let facts =
            "Plainte au titre de l'article \(rulebook.source.article) (\(rulebook.id) v\(rulebook.version), "
            + "dossier \(stream)), \(state.incidents.count) incidents :\n" + incidents.joined(separator: "\n")
            + (decision.reason.map { "\nMotif : " + reveal($0) } ?? "")
        return ComplaintFacts(
            channel: escalation.channel == .email ? .email : .privateTicket, complainants: complainants,
            accused: [Party(id: member, isMember: true, holdsMandate: mandate)], victims: [],
            facts: .clear(facts), motives: escalation.motives ?? [], boardLearnedOn: state.incidents.last?.day ?? day)
    }

    // MARK: Reading for status and agenda

    /// Every ladder record's summary from the inline index, ordered by stream.
    public func ladderIndex() throws -> [LadderSummary] {
        try store.readProjections { reader in
            try reader.entries(prefix: Registry.ladderPrefix).map { try Projections.decode(LadderSummary.self, $0) }
        }
    }

    /// What the ladders are waiting for as of `today`, from the inline index (no replay): removal requests awaiting
    /// the referent's answer, measures owed, complaints to file, and temporary measures that have not ended yet
    /// (one that ended before `today` lifted on its own and is left out). Dated items first, by day.
    public func ladderAgenda(today: Day) throws -> [LadderAgendaItem] {
        Registry.ladderAgenda(try ladderIndex(), today: today)
    }

    /// What the ladders were waiting for on a past `day`: each record folded from its acts dated up to that day (the
    /// index holds only what is waited for now).
    public func ladderAgenda(asOf day: Day) throws -> [LadderAgendaItem] {
        let then = try ladderIndex().map { summary in
            let loaded = try loadLadder(summary.rulebook, member: summary.member, asOf: day)
            var past = summary
            past.pending = loaded.state.pending(rulebook: loaded.rulebook)
            return past
        }
        return Registry.ladderAgenda(then, today: day)
    }

    static func ladderAgenda(_ index: [LadderSummary], today: Day) -> [LadderAgendaItem] {
        index.flatMap { summary in
            summary.pending.filter { p in p.kind != .measureEnds || (p.due.map { $0 >= today } ?? true) }
                .map { LadderAgendaItem(rulebook: summary.rulebook, member: summary.member, pending: $0) }
        }.sorted { a, b in
            (a.pending.due ?? a.pending.since, a.member.rawValue) < (
                b.pending.due ?? b.pending.since, b.member.rawValue
            )
        }
    }

    /// Every ladder record re-decided act by act under the rulebook version it opened under (for `greffe audit`):
    /// the records with findings, by stream. The records are found by reading the log, not the index, so a stream
    /// written behind the registry's back is audited too. Written only through `performLadder`, a store has none.
    public func auditLadders() throws -> [(stream: String, findings: [LadderDecider.AuditFinding])] {
        var streams: [String] = []
        var cursor = store.records(from: 1)
        while let record = try cursor.next() {
            if record.stream.hasPrefix(Registry.ladderPrefix), record.version == 1 { streams.append(record.stream) }
        }
        return try streams.compactMap { stream in
            // ladder/<rulebook>/<member>: rulebook ids have no "/", member ids might.
            let rest = stream.dropFirst(Registry.ladderPrefix.count)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            let rulebook = String(rest[..<slash])
            let member = MemberID(String(rest[rest.index(after: slash)...]))
            let loaded = try loadLadder(rulebook, member: member)
            let findings = LadderDecider.audit(loaded.events, member: member, rulebook: loaded.rulebook)
            return findings.isEmpty ? nil : (stream, findings)
        }
    }

    /// Every ladder record of `member` (under each rulebook adopted), as of `asOf` when given.
    public func ladders(of member: MemberID, asOf: Day? = nil) throws -> [LoadedLadder] {
        let ids = Set(try adoptedRulebooks().map(\.id)).sorted()
        return try ids.map { try loadLadder($0, member: member, asOf: asOf) }.filter { !$0.events.isEmpty }
    }
}

extension Projections {
    static func ladderSummary(
        member: MemberID, state: LadderState, rulebook: LadderRulebook, version: UInt64
    )
        -> LadderSummary
    {
        LadderSummary(
            rulebook: rulebook.id, version: state.opened?.version ?? rulebook.version, member: member,
            openedOn: state.openedOn, lastActOn: state.lastActOn, incidents: state.incidents.count,
            lastMeasure: state.measures.last?.measure.measure, cases: state.links.map(\.caseID),
            pending: state.pending(rulebook: rulebook), streamVersion: version)
    }

    /// Updates the ladder index after an append to a ladder stream.
    static func ladderAppended(
        _ stream: String, member: MemberID, state: LadderState, rulebook: LadderRulebook,
        version: UInt64, into writer: borrowing ProjectionWriter
    ) throws {
        let summary = ladderSummary(member: member, state: state, rulebook: rulebook, version: version)
        try writer.put(stream, Array(try jsonEncoder.encode(summary)))
    }
}

/// Rebuilds the ladder index from the log alone, record by record (for `projectionsFromLog`).
struct LadderReplay {
    var adopted: [String: [Int: LadderRulebook]] = [:]
    var ladders: [String: (member: MemberID, state: LadderState, version: UInt64)] = [:]

    mutating func adopt(_ book: LadderRulebook) { adopted[book.id, default: [:]][book.version] = book }

    /// Takes in a record of a `ladder/` stream; returns false for any other stream.
    mutating func apply(_ record: EventRecord) throws -> Bool {
        guard record.stream.hasPrefix(Registry.ladderPrefix) else { return false }
        let dated = try Registry.datedLadderEvent(record)
        var entry = ladders[record.stream] ?? (MemberID(""), LadderDecider.initial, 0)
        entry.state = LadderDecider.evolve(entry.state, dated)
        if let opened = entry.state.opened { entry.member = opened.member }
        entry.version = record.version
        ladders[record.stream] = entry
        return true
    }

    func projections() throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for (stream, entry) in ladders {
            guard let opened = entry.state.opened, let book = adopted[opened.rulebook]?[opened.version] else {
                continue
            }
            let summary = Projections.ladderSummary(
                member: entry.member, state: entry.state, rulebook: book, version: entry.version)
            out[stream] = Array(try Projections.jsonEncoder.encode(summary))
        }
        return out
    }
}
