import ArgumentParser
import Discipline
import Foundation
@testable import GreffeCLI
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// The act subcommands: what they parse into, and the built binary recording a whole case with them.
@Suite struct ActCommandsTests {
    // MARK: Parsing

    func parse<C: ParsableCommand>(_ arguments: [String], as _: C.Type) throws -> C {
        let parsed = try GreffeCommand.parseAsRoot(arguments)
        return try #require(parsed as? C, "\(arguments) parsed as \(type(of: parsed))")
    }

    @Test func meetingParsesIntoTheBoardMeetingCommand() throws {
        let meeting = try parse(
            [
                "meeting", "2026-001", "--attendee", "M0001", "--attendee", "M0003", "--rapporteur", "M0002",
                "--on", "09/01/2026", "--as", "M0001", "--id", "k1"
            ], as: GreffeCommand.HoldMeeting.self)
        #expect(meeting.target.caseID == "2026-001")
        #expect(meeting.context.act.on == Day(year: 2026, month: 1, day: 9))
        #expect(meeting.context.act.actor == "M0001")
        #expect(
            try meeting.command(commandId: meeting.context.record.commandId)
                == .holdBoardMeeting(BoardMeeting(attendees: ["M0001", "M0003"], rapporteur: "M0002"), commandId: "k1"))
    }

    @Test func complaintPartiesMarkNonMembersAndMandates() throws {
        let complaint = try parse(
            [
                "complaint", "--via", "email", "--complainant", "M0006", "--complainant-not-member", "Zoé L.",
                "--accused", "M0004", "--accused-holds-mandate", "M0003", "--victim-not-member", "Yann",
                "--motive", "insults", "--facts", "Insultes", "--board-learned-on", "2026-03-01"
            ],
            as: GreffeCommand.FileComplaint.self)
        #expect(complaint.channel.value == .email)
        #expect(complaint.motives.map(\.id) == ["insults"])
        #expect(complaint.boardLearnedOn == Day(year: 2026, month: 3, day: 1))
        #expect(complaint.caseID == nil)
        // The parties as the complaint records them.
        #expect(complaint.outsideComplainants == ["Zoé L."])
        #expect(complaint.mandatedAccused == ["M0003"])
        #expect(complaint.outsideVictims == ["Yann"])
    }

    @Test func votesTakeOneBallotPerMemberAndProposalsFromTheBallots() throws {
        let vote = try parse(
            [
                "cell", "vote", "2026-001", "--ballot", "M0007=warning", "--ballot", "M0009=suspension+warning",
                "--blank", "M0010"
            ], as: GreffeCommand.Cell.Vote.self)
        let expected = CellVote(
            proposals: [
                Proposal(id: "warning", sanctions: ["warning"]),
                Proposal(id: "suspension+warning", sanctions: ["suspension", "warning"])
            ],
            ballots: [
                Ballot(member: "M0007", option: "warning"), Ballot(member: "M0009", option: "suspension+warning"),
                Ballot(member: "M0010", option: nil)
            ])
        #expect(try vote.command(commandId: nil) == .holdCellVote(expected, commandId: nil))

        let reintegration = try parse(
            [
                "cell", "reintegration-vote", "2026-001", "--ballot", "M0007=probationary", "--ballot",
                "M0009=immediate",
                "--probation-until", "2026-08-31", "--condition", "excuses", "--probation-space", "serveur"
            ],
            as: GreffeCommand.Cell.ReintegrationVote.self)
        guard case let .holdReintegrationVote(v, _) = try reintegration.command(commandId: nil) else {
            Issue.record("not a reintegration vote")
            return
        }
        #expect(
            v.ballots.map(\.option) == [
                Rulebook.SanctionID.probationaryReintegration,
                Rulebook.SanctionID.immediateReintegration
            ])
        #expect(v.probation?.until == Day(year: 2026, month: 8, day: 31))
        #expect(v.probation?.spaces == ["serveur"])
    }

    @Test func unknownIdsAndBadValuesAreUsageErrors() throws {
        for arguments in [
            ["summary", "2026-001", "--demand", "d", "--defence", "d", "--sanction", "bl ame"],
            ["complaint", "--via", "fax", "--accused", "M0004", "--facts", "f", "--motive", "insults"],
            ["complaint", "--via", "ticket", "--accused", "M0004", "--facts", "f", "--motive", "insults;harm"],
            ["cell", "vote", "2026-001", "--ballot", "M0007=bl ame"],
            ["cell", "reintegration-vote", "2026-001", "--ballot", "M0007=later"],
            ["complaint", "--case", "dossier-1", "--via", "ticket", "--facts", "f"],
            ["evidence", "2026-001", "--kind", "screenshot", "--description", "d", "--file", "a", "--sha256", "b"]
        ] {
            do {
                _ = try GreffeCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(GreffeCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
            }
        }
    }

    // MARK: The built binary

    static let today = ["GREFFE_TODAY": "2026-02-20"]

    /// A store with the sample roster and nothing else.
    func rosterStore() throws -> CLIFixture {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(
            try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "02/01/2026", "--as", "M0001"]).status,
            .ok)
        return f
    }

    /// docs/examples/dossier-exemple.jsonl, act by act with the subcommands: complaint to execution, with a recusal.
    static let sampleCase: [[String]] = [
        [
            "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
            "--facts", "Messages insultants répétés envers Vera sur le serveur privé, du 28 décembre au 3 janvier.",
            "--motive", "insults", "--motive", "domination", "--board-learned-on", "2026-01-04", "--on", "2026-01-05",
            "--as", "M0001"
        ],
        [
            "meeting", "2026-001", "--attendee", "M0001", "--attendee", "M0002", "--attendee", "M0003", "--rapporteur",
            "M0002",
            "--on", "2026-01-09", "--as", "M0001"
        ],
        ["suspend", "2026-001", "--space", "serveur privé #général", "--on", "2026-01-09", "--as", "M0001"],
        [
            "evidence", "2026-001", "--kind", "screenshot", "--description", "Captures des messages du 28/12 au 03/01",
            "--sha256", "9f2c1a7e5b3d4c6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f", "--on", "2026-01-12",
            "--as", "M0002"
        ],
        [
            "file-complete", "2026-001", "--note", "Témoignages, historique et contexte consignés.", "--on",
            "2026-01-20", "--as", "M0002"
        ],
        [
            "hear-victim", "2026-001", "--victim", "M0005",
            "--needs", "Ne plus recevoir de messages privés ; se sentir en sécurité sur le serveur.",
            "--demand", "excuses écrites", "--demand", "avertissement", "--on", "2026-01-21", "--as", "M0002"
        ],
        [
            "request-explanation", "2026-001", "--summary",
            "Résumé de la plainte de Vera (messages insultants répétés).",
            "--demand", "excuses écrites", "--demand", "avertissement", "--on", "2026-01-22", "--as", "M0002"
        ],
        ["answer", "2026-001", "--from", "M0004", "--form", "written", "--on", "2026-01-30", "--as", "M0002"],
        [
            "summary", "2026-001", "--demand", "Excuses écrites et avertissement.",
            "--defence", "Reconnaît des messages vifs, parle d'un malentendu.", "--sanction", "warning",
            "--on", "2026-02-02", "--as", "M0002"
        ],
        [
            "cell", "call", "2026-001", "--via", "online", "--member", "M0007", "--member", "M0008", "--member",
            "M0009",
            "--member", "M0012", "--on", "2026-02-03", "--as", "M0002"
        ],
        ["cell", "volunteer", "2026-001", "--member", "M0007", "--on", "2026-02-04", "--as", "M0002"],
        ["cell", "volunteer", "2026-001", "--member", "M0008", "--on", "2026-02-04", "--as", "M0002"],
        ["cell", "volunteer", "2026-001", "--member", "M0009", "--on", "2026-02-04", "--as", "M0002"],
        ["cell", "recuse", "2026-001", "--by", "M0004", "--member", "M0008", "--on", "2026-02-05", "--as", "M0002"],
        [
            "cell", "call", "2026-001", "--via", "online", "--member", "M0010", "--member", "M0012", "--on",
            "2026-02-06",
            "--as", "M0002"
        ],
        ["cell", "volunteer", "2026-001", "--member", "M0010", "--on", "2026-02-07", "--as", "M0002"],
        [
            "cell", "send-summary", "2026-001", "--note",
            "Synthèse envoyée par courriel aux trois membres et à la victime.",
            "--on", "2026-02-07", "--as", "M0002"
        ],
        [
            "cell", "meet", "2026-001", "--attendee", "M0007", "--attendee", "M0009", "--attendee", "M0010",
            "--on", "2026-02-11", "--as", "M0002"
        ],
        [
            "cell", "consensus", "2026-001", "--sanction", "warning",
            "--reasons", "Accord des trois membres sur un avertissement et des excuses écrites.", "--on", "2026-02-11",
            "--as", "M0002"
        ],
        [
            "judgement", "send", "2026-001", "--note", "Jugement envoyé au CA par courriel.", "--on", "2026-02-12",
            "--as", "M0002"
        ],
        [
            "judgement", "execute", "2026-001", "--note", "Avertissement notifié ; suspension levée.", "--on",
            "2026-02-12", "--as", "M0001"
        ],
        ["letter-received", "2026-001", "--member", "M0004", "--on", "2026-02-13", "--as", "M0001"],
        ["letter-received", "2026-001", "--member", "M0005", "--on", "2026-02-13", "--as", "M0001"],
        [
            "reparation", "2026-001", "--measure", "groupe de soutien entre pairs proposé à Vera", "--on", "2026-02-16",
            "--as", "M0001"
        ]
    ]

    @Test func theSampleCaseWithSubcommandsEndsLikeTheApplyRoute() throws {
        let f = try rosterStore()
        var outputs: [String] = []
        for arguments in Self.sampleCase {
            let done = try f.greffe(arguments)
            expectExit(done.status, .ok, "\(arguments): \(done.stderr)")
            outputs.append(done.stdout)
        }
        #expect(
            outputs.first
                == "Dossier 2026-001 ouvert. Enregistré : plainte (2026-001, #33) — mis·e(s) en cause : Damien Roux (M0004).\n"
        )
        #expect(
            outputs[1]
                == "Enregistré : réunion du Conseil d'administration (2026-001, #34–#35) — présent·es : Alice Martin (M0001), Bruno Petit (M0002), Chloé Durand (M0003) ; rapporteur : Bruno Petit (M0002).\n"
        )
        #expect(
            outputs[13]
                == "Enregistré : révocation d'un membre de la cellule (2026-001, #47) — Farid Benali (M0008), révoqué·e par Damien Roux (M0004).\n"
        )
        #expect(
            outputs[18]
                == "Enregistré : décision de la cellule par consensus (2026-001, #52–#53) — jugement rendu : avertissement.\n"
        )
        #expect(outputs.last == "Enregistré : mesures de réparation (2026-001, #58).\n")

        let applied = try SampleCaseTests().sampleStore()
        for arguments in [
            ["status", "2026-001"], ["status", "2026-001", "--json"], ["status", "2026-001", "--lang", "en"]
        ] {
            let viaActs = try f.greffe(arguments, environment: Self.today)
            let viaApply = try applied.greffe(arguments, environment: Self.today)
            expectExit(viaActs.status, .ok)
            #expect(viaActs.stdout == viaApply.stdout, "\(arguments)")
        }
        #expect(try f.greffe(["log", "verify"]).stdout.hasPrefix("OK : 58 enregistrement(s) vérifié(s)"))
    }

    @Test func complaintsAllocateTheNextIdOfTheYear() throws {
        let f = try rosterStore()
        let complaint = [
            "complaint", "--via", "email", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
            "--motive", "insults", "--facts", "Insultes", "--as", "M0001"
        ]
        let first = try f.greffe(complaint + ["--on", "2026-03-02"])
        #expect(
            first.stdout
                == "Dossier 2026-001 ouvert. Enregistré : plainte (2026-001, #33) — mis·e(s) en cause : Damien Roux (M0004).\n",
            "\(first.stderr)")
        let second = try f.greffe(complaint + ["--on", "2026-03-03", "--lang", "en"])
        #expect(
            second.stdout
                == "Case 2026-002 opened. Recorded: complaint (2026-002, #34) — accused: Damien Roux (M0004).\n")
        let nextYear = try f.greffe(complaint + ["--on", "2027-01-04"], environment: ["GREFFE_TODAY": "2027-01-04"])
        #expect(nextYear.stdout.hasPrefix("Dossier 2027-001 ouvert."))
        // A report opens no procedure but takes a case of its own, or goes to the one given.
        let report = try f.greffe([
            "report", "--concerning", "M0004", "--description", "Malaise", "--on", "2026-03-04", "--json"
        ])
        let record = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        #expect(record?["stream"] as? String == "case/2026-003")
        #expect(record?["type"] as? String == "ReportRecorded")
        #expect(
            try f.greffe([
                "report", "--case", "2026-001", "--concerning", "M0004", "--description", "Autre", "--on", "2026-03-04"
            ])
            .stdout == "Enregistré : signalement (2026-001, #37) — concernant : Damien Roux (M0004).\n")
    }

    @Test func theSameIdTwiceRecordsOnce() throws {
        let f = try rosterStore()
        let complaint = [
            "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
            "--motive", "insults", "--facts", "Insultes", "--on", "2026-03-02", "--id", "plainte-vera"
        ]
        expectExit(try f.greffe(complaint).status, .ok)
        let before = try f.head()
        let again = try f.greffe(complaint)
        expectExit(again.status, .ok)
        #expect(
            again.stdout
                == "Déjà enregistré : la commande « plainte-vera » a été appliquée (#33) ; rien de nouveau n'a été écrit.\n"
        )
        #expect(try f.head() == before)
        #expect(try f.greffe(["cases"]).stdout.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
    }

    @Test func evidenceFromAFileRecordsItsSHA256() throws {
        let f = try rosterStore()
        expectExit(try f.greffe(Self.sampleCase[0]).status, .ok)
        expectExit(try f.greffe(Self.sampleCase[1]).status, .ok)
        let capture = f.directory + "/capture.png"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: capture))
        let added = try f.greffe([
            "evidence", "2026-001", "--kind", "screenshot", "--file", capture,
            "--description", "Capture", "--on", "2026-01-12", "--json"
        ])
        let record = try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any]
        let payload = record?["payload"] as? [String: Any]
        #expect(payload?["sha256"] as? String == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let missing = try f.greffe([
            "evidence", "2026-001", "--kind", "screenshot", "--file", f.directory + "/nope.png",
            "--description", "Capture", "--on", "2026-01-12"
        ])
        expectExit(missing.status, .notFound)
        #expect(missing.stderr.contains("fichier introuvable"))
    }

    @Test func refusalsHaveTheirExitCodeAMessageAndWriteNothing() throws {
        let f = try rosterStore()
        expectExit(try f.greffe(Self.sampleCase[0]).status, .ok)
        let before = try f.head()

        // An act out of order: the suspension follows the board meeting (5.6.4).
        let early = try f.greffe(["suspend", "2026-001", "--space", "#général", "--on", "2026-01-06"])
        expectExit(early.status, .refused)
        #expect(
            early.stderr.contains(
                "refusé — R07 (art. 5.6.4) : le Conseil d'administration ne s'est pas encore réuni\n"),
            "\(early.stderr)")
        #expect(early.stderr.contains("le Conseil d'administration ne s'est pas encore réuni"))
        #expect(
            early.stderr.contains("Possible : enregistrer la réunion du Conseil (greffe meeting)"), "\(early.stderr)")
        #expect(early.stderr.contains("Rien n'a été écrit."))
        #expect(early.stdout.isEmpty)
        let english = try f.greffe(["suspend", "2026-001", "--on", "2026-01-06", "--lang", "en"])
        #expect(english.stderr.contains("refused — R07 (art. 5.6.4): the board has not met yet"), "\(english.stderr)")

        // A party as rapporteur (5.6.3).
        let party = try f.greffe([
            "meeting", "2026-001", "--attendee", "M0001", "--rapporteur", "M0006", "--on", "2026-01-09"
        ])
        expectExit(party.status, .refused)
        #expect(party.stderr.contains("R06 (art. 5.6.3)"), "\(party.stderr)")

        // An act dated before the act the text puts before it (the meeting follows the complaint).
        let before1 = try f.greffe([
            "meeting", "2026-001", "--attendee", "M0001", "--rapporteur", "M0002", "--on", "2026-01-02"
        ])
        expectExit(before1.status, .refused)
        #expect(before1.stderr.contains("précède le dépôt de la plainte (2026-01-05)"), "\(before1.stderr)")

        // An unknown case for an act that does not open one; an unknown member.
        let unknownCase = try f.greffe(["file-complete", "2026-099", "--on", "2026-01-20"])
        expectExit(unknownCase.status, .notFound)
        #expect(unknownCase.stderr.contains("dossier inconnu : 2026-099"))
        let unknownMember = try f.greffe([
            "meeting", "2026-001", "--attendee", "M0001", "--rapporteur", "M0099", "--on", "2026-01-09"
        ])
        expectExit(unknownMember.status, .notFound)
        #expect(unknownMember.stderr.contains("membre inconnu : M0099"))

        // A day that does not exist.
        let badDate = try f.greffe([
            "meeting", "2026-001", "--attendee", "M0001", "--rapporteur", "M0002", "--on", "31/02/2026"
        ])
        expectExit(badDate.status, .usage)
        #expect(badDate.stderr.contains("--on"))

        #expect(try f.head() == before)
    }

    @Test func aSanctionTheCasesRulebookDoesNotKnowIsRefusedNamingTheValidOnes() throws {
        // The case stands just before its summary (the sample's first 8 acts).
        let f = try sampleStore(firstLines: 8)
        let before = try f.head()
        let badSanction = try f.greffe([
            "summary", "2026-001", "--demand", "d", "--defence", "d", "--sanction", "blame",
            "--on", "2026-02-02"
        ])
        expectExit(badSanction.status, .refused)
        #expect(
            badSanction.stderr.contains("R12 (art. 5.6.8) : sanction inconnue du règlement : blame"),
            "\(badSanction.stderr)")
        #expect(badSanction.stderr.contains("Possible : reminder, warning, suspension"), "\(badSanction.stderr)")
        #expect(try f.head() == before)
        let good = try f.greffe([
            "summary", "2026-001", "--demand", "d", "--defence", "d", "--sanction", "warning",
            "--on", "2026-02-02"
        ])
        expectExit(good.status, .ok, "\(good.stderr)")
    }

    /// A store with the roster and the first `lines` acts of the sample case (applied from the JSON file).
    func sampleStore(firstLines lines: Int) throws -> CLIFixture {
        let f = try rosterStore()
        let all = try String(contentsOfFile: SampleCaseTests.sampleCase, encoding: .utf8).split(separator: "\n")
        let file = f.directory + "/first-acts.jsonl"
        try all.prefix(lines).joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        expectExit(try f.greffe(["apply", file]).status, .ok)
        return f
    }

    /// Runs acts that must all be recorded and returns their confirmation lines.
    func record(_ acts: [[String]], in f: CLIFixture) throws -> [String] {
        try acts.map { act in
            let done = try f.greffe(act)
            expectExit(done.status, .ok, "\(act): \(done.stderr)")
            return done.stdout
        }
    }

    @Test func votesWithoutTwoThirdsGoToTheGeneralAssembly() throws {
        let f = try sampleStore(firstLines: 18) // up to the cell meeting
        let lines = try record(
            [
                [
                    "cell", "vote", "2026-001", "--ballot", "M0007=warning", "--ballot", "M0009=radiation", "--blank",
                    "M0010", "--on", "2026-02-12"
                ],
                [
                    "cell", "reintegration-vote", "2026-001", "--ballot", "M0007=immediate", "--ballot",
                    "M0009=probationary",
                    "--blank", "M0010", "--on", "2026-02-12"
                ],
                ["refer-ga", "2026-001", "--assembly-on", "2026-06-14", "--on", "2026-02-13"],
                [
                    "ga", "vote", "2026-001", "--proposal", "warning", "--proposal", "radiation", "--votes",
                    "warning=31",
                    "--votes", "radiation=9", "--blanks", "2", "--voters", "48", "--on", "2026-06-14"
                ],
                ["judgement", "execute", "2026-001", "--on", "2026-06-15"],
                ["close", "2026-001", "--reason", "Décision de l'AG exécutée", "--on", "2026-06-15"]
            ], in: f)
        #expect(
            lines[0].hasPrefix(
                "Enregistré : vote de la cellule (2026-001, #52) — votant·es : Élise Fournier (M0007), Gaëlle Simon (M0009), Hugo Laurent (M0010) ; deux tiers non atteints.\n"
            ))
        // Each option's two-thirds arithmetic follows (blanks count among the votes cast).
        #expect(
            lines[0].contains(
                "  avertissement : 1 voix sur 3 bulletins, blancs compris : 33 % < 2/3 — non adopté (1 × 3 = 3 < 3 × 2 = 6 → deux tiers non atteints)\n"
            ), "\(lines[0])")
        #expect(
            lines[1].hasPrefix(
                "Enregistré : vote sur la réintégration (2026-001, #53) — votant·es : Élise Fournier (M0007), Gaëlle Simon (M0009), Hugo Laurent (M0010) ; deux tiers non atteints.\n"
            ))
        #expect(
            lines[3] == """
                Enregistré : vote de l'Assemblée générale (2026-001, #55) — l'Assemblée générale décide : avertissement.
                  avertissement : 31 voix sur 42 bulletins, blancs compris : 73 % ≥ 2/3 — adopté (31 × 3 = 93 ≥ 42 × 2 = 84 → deux tiers atteints)
                  radiation : 9 voix sur 42 bulletins, blancs compris : 21 % < 2/3 — non adopté (9 × 3 = 27 < 42 × 2 = 84 → deux tiers non atteints)

                """, "\(lines[3])")
        let status = try f.greffe(["status", "2026-001", "--as-of", "2026-07-01"])
        #expect(status.stdout.hasPrefix("Dossier 2026-001 — dossier clos\n"), "\(status.stdout)")
        #expect(status.stdout.contains("  décision : avertissement (le 2026-06-14)"))
    }

    @Test func anAppealTheAssemblyCannotSettleNeedsAResolution() throws {
        let f = try sampleStore(firstLines: 24)
        let lines = try record(
            [
                ["appeal", "2026-001", "--by", "M0004", "--companion", "Paul R.", "--on", "2026-03-10"],
                [
                    "ga", "vote", "2026-001", "--proposal", "warning", "--proposal", "reminder", "--votes",
                    "warning=20",
                    "--votes", "reminder=18", "--voters", "40", "--on", "2026-06-14"
                ],
                [
                    "ga", "reintegration-vote", "2026-001", "--votes", "immediate=19", "--votes", "probationary=19",
                    "--voters", "40", "--on", "2026-06-14"
                ],
                [
                    "ga", "resolve", "2026-001", "--outcome", "aucune sanction ; suspension levée", "--reason",
                    "le règlement est muet",
                    "--on", "2026-06-20"
                ],
                ["judgement", "execute", "2026-001", "--on", "2026-06-21"]
            ], in: f)
        #expect(
            lines[1].contains(
                "— deux tiers non atteints sur la sanction : selon les mêmes modalités que la cellule, l'Assemblée vote sur la réintégration immédiate ou probatoire (greffe ga reintegration-vote).\n"
            ))
        #expect(
            lines[1].contains(
                "  avertissement : 20 voix sur 38 bulletins, blancs compris : 52 % < 2/3 — non adopté (20 × 3 = 60 < 38 × 2 = 76 → deux tiers non atteints)\n"
            ), "\(lines[1])")
        #expect(
            lines[2].contains(
                "le règlement est muet, consigner une résolution sans sanction non votée (greffe ga resolve)"),
            "\(lines[2])")
        let status = try f.greffe(["status", "2026-001", "--as-of", "2026-07-01"])
        #expect(status.stdout.contains("  décision : aucune sanction (le 2026-06-20)"), "\(status.stdout)")
    }

    @Test func anAccusedWhoLeavesStopsTheProcedureUntilTheRadiation() throws {
        let f = try sampleStore(firstLines: 7) // up to the explanation request
        let lines = try record(
            [
                ["accused-left", "2026-001", "--member", "M0004", "--on", "2026-01-28"],
                ["radiation", "2026-001", "--member", "M0004", "--on", "2026-01-29"],
                [
                    "close", "2026-001", "--reason", "Départ sans participer ; radiation officialisée", "--on",
                    "2026-01-29"
                ]
            ], in: f)
        #expect(
            lines[0]
                == "Enregistré : départ de la personne mise en cause (2026-001, #41–#42) — Damien Roux (M0004) ; procédure arrêtée (R11, art. 5.6.7) : le Conseil officialise la radiation.\n"
        )
        #expect(lines[2] == "Enregistré : clôture du dossier (2026-001, #44).\n")
    }

    @Test func rapporteursActingAtOnceLoseNothing() throws {
        let f = try sampleStore(firstLines: 2) // complaint and board meeting
        // Eight processes add a piece of evidence to the same case at the same moment: each either records its piece
        // or is told to retry (75, nothing written); nothing is lost or doubled.
        let acts = (1...8).map { n in
            [
                "evidence", "2026-001", "--kind", "testimony", "--description", "Témoignage \(n)", "--on", "2026-01-12",
                "--id", "temoignage-\(n)"
            ]
        }
        let processes = try acts.map { act -> Process in
            let p = Process()
            p.executableURL = CLIFixture.binary
            p.arguments = act + ["--store", f.store]
            p.environment = ["PATH": "/usr/bin:/bin", "HOME": f.directory, "LANG": "C.UTF-8", "GREFFE_ACTOR": "M0002"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        processes.forEach { $0.waitUntilExit() }
        let codes = processes.map(\.terminationStatus)
        #expect(codes.allSatisfy { $0 == 0 || $0 == 75 }, "\(codes)")
        let history = try f.greffe(["history", "2026-001"]).stdout
        let recorded = history.components(separatedBy: "\n").filter { $0.contains("EvidenceAdded") }.count
        #expect(recorded == codes.filter { $0 == 0 }.count, "\(codes)\n\(history)")
        // Those told to retry run again, one by one, with the same key: every piece is then recorded exactly once.
        for (act, code) in zip(acts, codes) where code == 75 { expectExit(try f.greffe(act).status, .ok) }
        for act in acts { #expect(try f.greffe(act).stdout.hasPrefix("Déjà enregistré")) }
        let all = try f.greffe(["history", "2026-001"]).stdout.components(separatedBy: "\n")
        #expect(all.filter { $0.contains("EvidenceAdded") }.count == 8)
        expectExit(try f.greffe(["log", "verify"]).status, .ok)
    }

    @Test func everyCommandTypeHasItsSubcommand() {
        #expect(Set(CommandWords.subcommands.keys) == Set(CaseCommand.typeNames))
        #expect(
            CommandWords.rewrite("la joindre comme pièce (evidence.add)") == "la joindre comme pièce (greffe evidence)")
        #expect(CommandWords.rewrite("origin = rapporteurAndBoard") == "--origin board")
    }

    @Test func everyActHasItsArticleAndAnExampleInHelp() throws {
        let f = CLIFixture()
        // Every act but the draw's own two (they come with the draw, docs/draw.md).
        let acts = CommandWords.subcommands.filter { !["draw.announce", "draw.perform"].contains($0.key) }
            .map { $0.value.split(separator: " ").dropFirst().map(String.init) }
        #expect(acts.count == 36)
        for act in acts {
            let help = try f.greffe(act + ["--help"], withStore: false)
            expectExit(help.status, .ok)
            let text = help.stdout.replacingOccurrences(of: "\n", with: " ")
            #expect(
                text.range(of: #"art\. [0-9]"#, options: .regularExpression) != nil, "\(act) --help names no article")
            #expect(
                help.stdout.contains("  greffe " + act.joined(separator: " ") + " "), "\(act) --help has no example")
        }
    }
}
