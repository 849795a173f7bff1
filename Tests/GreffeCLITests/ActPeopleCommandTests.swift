import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The confirmation an act prints names the people it concerns as every other screen does: the name beside the id,
/// « Bruno Petit (m002) », not the bare id.
@Suite struct ActPeopleCommandTests {
    /// Runs `arguments` on `f` (French unless `--lang en` is given), expects success, returns what it printed.
    func act(_ f: CLIFixture, _ arguments: [String]) throws -> String {
        let done = try f.greffe(arguments)
        expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        return done.stdout
    }

    @Test func caseActConfirmationsNameTheAccusedTheRapporteurTheCellAndTheVoters() throws {
        let f = try CLIFixture.withRoster()
        var printed: [String] = []
        for arguments in FrenchOutputTests.fullCase { printed.append(try act(f, arguments)) }
        func confirmation(_ prefix: [String]) -> String {
            zip(FrenchOutputTests.fullCase, printed).first { Array($0.0.prefix(prefix.count)) == prefix }?.1 ?? ""
        }
        let complaint = confirmation(["complaint"])
        #expect(complaint.contains("mis·e(s) en cause : Damien Roux (m004)"), "\(complaint)")
        let meeting = confirmation(["meeting"])
        #expect(meeting.contains("rapporteur : Bruno Petit (m002)"), "\(meeting)")
        #expect(meeting.contains("présent·es : Alice Martin (m001), Bruno Petit (m002), Chloé Durand (m003)"))
        #expect(!meeting.contains("rapporteur : m002"), "\(meeting)")
        #expect(confirmation(["suspend"]).contains("suspendu·e(s) : Damien Roux (m004)"))
        #expect(confirmation(["cell", "volunteer"]).contains("Élise Fournier (m007)"))
        let sent = confirmation(["cell", "send-summary"])
        #expect(sent.contains("cellule : Élise Fournier (m007), Farid Benali (m008), Gaëlle Simon (m009)"), "\(sent)")
        let vote = confirmation(["cell", "vote"])
        #expect(vote.contains("votant·es : Élise Fournier (m007), Farid Benali (m008), Gaëlle Simon (m009)"), "\(vote)")
        #expect(confirmation(["letter-received"]).contains("Damien Roux (m004)"))
        #expect(confirmation(["appeal"]).contains("recours de Damien Roux (m004)"))
    }

    @Test func aRecusalNamesTheRecusedAndWhoRecusedThem() throws {
        let f = try CLIFixture.withRoster()
        let upToTheCall = FrenchOutputTests.fullCase.prefix { $0.prefix(2) != ["cell", "volunteer"] }
        for arguments in upToTheCall { _ = try act(f, arguments) }
        _ = try act(f, ["cell", "volunteer", "2026-001", "--member", "m008", "--on", "2026-02-21", "--as", "m002"])
        let recused = try act(
            f, ["cell", "recuse", "2026-001", "--by", "m004", "--member", "m008", "--on", "2026-02-22", "--as", "m002"])
        #expect(recused.contains("Farid Benali (m008), révoqué·e par Damien Roux (m004)"), "\(recused)")
    }

    @Test func englishConfirmationsNamePeopleToo() throws {
        let f = try CLIFixture.withRoster()
        _ = try act(f, Array(FrenchOutputTests.fullCase[0]) + ["--lang", "en"])
        let meeting = try act(f, Array(FrenchOutputTests.fullCase[1]) + ["--lang", "en"])
        #expect(meeting.contains("rapporteur: Bruno Petit (m002)"), "\(meeting)")
    }

    @Test func pathConfirmationsNameTheirMembers() throws {
        let f = try CLIFixture.withRoster()
        let today = ["GREFFE_TODAY": "2026-04-30"]
        func path(_ arguments: [String]) throws -> String {
            let done = try f.greffe(arguments, environment: today)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
            return done.stdout
        }
        let opened = try path([
            "mediation", "open", "--party", "m004", "--party", "m007", "--facts", "Désaccord", "--on", "2026-03-02"
        ])
        #expect(opened.contains("entre Damien Roux (m004) et Élise Fournier (m007)"), "\(opened)")
        let called = try path([
            "mediation", "name", "2026-M001", "--mediator", "m009", "--by", "conseil", "--on", "2026-03-05"
        ])
        #expect(called.contains("Gaëlle Simon (m009)"), "\(called)")
        let status = try path(["mediation", "status", "2026-M001"])
        #expect(status.contains("parties : Damien Roux (m004), Élise Fournier (m007)"), "\(status)")
        _ = try path([
            "revocation", "open", "--holder", "m003", "--role", "board-member", "--ground", "silence",
            "--silent-since", "2026-01-02", "--facts", "Silence", "--on", "2026-03-05"
        ])
        _ = try path(["revocation", "convene", "2026-R001", "--form", "ecrit", "--on", "2026-03-06"])
        _ = try path(["revocation", "explanation", "2026-R001", "--outcome", "sans-reponse", "--on", "2026-03-20"])
        let voted = try path([
            "revocation", "vote", "2026-R001", "--ballot", "m001=revoke", "--ballot", "m002=revoke", "--on",
            "2026-03-21"
        ])
        #expect(voted.contains("votant·es : Alice Martin (m001), Bruno Petit (m002)"), "\(voted)")
        #expect(voted.contains("de Chloé Durand (m003)"), "\(voted)")
        let notice = try path(["members", "notice", "m011", "--year", "2026", "--on", "2026-01-10"])
        #expect(notice.contains("à Inès Garcia (m011)"), "\(notice)")
        let resigned = try path(["members", "resign", "m012", "--via", "courriel", "--on", "2026-03-26"])
        #expect(resigned.contains("Démission de Jules Bernard (m012)"), "\(resigned)")
    }
}
