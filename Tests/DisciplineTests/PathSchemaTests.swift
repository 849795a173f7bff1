import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

@Test func pathSchema_everyMediationAndRevocationEventTypeHasASchema() throws {
    let dir = ladderPackageRoot.appendingPathComponent("Schemas/path-events")
    let names = Set(
        try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".schema.json") }.map { String($0.dropLast(".schema.json".count)) })
    #expect(
        names
            == Set(
                MediationEvent.typeNames + RevocationEvent.typeNames + CrisisRequestEvent.typeNames
                    + AmendmentEvent.typeNames + OutsiderEvent.typeNames
                    + NonPaymentEvent.typeNames + [AssemblyRequest.typeName]))
}

/// One payload of every mediation and revocation event, and a procedure rulebook with its `paths` numbers, validate
/// with Python's jsonschema (scripts/validate_schemas.py).
@Test(.enabled(if: python3 != nil, "python3 is not on PATH: JSON Schema validation of the paths skipped"))
func pathSchema_eventsAndRulebookValidateWithJsonschema() throws {
    let fm = FileManager.default
    let temporary = TemporaryDirectory(prefix: "greffe-path-schemas")
    let dir = temporary.url
    for sub in ["path-events", "ladder-rulebooks"] {
        try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    let pool = try DrawPool(members: ["m001", "m002", "m009"])
    let d = { (s: String) in Day(s)! }
    let announcement = try DrawAnnouncement.announce(
        pool: pool, sources: [EntropySource(description: "Loto", valuesKnownOn: d("2026-03-14"))], seatsLeft: 1,
        on: d("2026-03-12"))
    let draw = try CellDraw.perform(announcement, values: [["3", "11", "17", "25", "38"]])
    let mediation: [MediationEvent] = [
        .opened(MediationOpening(parties: ["m004", "m007"], facts: "Désaccord", followsCase: "2026-001")),
        .mediatorNamed(MediatorNaming(mediator: "m009", by: .board)),
        .mediatorAnswered(MediatorAnswer(mediator: "m009", answer: .noAnswer)),
        .drawAnnounced(announcement),
        .drawPerformed(draw),
        .concluded(MediationOutcome(outcome: .complaint, note: "Plainte déposée", caseID: "2026-004"))
    ]
    let tally = Rulebook.cle.reachesTwoThirds(yes: 2, cast: 2, blanks: 0, bodySize: 2)
    let revocation: [RevocationEvent] = [
        .opened(
            RevocationOpening(
                holder: "m003", role: .boardMember,
                ground: RevocationGround(kind: .silence, silentSince: d("2026-01-02"), facts: "Aucune nouvelle"))),
        .holderConvened(HolderConvocation(form: .writing, companion: "une amie")),
        .explanationRecorded(HolderExplanation(outcome: .noAnswer, note: "rien reçu")),
        .boardVoted(
            RevocationVote(
                ballots: [Ballot(member: "m001", option: "revoke"), Ballot(member: "m002", option: nil)],
                bodySize: 2, tally: tally, revoked: true))
    ]
    for event in mediation {
        try event.payloadJSON().write(to: dir.appendingPathComponent("path-events/\(event.typeName).json"))
    }
    for event in revocation {
        try event.payloadJSON().write(to: dir.appendingPathComponent("path-events/\(event.typeName).json"))
    }
    let requests: [CrisisRequestEvent] = [
        .lodged(
            CrisisRequestLodging(
                target: "m006", signatories: ["m004", "m005", "m007", "m008", "m009"], motives: ["harm"],
                facts: "Bannissements", due: d("2026-03-09"))),
        .implemented(CrisisRequestImplemented(caseID: "2026-004", daysLate: 2))
    ]
    for event in requests {
        try event.payloadJSON().write(to: dir.appendingPathComponent("path-events/\(event.typeName).json"))
    }
    let amendments: [AmendmentEvent] = [
        .proposed(
            AmendmentProposal(
                proposer: "m002", rulebook: "cle-autistes-ri", version: 2,
                sha256: String(repeating: "0f", count: 32), summary: "Conseil sous 10 jours")),
        .voted(
            AmendmentVote(
                ballots: [Ballot(member: "m001", option: "adopt"), Ballot(member: "m002", option: nil)],
                bodySize: 2, tally: tally, carried: true, noticeDue: d("2026-07-04"))),
        .noticeSent(AmendmentNotice(daysLate: 0))
    ]
    for event in amendments {
        try event.payloadJSON().write(to: dir.appendingPathComponent("path-events/\(event.typeName).json"))
    }
    let outsiders: [OutsiderEvent] = [
        .added(outsider: "X0001", name: "Mehdi Tazi", contact: "06 12 34 56 78", note: "usager"),
        .erased(outsider: "X0001", reason: "demande de la personne", requestedBy: nil)
    ]
    for event in outsiders {
        try event.payloadJSON().write(to: dir.appendingPathComponent("path-events/\(event.typeName).json"))
    }
    let dues: [NonPaymentEvent] = [
        .noticeSent(RenewalNotice(member: "a001", year: 2026, due: d("2026-03-10"), isAssociation: true)),
        .warned(NonPaymentWarning(form: .written)),
        .suspensionVoted(
            SuspensionVote(
                ballots: [Ballot(member: "m001", option: "suspend"), Ballot(member: "m002", option: nil)],
                bodySize: 2, tally: tally, suspended: true)),
        .radiated(NonPaymentRadiation(member: "a001", year: 2026, dueOn: d("2026-03-20")))
    ]
    for event in dues {
        try event.payloadJSON().write(to: dir.appendingPathComponent("path-events/\(event.typeName).json"))
    }
    let assemblyRequest = AssemblyRequest(
        signatories: ["m004", "m005", "m006"], motive: .distrust, bodySize: 11,
        arithmetic: "3 × 4 = 12 ≥ 11 × 1 = 11 → un quart atteint", due: d("2026-03-09"))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(assemblyRequest).write(
        to: dir.appendingPathComponent("path-events/\(AssemblyRequest.typeName).json"))
    var book = Rulebook.cle
    book.paths = PathRules(
        mediation: MediationRules(interventionCap: 4),
        revocation: RevocationRules(missedMeetings: 3, silence: .init(2, .months)),
        crisisRequest: CrisisRequestRules(signatories: 5, boardDelay: .init(7, .days)),
        voting: VotingRules(seniority: .init(12, .months), duesWithin: .init(12, .months)),
        amendment: AmendmentRules(notice: .init(1, .months)),
        nonPayment: NonPaymentRules(
            delay: .init(2, .months),
            majority: Rulebook.Threshold(numerator: 2, denominator: 3, base: .castIncludingBlanks)),
        assemblyRequest: .cle)
    try RulebookDocument.procedure(book).jsonData().write(
        to: dir.appendingPathComponent("ladder-rulebooks/with-paths.json"))
    let (status, text) = try validateSchemaExamples(in: dir)
    if status == 3 {
        Issue.record("jsonschema is not installed for python3: \(text)")
        return
    }
    #expect(status == 0, "path schema validation failed:\n\(text)")
    let count =
        mediation.count + revocation.count + requests.count + amendments.count + outsiders.count + dues.count + 1 + 1
    #expect(text.contains("validated \(count) examples, 0 errors"), "\(text)")
}

@Test func pathRules_aRulebookWithoutPathsLoadsWithTheCLENumbers() throws {
    let data = try RulebookDocument.procedure(.cle).jsonData()
    let book = try Rulebook.load(from: data)
    #expect(book.paths == nil)
    #expect(book.pathRules.mediation?.cap == 3)
    #expect(book.pathRules.revocation?.meetings == 3)
    #expect(book.pathRules.revocation?.silencePeriod == Rulebook.Period(2, .months))
}

@Test func pathRules_aPartialPathsBlockKeepsTheOtherCLENumbers() throws {
    var book = Rulebook.cle
    book.paths = PathRules(revocation: RevocationRules(missedMeetings: 4))
    let loaded = try Rulebook.load(from: try RulebookDocument.procedure(book).jsonData())
    #expect(loaded.pathRules.revocation?.meetings == 4)
    #expect(loaded.pathRules.revocation?.silencePeriod == Rulebook.Period(2, .months))
    #expect(loaded.pathRules.mediation?.cap == 3)
}

/// Seals every text with a fixed box: enough to check the stored form against the schemas.
private final class ExampleSealer: FieldSealer, @unchecked Sendable {
    func seal(_ text: String, path: String) throws -> SealedBox {
        SealedBox(
            kid: String(repeating: "ab", count: 16), at: "example#1/Type/" + path,
            nonce: "AAAAAAAAAAAAAAAA", box: "AAAAAAAAAAAAAAAAAAAAAAAA")
    }
}

/// The paths' free texts as the registry stores them (sealed, docs/privacy.md) validate against Schemas/path-events.
@Test(.enabled(if: python3 != nil, "python3 is not on PATH: JSON Schema validation of the paths skipped"))
func R35_pathSchema_sealedTextsValidateWithJsonschema() throws {
    let temporary = TemporaryDirectory(prefix: "greffe-path-sealed-schemas")
    let dir = temporary.url
    try FileManager.default.createDirectory(
        at: dir.appendingPathComponent("path-events"), withIntermediateDirectories: true)
    let sealer = ExampleSealer()
    let day = Day("2026-01-02")!
    func write(_ type: String, _ data: Data) throws {
        #expect(String(decoding: data, as: UTF8.self).contains("\"kid\""), "\(type) holds no sealed text")
        try data.write(to: dir.appendingPathComponent("path-events/\(type).json"))
    }
    let mediation: [MediationEvent] = [
        .opened(MediationOpening(parties: ["m004", "m007"], facts: "Désaccord")),
        .concluded(MediationOutcome(outcome: .agreement, note: "Accord"))
    ]
    for event in mediation { try write(event.typeName, try event.payloadJSON(sealer: sealer)) }
    let revocation: [RevocationEvent] = [
        .opened(
            RevocationOpening(
                holder: "m003", role: .boardMember,
                ground: RevocationGround(kind: .silence, silentSince: day, facts: "Aucune nouvelle"))),
        .holderConvened(HolderConvocation(form: .writing, companion: "une amie")),
        .explanationRecorded(HolderExplanation(outcome: .noAnswer, note: "rien reçu"))
    ]
    for event in revocation { try write(event.typeName, try event.payloadJSON(sealer: sealer)) }
    let request = CrisisRequestEvent.lodged(
        CrisisRequestLodging(
            target: "m006", signatories: ["m004"], motives: ["harm"],
            facts: "Bannissements", due: day))
    try write(request.typeName, try request.payloadJSON(sealer: sealer))
    let amendment = AmendmentEvent.proposed(
        AmendmentProposal(
            proposer: "m002", rulebook: "cle-autistes-ri", version: 2,
            sha256: String(repeating: "0f", count: 32), summary: "Conseil sous 10 jours"))
    try write(amendment.typeName, try amendment.payloadJSON(sealer: sealer))
    let (status, text) = try validateSchemaExamples(in: dir)
    if status == 3 {
        Issue.record("jsonschema is not installed for python3: \(text)")
        return
    }
    #expect(status == 0, "sealed path texts failed schema validation:\n\(text)")
    #expect(text.contains("validated 7 examples, 0 errors"), "\(text)")
}
