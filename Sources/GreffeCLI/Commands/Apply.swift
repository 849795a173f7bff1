import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Applique des actes écrits en JSON, un par ligne (migrations, scripts).",
            discussion: prose("""
                Chaque ligne : {"case": "2026-001", "on": "2026-03-02", "as": "m003", "command": {"type": "complaint.file", "commandId": "…", …}}
                (schémas : Schemas/apply-line.schema.json et Schemas/commands/). Les lignes vides sont ignorées.

                Chaque ligne est décidée et enregistrée seule. Le premier refus arrête l'exécution avec son numéro de
                ligne et sa règle (sortie 65) ; les lignes déjà appliquées le restent. Relancer le même fichier est sûr :
                une commande dont le commandId a déjà été vu est sautée, pas appliquée deux fois.

                Exemples :
                  greffe apply docs/examples/sample-case.jsonl
                  greffe apply actes.jsonl --lang en
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Fichier JSON Lines.")
        var file: String

        struct Line: Decodable {
            var `case`: CaseID
            var on: Day
            var `as`: String
            var command: CaseCommand
        }

        func run() throws {
            let l = options.language
            try reportingFailures(l) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CLIFailure(status: .notFound, fr: "fichier introuvable : \(file)", en: "no such file: \(file)")
                }
                try refuseExport(data, file)
                let registry = try options.registry()
                var applied = 0
                var skipped = 0
                let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                for (index, text) in lines.enumerated() {
                    let number = index + 1
                    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                    let line: Line
                    do {
                        line = try JSONDecoder().decode(Line.self, from: Data(text.utf8))
                    } catch {
                        throw CLIFailure(
                            status: .refused,
                            fr: "\(file), ligne \(number) : JSON invalide (\(describe(decoding: error))) ; \(applied) ligne(s) appliquée(s) avant, rien de cette ligne n'a été écrit",
                            en: "\(file), line \(number): invalid JSON (\(describe(decoding: error))); \(applied) line(s) applied before, nothing of this line was written")
                    }
                    do {
                        switch try registry.perform(
                            line.command, in: line.case, on: line.on, recording: Recording(actor: line.as))
                        {
                        case .recorded: applied += 1
                        case .alreadyApplied: skipped += 1
                        }
                    } catch RegistryError.refused(let refusal) {
                        writeError(l.t("greffe : \(file), ligne \(number) : ", "greffe: \(file), line \(number): ") + describe(refusal, l))
                        writeError(l.t("\(applied) ligne(s) appliquée(s) avant ce refus.", "\(applied) line(s) applied before this refusal."))
                        throw ExitCode(ExitStatus.refused.rawValue)
                    }
                }
                print(
                    l.t("\(applied) acte(s) appliqué(s), \(skipped) déjà appliqué(s) et sauté(s).",
                        "\(applied) act(s) applied, \(skipped) already applied and skipped."))
            }
        }
    }
}

/// A decoding error in a few words: which field, what was wrong.
func describe(decoding error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
        let p = context.codingPath.map(\.stringValue).joined(separator: ".")
        return p.isEmpty ? "" : "\(p): "
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context))missing field \(key.stringValue)"
    case .typeMismatch(_, let context): return "\(path(context))\(context.debugDescription)"
    case .valueNotFound(_, let context): return "\(path(context))\(context.debugDescription)"
    case .dataCorrupted(let context): return "\(path(context))\(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}
