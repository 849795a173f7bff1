import ArgumentParser
import Discipline
import EventLog
import Foundation
import Registry

/// Article 2.3 (R38): the renewal notice, the radiation when due, a member association's warning and suspension.
extension GreffeCommand.Members {
    static let nonPaymentSubcommands: [any ParsableCommand.Type] = [
        Notice.self, ApplyDue.self, Warn.self, Suspend.self, Radiate.self
    ]

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notice",
            abstract: "Premier avis de renouvellement de la cotisation (art. 2.3, R38) : ouvre le délai de deux mois.",
            discussion: prose(
                """
                « Si, deux mois après un premier avis de renouvellement de la cotisation annuelle […] le membre ne paie
                pas sa cotisation » : l'avis enregistré (--on, le jour de l'envoi) fixe l'échéance, visible dans greffe
                agenda et le calendrier .ics. Pour un membre individuel, la radiation est alors due (greffe members
                apply-due l'enregistre) ; pour une association membre, l'avertissement (greffe members warn). Une
                cotisation payée entre-temps éteint la procédure. Refus en 65, membre inconnu en 66, rien n'est écrit.

                Exemples :
                  greffe members notice m011 --year 2026 --on 2026-01-10 --as m001
                  greffe members notice a001 --year 2026 --on 2026-01-10 --as m001
                """))
        @OptionGroup var path: PathActOptions
        @Argument(help: "Le membre.") var member: MemberID
        @Option(help: ArgumentHelp("L'année de cotisation à renouveler.", valueName: "année")) var year: Int

        func run() throws {
            try nonPaymentAct(path, member: member, year: year, .sendNotice(year: year))
        }
    }

    struct ApplyDue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply-due",
            abstract:
                "Enregistre les radiations pour non-paiement échues (art. 2.3) : un acte par membre, jamais en silence.",
            discussion: prose(
                """
                « Radiation automatique de l'association et des outils de communication internes » : chaque membre
                individuel dont l'avis date de plus de deux mois et dont la cotisation reste impayée est radié par un
                acte enregistré ce jour (NonPaymentRadiated et MemberRadiated). --dry-run les liste sans rien écrire.

                Exemples :
                  greffe members apply-due --dry-run
                  greffe members apply-due --on 2026-03-10 --as m001
                """))
        @OptionGroup var path: PathActOptions

        func run() throws {
            let l = path.language
            let registry = try path.options.registry()
            let day = try path.act.day(rulebook: registry.rulebook)
            let done = try registry.applyDueRadiations(on: day, recording: try path.recording, dryRun: path.dryRun)
            let name = try registry.namer(of: done.map(\.member), l)
            var lines = done.map { d in
                l.t(
                    "Radiation de \(name(d.member)) pour non-paiement de la cotisation \(d.year) enregistrée le \(day.frenchDescription) (art. 2.3)",
                    "\(name(d.member)) radiated for non-payment of the \(d.year) dues on \(day) (art. 2.3)")
            }
            if lines.isEmpty { lines = [l.t("Aucune radiation due ce jour.", "No radiation due that day.")] }
            try path.report(
                stream: "dues/", id: done.map(\.member.rawValue).joined(separator: ","),
                types: done.flatMap { $0.events.map(\.typeName) }, lines: lines,
                sequences: done.flatMap { $0.records.map(\.sequence) })
        }
    }

    struct Warn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "warn",
            abstract: "Avertissement à une association membre qui n'a pas payé (art. 2.3), deux mois après l'avis.",
            discussion: prose(
                """
                Exemples :
                  greffe members warn a001 --form ecrit --on 2026-03-12 --as m001
                """))
        @OptionGroup var path: PathActOptions
        @Argument(help: "L'association membre.") var member: MemberID
        @Option(help: ArgumentHelp("ecrit ou oral (written, oral).", valueName: "forme")) var form: String
        @Option(help: ArgumentHelp("L'année de cotisation (défaut : la dernière procédure).", valueName: "année"))
        var year: Int?

        func run() throws {
            let forms = ["ecrit": "written", "écrit": "written", "written": "written", "oral": "oral", "verbal": "oral"]
            guard let raw = forms[form.lowercased()], let chosen = NonPaymentWarning.Form(rawValue: raw) else {
                throw ValidationError("--form : ecrit ou oral / written or oral")
            }
            try nonPaymentAct(path, member: member, year: year, .warn(NonPaymentWarning(form: chosen)))
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend",
            abstract: "Vote du Conseil sur la suspension d'une association membre (art. 2.3) : deux tiers, en entiers.",
            discussion: prose(
                """
                « En l'absence de réponse, le conseil d'administration de CLE Autistes peut décider, à une majorité des
                deux tiers, de suspendre l'adhésion de l'association. » Bulletins suspend, keep ou blanc, des membres du
                Conseil ce jour.

                Exemples :
                  greffe members suspend a001 --ballot m001=suspend --ballot m002=suspend --ballot m003=keep --on 2026-03-20 --as m001
                """))
        @OptionGroup var path: PathActOptions
        @Argument(help: "L'association membre.") var member: MemberID
        @OptionGroup var ballots: BallotOptions
        @Option(help: ArgumentHelp("L'année de cotisation (défaut : la dernière procédure).", valueName: "année"))
        var year: Int?

        func run() throws {
            let options = ["suspend": "suspend", "suspendre": "suspend", "keep": "keep", "maintenir": "keep"]
            try nonPaymentAct(
                path, member: member, year: year,
                .voteSuspension(ballots: ballots.ballots { options[$0.lowercased()] ?? $0 }))
        }
    }

    struct Radiate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "radiate",
            abstract:
                "Radiation pour non-paiement (art. 2.3) : un membre à l'échéance, une association après sa suspension.",
            discussion: prose(
                """
                Exemples :
                  greffe members radiate m011 --on 2026-03-10 --as m001
                  greffe members radiate a001 --on 2026-04-01 --as m001
                """))
        @OptionGroup var path: PathActOptions
        @Argument(help: "Le membre.") var member: MemberID
        @Option(help: ArgumentHelp("L'année de cotisation (défaut : la dernière procédure).", valueName: "année"))
        var year: Int?

        func run() throws {
            try nonPaymentAct(path, member: member, year: year, .radiate)
        }
    }
}

/// Records one act of Article 2.3 and prints it.
func nonPaymentAct(_ path: PathActOptions, member: MemberID, year: Int?, _ command: NonPaymentCommand) throws {
    let l = path.language
    let registry = try path.options.registry()
    let day = try path.act.day(rulebook: registry.rulebook)
    let done = try registry.performNonPayment(
        command, member: member, year: year, on: day, recording: try path.recording,
        dryRun: path.dryRun)
    var voters: [MemberID] = []
    for case .suspensionVoted(let v) in done.events { voters += v.ballots.map(\.member) }
    let name = try registry.namer(of: [member] + voters, l)
    let who = name(member)
    var lines: [String] = []
    for event in done.events {
        switch event {
        case .noticeSent(let n):
            lines.append(
                n.isAssociation
                    ? l.t(
                        "Avis de renouvellement \(n.year) à \(who) enregistré le \(day.frenchDescription) ; avertissement dû le \(n.due.frenchDescription) si la cotisation reste impayée (art. 2.3)",
                        "\(n.year) renewal notice to \(who) recorded on \(day); warning due on \(n.due) if the dues stay unpaid (art. 2.3)"
                    )
                    : l.t(
                        "Avis de renouvellement \(n.year) à \(who) enregistré le \(day.frenchDescription) ; radiation due le \(n.due.frenchDescription) si la cotisation reste impayée (art. 2.3)",
                        "\(n.year) renewal notice to \(who) recorded on \(day); radiation due on \(n.due) if the dues stay unpaid (art. 2.3)"
                    ))
        case .warned(let w):
            lines.append(
                l.t(
                    "Avertissement (\(w.form == .written ? "écrit" : "oral")) à \(who) enregistré le \(day.frenchDescription)",
                    "Warning (\(w.form.rawValue)) to \(who) recorded on \(day)"))
        case .suspensionVoted(let v):
            lines.append(
                l.t(
                    "Vote du Conseil : \(v.tally.arithmetic) — \(v.suspended ? "adhésion de \(who) suspendue" : "pas de suspension")",
                    "Board vote: \(v.tally.arithmetic) — \(v.suspended ? "membership of \(who) suspended" : "no suspension")"
                )
                    + l.t(" ; votant·es : ", "; voters: ") + v.ballots.map { name($0.member) }.joined(separator: ", "))
        case .radiated(let r):
            lines.append(
                l.t(
                    "Radiation de \(who) pour non-paiement de la cotisation \(r.year) enregistrée le \(day.frenchDescription) (due le \(r.dueOn.frenchDescription))",
                    "\(who) radiated for non-payment of the \(r.year) dues on \(day) (due on \(r.dueOn))"))
        }
    }
    try path.report(
        stream: Registry.duesStream(member, year: done.year), id: member.rawValue,
        types: done.events.map(\.typeName) + done.records.dropFirst(done.events.count).map(\.type),
        lines: lines, sequences: done.records.map(\.sequence))
}

extension GreffeCommand {
    /// Article 3.2 (R39): a quarter of the members with dues under a year convene a general assembly.
    struct AssemblyRequestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract:
                "Demande d'Assemblée générale par au moins un quart des membres (art. 3.2, R39), mise à l'agenda.",
            discussion: prose(
                """
                « Au moins un quart des membres ayant une cotisation de moins d'un an peuvent convoquer une assemblée
                générale pour tout motif listé à l'article 15 des statuts et pour toute défiance envers le Conseil
                d'administration. » Chaque signataire est dans la liste des adhésions, une seule fois, avec une
                cotisation de moins d'un an ce jour ; le quart se calcule en entiers (signataires × 4 ≥ membres × 1).
                Le Conseil convoque l'Assemblée (greffe ga schedule) dans les 7 jours : l'agenda le montre jusque-là.

                Exemples :
                  greffe ga request --signatory m004 --signatory m005 --signatory m006 --motive defiance --on 2026-03-02 --as m001
                """))
        @OptionGroup var path: PathActOptions
        @Option(name: .customLong("signatory"), help: ArgumentHelp("Un signataire (répétable).", valueName: "membre"))
        var signatories: [MemberID] = []
        @Option(help: ArgumentHelp("defiance (envers le Conseil) ou statuts (article 15).", valueName: "motif"))
        var motive: String = "defiance"

        func run() throws {
            let l = path.language
            let motives: [String: AssemblyRequest.Motive] = [
                "defiance": .distrust, "défiance": .distrust, "distrust": .distrust,
                "statuts": .statutes, "statutes": .statutes
            ]
            guard let chosen = motives[motive.lowercased()] else {
                throw ValidationError("--motive : defiance ou statuts / distrust or statutes")
            }
            let registry = try path.options.registry()
            let day = try path.act.day(rulebook: registry.rulebook)
            let done = try registry.requestAssembly(
                signatories: signatories, motive: chosen, on: day, recording: try path.recording,
                dryRun: path.dryRun)
            let lines = [
                l.t(
                    "Demande d'Assemblée générale \(done.id) enregistrée le \(day.frenchDescription) : \(signatories.count) signataires (\(chosen == .distrust ? "défiance envers le Conseil" : "motif de l'article 15 des statuts"))",
                    "General assembly request \(done.id) recorded on \(day): \(signatories.count) signatories (\(chosen == .distrust ? "distrust of the board" : "a motive of Article 15 of the statutes"))"
                ),
                l.t(
                    "  un quart des membres à cotisation de moins d'un an : \(done.request.arithmetic)",
                    "  a quarter of the members with dues under a year: \(done.request.arithmetic)"),
                l.t(
                    "  à convoquer par le Conseil au plus tard le \(done.request.due.frenchDescription) (greffe ga schedule)",
                    "  the board convenes it by \(done.request.due) (greffe ga schedule)")
            ]
            try path.report(
                stream: Registry.assemblyRequestStream(done.id), id: done.id, types: [AssemblyRequest.typeName],
                lines: lines, sequences: done.records.map(\.sequence))
        }
    }
}
