import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 15, « Ids must be opaque », through the built binary: the register's own ids, the association's identifier
/// kept sealed as the member's reference, found again on re-import and accepted wherever a member is named.
@Suite struct OpaqueMemberIDCommandTests {
    static let roster = """
        identifiant;nom;courriel;cotisation;ca
        jules.martin;Jules Martin;jules@exemple.org;2026;oui
        nadia.h;Nadia Haddad;nadia@exemple.org;2026;oui
        zz-ref-omega;Omar Ega;omar@exemple.org;2026;non

        """

    /// A new store with the three members above, imported on 2026-01-02 by the first of them.
    func store() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        try Self.roster.write(toFile: f.directory + "/liste.csv", atomically: true, encoding: .utf8)
        let imported = try f.greffe(["members", "import", f.directory + "/liste.csv", "--on", "2026-01-02"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        return f
    }

    /// Every regular file under `path`, as bytes.
    func rawFiles(under path: String) throws -> [(String, Data)] {
        try PrivacyCommandTests().rawFiles(under: path)
    }

    @Test func importGivesTheRegistersIdsInFileOrderAndKeepsTheReferenceAsAField() throws {
        let f = try store()
        let list = try f.greffe(["members", "list"])
        expectExit(list.status, .ok, "\(list.stderr)")
        let ids = list.stdout.split(separator: "\n").map { String($0.prefix(5)) }
        #expect(ids == ["M0001", "M0002", "M0003"], "\(list.stdout)")
        #expect(list.stdout.contains("M0001  Jules Martin  réf. jules.martin"), "\(list.stdout)")
        let show = try f.greffe(["members", "show", "M0002"])
        #expect(show.stdout.contains("référence de l'association : nadia.h"), "\(show.stdout)")
        let json = try f.greffe(["members", "show", "M0002", "--json"])
        #expect(json.stdout.contains("\"reference\":\"nadia.h\""), "\(json.stdout)")
        // The person's access document (Art. 15, 20) gives the reference with the rest of their record.
        let access = try f.greffe(["privacy", "access", "nadia.h", "--out", f.directory + "/acces.json"])
        expectExit(access.status, .ok, "\(access.stderr)")
        let document = try String(contentsOfFile: f.directory + "/acces.json", encoding: .utf8)
        #expect(document.contains("\"reference\" : \"nadia.h\"") || document.contains("\"reference\":\"nadia.h\""))
        #expect(document.contains("M0002"))
        // The streams, the envelopes and the ids of the log hold only the register's ids (the texts shown here are
        // revealed with the keys; the raw files are scanned in `theReferenceIsSealedAndErasedWithTheName`).
        let log = try f.greffe(["log", "show", "--json", "--limit", "100"])
        let streams = Set(
            log.stdout.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "\"stream\":\"") else { return nil }
                return String(line[range.upperBound...].prefix { $0 != "\"" })
            })
        #expect(streams == ["member/M0001", "member/M0002", "member/M0003"], "\(streams)")
        #expect(log.stdout.contains("\"actor\":\"M0001\""), "\(log.stdout.prefix(400))")
    }

    @Test func aReimportByReferenceUpdatesAndNeverReusesAnId() throws {
        let f = try store()
        // Nadia's e-mail changes; Omar is no longer listed; a new person comes.
        let next = """
            identifiant;nom;courriel;cotisation;ca
            jules.martin;Jules Martin;jules@exemple.org;2026;oui
            nadia.h;Nadia Haddad;nadia.haddad@exemple.org;2026;oui
            kim;Kim Lee;kim@exemple.org;2026;non

            """
        try next.write(toFile: f.directory + "/liste2.csv", atomically: true, encoding: .utf8)
        let imported = try f.greffe(["members", "import", f.directory + "/liste2.csv", "--on", "2026-02-01"])
        expectExit(imported.status, .ok, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 membre(s) concerné(s) dont 1 nouveau(x)"), "\(imported.stdout)")
        let list = try f.greffe(["members", "list"])
        #expect(list.stdout.split(separator: "\n").count == 4, "\(list.stdout)")
        #expect(list.stdout.contains("M0004  Kim Lee  réf. kim"), "\(list.stdout)")
        let show = try f.greffe(["members", "show", "M0002"])
        #expect(show.stdout.contains("nadia.haddad@exemple.org"), "\(show.stdout)")
        // The same file again changes nothing.
        let again = try f.greffe(["members", "import", f.directory + "/liste2.csv", "--on", "2026-02-01"])
        #expect(again.stdout.contains("Aucun changement"), "\(again.stdout)")
    }

    @Test func theReferenceIsSealedAndErasedWithTheName() throws {
        let f = try store()
        for (path, bytes) in try rawFiles(under: f.store) {
            #expect(bytes.range(of: Data("zz-ref-omega".utf8)) == nil, "reference in clear in \(path)")
        }
        let erased = try f.greffe([
            "privacy", "erase", "zz-ref-omega", "--reason", "demande de la personne", "--on", "2026-02-20"
        ])
        expectExit(erased.status, .ok, "\(erased.stderr)")
        #expect(erased.stdout.contains("M0003"), "\(erased.stdout)")
        let show = try f.greffe(["members", "show", "M0003"])
        #expect(show.stdout.contains("référence de l'association : [effacé]"), "\(show.stdout)")
        // Once erased, the reference names no one any more.
        let byReference = try f.greffe(["members", "show", "zz-ref-omega"])
        expectExit(byReference.status, .notFound, "\(byReference.stdout)\(byReference.stderr)")
        for (path, bytes) in try rawFiles(under: f.store) {
            #expect(bytes.range(of: Data("zz-ref-omega".utf8)) == nil, "reference in \(path)")
            #expect(bytes.range(of: Data("Omar".utf8)) == nil, "name in \(path)")
        }
        let audit = try f.greffe(["audit", "verify"])
        expectExit(audit.status, .ok, "\(audit.stdout)\(audit.stderr)")
    }

    @Test func aMemberIsNamedByTheirReferenceOnTheCommandLine() throws {
        let f = try store()
        let show = try f.greffe(["members", "show", "nadia.h"])
        expectExit(show.status, .ok, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("M0002 — Nadia Haddad"), "\(show.stdout)")
        // An act naming people by reference records their ids.
        let complaint = try f.greffe([
            "complaint", "--via", "ticket", "--complainant", "jules.martin", "--accused", "zz-ref-omega",
            "--facts", "Messages insultants.", "--motive", "insults", "--board-learned-on", "2026-01-04",
            "--on", "2026-01-05", "--as", "nadia.h"
        ])
        expectExit(complaint.status, .ok, "\(complaint.stderr)")
        let log = try f.greffe(["log", "show", "--json", "--limit", "100"])
        let filed = log.stdout.split(separator: "\n").first { $0.contains("ComplaintFiled") }.map(String.init) ?? ""
        #expect(filed.contains("\"M0003\"") && filed.contains("\"actor\":\"M0002\""), "\(filed)")
        #expect(!filed.contains("zz-ref-omega") && !filed.contains("nadia.h"), "\(filed)")
    }

    /// A reference is read with the keys: without them, the key store's error is given (74), not « unknown member ».
    @Test func aReferenceWithoutTheKeysGivesTheKeyStoresError() throws {
        let f = try store()
        let shown = try f.greffe(["--keys", f.directory + "/ailleurs", "members", "show", "nadia.h"])
        expectExit(shown.status, .storeError, "\(shown.stdout)\(shown.stderr)")
        #expect(shown.stderr.contains("pas de magasin de clés"), "\(shown.stderr)")
    }

    @Test func aReferenceEqualToAnotherMembersNameIsAmbiguous() throws {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        let roster = """
            identifiant;nom;courriel
            kim;Ana Bel;ana@exemple.org
            x9;Kim;kim@exemple.org

            """
        try roster.write(toFile: f.directory + "/liste.csv", atomically: true, encoding: .utf8)
        expectExit(
            try f.greffe(["members", "import", f.directory + "/liste.csv", "--on", "2026-01-02"]).status, .ok)
        let shown = try f.greffe(["members", "show", "kim"])
        expectExit(shown.status, .usage, "\(shown.stdout)\(shown.stderr)")
        #expect(
            shown.stderr.contains("M0001 Ana Bel (kim)") && shown.stderr.contains("M0002 Kim (x9)"), "\(shown.stderr)")
    }

    @Test func aReferenceGivenTwiceOrWrittenLikeAnotherIdIsRefusedAndWritesNothing() throws {
        let f = try store()
        let before = try f.head()
        let twice = """
            identifiant;nom;courriel
            kim;Kim Lee;kim@exemple.org
            kim;Kim Bis;kim2@exemple.org

            """
        try twice.write(toFile: f.directory + "/deux.csv", atomically: true, encoding: .utf8)
        let refused = try f.greffe(["members", "import", f.directory + "/deux.csv", "--on", "2026-02-01"])
        expectExit(refused.status, .refused, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("ligne 3"), "\(refused.stderr)")
        #expect(try f.head() == before)
        let likeAnID = """
            identifiant;nom;courriel
            M0002;Kim Lee;kim@exemple.org

            """
        try likeAnID.write(toFile: f.directory + "/id.csv", atomically: true, encoding: .utf8)
        let refusedToo = try f.greffe(["members", "import", f.directory + "/id.csv", "--on", "2026-02-01"])
        expectExit(refusedToo.status, .refused, "\(refusedToo.stdout)\(refusedToo.stderr)")
        #expect(refusedToo.stderr.contains("identifiant Greffe d'un autre membre (M0002)"), "\(refusedToo.stderr)")
        #expect(try f.head() == before)
    }
}
