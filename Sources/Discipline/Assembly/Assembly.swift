public import Foundation

/// A general assembly (GA) scheduled by the board: the day it is held. The day it was scheduled is the day of the
/// event (the envelope's `occurredOn`): the GA's agenda is fixed then, so what arises later goes to the next one.
public struct AssemblyScheduled: Codable, Equatable, Sendable {
    public var heldOn: Day
    public var place: String?
    public var note: String?
    public init(heldOn: Day, place: String? = nil, note: String? = nil) {
        self.heldOn = heldOn
        self.place = place
        self.note = note
    }
}

/// The events of the `assembly` stream.
public enum AssemblyEvent: Equatable, Sendable {
    case scheduled(AssemblyScheduled)

    public static let schemaVersion = 1
    public static let typeNames = ["AssemblyScheduled"]

    public var typeName: String {
        switch self {
        case .scheduled: return "AssemblyScheduled"
        }
    }

    /// The payload as canonical JSON (sorted keys); the day of the act lives in the envelope.
    public func payloadJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch self {
        case .scheduled(let p): return try encoder.encode(p)
        }
    }

    public static func decode(type: String, payload: Data) throws -> AssemblyEvent {
        switch type {
        case "AssemblyScheduled": return .scheduled(try PayloadDecoder.decode(AssemblyScheduled.self, from: payload))
        default: throw CaseEvent.UnknownEventType(type: type)
        }
    }
}

/// A GA as the docket sees it.
public struct Assembly: Equatable, Sendable {
    /// The day the board scheduled it (its agenda is fixed from then on).
    public var scheduledOn: Day
    public var heldOn: Day
    public var place: String?

    public init(scheduledOn: Day, heldOn: Day, place: String? = nil) {
        self.scheduledOn = scheduledOn
        self.heldOn = heldOn
        self.place = place
    }

    /// Which GA hears a matter that arose on `day` (an appeal, a referral): the earliest GA held on or after that day
    /// whose agenda was not yet fixed — one scheduled on or after that day (5.6.12 « lors de la prochaine Assemblée
    /// générale »; 5.6.10 « l'Assemblée générale la plus proche »). `nil` when none is scheduled yet.
    public static func hearing(_ day: Day, among assemblies: [Assembly]) -> Assembly? {
        assemblies.filter { $0.scheduledOn >= day && $0.heldOn >= day }
            .min { ($0.heldOn, $0.scheduledOn) < ($1.heldOn, $1.scheduledOn) }
    }
}
