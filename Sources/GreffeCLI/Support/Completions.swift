import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

/// Shell completion of member and case ids (`greffe --generate-completion-script bash|zsh|fish` installs scripts that
/// call `greffe` back): the ids of the store the command line names (`--store DIR`), else of `GREFFE_STORE` or the
/// configuration file, else of the default store. Nothing is printed when the store cannot be read.
enum Completions {
    /// The store the command line being completed names, else the usual one.
    static func storePath(_ words: [String]) -> String {
        var given: String?
        for (index, word) in words.enumerated() {
            if word == "--store", index + 1 < words.count { given = words[index + 1] }
            if word.hasPrefix("--store=") { given = String(word.dropFirst("--store=".count)) }
        }
        return StoreOptions.path(option: given)
    }

    static func registry(_ words: [String]) -> Registry? {
        guard let store = try? EventStore.open(at: storePath(words), options: .readOnly) else { return nil }
        return Registry(store: store, rulebook: .cle)
    }

    /// Member ids beginning with what is typed, then the words of members' names that begin with it (case and
    /// accents aside): `greffe meeting … --rapporteur Nad<TAB>` offers `Nadia`, which the command resolves
    /// (PeopleNames). Names are revealed with the keys (`--keys`, `GREFFE_KEYS`, else the store's); without them, ids only.
    @Sendable static func memberIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let (found, _) = CommandLineNames.read(store: storePath(words), keys: CommandLineNames.keysOption(words))
        guard let people = found else { return [] }
        let ids = people.map(\.id.rawValue).filter { $0.hasPrefix(prefix) }.sorted()
        let typed = PeopleNames.folded(prefix)
        var seen = Set(ids)
        let nameWords = people.compactMap(\.name).flatMap { $0.split(separator: " ").map(String.init) }
            .filter { !typed.isEmpty && PeopleNames.folded($0).hasPrefix(typed) && seen.insert($0).inserted }.sorted()
        return ids + nameWords
    }

    /// Case ids beginning with what is typed, the open ones first.
    @Sendable static func caseIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let cases = try? registry(words)?.caseIndex() else { return [] }
        let matching = cases.filter { $0.id.rawValue.hasPrefix(prefix) }
        return (matching.filter { $0.step != .closed } + matching.filter { $0.step == .closed }).map(\.id.rawValue)
    }
}
