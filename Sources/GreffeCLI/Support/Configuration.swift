import Foundation
import Discipline

/// The user's configuration file: the defaults a volunteer would otherwise export in every shell (`GREFFE_STORE`,
/// `GREFFE_ACTOR`, `GREFFE_LANG`, and `GREFFE_ALARM_DAYS` for the calendar's reminders).
///
/// Where: `GREFFE_CONFIG` when set (it must then exist), else `$XDG_CONFIG_HOME/greffe/config`, else
/// `~/.config/greffe/config` (absent is fine). What: one `clé = valeur` a line, `#` starts a comment (after a space
/// at the end of a line too), a value may be put between double quotes (then it may hold `#`), `~/` at the start of the store's path is the home folder:
///
///     # ~/.config/greffe/config
///     magasin = ~/Documents/greffe/registre
///     acteur = m002
///     langue = fr
///     rappel = 7          # jours avant chaque échéance, dans le calendrier (agenda --ics)
///
/// Precedence, lowest first: the file, then the variable, then the option on the command line.
struct Configuration {
    struct Key {
        var names: [String]
        var variable: String
        var accepts: @Sendable (String) -> Bool
    }

    static let keys: [Key] = [
        Key(names: ["magasin", "store"], variable: "GREFFE_STORE", accepts: { !$0.isEmpty }),
        Key(names: ["acteur", "actor", "as"], variable: "GREFFE_ACTOR", accepts: { !$0.isEmpty }),
        Key(names: ["langue", "lang"], variable: "GREFFE_LANG", accepts: { Language(rawValue: $0) != nil }),
        Key(
            names: ["rappel", "alarm-days"], variable: "GREFFE_ALARM_DAYS",
            accepts: { Int($0).map { (0...366).contains($0) } ?? false })
    ]

    /// The file to read and whether it must exist (`GREFFE_CONFIG` names one that must).
    static func location(_ environment: [String: String]) -> (path: String, required: Bool) {
        if let explicit = environment["GREFFE_CONFIG"], !explicit.isEmpty { return (explicit, true) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        return (configHome + "/greffe/config", false)
    }

    /// The variables the file sets, in its order, or what is wrong with it (file, line, key or value).
    static func settings(
        of text: String, file: String, home: String
    ) -> Result<[(variable: String, value: String)], CLIFailure> {
        var out: [(variable: String, value: String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let at = "\(file), ligne \(index + 1)", atEn = "\(file), line \(index + 1)"
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                return .failure(
                    CLIFailure(
                        status: .configuration,
                        fr: "\(at) : « clé = valeur » attendu, lu « \(line) »",
                        en: "\(atEn): \"key = value\" expected, found \"\(line)\""))
            }
            let name = parts[0].lowercased()
            guard let key = keys.first(where: { $0.names.contains(name) }) else {
                let known = keys.map { $0.names.joined(separator: "/") }.joined(separator: ", ")
                return .failure(
                    CLIFailure(
                        status: .configuration,
                        fr: "\(at) : clé « \(parts[0]) » inconnue (clés : \(known))",
                        en: "\(atEn): unknown key \"\(parts[0])\" (keys: \(known))"))
            }
            var value = parts[1]
            if value.hasPrefix("\""), let close = value.dropFirst().firstIndex(of: "\"") {
                value = String(value[value.index(after: value.startIndex)..<close])
            } else if let comment = value.range(of: " #") ?? value.range(of: "\t#") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            if key.variable == "GREFFE_STORE", value.hasPrefix("~/") { value = home + value.dropFirst() }
            guard key.accepts(value), IdentityText.forbiddenScalar(in: value) == nil else {
                return .failure(
                    CLIFailure(
                        status: .configuration,
                        fr: "\(at) : valeur « \(value) » refusée pour \(parts[0])",
                        en: "\(atEn): value \"\(value)\" refused for \(parts[0])"))
            }
            out.append((key.variable, value))
        }
        return .success(out)
    }

    /// Reads the file, if any, and sets each variable it gives that the environment does not already set. Returns
    /// what went wrong (the command then stops before doing anything).
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> CLIFailure? {
        let (path, required) = location(environment)
        guard FileManager.default.fileExists(atPath: path) else {
            return required
                ? CLIFailure(
                    status: .notFound, fr: "fichier de configuration introuvable : \(path) (GREFFE_CONFIG)",
                    en: "no such configuration file: \(path) (GREFFE_CONFIG)")
                : nil
        }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            return CLIFailure(
                status: .configuration, fr: "\(path) : fichier de configuration illisible (UTF-8 attendu)",
                en: "\(path): unreadable configuration file (UTF-8 expected)")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        switch settings(of: text, file: path, home: home) {
        case .failure(let failure):
            return failure
        case .success(let settings):
            for (variable, value) in settings where (environment[variable] ?? "").isEmpty {
                setenv(variable, value, 1)
            }
            return nil
        }
    }
}
