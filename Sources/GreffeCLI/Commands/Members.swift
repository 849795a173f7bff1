import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry
import SwiftCSV

extension GreffeCommand {
    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "La liste des membres : importer un tableur, lister, afficher un membre.",
            subcommands: [Import.self, List.self, Show.self, Resign.self] + nonPaymentSubcommands)
    }
}

extension GreffeCommand.Members {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importe la liste des membres depuis un fichier CSV (séparateur , ; ou tabulation).",
            discussion: prose(
                """
                Colonnes (en-têtes français ou anglais, sans souci de casse ni d'accents) :
                  id | identifiant        identifiant stable du membre (obligatoire)
                  nom | name              nom affiché (obligatoire) ; avec une colonne prénom, « Prénom Nom »
                  prénom | first name     prénom, placé avant le nom
                  courriel | email        adresse électronique (obligatoire, sauf avec une colonne téléphone)
                  cotisation | dues       années de cotisation payées, ex. 2025;2026
                  Cotisation 2026 …       une colonne par année : oui | non, ou le jour du paiement (JJ/MM/AAAA)
                  type | kind             personne | association
                  ca | board | Membre du CA   siège au conseil d'administration : oui | non
                  téléphone | phone       numéro de téléphone ; sans colonne courriel, il en tient lieu
                  membre depuis | adhésion    jour d'adhésion (JJ/MM/AAAA) : « membre depuis » du nouveau membre

                Les colonnes que Greffe ne lit pas sont nommées dans un avertissement, comme les colonnes
                facultatives absentes (cotisation, type, CA) : rien n'est ignoré en silence.

                Le fichier est en UTF-8 ; un fichier en UTF-16 ou en Windows-1252/Latin-1 est converti, avec un
                avertissement. Identifiant (128 octets au plus), nom et courriel (320) refusent les caractères de
                contrôle (sauts de ligne, ESC…) et les inversions de sens d'écriture ; une cellule qui contient un
                guillemet est entre guillemets, et ses guillemets sont doublés.

                Importer deux fois le même fichier n'ajoute rien ; une ligne modifiée n'enregistre que ce qui change.
                Une ligne fautive est signalée avec son numéro, et rien du fichier n'est écrit (sortie 65).
                --dry-run montre, membre par membre, ce que l'import enregistrerait, sans rien écrire.

                Exemples :
                  greffe members import adherents.csv --on 2026-01-15 --as secretariat
                  greffe members import members.csv --lang en
                """))

        @OptionGroup var options: StoreOptions
        @OptionGroup var act: ActOptions

        @Argument(help: "Le fichier CSV.")
        var file: String

        @Flag(
            name: .customLong("dry-run"),
            help: ArgumentHelp(
                "Simulation : affiche ce que l'import enregistrerait, membre par membre, sans rien écrire."))
        var dryRun = false

        func run() throws {
            let l = options.language
            guard FileManager.default.fileExists(atPath: file) else {
                throw CLIFailure(status: .notFound, fr: "fichier introuvable : \(file)", en: "no such file: \(file)")
            }
            let (text, encoding) = try TextInput.spreadsheet(try readFile(file), file: file)
            let delimiter = CSVDelimiter.guessed(string: text)
            if let line = TextInput.quoteProblemLine(in: text, delimiter: delimiter.rawValue) {
                throw CLIFailure(
                    status: .refused,
                    fr:
                        "\(file), ligne \(line) : guillemet \" mal placé ; dans une cellule, un guillemet se double (\"\") et la cellule entière se met entre guillemets ; rien n'a été écrit",
                    en:
                        "\(file), line \(line): misplaced double quote; inside a cell a quote is doubled (\"\") and the whole cell is quoted; nothing was written"
                )
            }
            let csv: CSV<Enumerated>
            do {
                csv = try CSV<Enumerated>(string: text, delimiter: delimiter)
            } catch {
                throw CLIFailure(
                    status: .refused, fr: "\(file) n'est pas un CSV lisible (guillemets) ; rien n'a été écrit",
                    en: "\(file) is not a readable CSV (quotes); nothing was written")
            }
            if encoding != .utf8 {
                writeError(
                    l.t(
                        "greffe : \(file) est en \(encoding.name), converti en UTF-8 : vérifiez les accents des noms importés.",
                        "greffe: \(file) is in \(encoding.name), converted to UTF-8: check the accents of the names imported."
                    ))
            }
            if let columns = try? RosterColumns.map(header: csv.header) {
                for notice in Self.notices(columns, language: l) { writeError(notice) }
            }
            let registry = try options.registry()
            registry.store.dryRun = dryRun
            let changes = try registry.importRoster(
                header: csv.header, rows: csv.rows, on: try act.day(rulebook: registry.rulebook),
                recording: try act.recording)
            if dryRun {
                print(
                    l.t(
                        "Simulation (--dry-run) : rien n'a été écrit. L'import réel enregistrerait :",
                        "Dry run (--dry-run): nothing was written. The real import would record:"))
                let joinDays = Roster.joinDays(header: csv.header, records: csv.rows, for: changes)
                for (id, events) in changes.sorted(by: { $0.key < $1.key }) {
                    let since = events.contains { if case .joined = $0 { true } else { false } } ? joinDays[id] : nil
                    print(
                        "  \(id) : " + events.map { Self.preview($0, language: l) }.joined(separator: " ; ")
                            + (since.map { l.t(" ; membre depuis le \($0.frenchDescription)", "; member since \($0)") }
                                ?? ""))
                }
            }
            if changes.isEmpty {
                print(
                    l.t("Aucun changement : la liste est déjà à jour.", "No change: the roster is already up to date."))
            } else {
                let joined = changes.values.filter { $0.contains { if case .joined = $0 { true } else { false } } }
                    .count
                let events = changes.values.map(\.count).reduce(0, +)
                print(
                    l.t(
                        "\(changes.count) membre(s) concerné(s) dont \(joined) nouveau(x) ; \(events) acte(s) enregistré(s).",
                        "\(changes.count) member(s) affected, \(joined) new; \(events) act(s) recorded."))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Liste les membres ; avec --eligible-for, dit qui peut siéger dans la cellule d'un dossier et pourquoi les autres ne le peuvent pas.",
            discussion: prose(
                """
                Exemples :
                  greffe members list
                  greffe members list --eligible-for 2026-001 --on 2026-03-20
                  greffe members list --json
                """))

        @OptionGroup var options: StoreOptions

        @Option(
            name: .customLong("eligible-for"),
            help: ArgumentHelp("Dossier dont on constitue la cellule de crise.", valueName: "dossier"))
        var eligibleFor: String?

        @Option(
            name: .customLong("on"), help: ArgumentHelp("Jour considéré (défaut : aujourd'hui).", valueName: "jour"))
        var on: Day?

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let day = try registry.day(on)
            let members = try registry.members()
            let reveal = try registry.reveal(words: l.revealWords)
            let judged = try registry.judgementsSat()
            var eligibility: [MemberID: [ExclusionReason]] = [:]
            if let eligibleFor {
                let id = CaseID(eligibleFor)
                try registry.requireCase(id)
                let loaded = try registry.loadCase(id, asOf: day)
                let context = try registry.caseContext(for: id, on: day)
                for member in members {
                    eligibility[member.id] = loaded.state.isEligibleForCell(
                        member.id, context: context, on: day, rulebook: loaded.rulebook)
                }
            }
            if json {
                let rows = members.map { m in
                    let reasons = eligibility[m.id]
                    return MemberRowJSON(
                        id: m.id.rawValue, name: reveal(m.displayName), email: reveal(m.email), kind: m.kind.rawValue,
                        duesYears: m.duesYears.sorted(), board: m.roles(on: day).contains(.boardMember),
                        active: m.standing(on: day, judgementsSat: []).isActive(on: day),
                        judgementsSat: (judged[m.id] ?? []).map(\.rawValue),
                        reference: m.reference.map { reveal($0) }, eligible: reasons.map(\.isEmpty),
                        exclusions: reasons.map {
                            $0.map { MemberRowJSON.Exclusion(rule: $0.rule.rawValue, fr: $0.fr, en: $0.en) }
                        })
                }
                print(try jsonText(rows))
                return
            }
            if members.isEmpty {
                print(l.t("(aucun membre ; voir `greffe members import`)", "(no members; see `greffe members import`)"))
            }
            for m in members {
                let dues = m.duesYears.sorted().map(String.init).joined(separator: ",")
                let name = SafeText.field(reveal(m.displayName))
                let reference = m.reference.map { l.t("  réf. ", "  ref. ") + SafeText.field(reveal($0)) } ?? ""
                var line =
                    "\(SafeText.field(m.id.rawValue))  \(name)\(reference)  " + l.t("cotisation", "dues")
                    + " \(dues.isEmpty ? "—" : dues)"
                if m.roles(on: day).contains(.boardMember) { line += l.t("  CA", "  board") }
                if let left = m.departedOn { line += l.t("  parti·e le \(left)", "  left on \(left)") }
                if let radiated = m.radiatedOn { line += l.t("  radié·e le \(radiated)", "  radiated on \(radiated)") }
                let sat = judged[m.id]?.count ?? 0
                if sat > 0 { line += l.t("  jugements : \(sat)", "  judgements: \(sat)") }
                if let reasons = eligibility[m.id] {
                    line +=
                        reasons.isEmpty
                        ? l.t("  ÉLIGIBLE", "  ELIGIBLE")
                        : "  " + l.t("exclu·e", "excluded") + " : "
                            + reasons.map { "\($0.rule.rawValue) \(l == .fr ? $0.fr : $0.en)" }.joined(separator: " ; ")
                }
                print(line)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche un membre : cotisations, mandats, dossiers où il est partie, jugements rendus (R17).",
            discussion: prose(
                """
                Exemples :
                  greffe members show m012
                  greffe members show m012 --json
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du membre.")
        var id: String

        @Flag(help: "Sortie JSON.")
        var json = false

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let memberID = try registry.resolveMember(id)
            guard let m = try registry.member(memberID) else { throw RegistryError.unknownMember(memberID) }
            let reveal = try registry.reveal(words: l.revealWords)
            let judged = (try registry.judgementsSat()[memberID] ?? []).map(\.rawValue).sorted()
            let parties = try registry.caseIndex().filter { $0.accused.contains(memberID) }.map(\.id.rawValue)
            if json {
                let object = MemberJSON(
                    id: m.id.rawValue, name: reveal(m.displayName), email: reveal(m.email), kind: m.kind.rawValue,
                    joinedOn: m.joinedOn.description,
                    dues: m.duesPaidOn.sorted { $0.key < $1.key }.map {
                        MemberJSON.Dues(year: $0.key, recordedOn: $0.value.description)
                    },
                    mandates: m.mandates.map {
                        MemberJSON.Mandate(
                            role: $0.role.rawValue, from: $0.from.description, until: $0.until?.description)
                    },
                    judgementsSat: judged, accusedIn: parties, departedOn: m.departedOn?.description,
                    radiatedOn: m.radiatedOn?.description, erasedOn: m.erasedOn?.description,
                    phone: m.phone.map { reveal($0) }, reference: m.reference.map { reveal($0) })
                print(try jsonText(object))
                return
            }
            print(
                "\(SafeText.field(m.id.rawValue)) — \(SafeText.field(reveal(m.displayName))) <\(SafeText.field(reveal(m.email)))> (\(m.kind.words(l)))"
            )
            if let phone = m.phone { print(l.t("  téléphone : ", "  phone: ") + SafeText.field(reveal(phone))) }
            if let reference = m.reference {
                print(
                    l.t("  référence de l'association : ", "  association's reference: ")
                        + SafeText.field(reveal(reference)))
            }
            print(l.t("  membre depuis le ", "  member since ") + m.joinedOn.description)
            let dues = m.duesYears.sorted().map(String.init).joined(separator: ", ")
            print(l.t("  cotisations : ", "  dues: ") + (dues.isEmpty ? "—" : dues))
            for mandate in m.mandates {
                print(
                    l.t("  mandat ", "  mandate ") + "\(SafeText.field(mandate.role.words(l))) "
                        + l.t("depuis le ", "from ")
                        + mandate.from.description
                        + (mandate.until.map { l.t(" jusqu'au ", " until ") + $0.description } ?? ""))
            }
            if let d = m.departedOn {
                print(l.t("  a quitté l'association le ", "  left the association on ") + d.description)
            }
            if let r = m.radiatedOn { print(l.t("  radié·e le ", "  radiated on ") + r.description) }
            print(
                l.t("  mis·e en cause dans : ", "  accused in: ")
                    + (parties.isEmpty ? "—" : parties.joined(separator: ", ")))
            // The decisions in force against the member, in the words of each case's rulebook (R34), and the
            // suspensions running today.
            let today = try registry.day(nil)
            var sanctions: [String] = []
            for caseID in parties.map({ CaseID($0) }) {
                let loaded = try registry.loadCase(caseID)
                if let outcome = loaded.state.outcome, !outcome.sanctions.isEmpty {
                    sanctions.append(
                        loaded.rulebook.sanctionsWords(outcome.sanctions, l)
                            + l.t(
                                " (\(caseID), \(outcome.source.words(l)), le \(outcome.on))",
                                " (\(caseID), \(outcome.source.words(l)), on \(outcome.on))"))
                }
                for s in loaded.state.activeSuspensions(on: today) where s.accused.contains(memberID) {
                    sanctions.append(
                        l.t(
                            "suspension en vigueur (\(s.rule.rawValue), \(caseID)) depuis le \(s.from), \(s.untilFr)",
                            "suspension in force (\(s.rule.rawValue), \(caseID)) since \(s.from), \(s.untilEn)"))
                }
            }
            print(
                l.t("  sanctions : ", "  sanctions: ")
                    + (sanctions.isEmpty ? l.t("aucune", "none") : sanctions.joined(separator: " ; ")))
            print(
                l.t("  jugements rendus (R17) : ", "  judgements sat (R17): ")
                    + "\(judged.count)/\(try registry.procedureRulebooks().inForce(on: try registry.day(nil)).judgementCap.max)"
                    + (judged.isEmpty ? "" : " (" + judged.joined(separator: ", ") + ")"))
        }
    }
}

extension GreffeCommand.Members.Import {
    /// What the user should know of the file's columns before anything is recorded: the columns no field reads, and
    /// the optional fields the file has no column for.
    static func notices(_ columns: RosterColumns, language l: Language) -> [String] {
        var out: [String] = []
        if !columns.ignored.isEmpty {
            let fr = columns.ignored.map { "« \($0) »" }.joined(separator: ", ")
            let en = columns.ignored.map { "\"\($0)\"" }.joined(separator: ", ")
            out.append(
                l.t(
                    "greffe : colonne(s) ignorée(s), Greffe ne les lit pas : \(fr).",
                    "greffe: column(s) ignored, Greffe does not read them: \(en)."))
        }
        // One short line: what is missing, and what Greffe does instead.
        let words: [String: (fr: String, en: String)] = [
            "dues": ("cotisation (aucune)", "dues (none)"),
            "type": ("type (personne)", "type (person)"),
            "board": ("CA (sièges inchangés)", "board (seats unchanged)"),
            "since": ("membre depuis (jour de l'import)", "member since (import day)")
        ]
        let missing = columns.missing.compactMap { words[$0] }
        if !missing.isEmpty {
            out.append(
                l.t(
                    "greffe : colonne(s) facultative(s) absente(s) : \(missing.map(\.fr).joined(separator: ", ")).",
                    "greffe: optional column(s) missing: \(missing.map(\.en).joined(separator: ", "))."))
        }
        return out
    }

    /// One event of the import as the dry run shows it: who, with what.
    static func preview(_ event: MemberEvent, language l: Language) -> String {
        switch event {
        case let .joined(_, sealedName, sealedEmail, kind, sealedPhone, sealedReference):
            // An import's events are shown before they are sealed: their texts are still in clear.
            let name = sealedName.clearText ?? "", email = sealedEmail.clearText ?? ""
            let contact = [
                email.isEmpty ? nil : "<\(email)>", sealedPhone?.clearText.map { l.t("tél. \($0)", "phone \($0)") }
            ]
            .compactMap { $0 }.joined(separator: " ")
            let fr = kind == .person ? "personne" : "association", en = kind == .person ? "person" : "association"
            let reference = sealedReference?.clearText.map { l.t(", référence \($0)", ", reference \($0)") } ?? ""
            return l.t(
                "nouveau membre « \(name) » \(contact) (\(fr)\(reference))",
                "new member \"\(name)\" \(contact) (\(en)\(reference))")
        case let .duesPaid(_, year): return l.t("cotisation \(year) payée", "dues \(year) paid")
        case .mandateHeld(_, .boardMember): return l.t("siège au CA", "board seat")
        case .mandateEnded(_, .boardMember): return l.t("quitte le CA", "leaves the board")
        default: return event.typeName
        }
    }
}
