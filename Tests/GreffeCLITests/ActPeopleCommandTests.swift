import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The confirmation an act prints names the people it concerns as every other screen does: the name beside the id,
/// « Bruno Petit (M0002) », not the bare id.
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
        #expect(complaint.contains("mis·e(s) en cause : Damien Roux (M0004)"), "\(complaint)")
        let meeting = confirmation(["meeting"])
        #expect(meeting.contains("rapporteur : Bruno Petit (M0002)"), "\(meeting)")
        #expect(meeting.contains("présent·es : Alice Martin (M0001), Bruno Petit (M0002), Chloé Durand (M0003)"))
        #expect(!meeting.contains("rapporteur : M0002"), "\(meeting)")
        #expect(confirmation(["suspend"]).contains("suspendu·e(s) : Damien Roux (M0004)"))
        #expect(confirmation(["cell", "volunteer"]).contains("Élise Fournier (M0007)"))
        let sent = confirmation(["cell", "send-summary"])
        #expect(
            sent.contains("cellule : Élise Fournier (M0007), Farid Benali (M0008), Gaëlle Simon (M0009)"), "\(sent)")
        let vote = confirmation(["cell", "vote"])
        #expect(
            vote.contains("votant·es : Élise Fournier (M0007), Farid Benali (M0008), Gaëlle Simon (M0009)"), "\(vote)")
        #expect(confirmation(["letter-received"]).contains("Damien Roux (M0004)"))
        #expect(confirmation(["appeal"]).contains("recours de Damien Roux (M0004)"))
    }

    @Test func aRecusalNamesTheRecusedAndWhoRecusedThem() throws {
        let f = try CLIFixture.withRoster()
        let upToTheCall = FrenchOutputTests.fullCase.prefix { $0.prefix(2) != ["cell", "volunteer"] }
        for arguments in upToTheCall { _ = try act(f, arguments) }
        _ = try act(f, ["cell", "volunteer", "2026-001", "--member", "M0008", "--on", "2026-02-21", "--as", "M0002"])
        let recused = try act(
            f,
            ["cell", "recuse", "2026-001", "--by", "M0004", "--member", "M0008", "--on", "2026-02-22", "--as", "M0002"])
        #expect(recused.contains("Farid Benali (M0008), révoqué·e par Damien Roux (M0004)"), "\(recused)")
    }

    @Test func englishConfirmationsNamePeopleToo() throws {
        let f = try CLIFixture.withRoster()
        _ = try act(f, Array(FrenchOutputTests.fullCase[0]) + ["--lang", "en"])
        let meeting = try act(f, Array(FrenchOutputTests.fullCase[1]) + ["--lang", "en"])
        #expect(meeting.contains("rapporteur: Bruno Petit (M0002)"), "\(meeting)")
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
            "mediation", "open", "--party", "M0004", "--party", "M0007", "--facts", "Désaccord", "--on", "2026-03-02"
        ])
        #expect(opened.contains("entre Damien Roux (M0004) et Élise Fournier (M0007)"), "\(opened)")
        let called = try path([
            "mediation", "name", "2026-M001", "--mediator", "M0009", "--by", "conseil", "--on", "2026-03-05"
        ])
        #expect(called.contains("Gaëlle Simon (M0009)"), "\(called)")
        let status = try path(["mediation", "status", "2026-M001"])
        #expect(status.contains("parties : Damien Roux (M0004), Élise Fournier (M0007)"), "\(status)")
        _ = try path([
            "revocation", "open", "--holder", "M0003", "--role", "board-member", "--ground", "silence",
            "--silent-since", "2026-01-02", "--facts", "Silence", "--on", "2026-03-05"
        ])
        _ = try path(["revocation", "convene", "2026-R001", "--form", "ecrit", "--on", "2026-03-06"])
        _ = try path(["revocation", "explanation", "2026-R001", "--outcome", "sans-reponse", "--on", "2026-03-20"])
        let voted = try path([
            "revocation", "vote", "2026-R001", "--ballot", "M0001=revoke", "--ballot", "M0002=revoke", "--on",
            "2026-03-21"
        ])
        #expect(voted.contains("votant·es : Alice Martin (M0001), Bruno Petit (M0002)"), "\(voted)")
        #expect(voted.contains("de Chloé Durand (M0003)"), "\(voted)")
        let notice = try path(["members", "notice", "M0011", "--year", "2026", "--on", "2026-01-10"])
        #expect(notice.contains("à Inès Garcia (M0011)"), "\(notice)")
        let resigned = try path(["members", "resign", "M0012", "--via", "courriel", "--on", "2026-03-26"])
        #expect(resigned.contains("Démission de Jules Bernard (M0012)"), "\(resigned)")
    }
}
