import ArgumentParser
import Discipline
import Documents
import EventLog
import Foundation
import Registry

extension GreffeCommand.Privacy {
    struct Access: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Tout ce que le registre détient sur une personne (RGPD, art. 15 et 20), en JSON ou en document lisible.",
            discussion: prose(
                """
                Écrit, pour le droit d'accès et de portabilité, la fiche de membre (nom, courriel, cotisations, \
                mandats, départ, radiation, effacement), chaque enregistrement du journal qui nomme la personne \
                (son flux, ses fiches d'échelle, et tout acte de dossier ou d'une autre voie qui porte son \
                identifiant : mise en cause, plainte, victime, témoin, cellule, vote…) avec ses textes déchiffrés, et \
                ses rôles dans chaque dossier. --format json (défaut, décrit par Schemas/access.schema.json) ou md \
                (document en français). Le fichier est écrit en 0600.

                Il faut les clés du registre (--keys) : sans elles, refusé (sortie 74). Un membre inconnu : sortie 66. \
                Un membre effacé : le fichier le dit, ses nom et textes se lisent « [effacé] ».

                Exemples :
                  greffe privacy access m004 --out acces-m004.json
                  greffe privacy access m004 --out acces-m004.md --format md
                """))

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, md
        }

        @OptionGroup var options: StoreOptions

        @Argument(help: ArgumentHelp("Le membre dont les données sont demandées.", valueName: "membre"))
        var member: String

        @Option(help: ArgumentHelp("Le fichier écrit (remplacé s'il existe).", valueName: "fichier"))
        var out: String

        @Option(help: ArgumentHelp("json (défaut) ou md (document lisible, en français).", valueName: "format"))
        var format: Format = .json

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            // The member by id or by the association's reference (an unknown one is refused by `access`, exit 66).
            let id = try registry.resolveMember(member, unknownIsFailure: false)
            let report = try registry.access(member: id)
            // The keys are needed: without them, the names and texts could not be given to the person.
            let reveal = try registry.reveal(words: .french)
            let day = try Today.resolve(timeZone: registry.rulebook.timeZone)
            let text: String
            switch format {
            case .json: text = try AccessDocument.json(report, reveal: reveal, on: day)
            case .md:
                text = AccessDocument.markdown(
                    report, reveal: reveal, on: day, labels: try AccessDocument.frenchLabels(registry))
            }
            if !reveal.faults.isEmpty {
                throw CLIFailure(
                    status: .verificationFailed,
                    fr:
                        "texte chiffré altéré ou déplacé en \(reveal.faults.joined(separator: ", ")) ; aucun fichier écrit",
                    en: "altered or moved sealed text at \(reveal.faults.joined(separator: ", ")); no file written")
            }
            try writeFile(out, text)
            let count = report.acts.count
            print(
                l.t(
                    "Données de \(id) écrites dans \(out) : sa fiche, \(count) enregistrement(s) qui le·la nomment, \(report.cases.count) dossier(s).",
                    "Data of \(id) written to \(out): their record, \(count) record(s) naming them, \(report.cases.count) case(s)."
                ))
            if let erased = report.member.erasedOn {
                print(
                    l.t(
                        "\(id) a été effacé·e le \(erased.frenchDescription) : ses nom, courriel et textes se lisent « [effacé] ».",
                        "\(id) was erased on \(erased): their name, e-mail and texts read \"[erased]\"."))
            }
        }
    }
}

/// The access and portability document of one person: JSON (`Schemas/access.schema.json`) or French Markdown.
enum AccessDocument {
    static let roleWords: [String: String] = [
        "accused": "mis·e en cause", "complainant": "plaignant·e", "victim": "victime", "rapporteur": "rapporteur·rice",
        "cell": "membre de la cellule de crise", "named": "nommé·e dans un acte"
    ]

    static func object(_ report: AccessReport, reveal: Reveal, on day: Day) -> [String: Any] {
        let m = report.member
        var record: [String: Any] = [
            "id": m.id.rawValue, "displayName": reveal(m.displayName), "email": reveal(m.email),
            "kind": m.kind.rawValue,
            "joinedOn": m.joinedOn.description,
            "duesPaid": m.duesPaidOn.keys.sorted().map {
                ["year": $0, "on": m.duesPaidOn[$0]?.description ?? ""] as [String: Any]
            },
            "mandates": m.mandates.map { mandate -> [String: Any] in
                var out: [String: Any] = ["role": mandate.role.rawValue, "from": mandate.from.description]
                if let until = mandate.until { out["until"] = until.description }
                return out
            }
        ]
        if let d = m.departedOn { record["departedOn"] = d.description }
        if let d = m.radiatedOn { record["radiatedOn"] = d.description }
        if let c = m.radiatedByCase { record["radiatedByCase"] = c.rawValue }
        if let d = m.erasedOn { record["erasedOn"] = d.description }
        // The association's identifier (the roster file's), revealed: personal data like the name.
        if let reference = m.reference { record["reference"] = reveal(reference) }
        return [
            "format": "greffe-access", "formatVersion": 1, "member": m.id.rawValue, "producedOn": day.description,
            "erased": m.erasedOn != nil, "record": record,
            "cases": report.cases.map { ["case": $0.id.rawValue, "roles": $0.roles] as [String: Any] },
            "acts": report.acts.map { act -> [String: Any] in
                let r = act.record
                let payload =
                    (try? JSONSerialization.jsonObject(with: r.payload, options: [.fragmentsAllowed]))
                    ?? String(decoding: r.payload, as: UTF8.self)
                return [
                    "sequence": r.sequence, "stream": r.stream, "version": r.version, "type": r.type,
                    "occurredOn": r.event.occurredOn, "actor": r.event.actor, "fields": act.fields,
                    "payload": reveal.revealing(payload)
                ]
            }
        ]
    }

    static func json(_ report: AccessReport, reveal: Reveal, on day: Day) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: object(report, reveal: reveal, on: day),
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The French words of the ids a payload holds, by the field that holds them (`kind`, `role`, `sanctions`,
    /// `exception`, `step`): the readable document says « témoignage », never `testimony`.
    static func frenchLabels(_ registry: Registry) throws -> [String: [String: String]] {
        var labels: [String: [String: String]] = [:]
        for kind in Evidence.Kind.allCases { labels["kind", default: [:]][kind.rawValue] = kind.words(.fr) }
        for kind in [MemberKind.person, .association] { labels["kind", default: [:]][kind.rawValue] = kind.words(.fr) }
        for role in MandateRole.known { labels["role", default: [:]][role.rawValue] = role.words(.fr) }
        for sanction in registry.rulebook.sanctions { labels["sanctions", default: [:]][sanction.id] = sanction.fr }
        for step in CaseStep.allCases { labels["step", default: [:]][step.rawValue] = step.words(.fr) }
        for book in try ShippedRulebooks.all() {
            guard case .ladder(let ladder) = book else { continue }
            for measure in ladder.measures {
                for exception in measure.exceptions { labels["exception", default: [:]][exception.id] = exception.fr }
            }
        }
        return labels
    }

    static func markdown(
        _ report: AccessReport, reveal: Reveal, on day: Day, labels: [String: [String: String]] = [:]
    ) -> String {
        let m = report.member
        let e = MarkdownText.inline
        var lines = [
            "# Données détenues sur \(e(m.id.rawValue)) — accès et portabilité (RGPD, art. 15 et 20)", "",
            "Document produit le \(day.frenchDescription) par Greffe, à partir du registre des procédures. Il contient tout "
                + "ce que le registre détient sur cette personne : sa fiche de membre et chaque enregistrement qui la nomme "
                + "(article 6 du règlement intérieur).", ""
        ]
        if let erased = m.erasedOn {
            lines += [
                "**Les données de cette personne ont été effacées le \(erased.frenchDescription)** : ses nom, courriel "
                    + "et textes se lisent « [effacé] ». Restent les identifiants, jours et types d'actes.", ""
            ]
        }
        lines += [
            "## Fiche de membre", "",
            "- Identifiant : \(e(m.id.rawValue))",
            "- Nom : \(e(reveal(m.displayName)))",
            "- Courriel : \(e(reveal(m.email)))",
            "- Référence de l'association : \(m.reference.map { e(reveal($0)) } ?? "—")",
            "- Type : \(m.kind == .person ? "personne" : "association")",
            "- Membre depuis le \(m.joinedOn.frenchDescription)",
            "- Cotisations : "
                + (m.duesPaidOn.isEmpty
                    ? "aucune"
                    : m.duesPaidOn.keys.sorted().map { "\($0) (payée le \(m.duesPaidOn[$0]?.frenchDescription ?? ""))" }
                        .joined(separator: ", "))
        ]
        for mandate in m.mandates {
            lines.append(
                "- Mandat \(e(mandate.role.words(.fr))) : depuis le \(mandate.from.frenchDescription)"
                    + (mandate.until.map { " jusqu'au \($0.frenchDescription)" } ?? ""))
        }
        if let d = m.departedOn { lines.append("- Départ le \(d.frenchDescription)") }
        if let d = m.radiatedOn {
            lines.append(
                "- Radiation le \(d.frenchDescription)"
                    + (m.radiatedByCase.map { " (dossier \(e($0.rawValue)))" } ?? ""))
        }
        lines += ["", "## Dossiers où la personne est nommée", ""]
        if report.cases.isEmpty { lines.append("Aucun.") }
        for c in report.cases {
            lines.append("- \(e(c.id.rawValue)) : " + c.roles.map { roleWords[$0] ?? $0 }.joined(separator: ", "))
        }
        lines += ["", "## Enregistrements qui nomment la personne (\(report.acts.count))", ""]
        for act in report.acts {
            let r = act.record
            lines += [
                "### n° \(r.sequence) — \(e(r.event.occurredOn)) — \(e(r.type))", "",
                "- Flux : \(e(r.stream)), version \(r.version) ; enregistré par \(e(r.event.actor))",
                "- La personne y figure en : \(act.fields.map { e($0) }.joined(separator: ", "))"
            ]
            let payload = (try? JSONSerialization.jsonObject(with: r.payload, options: [.fragmentsAllowed])).map {
                reveal.revealing($0)
            }
            for (path, value) in flatten(payload ?? [:], at: []) {
                // An id of a closed list in its French words: the field is the path's last word that is not a number.
                let field = path.split(separator: ".").last { Int($0) == nil }.map(String.init) ?? path
                lines.append("- \(e(path)) : \(e(labels[field]?[value] ?? value))")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The leaves of a parsed payload as `path : value`, in key order.
    static func flatten(_ value: Any, at path: [String]) -> [(String, String)] {
        if let object = value as? [String: Any] {
            return object.keys.sorted().flatMap { key in object[key].map { flatten($0, at: path + [key]) } ?? [] }
        }
        if let array = value as? [Any] {
            return array.enumerated().flatMap { flatten($0.element, at: path + [String($0.offset)]) }
        }
        let name = path.isEmpty ? "contenu" : path.joined(separator: ".")
        if value is NSNull { return [(name, "—")] }
        return [(name, "\(value)")]
    }
}
