import ArgumentParser

/// Parsing a command line without building the whole command tree.
///
/// Why: argument-parser builds the tree of every command (about 90) before it reads a word, and naming each one
/// without an explicit `commandName` makes the Swift runtime search its protocol conformances; with the help texts
/// every configuration formats, that was most of what a short command cost (docs/performance.md). The first word
/// names the one subcommand to parse: a root of that subcommand alone parses the line. Anything it does not accept
/// as a command to run — an error, help, a group's help — is parsed again by the whole tree, whose answers (messages,
/// exit codes, help) are the ones users see, so this changes only the time a command line takes to parse.
extension GreffeCommand {
    /// The subcommand each first word names. A word missing here is parsed by the whole tree (slower, not wrong); a
    /// test checks every entry against the tree.
    static let subcommandsByName: [String: any ParsableCommand.Type] = [
        "init": Init.self, "members": Members.self, "apply": Apply.self, "status": Status.self,
        "agenda": Agenda.self, "cases": Cases.self, "history": History.self, "dossier": Dossier.self, "log": Log.self,
        "audit": Audit.self, "export": Export.self, "import": Import.self, "sync": Sync.self, "backup": Backup.self,
        "restore": Restore.self, "rulebook": RulebookCommand.self, "ladder": Ladder.self,
        "mediation": MediationCommandGroup.self, "revocation": RevocationCommandGroup.self,
        "request": RequestCommandGroup.self, "letter": Letter.self, "withdraw": Withdraw.self,
        "correct": Correct.self, "privacy": Privacy.self, "amendment": AmendmentCommandGroup.self,
        "report": RecordReport.self, "complaint": FileComplaint.self, "notify-board": NotifyBoard.self,
        "meeting": HoldMeeting.self, "suspend": Suspend.self, "evidence": AddEvidence.self,
        "file-complete": CompleteFile.self, "hear-victim": HearVictim.self,
        "request-explanation": RequestExplanation.self, "answer": ReceiveAnswer.self,
        "answer-lapsed": LapseAnswer.self, "accused-left": AccusedLeft.self, "summary": WriteSummary.self,
        "cell": Cell.self, "refer-ga": ReferGA.self, "judgement": JudgementGroup.self,
        "letter-received": LetterReceived.self, "appeal": LodgeAppeal.self, "ga": GeneralAssembly.self,
        "reparation": RecordReparation.self, "radiation": AnnounceRadiation.self, "close": CloseCase.self,
        "explicit-decision": ExplicitDecisionAct.self
    ]

    /// The command `arguments` name, parsed by a root holding only the subcommand their first word names; `nil` when
    /// that word names none here, or when that parse gives anything but a command of this program to run.
    static func parseQuickly(_ arguments: [String]) -> (any ParsableCommand)? {
        guard let first = arguments.first, let subcommand = subcommandsByName[first] else { return nil }
        func parse<Sub: ParsableCommand>(_: Sub.Type) -> (any ParsableCommand)? {
            guard let command = try? OneSubcommandRoot<Sub>.parseAsRoot(arguments) else { return nil }
            // The parser's own commands (`help`) and the root itself are left to the whole tree.
            if isParserCommand(command) || command is OneSubcommandRoot<Sub> { return nil }
            return command
        }
        return parse(subcommand)
    }

    /// A command of argument-parser's own (its `help`), which needs the whole tree to answer.
    static func isParserCommand(_ command: any ParsableCommand) -> Bool {
        String(reflecting: type(of: command)).hasPrefix("ArgumentParser.")
    }
}

/// `greffe` with one subcommand: what `GreffeCommand.parseQuickly` parses with.
struct OneSubcommandRoot<Sub: ParsableCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "greffe", subcommands: [Sub.self])
    }
}
