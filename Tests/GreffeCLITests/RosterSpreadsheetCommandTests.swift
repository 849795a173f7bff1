import Foundation
import GreffeCLITestSupport
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
        #expect(!imported.stderr.contains("ignorée"), "the phone column is read now: \(imported.stderr)")
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
        #expect(
            imported.stderr.contains("optional column(s) missing: dues (none), type"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("ignored"))
    }

    /// The issue's exact header, imported with every field: the first name, the dues of 2026, the board seat.
    @Test func theIssuesFileIsImportedWithEveryField() throws {
        let (f, path) = try store(
            with:
                "Identifiant;Prénom;Nom;E-mail;Cotisation 2026;Membre du CA\nn01;Nadia;Haddad;nadia@example.org;oui;oui\n"
        )
        let imported = try f.greffe(["members", "import", path, "--on", "2026-01-20"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(!imported.stderr.contains("ignorée"), "\(imported.stderr)")
        let shown = try f.greffe(["members", "show", "n01", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "Nadia Haddad")
        #expect(object?["email"] as? String == "nadia@example.org")
        #expect((object?["dues"] as? [[String: Any]])?.compactMap { $0["year"] as? Int } == [2026])
        #expect((object?["mandates"] as? [[String: Any]])?.compactMap { $0["role"] as? String } == ["board-member"])
    }

    /// A messaging group's roster has phones, no e-mail: the phone stands for it, sealed like an e-mail.
    @Test func aPhoneOnlyRosterIsImportedAndThePhoneIsSealed() throws {
        let (f, path) = try store(with: "Identifiant;Prénom;Nom;Téléphone\nw01;Yasmine;Benali;+33 6 12 34 56 78\n")
        let preview = try f.greffe(["members", "import", path, "--on", "2026-01-20", "--dry-run"])
        expectExit(preview.status, .ok, "\(preview.stderr)")
        #expect(
            preview.stdout.contains("nouveau membre « Yasmine Benali » tél. +33 6 12 34 56 78"), "\(preview.stdout)")
        let imported = try f.greffe(["members", "import", path, "--on", "2026-01-20"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        let shown = try f.greffe(["members", "show", "w01"])
        #expect(shown.stdout.contains("téléphone : +33 6 12 34 56 78"), "\(shown.stdout)")
        for (file, bytes) in try RectificationSealingTests().rawFiles(under: f.store) {
            #expect(bytes.range(of: Data("12 34 56 78".utf8)) == nil, "the phone in clear in \(file)")
        }
        // The same file again records nothing.
        let again = try f.greffe(["members", "import", path, "--on", "2026-01-21"])
        #expect(again.stdout.contains("Aucun changement"), "\(again.stdout)")
    }

    @Test func aRowWithoutContactOrWithABadPhoneIsRefusedAndNothingIsWritten() throws {
        let (f, path) = try store(with: "Identifiant;Nom;Téléphone;Courriel\nw01;Benali;;\nw02;Martin;appelez-moi;\n")
        let before = try f.head()
        let refused = try f.greffe(["members", "import", path, "--on", "2026-01-20"])
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("ligne 2 : ni courriel ni téléphone"), "\(refused.stderr)")
        #expect(
            refused.stderr.contains("ligne 3, phone : « appelez-moi » n'est pas un numéro de téléphone"),
            "\(refused.stderr)")
        #expect(try f.head() == before)
        let (g, noContact) = try store(with: "Identifiant;Nom\nw01;Benali\n")
        let missing = try g.greffe(["members", "import", noContact, "--on", "2026-01-20"])
        expectExit(missing.status, .refused)
        #expect(missing.stderr.contains("la colonne obligatoire email manque"), "\(missing.stderr)")
    }

    /// Excel's « CSV » in Windows-1252, and its « Unicode text » in UTF-16: converted, with a notice, names intact.
    @Test func windows1252AndUTF16FilesAreConvertedWithANotice() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let latin = f.directory + "/latin.csv"
        let text = "Identifiant;Nom;Courriel\r\nm01;Chloé Lefèvre;chloe@example.org\r\n"
        try #require(text.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: latin))
        let imported = try f.greffe(["members", "import", latin, "--on", "2026-01-20"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(imported.stderr.contains("est en Windows-1252 / Latin-1, converti en UTF-8"), "\(imported.stderr)")
        #expect(try f.greffe(["members", "show", "m01"]).stdout.contains("Chloé Lefèvre"))

        let utf16 = f.directory + "/utf16.csv"
        let unicode = "Identifiant\tNom\tCourriel\r\nm02\tZoé Ağa\tzoe@example.org\r\n"
        let bytes = try #require(unicode.data(using: .utf16LittleEndian))
        try (Data([0xFF, 0xFE]) + bytes).write(to: URL(fileURLWithPath: utf16))
        // Once a roster exists, a member records (here the one the first file brought).
        let imported16 = try f.greffe(["members", "import", utf16, "--on", "2026-01-20", "--as", "m01"])
        expectExit(imported16.status, .ok, "\(imported16.stderr)")
        #expect(imported16.stderr.contains("UTF-16"), "\(imported16.stderr)")
        let shown = try f.greffe(["members", "show", "m02", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "Zoé Ağa", "no carriage return left in a cell: \(shown.stdout)")
        #expect(object?["email"] as? String == "zoe@example.org")
    }

    /// « membre depuis » is the file's day when it gives one (the joining act is dated so), else the import's.
    @Test func memberSinceComesFromTheFile() throws {
        let (f, path) = try store(
            with:
                "Identifiant;Nom;Courriel;Membre depuis\nm01;Ana Lopez;ana@example.org;15/03/2019\nm02;Léo Petit;leo@example.org;\n"
        )
        let preview = try f.greffe(["members", "import", path, "--on", "2026-01-20", "--dry-run"])
        #expect(
            preview.stdout.contains("membre depuis le 15 mars 2019") || preview.stdout.contains("membre depuis le"),
            "\(preview.stdout)")
        let imported = try f.greffe(["members", "import", path, "--on", "2026-01-20"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(try f.greffe(["members", "show", "m01"]).stdout.contains("membre depuis le 2019-03-15"))
        #expect(try f.greffe(["members", "show", "m02"]).stdout.contains("membre depuis le 2026-01-20"))

        let (g, future) = try store(
            with:
                "Identifiant;Nom;Courriel;Adhésion\nm01;Ana Lopez;ana@example.org;2027-01-01\nm02;Léo Petit;leo@example.org;31/02/2020\n"
        )
        let before = try g.head()
        let refused = try g.greffe(["members", "import", future, "--on", "2026-01-20"])
        expectExit(refused.status, .refused)
        #expect(refused.stderr.contains("ligne 2, since"), "\(refused.stderr)")
        #expect(refused.stderr.contains("ligne 3, since : « 31/02/2020 » n'est pas un jour"), "\(refused.stderr)")
        #expect(try g.head() == before)
    }
}
