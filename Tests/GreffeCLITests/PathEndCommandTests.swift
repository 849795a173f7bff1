import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 14's ladder people and issue 20's last paths at the command line: each refusal exits with its code and
/// leaves the log's head as it was.
@Suite struct PathEndCommandTests {
    func ladderStore() throws -> CLIFixture {
        let f = try CLIFixture.withRoster()
        expectExit(try f.greffe(["rulebook", "adopt", "coopol-4", "--on", "2026-01-02"]).status, .ok)
        return f
    }

    @Test func person_aLadderIncidentAboutAFreeTextNameExits66WithCandidatesAndWritesNothing() throws {
        let f = try ladderStore()
        let head = try f.head()
        let unknown = try f.greffe([
            "ladder", "incident", "Mehdi Tazi", "--facts", "Propos injurieux", "--on", "2026-03-01"
        ])
        expectExit(unknown.status, .notFound)
        #expect(unknown.stderr.contains("personne inconnue : « Mehdi Tazi »"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("greffe ladder outsider add"), "\(unknown.stderr)")
        let english = try f.greffe(["ladder", "incident", "m0044", "--facts", "x", "--on", "2026-03-01", "--lang", "en"]
        )
        expectExit(english.status, .notFound)
        #expect(english.stderr.contains("did you mean M0004"), "\(english.stderr)")
        #expect(try f.head() == head)
        // A member named by their name is that member (issue 17: people by name), never a record of its own.
        let member = try f.greffe(["ladder", "incident", "Damien Roux", "--facts", "x", "--on", "2026-03-01"])
        expectExit(member.status, .ok, "\(member.stderr)")
        #expect(member.stdout.contains("M0004"), "\(member.stdout)")
    }

    @Test func person_anOutsiderIsCreatedListedNamedByIdAndErased() throws {
        let f = try ladderStore()
        let added = try f.greffe([
            "ladder", "outsider", "add", "Mehdi Tazi", "--contact", "mehdi@exemple.org",
            "--note", "usager de l'accueil", "--on", "2026-03-01"
        ])
        expectExit(added.status, .ok, "\(added.stderr)")
        #expect(added.stdout.contains("Personne extérieure X0001 créée"), "\(added.stdout)")
        let list = try f.greffe(["ladder", "outsider", "list"])
        #expect(list.stdout.contains("X0001  Mehdi Tazi  mehdi@exemple.org  — usager de l'accueil"), "\(list.stdout)")
        let incident = try f.greffe(["ladder", "incident", "X0001", "--facts", "Propos injurieux", "--on", "2026-03-02"]
        )
        expectExit(incident.status, .ok, "\(incident.stderr)")
        #expect(incident.stdout.contains("Dossier d'échelle ouvert : X0001 sous coopol-4"), "\(incident.stdout)")
        // The split-history defect: the same person typed again is refused (65), naming the id; nothing is written.
        let head = try f.head()
        let again = try f.greffe([
            "ladder", "incident", "--outsider", "mehdi  TAZI", "--contact", "autre@exemple.org",
            "--facts", "Même personne", "--on", "2026-03-03"
        ])
        expectExit(again.status, .refused)
        #expect(again.stderr.contains("X0001"), "\(again.stderr)")
        let noContact = try f.greffe(["ladder", "outsider", "add", "Lina Haddad", "--on", "2026-03-03"])
        expectExit(noContact.status, .refused)
        #expect(noContact.stderr.contains("--contact"), "\(noContact.stderr)")
        let offRoster = try f.greffe([
            "ladder", "outsider", "add", "Lina Haddad", "--contact", "l@exemple.org", "--as", "nobody"
        ])
        expectExit(offRoster.status, .notFound)
        #expect(try f.head() == head)
        // Created with its first incident.
        let both = try f.greffe([
            "ladder", "incident", "--outsider", "Lina Haddad", "--contact", "l@exemple.org",
            "--facts", "Insultes", "--on", "2026-03-04"
        ])
        expectExit(both.status, .ok, "\(both.stderr)")
        #expect(both.stdout.contains("Personne extérieure X0002 créée"), "\(both.stdout)")
        // Erased like a member: the name reads as erased.
        let erase = try f.greffe([
            "privacy", "erase", "X0001", "--reason", "demande de la personne", "--on", "2026-03-05"
        ])
        expectExit(erase.status, .ok, "\(erase.stderr)")
        let after = try f.greffe(["ladder", "outsider", "list"])
        #expect(!after.stdout.contains("Mehdi"), "\(after.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R38_theNoticeTheAgendaAndApplyDueAtTheCommandLine() throws {
        let f = try CLIFixture.withRoster()
        // M0011 paid 2025 only.
        let notice = try f.greffe(["members", "notice", "M0011", "--year", "2026", "--on", "2026-01-10"])
        expectExit(notice.status, .ok, "\(notice.stderr)")
        #expect(notice.stdout.contains("radiation due le 2026-03-10"), "\(notice.stdout)")
        let agenda = try f.greffe(["agenda", "--as-of", "2026-03-01"])
        #expect(agenda.stdout.contains("radiation de M0011 due"), "\(agenda.stdout)")
        let head = try f.head()
        let early = try f.greffe(["members", "radiate", "M0011", "--on", "2026-03-09"])
        expectExit(early.status, .refused)
        #expect(early.stderr.contains("R38"), "\(early.stderr)")
        let dry = try f.greffe(["members", "apply-due", "--on", "2026-03-10", "--dry-run"])
        expectExit(dry.status, .ok, "\(dry.stderr)")
        #expect(dry.stdout.contains("Simulation"), "\(dry.stdout)")
        #expect(try f.head() == head)
        let applied = try f.greffe(["members", "apply-due", "--on", "2026-03-10"])
        expectExit(applied.status, .ok, "\(applied.stderr)")
        #expect(
            applied.stdout.contains("Radiation de Inès Garcia (M0011) pour non-paiement de la cotisation 2026"),
            "\(applied.stdout)")
        let show = try f.greffe(["members", "show", "M0011"])
        #expect(show.stdout.contains("10/03/2026") || show.stdout.contains("2026-03-10"), "\(show.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R39_aGeneralAssemblyRequestedByAQuarterOfTheMembers() throws {
        let f = try CLIFixture.withRoster()
        let head = try f.head()
        let few = try f.greffe(["ga", "request", "--signatory", "M0004", "--signatory", "M0005", "--on", "2026-03-02"])
        expectExit(few.status, .refused)
        #expect(few.stderr.contains("R39"), "\(few.stderr)")
        let twice = try f.greffe([
            "ga", "request", "--signatory", "M0004", "--signatory", "M0004", "--signatory", "M0005",
            "--signatory", "M0006", "--on", "2026-03-02"
        ])
        expectExit(twice.status, .refused)
        #expect(try f.head() == head)
        let done = try f.greffe([
            "ga", "request", "--signatory", "M0004", "--signatory", "M0005", "--signatory", "M0006",
            "--signatory", "M0007", "--motive", "defiance", "--on", "2026-03-02"
        ])
        expectExit(done.status, .ok, "\(done.stderr)")
        #expect(done.stdout.contains("2026-A001"), "\(done.stdout)")
        #expect(done.stdout.contains("→ un quart atteint"), "\(done.stdout)")
        let agenda = try f.greffe(["agenda", "--as-of", "2026-03-03"])
        #expect(agenda.stdout.contains("Assemblée générale demandée par 4 membres"), "\(agenda.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func R37_resignEndsTheMandatesAndPathActsTakeAnId() throws {
        let f = try CLIFixture.withRoster()
        let resign = try f.greffe([
            "members", "resign", "M0002", "--via", "courriel", "--on", "2026-02-10", "--id", "resign-M0002"
        ])
        expectExit(resign.status, .ok, "\(resign.stderr)")
        #expect(
            resign.stdout.contains("mandat membre du Conseil d'administration terminé le 2026-02-10"),
            "\(resign.stdout)")
        let head = try f.head()
        let again = try f.greffe([
            "members", "resign", "M0002", "--via", "courriel", "--on", "2026-02-10", "--id", "resign-M0002"
        ])
        expectExit(again.status, .ok)
        #expect(again.stderr.contains("déjà appliquée"), "\(again.stderr)")
        let freeText = try f.greffe(["members", "resign", "M0007", "--via", "courriel", "--id", "Élise part fâchée"])
        expectExit(freeText.status, .usage)
        #expect(try f.head() == head)
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func recorder_everyPathAndLadderActNamesAMemberOnTheRoster() throws {
        let f = try ladderStore()
        let head = try f.head()
        let acts: [[String]] = [
            ["ladder", "incident", "M0004", "--facts", "x", "--on", "2026-03-01"],
            ["ladder", "measure", "M0004", "remarque", "--by", "secretaire-section=M0006", "--on", "2026-03-01"],
            ["ladder", "outsider", "add", "Mehdi Tazi", "--contact", "m@exemple.org", "--on", "2026-03-01"],
            ["mediation", "open", "--party", "M0004", "--party", "M0007", "--facts", "Désaccord", "--on", "2026-03-01"],
            [
                "revocation", "open", "--holder", "M0003", "--role", "board-member", "--ground", "breach", "--facts",
                "x", "--on", "2026-03-01"
            ],
            [
                "request", "lodge", "--target", "M0006", "--signatory", "M0004", "--signatory", "M0005", "--signatory",
                "M0007",
                "--signatory", "M0008", "--signatory", "M0009", "--motive", "harm", "--facts", "x", "--on", "2026-03-01"
            ],
            ["members", "resign", "M0007", "--via", "courriel", "--on", "2026-03-01"],
            ["members", "notice", "M0011", "--year", "2026", "--on", "2026-03-01"],
            [
                "ga", "request", "--signatory", "M0004", "--signatory", "M0005", "--signatory", "M0006", "--on",
                "2026-03-01"
            ],
            ["ga", "schedule", "--on", "2026-06-20"],
            ["privacy", "erase", "M0012", "--reason", "demande", "--on", "2026-03-01"]
        ]
        for act in acts {
            for who in ["nobody", " "] {
                let run = try f.greffe(act + ["--as", who])
                #expect(run.status == 66 || run.status == 64, "\(act) --as \(who): \(run.status) \(run.stderr)")
                #expect(run.stderr.contains("enregistre"), "\(act): \(run.stderr)")
            }
        }
        #expect(try f.head() == head)
    }
}
