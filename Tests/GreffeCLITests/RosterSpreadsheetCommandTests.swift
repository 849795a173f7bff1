import Foundation
import GreffeTestSupport
import Testing

/// Issue 17: roster imports read the spreadsheets associations have, and say what they leave out.
@Suite struct RosterSpreadsheetCommandTests {
    /// The file an independent run imported as "Haddad", with no first name, no dues and no seat, silently.
    static let associationsFile = """
        Identifiant;Prénom;Nom;E-mail;Cotisation 2026;Membre du CA;Téléphone\r
        n01;Nadia;Haddad;nadia@example.org;oui;oui;06 12 34 56 78\r
        n02;Jules;Martin;jules@example.org;15/01/2026;non;\r

        """

    func store(with file: String) throws -> (CLIFixture, String) {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let path = f.directory + "/adherents.csv"
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        return (f, path)
    }

    @Test func theAssociationsFileIsImportedWithEveryFieldAndTheIgnoredColumnIsNamed() throws {
        let (f, path) = try store(with: Self.associationsFile)
        let before = try f.head()
        let preview = try f.greffe(["members", "import", path, "--on", "2026-01-20", "--dry-run"])
        expectExit(preview.status, .ok, "\(preview.stderr)")
        #expect(preview.stdout.contains("nouveau membre « Nadia Haddad » <nadia@example.org>"), "\(preview.stdout)")
        #expect(preview.stdout.contains("cotisation 2026 payée"))
        #expect(preview.stdout.contains("siège au CA"))
        #expect(try f.head() == before)

        let imported = try f.greffe(["members", "import", path, "--on", "2026-01-20"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(imported.stderr.contains("colonne(s) ignorée(s), Greffe ne les lit pas : « Téléphone »"), "\(imported.stderr)")
        #expect(imported.stderr.contains("colonne(s) facultative(s) absente(s) : type"), "\(imported.stderr)")
        let nadia = try f.greffe(["members", "show", "n01", "--json"])
        expectExit(nadia.status, .ok, "\(nadia.stderr)")
        #expect(nadia.stdout.contains("Nadia Haddad"))
        #expect(nadia.stdout.contains("2026"))
        let board = try f.greffe(["members", "list"])
        #expect(board.stdout.contains("Jules Martin"))
        let jules = try f.greffe(["members", "show", "n02", "--json"])
        #expect(jules.stdout.contains("2026"), "a dues cell holding the day paid counts as paid: \(jules.stdout)")
    }

    @Test func theSameFileInEnglishSaysSoInEnglish() throws {
        let (f, path) = try store(with: "id,name,email\nm1,Ana Lopez,ana@example.org\n")
        let imported = try f.greffe(["members", "import", path, "--on", "2026-01-20", "--lang", "en"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(imported.stderr.contains("optional column(s) missing: dues (no dues recorded), type"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("ignored"))
    }
}
