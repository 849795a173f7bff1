public import Discipline
public import EventLog
import Foundation

extension Registry {
    /// Withdraws the act record `sequence` of case `id` belongs to (`greffe withdraw`): appends a `RecordWithdrawn`
    /// naming its records, the reason and the recorder, after `Rectification.withdrawal` allowed it. Throws
    /// `unknownCase`, `unknownRecord`, `refused` (nothing written) or `EventStoreError.conflict` (someone wrote in
    /// between: decide again).
    @discardableResult
    public func withdraw(
        _ id: CaseID, record sequence: UInt64, reason: String, recording: Recording
    ) throws -> [EventRecord] {
        try rectify(id, record: sequence, reason: reason, recording: recording) { loaded, today, facts in
            Rectification.withdrawal(
                of: sequence, reason: reason, in: loaded.fold, today: today, facts: facts,
                rulebook: loaded.rulebook)
        }
    }

    /// Corrects the act record `sequence` of case `id` belongs to (`greffe correct`): `command` is that act with the
    /// right values, on `day`. Appends a `RecordCorrected` carrying the corrected events once
    /// `Rectification.correction` decided them and every later act again.
    @discardableResult
    public func correct(
        _ id: CaseID, record sequence: UInt64, reason: String, command: CaseCommand, on day: Day,
        recording: Recording
    ) throws -> [EventRecord] {
        try rectify(id, record: sequence, reason: reason, recording: recording) { loaded, today, facts in
            Rectification.correction(
                of: sequence, reason: reason, command: command, on: day, in: loaded.fold,
                today: today, facts: facts, rulebook: loaded.rulebook)
        }
    }

    /// The command group id the registry writes in a case record's correlation id: the case and the stream version of
    /// the command's first record (docs/storage-format.md).
    static func commandGroup(_ id: CaseID, firstVersion: UInt64) -> String { "\(id.rawValue)#\(firstVersion)" }

    private func rectify(
        _ id: CaseID, record sequence: UInt64, reason: String, recording: Recording,
        decide: (LoadedCase, Day, Rectification.Facts) -> Result<CaseEvent, Refusal>
    ) throws -> [EventRecord] {
        guard try caseExists(id) else { throw RegistryError.unknownCase(id) }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // The domain says so too; said first, before whatever else is wrong with the record named.
            throw RegistryError.refused(
                Refusal(
                    .rectification, fr: "un retrait ou une correction donne sa raison (--reason)",
                    en: "a withdrawal or a correction gives its reason (--reason)"))
        }
        let loaded = try loadCase(id)
        if !loaded.fold.records.contains(where: { $0.sequence == sequence }) {
            guard sequence >= 1, sequence <= (try store.head().sequence) else {
                throw RegistryError.unknownRecord(sequence)
            }
            let owner = try caseOfRecord(sequence)
            throw RegistryError.refused(
                Refusal(
                    .rectification,
                    fr: "l'enregistrement #\(sequence) "
                        + (owner.map { "est du dossier \($0), pas du dossier \(id)" } ?? "n'est pas un acte de dossier"),
                    en: "record #\(sequence) "
                        + (owner.map { "is of case \($0), not of case \(id)" } ?? "is not an act of a case"),
                    allowed: owner.map { "greffe withdraw/correct \($0) --record \(sequence)" },
                    allowedEn: owner.map { "greffe withdraw/correct \($0) --record \(sequence)" }))
        }
        let book = loaded.rulebook
        let today = recording.day(inTimeZone: book.timeZone)
        try requireRecorder(recording, case: (loaded.state, book), on: today)
        // Later acts are decided again with the roster as it stood on their day; the stamps, read before, must still
        // hold when the rectification is written (as for an act).
        let stamps = try factStamps()
        var contexts: [Day: CaseContext] = [:]
        var failure: (any Error)?
        let decided = decide(loaded, today) { day in
            if let known = contexts[day] { return known }
            do {
                let context = try caseContext(for: id, on: day, under: stamps)
                contexts[day] = context
                return context
            } catch {
                failure = failure ?? error
                return CaseContext(caseID: id, members: [:])
            }
        }
        if let failure { throw failure }
        let decidedEvent: CaseEvent
        switch decided {
        case .success(let e): decidedEvent = e
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        let group = Registry.commandGroup(id, firstVersion: loaded.version + 1)
        // The reason and the corrected events' texts are sealed under the case's key, as an act's are, after the
        // decision and before hashing; their `at` names this record and their path in it (`reason`,
        // `events.0.…`). The fold below sees the sealed event, as a reader of the log will.
        let (payload, event) = try sealedPayload(
            stream: Registry.stream(of: id), version: loaded.version + 1, type: decidedEvent.typeName,
            encode: { try decidedEvent.payloadJSON(sealer: $0) },
            decode: { try CaseEvent.decode(type: decidedEvent.typeName, payload: $0) })
        let new = envelope(
            type: event.typeName, schemaVersion: event.schemaVersion, on: today,
            payload: payload, recording: recording, correlation: group)
        try willAppend?()
        let records = try store.append(to: Registry.stream(of: id), expected: .exactly(loaded.version), events: [new]) {
            projections, appended in
            guard try FactStamps(projections.reader) == stamps else { throw RegistryError.factsChanged(caseID: id) }
            guard let record = appended.first else { return }
            var fold = loaded.fold
            fold.fold(CaseRecord(sequence: record.sequence, group: group, dated: DatedEvent(on: today, event: event)))
            try Projections.caseAppended(id, state: fold.state, rulebook: book, last: appended, into: projections)
            if Projections.judgesChanged(from: loaded.state, to: fold.state) {
                let previous = try projections.get(Registry.judgedStampKey).flatMap(JudgedStamp.init)
                let stamp = JudgedStamp(sequence: record.sequence, previous: previous?.sequence ?? 0, caseID: id)
                try projections.put(Registry.judgedStampKey, stamp.bytes)
            }
        }
        caseStateCache.forget(id)
        return records
    }
}
