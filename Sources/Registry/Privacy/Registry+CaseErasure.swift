public import Discipline
public import EventLog
import Foundation

extension Registry {
    /// Erases the texts of case `id` (Article 6, R35): records `CaseTextsErased` in the case's stream (who asked,
    /// when, why, and the retention rule that made the texts due — no personal data), then destroys the case's key
    /// and compacts the key store as a member's erasure does (``RegisterKeys/destroyKey(of:on:)``), so that the
    /// facts, testimonies, reasons and every text sealed under it — a ladder's facts copied into the complaint
    /// included — can never be read again. The chain, the replay, draws and votes still verify (they never read a
    /// text).
    ///
    /// Refused, nothing written: an unknown case (`unknownCase`), texts already erased, a blank reason, a case not
    /// ended that day, texts still within their retention or kept by a radiation without an `override`
    /// (``CaseTextsEraser``), a recorder the case's rulebook does not allow, a day after today.
    @discardableResult
    public func eraseTexts(
        of id: CaseID, reason: String, requestedBy: MemberID?, override: ErasureOverride? = nil, on day: Day,
        recording: Recording
    ) throws -> [EventRecord] {
        guard try caseExists(id) else { throw RegistryError.unknownCase(id) }
        let loaded = try loadCase(id)
        if loaded.state.textsErased != nil, !store.dryRun,
            case .some = try keys.currentKeyIfAny(of: Registry.stream(of: id))
        {
            // Recorded, but the key store still holds the key (stopped in between): finish the erasure.
            try keys.destroyKey(of: Registry.stream(of: id), on: day)
            forgetCachedTexts()
            return []
        }
        let event = try decideTextsErasure(
            loaded, reason: reason, requestedBy: requestedBy, override: override, on: day, recording: recording)
        let payload = try event.payloadJSON()
        let group = Registry.commandGroup(id, firstVersion: loaded.version + 1)
        let new = envelope(
            type: event.typeName, schemaVersion: event.schemaVersion, on: day, payload: payload,
            recording: recording, correlation: group)
        try willAppend?()
        // No projection entry changes: the case's summary, seats and deadlines are those of its acts (the replay
        // folds the erasure the same way).
        let records = try store.append(to: Registry.stream(of: id), expected: .exactly(loaded.version), events: [new])
        if store.dryRun { return records }
        try keys.destroyKey(of: Registry.stream(of: id), on: day)
        forgetCachedTexts()
        return records
    }

    /// The erasure of case `loaded`'s texts on `day` as ``CaseTextsEraser`` decides it under the retention of the
    /// procedure rulebook in force that day (as `privacy due` reads it), after the checks every case act has (a day
    /// after today, the recorder, a `requestedBy` on the roster). Writes nothing.
    func decideTextsErasure(
        _ loaded: LoadedCase, reason: String, requestedBy: MemberID?, override: ErasureOverride?, on day: Day,
        recording: Recording
    ) throws -> CaseEvent {
        try refuseFutureAct(on: day, recording, timeZone: loaded.rulebook.timeZone)
        try requireRecorder(recording, case: (loaded.state, loaded.rulebook), on: day)
        if let requestedBy, try member(requestedBy) == nil { throw RegistryError.unknownMember(requestedBy) }
        let book = try procedureRulebooks().inForce(on: day)
        switch CaseTextsEraser.decide(
            loaded.state, reason: reason, requestedBy: requestedBy, override: override, rulebook: book, on: day)
        {
        case .success(let event): return event
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
    }
}
