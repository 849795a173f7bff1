import ArgumentParser
import Foundation

/// The `greffe` command: the registry of an association's disciplinary procedures.
public struct GreffeCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "greffe",
        abstract: "Registre des procédures disciplinaires d'une association (journal d'événements LMDB chaîné).",
        discussion: prose(
            """
            Chaque acte d'un dossier est un événement d'un journal en ajout seul, chaîné par SHA-256.
            Messages en français par défaut ; --lang en (ou une locale en_*) pour l'anglais.

            Magasin : --store DIR, sinon la variable GREFFE_STORE, sinon ~/.local/share/greffe/store.

            Codes de sortie / exit codes:
              0   succès / success
              64  usage incorrect (option, date ou valeur invalide) / usage error
              65  refusé par une règle (R01…R35, ou de l'échelle adoptée) / refused by a rule
              66  introuvable (magasin, dossier, membre, fichier) / not found
              74  erreur du magasin (format inconnu, magasin endommagé, droits, disque plein, LMDB) / store error
              75  conflit d'écriture concurrente : relire et réessayer / conflict, retry
              78  fichier de configuration mal formé (~/.config/greffe/config) / malformed configuration file
              79  vérification échouée (journal altéré) / verification failed

            Exemples :
              greffe init --store ./registre
              greffe members import adherents.csv --on 2026-01-02
              greffe complaint --via ticket --complainant m006 --accused m004 --victim m005 --motive insults --facts "…" --on 2026-01-05
              greffe meeting 2026-001 --attendee m001 --attendee m002 --rapporteur m002 --on 2026-01-09
              greffe status 2026-001
              greffe agenda
              greffe cell draw-announce 2026-001 --source "…" --known-on 2026-02-07
              greffe dossier 2026-001 --out dossier.html
              greffe log verify --store ./registre

            Chaque acte est une sous-commande (ci-dessous, dans l'ordre de l'art. 5.6) ; `greffe ACTE --help` cite \
            l'article et donne un exemple. Guide pas à pas : docs/cli.md.
            """),
        version: "0.1.0",
        subcommands: [
            Init.self, Members.self, Apply.self, Status.self, Agenda.self, Cases.self, History.self, Dossier.self,
            Log.self, Audit.self, Export.self,
            Import.self, Sync.self, Backup.self, Restore.self,
            RulebookCommand.self, Ladder.self,
            MediationCommandGroup.self, RevocationCommandGroup.self, RequestCommandGroup.self,
            Letter.self, Withdraw.self, Correct.self, Privacy.self, AmendmentCommandGroup.self
        ],
        groupedSubcommands: [
            CommandGroup(
                name: "Actes de la procédure (art. 5.6)",
                subcommands: [
                    RecordReport.self, FileComplaint.self, NotifyBoard.self, HoldMeeting.self, Suspend.self,
                    AddEvidence.self, CompleteFile.self, HearVictim.self, RequestExplanation.self, ReceiveAnswer.self,
                    LapseAnswer.self, AccusedLeft.self, WriteSummary.self, Cell.self, ReferGA.self, JudgementGroup.self,
                    LetterReceived.self, LodgeAppeal.self, GeneralAssembly.self, RecordReparation.self,
                    AnnounceRadiation.self, CloseCase.self, ExplicitDecisionAct.self
                ])
        ]
    )
}

extension GreffeCommand {
    /// The options every command shares, which may also come before the subcommand (`greffe --store DIR init`).
    static let globalOptions: [(option: String, variable: String, accepts: @Sendable (String) -> Bool)] = [
        ("--store", "GREFFE_STORE", { !$0.isEmpty }),
        ("--lang", "GREFFE_LANG", { Language(rawValue: $0) != nil }),
        ("--keys", "GREFFE_KEYS", { !$0.isEmpty }),
        ("--passphrase-file", "GREFFE_PASSPHRASE_FILE", { !$0.isEmpty })
    ]

    /// Runs the command line after two checks swift-argument-parser cannot make: every argument must be UTF-8 (Swift
    /// would quietly replace a bad byte by U+FFFD, which would then be stored), and a negative number given to an
    /// option gets a clear message instead of "missing value". `--store DIR` and `--lang fr|en` given before the
    /// subcommand count for every command as `GREFFE_STORE` and `GREFFE_LANG` do; the same option after the
    /// subcommand still wins, as over the variable.
    ///
    /// Parsing and running are kept apart (argument-parser's "manual parsing"): the parser's own outcomes (help,
    /// `--version`, completion scripts, usage errors, exit 64) are its to print, while every error a command throws
    /// is reported here, once, in the user's language, with its documented exit code.
    public static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let language = Language.resolve(
            Array(zip(arguments, arguments.dropFirst())).last { $0.0 == "--lang" }.flatMap { Language(rawValue: $0.1) })
        if let failure = argumentFailure(rawArguments: Self.rawArguments(), arguments: arguments) {
            writeError(language.t("greffe : " + failure.fr, "greffe: " + failure.en))
            Foundation.exit(failure.status.rawValue)
        }
        // The configuration file first: the variables and the options below override what it says.
        if let failure = Configuration.load() {
            writeError(language.t("greffe : " + failure.fr, "greffe: " + failure.en))
            Foundation.exit(failure.status.rawValue)
        }
        for (variable, value) in takeLeadingGlobalOptions(&arguments) { setenv(variable, value, 1) }
        var command: any ParsableCommand
        do {
            // The subcommand the first word names, parsed alone; the whole tree for anything else (see QuickParse).
            command = try parseQuickly(arguments) ?? parseAsRoot(arguments)
        } catch {
            // Help, `--version` and completion scripts are the parser's to print; a command line it cannot parse is
            // told in the user's language, with the nearest subcommand for a word that is none.
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) }
            let language = Language.resolve(lastLanguageOption(arguments))
            writeError(
                ParserMessages.message(for: error, arguments: arguments, language: language)
                    .trimmingCharacters(in: .newlines))
            Foundation.exit(status.rawValue)
        }
        // A member or case named ambiguously or not at all (PeopleNames): refused before anything runs.
        if let failure = CommandLineNames.shared.failure {
            let language = Language.resolve(lastLanguageOption(arguments))
            writeError(language.t("greffe : " + failure.fr, "greffe: " + failure.en))
            Foundation.exit(failure.status.rawValue)
        }
        do {
            try command.run()
            // A sealed text that did not open (altered, or moved to another record) was shown « [altéré] »; the
            // command then fails as a verification does, naming where each was (R35).
            if let failure = sealedTextFaults() {
                let l = Language.resolve(lastLanguageOption(arguments))
                writeError(l.t("greffe : " + failure.fr, "greffe: " + failure.en))
                Foundation.exit(failure.status.rawValue)
            }
        } catch  where isParserOutcome(error) {
            exit(withError: error)
        } catch {
            let (status, message) = report(error, Language.resolve(lastLanguageOption(arguments)))
            writeError(message)
            Foundation.exit(status.rawValue)
        }
    }

    /// An error of argument-parser's own types, thrown while running: `greffe help ACT` (the parser's help command),
    /// a command group run without a subcommand (its help), a status a command chose itself (`ExitCode`). The parser
    /// prints and exits for these as it always did.
    static func isParserOutcome(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// The `--lang` given after the subcommand (the last one wins, as the parser decides), if any; those given
    /// before it are in `GREFFE_LANG` by then.
    static func lastLanguageOption(_ arguments: [String]) -> Language? {
        var found: Language?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument.hasPrefix("--lang=") {
                found = Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? found
            } else if argument == "--lang", index + 1 < arguments.count {
                found = Language(rawValue: arguments[index + 1]) ?? found
            }
        }
        return found
    }

    /// Removes the global options that come before the subcommand and returns the variables they set. It stops at
    /// the first other argument, or at a value it does not accept (the parser then reports it, exit 64).
    static func takeLeadingGlobalOptions(_ arguments: inout [String]) -> [(variable: String, value: String)] {
        var taken: [(variable: String, value: String)] = []
        while let first = arguments.first {
            let parts = first.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let global = globalOptions.first(where: { $0.option == parts[0] }) else { break }
            let value: String
            let width: Int
            if parts.count == 2 {
                (value, width) = (parts[1], 1)
            } else if arguments.count > 1 {
                (value, width) = (arguments[1], 2)
            } else {
                break
            }
            guard global.accepts(value) else { break }
            taken.append((global.variable, value))
            arguments.removeFirst(width)
        }
        return taken
    }

    /// The arguments as the kernel passed them (Linux's `/proc/self/cmdline`), program name excluded, or nil
    /// where that file cannot be read.
    static func rawArguments() -> [[UInt8]]? {
        guard let data = FileManager.default.contents(atPath: "/proc/self/cmdline") else { return nil }
        var parts = [UInt8](data).split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        if parts.last == [] { parts.removeLast() }
        return Array(parts.dropFirst())
    }

    /// The first problem of the command line's arguments, if any.
    static func argumentFailure(rawArguments: [[UInt8]]?, arguments: [String]) -> CLIFailure? {
        for (index, bytes) in (rawArguments ?? []).enumerated() {
            if let bad = TextInput.firstInvalidUTF8(in: bytes) {
                let byte = String(format: "%02X", bytes[bad])
                return CLIFailure(
                    status: .usage,
                    fr:
                        "l'argument \(index + 1) n'est pas de l'UTF-8 (octet \(bad + 1) : 0x\(byte)) ; rien n'a été écrit",
                    en: "argument \(index + 1) is not UTF-8 (byte \(bad + 1): 0x\(byte)); nothing was written")
            }
        }
        for (option, value) in zip(arguments, arguments.dropFirst())
        where option.hasPrefix("--") && !option.contains("=") && isNegativeNumber(value) {
            return CLIFailure(
                status: .usage,
                fr: "\(option) \(value) : nombre négatif refusé, un nombre positif ou nul est attendu",
                en: "\(option) \(value): negative number refused, a number zero or above is expected")
        }
        return nil
    }

    /// `-3`, `-1.5`, `-1,5`.
    static func isNegativeNumber(_ text: String) -> Bool {
        let rest = text.utf8.dropFirst()
        return text.hasPrefix("-") && !rest.isEmpty && rest.first.map { $0 >= 48 && $0 <= 57 } == true
            && rest.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
    }
}
