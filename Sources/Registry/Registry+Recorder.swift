import Discipline
import EventLog
import Foundation

extension Registry {
    /// Checks who records an act before anything is decided or written.
    ///
    /// The recorder is never empty. Once the roster holds anybody, the recorder is a member on it (exit 66 otherwise);
    /// before the first roster import the register knows nobody, so the first import (and a rulebook adopted at `init`)
    /// is recorded in the name given. A case act is recorded by whom the case's rulebook allows (`Recorder`: by
    /// default a board member that day or the case's rapporteur).
    func requireRecorder(
        _ recording: Recording, case subject: (state: CaseState, rulebook: Rulebook)? = nil, on day: Day
    )
        throws
    {
        if let commandId = recording.commandId {
            // A path act's key: checked like a case act's, and an act already applied under it is not recorded again.
            if PathCommandID.problem(commandId) != nil { throw RegistryError.invalidCommandId(commandId) }
            if let sequence = try appliedSequence(of: commandId) {
                throw CommandAlreadyApplied(commandId: commandId, sequence: sequence)
            }
        }
        let actor = recording.actor
        guard !actor.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RegistryError.refused(
                Refusal(
                    .recorder, fr: "l'acte doit nommer qui l'enregistre", en: "the act must name who records it",
                    allowed: "--as MEMBRE (ou GREFFE_ACTOR)", allowedEn: "--as MEMBER (or GREFFE_ACTOR)"))
        }
        let (rosterExists, record) = try store.readProjections { reader in
            (
                try reader.get(Registry.rosterStampKey) != nil,
                try reader.get(Projections.rosterPrefix + actor).map {
                    try Projections.decode(MemberRecord.self, (Projections.rosterPrefix + actor, $0))
                }
            )
        }
        guard rosterExists else { return }
        guard let record else { throw RegistryError.unknownRecorder(MemberID(actor)) }
        if let subject,
            let refusal = Recorder.refusal(
                actor: record.id, record: record, state: subject.state, on: day, policy: subject.rulebook.recorderPolicy
            )
        {
            throw RegistryError.refused(refusal)
        }
    }
}

/// A path act whose idempotency key (`--id`) was already applied: it is skipped, nothing is written (exit 0).
public struct CommandAlreadyApplied: Error, Equatable {
    public var commandId: String
    /// The last record the key wrote.
    public var sequence: UInt64
}

extension Projections {
    /// Keeps `command/<id>` → the last sequence of a path act recorded with an idempotency key, in the append's
    /// transaction (the replay rebuilds it from the records' causation ids).
    static func noteCommand(
        _ recording: Recording, _ appended: [EventRecord], into writer: borrowing ProjectionWriter
    ) throws {
        if let key = commandKey(causation: recording.commandId ?? ""), let last = appended.last {
            try writer.put(key, Array(String(last.sequence).utf8))
        }
    }
}
