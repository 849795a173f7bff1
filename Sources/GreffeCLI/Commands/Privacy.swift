import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

extension GreffeCommand {
    struct Privacy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Données personnelles (article 6, RGPD) : effacer, ce qui est dû à effacer, accès et portabilité.",
            discussion: prose(
                """
                Les noms, courriels et textes sont chiffrés sous une clé par personne et par dossier, gardée hors du
                journal (dossier keys du magasin, ou --keys). Effacer un membre, ou les textes d'un dossier, détruit sa
                clé : ses données deviennent illisibles pour toujours, le journal et sa chaîne restent vérifiables. Voir
                docs/privacy.md.
                """),
            subcommands: [Erase.self, EraseCase.self, Due.self, Access.self, Passphrase.self])
    }
}

extension GreffeCommand.Privacy {
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Efface les données personnelles d'un membre (nom, courriel, textes de ses fiches) en détruisant sa clé.",
            discussion: prose(
                """
                Enregistre l'effacement (qui l'a demandé, quand, pourquoi — sans donnée personnelle), détruit la clé
                du membre puis réécrit le magasin de clés sans ses pages libres : les octets de la clé disparaissent
                du disque. Partout où le nom s'affichait, on lit désormais « [effacé] ». Les textes des dossiers
                restent sous la clé de leur dossier.

                Un membre inconnu ou déjà effacé, ou un motif vide, est refusé et rien n'est écrit.

                Exemples :
                  greffe privacy erase jules --reason "demande de la personne (RGPD art. 17)" --on 2026-12-01 --as secretariat
                  greffe privacy erase jules --reason "non-renouvellement (article 6)" --requested-by jules
                """))

        @OptionGroup var options: StoreOptions
        @OptionGroup var act: ActOptions

        @Argument(help: ArgumentHelp("Le membre dont les données sont effacées.", valueName: "membre"))
        var member: String

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Pourquoi (obligatoire, sans donnée personnelle) : demande de la personne, fin d'adhésion…",
                valueName: "motif"))
        var reason: String

        @Option(
            name: .customLong("requested-by"),
            help: ArgumentHelp(
                "Qui a demandé l'effacement, s'il est membre (défaut : personne de nommé).", valueName: "membre"))
        var requestedBy: String?

        func run() throws {
            let l = options.language
            let registry = try options.registry()
            // A member by id, prefix or name; an outside person of the ladders by their id (X0001), which the
            // registry's erasure knows.
            let id = try registry.resolveMember(member, unknownIsFailure: false)
            let records = try registry.erase(
                member: id, reason: reason,
                requestedBy: try requestedBy.map { try registry.resolveMember($0, option: "--requested-by") },
                on: try act.day(rulebook: registry.rulebook),
                recording: try act.recording)
            let at = records.last.map { " (n° \($0.sequence))" } ?? ""
            print(
                l.t(
                    "Données de \(id) effacées\(at) : sa clé est détruite, son nom se lit « [effacé] ».",
                    "Data of \(id) erased\(at): their key is destroyed, their name reads \"[erased]\"."))
        }
    }
}

func describe(_ error: KeyStoreError) -> CLIFailure {
    switch error {
    case let .missing(path):
        return CLIFailure(
            status: .storeError,
            fr:
                "pas de magasin de clés en \(path) : ce registre chiffre ses données et en a besoin (--keys DOSSIER ou GREFFE_KEYS) ; rien n'a été écrit",
            en:
                "no key store at \(path): this register encrypts its data and needs it (--keys DIR or GREFFE_KEYS); nothing was written"
        )
    case let .notAKeyStore(path, reason):
        return CLIFailure(
            status: .storeError, fr: "\(path) n'est pas un magasin de clés de Greffe (\(reason)) ; rien n'a été écrit",
            en: "\(path) is not a Greffe key store (\(reason)); nothing was written")
    case let .otherRegister(path, found, expected):
        return CLIFailure(
            status: .storeError,
            fr:
                "le magasin de clés \(path) est celui d'un autre registre (\(found), attendu \(expected)) ; rien n'a été écrit",
            en:
                "the key store \(path) belongs to another register (\(found), expected \(expected)); nothing was written"
        )
    case let .permissionDenied(path):
        return CLIFailure(
            status: .storeError, fr: "accès refusé au magasin de clés \(path)",
            en: "permission denied on the key store \(path)")
    case let .storage(error):
        return CLIFailure(
            status: .storeError, fr: "erreur du magasin de clés : \(error) (code LMDB \(error.rawValue))",
            en: "key store error: \(error) (LMDB code \(error.rawValue))")
    }
}

extension Language {
    /// The placeholders a reveal writes for an erased, altered or unreadable text, in this language.
    var revealWords: Reveal.Words { self == .fr ? .french : .english }
}

/// Exit 79 when a sealed text did not open during the command (altered, or moved to another record): it was shown
/// « [altéré] »; the failure names each place (`STREAM#VERSION/TYPE/PATH`: the record and the field).
func sealedTextFaults() -> CLIFailure? {
    let faults = Reveal.processFaults
    guard !faults.isEmpty else { return nil }
    let places = faults.joined(separator: ", ")
    return CLIFailure(
        status: .verificationFailed,
        fr:
            "vérification échouée — texte(s) chiffré(s) altéré(s) ou déplacé(s) : \(places) (l'étiquette d'authentification ne correspond pas ; affiché « [altéré] »)",
        en:
            "verification failed — altered or moved sealed text(s): \(places) (the authentication tag does not match; shown \"[altered]\")"
    )
}

func describe(_ error: PassphraseError) -> CLIFailure {
    switch error {
    case let .required(path):
        return CLIFailure(
            status: .storeError,
            fr:
                "le magasin de clés \(path) est protégé par une phrase de passe : donnez-la (GREFFE_PASSPHRASE, ou greffe --passphrase-file FICHIER …) ; rien n'a été écrit",
            en:
                "the key store \(path) is protected by a passphrase: give it (GREFFE_PASSPHRASE, or greffe --passphrase-file FILE …); nothing was written"
        )
    case let .wrong(path):
        return CLIFailure(
            status: .storeError,
            fr: "phrase de passe incorrecte pour le magasin de clés \(path) ; rien n'a été écrit",
            en: "wrong passphrase for the key store \(path); nothing was written")
    case let .unreadableFile(path):
        return CLIFailure(
            status: .storeError, fr: "fichier de phrase de passe illisible ou vide : \(path)",
            en: "unreadable or empty passphrase file: \(path)")
    case let .damaged(path):
        return CLIFailure(
            status: .storeError, fr: "magasin de clés \(path) endommagé (clé protégée illisible)",
            en: "damaged key store \(path) (a protected key cannot be read)")
    }
}
