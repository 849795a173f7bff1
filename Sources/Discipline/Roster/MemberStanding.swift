/// What the procedure needs to know about one member of the roster, as of the day a command is decided.
///
/// The roster (member streams) and the other cases are outside a case's own stream; the application
/// gathers these facts and hands them to the case decider, which stays pure.
public struct MemberStanding: Equatable, Codable, Sendable {
    public var id: MemberID
    public var displayName: Sealed
    /// Years for which the member's dues are paid (R13: "à jour de cotisation de l'année en cours").
    public var duesYears: Set<Int>
    /// Holds a seat on the board (conseil d'administration) on the day considered.
    public var boardMember: Bool
    /// Day the member left the association, if they did.
    public var departedOn: Day?
    /// Day the member was radiated, if they were.
    public var radiatedOn: Day?
    /// Cases (other than the one being decided) whose crisis cell this member sits or sat in (R17).
    public var judgementsSat: [CaseID]
    /// A person, not a member association: only people sit in a crisis cell.
    public var isPerson: Bool
    /// Holds a mandate (the board seat or any other role) on the day considered: only a mandate holder's mandate can
    /// be revoked (R32, art. 4.5).
    public var holdsMandate: Bool

    public init(
        id: MemberID, displayName: Sealed = "", duesYears: Set<Int> = [], boardMember: Bool = false,
        departedOn: Day? = nil, radiatedOn: Day? = nil, judgementsSat: [CaseID] = [], isPerson: Bool = true,
        holdsMandate: Bool? = nil
    ) {
        self.holdsMandate = holdsMandate ?? boardMember
        self.id = id
        self.displayName = displayName
        self.duesYears = duesYears
        self.boardMember = boardMember
        self.departedOn = departedOn
        self.radiatedOn = radiatedOn
        self.judgementsSat = judgementsSat
        self.isPerson = isPerson
    }

    /// Still a member on `day`: neither departed nor radiated on or before it.
    public func isActive(on day: Day) -> Bool {
        if let d = departedOn, d <= day { return false }
        if let r = radiatedOn, r <= day { return false }
        return true
    }
}
