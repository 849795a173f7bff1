import Foundation

/// An act someone asks to record in a case. The decider turns it into events or a refusal.
///
/// JSON form: one flat object, `{"type": "complaint.file", "commandId": "…", …fields of the payload}`.
/// `commandId` is an optional idempotency key chosen by scripts.
public enum CaseCommand: Equatable, Sendable {
    case recordReport(ReportFacts, commandId: String? = nil)
    case fileComplaint(ComplaintFacts, commandId: String? = nil)
    case notifyBoard(BoardNotification, commandId: String? = nil)
    case holdBoardMeeting(BoardMeeting, commandId: String? = nil)
    case imposeSuspension(Suspension, commandId: String? = nil)
    case addEvidence(Evidence, commandId: String? = nil)
    case completeFile(Note, commandId: String? = nil)
    case hearVictim(VictimHearing, commandId: String? = nil)
    case requestExplanation(ExplanationRequest, commandId: String? = nil)
    case receiveAnswer(Answer, commandId: String? = nil)
    case lapseAnswerWindow(Note, commandId: String? = nil)
    case recordAccusedLeft(Departure, commandId: String? = nil)
    case writeSummary(Summary, commandId: String? = nil)
    case callCell(CellCall, commandId: String? = nil)
    case acceptVolunteer(MemberRef, commandId: String? = nil)
    case recuse(Recusal, commandId: String? = nil)
    case replaceCellMember(CellReplacement, commandId: String? = nil)
    case recordExplicitDecision(ExplicitDecision, commandId: String? = nil)
    case announceDraw(DrawAnnouncement, commandId: String? = nil)
    case performDraw(CellDraw, commandId: String? = nil)
    case drawnMemberPresent(MemberRef, commandId: String? = nil)
    case drawnMemberDeclined(DrawDecline, commandId: String? = nil)
    case sendSummaryToCell(Note, commandId: String? = nil)
    case holdCellMeeting(CellMeeting, commandId: String? = nil)
    case reachConsensus(Decision, commandId: String? = nil)
    case holdCellVote(CellVote, commandId: String? = nil)
    case holdReintegrationVote(ReintegrationVote, commandId: String? = nil)
    case referToGeneralAssembly(GAReferral, commandId: String? = nil)
    case sendJudgementToBoard(Note, commandId: String? = nil)
    case receiveDecisionLetter(MemberRef, commandId: String? = nil)
    case executeJudgement(Note, commandId: String? = nil)
    case lodgeAppeal(Appeal, commandId: String? = nil)
    case recordGeneralAssemblyVote(GAVote, commandId: String? = nil)
    case recordGeneralAssemblyResolution(GAResolution, commandId: String? = nil)
    case recordGeneralAssemblyReintegrationVote(GAReintegrationVote, commandId: String? = nil)
    case recordReparation(Reparation, commandId: String? = nil)
    case announceRadiation(Radiation, commandId: String? = nil)
    case closeCase(Closure, commandId: String? = nil)

    /// The three parts every command has: its stable type name, its payload and its idempotency key.
    var parts: (type: String, payload: any Encodable & Sendable, commandId: String?) {
        switch self {
        case let .recordReport(p, id): ("report.record", p, id)
        case let .fileComplaint(p, id): ("complaint.file", p, id)
        case let .notifyBoard(p, id): ("complaint.notifyBoard", p, id)
        case let .holdBoardMeeting(p, id): ("board.meet", p, id)
        case let .imposeSuspension(p, id): ("suspension.impose", p, id)
        case let .addEvidence(p, id): ("evidence.add", p, id)
        case let .completeFile(p, id): ("file.complete", p, id)
        case let .hearVictim(p, id): ("victim.hear", p, id)
        case let .requestExplanation(p, id): ("explanation.request", p, id)
        case let .receiveAnswer(p, id): ("answer.receive", p, id)
        case let .lapseAnswerWindow(p, id): ("answer.lapse", p, id)
        case let .recordAccusedLeft(p, id): ("accused.leave", p, id)
        case let .writeSummary(p, id): ("summary.write", p, id)
        case let .callCell(p, id): ("cell.call", p, id)
        case let .acceptVolunteer(p, id): ("cell.volunteer", p, id)
        case let .recuse(p, id): ("cell.recuse", p, id)
        case let .replaceCellMember(p, id): ("cell.replace", p, id)
        case let .recordExplicitDecision(p, id): ("explicit.decide", p, id)
        case let .announceDraw(p, id): ("draw.announce", p, id)
        case let .performDraw(p, id): ("draw.perform", p, id)
        case let .drawnMemberPresent(p, id): ("draw.present", p, id)
        case let .drawnMemberDeclined(p, id): ("draw.decline", p, id)
        case let .sendSummaryToCell(p, id): ("cell.sendSummary", p, id)
        case let .holdCellMeeting(p, id): ("cell.meet", p, id)
        case let .reachConsensus(p, id): ("cell.consensus", p, id)
        case let .holdCellVote(p, id): ("cell.vote", p, id)
        case let .holdReintegrationVote(p, id): ("cell.reintegrationVote", p, id)
        case let .referToGeneralAssembly(p, id): ("ga.refer", p, id)
        case let .sendJudgementToBoard(p, id): ("judgement.sendToBoard", p, id)
        case let .receiveDecisionLetter(p, id): ("letter.receive", p, id)
        case let .executeJudgement(p, id): ("judgement.execute", p, id)
        case let .lodgeAppeal(p, id): ("appeal.lodge", p, id)
        case let .recordGeneralAssemblyVote(p, id): ("ga.vote", p, id)
        case let .recordGeneralAssemblyResolution(p, id): ("ga.resolve", p, id)
        case let .recordGeneralAssemblyReintegrationVote(p, id): ("ga.reintegrationVote", p, id)
        case let .recordReparation(p, id): ("reparation.record", p, id)
        case let .announceRadiation(p, id): ("radiation.announce", p, id)
        case let .closeCase(p, id): ("case.close", p, id)
        }
    }

    /// The stable `"type"` string of the JSON form, also the schema file name (`Schemas/commands/<type>.schema.json`).
    public var typeName: String { parts.type }
    /// The optional idempotency key.
    public var commandId: String? { parts.commandId }

    private typealias Reader = @Sendable (any Decoder, String?) throws -> CaseCommand
    private static func read<P: Decodable & SendableMetatype>(
        _ make: @escaping @Sendable (P, String?) -> CaseCommand
    ) -> Reader {
        { decoder, id in make(try P(from: decoder), id) }
    }

    private static let readers: [String: Reader] = [
        "report.record": read { .recordReport($0, commandId: $1) },
        "complaint.file": read { .fileComplaint($0, commandId: $1) },
        "complaint.notifyBoard": read { .notifyBoard($0, commandId: $1) },
        "board.meet": read { .holdBoardMeeting($0, commandId: $1) },
        "suspension.impose": read { .imposeSuspension($0, commandId: $1) },
        "evidence.add": read { .addEvidence($0, commandId: $1) },
        "file.complete": read { .completeFile($0, commandId: $1) },
        "victim.hear": read { .hearVictim($0, commandId: $1) },
        "explanation.request": read { .requestExplanation($0, commandId: $1) },
        "answer.receive": read { .receiveAnswer($0, commandId: $1) },
        "answer.lapse": read { .lapseAnswerWindow($0, commandId: $1) },
        "accused.leave": read { .recordAccusedLeft($0, commandId: $1) },
        "summary.write": read { .writeSummary($0, commandId: $1) },
        "cell.call": read { .callCell($0, commandId: $1) },
        "cell.volunteer": read { .acceptVolunteer($0, commandId: $1) },
        "cell.recuse": read { .recuse($0, commandId: $1) },
        "cell.replace": read { .replaceCellMember($0, commandId: $1) },
        "explicit.decide": read { .recordExplicitDecision($0, commandId: $1) },
        "draw.announce": read { .announceDraw($0, commandId: $1) },
        "draw.perform": read { .performDraw($0, commandId: $1) },
        "draw.present": read { .drawnMemberPresent($0, commandId: $1) },
        "draw.decline": read { .drawnMemberDeclined($0, commandId: $1) },
        "cell.sendSummary": read { .sendSummaryToCell($0, commandId: $1) },
        "cell.meet": read { .holdCellMeeting($0, commandId: $1) },
        "cell.consensus": read { .reachConsensus($0, commandId: $1) },
        "cell.vote": read { .holdCellVote($0, commandId: $1) },
        "cell.reintegrationVote": read { .holdReintegrationVote($0, commandId: $1) },
        "ga.refer": read { .referToGeneralAssembly($0, commandId: $1) },
        "judgement.sendToBoard": read { .sendJudgementToBoard($0, commandId: $1) },
        "letter.receive": read { .receiveDecisionLetter($0, commandId: $1) },
        "judgement.execute": read { .executeJudgement($0, commandId: $1) },
        "appeal.lodge": read { .lodgeAppeal($0, commandId: $1) },
        "ga.vote": read { .recordGeneralAssemblyVote($0, commandId: $1) },
        "ga.resolve": read { .recordGeneralAssemblyResolution($0, commandId: $1) },
        "ga.reintegrationVote": read { .recordGeneralAssemblyReintegrationVote($0, commandId: $1) },
        "reparation.record": read { .recordReparation($0, commandId: $1) },
        "radiation.announce": read { .announceRadiation($0, commandId: $1) },
        "case.close": read { .closeCase($0, commandId: $1) }
    ]

    /// Every command type name, sorted.
    public static var typeNames: [String] { readers.keys.sorted() }
}

/// Coding key for the flat JSON forms: any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension CaseCommand: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let type = try c.decode(String.self, forKey: AnyKey("type"))
        guard let reader = Self.readers[type] else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey("type"), in: c, debugDescription: "unknown command type \(type)")
        }
        let id = try c.decodeIfPresent(String.self, forKey: AnyKey("commandId"))
        if let id, let problem = CommandIdentifier.problem(id) {
            throw DecodingError.dataCorruptedError(forKey: AnyKey("commandId"), in: c, debugDescription: problem.en)
        }
        self = try reader(decoder, id)
    }

    public func encode(to encoder: any Encoder) throws {
        let (type, payload, id) = parts
        // The payload's fields and the discriminator share one JSON object.
        try payload.encode(to: encoder)
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(type, forKey: AnyKey("type"))
        try c.encodeIfPresent(id, forKey: AnyKey("commandId"))
    }
}

/// What an idempotency key (`commandId`, `--id`) may be: 1 to 1,024 bytes of UTF-8 without control characters. The key
/// is stored as the records' causation id and indexed as `command/<key>`; an empty key would be indexed by an act but
/// never found by a replay of the log (an empty causation id means "no key").
public enum CommandIdentifier {
    public static let maximumBytes = 1024

    /// Why `id` cannot be an idempotency key, in French and in English; `nil` when it can.
    public static func problem(_ id: String) -> (fr: String, en: String)? {
        if id.isEmpty { return ("la clé d'idempotence est vide", "the idempotency key is empty") }
        let bytes = id.utf8.count
        if bytes > maximumBytes {
            return (
                "la clé d'idempotence fait \(bytes) octets (\(maximumBytes) au plus)",
                "the idempotency key is \(bytes) bytes long (at most \(maximumBytes))"
            )
        }
        if id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return (
                "la clé d'idempotence contient un caractère de contrôle",
                "the idempotency key holds a control character"
            )
        }
        return nil
    }
}
