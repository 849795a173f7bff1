import Foundation
import GreffeTestSupport
import Testing

@testable import Registry

/// Issue 19: the shipped rulebooks travel inside the binary, so a `greffe` copied alone still has them; the Swift
/// file that carries them must be the one the JSON files give.
@Suite struct EmbeddedRulebooksTests {
    @Test func theEmbeddedRulebooksAreTheShippedFilesByteForByte() throws {
        let check = try runScript("embed_rulebooks.py", ["--check"])
        #expect(check.status == 0, "run python3 scripts/embed_rulebooks.py")
        let folder = repositoryRoot.appendingPathComponent("Sources/Registry/Rulebooks")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        #expect(EmbeddedRulebooks.files.map(\.name) == names)
        for file in EmbeddedRulebooks.files {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(Data(file.text.utf8) == onDisk, "\(file.name)")
        }
        #expect(try ShippedRulebooks.all().count == names.count)
    }
}
