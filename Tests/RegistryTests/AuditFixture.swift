import Discipline
import Foundation
import GreffeTestSupport
import Registry
import Testing

@testable import EventLog

/// The repository's docs/examples.
let examplesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/examples")

/// The full sample of scripts/demo.sh through the Registry API, on a fresh store: the roster of
/// docs/examples/adherents.csv, demo-1-instruction.jsonl, the announced RFC 3797 draw, demo-2-jugement.jsonl and the
/// second case (dossier-en-cours.jsonl). With `vote: true` the cell decides by a vote (2 × A, 1 × B) instead of by
/// consensus.
final class AuditFixture {
    let temporary = TemporaryDirectory(prefix: "greffe-audit")
    var directory: String { temporary.path }
    let registry: Registry
    var store: EventStore { registry.store }
    /// A fixed instant (the same bytes on every run); "today" is later than every act the fixture records.
    static let clerk = Recording(
        actor: "M0001", recordedAt: Date(timeIntervalSince1970: 1_767_600_000),
        today: Day(year: 2026, month: 12, day: 31))
    static let voteLine =
        #"{"case":"2026-001","on":"2026-02-14","as":"M0002","command":{"type":"cell.vote","commandId":"demo-19","proposals":[{"id":"A","sanctions":["warning"]},{"id":"B","sanctions":["mediation"]}],"ballots":[{"member":"M0012","option":"A"},{"member":"M0001","option":"A"},{"member":"M0009","option":"B"}]}}"#

    /// Every person of the sample roster: id, name, email.
    let roster: [[String]]

    /// With `drawSchema1`, the draw is recorded as a store written before the compact draw payload holds it.
    let drawSchema1: Bool

    init(vote: Bool = false, drawSchema1: Bool = false) throws {
        self.drawSchema1 = drawSchema1
        registry = Registry(store: try EventStore.create(at: temporary.path + "/store"))
        let csv = try String(contentsOf: examplesDirectory.appendingPathComponent("adherents.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { AuditFixture.cells(String($0)) }
        roster = Array(rows.dropFirst())
        try registry.importRoster(header: rows[0], rows: roster, on: d("2026-01-02"), recording: Self.clerk)
        try apply("demo-1-instruction.jsonl")
        try draw()
        try apply("demo-2-jugement.jsonl", vote: vote)
        try apply("dossier-en-cours.jsonl")
        #expect(try registry.projectionsFromLog() == registry.storedProjections())
    }

    /// One row of the sample CSV: `;`-separated, double quotes around cells that hold a `;`.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        for c in line {
            switch c {
            case "\"": quoted.toggle()
            case ";" where !quoted:
                cells.append(current)
                current = ""
            default: current.append(c)
            }
        }
        return cells + [current]
    }

    struct Line: Decodable {
        var `case`: CaseID
        var on: Day
        var `as`: String
        var command: CaseCommand
    }

    func apply(_ file: String, vote: Bool = false) throws {
        let text = try String(contentsOf: examplesDirectory.appendingPathComponent(file), encoding: .utf8)
        for raw in text.split(separator: "\n") where !raw.isEmpty {
            let json = vote && raw.contains("\"cell.consensus\"") ? Self.voteLine : String(raw)
            let line = try JSONDecoder().decode(Line.self, from: Data(json.utf8))
            try registry.perform(
                line.command, in: line.case, on: line.on,
                recording: Recording(actor: line.as, recordedAt: Self.clerk.recordedAt, today: Self.clerk.today))
        }
    }

    /// The draw of scripts/demo.sh: announced on 5 February, performed with the Loto of 7 February.
    func draw() throws {
        let id = CaseID("2026-001")
        let state = try registry.loadCase(id).state
        let context = try registry.caseContext(for: id, on: d("2026-02-05"))
        let announcement = try DrawAnnouncement.announce(
            pool: try DrawPool(
                members: state.cellPool(context: context, on: d("2026-02-05"), rulebook: registry.rulebook)),
            sources: [
                EntropySource(
                    description: "Loto FDJ du samedi 7 février 2026 : les 5 numéros", valuesKnownOn: d("2026-02-07"))
            ],
            seatsLeft: registry.rulebook.cellSize - state.cell.count, on: d("2026-02-05"))
        try registry.perform(
            .announceDraw(announcement, commandId: nil), in: id, on: d("2026-02-05"), recording: Self.clerk)
        let draw = try CellDraw.perform(announcement, values: [["3", "11", "17", "25", "38"]])
        guard drawSchema1 else {
            try registry.perform(.performDraw(draw, commandId: nil), in: id, on: d("2026-02-07"), recording: Self.clerk)
            return
        }
        let stream = Registry.stream(of: id)
        let event = NewEvent(
            type: "DrawPerformed", schemaVersion: 1, occurredOn: "2026-02-07", recordedAt: 1_767_600_000_000,
            actor: Self.clerk.actor, correlationId: id.rawValue,
            payload: try Self.schema1Payload(draw, pool: announcement.pool))
        try store.append(to: stream, expected: .exactly(try store.version(of: stream)), events: [event])
        try rebuildProjections()
    }

    /// `draw` as schema version 1 of `DrawPerformed` recorded it: the pool, and every RFC 3797 step with its digest.
    static func schema1Payload(_ draw: CellDraw, pool: [MemberID]) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(draw)) as? [String: Any])
        object["order"] = nil
        object["poolSize"] = nil
        object["pool"] = pool.map(\.rawValue)
        object["steps"] = RFC3797.selectionOrder(poolSize: pool.count, key: draw.keyString, count: pool.count).map {
            step in
            [
                "index": step.index, "digestHex": step.digestHex, "remaining": step.remaining,
                "valueModRemaining": step.valueModRemaining, "position": step.position, "selected": step.selected
            ]
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    // MARK: Alterations behind the log's back, through LMDB

    func raw(_ sequence: UInt64) throws -> [UInt8] {
        try #require(try store.env.read { try $0.get(store.records, .bigEndian(sequence)) })
    }

    func overwrite(_ sequence: UInt64, _ value: [UInt8]) throws {
        try store.env.write { try $0.put(store.records, .bigEndian(sequence), value) }
    }

    func delete(_ sequence: UInt64) throws {
        _ = try store.env.write { try $0.delete(store.records, .bigEndian(sequence)) }
    }

    /// The first record of a type.
    func first(_ type: String) throws -> EventRecord {
        var cursor = store.records(from: 1)
        while let record = try cursor.next() { if record.type == type { return record } }
        throw RegistryError.unknownCase(CaseID(type))
    }

    /// Appends `event` to the stream of `original` with the same envelope, through the log's own append (consistent
    /// hashes) but without the decider, then rebuilds the projections: only the audit's semantic checks can object.
    func appendBypassingTheDecider(_ event: CaseEvent, like original: EventRecord) throws -> EventRecord {
        var envelope = original.event
        envelope.payload = try event.payloadJSON()
        let appended = try store.append(
            to: original.stream, expected: .exactly(try store.version(of: original.stream)), events: [envelope])
        try rebuildProjections()
        return try #require(appended.first)
    }

    /// Replaces every stored projection by the replay of the log (what a careful forger does after a change).
    func rebuildProjections() throws { try registry.rebuildProjections() }
}
