import Foundation
@testable import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Hostile and careless data at every input of the command line (issue 16, items 10 to 16): what is refused says
/// where and why and writes nothing; what is accepted is never printed or rendered raw.
@Suite struct HostileInputTests {
    static let complaint =
        #"{"type":"complaint.file","channel":"privateTicket","complainants":[{"id":"M0006","isMember":true}],"accused":[{"id":"M0004","isMember":true,"holdsMandate":false}],"victims":[{"id":"M0005","isMember":true}],"facts":"FACTS","motives":["insults"],"boardLearnedOn":"2026-01-04"}"#

    /// One `apply` line filing the sample complaint, with `facts` and extra top-level text.
    static func complaintLine(facts: String = "Messages insultants.", extra: String = "") -> String {
        let escapedFacts = String(
            decoding: try! JSONSerialization.data(withJSONObject: facts, options: [.fragmentsAllowed]), as: UTF8.self)
        let command = complaint.replacingOccurrences(of: "\"FACTS\"", with: escapedFacts)
        return #"{"case":"2026-001","on":"2026-01-05","as":"M0001"\#(extra),"command":\#(command)}"#
    }

    /// A store with the sample roster.
    func rosterStore() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02"]).status, .ok)
        return f
    }

    func write(_ f: CLIFixture, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = f.directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ f: CLIFixture, _ name: String, _ text: String) throws -> String {
        try write(f, name, Array(text.utf8))
    }

    /// Runs `greffe` through `sh` under `umask 000`, as a careless account would.
    func greffeUnderUmask000(_ f: CLIFixture, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let store = arguments.starts(with: ["audit", "keygen"]) ? [] : ["--store", f.store]
        process.arguments = ["-c", "umask 000; exec \"$0\" \"$@\"", CLIFixture.binary.path] + arguments + store
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": f.directory, "LANG": "C.UTF-8", "GREFFE_TODAY": "2026-02-20"
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    // MARK: 10. Markdown and HTML outputs

    static let payloads = [
        "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[x](javascript:alert(3))",
        "![y](javascript:alert(4))", "<javascript:alert(5)>", "`code` **bold**"
    ]

    /// Renders Markdown with Python-Markdown (with its tables extension) when it is installed; nil otherwise.
    func renderedWithPythonMarkdown(_ markdown: String, in directory: String) throws -> String? {
        let script =
            "import sys\ntry:\n import markdown\nexcept ImportError:\n sys.exit(3)\n"
            + "sys.stdout.write(markdown.markdown(sys.stdin.read(), extensions=['tables']))\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: html, as: UTF8.self) : nil
    }

    func expectInert(_ markdown: String, _ f: CLIFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Escaped brackets (`\[`, `\]`) open no link; nothing else may.
        let unescaped = markdown.replacingOccurrences(of: "\\[", with: "").replacingOccurrences(of: "\\]", with: "")
        for raw in ["<script", "<img", "](", "<javascript:"] {
            #expect(!unescaped.contains(raw), "raw \(raw) in the Markdown", sourceLocation: sourceLocation)
        }
        guard let html = try renderedWithPythonMarkdown(markdown, in: f.directory) else { return }
        for raw in ["<script", "<img", "href=\"javascript", "<javascript", "<td> a </td>", "<code>code</code>"] {
            #expect(!html.contains(raw), "rendered: \(raw) in \(html)", sourceLocation: sourceLocation)
        }
    }

    @Test func markdownDossierEscapesNamesAndFacts() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        // M0001 sits on the board: it records the complaint.
        var roster = "id,nom,courriel,ca\n"
        for (n, payload) in (["Eve | a | b |"] + Self.payloads).enumerated() {
            roster +=
                "m00\(n + 1),\"\(payload.replacingOccurrences(of: "\"", with: "\"\""))\",m\(n + 1)@example.org,\(n == 0 ? "oui" : "non")\n"
        }
        let imported = try f.greffe(["members", "import", try write(f, "hostile.csv", roster), "--on", "2026-01-02"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        let facts = Self.payloads.joined(separator: " ") + "\n| x | y |\n# heading"
        let applied = try f.greffe(["apply", try write(f, "case.jsonl", Self.complaintLine(facts: facts) + "\n")])
        expectExit(applied.status, .ok, "\(applied.stderr)")
        let md = try f.greffe(["dossier", "2026-001", "--format", "md", "--as-of", "2026-01-20"])
        expectExit(md.status, .ok, "\(md.stderr)")
        try expectInert(md.stdout, f)
        #expect(md.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(md.stdout.contains("Eve &#124; a &#124; b &#124;"))
        // No line of the Markdown starts with what a name or the facts carried.
        #expect(!md.stdout.split(separator: "\n").contains { $0.hasPrefix("| x") || $0.hasPrefix("# heading") })

        let html = try f.greffe(["dossier", "2026-001", "--as-of", "2026-01-20"])
        #expect(
            html.stdout.contains(
                #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"/>"#
            ))
        #expect(!html.stdout.contains("<script"))
    }

    @Test func markdownAuditReportEscapesWhatItQuotes() throws {
        let f = CLIFixture()
        let store = f.directory + "/<img src=x onerror=alert(1)> [x](javascript:alert(3)) | a |"
        expectExit(try f.greffe(["init", "--store", store], withStore: false).status, .ok)
        let report = try f.greffe(["audit", "report", "--format", "md", "--store", store], withStore: false)
        expectExit(report.status, .ok, "\(report.stderr)")
        try expectInert(report.stdout, f)
        #expect(
            report.stdout.contains("&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(3)) &#124; a &#124;"))
    }

    // MARK: 11. Sensitive files

    @Test func sensitiveOutputsAreTheOwnersOnlyWhateverTheUmask() throws {
        let f = try rosterStore()
        expectExit(try f.greffe(["apply", try write(f, "case.jsonl", Self.complaintLine() + "\n")]).status, .ok)
        let outputs: [(String, [String])] = [
            ("dossier.html", ["dossier", "2026-001", "--out"]),
            ("dossier.md", ["dossier", "2026-001", "--format", "md", "--out"]),
            ("export.jsonl", ["export", "--format", "jsonl", "--out"]),
            ("agenda.ics", ["agenda", "--ics"]),
            ("key", ["audit", "keygen", "--out"])
        ]
        for (name, arguments) in outputs {
            let path = f.directory + "/" + name
            #expect(try greffeUnderUmask000(f, arguments + [path]) == 0, "\(arguments)")
            let found = try mode(path)
            #expect(found == 0o600, "\(name) is \(String(found, radix: 8))")
        }
        let receipt = f.directory + "/receipt.json"
        #expect(
            try greffeUnderUmask000(f, ["audit", "checkpoint", "--key", f.directory + "/key", "--out", receipt]) == 0)
        #expect(try mode(receipt) == 0o600)
        // Replacing a file that was world-readable leaves it the owner's only.
        let dossier = f.directory + "/dossier.html"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dossier)
        #expect(try greffeUnderUmask000(f, ["dossier", "2026-001", "--out", dossier]) == 0)
        #expect(try mode(dossier) == 0o600)
    }

    @Test func initMakesAnExistingEmptyDirectoryTheOwnersOnly() throws {
        let f = CLIFixture()
        try FileManager.default.createDirectory(
            atPath: f.store, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        expectExit(try f.greffe(["init"]).status, .ok)
        #expect(try mode(f.store) == 0o700)
    }

    // MARK: 12. Control characters

    @Test func controlCharactersInIdentityFieldsAreRefusedWithTheirLine() throws {
        let f = try rosterStore()
        let before = try f.head()
        for (name, cell, field) in [
            ("esc.csv", "m100,\"Eve\u{1B}[31mRed\",eve@example.org", "name"),
            ("bel.csv", "m100,Eve\u{07},eve@example.org", "name"),
            ("nl.csv", "m100,\"Eve\nm999  Fake line\",eve@example.org", "name"),
            ("bidi.csv", "m100,Eve\u{202E}evE,eve@example.org", "name"),
            ("c1.csv", "m100,Eve\u{9B}31m,eve@example.org", "name"),
            ("mail.csv", "m100,Eve,eve\u{1B}@example.org", "email"),
            ("id.csv", "m1\u{0}0,Eve,eve@example.org", "id")
        ] {
            let refused = try f.greffe([
                "members", "import", try write(f, name, "id,nom,courriel\n" + cell + "\n"), "--lang", "en"
            ])
            expectExit(refused.status, .refused, "\(name): \(refused.stderr)")
            #expect(
                refused.stderr.contains("line 2, \(field): contains the control character U+"),
                "\(name): \(refused.stderr)")
            #expect(!refused.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0 })
        }
        let french = try f.greffe([
            "members", "import", try write(f, "fr.csv", "id,nom,courriel\nm100,Eve\u{1B},e@example.org\n")
        ])
        #expect(french.stderr.contains("ligne 2, name : contient le caractère de contrôle U+001B"))
        // Who records an act is an identity field too.
        let actor = try f.greffe([
            "report", "--concerning", "M0004", "--description", "Malaise", "--on", "2026-03-04", "--as",
            "M0001\u{1B}]0;x\u{07}"
        ])
        expectExit(actor.status, .usage, "\(actor.stderr)")
        #expect(actor.stderr.contains("caractère de contrôle U+001B refusé"), "\(actor.stderr)")
        // So is a person outside the association, named by free text, on the command line or in an apply file.
        let outside = try f.greffe([
            "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004",
            "--victim-not-member", "Zoé\u{202E}éoZ", "--motive", "insults", "--facts", "x",
            "--on", "2026-01-05"
        ])
        expectExit(outside.status, .usage, "\(outside.stderr)")
        #expect(outside.stderr.contains("U+202E"), "\(outside.stderr)")
        let line = Self.complaintLine().replacingOccurrences(
            of: #"{"id":"M0005","isMember":true}"#,
            with: #"{"id":"Zo\u001be","isMember":false}"#)
        let applied = try f.greffe(["apply", try write(f, "outside.jsonl", line + "\n"), "--lang", "en"])
        expectExit(applied.status, .refused, "\(applied.stderr)")
        #expect(applied.stderr.contains("line 1: a party contains the control character U+001B"), "\(applied.stderr)")
        #expect(try f.head() == before)
    }

    @Test func textFromTheDataIsNeverPrintedRaw() throws {
        // Names stored before the check are escaped where they are printed; the escaping itself, field by field and
        // for whole lines of output.
        #expect(SafeText.field("Eve\u{1B}[2J\nm999 fake\u{202E}") == "Eve\\u001B[2J\\u000Am999 fake\\u202E")
        #expect(SafeText.output("a\u{07}b\nc\td\u{9B}") == "a\\u0007b\nc\td\\u009B")
        // An id echoed in a message is escaped too.
        let f = try rosterStore()
        let shown = try f.greffe(["members", "show", "m\u{1B}[2J\u{07}"])
        expectExit(shown.status, .notFound)
        #expect(shown.stderr.contains("m\\u001B[2J\\u0007"), "\(shown.stderr)")
        #expect(!shown.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    // MARK: 13. Invalid UTF-8

    @Test func invalidUTF8InAnArgumentIsRefusedWithItsPosition() throws {
        let f = try rosterStore()
        let before = try f.head()
        // Arguments go through /bin/sh's printf so that the bytes reach the program as they are.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            "exec \"$0\" report --concerning M0004 --description \"$(printf 'Malaise \\351t\\351')\" --on 2026-03-04 --lang en --store \"$1\"",
            CLIFixture.binary.path, f.store
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64, "\(stderr)")
        #expect(stderr.contains("argument 5 is not UTF-8 (byte 9: 0xE9)"), "\(stderr)")
        #expect(try f.head() == before)
    }

    @Test func invalidUTF8InAnApplyFileIsRefusedWithItsLineAndByte() throws {
        let f = try rosterStore()
        let before = try f.head()
        var bytes = Array((Self.complaintLine() + "\n").utf8)
        let second = Array(Self.complaintLine(facts: "Ren_e").utf8)
        bytes += second.map { $0 == UInt8(ascii: "_") ? 0xE9 : $0 } + [0x0A]
        let refused = try f.greffe(["apply", try write(f, "latin1.jsonl", bytes), "--lang", "en"])
        expectExit(refused.status, .refused)
        let column = (second.firstIndex(of: UInt8(ascii: "_")) ?? 0) + 1
        #expect(
            refused.stderr.contains("latin1.jsonl, line 2: byte \(column) (0xE9) is not UTF-8"), "\(refused.stderr)")
        // Nothing at all, not even line 1: every line is checked before the first is applied.
        #expect(try f.head() == before)
        #expect(!(try f.greffe(["log", "show", "--json"]).stdout.contains("\u{FFFD}")))
    }

    // MARK: 14. Schema validation of apply lines

    @Test func applyRefusesFieldsAndValuesTheSchemaForbids() throws {
        let f = try rosterStore()
        let before = try f.head()
        let cases: [(String, String)] = [
            (Self.complaintLine(extra: #","note":"x""#), #"unknown field "note""#),
            (
                Self.complaintLine().replacingOccurrences(of: #""case":"2026-001""#, with: #""case":"dossier 1""#),
                #"case "dossier 1" is not a case number"#
            ),
            (
                Self.complaintLine().replacingOccurrences(of: #""on":"2026-01-05""#, with: #""on":"05/01/2026""#),
                #"on "05/01/2026" is not a day YYYY-MM-DD"#
            ),
            (Self.complaintLine().replacingOccurrences(of: #""as":"M0001""#, with: #""as":"""#), "as is empty"),
            ("[1, 2]", "a JSON object")
        ]
        for (line, message) in cases {
            let refused = try f.greffe(["apply", try write(f, "bad.jsonl", line + "\n"), "--lang", "en"])
            expectExit(refused.status, .refused, "\(line)")
            #expect(refused.stderr.contains("bad.jsonl, line 1: " + message), "\(refused.stderr)")
        }
        #expect(try f.head() == before)
    }

    @Test func aRulebookWithAnUnknownTimeZoneOrNoMotiveDoesNotValidate() throws {
        let f = CLIFixture()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shipped = root.appendingPathComponent("Sources/Registry/Rulebooks/cle-autistes-ri.json")
        let original = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as? [String: Any])
        for (key, value, path) in [
            ("timeZone", "Mars/Olympus" as Any, "$.timeZone"), ("motives", [Any](), "$.motives"),
            ("sanctions", [Any](), "$.sanctions")
        ] {
            var object = original
            object[key] = value
            let file = f.directory + "/\(key).json"
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))
            let refused = try f.greffe(["rulebook", "validate", file, "--lang", "en"], withStore: false)
            expectExit(refused.status, .refused, "\(key): \(refused.stdout)")
            #expect(refused.stderr.contains(path), "\(key): \(refused.stderr)")
            // The schema says the same of the lists (the time zone's database is beyond JSON Schema).
            guard key != "timeZone" else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [
                "-c",
                "import json,sys,jsonschema\nschema=json.load(open(sys.argv[1]))\n"
                    + "errors=list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))\n"
                    + "sys.exit(1 if errors else 0)", root.appendingPathComponent("Schemas/rulebook.schema.json").path,
                file
            ]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "the schema accepts \(key): []")
        }
    }

    // MARK: 15. Draw entropy

    @Test func entropyWrittenWithSeparatorsOrOutOfRangeIsRefusedWithTheReason() throws {
        let f = try DrawCommandTests().calledStore()
        expectExit(
            try f.greffe(["cell", "draw-announce", "2026-001", "--on", "2026-02-05"] + DrawCommandTests.source).status,
            .ok)
        let before = try f.head()
        for (entropy, reason) in [
            ("1 234", "digits grouped by threes"), ("1,5", "a comma between two digits"),
            ("3 11 17 25 2147483648", "larger than 2147483647")
        ] {
            let refused = try f.greffe([
                "cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", entropy, "--lang", "en"
            ])
            expectExit(refused.status, .refused, "\(entropy)")
            #expect(refused.stderr.contains(reason), "\(entropy): \(refused.stderr)")
        }
        let french = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "1,5"])
        #expect(french.stderr.contains("une virgule entre deux chiffres"), "\(french.stderr)")
        #expect(try f.head() == before)
        // The documented text source, typed as docs/draw.md shows it, is one value.
        let text = try f.greffe(["cell", "draw", "2026-001", "--on", "2026-02-07", "--entropy", "W 4-1"])
        expectExit(text.status, .ok, "\(text.stderr)")
        #expect(text.stdout.contains("chaîne-clé : W41./"))
    }

    // MARK: 16. Messages a volunteer meets

    @Test func aSpreadsheetInLatin1OrUTF16IsConvertedWithANotice() throws {
        let f = try rosterStore()
        let latin1 = try write(
            f, "latin1.csv", Array("id,nom,courriel\nm100,Ren".utf8) + [0xE9, 0x65] + Array(",renee@example.org\n".utf8)
        )
        let converted = try f.greffe(["members", "import", latin1, "--on", "2026-01-03"])
        expectExit(converted.status, .ok, "\(converted.stderr)")
        #expect(converted.stderr.contains("est en Windows-1252 / Latin-1, converti en UTF-8"), "\(converted.stderr)")
        #expect(!converted.stderr.contains("NSCocoaErrorDomain"))
        #expect(try f.greffe(["members", "show", "m100"]).stdout.contains("Renée"))

        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "id,nom,courriel\r\nm101,Zoé,zoe@example.org\r\n".utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let wide = try f.greffe([
            "members", "import", try write(f, "utf16.csv", utf16), "--on", "2026-01-03", "--lang", "en"
        ])
        expectExit(wide.status, .ok, "\(wide.stderr)")
        #expect(wide.stderr.contains("is in UTF-16 (little-endian), converted to UTF-8"))
        #expect(try f.greffe(["members", "show", "m101"]).stdout.contains("Zoé"))
    }

    @Test func anUnquotedQuoteInACellNamesItsLine() throws {
        let f = try rosterStore()
        let before = try f.head()
        let csv = "id,nom,courriel\nm100,Eve,eve@example.org\nm101,Jo \"Le Grand\" Doe,jo@example.org\n"
        let refused = try f.greffe(["members", "import", try write(f, "quote.csv", csv), "--lang", "en"])
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("quote.csv, line 3: misplaced double quote"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("quotation("))
        #expect(try f.head() == before)
    }

    @Test func aCRLFApplyFileIsAccepted() throws {
        let f = try rosterStore()
        let second = Self.complaintLine().replacingOccurrences(of: "2026-001", with: "2026-002")
        let lines = Self.complaintLine() + "\r\n\r\n" + second + "\r\n"
        let applied = try f.greffe(["apply", try write(f, "crlf.jsonl", lines)])
        expectExit(applied.status, .ok, "\(applied.stderr)")
        #expect(applied.stdout == "2 acte(s) appliqué(s), 0 déjà appliqué(s) et sauté(s).\n")
    }

    @Test func aNegativeNumberGetsAClearMessage() throws {
        let f = try rosterStore()
        let refused = try f.greffe(["log", "show", "--limit", "-3"])
        expectExit(refused.status, .usage)
        #expect(refused.stderr.contains("--limit -3 : nombre négatif refusé"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Missing value"))
        let english = try f.greffe(["audit", "replay", "--until", "-1", "--lang", "en"])
        #expect(english.stderr.contains("--until -1: negative number refused"), "\(english.stderr)")
    }

    @Test func aHugeIdIsRefusedWithALimitAndNotEchoedWhole() throws {
        let f = try rosterStore()
        let before = try f.head()
        let id = "m" + String(repeating: "9", count: 2_000_000)
        let refused = try f.greffe([
            "members", "import", try write(f, "big.csv", "id,nom,courriel\n\(id),Big,big@example.org\n"), "--lang", "en"
        ])
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("line 2, id:"))
        #expect(refused.stderr.contains("is 2000001 bytes long; at most 128 accepted"), "\(refused.stderr.prefix(300))")
        #expect(refused.stderr.utf8.count < 1_000)
        let bigCase = Self.complaintLine().replacingOccurrences(
            of: "2026-001", with: "2026-" + String(repeating: "1", count: 1_000_000))
        let applied = try f.greffe(["apply", try write(f, "big.jsonl", bigCase + "\n"), "--lang", "en"])
        expectExit(applied.status, .refused)
        #expect(applied.stderr.utf8.count < 1_000, "\(applied.stderr.prefix(300))")
        #expect(try f.head() == before)
    }

    @Test func messagesNameNoSwiftType() throws {
        let f = try rosterStore()
        let refused = try f.greffe([
            "apply",
            try write(
                f, "kind.jsonl",
                Self.complaintLine().replacingOccurrences(of: #""facts":"#, with: #""facts":{"a":1},"x":"#) + "\n")
        ])
        expectExit(refused.status, .refused)
        let typeOnly = try f.greffe([
            "apply",
            try write(f, "kind2.jsonl", #"{"case":"2026-001","on":"2026-01-05","as":"M0001","command":"text"}"# + "\n"),
            "--lang", "en"
        ])
        expectExit(typeOnly.status, .refused)
        #expect(typeOnly.stderr.contains("command: an object is expected"), "\(typeOnly.stderr)")
        let receipt = try write(f, "receipt.json", "{\"format\": 3}")
        let unreadable = try f.greffe(["audit", "verify", "--checkpoint", receipt, "--public-key", receipt])
        for stderr in [refused.stderr, typeOnly.stderr, unreadable.stderr] {
            for name in [
                "Dictionary<", "String, Any", "malformedCheckpoint", "DecodingError", "typeMismatch", "keyNotFound",
                "CodingKeys"
            ] {
                #expect(!stderr.contains(name), "\(name) in \(stderr)")
            }
        }
        #expect(
            unreadable.stderr.contains("n'est pas un reçu Greffe : pas un objet JSON avec format"),
            "\(unreadable.stderr)")
    }
}
