import Discipline
import Registry

/// One member of `greffe members list --json`: stable ids (`kind`: `person`, `association`). Keys as documented in
/// docs/cli.md.
struct MemberRowJSON: Encodable {
    struct Exclusion: Encodable {
        var rule: String
        var fr: String
        var en: String
    }

    var id: String
    var name: String
    var email: String
    var kind: String
    var duesYears: [Int]
    var board: Bool
    var active: Bool
    var judgementsSat: [String]
    /// The association's identifier (the roster file's `Identifiant`), revealed; absent for a member recorded before
    /// Greffe assigned its own ids (their id is that identifier).
    var reference: String?
    /// With `--eligible-for`: whether the member may sit, and why not.
    var eligible: Bool?
    var exclusions: [Exclusion]?
}

/// `greffe members show ID --json`: mandates by their ids (`board-member`), days in ISO form.
struct MemberJSON: Encodable {
    struct Dues: Encodable {
        var year: Int
        var recordedOn: String
    }

    struct Mandate: Encodable {
        var role: String
        var from: String
        var until: String?
    }

    var id: String
    var name: String
    var email: String
    var kind: String
    var joinedOn: String
    var dues: [Dues]
    var mandates: [Mandate]
    var judgementsSat: [String]
    var accusedIn: [String]
    var departedOn: String?
    var radiatedOn: String?
    var erasedOn: String?
    /// Only for a member the roster knows by a phone number.
    var phone: String?
    /// The association's identifier (the roster file's `Identifiant`), revealed; absent for a member recorded before
    /// Greffe assigned its own ids (their id is that identifier).
    var reference: String?
}
