public import Discipline
import Foundation

/// The rulebooks shipped with Greffe (`Sources/Registry/Rulebooks/*.json`, embedded in the binary), all in the one file
/// format: the CLE Autistes procedure of Article 5.6 (`cle-autistes-ri`, the same text as `Rulebook.cle`), and the
/// ladders of CLE Autistes 5.2, AALMI §5, coopol §4, ACT Alliance « Mise en œuvre » and the local-authority charter.
public enum ShippedRulebooks {
    /// Every shipped rulebook, in file-name order, read from the texts carried inside the binary
    /// (`EmbeddedRulebooks`, generated from `Sources/Registry/Rulebooks/*.json` by scripts/embed_rulebooks.py), so a
    /// `greffe` copied anywhere alone still has them.
    public static func all() throws -> [RulebookDocument] {
        try EmbeddedRulebooks.files.sorted { $0.name < $1.name }.map { file in
            switch RulebookDocument.load(from: Data(file.text.utf8)) {
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
