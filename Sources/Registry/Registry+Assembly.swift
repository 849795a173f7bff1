public import Discipline
public import EventLog
import Foundation

extension Registry {
    static let assemblyStream = "assembly"

    /// Every GA scheduled, in the order they were scheduled.
    public func assemblies() throws -> [Assembly] {
        try store.readStream(Registry.assemblyStream).map { record in
            let event: AssemblyEvent
            do {
                event = try AssemblyEvent.decode(type: record.type, payload: record.payload)
            } catch {
                throw RegistryError.unreadableEvent(
                    sequence: record.sequence, type: record.type, reason: readingWords(error))
            }
            switch event {
            case .scheduled(let p):
                return Assembly(scheduledOn: try Registry.day(of: record), heldOn: p.heldOn, place: p.place)
            }
        }
    }

    /// Records that the board scheduled a GA on `day`, to be held on `heldOn` (not before `day`). Its agenda is fixed
    /// from `day` on: appeals and referrals that arise later go to the next GA.
    @discardableResult
    public func scheduleAssembly(
        _ scheduled: AssemblyScheduled, on day: Day, recording: Recording
    ) throws -> [EventRecord] {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        if scheduled.heldOn < day {
            throw RegistryError.refused(
                Refusal(
                    .order,
                    fr:
                        "une Assemblée se programme à l'avance : le \(scheduled.heldOn.frenchDescription) précède le \(day.frenchDescription)",
                    en: "a GA is scheduled in advance: \(scheduled.heldOn) is before \(day)"))
        }
        if try assemblies().contains(where: { $0.heldOn == scheduled.heldOn }) {
            throw RegistryError.refused(
                Refusal(
                    .order, fr: "une Assemblée est déjà programmée le \(scheduled.heldOn.frenchDescription)",
                    en: "a GA is already scheduled on \(scheduled.heldOn)"))
        }
        let version = try store.version(of: Registry.assemblyStream)
        let event = AssemblyEvent.scheduled(scheduled)
        return try store.append(
            to: Registry.assemblyStream, expected: .exactly(version),
            events: [
                envelope(
                    type: event.typeName, schemaVersion: AssemblyEvent.schemaVersion, on: day,
                    payload: try event.payloadJSON(), recording: recording)
            ])
    }

    /// The docket of the GA held on `heldOn` (or the next one held on or after `heldOn`): the cases as they stand on
    /// that day. With `asOf`, the register as it stood at the end of that day: the assemblies scheduled by then and
    /// the acts of that day or before (a past docket, for the minutes: the eve of the GA gives what it had to hear,
    /// before its own votes settled the matters).
    public func docket(heldOnOrAfter day: Day, asOf: Day? = nil) throws -> (assembly: Assembly, items: [DocketItem])? {
        let all = try assemblies().filter { assembly in asOf.map { assembly.scheduledOn <= $0 } ?? true }
        guard let assembly = all.filter({ $0.heldOn >= day }).min(by: { $0.heldOn < $1.heldOn }) else { return nil }
        let readOn = min(assembly.heldOn, asOf ?? assembly.heldOn)
        let loaded = try caseIndex().map { try loadCase($0.id, asOf: readOn) }
        let rulebooks = Dictionary(loaded.map { ($0.id, $0.rulebook) }, uniquingKeysWith: { first, _ in first })
        let items = Docket.items(for: assembly, among: all, cases: loaded.map { (id: $0.id, state: $0.state) }) {
            rulebooks[$0] ?? self.rulebook
        }
        return (assembly, items)
    }
}
