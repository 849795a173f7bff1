import Documents
import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The dossier as the general assembly sees it: printed to PDF by Chromium, its pages looked at one by one, and the
/// words and pictures a room of members reads.
@Suite(.serialized) struct DossierPagesTests {
    static let chromium = ChromiumPDF.locate() != nil

    func html(_ f: CLIFixture, asOf: String) throws -> String {
        let out = f.directory + "/dossier-\(asOf).html"
        let written = try f.greffe(["dossier", "2026-001", "--out", out, "--as-of", asOf])
        expectExit(written.status, .ok, "\(written.stderr)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// One dossier printed (kept to one: Chromium costs seconds); skipped, saying why, only when Chromium is absent.
    @Test(.enabled(if: chromium, "Chromium absent: scripts/setup.sh --tests installs it (Debian's chromium)"))
    func thePrintedDossierHasItsPagesWithinTheMarginsAndNoBrowserHeader() throws {
        let f = try DossierTests().appealedStore()
        let pdf = f.directory + "/dossier.pdf"
        let written = try f.greffe(["dossier", "2026-001", "--format", "pdf", "--out", pdf, "--as-of", "2026-04-20"])
        expectExit(written.status, .ok, "\(written.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        let (status, output) = try runScript("check_pdf_pages.py", [pdf, f.directory + "/pages", "--margin-mm", "14"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        print("pages rendered by: \(report["renderer"] ?? "?")")
        #expect(status == 0, "\(report["problems"] ?? output)")
        let count = try #require(report["count"] as? Int)
        #expect((4...9).contains(count), "\(count) pages")
        guard report["renderer"] as? String == "pdftoppm" else { return }
        for page in try #require(report["pages"] as? [[String: Any]]) {
            // A4 at 50 dpi, and something drawn on it (a blank page is a few hundred bytes).
            #expect(page["width"] as? Int == 414 && page["height"] as? Int == 585, "\(page)")
            #expect((page["bytes"] as? Int ?? 0) > 15_000, "\(page)")
        }
        // Chromium's own header and footer (date, title, file URL, page numbers) are not printed.
        let first = try #require(report["firstPageText"] as? String)
        #expect(first.hasPrefix("Dossier disciplinaire 2026-001"), "\(first.prefix(80))")
        #expect(!first.contains("file://") && !first.contains("dossier.html"))
        #expect(
            first.range(of: "(?m)^\\s*1\\s*/\\s*[0-9]+\\s*$", options: .regularExpression) == nil,
            "a page number footer")
    }

    /// 5.6.12: a party who did not appeal let a right expire; that is no delay of anyone's.
    @Test func R23_anUnusedAppealRightIsExpiredNeverLate() throws {
        let f = try DossierTests().appealedStore()
        let page = try html(f, asOf: "2026-04-20")
        #expect(page.contains("expiré le 2026-04-17 (droit non exercé)"))
        #expect(page.contains(">expiré (droit non exercé)</text>"), "drawn apart in the timeline")
        let row = try #require(
            page.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>") && $0.contains("recours de M0005") })
        #expect(!row.contains("retard") && !row.contains("MANQUÉ"), "\(row)")
    }

    /// The rule codes live in the glossary; the text speaks in articles and French words.
    @Test func ruleCodesAndIdsStayOutOfTheText() throws {
        let f = try DossierTests().appealedStore()
        let page = try html(f, asOf: "2026-04-20")
        let parts = page.components(separatedBy: "<section id=\"glossaire\"")
        #expect(parts.count == 2, "a glossary at the end")
        let text = parts[0]
        #expect(
            text.range(of: "\\bR[0-9]{2}\\b", options: .regularExpression) == nil,
            "\(text.range(of: "\\bR[0-9]{2}\\b", options: .regularExpression).map { String(text[$0.lowerBound...].prefix(80)) } ?? "")"
        )
        for id in ["screenshot", "warning", "awaiting", "reintegration."] {
            #expect(!text.contains(id), "\(id) in the text")
        }
        #expect(text.contains("capture d'écran"))
        #expect(parts[1].contains("<td>R23</td><td>5.6.12</td>"))
        // Long labels are written whole in the timeline.
        #expect(text.contains(">réunion du Conseil d'administration</text>"))
        #expect(!text.contains("…</text>"))
    }

    /// 5.6.10, 5.6.12: each vote drawn with its two-thirds line and its result in words.
    @Test func R24_eachVoteIsDrawnWithTheTwoThirdsLineAndItsResultInWords() throws {
        let f = try ActCommandsTests().sampleStore(firstLines: 18)
        _ = try ActCommandsTests().record(
            [
                [
                    "cell", "vote", "2026-001", "--ballot", "M0007=warning", "--ballot", "M0009=radiation", "--blank",
                    "M0010", "--on", "2026-02-12"
                ],
                [
                    "cell", "reintegration-vote", "2026-001", "--ballot", "M0007=immediate", "--ballot",
                    "M0009=probationary",
                    "--blank", "M0010", "--on", "2026-02-12"
                ],
                ["refer-ga", "2026-001", "--on", "2026-02-13"],
                [
                    "ga", "vote", "2026-001", "--proposal", "warning", "--proposal", "radiation", "--votes",
                    "warning=28",
                    "--votes", "radiation=9", "--blanks", "6", "--voters", "48", "--on", "2026-06-14"
                ]
            ], in: f)
        let page = try html(f, asOf: "2026-06-20")
        #expect(page.components(separatedBy: "<svg class=\"vote\"").count == 4, "three votes, three charts")
        #expect(page.contains("28 voix sur 43 bulletins, blancs compris : 65 % &lt; 2/3 — non adopté"))
        #expect(page.contains("seuil : 2/3"))
        #expect(page.contains(">avertissement</text>") && page.contains("réintégration de manière"))
    }
}
