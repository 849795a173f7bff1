import Discipline
import Foundation
import Registry

/// How members are named in a document: by name, or — for reading aloud or projecting — parties by their role
/// ("la personne mise en cause", "la victime") and everyone else by a neutral pseudonym ("Membre A").
public struct Naming {
    private var labels: [MemberID: String]
    /// Real names, e-mails and ids to replace in free text, longest first, with their replacement.
    private var replacements: [(String, String)]
    let pseudonymised: Bool
    /// Reads the sealed texts of the case and the names of the roster (the one reveal function).
    let reveal: Reveal

    func name(_ member: MemberID) -> String { labels[member] ?? (pseudonymised ? "—" : member.rawValue) }

    /// Free text (facts, defence, notes) with every real name replaced, when pseudonymised.
    func scrub(_ text: String) -> String {
        guard pseudonymised else { return text }
        var out = text
        for (needle, replacement) in replacements {
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: needle) + "(?![\\p{L}\\p{N}])"
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            out = regex.stringByReplacingMatches(
                in: out, range: NSRange(out.startIndex..., in: out),
                withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
        }
        return out
    }

    /// A sealed text of the case, revealed, with every real name replaced when pseudonymised.
    func scrub(_ text: Sealed) -> String { scrub(reveal(text)) }

    public init(
        state: CaseState, events: [DatedEvent], roster: [MemberRecord], pseudonymise: Bool, language l: Language,
        reveal: Reveal
    ) {
        pseudonymised = pseudonymise
        self.reveal = reveal
        let byID = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var labels: [MemberID: String] = [:]
        if !pseudonymise {
            for record in roster { labels[record.id] = "\(reveal(record.displayName)) (\(record.id))" }
            self.labels = labels
            self.replacements = []
            return
        }
        func numbered(_ ids: [MemberID], _ fr: String, _ en: String) {
            for (n, id) in ids.enumerated() where labels[id] == nil {
                labels[id] = l.t(fr, en) + (ids.count > 1 ? " \(n + 1)" : "")
            }
        }
        numbered(state.accused.map(\.id), "la personne mise en cause", "the accused")
        numbered(state.victims.map(\.id), "la victime", "the victim")
        numbered(state.complainants.map(\.id), "la personne plaignante", "the complainant")
        if let r = state.rapporteur?.rapporteur, labels[r] == nil { labels[r] = l.t("le rapporteur", "the rapporteur") }
        // Everyone else, in order of first appearance in the case.
        var next = 0
        func letter(_ n: Int) -> String {
            let scalars = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return n < scalars.count ? String(scalars[n]) : "\(scalars[n % scalars.count])\(n / scalars.count)"
        }
        for member in Naming.mentioned(in: events) where labels[member] == nil {
            labels[member] = l.t("Membre ", "Member ") + letter(next)
            next += 1
        }
        for record in roster where labels[record.id] == nil {
            labels[record.id] = l.t("Membre ", "Member ") + letter(next)
            next += 1
        }
        self.labels = labels
        var pairs: [(String, String)] = []
        for (id, label) in labels {
            pairs.append((id.rawValue, label))
            guard let record = byID[id] else { continue }
            let name = reveal(record.displayName)
            pairs.append((name, label))
            pairs.append((reveal(record.email), label))
            if record.kind == .person {
                for token in name.split(whereSeparator: { $0 == " " || $0 == "-" }) where token.count >= 3 {
                    pairs.append((String(token), label))
                }
            }
        }
        replacements = pairs.filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
    }

    /// Every member an event names, in order of first mention.
    static func mentioned(in events: [DatedEvent]) -> [MemberID] {
        var seen: Set<MemberID> = []
        var out: [MemberID] = []
        func add(_ ids: [MemberID]) { for id in ids where seen.insert(id).inserted { out.append(id) } }
        for dated in events {
            switch dated.event {
            case .reportRecorded(let p): add([p.reporter, p.relayedBy].compactMap { $0 } + p.concerning)
            case .complaintFiled(let p): add((p.complainants + p.accused + p.victims).map(\.id))
            case .boardMembersNotified(let p): add(p.notified)
            case .boardMet(let p): add(p.attendees + p.excludedAccused)
            case .rapporteurDesignated(let p): add([p.rapporteur])
            case .suspensionImposed(let p): add(p.accused)
            case .evidenceAdded(let p): add([p.witness].compactMap { $0 })
            case .victimHeard(let p): add([p.victim])
            case .answerReceived(let p): add([p.from])
            case .accusedLeft(let p): add([p.member])
            case .cellCalled(let p): add(p.called)
            case .volunteerAccepted(let p), .drawnMemberPresent(let p), .decisionLetterReceived(let p):
                add([p.member])
            case .drawnMemberDeclined(let p):
                add([p.member])
            case .memberRecused(let p): add([p.by, p.member])
            case .cellMemberReplaced(let p): add([p.member])
            case .drawAnnounced(let p): add(p.pool)
            case .summarySentToCell(let p): add(p.cell + p.victims)
            case .cellMet(let p): add(p.attendees)
            case .cellVoteHeld(let p), .reintegrationVoteHeld(let p): add(p.ballots.map(\.member))
            case .judgementRendered(let p): add(p.cell)
            case .appealLodged(let p): add([p.by])
            case .radiationAnnounced(let p): add([p.member])
            case .recordCorrected(let p): add(mentioned(in: p.events.map { DatedEvent(on: p.actDay, event: $0) }))
            default: break
            }
        }
        return out
    }
}
