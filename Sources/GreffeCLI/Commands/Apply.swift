import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Applique des actes écrits en JSON, un par ligne (migrations, scripts).",
            discussion: prose(
                """
                Chaque ligne : {"case": "2026-001", "on": "2026-03-02", "as": "m003", "command": {"type": "complaint.file", "commandId": "…", …}}
                (schémas : Schemas/apply-line.schema.json et Schemas/commands/). Les lignes vides sont ignorées ; les fins de
                ligne LF et CRLF sont acceptées. Toutes les lignes sont lues et vérifiées avant la première écriture :
                un octet qui n'est pas de l'UTF-8, un JSON mal formé, un champ inconnu ou une valeur que le schéma
                refuse arrêtent le fichier entier avec le numéro de ligne (sortie 65), sans rien écrire.

                Chaque ligne est décidée et enregistrée seule. Le premier refus arrête l'exécution avec son numéro de
                ligne et sa règle (sortie 65) ; les lignes déjà appliquées le restent. Relancer le même fichier est sûr :
                une commande dont le commandId a déjà été vu est sautée, pas appliquée deux fois.

                --dry-run applique le fichier à une copie privée et jetable du registre (chaque ligne voit les
                précédentes, comme pour de vrai), affiche ce que chaque ligne enregistrerait, puis efface la copie :
                rien n'est écrit dans le registre, et le code de sortie est celui qu'aurait l'exécution réelle.

                Exemples :
                  greffe apply docs/examples/dossier-exemple.jsonl
                  greffe apply actes.jsonl --lang en
                  greffe apply actes.jsonl --dry-run
                """))

        @OptionGroup var options: StoreOptions

        @Flag(
            name: .customLong("dry-run"),
            help: ArgumentHelp(
                "Simulation sur une copie jetable du registre : affiche ce que chaque ligne enregistrerait, sans rien écrire."
            ))
        var dryRun = false

        @Argument(help: "Fichier JSON Lines.")
        var file: String

        struct Line: Decodable {
            var `case`: CaseID
            var on: Day
            var `as`: String
            /// The act; with `correct`, the act with the right values. Absent with `withdraw`.
            var command: CaseCommand?
            /// `{"record": 14, "reason": "…"}`: withdraws the act of that record (`greffe withdraw`).
            var withdraw: Rectifying?
            /// `{"record": 14, "reason": "…"}`: `command` corrects the act of that record, on `on` (`greffe correct`).
            var correct: Rectifying?
        }

        struct Rectifying: Decodable {
            var record: UInt64
            var reason: String
        }

        /// What a line records: an act, a withdrawal or a correction.
        func perform(_ line: Line, on registry: Registry) throws -> Performed {
            let recording = Recording(actor: line.as, today: try Today.fixed())
            if let w = line.withdraw {
                return .recorded(
                    try registry.withdraw(line.case, record: w.record, reason: w.reason, recording: recording))
            }
            guard let command = line.command else { return .recorded([]) }
            if let c = line.correct {
                return .recorded(
                    try registry.correct(
                        line.case, record: c.record, reason: c.reason, command: command,
                        on: line.on, recording: recording))
            }
            return try registry.perform(command, in: line.case, on: line.on, recording: recording)
        }

        func run() throws {
            let l = options.language
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIFailure(status: .notFound, fr: "fichier introuvable : \(file)", en: "no such file: \(file)")
            }
            try refuseExport(data, file)
            // Every line is read and checked before anything is written: a malformed line refuses the file.
            let lines = try ApplyFile.lines(data, file: file)
            var scratch: ScratchRegistry?
            defer { scratch?.remove() }
            let registry: Registry
            if dryRun {
                let copy = try ScratchRegistry(copying: try options.readingRegistry())
                scratch = copy
                registry = copy.registry
                print(
                    l.t(
                        "Simulation (--dry-run) sur une copie jetable du registre : rien n'est écrit dans le registre.",
                        "Dry run (--dry-run) on a throwaway copy of the register: nothing is written to the register."))
            } else {
                registry = try options.registry()
            }
            var applied = 0
            var skipped = 0
            for (number, line) in lines {
                do {
                    switch try perform(line, on: registry) {
                    case .recorded(let records):
                        applied += 1
                        if dryRun {
                            print(
                                l.t("  ligne \(number) : ", "  line \(number): ")
                                    + records.map { "#\($0.sequence) \($0.type)" }
                                    .joined(separator: ", "))
                        }
                    case .alreadyApplied(_, let sequence):
                        skipped += 1
                        if dryRun {
                            print(
                                l.t(
                                    "  ligne \(number) : déjà appliquée (#\(sequence))",
                                    "  line \(number): already applied (#\(sequence))"))
                        }
                    }
                } catch RegistryError.refused(let refusal) {
                    writeError(
                        l.t("greffe : \(file), ligne \(number) : ", "greffe: \(file), line \(number): ")
                            + describe(refusal, l))
                    writeError(
                        l.t(
                            "\(applied) ligne(s) appliquée(s) avant ce refus.",
                            "\(applied) line(s) applied before this refusal."))
                    throw ExitCode(ExitStatus.refused.rawValue)
                }
            }
            print(
                l.t(
                    "\(applied) acte(s) appliqué(s), \(skipped) déjà appliqué(s) et sauté(s).",
                    "\(applied) act(s) applied, \(skipped) already applied and skipped."))
        }
    }
}

/// The lines of an `apply` file, read and checked against Schemas/apply-line.schema.json before any is applied.
enum ApplyFile {
    static let fields: Set<String> = ["case", "on", "as", "command", "withdraw", "correct"]

    /// The non-blank lines with their 1-based numbers. Lines end with LF or CRLF. Refuses (exit 65) the first
    /// line that is not UTF-8 (with its byte), not a JSON object, has a field the schema does not know, or a value
    /// the schema forbids.
    static func lines(_ data: Data, file: String) throws -> [(Int, GreffeCommand.Apply.Line)] {
        let bytes = [UInt8](data)
        if let bad = TextInput.firstInvalidUTF8(in: bytes) {
            let (line, column) = TextInput.position(of: bad, in: bytes)
            throw refusal(
                file, line,
                fr:
                    "octet \(column) (0x\(String(format: "%02X", bytes[bad]))) n'est pas de l'UTF-8 ; enregistrez le fichier en UTF-8",
                en: "byte \(column) (0x\(String(format: "%02X", bytes[bad]))) is not UTF-8; save the file as UTF-8")
        }
        var out: [(Int, GreffeCommand.Apply.Line)] = []
        for (index, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let body = raw.last == 0x0D ? raw.dropLast() : raw[...]
            guard body.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { continue }
            out.append((number, try line(Data(body), file: file, number: number)))
        }
        return out
    }

    static func line(_ data: Data, file: String, number: Int) throws -> GreffeCommand.Apply.Line {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw refusal(file, number, fr: "JSON invalide : JSON mal formé", en: "invalid JSON: malformed JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw refusal(
                file, number, fr: "un objet JSON {\"case\": …, \"on\": …, \"as\": …, \"command\": {…}} est attendu",
                en: "a JSON object {\"case\": …, \"on\": …, \"as\": …, \"command\": {…}} is expected")
        }
        if let unknown = fields.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            throw refusal(
                file, number,
                fr: "champ inconnu « \(shown(unknown)) » (champs permis : case, on, as, command, withdraw, correct)",
                en: "unknown field \"\(shown(unknown))\" (fields allowed: case, on, as, command, withdraw, correct)")
        }
        // One thing per line: an act (command), a withdrawal (withdraw, alone) or a correction (correct and command).
        let shape = (fields["command"] != nil, fields["withdraw"] != nil, fields["correct"] != nil)
        switch shape {
        case (true, false, _), (false, true, false): break
        default:
            throw refusal(
                file, number,
                fr:
                    "une ligne porte un acte (command), un retrait (withdraw, sans command) ou une rectification (correct avec command)",
                en:
                    "a line holds an act (command), a withdrawal (withdraw, without command) or a correction (correct with command)"
            )
        }
        if let text = fields["case"] as? String, !isCaseID(text) {
            throw refusal(
                file, number, fr: "case « \(shown(text)) » n'est pas un numéro de dossier comme 2026-001",
                en: "case \"\(shown(text))\" is not a case number such as 2026-001")
        }
        if let text = fields["on"] as? String, !isISODay(text) {
            throw refusal(
                file, number, fr: "on « \(shown(text)) » n'est pas un jour AAAA-MM-JJ",
                en: "on \"\(shown(text))\" is not a day YYYY-MM-DD")
        }
        if let text = fields["as"] as? String {
            if text.isEmpty { throw refusal(file, number, fr: "as est vide", en: "as is empty") }
            if text.utf8.count > IdentityText.maxIDBytes {
                throw refusal(
                    file, number, fr: "as fait \(text.utf8.count) octets ; au plus \(IdentityText.maxIDBytes) acceptés",
                    en: "as is \(text.utf8.count) bytes long; at most \(IdentityText.maxIDBytes) accepted")
            }
            if let scalar = IdentityText.forbiddenScalar(in: text) {
                throw refusal(
                    file, number, fr: "as contient le caractère de contrôle \(IdentityText.name(scalar))",
                    en: "as contains the control character \(IdentityText.name(scalar))")
            }
        }
        let line: GreffeCommand.Apply.Line
        do {
            line = try JSONDecoder().decode(GreffeCommand.Apply.Line.self, from: data)
        } catch {
            let (fr, en) = describe(decoding: error)
            throw refusal(file, number, fr: "JSON invalide : " + fr, en: "invalid JSON: " + en)
        }
        if case .fileComplaint(let facts, _)? = line.command {
            // A party outside the association is named by free text: an identity field all the same.
            for party in facts.complainants + facts.accused + facts.victims {
                if party.id.rawValue.utf8.count > IdentityText.maxIDBytes {
                    throw refusal(
                        file, number,
                        fr:
                            "partie de \(party.id.rawValue.utf8.count) octets ; au plus \(IdentityText.maxIDBytes) acceptés",
                        en:
                            "party of \(party.id.rawValue.utf8.count) bytes; at most \(IdentityText.maxIDBytes) accepted"
                    )
                }
                if let scalar = IdentityText.forbiddenScalar(in: party.id.rawValue) {
                    throw refusal(
                        file, number, fr: "une partie contient le caractère de contrôle \(IdentityText.name(scalar))",
                        en: "a party contains the control character \(IdentityText.name(scalar))")
                }
            }
        }
        return line
    }

    static func refusal(_ file: String, _ number: Int, fr: String, en: String) -> CLIFailure {
        CLIFailure(
            status: .refused, fr: "\(file), ligne \(number) : \(fr) ; rien n'a été écrit",
            en: "\(file), line \(number): \(en); nothing was written")
    }

    /// At most 40 characters of a value, so that a huge one is not echoed whole.
    static func shown(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }

    /// `^[0-9]{4}-[0-9]{3,}$`, as the schema says, and at most `IdentityText.maxIDBytes` bytes.
    static func isCaseID(_ text: String) -> Bool { CaseID(text).isWellFormed }

    /// `YYYY-MM-DD`, a day that exists.
    static func isISODay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-") && Day(text) != nil
    }
}

/// A decoding error in a few words, in French and English: which field, what was wrong — never a Swift type name.
func describe(decoding error: any Error) -> (fr: String, en: String) {
    guard let error = error as? DecodingError else { return ("valeur illisible", "unreadable value") }
    func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }
    func at(_ context: DecodingError.Context) -> (String, String) {
        let p = path(context)
        return p.isEmpty ? ("", "") : ("\(p) : ", "\(p): ")
    }
    switch error {
    case .keyNotFound(let key, let context):
        let p = path(context), full = p.isEmpty ? key.stringValue : "\(p).\(key.stringValue)"
        return ("champ manquant : \(full)", "missing field: \(full)")
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
        let (fr, en) = at(context)
        let expected: (String, String) =
            switch "\(type)" {
            case let t where t.hasPrefix("Dictionary"): ("un objet", "an object")
            case let t where t.hasPrefix("Array"): ("une liste", "a list")
            case "String": ("un texte", "a text")
            case "Bool": ("vrai ou faux", "true or false")
            case let t where t.hasPrefix("Int") || t.hasPrefix("UInt") || t == "Double":
                ("un nombre entier", "a whole number")
            default: ("une autre sorte de valeur", "another kind of value")
            }
        return (fr + "\(expected.0) est attendu", en + "\(expected.1) is expected")
    case .dataCorrupted(let context):
        let (fr, en) = at(context)
        let detail = context.debugDescription
        if detail.hasPrefix("unknown command type ") {
            let type = ApplyFile.shown(String(detail.dropFirst("unknown command type ".count)))
            return (
                fr + "type de commande inconnu « \(type) » (voir Schemas/commands/)",
                en + "unknown command type \"\(type)\" (see Schemas/commands/)"
            )
        }
        if detail.hasPrefix("expected a day") {
            return (fr + "un jour AAAA-MM-JJ est attendu", en + "a day YYYY-MM-DD is expected")
        }
        return (fr + "valeur invalide", en + "invalid value")
    @unknown default:
        return ("valeur illisible", "unreadable value")
    }
}
