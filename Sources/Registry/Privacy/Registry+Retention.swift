public import Discipline
public import EventLog
import Foundation

/// What `privacy due --apply` did with one item due.
public struct RetentionApplied: Sendable {
    public var item: ErasureDue
    /// The records written: the member's `MemberErased`, or the case's `CaseTextsErased`.
    public var records: [EventRecord]
}

extension Registry {
    /// Article 6's retention on `asOf`: who and what must be erased that day and why, and what is kept and why
    /// (``RetentionDecider``), from the roster, every case as it stood that day, and the procedure rulebook in force.
    public func retentionReview(asOf day: Day) throws -> RetentionReview {
        let roster = try members()
        var resigned: Set<MemberID> = []
        for member in roster where member.departedOn != nil && member.erasedOn == nil {
            if try store.readStream(Registry.stream(of: member.id)).contains(where: { $0.type == "MemberResigned" }) {
                resigned.insert(member.id)
            }
        }
        let cases = try caseIndex().map { summary in
            RetentionDecider.CaseFacts(id: summary.id, state: try loadCase(summary.id, asOf: day).state)
        }
        // The retention of the procedure rulebook in force that day (an adopted version may set its own, R34).
        return RetentionDecider.review(
            members: roster, cases: cases, rulebook: try procedureRulebooks().inForce(on: day),
            asOf: day, resigned: resigned)
    }

    /// Erases everything due on `asOf`, each as one recorded act dated `asOf` whose reason is the ground: each member
    /// (``erase(member:reason:requestedBy:on:recording:)``), then each case's texts
    /// (``eraseTexts(of:reason:requestedBy:override:on:recording:)``). Every case erasure is decided before anything
    /// is written, so that a refusal (a day after today, a recorder the case's rulebook does not allow) writes nothing.
    public func applyRetention(asOf day: Day, recording: Recording) throws -> [RetentionApplied] {
        let review = try retentionReview(asOf: day)
        // Check once before writing anything: an act dated after today is refused whole.
        try refuseFutureAct(on: day, recording)
        for item in review.due {
            guard case .caseTexts(let id) = item.subject else { continue }
            _ = try decideTextsErasure(
                try loadCase(id), reason: Registry.retentionReason(item), requestedBy: nil, override: nil, on: day,
                recording: recording)
        }
        var applied: [RetentionApplied] = []
        for item in review.due {
            let records: [EventRecord]
            switch item.subject {
            case .member(let id):
                records = try erase(
                    member: id, reason: Registry.retentionReason(item), requestedBy: nil, on: day, recording: recording)
            case .caseTexts(let id):
                records = try eraseTexts(
                    of: id, reason: Registry.retentionReason(item), requestedBy: nil, on: day, recording: recording)
            }
            applied.append(RetentionApplied(item: item, records: records))
        }
        return applied
    }

    /// The reason an erasure applied by the retention records: « article 6 : » and the ground, which names no one.
    static func retentionReason(_ item: ErasureDue) -> String { "article 6 : " + item.fr }
}

extension ErasureDue {
    /// The agenda's line for this erasure: due from the day the data may no longer be kept, never a party's window.
    public var agendaItem: PathAgendaItem {
        let subject: String
        switch self.subject {
        case .member(let id): subject = "privacy member \(id)"
        case .caseTexts(let id): subject = "privacy case \(id)"
        }
        return PathAgendaItem(
            subject: subject, rule: .R35, labelFr: "effacement dû : " + fr, labelEn: "erasure due: " + en,
            since: since, due: since)
    }
}
