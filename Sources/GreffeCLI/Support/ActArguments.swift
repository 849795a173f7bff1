import ArgumentParser
import Discipline
import Registry

// Argument types of the act subcommands. They only parse: whether an act is allowed is the domain's decision.
// Lists are repeated options (`--attendee m001 --attendee m002`), so free text may contain commas.

extension MemberID: ExpressibleByArgument {
    public init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        // An id, a unique prefix of one, or a name: resolved against the store named on the command line
        // (PeopleNames); an ambiguous or unknown one stops the command before it runs.
        self = CommandLineNames.shared.member(trimmed)
    }

    /// The shell completes member ids from the store (Completions).
    public static var defaultCompletionKind: CompletionKind { .custom(Completions.memberIDs) }
}

/// An id of the rulebook's list (a sanction, a grave motive). The help lists the shipped rulebook's ids; the id is
/// checked by the decision against the rulebook version the case runs under (R34: an adopted version may name others),
/// so an unknown id is refused there (exit 65, with the valid ids), not here. Only a malformed id is a usage error.
protocol RulebookItem: ExpressibleByArgument {
    static var items: [Rulebook.Category] { get }
    var id: String { get }
    init(checked id: String)
}

extension RulebookItem {
    init?(argument: String) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !argument.isEmpty, argument.count <= 100, argument.allSatisfy(allowed.contains) else { return nil }
        self.init(checked: argument)
    }

    static var allValueStrings: [String] { items.map(\.id) }

    /// One line per item for `--help`: `  warning — avertissement (art. 5.2)`.
    static var helpList: String {
        items.map { "  \($0.id) — \($0.fr) (art. \($0.article))" }.joined(separator: "\n")
    }
}

/// A sanction id (help: `Rulebook.cle.sanctions`, the shipped rulebook).
struct SanctionArgument: RulebookItem {
    static var items: [Rulebook.Category] { Rulebook.cle.sanctions }
    let id: String
    init(checked id: String) { self.id = id }
}

/// A grave-motive id (help: `Rulebook.cle.motives`, Article 5.5).
struct MotiveArgument: RulebookItem {
    static var items: [Rulebook.Category] { Rulebook.cle.motives }
    let id: String
    init(checked id: String) { self.id = id }
}

/// A proposal of a vote: one sanction id, or several joined by `+` (`suspension+mandate-revocation`). Its id is the
/// text as given, which ballots name.
struct ProposalArgument: ExpressibleByArgument {
    let id: String
    let sanctions: [String]

    init?(argument: String) {
        // « L'association n'impose aucune demande ou sanction » (5.6.6): `none` proposes no sanction.
        if argument == Self.noSanction {
            id = argument
            sanctions = []
            return
        }
        let parts = argument.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ SanctionArgument(argument: $0) != nil }) else { return nil }
        id = argument
        sanctions = parts
    }

    static var allValueStrings: [String] { SanctionArgument.allValueStrings + [noSanction] }
    /// The proposal of no sanction.
    static let noSanction = "none"
}

/// `MEMBER=OPTION`: one member's ballot.
struct BallotArgument: ExpressibleByArgument {
    let member: MemberID
    let option: String

    init?(argument: String) {
        guard let (key, value) = splitPair(argument) else { return nil }
        member = CommandLineNames.shared.member(key, option: "--ballot")
        option = value
    }
}

/// `OPTION=COUNT`: the votes an option received in a counted (possibly secret) ballot.
struct CountArgument: ExpressibleByArgument {
    let option: String
    let votes: Int

    init?(argument: String) {
        guard let (key, value) = splitPair(argument), let n = Int(value), n >= 0 else { return nil }
        option = key
        votes = n
    }
}

/// `KEY=VALUE` with both sides non-empty.
private func splitPair(_ text: String) -> (String, String)? {
    guard let eq = text.firstIndex(of: "=") else { return nil }
    let key = text[..<eq].trimmingCharacters(in: .whitespaces)
    let value = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
    return key.isEmpty || value.isEmpty ? nil : (key, value)
}

/// A value of a closed list given on the command line in French or in English (`--kind témoignage` or `--kind
/// testimony`), without regard to case or accents. The help and the shell's completion offer the French words.
public protocol FrenchArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {
    /// The French word of each value, as typed (one word, or words joined by `-`).
    var french: String { get }
}

extension FrenchArgument {
    public init?(argument: String) {
        let typed = foldedArgument(argument)
        guard
            let found = Self.allCases.first(where: {
                foldedArgument($0.rawValue) == typed || foldedArgument($0.french) == typed
            })
        else { return nil }
        self = found
    }

    public static var allValueStrings: [String] { allCases.map(\.french) }
}

/// Lower case, accents and apostrophes off, spaces as `-`: `Témoignage` → `temoignage`, `en ligne` → `en-ligne`.
func foldedArgument(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespaces)
        .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "'", with: "")
}

extension Evidence.Kind: FrenchArgument {
    public var french: String {
        switch self {
        case .testimony: "témoignage"
        case .history: "historique"
        case .context: "contexte"
        case .screenshot: "capture"
        case .document: "document"
        case .report: "signalement"
        case .other: "autre"
        }
    }
}

/// How an act reached its recipients (`--via ticket`, `--via email`…), mapped to the domain's values.
enum ComplaintChannel: String, FrenchArgument {
    case ticket, email
    var value: ComplaintFacts.Channel { self == .ticket ? .privateTicket : .email }
    var french: String { self == .ticket ? "ticket" : "courriel" }
}

enum NotificationChannel: String, FrenchArgument {
    case email, dm
    var value: BoardNotification.Channel { self == .email ? .email : .directMessage }
    var french: String { self == .email ? "courriel" : "message-privé" }
}

enum CallChannel: String, FrenchArgument {
    case online, email
    var value: CellCall.Channel { self == .online ? .online : .email }
    var french: String { self == .online ? "en-ligne" : "courriel" }
}

/// `--form écrit` or `--form oral` (`written`, `oral`).
enum AnswerForm: String, FrenchArgument {
    case written, oral
    var value: Answer.Form { self == .written ? .written : .oral }
    var french: String { self == .written ? "écrit" : "oral" }
}

/// Who formulated the victim's demands (5.6.6).
enum DemandOrigin: String, FrenchArgument {
    case victim, board
    var french: String { self == .victim ? "victime" : "conseil" }

    var value: VictimHearing.Origin { self == .victim ? .victim : .rapporteurAndBoard }
}

/// The conditions of a probationary reintegration (art. 2.5), shared by the decisions that can impose one.
struct ProbationOptions: ParsableArguments {
    @Option(
        name: .customLong("probation-until"),
        help: ArgumentHelp(
            "Probation : dernier jour (limitée dans le temps, art. 2.5).", valueName: "jour"))
    var until: Day?

    @Option(
        name: .customLong("condition"),
        help: ArgumentHelp(
            "Probation : une condition (répéter l'option pour plusieurs).", valueName: "texte"))
    var conditions: [String] = []

    @Option(
        name: .customLong("probation-space"),
        help: ArgumentHelp(
            "Probation : un espace où elle s'applique (limitée dans l'espace ; répéter l'option).", valueName: "espace")
    )
    var spaces: [String] = []

    @Flag(name: .customLong("no-reparation-proof"), help: "Probation : aucune preuve de réparation exigée.")
    var noReparationProof = false

    @Flag(name: .customLong("bar-responsibilities"), help: "Probation : interdiction de responsabilités.")
    var barResponsibilities = false

    @Option(
        name: .customLong("approved-by"),
        help: ArgumentHelp(
            "Probation : un adhérent concerné qui l'a approuvée (répéter l'option).", valueName: "membre"))
    var approvedBy: [MemberID] = []

    var isGiven: Bool {
        until != nil || !conditions.isEmpty || !spaces.isEmpty || noReparationProof || barResponsibilities
            || !approvedBy.isEmpty
    }

    /// The probation, when any of its options was given. Without its last day it is refused by R27 (exit 65), as
    /// one without spaces or conditions is by the decision, whichever piece is missing.
    var probation: Probation? {
        get throws {
            guard let until else {
                if isGiven { throw RegistryError.refused(Probation.refusalWithoutEnd.inCommandLineWords) }
                return nil
            }
            return Probation(
                conditions: conditions.map(Sealed.clear), until: until, spaces: spaces.map(Sealed.clear),
                reparationProofRequired: !noReparationProof,
                barredFromResponsibilities: barResponsibilities, approvedBy: approvedBy)
        }
    }
}

/// `--note TEXT`, for the acts that only carry a note.
struct NoteOption: ParsableArguments {
    @Option(help: ArgumentHelp("Note libre jointe à l'acte.", valueName: "texte"))
    var note: String?

    var value: Note { Note(note: note.map(Sealed.clear)) }
}

/// The ballots of a cell vote: `--ballot MEMBER=OPTION` and `--blank MEMBER`, one per member.
struct BallotOptions: ParsableArguments {
    @Option(
        name: .customLong("ballot"),
        help: ArgumentHelp(
            "Un bulletin : MEMBRE=OPTION (répéter l'option).", valueName: "membre=option"))
    var given: [BallotArgument] = []

    @Option(name: .customLong("blank"), help: ArgumentHelp("Un vote blanc (répéter l'option).", valueName: "membre"))
    var blanks: [MemberID] = []

    var voters: [MemberID] { given.map(\.member) + blanks }

    /// The ballots, each option mapped (short names to ids); blanks last.
    func ballots(mapping option: (String) throws -> String) rethrows -> [Ballot] {
        try given.map { Ballot(member: $0.member, option: try option($0.option)) }
            + blanks.map { Ballot(member: $0, option: nil) }
    }

    /// Without `--proposal`, the proposals are the options the ballots name, in order of first appearance.
    func impliedProposals() throws -> [ProposalArgument] {
        var seen: Set<String> = []
        return try given.map(\.option).filter { seen.insert($0).inserted }.map { option in
            guard let proposal = ProposalArgument(argument: option) else {
                throw ValidationError(
                    "--ballot : « \(option) » n'est pas un identifiant de sanction (lettres, chiffres, « . », « - », « _ », "
                        + "reliés par « + ») / not a sanction id; shipped ids: "
                        + SanctionArgument.allValueStrings.joined(separator: ", "))
            }
            return proposal
        }
    }
}

extension ProbationOptions {
    /// A proposal of a vote, carrying the probation when it proposes a probationary reintegration.
    func proposal(_ p: ProposalArgument) throws -> Proposal {
        let probationary = p.sanctions.contains(Rulebook.SanctionID.probationaryReintegration)
        return Proposal(id: p.id, sanctions: p.sanctions, probation: probationary ? try probation : nil)
    }
}
