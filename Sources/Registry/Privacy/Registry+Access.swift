public import Discipline
public import EventLog
import Foundation

/// One record of the log that names a member, and where.
public struct AccessAct: Sendable {
    public var record: EventRecord
    /// The payload's paths holding the member id (`accused.0.id`, `member`, `cell.2`); `stream` when the record is
    /// in the member's own stream or one of their ladder records; `actor` when they recorded it.
    public var fields: [String]
}

/// Everything the register holds about one person (GDPR art. 15 and 20): their member record, every record that
/// names them, and the cases they appear in with their roles there. Texts stay sealed: the renderer reveals them.
public struct AccessReport: Sendable {
    public var member: MemberRecord
    public var acts: [AccessAct]
    /// Each case naming the member, with their roles in it (`accused`, `complainant`, `victim`, `rapporteur`,
    /// `cell`, `named`).
    public var cases: [(id: CaseID, roles: [String])]
}

extension Registry {
    /// What the register holds about `id`: their record, every record of the log that names them (their own stream,
    /// their ladder records, and every act whose payload holds their id, in any stream), and their roles in each case.
    /// An unknown member is ``RegistryError/unknownMember(_:)``.
    public func access(member id: MemberID) throws -> AccessReport {
        guard let found = try member(id) else { throw RegistryError.unknownMember(id) }
        var acts: [AccessAct] = []
        var caseIDs: [CaseID] = []
        var cursor = store.records()
        while let record = try cursor.next() {
            var fields: [String] = []
            if record.stream == Registry.stream(of: id) || Registry.isLadderStream(record.stream, of: id) {
                fields.append("stream")
            }
            if record.event.actor == id.rawValue { fields.append("actor") }
            if let payload = try? JSONSerialization.jsonObject(with: record.payload, options: [.fragmentsAllowed]) {
                Registry.paths(of: id.rawValue, in: payload, at: [], into: &fields)
            }
            guard !fields.isEmpty else { continue }
            acts.append(AccessAct(record: record, fields: fields))
            if record.stream.hasPrefix("case/") {
                let caseID = CaseID(String(record.stream.dropFirst("case/".count)))
                if !caseIDs.contains(caseID) { caseIDs.append(caseID) }
            }
        }
        let cases = try caseIDs.map { caseID -> (id: CaseID, roles: [String]) in
            let state = try loadCase(caseID).state
            var roles: [String] = []
            if state.accusedIDs.contains(id) { roles.append("accused") }
            if state.complainants.contains(where: { $0.id == id }) { roles.append("complainant") }
            if state.victims.contains(where: { $0.id == id }) { roles.append("victim") }
            if state.rapporteur?.rapporteur == id { roles.append("rapporteur") }
            if state.cell.contains(id) { roles.append("cell") }
            if roles.isEmpty { roles.append("named") }
            return (caseID, roles)
        }
        return AccessReport(member: found, acts: acts, cases: cases)
    }

    /// Whether `stream` is one of `id`'s ladder records (`ladder/<rulebook>/<member>`).
    static func isLadderStream(_ stream: String, of id: MemberID) -> Bool {
        let parts = stream.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "ladder" && parts[2] == id.rawValue
    }

    /// The paths in a parsed payload whose value is exactly `id` (sealed objects are not looked into).
    static func paths(of id: String, in value: Any, at path: [String], into found: inout [String]) {
        if let text = value as? String {
            if text == id { found.append(path.isEmpty ? "payload" : path.joined(separator: ".")) }
        } else if let object = value as? [String: Any] {
            if Set(object.keys) == ["alg", "at", "box", "kid", "nonce"] { return }
            for key in object.keys.sorted() {
                if let child = object[key] { paths(of: id, in: child, at: path + [key], into: &found) }
            }
        } else if let array = value as? [Any] {
            for (i, element) in array.enumerated() { paths(of: id, in: element, at: path + [String(i)], into: &found) }
        }
    }
}
