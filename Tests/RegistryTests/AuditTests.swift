import Discipline
import Foundation
import GreffeTestSupport
import Registry
import Testing

@testable import EventLog

/// Issue 6: `audit` finds every alteration made behind the log's back with the right check and sequence; only a
/// signed checkpoint catches a forger who rewrote the whole chain consistently.
@Suite struct AuditVerifyTests {
    /// The first failure's check and sequence, and every check that failed.
    func failures(_ report: AuditReport) -> (first: AuditCheck?, sequence: UInt64?, failed: [AuditCheck]) {
        let failed = report.checks.filter { if case .failed = $0.outcome { return true } else { return false } }.map(
            \.check)
        return (report.firstFailure?.check, report.firstFailure?.finding.sequence, failed)
    }

    @Test func theFullSamplePassesEveryCheck() throws {
        let f = try AuditFixture()
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks)")
        #expect(report.checks.map(\.check) == [.chain, .payloads, .streams, .replay, .draws, .votes])
        let head = try f.store.head().sequence
        #expect(report.result(.chain)?.count == Int(head))
        #expect(report.result(.payloads)?.count == Int(head))
        #expect(report.result(.draws)?.count == 1)
        #expect(report.result(.votes)?.count == 0)
        #expect(report.result(.streams)?.count == 15) // 13 members, 2 cases
        var progress: [AuditProgress] = []
        _ = try f.registry.audit { progress.append($0) }
        #expect(progress.last?.check == .chain && progress.last?.done == head && progress.last?.total == head)
    }

    @Test func aFlippedPayloadByteFailsTheChainAtItsSequence() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled")
        var value = try f.raw(complaint.sequence)
        value[value.count - 40] ^= 0x01 // inside the payload, before the stored hash
        try f.overwrite(complaint.sequence, value)
        let report = try f.registry.audit()
        let found = failures(report)
        #expect(found.first == .chain)
        #expect(found.sequence == complaint.sequence)
        print(
            "flip a payload byte:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aChangedDayFailsTheChainAtItsSequence() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled")
        let original = try f.raw(complaint.sequence)
        let at = try #require(original.firstRange(of: Array("2026-01-05".utf8)))
        var value = original
        value.replaceSubrange(at, with: Array("2026-01-03".utf8))
        try f.overwrite(complaint.sequence, value)
        let report = try f.registry.audit()
        #expect(failures(report).first == .chain)
        #expect(failures(report).sequence == complaint.sequence)
        print(
            "change a day:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aDeletedLastRecordFailsTheChainAtTheHead() throws {
        let f = try AuditFixture()
        let head = try f.store.head().sequence
        try f.delete(head)
        let report = try f.registry.audit()
        #expect(failures(report).first == .chain)
        #expect(failures(report).sequence == head)
        // The stored projections still hold the deleted event: the replay differs too.
        #expect(failures(report).failed.contains(.replay))
        print(
            "delete the last record:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aDeletedMiddleRecordFailsTheChainAtItsSequence() throws {
        let f = try AuditFixture()
        let draw = try f.first("DrawPerformed")
        try f.delete(draw.sequence)
        let report = try f.registry.audit()
        #expect(failures(report).first == .chain)
        #expect(failures(report).sequence == draw.sequence)
        #expect(report.result(.replay)?.outcome != .passed)
        print(
            "delete a middle record:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func twoSwappedRecordsFailTheChainAtTheFirst() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled").sequence
        let a = try f.raw(complaint), b = try f.raw(complaint + 1)
        try f.overwrite(complaint, b)
        try f.overwrite(complaint + 1, a)
        let report = try f.registry.audit()
        #expect(failures(report).first == .chain)
        #expect(failures(report).sequence == complaint)
        print(
            "swap two records:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aForgerWhoRewritesTheWholeChainIsCaughtOnlyByTheSignedCheckpoint() throws {
        let f = try AuditFixture()
        let keys = AuditKeyPair.generate()
        let receipt = try Checkpoint.sign(try f.store.head(), on: d("2026-02-20"), with: keys)
        #expect(try f.registry.audit(checkpoint: receipt, trustedKey: keys.publicKeyHex).isValid)

        // The forger changes the facts of the complaint, then recomputes every hash after it, the head, and the
        // projections: a chain that is consistent in itself.
        let complaint = try f.first("ComplaintFiled")
        var previous = complaint.previousHash
        var rewritten: [(UInt64, [UInt8])] = []
        var cursor = f.store.records(from: complaint.sequence)
        while let record = try cursor.next() {
            var event = record.event
            if record.sequence == complaint.sequence {
                event.payload = Data(
                    String(decoding: event.payload, as: UTF8.self)
                        .replacingOccurrences(of: "insults", with: "conduct").utf8)
            }
            let (value, hash) = RecordCodec.encode(
                sequence: record.sequence, stream: record.stream, version: record.version,
                event: event, previousHash: previous)
            rewritten.append((record.sequence, value))
            previous = hash
        }
        let last = try #require(rewritten.last?.0)
        try f.store.env.write { txn in
            for (sequence, value) in rewritten { try txn.put(f.store.records, .bigEndian(sequence), value) }
            try txn.put(f.store.meta, Array("head".utf8), .bigEndian(last) + previous)
        }
        try f.rebuildProjections()

        let withoutReceipt = try f.registry.audit()
        #expect(withoutReceipt.isValid, "a consistent forgery passes checks 1–6, as designed")
        let report = try f.registry.audit(checkpoint: receipt, trustedKey: keys.publicKeyHex)
        #expect(failures(report).failed == [.checkpoint])
        #expect(failures(report).sequence == receipt.sequence)
        print(
            "rewrite the whole chain consistently:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aReceiptSignedByAnotherKeyOrChangedIsRefused() throws {
        let f = try AuditFixture()
        let keys = AuditKeyPair.generate()
        var receipt = try Checkpoint.sign(try f.store.head(), on: d("2026-02-20"), with: keys)
        let other = AuditKeyPair.generate()
        #expect(
            try f.registry.audit(checkpoint: receipt, trustedKey: other.publicKeyHex).result(.checkpoint)?.passed
                == false)
        receipt.sequence -= 1
        #expect(try f.registry.audit(checkpoint: receipt).result(.checkpoint)?.passed == false)
        #expect(try AuditKeyPair(privateKeyHex: keys.privateKeyHex).publicKeyHex == keys.publicKeyHex)
        #expect(try Checkpoint.read(try receipt.json()) == receipt)
    }

    @Test func aProjectionChangedBehindTheLogsBackIsCaughtByTheReplay() throws {
        let f = try AuditFixture()
        let key = "case/2026-002"
        var summary = try #require(try f.registry.caseIndex().first { $0.id == "2026-002" })
        summary.step = .closed
        try f.store.writeProjections { try $0.put(key, Array(try Projections.jsonEncoder.encode(summary))) }
        let report = try f.registry.audit()
        #expect(failures(report).failed == [.replay])
        #expect(report.firstFailure?.finding.key == key)
        print(
            "projection changed:",
            report.firstFailure.map { "(\($0.check.rawValue)) key \($0.finding.key ?? "") \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aVoteWhoseOutcomeDisagreesWithItsBallotsIsCaught() throws {
        let f = try AuditFixture(vote: true)
        let good = try f.registry.audit()
        #expect(good.isValid)
        #expect(good.result(.votes)?.count == 1)

        // Appended with consistent hashes through the log, bypassing the decider: ballots 1 A, 2 B, outcome "A".
        let held = try f.first("CellVoteHeld")
        guard case .cellVoteHeld(var vote) = try CaseEvent.decode(type: held.type, payload: held.payload) else {
            Issue.record("not a vote")
            return
        }
        vote.ballots = [
            Ballot(member: "M0012", option: "A"), Ballot(member: "M0001", option: "B"),
            Ballot(member: "M0009", option: "B")
        ]
        let appended = try f.appendBypassingTheDecider(.cellVoteHeld(vote), like: held)
        let report = try f.registry.audit()
        #expect(failures(report).failed == [.votes])
        #expect(failures(report).sequence == appended.sequence)
        #expect(report.result(.votes)?.count == 2)
        print(
            "vote outcome disagrees:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    @Test func aDrawThatDoesNotRecomputeIsCaught() throws {
        let f = try AuditFixture()
        let performed = try f.first("DrawPerformed")
        guard case .drawPerformed(let draw) = try CaseEvent.decode(type: performed.type, payload: performed.payload)
        else {
            Issue.record("not a draw")
            return
        }
        // Other published values, the recorded order kept: the key string no longer re-computes.
        let forged = CellDraw(
            poolDigest: draw.poolDigest, poolSize: draw.poolSize,
            entropy: .publicSources(values: [["4", "11", "17", "25", "38"]]),
            keyString: draw.keyString, order: draw.order, publiclyVerifiable: true)
        let appended = try f.appendBypassingTheDecider(.drawPerformed(forged), like: performed)
        let report = try f.registry.audit()
        #expect(failures(report).failed == [.draws])
        #expect(failures(report).sequence == appended.sequence)
        print(
            "draw does not re-compute:",
            report.firstFailure.map { "(\($0.check.rawValue)) \($0.finding.sequence ?? 0) \($0.finding.words.en)" }
                ?? "-")
    }

    /// Issue 9: a store written before the compact draw payload (schema version 1, the pool and every step) still
    /// replays, seats the same cell and passes every check, its recorded steps compared digest by digest.
    @Test func aSchema1DrawOfAnOlderStoreStillReplaysAndPassesTheAudit() throws {
        let f = try AuditFixture(drawSchema1: true)
        let performed = try f.first("DrawPerformed")
        #expect(performed.event.schemaVersion == 1)
        #expect(String(decoding: performed.payload, as: UTF8.self).contains("\"digestHex\""))
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks)")
        #expect(report.result(.draws)?.count == 1)
        let audits = try f.registry.drawAudits(of: "2026-001")
        #expect(audits.count == 1 && audits.allSatisfy(\.ok))
        #expect(audits.first?.verification == .matches(stepsChecked: audits.first?.draw.pool.count ?? -1))
        let compact = try AuditFixture()
        #expect(try f.registry.loadCase("2026-001").state.cell == compact.registry.loadCase("2026-001").state.cell)
        #expect(try compact.first("DrawPerformed").event.schemaVersion == 2)
    }

    /// A record of `type` written at `version` behind the decider's back fails the payload check with `words`.
    func unknownSchemaVersion(
        _ type: String, _ version: UInt32, _ words: Words,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let f = try AuditFixture()
        var event = try f.first(type).event
        event.schemaVersion = version
        let appended = try f.store.append(to: "case/2026-002", expected: .any, events: [event])
        let report = try f.registry.audit()
        #expect(
            report.result(.payloads)?.outcome == .failed(AuditFinding(sequence: appended[0].sequence, words)),
            sourceLocation: sourceLocation)
    }

    @Test func anUnknownSchemaVersionIsCaughtByThePayloadCheck() throws {
        try unknownSchemaVersion(
            "BoardMet", 2,
            Words(
                "BoardMet en version de schéma 2, seule la 1 est connue",
                "BoardMet at schema version 2; only 1 is known"))
        // DrawPerformed reads versions 1 and 2 (issue 9).
        try unknownSchemaVersion(
            "DrawPerformed", 3,
            Words(
                "DrawPerformed en version de schéma 3, seules les versions 1 à 2 sont connues",
                "DrawPerformed at schema version 3; only versions 1 to 2 are known"))
    }
}

@Suite struct VoteAuditTests {
    static let proposals = [Proposal(id: "A", sanctions: ["warning"]), Proposal(id: "B", sanctions: ["mediation"])]

    func gaVote(_ a: Int, _ b: Int, blanks: Int, decided: Bool, adopted: String?) -> VoteAudit {
        let rulebook = Rulebook.cle
        let votes = [OptionVotes(option: "A", votes: a), OptionVotes(option: "B", votes: b)]
        let tallies = Self.proposals.map { p in
            OptionTally(
                option: p.id,
                tally: rulebook.reachesTwoThirds(
                    yes: p.id == "A" ? a : b, cast: a + b, blanks: blanks, bodySize: 40))
        }
        let record = GAVoteRecord(
            proposals: Self.proposals, votes: votes, blanks: blanks, bodySize: 40, tallies: tallies, adopted: adopted)
        return VoteAudit(
            caseID: "2026-001", sequence: 9, on: d("2026-05-01"), record: record, decided: decided, rulebook: rulebook)
    }

    @Test func aGeneralAssemblyVoteIsRecountedFromItsCounts() {
        // 20 × 3 = 60 ≥ (20 + 8 + 2) × 2 = 60: A reaches two-thirds, blanks counted in the base.
        let good = gaVote(20, 8, blanks: 2, decided: true, adopted: "A")
        #expect(good.ok)
        #expect(good.recomputedTallies[0].tally.arithmetic == "20 × 3 = 60 ≥ 30 × 2 = 60 → deux tiers atteints")
        // One more blank and A misses: recorded as decided, it is caught.
        let bad = gaVote(20, 8, blanks: 3, decided: true, adopted: "A")
        #expect(bad.problem?.en == "adopted option recorded: A; per the ballots: none")
        // Recorded as failed although A reached two-thirds.
        let failed = gaVote(20, 8, blanks: 2, decided: false, adopted: "A")
        #expect(failed.problem?.en == "recorded as a failed GA vote although an option reaches the threshold")
    }

    @Test func R24_theGAReintegrationVoteIsRecountedToo() {
        // The event recording the GA's reintegration vote is recounted like its sanction vote.
        let immediate = Rulebook.SanctionID.immediateReintegration
        let probationary = Rulebook.SanctionID.probationaryReintegration
        let proposals = [
            Proposal(id: immediate, sanctions: [immediate]), Proposal(id: probationary, sanctions: [probationary])
        ]
        let votes = [OptionVotes(option: immediate, votes: 19), OptionVotes(option: probationary, votes: 19)]
        let tallies = proposals.map { p in
            OptionTally(option: p.id, tally: Rulebook.cle.reachesTwoThirds(yes: 19, cast: 38, blanks: 2, bodySize: 40))
        }
        func audit(adopted: String?) -> VoteAudit? {
            let record = GAVoteRecord(
                proposals: proposals, votes: votes, blanks: 2, bodySize: 40, tallies: tallies, adopted: adopted)
            return VoteAudit(
                caseID: "2026-001", sequence: 9,
                event: DatedEvent(on: d("2026-06-14"), event: .generalAssemblyReintegrationVoteHeld(record)),
                before: CaseState(), rulebook: .cle)
        }
        #expect(audit(adopted: nil)?.ok == true)
        #expect(audit(adopted: nil)?.kind == .generalAssemblyReintegrationVote)
        // Recorded as adopted although 19 of 40 is not two-thirds: caught.
        #expect(
            audit(adopted: probationary)?.problem?.en
                == "adopted option recorded: \(probationary); per the ballots: none")
    }
}

@Suite struct AuditReportTests {
    @Test func theVoteArithmeticIsWrittenOutAndDeadlinesHaveMargins() throws {
        let f = try AuditFixture(vote: true)
        let audits = try f.registry.caseAudits(asOf: d("2026-02-20"))
        #expect(audits.map(\.id) == ["2026-001", "2026-002"])
        let first = try #require(audits.first)
        let vote = try #require(first.votes.first)
        #expect(vote.ok)
        #expect(vote.recomputedTallies.first?.tally.arithmetic == "2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints")
        #expect(vote.recomputedAdopted == "A")
        #expect(first.draws.count == 1 && first.draws[0].ok)
        let r04 = try #require(first.deadlines.first { $0.rule == .R04 })
        #expect(r04.state == .met && r04.marginDays == 3 && r04.done == d("2026-01-09"))
        // The second case: the board meeting (R04) is overdue on 20 February.
        let late = try #require(audits[1].deadlines.first { $0.rule == .R04 })
        #expect(late.breach && late.marginDays == -4)
    }

    @Test func replayUntilASequenceShowsTheRegistryThen() throws {
        let f = try AuditFixture()
        let complaint = try f.first("ComplaintFiled").sequence
        let before = try f.registry.replay(until: complaint - 1)
        #expect(before.cases.isEmpty)
        #expect(before.members.count == 13)
        let after = try f.registry.replay(until: complaint)
        #expect(after.cases["2026-001"]?.state.step == .awaitingBoardMeeting)
        #expect(try f.registry.replay().cases.count == 2)
    }
}

@Suite struct ExportTests {
    func export(_ f: AuditFixture, key: [UInt8]? = nil) throws -> String {
        var lines: [String] = []
        try f.registry.export(pseudonymisingWith: key) { lines.append($0) }
        return lines.map { $0 + "\n" }.joined()
    }

    @Test func anExportReverifiesFromItsLinesAloneInSwiftAndPython() throws {
        let f = try AuditFixture()
        let text = try export(f)
        let head = try f.store.head()
        let checked = ExportVerification.check(text)
        #expect(checked.failure == nil)
        #expect(checked.records == head.sequence && checked.headHash == head.hash.hexString)

        let path = f.directory + "/export.jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let python = try runScript("verify_export.py", [path])
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output == "OK \(head.sequence) \(head.sequence) \(head.hash.hexString)\n")

        // One changed character in a payload is found by both, at its sequence.
        let complaint = try f.first("ComplaintFiled").sequence
        // The facts are sealed; a motive is in clear.
        let altered = text.replacingOccurrences(of: "insults", with: "conduct")
        #expect(ExportVerification.check(altered).failure?.sequence == complaint)
        try altered.write(toFile: path, atomically: true, encoding: .utf8)
        let failed = try runScript("verify_export.py", [path])
        #expect(failed.status == 1)
        #expect(failed.output == "FAIL \(complaint) hash mismatch\n")
    }

    @Test func aPseudonymisedExportNamesNobodyOfTheRosterAndSaysItCannotReverify() throws {
        let f = try AuditFixture()
        let key = Array(repeating: UInt8(7), count: 32)
        let text = try export(f, key: key)
        for row in f.roster {
            let (id, name, email) = (row[0], row[1], row[2])
            #expect(!text.localizedCaseInsensitiveContains(name), "\(name)")
            #expect(!text.localizedCaseInsensitiveContains(email), "\(email)")
            #expect(!text.contains("\"\(id)\""), "\(id)")
            // First names in free text too ("envers Vera").
            for word in name.split(separator: " ") where word.count >= 3 {
                #expect(!text.contains(String(word)), "\(word)")
            }
        }
        let pseudonymiser = try Pseudonymiser(
            key: key, people: [.init(id: "M0005", names: ["Vera Lefèvre"], emails: ["vera@exemple.org"])])
        let vera = pseudonymiser.pseudonym("M0005")
        #expect(
            pseudonymiser.text("Mme.Lefèvre, VERA, vera@exemple.org, M0005 ; m0050 et Veranda restent")
                == "Mme.\(vera), \(vera), \(vera)@pseudonyme.invalid, \(vera) ; m0050 et Veranda restent")
        #expect(try export(f, key: key) == text, "stable pseudonyms with the same key")
        #expect(try export(f, key: Array(repeating: 8, count: 32)) != text)
        #expect(
            ExportVerification.check(text).failure?.words.en == "pseudonymised export: the hashes cannot be recomputed")
        let path = f.directory + "/anonyme.jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let python = try runScript("verify_export.py", [path])
        #expect(python.status == 3)
        #expect(python.output.hasPrefix("PSEUDONYMISED"))
    }
}

@Suite struct AuditOfEveryStreamTests {
    /// Assemblies and ladder records are streams of the store too: the audit reads them, it does not call them unknown.
    @Test func assembliesAndLaddersPassTheAudit() throws {
        let f = try AuditFixture()
        try f.registry.scheduleAssembly(
            AssemblyScheduled(heldOn: d("2026-06-20"), place: "Lyon"), on: d("2026-03-01"),
            recording: AuditFixture.clerk)
        let book = try #require(try ShippedRulebooks.ladders().first)
        try f.registry.adopt(book, on: d("2026-01-01"), recording: AuditFixture.clerk)
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks)")
        #expect(report.result(.payloads)?.count == Int(try f.store.head().sequence))
    }
}

@Suite struct CompactingReplayTests {
    /// Rebuilding projections drops a closed case's state once its entries are final; the entries are the same as
    /// those of the full fold the audit uses, and as the stored ones.
    @Test func aClosedCaseGivesTheSameProjectionsWhenCompacted() throws {
        let f = try AuditFixture()
        #expect(try f.registry.dueIndex().map(\.id).contains("2026-001"), "an appeal window is still listed")
        try f.registry.perform(
            .closeCase(Closure(reason: "jugement exécuté, délais de recours écoulés")), in: "2026-001",
            on: d("2026-04-20"), recording: AuditFixture.clerk)
        // A closed case accepts no act: nothing of it is due, and the agenda does not read it.
        #expect(try f.registry.dueIndex().map(\.id).contains("2026-001") == false)
        let stored = try f.registry.storedProjections()
        #expect(try f.registry.projectionsFromLog() == stored)
        #expect(try f.registry.replay().projections() == stored)
        #expect(try f.registry.audit().isValid)
        // Rebuilt entry by entry as the replay hands them out (closed cases and commands as it goes), applied in
        // order: the same projections.
        var streamed: [String: [UInt8]] = [:]
        try f.registry.replayProjections { key, value in streamed[key] = value }
        #expect(streamed == stored)
    }
}
