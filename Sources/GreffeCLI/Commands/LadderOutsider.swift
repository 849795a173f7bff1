import ArgumentParser
import Discipline
import Foundation
import Registry

extension GreffeCommand.Ladder {
    /// Outside people of the ladders (rule `person`): the public an organisation deals with, created once with a
    /// name and a contact, then named by their id like members.
    struct Outsider: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Personnes extérieures des échelles (public, usagers) : créées une fois, nommées ensuite par leur identifiant.",
            discussion: prose(
                """
                Un dossier d'échelle concerne un membre de la liste des adhésions ou une personne extérieure créée ici,
                jamais un nom tapé librement (règle person). L'identifiant (X0001, X0002…) est donné par le registre ;
                le nom, le contact et la note sont chiffrés sous la clé de la personne (greffe privacy erase X0001 les
                efface). Un nom déjà connu est refusé (sortie 65) avec l'identifiant existant, sauf --homonyme.

                Exemples :
                  greffe ladder outsider add "Mehdi Tazi" --contact "mehdi@exemple.org" --note "usager de l'antenne" --as m001
                  greffe ladder outsider list
                """),
            subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Crée une personne extérieure (nom, contact) et donne son identifiant.",
                discussion: prose(
                    """
                    Exemples :
                      greffe ladder outsider add "Mehdi Tazi" --contact "06 12 34 56 78" --as m001
                      greffe ladder outsider add "Mehdi Tazi" --contact "m.tazi@exemple.org" --homonyme --as m001
                    """))
            @OptionGroup var options: StoreOptions
            @OptionGroup var act: ActOptions
            @Argument(help: ArgumentHelp("Le nom de la personne.", valueName: "nom")) var name: String
            @OptionGroup var details: OutsiderDetails
            @Flag(name: .customLong("dry-run"), help: "Simulation : rien n'est écrit.") var dryRun = false
            @Flag(help: "Sortie JSON.") var json = false

            func run() throws {
                let l = options.language
                let registry = try options.registry()
                let added = try registry.addOutsider(
                    name: name, contact: details.contact ?? "", note: details.note, homonym: details.homonym,
                    on: try act.day(rulebook: registry.rulebook), recording: try act.recording, dryRun: dryRun)
                if json {
                    print(
                        try jsonText(
                            PathActReport(
                                id: added.id.rawValue, stream: Registry.outsiderStream(added.id),
                                dryRun: dryRun, events: [added.event.typeName],
                                sequences: added.records.map(\.sequence))))
                    return
                }
                if dryRun { print(l.t("Simulation : rien n'est écrit.", "Dry run: nothing is written.")) }
                let at = added.records.last.map { l.t(" (n° \($0.sequence))", " (no. \($0.sequence))") } ?? ""
                print(
                    l.t(
                        "Personne extérieure \(added.id) créée\(at) : \(SafeText.field(name))",
                        "Outside person \(added.id) created\(at): \(SafeText.field(name))"))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Liste les personnes extérieures : identifiant, nom, contact.",
                discussion: prose(
                    """
                    Exemples :
                      greffe ladder outsider list
                      greffe ladder outsider list --json
                    """))
            @OptionGroup var options: StoreOptions
            @Flag(help: "Sortie JSON.") var json = false

            struct Row: Encodable {
                var id: String
                var name: String
                var contact: String
                var note: String?
                var addedOn: String
                var erasedOn: String?
            }

            func run() throws {
                let l = options.language
                let registry = try options.readingRegistry()
                let reveal = try registry.reveal(words: l.revealWords)
                let outsiders = try registry.outsiders()
                let rows = outsiders.map { o in
                    Row(
                        id: o.id.rawValue, name: reveal(o.name), contact: reveal(o.contact),
                        note: o.note.map { reveal($0) },
                        addedOn: o.addedOn.description, erasedOn: o.erasedOn?.description)
                }
                if json {
                    print(try jsonText(rows))
                    return
                }
                if rows.isEmpty { print(l.t("(aucune personne extérieure)", "(no outside person)")) }
                for (row, o) in zip(rows, outsiders) {
                    var line = "\(row.id)  \(SafeText.field(row.name))  \(SafeText.field(row.contact))"
                    if let note = row.note { line += "  — " + SafeText.field(note) }
                    line += l.t("  (créée le \(o.addedOn.frenchDescription))", "  (created on \(o.addedOn))")
                    if let erased = o.erasedOn {
                        line += l.t(" — effacée le \(erased.frenchDescription)", " — erased on \(erased)")
                    }
                    print(line)
                }
            }
        }
    }
}

/// What creating an outside person asks besides the name: how to reach them, a note, and whether a homonym is meant.
struct OutsiderDetails: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Comment joindre la personne : courriel, téléphone, adresse (obligatoire).", valueName: "contact"))
    var contact: String?
    @Option(help: ArgumentHelp("Ce que le registre sait d'elle (facultatif, chiffré).", valueName: "texte"))
    var note: String?
    @Flag(
        name: [.customLong("homonyme"), .customLong("homonym")],
        help: "Une autre personne que celle déjà connue sous ce nom.")
    var homonym = false
}
