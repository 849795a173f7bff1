import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The outcomes the règlement admits, through the command line: the GA « selon les mêmes modalités que la cellule de
/// crise » (R24), a decision of no sanction (R19), the conditions of a probation (R27), a cell member replaced (R13).
/// Every refusal leaves the log's head as it was.
@Suite struct OutcomeCommandTests {
    /// The sample case act by act up to the cell meeting of 11 February (cell M0007, M0009, M0010).
    func throughCellMeeting() throws -> CLIFixture {
        let f = try ActCommandsTests().rosterStore()
        for arguments in ActCommandsTests.sampleCase.prefix(18) {
            let done = try f.greffe(arguments)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        }
        return f
    }

    /// Runs an act that must be refused by a rule (exit 65) and checks nothing was written.
    func refused(
        _ f: CLIFixture, _ arguments: [String], saying words: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try f.head()
        let result = try f.greffe(arguments)
        expectExit(
            result.status, .refused, "\(arguments): \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try f.head() == before, sourceLocation: sourceLocation)
    }

    @Test func R24_aGAMissingTwoThirdsVotesOnTheReintegrationAndImposesNoSanctionItDidNotCarry() throws {
        let f = try throughCellMeeting()
        for arguments in [
            [
                "cell", "consensus", "2026-001", "--sanction", "radiation", "--reasons", "Faits graves répétés", "--on",
                "2026-02-11", "--as", "M0002"
            ],
            ["judgement", "send", "2026-001", "--on", "2026-02-12", "--as", "M0002"],
            ["judgement", "execute", "2026-001", "--on", "2026-02-12", "--as", "M0001"],
            ["letter-received", "2026-001", "--member", "M0004", "--on", "2026-02-13", "--as", "M0001"],
            ["appeal", "2026-001", "--by", "M0004", "--on", "2026-03-01", "--as", "M0001"]
        ] {
            let done = try f.greffe(arguments)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        }
        let sanctionVote = try f.greffe([
            "ga", "vote", "2026-001", "--proposal", "radiation", "--proposal", "warning",
            "--votes", "radiation=18", "--votes", "warning=18", "--blanks", "4", "--voters", "40",
            "--on", "2026-06-20", "--as", "M0001"
        ])
        expectExit(sanctionVote.status, .ok, "\(sanctionVote.stderr)")
        // The hint leads to the reintegration vote, not away from it.
        #expect(sanctionVote.stdout.contains("greffe ga reintegration-vote"), "\(sanctionVote.stdout)")
        #expect(!sanctionVote.stdout.contains("ga resolve"))
        try refused(
            f,
            [
                "ga", "resolve", "2026-001", "--outcome", "radiation", "--reason", "vote sans deux tiers",
                "--sanction", "radiation", "--on", "2026-06-20", "--as", "M0001"
            ], saying: "réintégration")
        let reintegration = try f.greffe([
            "ga", "reintegration-vote", "2026-001", "--votes", "immediate=20",
            "--votes", "probationary=20", "--voters", "40", "--on", "2026-06-20", "--as", "M0001"
        ])
        expectExit(reintegration.status, .ok, "\(reintegration.stderr)")
        #expect(
            reintegration.stdout.contains(
                "réintégration de manière immédiate : 20 voix sur 40 bulletins, blancs compris : 50 % < 2/3 — non adopté (20 × 3 = 60 < 40 × 2 = 80 → deux tiers non atteints)"
            ), "\(reintegration.stdout)")
        #expect(reintegration.stdout.contains("greffe ga resolve"))
        // Where the text is silent, no sanction the assembly did not carry.
        try refused(
            f,
            [
                "ga", "resolve", "2026-001", "--outcome", "radiation", "--reason", "décision du CA",
                "--sanction", "radiation", "--on", "2026-06-21", "--as", "M0001"
            ], saying: "n'a pas porté")
        try refused(
            f, ["radiation", "2026-001", "--member", "M0004", "--on", "2026-06-21", "--as", "M0001"], saying: "recours")
        try refused(
            f, ["judgement", "execute", "2026-001", "--on", "2026-06-21", "--as", "M0001"], saying: "déjà exécuté")
        let resolution = try f.greffe([
            "ga", "resolve", "2026-001", "--outcome", "aucune sanction ; suspension levée",
            "--reason", "deux votes sans deux tiers", "--on", "2026-06-21", "--as", "M0001"
        ])
        expectExit(resolution.status, .ok, "\(resolution.stderr)")
        try refused(
            f, ["radiation", "2026-001", "--member", "M0004", "--on", "2026-06-22", "--as", "M0001"], saying: "R28")
        expectExit(
            try f.greffe(["judgement", "execute", "2026-001", "--on", "2026-06-22", "--as", "M0001"]).status, .ok)
        let status = try f.greffe(["status", "2026-001"], environment: ["GREFFE_TODAY": "2026-06-22"])
        #expect(status.stdout.contains("décision : aucune sanction (le 2026-06-21)"), "\(status.stdout)")
        let verify = try f.greffe(["audit", "verify"])
        expectExit(verify.status, .ok, "\(verify.stdout) \(verify.stderr)")
        let report = try f.greffe(["audit", "report", "2026-001"], environment: ["GREFFE_TODAY": "2026-06-22"])
        #expect(report.stdout.contains("vote de l'Assemblée générale sur la réintégration (R24)"), "\(report.stdout)")
    }

    @Test func R19_theCellDecidesThatNoSanctionIsDueByConsensusOrByVote() throws {
        let f = try throughCellMeeting()
        let neither = try f.greffe([
            "cell", "consensus", "2026-001", "--reasons", "?", "--on", "2026-02-11", "--as", "M0002"
        ])
        expectExit(neither.status, .usage)
        let decided = try f.greffe([
            "cell", "consensus", "2026-001", "--no-sanction", "--reasons", "Faits non établis",
            "--on", "2026-02-11", "--as", "M0002"
        ])
        expectExit(decided.status, .ok, "\(decided.stderr)")
        #expect(decided.stdout.contains("jugement rendu : aucune sanction"), "\(decided.stdout)")
        for arguments in [
            ["judgement", "send", "2026-001", "--on", "2026-02-12", "--as", "M0002"],
            ["judgement", "execute", "2026-001", "--note", "Suspension levée.", "--on", "2026-02-12", "--as", "M0001"],
            ["letter-received", "2026-001", "--member", "M0005", "--on", "2026-02-13", "--as", "M0001"],
            ["appeal", "2026-001", "--by", "M0005", "--on", "2026-02-20", "--as", "M0001"]
        ] {
            let done = try f.greffe(arguments)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        }
        let status = try f.greffe(["status", "2026-001"], environment: ["GREFFE_TODAY": "2026-02-20"])
        #expect(status.stdout.contains("décision : aucune sanction (le 2026-02-11)"), "\(status.stdout)")

        let v = try throughCellMeeting()
        let vote = try v.greffe([
            "cell", "vote", "2026-001", "--ballot", "M0007=none", "--ballot", "M0009=none",
            "--ballot", "M0010=warning", "--on", "2026-02-11", "--as", "M0002"
        ])
        expectExit(vote.status, .ok, "\(vote.stderr)")
        #expect(vote.stdout.contains("jugement rendu : aucune sanction"), "\(vote.stdout)")
        expectExit(try v.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R27_aProbationWithoutProofOfReparationOrApprovalIsRefused() throws {
        let f = try throughCellMeeting()
        let probation = [
            "cell", "consensus", "2026-001", "--sanction", "reintegration.probationary",
            "--probation-until", "2026-08-31", "--condition", "aucun message privé à la victime",
            "--probation-space", "serveur privé", "--reasons", "Accord", "--on", "2026-02-11", "--as", "M0002"
        ]
        try refused(f, probation + ["--approved-by", "M0005", "--no-reparation-proof"], saying: "preuves de réparation")
        try refused(f, probation, saying: "approbation des adhérents concernés")
        try refused(f, probation + ["--approved-by", "M0004"], saying: "mis·e en cause")
        let done = try f.greffe(probation + ["--approved-by", "M0005"])
        expectExit(done.status, .ok, "\(done.stderr)")
    }

    @Test func R13_theRapporteurReplacesACellMemberWithoutUsingAPartysRecusal() throws {
        let f = try ActCommandsTests().rosterStore()
        // Up to the second call: M0004 has used their recusal; the cell is M0007, M0009, M0010.
        for arguments in ActCommandsTests.sampleCase.prefix(16) {
            expectExit(try f.greffe(arguments).status, .ok, "\(arguments)")
        }
        try refused(
            f,
            [
                "cell", "replace", "2026-001", "--member", "M0007", "--ground", "no-longer-eligible",
                "--reason", "?", "--on", "2026-02-07", "--as", "M0002"
            ], saying: "peut encore siéger")
        let replaced = try f.greffe([
            "cell", "replace", "2026-001", "--member", "M0009", "--ground", "no-answer",
            "--reason", "Aucune réponse aux courriels des 5 et 6 février", "--on", "2026-02-07", "--as", "M0002"
        ])
        expectExit(replaced.status, .ok, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("aucune révocation de partie utilisée"), "\(replaced.stdout)")
        try refused(
            f, ["cell", "volunteer", "2026-001", "--member", "M0009", "--on", "2026-02-07", "--as", "M0002"],
            saying: "remplacé·e")
        expectExit(
            try f.greffe(["cell", "volunteer", "2026-001", "--member", "M0012", "--on", "2026-02-08", "--as", "M0002"])
                .status, .ok)
        // The victim keeps her recusal.
        expectExit(
            try f.greffe([
                "cell", "recuse", "2026-001", "--by", "M0005", "--member", "M0012", "--on", "2026-02-08", "--as",
                "M0002"
            ]).status, .ok)
        let status = try f.greffe(["status", "2026-001"], environment: ["GREFFE_TODAY": "2026-02-08"])
        #expect(
            status.stdout.contains("remplacé·e dans la cellule le 2026-02-07 : Gaëlle Simon (M0009) (ne répond pas)"),
            "\(status.stdout)")
        #expect(status.stdout.contains("R13  nouvel appel après le remplacement de M0009"), "\(status.stdout)")
        let dossier = try f.greffe(
            ["dossier", "2026-001", "--format", "md"], environment: ["GREFFE_TODAY": "2026-02-08"])
        #expect(
            dossier.stdout.contains("remplacé·e dans la cellule (ne répond pas) : Aucune réponse"), "\(dossier.stdout)")
        let report = try f.greffe(["audit", "report", "2026-001"], environment: ["GREFFE_TODAY": "2026-02-08"])
        #expect(
            report.stdout.contains("Gaëlle Simon (M0009) (ne répond pas) : Aucune réponse aux courriels"),
            "\(report.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R11_whenEveryAccusedLeftTheBoardRecordsAnExplicitDecisionInsteadOfADeadEnd() throws {
        let f = try ActCommandsTests().rosterStore()
        for arguments in [
            [
                "complaint", "--via", "email", "--complainant", "M0006", "--accused", "M0004", "--accused", "M0008",
                "--victim", "M0005",
                "--motive", "insults", "--facts", "Insultes répétées", "--on", "2026-03-02", "--as", "M0001"
            ],
            [
                "meeting", "2026-001", "--attendee", "M0001", "--attendee", "M0003", "--rapporteur", "M0002", "--on",
                "2026-03-04", "--as", "M0001"
            ],
            ["file-complete", "2026-001", "--on", "2026-03-10", "--as", "M0002"],
            [
                "hear-victim", "2026-001", "--victim", "M0005", "--needs", "sécurité", "--demand", "excuses", "--on",
                "2026-03-11", "--as", "M0002"
            ],
            [
                "request-explanation", "2026-001", "--summary", "Résumé", "--demand", "excuses", "--on", "2026-03-12",
                "--as", "M0002"
            ],
            ["accused-left", "2026-001", "--member", "M0008", "--on", "2026-03-13", "--as", "M0002"],
            ["answer", "2026-001", "--from", "M0004", "--form", "written", "--on", "2026-03-16", "--as", "M0002"]
        ] {
            let done = try f.greffe(arguments)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
        }
        let decide = [
            "explicit-decision", "2026-001", "--matter", "every-accused-left", "--decision", "arrêt de la procédure",
            "--reason", "les deux personnes mises en cause ont quitté l'association", "--as", "M0001"
        ]
        try refused(f, decide + ["--on", "2026-03-17"], saying: "M0004 n'a pas quitté l'association")
        expectExit(
            try f.greffe(["accused-left", "2026-001", "--member", "M0004", "--on", "2026-03-18", "--as", "M0002"])
                .status,
            .ok)
        let done = try f.greffe(decide + ["--on", "2026-03-19"])
        expectExit(done.status, .ok, "\(done.stderr)")
        #expect(done.stdout.contains("procédure arrêtée (R11, art. 5.6.7)"), "\(done.stdout)")
        let status = try f.greffe(["status", "2026-001"], environment: ["GREFFE_TODAY": "2026-03-19"])
        #expect(
            status.stdout.contains(
                "décision explicite du Conseil (règlement muet) le 2026-03-19 : arrêt de la procédure"),
            "\(status.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }
}
