import Discipline
import Foundation
import GreffeTestSupport
import Registry
import Testing

@testable import EventLog

/// R35 (art. 6): erasing a case's texts once their retention has run out — one recorded act, the case's key destroyed
/// and the key store compacted, every audit check still passing, nothing left in the files.
@Suite struct CaseErasureTests {
    /// A clerk whose today is late enough for every erasure below.
    static let later = Recording(
        actor: "M0001", recordedAt: Date(timeIntervalSince1970: 1_800_000_000), today: d("2027-12-31"))

    /// The sample of scripts/demo.sh decided by a vote (a draw and votes to re-check), case 2026-001 closed on
    /// 2026-04-20: its texts are due 12 months later (CLE), on 2027-04-20.
    func closedCase() throws -> AuditFixture {
        let f = try AuditFixture(vote: true)
        try f.registry.perform(
            .closeCase(Closure(reason: "jugement exécuté, délais de recours écoulés")), in: "2026-001",
            on: d("2026-04-20"), recording: Self.later)
        return f
    }

    /// Every regular file under the store directory (the log and its key store), as bytes.
    func rawFiles(_ f: AuditFixture) throws -> [(path: String, bytes: Data)] {
        let root = f.directory + "/store"
        let fm = FileManager.default
        var files: [(String, Data)] = []
        for case let relative as String in fm.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator() {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((full, try Data(contentsOf: URL(fileURLWithPath: full))))
            }
        }
        return files
    }

    @Test func R35_erasingACasesTextsDestroysItsKeyAndEveryAuditCheckStillPasses() throws {
        let f = try closedCase()
        let complaint = try #require(try f.registry.loadCase("2026-001").state.complaint?.value)
        let kid = try #require(complaint.facts.box?.kid)
        let keyBytes = try #require(try KeyStore.open(at: f.directory + "/store/keys").get("key/" + kid))
        #expect(try f.registry.reveal()(complaint.facts).hasPrefix("Messages insultants"))

        let records = try f.registry.eraseTexts(
            of: "2026-001", reason: "conservation écoulée", requestedBy: nil, on: d("2027-04-20"),
            recording: Self.later)
        #expect(records.map(\.type) == ["CaseTextsErased"])
        #expect(records.first?.stream == "case/2026-001")

        // The act records the rule that made the texts due, and no text of the case.
        let state = try f.registry.loadCase("2026-001").state
        let erased = try #require(state.textsErased)
        #expect(erased.on == d("2027-04-20"))
        #expect(erased.value.endedOn == d("2026-04-20"))
        #expect(erased.value.retention == Rulebook.Period(12, .months))
        #expect(erased.value.dueOn == d("2027-04-20"))
        #expect(erased.value.override == nil)
        let payload = String(decoding: try #require(records.first).payload, as: UTF8.self)
        #expect(!payload.contains("Messages"), "\(payload)")

        // Every text of the case reads « [effacé] »; the other case's texts are untouched.
        let reveal = try f.registry.reveal()
        #expect(reveal(try #require(state.complaint?.value).facts) == "[effacé]")
        #expect(reveal(try #require(state.hearings.first?.value).needs) == "[effacé]")
        let other = try #require(try f.registry.loadCase("2026-002").state.complaint?.value)
        #expect(reveal(other.facts).hasPrefix("Refus répété"))

        // The chain, the payloads, the streams, the replay, the draw and the votes: every check passes, without keys.
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks)")
        #expect(try f.registry.projectionsFromLog() == f.registry.storedProjections())
        var streamed: [String: [UInt8]] = [:]
        try f.registry.replayProjections { key, value in streamed[key] = value }
        #expect(streamed == (try f.registry.storedProjections()))

        // No file of the store holds the key's bytes (nor, as ever, a text in clear).
        for (path, bytes) in try rawFiles(f) {
            #expect(bytes.range(of: Data(keyBytes)) == nil, "key bytes in \(path)")
            for text in ["Messages insultants", "Ne plus recevoir de messages", "Accord des trois membres"] {
                #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text) in \(path)")
            }
        }
        #expect(try KeyStore.open(at: f.directory + "/store/keys").get("key/" + kid) == nil)
    }

    @Test func R35_aCaseNotYetPastItsRetentionIsRefusedWithTheDayItBecomesDue() throws {
        let f = try closedCase()
        let before = try f.store.head()
        #expect {
            try f.registry.eraseTexts(
                of: "2026-001", reason: "conservation écoulée", requestedBy: nil, on: d("2027-04-19"),
                recording: Self.later)
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R35 && refusal.fr.contains("le 2027-04-20") && refusal.fr.contains("12 mois")
        }
        // An open case is refused, whatever the legal reason.
        #expect {
            try f.registry.eraseTexts(
                of: "2026-002", reason: "demande accordée", requestedBy: nil, override: .erasureRequest,
                on: d("2027-04-19"), recording: Self.later)
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R35 && refusal.fr.contains("n'est pas terminé")
        }
        // Unknown case, blank reason, a day after today, a recorder who may not record the case's acts.
        #expect(throws: RegistryError.unknownCase("2026-099")) {
            try f.registry.eraseTexts(
                of: "2026-099", reason: "x", requestedBy: nil, on: d("2027-04-20"), recording: Self.later)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.eraseTexts(
                of: "2026-001", reason: " ", requestedBy: nil, on: d("2027-04-20"), recording: Self.later)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.eraseTexts(
                of: "2026-001", reason: "x", requestedBy: nil, on: d("2028-01-01"), recording: Self.later)
        }
        #expect(throws: RegistryError.self) {
            try f.registry.eraseTexts(
                of: "2026-001", reason: "x", requestedBy: nil, on: d("2027-04-20"),
                recording: Recording(actor: "M0011", recordedAt: Self.later.recordedAt, today: Self.later.today))
        }
        #expect(throws: RegistryError.unknownMember("M0099")) {
            try f.registry.eraseTexts(
                of: "2026-001", reason: "x", requestedBy: "M0099", on: d("2027-04-20"), recording: Self.later)
        }
        #expect(try f.store.head() == before)
        // The texts still read.
        let facts = try #require(try f.registry.loadCase("2026-001").state.complaint?.value.facts)
        #expect(try f.registry.reveal()(facts).hasPrefix("Messages insultants"))
    }

    @Test func R35_aLegalReasonErasesBeforeTheTermAndIsRecorded() throws {
        let f = try closedCase()
        try f.registry.eraseTexts(
            of: "2026-001", reason: "demande de la victime accordée par le Conseil", requestedBy: "M0005",
            override: .erasureRequest, on: d("2026-05-01"), recording: Self.later)
        let erased = try #require(try f.registry.loadCase("2026-001").state.textsErased?.value)
        #expect(erased.override == .erasureRequest)
        #expect(erased.requestedBy == "M0005")
        #expect(erased.dueOn == d("2027-04-20"))
        #expect(try f.registry.audit().isValid)
    }

    @Test func R35_anErasedCaseIsRefusedAgainAndTakesNoMoreActs() throws {
        let f = try closedCase()
        try f.registry.eraseTexts(
            of: "2026-001", reason: "conservation écoulée", requestedBy: nil, on: d("2027-04-20"),
            recording: Self.later)
        let after = try f.store.head()
        let first = try #require(try f.registry.loadCase("2026-001").records.first?.sequence)
        #expect {
            try f.registry.eraseTexts(
                of: "2026-001", reason: "encore", requestedBy: nil, on: d("2027-05-01"), recording: Self.later)
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R35 && refusal.fr.contains("déjà effacés (le 2027-04-20)")
        }
        #expect {
            try f.registry.withdraw("2026-001", record: first, reason: "erreur", recording: Self.later)
        } throws: { error in
            guard case RegistryError.refused(let refusal) = error else { return false }
            return refusal.rule == .R35
        }
        #expect(try f.store.head() == after)
        // Nothing of the case is due any more.
        let review = try f.registry.retentionReview(asOf: d("2027-05-01"))
        #expect(!review.due.contains { $0.subject == .caseTexts("2026-001") })
    }

    @Test func R35_aStopBetweenTheRecordAndTheKeyIsFinishedByAnotherTry() throws {
        let f = try closedCase()
        let kid = try #require(try f.registry.loadCase("2026-001").state.complaint?.value.facts.box?.kid)
        // The act recorded, the key store left as it was (a process stopped in between).
        let event = CaseEvent.caseTextsErased(
            CaseTextsErasure(
                reason: "conservation écoulée", endedOn: d("2026-04-20"), retention: Rulebook.Period(12, .months),
                dueOn: d("2027-04-20")))
        let stream = "case/2026-001"
        let version = try f.store.version(of: stream)
        try f.store.append(
            to: stream, expected: .exactly(version),
            events: [
                NewEvent(
                    type: event.typeName, schemaVersion: 1, occurredOn: "2027-04-20", recordedAt: 1_800_000_000_000,
                    actor: "M0001", correlationId: "2026-001#\(version + 1)", payload: try event.payloadJSON())
            ])
        #expect(try KeyStore.open(at: f.directory + "/store/keys").get("key/" + kid) != nil)
        let head = try f.store.head()
        let again = try f.registry.eraseTexts(
            of: "2026-001", reason: "conservation écoulée", requestedBy: nil, on: d("2027-04-20"),
            recording: Self.later)
        #expect(again.isEmpty)
        #expect(try f.store.head() == head)
        #expect(try KeyStore.open(at: f.directory + "/store/keys").get("key/" + kid) == nil)
    }

    @Test func R35_theRetentionAppliesOneErasureActPerCaseDue() throws {
        let f = try closedCase()
        let due = try f.registry.retentionReview(asOf: d("2027-04-20")).due
        #expect(due.contains { $0.subject == .caseTexts("2026-001") })
        let applied = try f.registry.applyRetention(asOf: d("2027-04-20"), recording: Self.later)
        let erasure = try #require(applied.first { $0.item.subject == .caseTexts("2026-001") })
        #expect(erasure.records.map(\.type) == ["CaseTextsErased"])
        let recorded = try #require(try f.registry.loadCase("2026-001").state.textsErased?.value)
        #expect(recorded.reason.hasPrefix("article 6 : dossier terminé le 2026-04-20"))
        #expect(try f.registry.retentionReview(asOf: d("2027-04-20")).due.isEmpty)
        #expect(try f.registry.audit().isValid)
    }
}
