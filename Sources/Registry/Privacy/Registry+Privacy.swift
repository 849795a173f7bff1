public import Discipline
public import EventLog
import Foundation

extension Registry {
    /// Erases a member's personal data (Article 6, GDPR art. 17): records `MemberErased` (who asked, when, why — no
    /// personal data) in their stream, then destroys their key and compacts the key store, so that their name,
    /// e-mail and ladder texts can never be read again. The log keeps every record; the chain, the replay, draws and
    /// votes still verify (they never read a text). An unknown member, an already erased one, or a blank reason are
    /// refused and nothing is written.
    @discardableResult
    public func erase(
        member id: MemberID, reason: String, requestedBy: MemberID?, on day: Day, recording: Recording
    )
        throws -> [EventRecord]
    {
        guard let found = try member(id) else {
            // An outside person of the ladders (rule `person`) is erased the same way, in their own stream.
            if let outsider = try outsider(id) {
                return try eraseOutsider(
                    outsider, reason: reason, requestedBy: requestedBy, on: day, recording: recording)
            }
            throw RegistryError.unknownMember(id)
        }
        if found.erasedOn != nil {
            // Recorded, but the key store still holds the key (stopped in between): finish the erasure.
            if case .some = try keys.currentKeyIfAny(of: Registry.stream(of: id)) {
                try keys.destroyKey(of: Registry.stream(of: id), on: day)
                forgetCachedTexts()
                return []
            }
            throw RegistryError.refused(
                Refusal(
                    .R35, fr: "les données de \(id) sont déjà effacées (le \(found.erasedOn?.frenchDescription ?? ""))",
                    en: "the data of \(id) is already erased (on \(found.erasedOn?.description ?? ""))"))
        }
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw RegistryError.refused(
                Refusal(
                    .R35, fr: "un effacement dit pourquoi (--reason) : demande de la personne, fin d'adhésion…",
                    en: "an erasure says why (--reason): the person's request, end of membership…"))
        }
        if let requestedBy, requestedBy != id, try member(requestedBy) == nil {
            throw RegistryError.unknownMember(requestedBy)
        }
        let records = try record(
            .erased(member: id, reason: reason, requestedBy: requestedBy), on: day,
            recording: recording)
        if store.dryRun { return records }
        try keys.destroyKey(of: Registry.stream(of: id), on: day)
        forgetCachedTexts()
        return records
    }

    /// Drops every state kept in memory between commands (case states, roster facts): after an erasure, nothing
    /// read before it survives in this process.
    func forgetCachedTexts() {
        caseStateCache = CaseStateCache()
        rosterFactsCache = nil
    }
}

extension RegisterKeys {
    /// The kid of `subject`'s current key, if the key store has one (no key is made).
    func currentKeyIfAny(of subject: String) throws -> String? {
        guard let store = try keyStore(create: false) else { return nil }
        return try store.get("subject/" + subject).map { String(decoding: $0, as: UTF8.self) }
    }
}
