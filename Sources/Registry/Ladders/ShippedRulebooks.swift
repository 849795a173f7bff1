import Discipline
import Foundation

/// The rulebooks shipped with Greffe (`Sources/Registry/Rulebooks/*.json`, a SwiftPM resource), all in the one file
/// format: the CLE Autistes procedure of Article 5.6 (`cle-autistes-ri`, the same text as `Rulebook.cle`), and the
/// ladders of CLE Autistes 5.2, AALMI §5, coopol §4, ACT Alliance « Mise en œuvre » and the local-authority charter.
public enum ShippedRulebooks {
    /// The folder holding the shipped files: SwiftPM's resource bundle next to the executable (where `swift build`
    /// puts it), else the source folder this was built from.
    ///
    /// Not `Bundle.module`: its generated accessor stops the process when the bundle is missing (a binary copied
    /// elsewhere); here a missing folder is an empty list and a clear message.
    static var folder: URL? {
        let bundle = "Greffe_Registry.resources/Rulebooks"
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(bundle),
            executable.appendingPathComponent(bundle),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Rulebooks"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Every shipped rulebook, in file-name order.
    public static func all() throws -> [RulebookDocument] {
        guard let folder else { throw LadderError.shippedRulebooksMissing }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            switch RulebookDocument.load(from: data) {
            case .success(let book): return book
            case .failure(let invalid): throw LadderError.invalidRulebook(invalid)
            }
        }
    }

    /// The shipped rulebook with this id.
    public static func named(_ id: String) throws -> RulebookDocument? { try all().first { $0.id == id } }

    /// The shipped ladders.
    public static func ladders() throws -> [LadderRulebook] { try all().compactMap(\.ladder) }

    /// The shipped ladder with this id.
    public static func ladder(_ id: String) throws -> LadderRulebook? { try named(id)?.ladder }
}
