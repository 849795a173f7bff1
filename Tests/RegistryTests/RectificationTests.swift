import Discipline
import Foundation
import GreffeTestSupport
@testable import Registry
import Testing

@testable import EventLog

/// Withdrawals and corrections of recorded acts (issue 14): the case reads as if the act had not been recorded, or
/// with the right values; every refusal leaves the log's head unchanged.
@Suite struct RectificationTests {
    /// The sample case 2026-001 up to its cell call, with one testimony whose witness was mistyped (M0007 for M0008).
    final class Story {
        let temporary = TemporaryDirectory(prefix: "greffe-rectification")
        let registry: Registry
        var store: EventStore { registry.store }
        let id = CaseID("2026-001")
        static let clerk = AuditFixture.clerk
        /// The mistyped testimony's record.
        var testimony: UInt64 = 0

        init() throws {
            registry = Registry(store: try EventStore.create(at: temporary.path + "/store"))
            let csv = try String(contentsOf: examplesDirectory.appendingPathComponent("adherents.csv"), encoding: .utf8)
            let rows = csv.split(separator: "\n").map { AuditFixture.cells(String($0)) }
            try registry.importRoster(
                header: rows[0], rows: Array(rows.dropFirst()), on: d("2026-01-02"), recording: Self.clerk)
            let text = try String(
                contentsOf: examplesDirectory.appendingPathComponent("demo-1-instruction.jsonl"), encoding: .utf8)
            for (n, raw) in text.split(separator: "\n").enumerated() where !raw.isEmpty && !raw.contains("cell.call") {
                let line = try JSONDecoder().decode(AuditFixture.Line.self, from: Data(raw.utf8))
                try registry.perform(
                    line.command, in: line.case, on: line.on,
                    recording: Recording(actor: line.as, recordedAt: Self.clerk.recordedAt, today: Self.clerk.today))
                if n == 3 {
                    let records = try recorded(
                        try registry.perform(
                            .addEvidence(Self.testimony(witness: "M0007")), in: id, on: d("2026-01-13"),
                            recording: Self.rapporteur))
                    testimony = try #require(records.first?.sequence)
                }
            }
        }

        static let rapporteur = Recording(actor: "M0002", recordedAt: clerk.recordedAt, today: clerk.today)

        static func testimony(witness: String) -> Evidence {
            Evidence(
                kind: .testimony, description: "Témoignage sur les messages du 2 janvier", witness: MemberID(witness))
        }

        func recorded(_ performed: Performed) throws -> [EventRecord] {
            guard case .recorded(let records) = performed else { throw RegistryError.unknownCase(id) }
            return records
        }

        func sequence(of type: String) throws -> UInt64 {
            try #require(try registry.loadCase(id).records.last { $0.type == type }?.sequence)
        }

        func head() throws -> LogHead { try store.head() }

        /// Refused with `rule`, nothing written.
        func expectRefused(
            _ rule: RuleID, mentioning text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
            _ body: () throws -> Void
        ) throws {
            let before = try head()
            do {
                try body()
                Issue.record("not refused", sourceLocation: sourceLocation)
            } catch RegistryError.refused(let refusal) {
                #expect(refusal.rule == rule, "\(refusal)", sourceLocation: sourceLocation)
                if let text { #expect(refusal.fr.contains(text), "\(refusal.fr)", sourceLocation: sourceLocation) }
            }
            #expect(try head() == before, sourceLocation: sourceLocation)
        }
    }

    @Test func withdrawalMakesTheCaseReadAsIfTheActHadNotBeenRecorded() throws {
        let s = try Story()
        #expect(try s.registry.loadCase(s.id).state.evidence.count == 2)
        let records = try s.registry.withdraw(
            s.id, record: s.testimony, reason: "témoignage enregistré dans le mauvais dossier",
            recording: Story.rapporteur)
        #expect(records.map(\.type) == ["RecordWithdrawn"])
        let loaded = try s.registry.loadCase(s.id)
        #expect(loaded.state.evidence.count == 1)
        #expect(loaded.fold.amendments[s.testimony]?.kind == .withdrawn)
        #expect(try s.registry.projectionsFromLog() == s.registry.storedProjections())
    }

    @Test func rectification_aWithdrawalALaterActDependsOnIsRefusedNamingThatAct() throws {
        let s = try Story()
        let meeting = try s.sequence(of: "BoardMet")
        let suspension = try s.sequence(of: "SuspensionImposed")
        try s.expectRefused(.R07, mentioning: "#\(suspension)") {
            try s.registry.withdraw(
                s.id, record: meeting, reason: "réunion saisie deux fois", recording: Story.rapporteur)
        }
    }

    @Test func rectification_badTargetsAreRefusedAndNothingIsWritten() throws {
        let s = try Story()
        try s.expectRefused(.rectification, mentioning: "raison") {
            try s.registry.withdraw(s.id, record: s.testimony, reason: "  ", recording: Story.rapporteur)
        }
        // A member's record (the roster) is not an act of this case.
        try s.expectRefused(.rectification, mentioning: "n'est pas un acte de dossier") {
            try s.registry.withdraw(s.id, record: 1, reason: "erreur", recording: Story.rapporteur)
        }
        let before = try s.head()
        #expect(throws: RegistryError.unknownRecord(9_999)) {
            try s.registry.withdraw(s.id, record: 9_999, reason: "erreur", recording: Story.rapporteur)
        }
        #expect(try s.head() == before)
        let withdrawal = try #require(
            try s.registry.withdraw(s.id, record: s.testimony, reason: "erreur", recording: Story.rapporteur).first)
        try s.expectRefused(.rectification, mentioning: "lui-même un retrait") {
            try s.registry.withdraw(s.id, record: withdrawal.sequence, reason: "erreur", recording: Story.rapporteur)
        }
        try s.expectRefused(.rectification, mentioning: "déjà retiré") {
            try s.registry.withdraw(s.id, record: s.testimony, reason: "erreur", recording: Story.rapporteur)
        }
    }

    @Test func rectification_aRecordOfAnotherCaseIsRefused() throws {
        let f = try AuditFixture()
        let other = try #require(try f.registry.loadCase(CaseID("2026-002")).records.first?.sequence)
        let before = try f.store.head()
        do {
            try f.registry.withdraw(CaseID("2026-001"), record: other, reason: "erreur", recording: AuditFixture.clerk)
            Issue.record("not refused")
        } catch RegistryError.refused(let refusal) {
            #expect(refusal.rule == .rectification && refusal.fr.contains("2026-002"))
        }
        #expect(try f.store.head() == before)
    }

    @Test func rectification_aPerformedDrawAndAJudgementSentAreNotWithdrawn() throws {
        let f = try AuditFixture()
        let id = CaseID("2026-001")
        let records = try f.registry.loadCase(id).records
        for type in ["DrawPerformed", "ConsensusReached"] {
            let sequence = try #require(records.first { $0.type == type }?.sequence)
            let before = try f.store.head()
            do {
                try f.registry.withdraw(id, record: sequence, reason: "erreur", recording: AuditFixture.clerk)
                Issue.record("\(type) withdrawn")
            } catch RegistryError.refused(let refusal) {
                #expect(refusal.rule == .rectification)
            }
            #expect(try f.store.head() == before)
        }
    }

    /// The story of issue 14: the wrong witness recorded (M0007 for M0008), M0008 then drawn into the cell. Corrected, M0008
    /// is the witness and the procedure replaces them in the cell.
    @Test func rectification_theWrongWitnessStory() throws {
        let s = try Story()
        let day = d("2026-02-05")
        try s.registry.perform(
            .callCell(CellCall(channel: .online, called: ["M0009", "M0012"])), in: s.id, on: d("2026-02-03"),
            recording: Story.rapporteur)
        let state = try s.registry.loadCase(s.id).state
        let context = try s.registry.caseContext(for: s.id, on: day)
        let announcement = try DrawAnnouncement.announce(
            pool: try DrawPool(members: state.cellPool(context: context, on: day, rulebook: s.registry.rulebook)),
            sources: [EntropySource(description: "Loto du 7 février 2026", valuesKnownOn: d("2026-02-07"))],
            seatsLeft: s.registry.rulebook.cellSize - state.cell.count, on: day)
        #expect(announcement.pool.contains("M0008") && !announcement.pool.contains("M0007"))
        try s.registry.perform(.announceDraw(announcement), in: s.id, on: day, recording: Story.rapporteur)
        // Published values that draw M0008 into a seat (the story: the real witness drawn by lot).
        let draw = try #require(
            try (1...500).lazy.map { try CellDraw.perform(announcement, values: [[String($0)]]) }
                .first { $0.order.prefix(announcement.seatsLeft).map { announcement.pool[$0 - 1] }.contains("M0008") })
        try s.registry.perform(.performDraw(draw), in: s.id, on: d("2026-02-07"), recording: Story.rapporteur)
        #expect(try s.registry.loadCase(s.id).state.drawnPending.contains("M0008"))
        try s.registry.perform(
            .drawnMemberPresent(MemberRef(member: "M0008")), in: s.id, on: d("2026-02-08"), recording: Story.rapporteur)

        try s.registry.correct(
            s.id, record: s.testimony, reason: "le témoin est M0008, pas M0007",
            command: .addEvidence(Story.testimony(witness: "M0008")), on: d("2026-01-13"),
            recording: Story.rapporteur)
        let corrected = try s.registry.loadCase(s.id)
        #expect(corrected.state.evidence.compactMap(\.value.witness) == ["M0008"])
        #expect(corrected.fold.amendments[s.testimony]?.kind == .corrected)
        #expect(corrected.state.cell.contains("M0008"))
        let now = try s.registry.caseContext(for: s.id, on: d("2026-02-09"))
        #expect(
            corrected.state.isEligibleForCell("M0008", context: now, on: d("2026-02-09"), rulebook: s.registry.rulebook)
                .contains { $0.en.contains("witness") })
        #expect(
            corrected.state.isEligibleForCell("M0007", context: now, on: d("2026-02-09"), rulebook: s.registry.rulebook)
                .isEmpty)
        // The procedure replaces the drawn witness.
        try s.registry.perform(
            .replaceCellMember(
                CellReplacement(member: "M0008", ground: .noLongerEligible, reason: "témoin (rectification)")),
            in: s.id, on: d("2026-02-09"), recording: Story.rapporteur)
        #expect(try !s.registry.loadCase(s.id).state.cell.contains("M0008"))
        #expect(try s.registry.projectionsFromLog() == s.registry.storedProjections())
    }

    @Test func rectification_correctionsOfADateAnAttendeeAndATextAreReadInPlace() throws {
        let s = try Story()
        let meeting = try s.sequence(of: "BoardMet")
        try s.registry.correct(
            s.id, record: meeting, reason: "M0003 était absent·e, M0005 non plus membre du CA : liste",
            command: .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0002"], rapporteur: "M0002")),
            on: d("2026-01-08"), recording: AuditFixture.clerk)
        var state = try s.registry.loadCase(s.id).state
        #expect(state.boardMeeting?.value.attendees == ["M0001", "M0002"])
        #expect(state.boardMeeting?.on == d("2026-01-08"))
        #expect(state.rapporteur?.rapporteur == "M0002")
        let file = try s.sequence(of: "DisciplinaryFileCompleted")
        try s.registry.correct(
            s.id, record: file, reason: "note incomplète",
            command: .completeFile(Note(note: "Témoignages, historique, contexte et captures consignés.")),
            on: d("2026-01-20"), recording: Story.rapporteur)
        state = try s.registry.loadCase(s.id).state
        #expect(state.fileCompletedOn == d("2026-01-20"))
        #expect(try s.registry.projectionsFromLog() == s.registry.storedProjections())
    }

    @Test func order_aCorrectedDateALaterActWouldPrecedeIsRefusedNamingThatAct() throws {
        let s = try Story()
        let meeting = try s.sequence(of: "BoardMet")
        let suspension = try s.sequence(of: "SuspensionImposed")
        try s.expectRefused(.order, mentioning: "#\(suspension)") {
            try s.registry.correct(
                s.id, record: meeting, reason: "date",
                command: .holdBoardMeeting(
                    BoardMeeting(attendees: ["M0001", "M0002", "M0003"], rapporteur: "M0002")), on: d("2026-01-10"),
                recording: AuditFixture.clerk)
        }
        // Another act than the one corrected.
        try s.expectRefused(.rectification) {
            try s.registry.correct(
                s.id, record: meeting, reason: "x", command: .completeFile(Note()), on: d("2026-01-09"),
                recording: AuditFixture.clerk)
        }
    }

    @Test func rectification_twoPeopleCorrectingTheSameActOneWinsTheOtherIsRefusedOnRetry() throws {
        let s = try Story()
        let other = Registry(store: s.store)
        s.registry.willAppend = {
            try other.correct(
                s.id, record: s.testimony, reason: "témoin M0008",
                command: .addEvidence(Story.testimony(witness: "M0008")),
                on: d("2026-01-13"), recording: Story.rapporteur)
        }
        #expect(throws: EventStoreError.self) {
            try s.registry.correct(
                s.id, record: s.testimony, reason: "témoin M0008",
                command: .addEvidence(Story.testimony(witness: "M0008")),
                on: d("2026-01-13"), recording: Story.rapporteur)
        }
        s.registry.willAppend = nil
        try s.expectRefused(.rectification, mentioning: "déjà rectifié") {
            try s.registry.correct(
                s.id, record: s.testimony, reason: "témoin M0008",
                command: .addEvidence(Story.testimony(witness: "M0008")),
                on: d("2026-01-13"), recording: Story.rapporteur)
        }
    }
}
