/// A mandate a member held, with the days it started and ended.
public struct Mandate: Codable, Equatable, Sendable {
    public var role: MandateRole
    /// First day in force.
    public var from: Day
    /// Day it ended; the mandate is no longer in force from that day on.
    public var until: Day?

    public init(role: MandateRole, from: Day, until: Day? = nil) {
        self.role = role
        self.from = from
        self.until = until
    }

    /// In force on `day`: started on or before it and not ended on or before it.
    public func isInForce(on day: Day) -> Bool {
        from <= day && (until.map { day < $0 } ?? true)
    }
}

/// One member as rebuilt from their stream: the fold of their ``DatedMemberEvent``s.
public struct MemberRecord: Codable, Equatable, Sendable {
    public var id: MemberID
    public var displayName: Sealed
    public var email: Sealed
    /// The phone number, when the roster gave one (sealed like the e-mail).
    public var phone: Sealed?
    /// The association's identifier for the member (the roster file's `Identifiant`), sealed like the name; `nil` in
    /// a store written before Greffe assigned its own ids, where ``id`` is that identifier.
    public var reference: Sealed?
    public var kind: MemberKind
    /// Day of the `MemberJoined` event.
    public var joinedOn: Day
    /// For each year whose dues are paid, the day they were first recorded as paid.
    public var duesPaidOn: [Int: Day]
    /// Every mandate, open or ended, in the order taken up.
    public var mandates: [Mandate]
    /// Day the member left, if they did (the first `MemberLeft` counts).
    public var departedOn: Day?
    /// Day the member was radiated, if they were (the first `MemberRadiated` counts).
    public var radiatedOn: Day?
    /// The case that led to the radiation, when recorded.
    public var radiatedByCase: CaseID?
    /// Day the member's personal data was erased (`MemberErased`): their name and e-mail can no longer be read.
    public var erasedOn: Day?

    public init(
        id: MemberID, displayName: Sealed, email: Sealed, kind: MemberKind, joinedOn: Day,
        duesPaidOn: [Int: Day] = [:], mandates: [Mandate] = [], departedOn: Day? = nil, radiatedOn: Day? = nil,
        radiatedByCase: CaseID? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.email = email
        self.kind = kind
        self.joinedOn = joinedOn
        self.duesPaidOn = duesPaidOn
        self.mandates = mandates
        self.departedOn = departedOn
        self.radiatedOn = radiatedOn
        self.radiatedByCase = radiatedByCase
    }

    /// Applies one event. A stream starts with `MemberJoined`; any other event before it leaves the state `nil`
    /// (there is no member to change), and events about another member are ignored.
    /// Holding a mandate already open, or ending one that is not open, changes nothing.
    public static func evolve(_ state: MemberRecord?, _ dated: DatedMemberEvent) -> MemberRecord? {
        guard var record = state else {
            if case .joined(let id, let name, let email, let kind, let phone, let reference) = dated.event {
                var record = MemberRecord(id: id, displayName: name, email: email, kind: kind, joinedOn: dated.on)
                record.phone = phone
                record.reference = reference
                return record
            }
            return nil
        }
        guard dated.event.member == record.id else { return record }
        switch dated.event {
        case .joined:
            break
        case .detailsChanged(_, let name, let email, let kind, let phone, let reference):
            if let name { record.displayName = name }
            if let reference { record.reference = reference }
            if let email { record.email = email }
            if let phone { record.phone = phone }
            if let kind { record.kind = kind }
        case .duesPaid(_, let year):
            if record.duesPaidOn[year] == nil { record.duesPaidOn[year] = dated.on }
        case .mandateHeld(_, let role):
            if !record.holdsOpenMandate(role) { record.mandates.append(Mandate(role: role, from: dated.on)) }
        case .mandateEnded(_, let role):
            if let i = record.mandates.lastIndex(where: { $0.role == role && $0.until == nil }) {
                record.mandates[i].until = dated.on
            }
        case .left, .resigned:
            record.departedOn = record.departedOn ?? dated.on
        case .radiated(_, let byCase):
            record.radiatedOn = record.radiatedOn ?? dated.on
            record.radiatedByCase = record.radiatedByCase ?? byCase
        case .erased:
            record.erasedOn = record.erasedOn ?? dated.on
        }
        return record
    }

    /// Folds a member's stream, oldest first.
    public static func fold(_ events: [DatedMemberEvent]) -> MemberRecord? {
        events.reduce(nil, evolve)
    }

    /// Every year whose dues are paid, whenever they were paid.
    public var duesYears: Set<Int> { Set(duesPaidOn.keys) }

    /// Years whose dues were paid on or before `day`.
    public func duesYears(paidBy day: Day) -> Set<Int> {
        Set(duesPaidOn.filter { $0.value <= day }.keys)
    }

    /// True when a mandate with this role has started and not ended (whatever the day).
    public func holdsOpenMandate(_ role: MandateRole) -> Bool {
        mandates.contains { $0.role == role && $0.until == nil }
    }

    /// Roles in force on `day`.
    public func roles(on day: Day) -> Set<MandateRole> {
        Set(mandates.filter { $0.isInForce(on: day) }.map(\.role))
    }

    /// The facts a case decider reads about this member on `day`: dues paid by that day, the board seat in force
    /// that day, departure and radiation (``MemberStanding/isActive(on:)`` compares their days). `judgementsSat`
    /// comes from the other cases (R17), which the member stream does not know.
    public func standing(on day: Day, judgementsSat: [CaseID]) -> MemberStanding {
        MemberStanding(
            id: id, displayName: displayName, duesYears: duesYears(paidBy: day),
            boardMember: roles(on: day).contains(.boardMember),
            departedOn: departedOn, radiatedOn: radiatedOn, judgementsSat: judgementsSat, isPerson: kind == .person,
            holdsMandate: !roles(on: day).isEmpty)
    }
}
