import ArgumentParser
import Crypto
import Discipline
import Foundation
import Registry

extension GreffeCommand {
    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tout ce qui est dû dans les dossiers ouverts : les retards d'abord, puis par échéance.",
            discussion: """
                Lu dans l'index tenu à jour à chaque acte (aucun rejeu du journal). Les délais que l'association doit
                tenir restent affichés en retard tant que l'acte n'est pas fait ; les délais d'une partie (réponse,
                recours) disparaissent quand ils sont écoulés.

                --ics écrit un fichier iCalendar (un événement « journée entière » par échéance, identifiants stables :
                réexporter met à jour l'agenda abonné au lieu de dupliquer).

                Exemples :
                  greffe agenda
                  greffe agenda --within 14
                  greffe agenda --ics ~/greffe.ics
                  greffe agenda --json
                """)

        @OptionGroup var options: StoreOptions

        @Option(help: ArgumentHelp("Seulement ce qui est dû d'ici N jours (les retards restent affichés).", valueName: "N"))
        var within: Int?

        @Option(name: .customLong("as-of"), help: ArgumentHelp("Jour de référence (défaut : aujourd'hui).", valueName: "jour"))
        var asOf: Day?

        @Option(help: ArgumentHelp("Écrit aussi les échéances dans ce fichier iCalendar.", valueName: "fichier"))
        var ics: String?

        @Flag(help: "Sortie JSON.")
        var json = false

        func validate() throws {
            if let within, within < 0 { throw ValidationError("--within doit être positif / --within must be positive") }
        }

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                let registry = try options.registry()
                let today = try registry.day(asOf)
                let items = AgendaItem.items(try registry.caseIndex(), today: today, within: within)
                if let ics {
                    let text = AgendaItem.iCalendar(items, language: l)
                    do {
                        try text.write(toFile: ics, atomically: true, encoding: .utf8)
                    } catch {
                        throw CLIFailure(status: .storeError, fr: "impossible d'écrire \(ics) : \(error.localizedDescription)",
                                         en: "cannot write \(ics): \(error.localizedDescription)")
                    }
                }
                if json {
                    print(try jsonLine(items.map(\.json)))
                    return
                }
                if items.isEmpty {
                    print(l.t("Rien à faire\(within.map { " d'ici \($0) j" } ?? "") au \(today).",
                              "Nothing due\(within.map { " within \($0) day(s)" } ?? "") as of \(today)."))
                }
                for item in items {
                    let when: String
                    if item.daysLeft < 0 {
                        when = l.t("EN RETARD de \(-item.daysLeft) j", "OVERDUE by \(-item.daysLeft) day(s)")
                    } else if item.daysLeft == 0 {
                        when = l.t("aujourd'hui", "today")
                    } else {
                        when = l.t("dans \(item.daysLeft) j", "in \(item.daysLeft) day(s)")
                    }
                    print("\(item.deadline.due)  \(item.caseID)  \(item.deadline.rule.rawValue)  "
                        + (l == .fr ? item.deadline.labelFr : item.deadline.labelEn) + "  — " + when)
                }
                if let ics { print(l.t("Calendrier écrit : \(ics)", "Calendar written: \(ics)")) }
            }
        }
    }
}

/// One line of the agenda.
struct AgendaItem {
    var caseID: CaseID
    var deadline: PendingDeadline
    var daysLeft: Int

    /// Overdue first, then by due day; a party's window that closed is no longer listed.
    static func items(_ index: [CaseSummary], today: Day, within: Int?) -> [AgendaItem] {
        index.flatMap { summary in
            summary.pending.map { AgendaItem(caseID: summary.id, deadline: $0, daysLeft: today.days(until: $0.due)) }
        }
        .filter { $0.deadline.bindsAssociation || $0.daysLeft >= 0 }
        .filter { within == nil || $0.daysLeft <= within ?? 0 }
        .sorted { a, b in
            let overdueA = a.daysLeft < 0, overdueB = b.daysLeft < 0
            if overdueA != overdueB { return overdueA }
            return (a.deadline.due, a.caseID, a.deadline.rule) < (b.deadline.due, b.caseID, b.deadline.rule)
        }
    }

    var json: [String: Any] {
        ["case": caseID.rawValue, "rule": deadline.rule.rawValue, "labelFr": deadline.labelFr,
         "labelEn": deadline.labelEn, "due": deadline.due.description, "daysLeft": daysLeft,
         "overdue": daysLeft < 0, "bindsAssociation": deadline.bindsAssociation]
    }

    /// A stable identifier: the same deadline keeps its UID across exports, so calendars update it.
    var uid: String {
        let digest = SHA256.hash(data: Data("\(caseID)|\(deadline.rule.rawValue)|\(deadline.labelEn)".utf8))
        return "\(caseID)-\(deadline.rule.rawValue)-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
            + "@greffe"
    }

    /// An RFC 5545 calendar: one all-day event per deadline, CRLF line ends, long lines folded.
    static func iCalendar(_ items: [AgendaItem], language l: Language) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
                .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
        }
        func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Greffe//Registre disciplinaire//FR", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(l.t("Greffe — échéances", "Greffe — deadlines"))]
        for item in items {
            let label = l == .fr ? item.deadline.labelFr : item.deadline.labelEn
            lines += [
                "BEGIN:VEVENT",
                "UID:\(item.uid)",
                // The stamp is the due day itself, so an unchanged deadline exports byte for byte the same.
                "DTSTAMP:\(compact(item.deadline.due))T000000Z",
                "DTSTART;VALUE=DATE:\(compact(item.deadline.due))",
                "DTEND;VALUE=DATE:\(compact(item.deadline.due.adding(days: 1)))",
                "SUMMARY:" + escape("\(item.caseID) \(item.deadline.rule.rawValue) — \(label)"),
                "DESCRIPTION:" + escape(l.t("Dossier \(item.caseID), règle \(item.deadline.rule.rawValue) : \(label).",
                                            "Case \(item.caseID), rule \(item.deadline.rule.rawValue): \(label).")),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Folds a content line at 75 octets without cutting a UTF-8 character (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out
    }
}
