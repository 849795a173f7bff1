import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

/// The documented exit codes (see `greffe --help`).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case refused = 65
    case notFound = 66
    case internalError = 70
    case storeError = 74
    case conflict = 75
    /// The configuration file (`~/.config/greffe/config`, `GREFFE_CONFIG`) is malformed (sysexits' EX_CONFIG).
    case configuration = 78
    case verificationFailed = 79
}

/// An error the command line reports itself: a message in both languages and an exit status.
struct CLIFailure: Error {
    var status: ExitStatus
    var fr: String
    var en: String
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data((SafeText.output(text) + "\n").utf8))
}

/// What an error thrown by a command becomes: one clear message for standard error and its exit status. Every
/// command's errors come here once, from `GreffeCommand.main()`.
func report(_ error: any Error, _ language: Language) -> (status: ExitStatus, message: String) {
    let prefix = language.t("greffe : ", "greffe: ")
    func reported(_ failure: CLIFailure) -> (status: ExitStatus, message: String) {
        (failure.status, prefix + language.t(failure.fr, failure.en))
    }
    switch error {
    case let failure as CLIFailure:
        return reported(failure)
    case let error as RegistryError:
        let (status, message) = describe(error, language)
        return (status, prefix + message)
    case let error as EventStoreError:
        let (status, message) = describe(error, language)
        return (status, prefix + message)
    case let error as LadderError:
        return reported(failure(error, language))
    case let error as PathError:
        return reported(failure(error))
    case let error as UnknownPersonError:
        return reported(failure(error))
    case let applied as CommandAlreadyApplied:
        // The same act again under its key (a retry): skipped, as a case act's is.
        return (
            .ok,
            prefix
                + language.t(
                    "clé \(applied.commandId) déjà appliquée (n° \(applied.sequence)) : acte sauté, rien n'a été écrit",
                    "key \(applied.commandId) already applied (no. \(applied.sequence)): act skipped, nothing was written"
                )
        )
    case let error as BackupError:
        return reported(describe(error, language))
    case let error as TransferError:
        return reported(describe(error))
    case let error as CopyError:
        return reported(describe(error))
    case let error as KeyStoreError:
        return reported(describe(error))
    case let error as PassphraseError:
        return reported(describe(error))
    default:
        let words = readingWords(error)
        return (
            .internalError,
            language.t("greffe : erreur inattendue : \(words.fr)", "greffe: unexpected error: \(words.en)")
        )
    }
}

func describe(_ error: EventStoreError, _ l: Language) -> (ExitStatus, String) {
    switch error {
    case let .conflict(stream, expected, actual):
        return (
            .conflict,
            l.t(
                "conflit sur \(stream) : version attendue \(expected), trouvée \(actual) — quelqu'un a écrit entre-temps ; rien n'a été écrit, relancez la commande",
                "conflict on \(stream): expected version \(expected), found \(actual) — someone wrote in between; nothing was written, run the command again"
            )
        )
    case let .storeMissing(path):
        return (
            .notFound,
            l.t(
                "aucun magasin dans \(path) (le dossier n'existe pas) ; créez-le avec `greffe init --store \(path)`",
                "no store at \(path) (the directory does not exist); create one with `greffe init --store \(path)`")
        )
    case let .notAStore(path, reason):
        return (
            .storeError,
            l.t("\(path) n'est pas un magasin Greffe : \(reason)", "\(path) is not a Greffe store: \(reason)")
        )
    case let .alreadyExists(path):
        return (.storeError, l.t("un magasin existe déjà dans \(path)", "a store already exists at \(path)"))
    case let .permissionDenied(path):
        return (
            .storeError,
            l.t(
                "permission refusée sur \(path) : ce compte ne peut pas y lire ou y écrire (le magasin appartient-il à un autre utilisateur ?)",
                "permission denied on \(path): this account cannot read or write there (is the store owned by another user?)"
            )
        )
    case let .unknownFormat(path, found, supported):
        return (
            .storeError,
            l.t(
                "le magasin \(path) est au format \(found) ; cette version de Greffe lit le format \(supported)",
                "the store at \(path) has format \(found); this version of Greffe reads format \(supported)")
        )
    case .invalidStreamID(let id):
        // Never echoed whole: an id may be megabytes long.
        let shown = id.count > 40 ? String(id.prefix(40)) + "…" : id
        return (
            .usage,
            l.t(
                "identifiant refusé « \(shown) » (\(id.utf8.count) octets) : de 1 à \(IdentityText.maxIDBytes) octets, sans caractère de contrôle ; rien n'a été écrit",
                "id refused \"\(shown)\" (\(id.utf8.count) bytes): 1 to \(IdentityText.maxIDBytes) bytes, no control characters; nothing was written"
            )
        )
    case .emptyAppend:
        return (.internalError, l.t("aucun événement à écrire", "no event to write"))
    case let .corruptRecord(sequence, reason):
        return (
            .verificationFailed,
            l.t(
                "enregistrement \(sequence) illisible : \(reason) (lancez `greffe log verify`)",
                "record \(sequence) is unreadable: \(reason) (run `greffe log verify`)")
        )
    case let .damaged(path, damage):
        switch damage {
        case .empty:
            return (
                .storeError,
                l.t(
                    "magasin endommagé : \(path)/data.mdb est vide (une création interrompue ?) ; rien n'a été lu ni écrit",
                    "store damaged: \(path)/data.mdb is empty (an interrupted creation?); nothing was read nor written")
            )
        case let .truncated(size, needed):
            return (
                .storeError,
                l.t(
                    "magasin endommagé : fichier plus court que sa dernière page (\(path)/data.mdb fait \(size) octets, ses pages en demandent \(needed)) ; rien n'a été lu ni écrit — restaurez une sauvegarde",
                    "store damaged: file shorter than its last page (\(path)/data.mdb holds \(size) bytes, its pages need \(needed)); nothing was read nor written — restore a backup"
                )
            )
        }
    case let .diskFull(path):
        return (
            .storeError,
            l.t(
                "disque plein : plus de place pour le magasin \(path) ; rien n'a été écrit (libérez de la place et relancez)",
                "disk full: no space left for the store \(path); nothing was written (free some space and run again)")
        )
    case let .storage(lmdb):
        return (
            .storeError,
            l.t(
                "erreur du magasin : \(lmdb) (code LMDB \(lmdb.rawValue))",
                "storage error: \(lmdb) (LMDB code \(lmdb.rawValue))")
        )
    }
}

func describe(_ refusal: Refusal, _ l: Language) -> String {
    // The head names the article; the domain's message may end with it too.
    let article = " (art. \(refusal.rule.article))"
    func trimmed(_ s: String) -> String { s.hasSuffix(article) ? String(s.dropLast(article.count)) : s }
    let head = l.t(
        "refusé — \(refusal.rule.rawValue)\(article) : \(trimmed(refusal.fr))",
        "refused — \(refusal.rule.rawValue)\(article): \(trimmed(refusal.en))")
    let allowed = l == .fr ? refusal.allowed : refusal.allowedEn
    return head + (allowed.map { l.t("\n  Possible : ", "\n  Allowed: ") + $0 } ?? "")
        + l.t("\n  Rien n'a été écrit.", "\n  Nothing was written.")
}

func describe(_ error: RegistryError, _ l: Language) -> (ExitStatus, String) {
    switch error {
    case .refused(let refusal):
        return (.refused, describe(refusal, l))
    case .unknownCase(let id):
        return (
            .notFound, l.t("dossier inconnu : \(id) (voir `greffe cases`)", "unknown case: \(id) (see `greffe cases`)")
        )
    case .unknownMember(let id):
        return (
            .notFound,
            l.t(
                "membre inconnu : \(id) (voir `greffe members list`)",
                "unknown member: \(id) (see `greffe members list`)")
        )
    case .malformedCaseID(let id):
        return (
            .usage,
            l.t(
                "identifiant de dossier mal formé : « \(id) » (attendu : une année, un tiret, au moins trois chiffres, ex. 2026-001) ; rien n'a été écrit",
                "malformed case id: \"\(id)\" (expected a year, a dash, at least three digits, e.g. 2026-001); nothing was written"
            )
        )
    case .unknownRecorder(let id):
        return (
            .notFound,
            l.t(
                "qui enregistre l'acte ? « \(id) » n'est pas au registre des membres (--as ou GREFFE_ACTOR nomme un membre, voir `greffe members list`) ; rien n'a été écrit",
                "who records the act? \"\(id)\" is not on the roster (--as or GREFFE_ACTOR names a member, see `greffe members list`); nothing was written"
            )
        )
    case let .unreadableEvent(sequence, type, reason):
        return (
            .verificationFailed,
            l.t(
                "événement \(sequence) (\(type)) illisible : \(reason.fr) — lancez `greffe log verify`",
                "event \(sequence) (\(type)) is unreadable: \(reason.en) — run `greffe log verify`")
        )
    case let .commandIdReused(commandId, caseID):
        return (
            .refused,
            l.t(
                "la clé « \(commandId) » a déjà servi pour un acte du dossier \(caseID) ; rien n'a été écrit (choisissez une autre clé)",
                "the key \"\(commandId)\" was already used for an act of case \(caseID); nothing was written (choose another key)"
            )
        )
    case .invalidCommandId(let commandId):
        let problem =
            CommandIdentifier.problem(commandId) ?? PathCommandID.problem(commandId) ?? (
                "clé d'idempotence invalide", "invalid idempotency key"
            )
        return (
            .usage,
            l.t(
                "--id (commandId) : \(problem.fr) ; rien n'a été écrit",
                "--id (commandId): \(problem.en); nothing was written")
        )
    case .notVerifiable(let failure):
        return (
            .verificationFailed,
            l.t(
                "le journal ne se vérifie pas (séquence \(failure.sequence) : \(failure.kind.french)) : rien n'a été exporté — lancez `greffe log verify`",
                "the log fails verification (sequence \(failure.sequence): \(failure.kind.english)): nothing was exported — run `greffe log verify`"
            )
        )
    case .rosterImport(let importError):
        let lines = importError.problems.map { "  " + l.t($0.fr, $0.description) }.joined(separator: "\n")
        return (
            .refused,
            l.t("fichier de membres refusé, rien n'a été écrit :\n", "roster file refused, nothing was written:\n")
                + lines
        )
    case let .factsChanged(caseID):
        return (
            .conflict,
            l.t(
                "la liste des membres ou les cellules de crise ont changé pendant que l'acte du dossier \(caseID) était décidé (une autre écriture) ; rien n'a été écrit : relancez la commande",
                "the roster or the crisis cells changed while the act of case \(caseID) was being decided (another writer); nothing was written: run the command again"
            )
        )
    case let .unknownRulebook(ref, caseID):
        return (
            .verificationFailed,
            l.t(
                "le dossier \(caseID) relève du règlement \(ref), jamais adopté dans ce magasin — lancez `greffe audit verify`",
                "case \(caseID) runs under rulebook \(ref), never adopted in this store — run `greffe audit verify`")
        )
    case .unknownRecord(let sequence):
        return (
            .notFound,
            l.t(
                "enregistrement inconnu : #\(sequence) (voir `greffe history DOSSIER`) ; rien n'a été écrit",
                "unknown record: #\(sequence) (see `greffe history CASE`); nothing was written")
        )
    }
}

/// A mediation or revocation that does not exist, or a member not on the roster: exit 66, nothing written.
func failure(_ error: PathError) -> CLIFailure {
    switch error {
    case .unknownMediation(let id):
        return CLIFailure(
            status: .notFound, fr: "aucune médiation \(id) (greffe mediation list)",
            en: "no mediation \(id) (greffe mediation list)")
    case .unknownRevocation(let id):
        return CLIFailure(status: .notFound, fr: "aucune révocation \(id)", en: "no revocation \(id)")
    case .unknownMember(let id):
        return CLIFailure(
            status: .notFound, fr: "\(id) n'est pas dans la liste des adhésions", en: "\(id) is not on the roster")
    case .unknownRequest(let id):
        return CLIFailure(
            status: .notFound, fr: "aucune demande \(id) (greffe request list)",
            en: "no request \(id) (greffe request list)")
    case .unknownAmendment(let id):
        return CLIFailure(
            status: .notFound, fr: "aucune modification \(id) (greffe amendment list)",
            en: "no amendment \(id) (greffe amendment list)")
    }
}

/// A ladder act about someone the register does not know (rule `person`): exit 66, the nearest known people named.
func failure(_ error: UnknownPersonError) -> CLIFailure {
    let near = error.candidates.map(\.rawValue).joined(separator: ", ")
    return CLIFailure(
        status: .notFound,
        fr:
            "personne inconnue : « \(error.named) » n'est ni dans la liste des adhésions ni une personne extérieure (règle person)"
            + (near.isEmpty ? "" : " ; vouliez-vous dire \(near) ?")
            + " ; une personne extérieure se crée d'abord : greffe ladder outsider add NOM --contact … ; rien n'a été écrit",
        en: "unknown person: \"\(error.named)\" is neither on the roster nor an outside person (rule person)"
            + (near.isEmpty ? "" : "; did you mean \(near)?")
            + "; an outside person is created first: greffe ladder outsider add NAME --contact …; nothing was written")
}
