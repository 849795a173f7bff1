import Discipline
import EventLog
import Foundation
import Registry

/// How a member or a case given on the command line is found: by its id, a unique prefix of the id, or (a member) by
/// name — the whole name or some of its words (« Nadia », « haddad », « Ines Garcia »), without regard to case or
/// accents. The names are revealed with the register's keys; an erased member (« [effacé] ») is found by id only.
///
/// Rules, in order (the first that finds anything decides):
/// 1. the id exactly (the register's own, `M0007`);
/// 1b. the association's reference exactly (the roster file's identifier, `m007`, revealed with the keys) — together
///    with the members whose whole name is that text, so that a reference equal to another member's name is
///    ambiguous, not silently one of them;
/// 2. ids beginning with the text (a case id also by its end: `001` for `2026-001`);
/// 3. the whole name;
/// 4. names holding every word of the text as a word (or the beginning of one).
/// One match is the answer; several are ambiguous (refused, exit 64, with the candidates); none is unknown.
enum PeopleNames {
    /// One member as the resolver knows it.
    struct Person: Equatable, Sendable {
        var id: MemberID
        /// The revealed name; nil when it cannot be read (erased, no key store).
        var name: String?
        /// The association's identifier, revealed; nil when it cannot be read or the member has none (recorded before
        /// Greffe assigned its ids: the id is then that identifier).
        var reference: String? = nil

        /// `M0007 Nadia Haddad (m007)`, or the id alone.
        var label: String {
            (name.map { "\(id) \($0)" } ?? id.rawValue) + (reference.map { " (\($0))" } ?? "")
        }
    }

    enum Outcome<ID: Equatable & Sendable>: Equatable, Sendable {
        case found(ID)
        case ambiguous([Person])
        case unknown(nearest: [Person])
    }

    /// Case- and accent-insensitive form of a text, words separated by single spaces.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "'", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The member `text` names among `people`.
    static func member(_ text: String, among people: [Person]) -> Outcome<MemberID> {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .unknown(nearest: []) }
        let byReference = people.filter { $0.reference == typed }
        if let exact = people.first(where: { $0.id.rawValue == typed }) {
            // The import refuses a reference written like another member's id; a store that holds one anyway is
            // ambiguous, not silently the id.
            let others = byReference.filter { $0.id != exact.id }
            return others.isEmpty ? .found(exact.id) : .ambiguous(([exact] + others).sorted { $0.id < $1.id })
        }
        if !byReference.isEmpty {
            let typedWords = folded(typed)
            let sameName = people.filter { person in
                !byReference.contains(person) && person.name.map(folded) == typedWords
            }
            if let outcome = decided(byReference + sameName) { return outcome }
        }
        let prefixed = people.filter { $0.id.rawValue.hasPrefix(typed) }
        if let outcome = decided(prefixed) { return outcome }
        let words = folded(typed)
        guard !words.isEmpty else { return .unknown(nearest: []) }
        let named = people.filter { $0.name.map(folded) == words }
        if let outcome = decided(named) { return outcome }
        let parts = words.split(separator: " ")
        let partly = people.filter { person in
            guard let name = person.name else { return false }
            let nameWords = folded(name).split(separator: " ")
            return parts.allSatisfy { part in nameWords.contains { $0.hasPrefix(part) } }
        }
        if let outcome = decided(partly) { return outcome }
        let nearest = people.filter {
            editDistance($0.id.rawValue, typed) <= 1 || $0.reference.map { editDistance($0, typed) <= 1 } == true
        }
        return .unknown(nearest: Array(nearest.prefix(5)))
    }

    private static func decided(_ matches: [Person]) -> Outcome<MemberID>? {
        switch matches.count {
        case 0: return nil
        case 1: return .found(matches[0].id)
        default: return .ambiguous(matches.sorted { $0.id < $1.id })
        }
    }

    /// The case `text` names among `cases`: the id, else a unique id beginning or ending with the text (`2026-00`,
    /// `001`); several → ambiguous (the candidates as persons without names); none → unknown (the caller then says
    /// which existing ids are near).
    static func caseID(_ text: String, among cases: [CaseID]) -> Outcome<CaseID> {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .unknown(nearest: []) }
        if cases.contains(CaseID(typed)) { return .found(CaseID(typed)) }
        let matches = cases.filter { $0.rawValue.hasPrefix(typed) || $0.rawValue.hasSuffix("-" + typed) }
            .sorted()
        switch matches.count {
        case 0: return .unknown(nearest: [])
        case 1: return .found(matches[0])
        default: return .ambiguous(matches.map { Person(id: MemberID($0.rawValue), name: nil) })
        }
    }

    /// The refusal of an ambiguous member: which members the text could name (exit 64, nothing written).
    static func ambiguity(
        _ text: String, option: String?, _ candidates: [Person], what: (fr: String, en: String)
    ) -> CLIFailure {
        let list = candidates.map(\.label).joined(separator: ", ")
        let at = option.map { "\($0) " } ?? ""
        return CLIFailure(
            status: .usage,
            fr:
                "\(at)« \(text) » : \(what.fr) ambigu, lequel ? \(list) ; donnez l'identifiant (ou plus de lettres) ; rien n'a été écrit",
            en:
                "\(at)\"\(text)\": ambiguous \(what.en), which one? \(list); give the id (or more letters); nothing was written"
        )
    }

    /// The refusal of an unknown member (exit 66), with the ids one keystroke away when there are any.
    static func unknownMember(_ text: String, nearest: [Person]) -> CLIFailure {
        let near = nearest.isEmpty ? "" : " ; vouliez-vous dire " + nearest.map(\.label).joined(separator: ", ") + " ?"
        let nearEn = nearest.isEmpty ? "" : "; did you mean " + nearest.map(\.label).joined(separator: ", ") + "?"
        return CLIFailure(
            status: .notFound,
            fr: "membre inconnu : \(text) (voir `greffe members list`)\(near) ; rien n'a été écrit",
            en: "unknown member: \(text) (see `greffe members list`)\(nearEn); nothing was written")
    }
}

extension Registry {
    /// Every member with their revealed name and reference (nil when erased or unreadable), ordered by id.
    func people(_ reveal: Reveal?) throws -> [PeopleNames.Person] {
        func readable(_ sealed: Sealed?) -> String? {
            guard let sealed, let reveal else { return nil }
            let text = reveal(sealed)
            let placeholder = text.hasPrefix("[") && text.hasSuffix("]")
            return placeholder || text.isEmpty ? nil : text
        }
        return try members().map { record in
            PeopleNames.Person(
                id: record.id, name: readable(record.displayName), reference: readable(record.reference))
        }
    }

    /// The member `text` names (id, prefix, name), or the refusal to throw: for a command that already holds the
    /// registry open (a member given as plain text).
    /// With `unknownIsFailure` false, a text that names no member is kept as given (a ladder's person may be
    /// someone the roster does not hold).
    func resolveMember(_ text: String, option: String? = nil, unknownIsFailure: Bool = true) throws -> MemberID {
        let typed = text.trimmingCharacters(in: .whitespaces)
        // Nothing typed names nobody: the command's own check refuses it (a blank `--as` is not « everyone »).
        if typed.isEmpty { return MemberID(text) }
        if try firstUnknownMember([MemberID(typed)]) == nil { return MemberID(typed) }
        let revealed = Result { try reveal() }
        let people = try people(try? revealed.get())
        switch PeopleNames.member(typed, among: people) {
        case .found(let id): return id
        case .ambiguous(let candidates):
            throw PeopleNames.ambiguity(typed, option: option, candidates, what: ("membre", "member"))
        case .unknown(let nearest):
            // A name or a reference is read with the keys: when they cannot be opened (no key store, no or a wrong
            // passphrase), that is the error to give, not « unknown member ».
            if unknownIsFailure, case .failure(let error) = revealed { throw error }
            if unknownIsFailure { throw PeopleNames.unknownMember(typed, nearest: nearest) }
            return MemberID(typed)
        }
    }

    /// The case `text` names (id, unique prefix or suffix); an unknown one is left as given (the command then says
    /// which ids are near); an ambiguous one is refused (64).
    func resolveCase(_ text: String) throws -> CaseID {
        // A full id costs one key lookup; only a prefix or an end of one reads the index's keys.
        let typed = text.trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty, try caseIndexHolds(CaseID(typed)) { return CaseID(typed) }
        switch PeopleNames.caseID(text, among: try caseIDs()) {
        case .found(let id): return id
        case .ambiguous(let candidates):
            throw PeopleNames.ambiguity(text, option: nil, candidates, what: ("dossier", "case"))
        case .unknown: return CaseID(text.trimmingCharacters(in: .whitespaces))
        }
    }

    /// `Nadia Haddad (m007)`: a member as an output names them, the revealed name beside the id (as `status`
    /// does); the id alone when the roster does not hold them. An erased member reads « [effacé] (m007) ».
    static func named(_ id: MemberID, _ names: [MemberID: String]) -> String {
        guard let name = names[id], !name.isEmpty else { return id.rawValue }
        return "\(name) (\(id))"
    }
}

/// The members and cases the command line names, resolved while it is parsed (before anything runs), from the store
/// it names (`--store`, else `GREFFE_STORE` or the configuration file, else the default store), opened read-only
/// and closed again before the command opens it. A name that is ambiguous or unknown is kept as the first failure;
/// `GreffeCommand.main()` reports it (exit 64 or 66) and stops before running, so nothing is written. When the store
/// cannot be read (none yet, another format), every text is left as given for the command to report.
final class CommandLineNames: @unchecked Sendable {
    static let shared = CommandLineNames()

    private let lock = NSLock()
    private var loaded = false
    private var named = false
    private var people: [PeopleNames.Person]?
    private var cases: [CaseID]?
    private var firstFailure: CLIFailure?

    /// The first ambiguous or unknown name met while parsing.
    var failure: CLIFailure? { lock.withLock { firstFailure } }

    private func fail(_ failure: CLIFailure) {
        lock.withLock { if firstFailure == nil { firstFailure = failure } }
    }

    /// Reads the member ids and cases once, from the store the command line names; with `names`, the members'
    /// names too (revealed with the keys: only when a text is not an id, so that `--as m001` decrypts nothing).
    private func load(names: Bool = false) -> (people: [PeopleNames.Person], cases: [CaseID])? {
        lock.lock()
        defer { lock.unlock() }
        if !loaded || (names && !named) {
            loaded = true
            named = names
            let words = Array(CommandLine.arguments.dropFirst())
            (people, cases) = Self.read(store: Completions.storePath(words), keys: Self.keysOption(words), names: names)
        }
        guard let people, let cases else { return nil }
        return (people, cases)
    }

    static func keysOption(_ words: [String]) -> String? {
        var given: String?
        for (index, word) in words.enumerated() {
            if word == "--keys", index + 1 < words.count { given = words[index + 1] }
            if word.hasPrefix("--keys=") { given = String(word.dropFirst("--keys=".count)) }
        }
        if let given, !given.isEmpty { return given }
        return ProcessInfo.processInfo.environment["GREFFE_KEYS"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A question to the store the command line names (`nil` when it cannot be read or answer), asked of a registry
    /// over it opened read-only and closed again: for a name given as a full id, one key lookup.
    static func ask(_ question: (Registry) throws -> Bool) -> Bool? {
        let path = Completions.storePath(Array(CommandLine.arguments.dropFirst()))
        guard FileManager.default.fileExists(atPath: path),
            let store = try? EventStore.open(at: path, options: .readOnly)
        else { return nil }
        return try? question(Registry(store: store, rulebook: .cle))
    }

    /// The store's members and cases; the store and its key store are closed when this returns.
    static func read(store path: String, keys: String?, names: Bool = true) -> ([PeopleNames.Person]?, [CaseID]?) {
        guard FileManager.default.fileExists(atPath: path),
            let store = try? EventStore.open(at: path, options: .readOnly)
        else { return (nil, nil) }
        let registry = Registry(store: store, rulebook: .cle, keysPath: keys)
        // Without names, ids only: the projections' keys, no record decoded and no key opened (`--as m001` costs
        // the same with 20 members or 2,000).
        guard names else {
            return (try? registry.memberIDs().map { PeopleNames.Person(id: $0, name: nil) }, try? registry.caseIDs())
        }
        return (try? registry.people(try? registry.reveal()), try? registry.caseIDs())
    }

    /// The member a command-line value names; an ambiguous or unknown one is recorded as the failure (the value is
    /// then kept as given, never used: the command does not run).
    func member(_ text: String, option: String? = nil, unknownIsFailure: Bool = true) -> MemberID {
        let typed = text.trimmingCharacters(in: .whitespaces)
        // Nothing typed names nobody: the command's own check refuses it (a blank `--as` is not « everyone »).
        if typed.isEmpty { return MemberID(text) }
        if Self.ask({ try $0.firstUnknownMember([MemberID(typed)]) == nil }) == true { return MemberID(typed) }
        guard let (ids, _) = load() else { return MemberID(typed) }
        if ids.contains(where: { $0.id.rawValue == typed }) { return MemberID(typed) }
        guard let (people, _) = load(names: true) else { return MemberID(typed) }
        switch PeopleNames.member(typed, among: people) {
        case .found(let id): return id
        case .ambiguous(let candidates):
            fail(PeopleNames.ambiguity(typed, option: option, candidates, what: ("membre", "member")))
        case .unknown(let nearest):
            if unknownIsFailure { fail(PeopleNames.unknownMember(typed, nearest: nearest)) }
        }
        return MemberID(typed)
    }

    /// The case a command-line value names (id, unique prefix or suffix); an unknown one is kept as given (the
    /// command says which ids are near, exit 66), an ambiguous one recorded as the failure.
    func caseID(_ text: String) -> String {
        let typed = text.trimmingCharacters(in: .whitespaces)
        // A case named by its full id (the usual way): one key lookup, not every case's id.
        if !typed.isEmpty, Self.ask({ try $0.caseIndexHolds(CaseID(typed)) }) == true { return typed }
        guard let (_, cases) = load() else { return text }
        switch PeopleNames.caseID(typed, among: cases) {
        case .found(let id): return id.rawValue
        case .ambiguous(let candidates):
            fail(PeopleNames.ambiguity(typed, option: nil, candidates, what: ("dossier", "case")))
        case .unknown: break
        }
        return text
    }
}
