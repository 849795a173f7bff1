import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The appeal dossier: self-contained, complete, renders in a real browser, and pseudonymises for real.
@Suite(.serialized) struct DossierTests {
    static let asOf = ["--as-of", "2026-03-10"]

    /// The demo case with an appeal by the accused on 2 March 2026.
    func appealedStore() throws -> CLIFixture {
        let f = try DrawCommandTests().demoStore()
        let appeal = f.directory + "/appeal.jsonl"
        try
            "{\"case\":\"2026-001\",\"on\":\"2026-03-02\",\"as\":\"M0002\",\"command\":{\"type\":\"appeal.lodge\",\"by\":\"M0004\",\"companion\":\"Zoé\"}}\n"
            .write(toFile: appeal, atomically: true, encoding: .utf8)
        expectExit(try f.greffe(["apply", appeal]).status, .ok)
        return f
    }

    /// Parses the document as XML (the HTML is written well-formed), returning the parser's error if any.
    func parseError(_ html: String) -> String? {
        final class Delegate: NSObject, XMLParserDelegate {
            var error: String?
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = "\(parseError)" }
        }
        let parser = XMLParser(data: Data(html.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        return parser.parse() ? nil : (delegate.error ?? "parse failed at line \(parser.lineNumber)")
    }

    func rosterWords() throws -> [String] {
        let csv = try String(contentsOfFile: SampleCaseTests.roster, encoding: .utf8)
        return csv.split(separator: "\n").dropFirst().flatMap { line -> [String] in
            let cells = line.split(separator: ";").map(String.init)
            let name = cells[1]
            return [cells[0], name, cells[2]] + name.split(separator: " ").map(String.init).filter { $0.count >= 3 }
        }
    }

    func mentions(_ word: String, in text: String) -> Bool {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: word) + "(?![\\p{L}\\p{N}])"
        return text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    @Test func theDossierIsCompleteSelfContainedAndWellFormed() throws {
        let f = try appealedStore()
        let out = f.directory + "/dossier.html"
        let written = try f.greffe(["dossier", "2026-001", "--out", out] + Self.asOf)
        expectExit(written.status, .ok, "\(written.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(parseError(html) == nil, "\(parseError(html) ?? "")")
        // No external resource: no link, no script source, no remote URL; the only url() is the SVG's own pattern.
        for forbidden in ["http://", "https://", "src=", "href=", "<link", "<script", "@import"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(
            html.replacingOccurrences(of: "url(#overdue)", with: "").replacingOccurrences(of: "url(#unused)", with: "")
                .range(of: "url(") == nil)
        // Every event of the case and every deadline.
        let history = try f.greffe(["history", "2026-001", "--json"])
        let sequences = history.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["sequence"] as? Int
        }
        #expect(sequences.count == 29)
        for sequence in sequences { #expect(html.contains("<td>#\(sequence)</td>"), "event #\(sequence) missing") }
        let status = try f.greffe(["status", "2026-001", "--json"] + Self.asOf)
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let deadlines = try #require(object?["deadlines"] as? [[String: Any]])
        #expect(deadlines.count == 10)
        for deadline in deadlines {
            let label = try #require(deadline["labelFr"] as? String)
            #expect(html.contains(TimelineEscape.escape(label)), "deadline \(label) missing")
        }
        // The drawn timeline, the draw's re-computation, the vote and the question put to the GA.
        #expect(html.contains("<svg class=\"timeline\" role=\"img\""))
        #expect(html.contains("Recalculé à l'identique par Greffe (RFC 3797) : 7 empreinte(s) MD5 comparée(s)."))
        #expect(html.contains("La question soumise à l'Assemblée"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func theDossierRendersInChromiumToPNGAndPDF() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let binary = try #require(
            chromium, "headless Chromium is needed (scripts/setup.sh --tests installs Debian's chromium)")
        let f = try appealedStore()
        let out = f.directory + "/dossier.html"
        expectExit(try f.greffe(["dossier", "2026-001", "--out", out] + Self.asOf).status, .ok)
        let png = f.directory + "/dossier.png"
        let pdf = f.directory + "/dossier.pdf"
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(f.directory)/chromium"]
        try runQuietly(
            binary, common + ["--hide-scrollbars", "--window-size=1000,2600", "--screenshot=\(png)", "file://\(out)"])
        try runQuietly(binary, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(out)"])
        let pngData = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(pngData.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(pngData.count > 50_000, "the screenshot is suspiciously small: \(pngData.count) bytes")
        let pdfData = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(pdfData.starts(with: Array("%PDF".utf8)), "not a PDF")
        let text = String(decoding: pdfData, as: UTF8.self)
        let pages = (try NSRegularExpression(pattern: "/Type\\s*/Page(?!s)"))
            .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(pages >= 2, "an A4 dossier of this case spans several pages, found \(pages)")
    }

    @Test func thePseudonymisedDossierNamesNoMember() throws {
        let f = try appealedStore()
        for format in ["html", "md"] {
            let written = try f.greffe(["dossier", "2026-001", "--pseudonymise", "--format", format] + Self.asOf)
            expectExit(written.status, .ok)
            for word in try rosterWords() {
                #expect(!mentions(word, in: written.stdout), "\(format): \(word) appears")
            }
            #expect(written.stdout.contains("la personne mise en cause"))
            #expect(written.stdout.contains("la victime"))
        }
        // The plain version does name them.
        let plain = try f.greffe(["dossier", "2026-001", "--format", "md"] + Self.asOf)
        #expect(plain.stdout.contains("Damien Roux (M0004)"))
    }

    func runQuietly(_ binary: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(binary) \(arguments.last ?? "") exited \(process.terminationStatus)")
    }
}

/// The HTML escaping the dossier applies to text, for comparing labels.
enum TimelineEscape {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
