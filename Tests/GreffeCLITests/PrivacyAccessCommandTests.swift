import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// `greffe privacy access` (GDPR art. 15 and 20, Article 6): everything the register holds about one person.
@Suite struct PrivacyAccessCommandTests {
    func document(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func R35_accessWritesTheRecordAndEveryActNamingThePersonWithTheirTexts() throws {
        let f = try SampleCaseTests().sampleStore()
        let out = f.directory + "/access/M0004.json"
        try FileManager.default.createDirectory(atPath: f.directory + "/access", withIntermediateDirectories: true)
        let result = try f.greffe(["privacy", "access", "M0004", "--out", out], environment: SampleCaseTests.today)
        expectExit(result.status, .ok, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Données de M0004 écrites dans \(out) : sa fiche, "), "\(result.stdout)")
        let json = try document(out)
        let record = try #require(json["record"] as? [String: Any])
        #expect(record["displayName"] as? String == "Damien Roux")
        #expect(record["email"] as? String == "damien.roux@exemple.org")
        #expect(json["erased"] as? Bool == false)
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(cases.first?["case"] as? String == "2026-001")
        #expect(cases.first?["roles"] as? [String] == ["accused"])
        let acts = try #require(json["acts"] as? [[String: Any]])
        let types = acts.compactMap { $0["type"] as? String }
        #expect(types.contains("MemberJoined"))
        #expect(types.contains("ComplaintFiled"))
        // The texts are revealed: no sealed object is left in the document.
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains("chacha20-poly1305"))
        #expect(!text.contains("[chiffré]"))
        let complaint = try #require(acts.first { $0["type"] as? String == "ComplaintFiled" })
        #expect((complaint["fields"] as? [String])?.contains("accused.0.id") == true, "\(complaint)")
        // A cell member's document names the cell.
        let cell = f.directory + "/access/M0007.json"
        expectExit(
            try f.greffe(["privacy", "access", "M0007", "--out", cell], environment: SampleCaseTests.today).status, .ok)
        #expect((try document(cell)["cases"] as? [[String: Any]])?.first?["roles"] as? [String] == ["cell"])
        // Both follow Schemas/access.schema.json.
        let checked = try runScript("validate_schemas.py", [f.directory])
        #expect(checked.status == 0 || checked.status == 3, "\(checked.output)")
    }

    @Test func R35_accessAsAFrenchDocument() throws {
        let f = try SampleCaseTests().sampleStore()
        let out = f.directory + "/M0005.md"
        let result = try f.greffe(
            ["privacy", "access", "M0005", "--out", out, "--format", "md"], environment: SampleCaseTests.today)
        expectExit(result.status, .ok, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(
            text.hasPrefix("# Données détenues sur M0005 — accès et portabilité (RGPD, art. 15 et 20)\n"), "\(text)")
        #expect(text.contains("- Nom : Vera Lefèvre"))
        #expect(text.contains("- 2026-001 : victime"))
        #expect(text.contains("## Enregistrements qui nomment la personne ("))
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func R35_accessRefusals_unknownMemberMissingKeysAndAnErasedMember() throws {
        let f = try SampleCaseTests().sampleStore()
        let out = f.directory + "/x.json"
        let unknown = try f.greffe(["privacy", "access", "M0099", "--out", out], environment: SampleCaseTests.today)
        expectExit(unknown.status, .notFound, "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let keyless = try f.greffe(
            ["--keys", f.directory + "/nowhere", "privacy", "access", "M0004", "--out", out],
            environment: SampleCaseTests.today)
        expectExit(keyless.status, .storeError, "\(keyless.stderr)")
        #expect(keyless.stderr.contains("pas de magasin de clés"))
        #expect(!FileManager.default.fileExists(atPath: out))
        expectExit(
            try f.greffe(
                ["privacy", "erase", "M0004", "--reason", "demande de la personne", "--on", "2026-02-20"],
                environment: SampleCaseTests.today
            ).status, .ok)
        let erased = try f.greffe(["privacy", "access", "M0004", "--out", out], environment: SampleCaseTests.today)
        expectExit(erased.status, .ok, "\(erased.stderr)")
        #expect(erased.stdout.contains("M0004 a été effacé·e le 2026-02-20"), "\(erased.stdout)")
        let json = try document(out)
        #expect(json["erased"] as? Bool == true)
        #expect((json["record"] as? [String: Any])?["displayName"] as? String == "[effacé]")
    }
}
