import Discipline
import Registry

/// `greffe ga docket --json`: the GA and its disciplinary matters. Keys as documented in docs/cli.md.
struct DocketJSON: Encodable {
    struct Matter: Encodable {
        /// `appeal`, `referral` or `windowOpen`.
        var kind: String
        var by: String?
        var on: String?
        var deadline: String?
        var companion: String?
        var party: String?
        var until: String?
    }

    struct Suspension: Encodable {
        var rule: String
        var from: String
    }

    struct Conflict: Encodable {
        var member: String
        var fr: String
        var en: String
    }

    struct Item: Encodable {
        var `case`: String
        var matter: Matter
        var questionFr: String
        var questionEn: String
        var suspensions: [Suspension]
        var conflicts: [Conflict]
    }

    var heldOn: String
    var scheduledOn: String
    var place: OrNull<String>
    var items: [Item]

    init(_ assembly: Assembly, _ items: [DocketItem], _ reveal: Reveal) {
        heldOn = assembly.heldOn.description
        scheduledOn = assembly.scheduledOn.description
        place = OrNull(assembly.place)
        self.items = items.map { item in
            let matter: Matter =
                switch item.matter {
                case let .appeal(by, on, deadline, companion):
                    Matter(
                        kind: "appeal", by: by.rawValue, on: on.description, deadline: deadline?.description,
                        companion: reveal(companion))
                case let .referral(on): Matter(kind: "referral", on: on.description)
                case let .windowOpen(party, until):
                    Matter(kind: "windowOpen", party: party.rawValue, until: until.description)
                }
            return Item(
                case: item.caseID.rawValue, matter: matter, questionFr: item.questionFr, questionEn: item.questionEn,
                suspensions: item.suspensions.map { Suspension(rule: $0.rule.rawValue, from: $0.from.description) },
                conflicts: item.conflicts.map { Conflict(member: $0.member.rawValue, fr: $0.fr, en: $0.en) })
        }
    }
}
