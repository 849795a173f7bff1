import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// R35 for withdrawals and corrections: their reason and the texts of the corrected act are personal texts of the
/// case, sealed under its key like an act's; every screen still reads them in clear.
@Suite struct RectificationSealingTests {
    static let correctionReason = "Raison de rectification : le témoin Farid a été mal saisi"
    static let withdrawalReason = "Motif du retrait : pièce versée au mauvais dossier"
    static let correctedDescription = "Témoignage rectifié sur les messages du 3 janvier"

    /// Every regular file under `path` (the log, the projections, the key store), as bytes.
    func rawFiles(under path: String) throws -> [(String, Data)] {
        let fm = FileManager.default
        var files: [(String, Data)] = []
        for case let relative as String in fm.enumerator(atPath: path) ?? FileManager.DirectoryEnumerator() {
            var isDirectory: ObjCBool = false
            let full = path + "/" + relative
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((full, try Data(contentsOf: URL(fileURLWithPath: full))))
            }
        }
        return files
    }

    func expectNoClearText(_ store: String, _ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        for (path, bytes) in try rawFiles(under: store) {
            for text in texts {
                #expect(
                    bytes.range(of: Data(text.utf8)) == nil, "« \(text) » in clear in \(path)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    /// The sample case with a testimony (corrected: new description, M0008 for M0007) and a second testimony (withdrawn).
    func rectifiedStore() throws -> (CLIFixture, testimony: String, document: String) {
        let (f, testimony) = try RectificationCommandTests().store()
        let document = try f.greffe([
            "evidence", "2026-001", "--kind", "testimony", "--description", "Second témoignage",
            "--witness", "M0010", "--on", "2026-01-13", "--as", "M0002"
        ])
        expectExit(document.status, .ok, "\(document.stderr)")
        let documentRecord = try #require(document.stdout.split(separator: "#").last?.prefix { $0.isNumber })
        return (f, testimony, String(documentRecord))
    }

    @Test func rectification_R35_reasonsAndCorrectedTextsAreSealedInEveryRawFileAndShownInEveryOutput() throws {
        let (f, testimony, document) = try rectifiedStore()
        let correct = try f.greffe([
            "correct", "2026-001", "--record", testimony, "--reason", Self.correctionReason, "--",
            "evidence", "2026-001", "--kind", "testimony", "--description", Self.correctedDescription,
            "--witness", "M0008", "--on", "2026-01-13", "--as", "M0002"
        ])
        expectExit(correct.status, .ok, "\(correct.stderr)")
        #expect(correct.stdout.contains(Self.correctionReason), "\(correct.stdout)")
        let withdraw = try f.greffe(
            [
                "withdraw", "2026-001", "--record", document, "--reason", Self.withdrawalReason,
                "--as", "M0002", "--json"
            ], environment: ActCommandsTests.today)
        expectExit(withdraw.status, .ok, "\(withdraw.stderr)")
        #expect(withdraw.stdout.contains(Self.withdrawalReason), "\(withdraw.stdout)")
        #expect(!withdraw.stdout.contains("\"nonce\""), "\(withdraw.stdout)")

        // Nothing in clear in the store: neither reason, nor the corrected act's description.
        try expectNoClearText(f.store, [Self.correctionReason, Self.withdrawalReason, Self.correctedDescription])

        let history = try f.greffe(["history", "2026-001"])
        expectExit(history.status, .ok, "\(history.stderr)")
        for text in [Self.correctionReason, Self.withdrawalReason, Self.correctedDescription] {
            #expect(history.stdout.contains(text), "history: \(text)\n\(history.stdout)")
        }
        #expect(!history.stdout.contains("[chiffré]") && !history.stdout.contains("[altéré]"), "\(history.stdout)")
        let historyJSON = try f.greffe(["history", "2026-001", "--json"])
        #expect(historyJSON.stdout.contains(Self.correctedDescription), "\(historyJSON.stdout)")
        #expect(historyJSON.stdout.contains(Self.withdrawalReason), "\(historyJSON.stdout)")
        let dossier = try f.greffe(["dossier", "2026-001", "--format", "md"])
        expectExit(dossier.status, .ok, "\(dossier.stderr)")
        for text in [Self.correctionReason, Self.withdrawalReason, Self.correctedDescription] {
            #expect(dossier.stdout.contains(text), "dossier: \(text)")
        }
        #expect(!dossier.stdout.contains("[chiffré]") && !dossier.stdout.contains("[altéré]"))
        let report = try f.greffe(["audit", "report", "2026-001"])
        expectExit(report.status, .ok, "\(report.stderr)")
        #expect(
            report.stdout.contains(Self.correctionReason) && report.stdout.contains(Self.withdrawalReason),
            "\(report.stdout)")
        let reportJSON = try f.greffe(["audit", "report", "2026-001", "--format", "json"])
        expectExit(reportJSON.status, .ok, "\(reportJSON.stderr)")
        #expect(reportJSON.stdout.contains(Self.withdrawalReason), "\(reportJSON.stdout)")

        let verify = try f.greffe(["audit", "verify"])
        expectExit(verify.status, .ok, "\(verify.stdout)\(verify.stderr)")
        let python = try runScript("verify_store.py", [f.store])
        #expect(python.status == 0, "\(python.output)")
    }

    /// The box of a corrected text names its own place (the correction record, `events.N.…`), not the corrected
    /// record's: a box copied from one to the other would not open.
    @Test func rectification_R35_aCorrectedTextIsBoundToItsPlaceInTheCorrection() throws {
        let (f, testimony, _) = try rectifiedStore()
        let correct = try f.greffe([
            "correct", "2026-001", "--record", testimony, "--reason", Self.correctionReason, "--",
            "evidence", "2026-001", "--kind", "testimony", "--description", Self.correctedDescription,
            "--witness", "M0008", "--on", "2026-01-13", "--as", "M0002"
        ])
        expectExit(correct.status, .ok, "\(correct.stderr)")
        let sequence = try #require(correct.stdout.split(separator: "#").last?.prefix { $0.isNumber })
        // The stored record's boxes name the correction's own record (stream version) and their path in it.
        let history = try f.greffe(["history", "2026-001", "--json"])
        let line = try #require(
            history.stdout.split(separator: "\n").first { $0.contains("\"sequence\":\(sequence),") })
        let version = try #require(line.range(of: "\"version\":").map { line[$0.upperBound...].prefix { $0.isNumber } })
        let place = "case/2026-001#\(version)/RecordCorrected/"
        let files = try rawFiles(under: f.store)
        for path in ["reason", "events.0.description"] {
            #expect(files.contains { $0.1.range(of: Data((place + path).utf8)) != nil }, "no box at \(place + path)")
        }
        #expect(line.contains(Self.correctedDescription), "\(line)")
    }

    /// Erasing a person named in the corrected act (the witness) leaves the log verifiable and the texts readable.
    @Test func rectification_R35_auditVerifyPassesAfterErasingAPersonNamedInACorrection() throws {
        let (f, testimony, _) = try rectifiedStore()
        let correct = try f.greffe([
            "correct", "2026-001", "--record", testimony, "--reason", Self.correctionReason, "--",
            "evidence", "2026-001", "--kind", "testimony", "--description", Self.correctedDescription,
            "--witness", "M0008", "--on", "2026-01-13", "--as", "M0002"
        ])
        expectExit(correct.status, .ok, "\(correct.stderr)")
        let erased = try f.greffe(
            ["privacy", "erase", "M0008", "--reason", "demande de la personne", "--on", "2026-02-20"],
            environment: ActCommandsTests.today)
        expectExit(erased.status, .ok, "\(erased.stderr)")
        let verify = try f.greffe(["audit", "verify"])
        expectExit(verify.status, .ok, "\(verify.stdout)\(verify.stderr)")
        let history = try f.greffe(["history", "2026-001"])
        #expect(history.stdout.contains(Self.correctionReason), "\(history.stdout)")
        #expect(history.stdout.contains(Self.correctedDescription), "\(history.stdout)")
        try expectNoClearText(f.store, [Self.correctionReason, Self.correctedDescription, "Farid"])
    }
}
