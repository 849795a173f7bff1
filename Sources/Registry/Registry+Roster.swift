public import Discipline
public import EventLog
import Foundation

extension Registry {
    /// Every member on the roster, from the inline projection, ordered by id.
    public func members() throws -> [MemberRecord] {
        try store.readProjections { reader in
            try reader.entries(prefix: Projections.rosterPrefix).map { try Projections.decode(MemberRecord.self, $0) }
        }
    }

    /// The first of `ids` the roster has never held, if any: one key lookup each, not the whole roster.
    public func firstUnknownMember(_ ids: [MemberID]) throws -> MemberID? {
        guard !ids.isEmpty else { return nil }
        return try store.readProjections { reader in
            try ids.first { try reader.get(Projections.rosterPrefix + $0.rawValue) == nil }
        }
    }

    /// Every member's display name, from the roster projection: only that field of each record is read, so a
    /// screen that names people (`greffe status`) does not decode every member's dues and mandates.
    public func displayNames(_ reveal: Reveal) throws -> [MemberID: String] {
        struct Named: Decodable {
            var id: MemberID
            var displayName: Sealed
        }
        return try store.readProjections { reader in
            var names: [MemberID: String] = [:]
            for entry in try reader.entries(prefix: Projections.rosterPrefix) {
                let named = try Projections.decode(Named.self, entry)
                names[named.id] = names[named.id] ?? reveal(named.displayName)
            }
            return names
        }
    }

    /// The display names of `members` only (the others are not read, nor their keys opened): what a screen naming a
    /// few people needs, at the cost of those few whatever the size of the roster.
    public func displayNames(_ reveal: Reveal, of members: Set<MemberID>) throws -> [MemberID: String] {
        struct Named: Decodable {
            var displayName: Sealed
        }
        return try store.readProjections { reader in
            var names: [MemberID: String] = [:]
            for member in members {
                let key = Projections.rosterPrefix + member.rawValue
                guard let bytes = try reader.get(key) else { continue }
                names[member] = reveal(try Projections.decode(Named.self, (key, bytes)).displayName)
            }
            return names
        }
    }

    /// The ids of every member on the roster, read from the projection's keys (no record decoded nor copied).
    public func memberIDs() throws -> [MemberID] {
        try store.readProjections { reader in
            try reader.keys(prefix: Projections.rosterPrefix).map {
                MemberID(String($0.dropFirst(Projections.rosterPrefix.count)))
            }
        }
    }

    /// The ids of every case, read from the case index's keys (no summary decoded nor copied).
    public func caseIDs() throws -> [CaseID] {
        try store.readProjections { reader in
            try reader.keys(prefix: Projections.casePrefix).map {
                CaseID(String($0.dropFirst(Projections.casePrefix.count)))
            }
        }
    }

    /// Whether the case index holds `id` as it is: one key lookup, whatever the number of cases (what naming a case
    /// by its full id costs on the command line).
    public func caseIndexHolds(_ id: CaseID) throws -> Bool {
        try store.readProjections { try $0.get(Projections.casePrefix + id.rawValue) != nil }
    }

    /// Every member id a case's state names (parties, witnesses, the rapporteur, the cell, voters…), the draw pools
    /// aside: the people a screen of that case may name.
    public static func membersNamed(in state: CaseState) -> Set<MemberID> {
        var found = Set<MemberID>()
        MemberIDScan.collect(state, into: &found, skipping: ["pool"])
        found.formUnion(state.drawnPending)
        return found
    }

    /// One member rebuilt from their stream, or `nil` when there is no such member.
    public func member(_ id: MemberID) throws -> MemberRecord? {
        var record: MemberRecord?
        for stored in try store.readStream(Registry.stream(of: id)) {
            record = MemberRecord.evolve(record, try Registry.datedMemberEvent(stored))
        }
        return record
    }

    static func datedMemberEvent(_ record: EventRecord) throws -> DatedMemberEvent {
        let (on, event) = try dayAndEvent(record, MemberEvent.decode(type:payload:))
        return DatedMemberEvent(on: on, event: event)
    }

    /// Records one roster act (a member joins, pays dues, takes or leaves a mandate, leaves…).
    @discardableResult
    public func record(_ event: MemberEvent, on day: Day, recording: Recording) throws -> [EventRecord] {
        try recordMembers([event.member: [event]], on: day, recording: recording)
    }

    /// Applies the events of a roster import (or any set of roster acts) in one transaction: all of them or none.
    @discardableResult
    public func recordMembers(
        _ changes: [MemberID: [MemberEvent]], on day: Day, recording: Recording,
        joinDays: [MemberID: Day] = [:]
    ) throws -> [EventRecord] {
        try refuseFutureAct(on: day, recording)
        try requireRecorder(recording, on: day)
        // The members' keys are made (and committed to the key store) before the log's write transaction opens.
        for (id, events) in changes where !events.isEmpty { _ = try keys.currentKey(of: Registry.stream(of: id)) }
        return try store.bulk { writer in
            var appended: [EventRecord] = []
            for (id, events) in changes.sorted(by: { $0.key < $1.key }) where !events.isEmpty {
                let stream = Registry.stream(of: id)
                var record: MemberRecord?
                for stored in try writer.readStream(stream) {
                    record = MemberRecord.evolve(record, try Registry.datedMemberEvent(stored))
                }
                let version = try writer.version(of: stream)
                // Name and e-mail are sealed under the member's key before hashing; the roster projection keeps
                // the sealed record.
                var sealedEvents: [MemberEvent] = []
                let newEvents = try events.enumerated().map { offset, event in
                    let (payload, sealed) = try sealedPayload(
                        stream: stream, version: version + UInt64(offset) + 1, type: event.typeName,
                        encode: { try event.payloadJSON(sealer: $0) },
                        decode: { try MemberEvent.decode(type: event.typeName, payload: $0) })
                    sealedEvents.append(sealed)
                    // A joining the roster file dates (`Membre depuis`) happened that day, not on the import's.
                    let actDay: Day
                    if case .joined = event, let joined = joinDays[id] { actDay = joined } else { actDay = day }
                    return envelope(
                        type: event.typeName, schemaVersion: MemberEvent.schemaVersion, on: actDay,
                        payload: payload, recording: recording, correlation: id.rawValue)
                }
                for event in sealedEvents {
                    let actDay: Day
                    if case .joined = event, let joined = joinDays[id] { actDay = joined } else { actDay = day }
                    record = MemberRecord.evolve(record, DatedMemberEvent(on: actDay, event: event))
                }
                appended += try writer.append(to: stream, expected: .exactly(version), events: newEvents)
                if let record { try Projections.memberChanged(record, into: writer.projections) }
            }
            if let last = appended.last {
                try writer.projections.put(Registry.rosterStampKey, Array(String(last.sequence).utf8))
            }
            try Projections.noteCommand(recording, appended, into: writer.projections)
            return appended
        }
    }

    /// Imports a roster spreadsheet (header and rows of cells): idempotent, all or nothing. Returns the events
    /// recorded per member (empty when the file changes nothing). A new member gets the register's own id
    /// (``Roster/nextMemberID(taken:from:)``); the file's identifier becomes their sealed `reference`, by which a
    /// later import finds them again.
    @discardableResult
    public func importRoster(
        header: [String], rows: [[String]], on day: Day, recording: Recording
    ) throws
        -> [MemberID: [MemberEvent]]
    {
        try refuseFutureAct(on: day, recording)
        // The import compares names and e-mails with what is recorded: they are revealed here, in memory only.
        let reveal = try self.reveal()
        let existing = Dictionary(
            uniqueKeysWithValues: try members().map { record in
                var revealed = record
                if record.erasedOn == nil {
                    revealed.displayName = .clear(reveal(record.displayName))
                    revealed.email = .clear(reveal(record.email))
                    revealed.phone = record.phone.map { .clear(reveal($0)) }
                    // The association's identifier, by which a row finds its member again.
                    revealed.reference = record.reference.map { .clear(reveal($0)) }
                }
                return (record.id, revealed)
            })
        switch Roster.importEvents(header: header, records: rows, existing: existing, on: day) {
        case .failure(let error):
            throw RegistryError.rosterImport(error)
        case .success(let changes):
            // The first import into an empty register is recorded by someone the roster does not hold yet: when the
            // recorder is named by their reference in the file, the envelope names them by their new id instead.
            var recording = recording
            if existing.isEmpty {
                for (id, events) in changes {
                    for case .joined(_, _, _, _, _, let reference?) in events
                    where reference.clearText == recording.actor {
                        recording.actor = id.rawValue
                    }
                }
            }
            if !changes.isEmpty {
                try recordMembers(
                    changes, on: day, recording: recording,
                    joinDays: Roster.joinDays(header: header, records: rows, for: changes))
            }
            return changes
        }
    }
}
