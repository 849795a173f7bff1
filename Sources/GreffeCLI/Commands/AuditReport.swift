import ArgumentParser
import Discipline
import Documents
import EventLog
import Foundation
import Registry

extension GreffeCommand.Audit {
    /// `greffe audit report`: deadlines, votes and draws of every case (or one), for people.
    struct Report: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, md, json
        }

        static let configuration = CommandConfiguration(
            abstract:
                "Rapport d'audit : chaque délai (dû, fait, marge), chaque vote (bulletins, calcul des deux tiers), chaque tirage.",
            discussion: prose(
                """
                Pour chaque dossier (ou celui donné) : chaque délai du règlement avec le jour dû, le jour où c'est \
                fait et la marge — les délais manqués sont signalés ; chaque vote avec ses bulletins et le calcul \
                écrit en toutes lettres (2 × 3 = 6 ≥ 3 × 2 = 6 → deux tiers atteints), recompté et comparé à \
                l'enregistrement ; chaque tirage avec ses entrées (liste, sources, valeurs, chaîne-clé) et son \
                recalcul. Les refus ne sont pas dans le journal (ils n'écrivent rien) : le rapport le rappelle. \
                Les délais encore ouverts sont comptés au jour --as-of (défaut : aujourd'hui, ou GREFFE_TODAY).

                Exemples :
                  greffe audit report
                  greffe audit report 2026-001 --format md > rapport.md
                  greffe audit report --format json
                """))

        @OptionGroup var options: StoreOptions

        @Argument(help: "Identifiant du dossier (défaut : tous).")
        var caseID: String?

        @Option(help: "Format : text, md ou json.")
        var format: Format = .text

        @Option(
            name: .customLong("as-of"), help: ArgumentHelp("Jour de référence des délais ouverts.", valueName: "jour"))
        var asOf: Day?

        func run() throws {
            let l = options.language
            let registry = try options.readingRegistry()
            let day = try asOf ?? Today.resolve(timeZone: registry.rulebook.timeZone)
            let audits = try registry.caseAudits(only: caseID.map { CaseID($0) }, asOf: day)
            let rulebook = try registry.procedureRulebooks().description
            let reveal = try registry.reveal(words: l.revealWords)
            let names = try registry.displayNames(reveal)
            switch format {
            case .json:
                print(
                    try jsonText(
                        AuditReportJSON(
                            asOf: day.description, rulebook: rulebook, note: preamble(l),
                            cases: audits.map { CaseAuditJSON($0, l, reveal) })))
            case .text, .md:
                let md = format == .md
                var out =
                    md ? l.t("# Rapport d'audit\n\n", "# Audit report\n\n") : l.t("RAPPORT D'AUDIT\n", "AUDIT REPORT\n")
                let store = md ? MarkdownText.inline(options.storePath) : options.storePath
                let book = md ? MarkdownText.inline(rulebook) : rulebook
                out += l.t(
                    "Magasin \(store), règlement \(book), délais ouverts comptés au \(day).\n",
                    "Store \(store), rulebook \(book), open deadlines counted as of \(day).\n")
                out += (md ? "\n> " : "") + preamble(l) + "\n"
                if audits.isEmpty { out += l.t("\n(aucun dossier)\n", "\n(no cases)\n") }
                for audit in audits {
                    let book = (try? registry.rulebook(of: audit.id)) ?? registry.rulebook
                    out += audit.render(l, markdown: md, reveal, rulebook: book, names: names)
                }
                print(out, terminator: "")
            }
        }

        func preamble(_ l: Language) -> String {
            l.t(
                "Les refus ne figurent pas dans le journal : une commande refusée par une règle n'écrit rien. Ce rapport montre les actes enregistrés, recalculés.",
                "Refusals are not in the log: a command refused by a rule writes nothing. This report shows the recorded acts, re-computed."
            )
        }
    }
}

extension DeadlineAudit {
    func statusText(_ l: Language) -> String {
        switch state {
        case .met: return l.t("respecté", "met")
        case .missed: return breach ? l.t("⚠ MANQUÉ", "⚠ MISSED") : l.t("dépassé", "passed")
        case .open: return l.t("ouvert", "open")
        case .notStarted: return l.t("pas commencé", "not started")
        case .expired: return l.t("expiré (droit non exercé)", "expired (right not used)")
        }
    }

    func marginText(_ l: Language) -> String {
        guard let marginDays else { return "—" }
        switch state {
        case .open: return l.t("\(marginDays) j restant(s)", "\(marginDays) day(s) left")
        case .missed: return l.t("en retard de \(-marginDays) j", "\(-marginDays) day(s) late")
        default: return l.t("marge \(marginDays) j", "margin \(marginDays) day(s)")
        }
    }
}

extension VoteAudit.Kind {
    func text(_ l: Language) -> String {
        switch self {
        case .cellVote: l.t("vote de la cellule sur le jugement (R19)", "cell vote on the judgement (R19)")
        case .reintegrationVote:
            l.t("vote de la cellule sur la réintégration (R20)", "cell vote on reintegration (R20)")
        case .generalAssembly: l.t("vote de l'Assemblée générale (R24)", "general assembly vote (R24)")
        case .generalAssemblyReintegrationVote:
            l.t(
                "vote de l'Assemblée générale sur la réintégration (R24)",
                "general assembly vote on reintegration (R24)")
        }
    }
}

extension CaseAudit {
    /// `book` is the case's rulebook version (R34): its words name the sanctions and its threshold words the votes.
    /// `names`: the revealed names, shown beside the members' ids (issue 17).
    func render(
        _ l: Language, markdown md: Bool, _ reveal: Reveal, rulebook book: Rulebook,
        names: [MemberID: String] = [:]
    ) -> String {
        // In Markdown every value from the log is escaped (MarkdownText): it cannot inject HTML, a link or a row.
        func m(_ text: String) -> String { md ? MarkdownText.inline(text) : text }
        var out = "\n"
        let title = "\(m(id.rawValue)) — \(l == .fr ? step.fr : step.en)"
        out += md ? "## \(title)\n\n" : title + "\n"
        out += l.t(
            "ouvert le \(openedOn?.description ?? "—"), dernier acte le \(lastActOn?.description ?? "—"), \(records) enregistrement(s), règlement \(m(rulebook.description))\n",
            "opened \(openedOn?.description ?? "—"), last act \(lastActOn?.description ?? "—"), \(records) record(s), rulebook \(m(rulebook.description))\n"
        )
        out += md ? l.t("\n### Délais\n\n", "\n### Deadlines\n\n") : l.t("Délais\n", "Deadlines\n")
        if md {
            out += l.t(
                "| règle | délai | depuis | dû | fait | marge | état |\n|---|---|---|---|---|---|---|\n",
                "| rule | deadline | from | due | done | margin | state |\n|---|---|---|---|---|---|---|\n")
        }
        for d in deadlines {
            let cells = [
                d.rule.rawValue, m(l == .fr ? d.labelFr : d.labelEn), d.from?.description ?? "—",
                d.due?.description ?? "—",
                d.done?.description ?? "—", d.marginText(l), d.breach && md ? "**\(d.statusText(l))**" : d.statusText(l)
            ]
            out +=
                md
                ? "| " + cells.joined(separator: " | ") + " |\n"
                : "  \(cells[0])  \(cells[1]) — "
                    + l.t(
                        "dû \(cells[3]), fait \(cells[4]), \(cells[5]) : \(cells[6])\n",
                        "due \(cells[3]), done \(cells[4]), \(cells[5]): \(cells[6])\n")
        }
        out += md ? "\n### Votes\n\n" : "Votes\n"
        if votes.isEmpty {
            out += l.t(
                "  (aucun vote : décision par consensus ou pas encore de décision)\n",
                "  (no vote: consensus or no decision yet)\n")
        }
        for vote in votes { out += vote.render(l, markdown: md, rulebook: book) }
        if !cellReplacements.isEmpty {
            out +=
                md
                ? l.t("\n### Remplacements dans la cellule\n\n", "\n### Cell replacements\n\n")
                : l.t("Remplacements dans la cellule (art. 5.6.9)\n", "Cell replacements (art. 5.6.9)\n")
            for r in cellReplacements {
                out +=
                    (md ? "- " : "  ")
                    + "\(r.on) — \(m(Registry.named(r.value.member, names))) (\(r.value.ground.words(l))) : \(m(reveal(r.value.reason)))\n"
            }
        }
        if !rectifications.isEmpty {
            out +=
                md ? l.t("\n### Rectifications\n\n", "\n### Corrections\n\n") : l.t("Rectifications\n", "Corrections\n")
            for r in rectifications {
                let kind = r.withdrawn ? l.t("retrait", "withdrawal") : l.t("rectification", "correction")
                let list = r.records.map { "#\($0)" }.joined(separator: ", ")
                out +=
                    (md ? "- " : "  ")
                    + "#\(r.sequence) \(r.on) — \(kind) \(l.t("de", "of")) \(list) (\(m(Registry.named(MemberID(r.actor), names)))) : \(m(reveal(r.reason)))\n"
            }
        }
        out += md ? l.t("\n### Tirages au sort\n\n", "\n### Draws\n\n") : l.t("Tirages au sort\n", "Draws\n")
        if draws.isEmpty { out += l.t("  (aucun tirage)\n", "  (no draw)\n") }
        for draw in draws {
            // A code block shows the draw's text as typed; its fence is longer than any backtick run inside.
            let text = draw.text(l, names: names), fence = md ? MarkdownText.fence(for: text) + "\n" : ""
            out += fence + text + fence
        }
        return out
    }
}

extension VoteAudit {
    func render(_ l: Language, markdown md: Bool, rulebook book: Rulebook) -> String {
        func m(_ text: String) -> String { md ? MarkdownText.inline(text) : text }
        func words(_ id: String) -> String { VoteWords.option(id, proposals: proposals, rulebook: book, l) }
        let indent = md ? "- " : "  "
        var out =
            indent + "#\(sequence) \(on) — \(kind.text(l))"
            + l.t(", \(bodySize) votant·es\n", ", \(bodySize) voter(s)\n")
        let sub = md ? "  - " : "    "
        if !ballots.isEmpty {
            out +=
                sub + l.t("bulletins : ", "ballots: ")
                + ballots.map { "\(m($0.member.rawValue)) → \(m($0.option.map(words) ?? l.t("blanc", "blank")))" }
                .joined(separator: ", ") + "\n"
        } else {
            out +=
                sub + l.t("voix : ", "votes: ")
                + counts.map { "\(m(words($0.option))) \($0.votes)" }.joined(separator: ", ")
                + l.t(", blancs \(blanks)\n", ", blanks \(blanks)\n")
        }
        for option in recomputedTallies {
            let sum = VoteWords.arithmetic(option.tally, l)
            out +=
                sub + m(words(option.option)) + l.t(" : ", ": ")
                + VoteWords.plain(option.tally, threshold: book.twoThirds, l) + " (" + (md ? "`\(sum)`" : sum) + ")\n"
        }
        out +=
            sub
            + l.t(
                "adoptée : \(m(recomputedAdopted.map(words) ?? "aucune"))",
                "adopted: \(m(recomputedAdopted.map(words) ?? "none"))")
        out += (problem.map { " — ✗ " + $0.t(l) } ?? l.t(" — ✓ conforme à l'enregistrement", " — ✓ as recorded")) + "\n"
        return out
    }
}
