import Discipline
import Registry

/// The subcommand that records each command type of the JSON form (`Schemas/commands/`), and the option for each
/// field a refusal may mention: refusals name what to type next, not the JSON.
enum CommandWords {
    static let subcommands: [String: String] = [
        "report.record": "greffe report",
        "complaint.file": "greffe complaint",
        "complaint.notifyBoard": "greffe notify-board",
        "board.meet": "greffe meeting",
        "suspension.impose": "greffe suspend",
        "evidence.add": "greffe evidence",
        "file.complete": "greffe file-complete",
        "victim.hear": "greffe hear-victim",
        "explanation.request": "greffe request-explanation",
        "answer.receive": "greffe answer",
        "answer.lapse": "greffe answer-lapsed",
        "accused.leave": "greffe accused-left",
        "summary.write": "greffe summary",
        "cell.call": "greffe cell call",
        "cell.volunteer": "greffe cell volunteer",
        "cell.recuse": "greffe cell recuse",
        // The draw's subcommands come with the draw (docs/draw.md).
        "draw.announce": "greffe cell draw-announce",
        "draw.perform": "greffe cell draw",
        "draw.present": "greffe cell present",
        "draw.decline": "greffe cell decline",
        "cell.sendSummary": "greffe cell send-summary",
        "cell.meet": "greffe cell meet",
        "cell.consensus": "greffe cell consensus",
        "cell.vote": "greffe cell vote",
        "cell.reintegrationVote": "greffe cell reintegration-vote",
        "ga.refer": "greffe refer-ga",
        "judgement.sendToBoard": "greffe judgement send",
        "letter.receive": "greffe letter-received",
        "judgement.execute": "greffe judgement execute",
        "appeal.lodge": "greffe appeal",
        "ga.vote": "greffe ga vote",
        "ga.resolve": "greffe ga resolve",
        "ga.reintegrationVote": "greffe ga reintegration-vote",
        "cell.replace": "greffe cell replace",
        "explicit.decide": "greffe explicit-decision",
        "reparation.record": "greffe reparation",
        "radiation.announce": "greffe radiation",
        "case.close": "greffe close"
    ]

    /// JSON field names as the domain words them in "allowed" texts, and the options that set them.
    static let fields: [(json: String, option: String)] = [
        ("origin = rapporteurAndBoard", "--origin board"),
        ("origin = victim", "--origin victim"),
        ("donner sha256", "donner --file ou --sha256"),
        ("give sha256", "give --file or --sha256"),
        ("donner delegationReason", "donner --delegation-reason"),
        ("give delegationReason", "give --delegation-reason"),
        ("(approvedBy)", "(--approved-by)"),
        ("(noAnswer)", "(--ground no-answer)"),
        ("donner probationUntil", "donner --probation-until"),
        ("holdsMandate = true pour ", "--accused-holds-mandate "),
        ("holdsMandate = true for ", "--accused-holds-mandate "),
        ("give probationUntil", "give --probation-until")
    ]

    /// The text with command types and fields replaced by subcommands and options.
    static func rewrite(_ text: String) -> String {
        // Keys contain a dot or "=", replacements none of those, so the order of replacement does not matter.
        let withFields = fields.reduce(text) { $0.replacingOccurrences(of: $1.json, with: $1.option) }
        return subcommands.reduce(withFields) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}

extension Refusal {
    /// The refusal as the command line tells it: what would be allowed, in subcommands and options.
    var inCommandLineWords: Refusal {
        var r = self
        r.allowed = allowed.map(CommandWords.rewrite)
        r.allowedEn = allowedEn.map(CommandWords.rewrite)
        return r
    }
}

/// A `--help` discussion written as paragraphs: the lines of a paragraph are joined so that the help reflows them at
/// the terminal's width; blank lines and indented lines (examples, lists) are kept as written.
func prose(_ text: String) -> String {
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if let last = out.last, !last.isEmpty, !line.isEmpty, !line.hasPrefix(" "), !last.hasPrefix(" "),
            !last.hasSuffix(":")
        {
            out[out.count - 1] = last + " " + line
        } else {
            out.append(line)
        }
    }
    return out.joined(separator: "\n")
}
