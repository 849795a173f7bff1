import Discipline
import Foundation

/// The ladder rulebooks shipped with Greffe (`Sources/Registry/Rulebooks/*.json`, a SwiftPM resource): CLE Autistes
/// 5.2, AALMI §5, coopol §4, ACT Alliance « Mise en œuvre » and the local-authority charter.
public enum ShippedRulebooks {
    /// The folder holding the shipped files.
    static var folder: URL? { Bundle.module.resourceURL?.appendingPathComponent("Rulebooks") }

    /// Every shipped rulebook, by id.
    public static func all() throws -> [LadderRulebook] {
        guard let folder else { return [] }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            switch LadderRulebook.load(from: data) {
            case .success(let book): return book
            case .failure(let invalid): throw LadderError.invalidRulebook(invalid)
            }
        }
    }

    /// The shipped rulebook with this id.
    public static func named(_ id: String) throws -> LadderRulebook? { try all().first { $0.id == id } }
}
