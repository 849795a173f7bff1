import ArgumentParser
import Crypto
import Discipline
import Documents
import Foundation
import Registry

extension GreffeCommand {
    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tout ce qui est dû dans les dossiers ouverts : les retards d'abord, puis par échéance.",
            discussion: prose(
                """
                Lu dans l'index tenu à jour à chaque acte (aucun rejeu du journal). Les délais que l'association doit \
                tenir restent affichés en retard tant que l'acte n'est pas fait ; les délais d'une partie (réponse, \
                recours) disparaissent quand ils sont écoulés.

                --ics écrit un fichier iCalendar (un événement « journée entière » par échéance, identifiants stables : \
                réexporter met à jour l'agenda abonné au lieu de dupliquer), daté du moment où il est écrit, avec un \
                rappel --alarm-days jours avant (3 par défaut, 0 : aucun) et, en description, le dossier, la règle, \
                l'article et la commande suivante. Un agenda est souvent synchronisé chez un tiers : il ne contient \
                aucun nom, seulement les identifiants de dossier et de membre, sauf avec --with-names.

                Exemples :
                  greffe agenda
                  greffe agenda --within 14
                  greffe agenda --ics ~/greffe.ics
                  greffe agenda --ics ~/greffe.ics --alarm-days 7 --with-names
                  greffe agenda --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            help: ArgumentHelp("Seulement ce qui est dû d'ici N jours (les retards restent affichés).", valueName: "N"))
        var within: Int?

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp(
                "Jour de référence : les dossiers tels qu'ils étaient ce jour-là (défaut : aujourd'hui).",
                valueName: "jour"))
        var asOf: Day?

        @Option(help: ArgumentHelp("Écrit aussi les échéances dans ce fichier iCalendar.", valueName: "fichier"))
        var ics: String?

        @Option(
            name: .customLong("alarm-days"),
            help: ArgumentHelp(
                "Avec --ics : rappel N jours avant chaque échéance (0 : aucun rappel ; défaut : GREFFE_ALARM_DAYS, le fichier de configuration, sinon 3).",
                valueName: "N"))
        var alarmDays: Int?

        /// `--alarm-days`, else `GREFFE_ALARM_DAYS` (which the configuration file's `rappel` sets), else 3.
        var effectiveAlarmDays: Int {
            alarmDays ?? ProcessInfo.processInfo.environment["GREFFE_ALARM_DAYS"].flatMap { Int($0) } ?? 3
        }

        @Flag(name: .customLong("with-names"), help: "Avec --ics : les noms des membres à côté de leurs identifiants.")
        var withNames = false

        @Flag(help: "Sortie JSON.")
        var json = false

        func validate() throws {
            if let within, within < 0 {
                throw ValidationError("--within doit être positif / --within must be positive")
            }
            if let alarmDays, alarmDays < 0 || alarmDays > 366 {
                throw ValidationError("--alarm-days : entre 0 et 366 / --alarm-days: between 0 and 366")
            }
        }

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let today = try registry.day(asOf)
            // On a given day, the cases and ladders as they stood then (their acts dated up to that day);
            // otherwise the index kept up to date by every act.
            // Article 6: the erasures due that day are due work too (R35), listed in a section of their own.
            let erasures = try registry.retentionReview(asOf: today).due.map(\.agendaItem)
            // The general assemblies: a GA to schedule after an appeal or a referral, and each scheduled GA.
            let assemblies = try AssemblyAgenda.items(registry, today: today)
            let items =
                try asOf.map { day in
                    AgendaItem.items(
                        try registry.dueIndex(asOf: day), ladders: try registry.ladderAgenda(asOf: day),
                        today: day, within: within, paths: try registry.pathAgenda(asOf: day) + erasures,
                        assemblies: assemblies)
                }
                ?? AgendaItem.items(
                    try registry.dueIndex(), ladders: try registry.ladderAgenda(today: today),
                    today: today, within: within, paths: try registry.pathAgenda() + erasures,
                    assemblies: assemblies)
            if let ics {
                let entries = items.map {
                    CalendarEntry(
                        subject: $0.subject, rule: $0.rule, labelFr: $0.labelFr,
                        labelEn: $0.labelEn, due: $0.due, uid: $0.uid)
                }
                let text = ICalendar.text(
                    entries, now: Date(), alarmDays: effectiveAlarmDays, language: l,
                    names: withNames ? try registry.displayNames(try registry.reveal(words: l.revealWords)) : nil)
                try writeFile(ics, text)
            }
            if json {
                print(try jsonText(items.map(\.view)))
                return
            }
            if items.isEmpty {
                print(
                    l.t(
                        "Rien à faire\(within.map { " d'ici \($0) j" } ?? "") au \(today).",
                        "Nothing due\(within.map { " within \($0) day(s)" } ?? "") as of \(today)."))
            }
            for item in items where item.rule != RuleID.R35.rawValue {
                let when: String
                if item.waiting {
                    when = l.t("en attente depuis le \(item.due)", "waiting since \(item.due)")
                } else if item.daysLeft < 0 {
                    when = l.t("EN RETARD de \(-item.daysLeft) j", "OVERDUE by \(-item.daysLeft) day(s)")
                } else if item.daysLeft == 0 {
                    when = l.t("aujourd'hui", "today")
                } else {
                    when = l.t("dans \(item.daysLeft) j", "in \(item.daysLeft) day(s)")
                }
                print(
                    "\(item.due)  \(CalendarEntry.subjectWords(item.subject, l))  \(item.rule)  "
                        + (l == .fr ? item.labelFr : item.labelEn) + "  — "
                        + when)
            }
            let due = items.filter { $0.rule == RuleID.R35.rawValue }
            if !due.isEmpty {
                print(
                    l.t(
                        "Effacements dus (article 6, greffe privacy due --apply) :",
                        "Erasures due (Article 6, greffe privacy due --apply):"))
                for item in due {
                    print(
                        "  \(item.due)  \(CalendarEntry.subjectWords(item.subject, l))  "
                            + (l == .fr ? item.labelFr : item.labelEn)
                            + "  — " + l.t("dû depuis le \(item.due)", "due since \(item.due)"))
                }
            }
            if let ics { print(l.t("Calendrier écrit : \(ics)", "Calendar written: \(ics)")) }
        }
    }
}

/// One line of the agenda: a deadline of a case, or what a person's ladder record awaits.
struct AgendaItem {
    /// The case id, or `ladder <rulebook>/<member>`.
    var subject: String
    /// The rule (R04…) or the ladder measure awaited.
    var rule: String
    var labelFr: String
    var labelEn: String
    var due: Day
    /// The association owes it (overdue stays listed); otherwise it is a party's window that simply closes.
    var bindsAssociation: Bool
    /// Pending with no due day (a request awaiting its answer): listed from the day it arose, never overdue.
    var waiting: Bool
    var daysLeft: Int

    /// Overdue first, then by due day; a party's window that closed is no longer listed.
    static func items(
        _ index: [(id: CaseID, pending: [PendingDeadline])], ladders: [LadderAgendaItem], today: Day,
        within: Int?, paths: [PathAgendaItem] = [], assemblies: [AgendaItem] = []
    ) -> [AgendaItem] {
        let deadlines = index.flatMap { entry in
            entry.pending.map { d in
                AgendaItem(
                    subject: entry.id.rawValue, rule: d.rule.rawValue, labelFr: d.labelFr, labelEn: d.labelEn,
                    due: d.due, bindsAssociation: d.bindsAssociation, waiting: false, daysLeft: today.days(until: d.due)
                )
            }
        }
        let records = ladders.map { item in
            let day = item.pending.due ?? item.pending.since
            return AgendaItem(
                subject: "ladder \(item.rulebook)/\(item.member)", rule: item.pending.measure,
                labelFr: item.pending.labelFr, labelEn: item.pending.labelEn, due: day, bindsAssociation: true,
                waiting: item.pending.due == nil, daysLeft: today.days(until: day))
        }
        // Mediations (5.4) and revocations (4.5): what they wait for, from their indexes.
        let pathItems = paths.map { item in
            let day = item.due ?? item.since
            return AgendaItem(
                subject: item.subject, rule: item.rule.rawValue, labelFr: item.labelFr, labelEn: item.labelEn,
                due: day, bindsAssociation: true, waiting: item.due == nil, daysLeft: today.days(until: day))
        }
        return (deadlines + records + pathItems + assemblies)
            .filter { $0.bindsAssociation || $0.daysLeft >= 0 }
            .filter { within == nil || $0.waiting || $0.daysLeft <= within ?? 0 }
            .sorted { a, b in
                let overdueA = a.daysLeft < 0 && !a.waiting, overdueB = b.daysLeft < 0 && !b.waiting
                if overdueA != overdueB { return overdueA }
                return (a.due, a.subject, a.rule, a.labelEn) < (b.due, b.subject, b.rule, b.labelEn)
            }
    }

    /// The line as `agenda --json` writes it.
    var view: AgendaItemView {
        AgendaItemView(
            subject: subject, rule: rule, labelFr: labelFr, labelEn: labelEn, due: due.description,
            daysLeft: daysLeft, overdue: daysLeft < 0 && !waiting, waiting: waiting,
            bindsAssociation: bindsAssociation)
    }

    /// A stable identifier: the same deadline keeps its UID across exports, so calendars update it.
    var uid: String {
        let digest = SHA256.hash(data: Data("\(subject)|\(rule)|\(labelEn)".utf8))
        let safe = subject.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return String(safe) + "-\(rule)-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined() + "@greffe"
    }
}
