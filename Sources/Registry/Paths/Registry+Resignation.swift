public import Discipline
public import EventLog
import Foundation

/// What recording a resignation did: the roster event, and the open cases where the member is accused (their
/// Article 5.6.7 step is now due).
public struct ResignationPerformed: Sendable {
    public var event: MemberEvent
    /// The mandates the resignation ended on its day (`MemberMandateEnded`, recorded with it).
    public var mandatesEnded: [MandateRole] = []
    public var records: [EventRecord]
    public var openCasesAsAccused: [CaseID]
}

extension Registry {
    /// Records a member's resignation (Article 2.2, R37), effective on `day`, the day the e-mail was sent.
    @discardableResult
    public func resign(
        _ id: MemberID, via: String, collectiveDecision: String?, on day: Day, recording: Recording,
        dryRun: Bool = false
    ) throws -> ResignationPerformed {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        guard let record = try member(id) else { throw PathError.unknownMember(id) }
        let event: MemberEvent
        switch ResignationDecider.decide(record, via: via, collectiveDecision: collectiveDecision, on: day) {
        case .success(let e): event = e
        case .failure(let refusal): throw RegistryError.refused(refusal)
        }
        let cases = try openCases(accusing: id).map(\.id)
        // The member's open mandates end on the day the resignation takes effect, in the same transaction.
        let endings = ResignationDecider.mandatesEnded(record, on: day)
        let roles = endings.compactMap { event -> MandateRole? in
            if case .mandateEnded(_, let role) = event { return role }
            return nil
        }
        if dryRun {
            return ResignationPerformed(event: event, mandatesEnded: roles, records: [], openCasesAsAccused: cases)
        }
        let records = try recordMembers([id: [event] + endings], on: day, recording: recording)
        return ResignationPerformed(event: event, mandatesEnded: roles, records: records, openCasesAsAccused: cases)
    }

    /// The open cases where `member` is accused and whose departure (5.6.7) is not recorded yet.
    func openCases(accusing member: MemberID, asOf: Day? = nil) throws -> [LoadedCase] {
        try caseIndex().filter { $0.accused.contains(member) }.compactMap { summary in
            let loaded = try loadCase(summary.id, asOf: asOf)
            guard loaded.state.step != .closed, loaded.state.step != .empty,
                !loaded.state.departures.contains(where: { $0.value.member == member })
            else { return nil }
            return loaded
        }
    }

    /// Article 5.6.7 due in every open case whose accused left the association (a resignation, R37, or another
    /// departure): « Si cette personne quitte l'association sans participer à la procédure, celle-ci s'arrête à ce
    /// stade » unless a possible offence keeps it going; the board records which with `greffe accused-left`.
    public func departedAccusedAgenda(asOf: Day? = nil) throws -> [PathAgendaItem] {
        try members().flatMap { record -> [PathAgendaItem] in
            guard let left = record.departedOn, asOf.map({ left <= $0 }) ?? true else { return [] }
            return try openCases(accusing: record.id, asOf: asOf).map { loaded in
                PathAgendaItem(
                    subject: "case \(loaded.id)", rule: .R11,
                    labelFr:
                        "\(record.id), mis·e en cause, a quitté l'association le \(left.frenchDescription) : suite de l'art. 5.6.7 à enregistrer (greffe accused-left \(loaded.id) --member \(record.id))",
                    labelEn:
                        "\(record.id), the accused, left on \(left): record 5.6.7's outcome (greffe accused-left \(loaded.id) --member \(record.id))",
                    since: left, due: left)
            }
        }
    }
}
