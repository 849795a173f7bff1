import ArgumentParser
import Foundation

/// What the argument parser says when it cannot parse a command line, in the user's language, with the nearest
/// subcommand when a word is not one (« vouliez-vous dire « status » ? »).
enum ParserMessages {
    /// The names a command answers to: its own and its aliases.
    static func names(of command: any ParsableCommand.Type) -> [String] {
        [command.configuration.commandName ?? command._commandName] + command.configuration.aliases
    }

    /// Every subcommand of `command`, grouped or not.
    static func subcommands(of command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        let configuration = command.configuration
        var all = configuration.subcommands + configuration.groupedSubcommands.flatMap(\.subcommands)
        var seen: Set<String> = []
        all.removeAll { !seen.insert(names(of: $0)[0]).inserted }
        return all
    }

    /// When `word` stands where a subcommand of a group is expected and names none: the group's path and up to three
    /// names nearest to it (by edit distance, or those it begins), nearest first.
    static func unknownSubcommand(
        _ word: String, in arguments: [String]
    )
        -> (path: String, suggestions: [String])?
    {
        var command: any ParsableCommand.Type = GreffeCommand.self
        var path = ["greffe"]
        for argument in arguments {
            if argument.hasPrefix("-") { return nil }
            let children = subcommands(of: command)
            if children.isEmpty { return nil }
            if let next = children.first(where: { names(of: $0).contains(argument) }) {
                command = next
                path.append(argument)
                continue
            }
            guard argument == word else { return nil }
            let candidates = children.flatMap { names(of: $0) } + ["help"]
            let scored = candidates.map { ($0, distance($0, word)) }
            let limit = max(2, word.count / 3)
            let near = scored.filter { $0.1 <= limit || ($0.0.hasPrefix(word) && word.count >= 2) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
            return (path.joined(separator: " "), Array(near))
        }
        return nil
    }

    /// Typos between two words: the edit distance `greffe` uses for case ids (a swap of neighbours counts one).
    static func distance(_ a: String, _ b: String) -> Int { editDistance(a, b) }

    /// The parser's message for `error` (its "Error: …" line, help line and usage), with the nearest subcommand
    /// added to an unexpected word, in French unless the language is English.
    static func message(for error: any Error, arguments: [String], language: Language) -> String {
        var text = GreffeCommand.fullMessage(for: error)
        // "Unexpected argument 'x'" or "2 unexpected arguments: 'x', 'y'": the first word is where parsing stopped.
        if let range = text.range(of: #"[Uu]nexpected arguments?:? '[^']*'"#, options: .regularExpression) {
            let quoted = text[range].split(separator: "'", omittingEmptySubsequences: false)
            let word = quoted.count > 1 ? String(quoted[1]) : ""
            if let (path, near) = unknownSubcommand(word, in: arguments) {
                let list = near.map { "'\($0)'" }.joined(separator: ", ")
                let line =
                    near.isEmpty
                    ? "'\(word)' is not a subcommand of '\(path)'."
                    : "'\(word)' is not a subcommand of '\(path)'. Did you mean \(list)?"
                text.insert(
                    contentsOf: "\n" + line, at: text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex)
            }
        }
        return language == .fr ? french(text) : text
    }

    /// The parser's English sentences in French; a sentence it does not know stays as it is.
    static func french(_ text: String) -> String {
        let patterns: [(String, String)] = [
            (#"^Error: "#, "Erreur : "),
            (#"Unexpected argument '([^']*)'"#, "argument inattendu « $1 »"),
            (#"([0-9]+) unexpected arguments: "#, "$1 arguments inattendus : "),
            (#"Unknown option '([^']*)'"#, "option inconnue « $1 »"),
            (#"Missing expected argument '([^']*)'"#, "argument obligatoire manquant : « $1 »"),
            (#"Missing value for '([^']*)'"#, "valeur manquante pour « $1 »"),
            (#"The value '([^']*)' is invalid for '([^']*)'"#, "la valeur « $1 » n'est pas valable pour « $2 »"),
            (#"Please provide one of the following:"#, "Valeurs possibles :"),
            (#"Did you mean ('[^?]*)\?"#, "Vouliez-vous dire $1 ?"),
            (#"'([^']*)' is not a subcommand of '([^']*)'\."#, "« $1 » n'est pas une sous-commande de « $2 »."),
            (#"(?m)^Help: "#, "Aide : "),
            (#"(?m)^Usage: "#, "Usage : "),
            (#"See '([^']*)' for more information\."#, "Voir « $1 » pour en savoir plus.")
        ]
        var out = text
        for (pattern, template) in patterns {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        // The suggestions' own quotes: 'status' → « status ».
        if let range = out.range(of: #"Vouliez-vous dire [^\n]*"#, options: .regularExpression) {
            let line = String(out[range]).replacingOccurrences(
                of: #"'([^']*)'"#, with: "« $1 »",
                options: .regularExpression)
            out.replaceSubrange(range, with: line)
        }
        return out
    }
}
