import ArgumentParser
import Discipline
import Foundation
import Registry

extension Day: ExpressibleByArgument {
    /// Accepts `2026-11-24` and `24/11/2026`.
    public init?(argument: String) { self.init(argument) }
}

/// The day an act happened and who records it, shared by every command that writes.
struct ActOptions: ParsableArguments {
    @Option(
        name: .customLong("on"),
        help: ArgumentHelp(
            "Jour de l'acte : 2026-11-24 ou 24/11/2026 (défaut : aujourd'hui, ou GREFFE_TODAY).", valueName: "jour"))
    var on: Day?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Le membre qui enregistre l'acte (défaut : GREFFE_ACTOR) ; pour un acte de dossier, un membre du Conseil ou le rapporteur du dossier.",
            valueName: "membre"))
    var actor: String?

    /// `--as` (or GREFFE_ACTOR) is an identity field: no control character, no bidirectional override, at most 128
    /// bytes.
    mutating func validate() throws {
        // Whether anybody is named at all is checked when the act is recorded (exit 64 there too).
        if let who = actor ?? ProcessInfo.processInfo.environment["GREFFE_ACTOR"] {
            try validateIdentity("--as", [who])
            // A unique prefix or a name names the recorder too; one not on the roster is the registry's to refuse.
            let trimmed = who.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                let found = CommandLineNames.shared.member(trimmed, option: "--as", unknownIsFailure: false)
                if found.rawValue != trimmed { actor = found.rawValue }
            }
        }
    }

    /// The day of the act: `--on`, else today.
    func day(rulebook: Rulebook) throws -> Day { try on ?? Today.resolve(timeZone: rulebook.timeZone) }

    /// Who records: `--as`, else `GREFFE_ACTOR`; never empty, never guessed from the system's user name (the
    /// registry then checks that it names a member who may record the act). "Today" is `GREFFE_TODAY` when set
    /// (no act may be dated after it), else the clock's day.
    var recording: Recording {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            let who = (actor ?? environment["GREFFE_ACTOR"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !who.isEmpty else {
                throw CLIFailure(
                    status: .usage,
                    fr:
                        "qui enregistre l'acte ? Donnez --as MEMBRE (ou exportez GREFFE_ACTOR=MEMBRE) : un membre du Conseil ou le rapporteur du dossier",
                    en:
                        "who records the act? Give --as MEMBER (or export GREFFE_ACTOR=MEMBER): a board member or the case's rapporteur"
                )
            }
            return Recording(actor: who, today: try Today.fixed())
        }
    }
}

/// "Today" comes from the caller: `GREFFE_TODAY` when set (reproducible demos, tests and audits), else the system
/// clock read in the association's time zone.
enum Today {
    static func resolve(timeZone identifier: String) throws -> Day {
        if let day = try fixed() { return day }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let y = parts.year, let m = parts.month, let d = parts.day, let day = Day(year: y, month: m, day: d)
        else {
            throw CLIFailure(status: .internalError, fr: "date système illisible", en: "unreadable system date")
        }
        return day
    }

    /// `GREFFE_TODAY`, when set.
    static func fixed() throws -> Day? {
        guard let fixed = ProcessInfo.processInfo.environment["GREFFE_TODAY"], !fixed.isEmpty else { return nil }
        guard let day = Day(fixed) else {
            throw CLIFailure(
                status: .usage, fr: "GREFFE_TODAY=\(fixed) n'est pas une date (2026-11-24 ou 24/11/2026)",
                en: "GREFFE_TODAY=\(fixed) is not a date (2026-11-24 or 24/11/2026)")
        }
        return day
    }
}

/// Refuses (usage, 64) an identity given on the command line — who records, a party's id or an outside person's name —
/// that holds a control character or a bidirectional override, or is longer than `IdentityText.maxIDBytes`.
func validateIdentity(_ option: String, _ values: [String]) throws {
    for value in values {
        if value.utf8.count > IdentityText.maxIDBytes {
            throw ValidationError(
                "\(option) : au plus \(IdentityText.maxIDBytes) octets (\(value.utf8.count) donnés) / at most \(IdentityText.maxIDBytes) bytes"
            )
        }
        if let scalar = IdentityText.forbiddenScalar(in: value) {
            throw ValidationError(
                "\(option) : caractère de contrôle \(IdentityText.name(scalar)) refusé / control character \(IdentityText.name(scalar)) refused"
            )
        }
    }
}
