public import Foundation

/// An act about a person outside the association whom a ladder deals with (the public of a cooperative, of a
/// federation, of a local authority), stored in that person's own stream `outsider/<id>`.
///
/// A ladder record names a known person: a member on the roster, or an outsider created beforehand with a name and a
/// contact (rule `person`). The id (`X0001`, `X0002`…) is given by the register, never made from the name, so that
/// two spellings of a name cannot split one person's history in two. Name, contact and note are sealed under the
/// person's key from the first record, as members' names are; erasing the person destroys that key.
public enum OutsiderEvent: Equatable, Sendable {
    /// The person is created: how they are called, how to reach them, and what the register knows of them.
    case added(outsider: MemberID, name: Sealed, contact: Sealed, note: Sealed?)
    /// The person's data was erased (Article 6, GDPR art. 17): their key is destroyed. `reason` names no one.
    case erased(outsider: MemberID, reason: String, requestedBy: MemberID?)

    /// Version of every payload's JSON schema.
    public static let schemaVersion = 1
    /// Every type name, as stored in the log.
    public static let typeNames = ["OutsiderAdded", "OutsiderErased"]

    /// The stable name of the event type, as stored in the log.
    public var typeName: String {
        switch self {
        case .added: "OutsiderAdded"
        case .erased: "OutsiderErased"
        }
    }

    /// The person the event is about.
    public var outsider: MemberID {
        switch self {
        case .added(let id, _, _, _), .erased(let id, _, _): id
        }
    }

    /// The payload as JSON with sorted keys (absent optionals left out), sealed by `sealer` when given.
    public func payloadJSON(sealer: (any FieldSealer)? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let sealer { encoder.userInfo[.fieldSealer] = sealer }
        return try encoder.encode(Payload(self))
    }

    /// Decodes a stored payload of the given type name.
    public static func decode(type: String, payload: Data) throws -> OutsiderEvent {
        let p = try PayloadDecoder.decode(Payload.self, from: payload)
        func need<T>(_ value: T?, _ key: String) throws -> T {
            guard let value else { throw MemberEventDecodingError.missingField(type: type, field: key) }
            return value
        }
        switch type {
        case "OutsiderAdded":
            return .added(
                outsider: p.outsider, name: try need(p.name, "name"), contact: try need(p.contact, "contact"),
                note: p.note)
        case "OutsiderErased":
            return .erased(outsider: p.outsider, reason: try need(p.reason, "reason"), requestedBy: p.requestedBy)
        default:
            throw MemberEventDecodingError.unknownType(type)
        }
    }

    struct Payload: Codable {
        var outsider: MemberID
        var name: Sealed?
        var contact: Sealed?
        var note: Sealed?
        var reason: String?
        var requestedBy: MemberID?

        init(_ event: OutsiderEvent) {
            outsider = event.outsider
            switch event {
            case .added(_, let name, let contact, let note):
                self.name = name; self.contact = contact; self.note = note
            case .erased(_, let reason, let requestedBy):
                self.reason = reason; self.requestedBy = requestedBy
            }
        }
    }
}

/// An outsider as rebuilt from their stream.
public struct OutsiderRecord: Codable, Equatable, Sendable {
    public var id: MemberID
    public var name: Sealed
    public var contact: Sealed
    public var note: Sealed?
    /// Day the person was created in the register.
    public var addedOn: Day
    /// Day the person's data was erased, if it was.
    public var erasedOn: Day?

    /// Applies one event; a stream starts with `OutsiderAdded`, anything before it leaves the state `nil`.
    public static func evolve(_ state: OutsiderRecord?, on day: Day, _ event: OutsiderEvent) -> OutsiderRecord? {
        switch (state, event) {
        case (nil, .added(let id, let name, let contact, let note)):
            return OutsiderRecord(id: id, name: name, contact: contact, note: note, addedOn: day)
        case (var record?, .erased):
            if record.erasedOn == nil { record.erasedOn = day }
            return record
        default:
            return state
        }
    }
}

/// Creating an outsider (rule `person`): a name and a contact, no forbidden character, an id the register gives.
public enum OutsiderDecider {
    /// The first letter of every outsider id: `X0001`.
    public static let idPrefix = "X"

    /// The first id `X0001`, `X0002`… that neither an outsider nor a member holds.
    public static func nextID(taken: Set<MemberID>) -> MemberID {
        var n = 1
        while true {
            let digits = String(n)
            let id = MemberID(idPrefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits)
            if !taken.contains(id) { return id }
            n += 1
        }
    }

    /// The event creating outsider `id`, or the refusal naming the missing or malformed field. `sameName`: the known
    /// people (members or outsiders) already called by this name; unless `homonym` says it is another person, the act
    /// is refused and names them, so that one person never gets two records.
    public static func add(
        id: MemberID, name: String, contact: String, note: String?, sameName: [MemberID] = [],
        homonym: Bool = false
    ) -> Result<OutsiderEvent, Refusal> {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            return .failure(
                Refusal(
                    .person, fr: "une personne extérieure a un nom (--name ou le premier argument)",
                    en: "an outside person has a name"))
        }
        if contact.isEmpty {
            return .failure(
                Refusal(
                    .person,
                    fr: "une personne extérieure a un moyen de contact (--contact : courriel, téléphone, adresse)",
                    en: "an outside person has a contact (--contact: e-mail, phone, address)",
                    allowed: "--contact \"nom@exemple.org\"", allowedEn: "--contact \"name@example.org\""))
        }
        for (field, text) in [("nom", name), ("contact", contact)] {
            if text.utf8.count > IdentityText.maxFieldBytes {
                return .failure(
                    Refusal(
                        .person, fr: "le champ \(field) dépasse \(IdentityText.maxFieldBytes) octets",
                        en: "the field \(field) is longer than \(IdentityText.maxFieldBytes) bytes"))
            }
            if let scalar = IdentityText.forbiddenScalar(in: text) {
                return .failure(
                    Refusal(
                        .person, fr: "le champ \(field) contient un caractère interdit (\(IdentityText.name(scalar)))",
                        en: "the field \(field) holds a forbidden character (\(IdentityText.name(scalar)))"))
            }
        }
        if !sameName.isEmpty, !homonym {
            let ids = sameName.map(\.rawValue).joined(separator: ", ")
            return .failure(
                Refusal(
                    .person, fr: "« \(name) » est déjà connu·e : \(ids) ; nommez cette personne par son identifiant",
                    en: "\"\(name)\" is already known: \(ids); name this person by their id",
                    allowed: "greffe ladder incident \(sameName[0]) …, ou --homonyme si c'est une autre personne",
                    allowedEn: "greffe ladder incident \(sameName[0]) …, or --homonym if it is another person"))
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(
            .added(
                outsider: id, name: .clear(name), contact: .clear(contact),
                note: (note?.isEmpty ?? true) ? nil : note.map(Sealed.clear)))
    }
}
