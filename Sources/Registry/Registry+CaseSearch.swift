public import Discipline
import Foundation

/// A case found by `greffe cases --member` or `--search`, with why it was kept.
public struct CaseFound: Sendable {
    public var summary: CaseSummary
    /// The member's parts in the case (`--member`).
    public var involvements: [CaseState.Involvement] = []
    /// Where the searched text was found, in French and English (`--search`): « identifiant », « nom d'une partie »,
    /// « texte (ComplaintFiled) ».
    public var places: [(fr: String, en: String)] = []
}

extension Registry {
    /// The cases in which `member` is a party, a witness or a member of the crisis cell, each with its parts.
    public func cases(involving member: MemberID) throws -> [CaseFound] {
        try caseIndex().compactMap { summary in
            let parts = try loadCase(summary.id).state.involvements(of: member)
            return parts.isEmpty ? nil : CaseFound(summary: summary, involvements: parts)
        }
    }

    /// The cases whose id, parties' names or personal texts contain `text`, compared without case or accents. Texts
    /// are read through `reveal` (the key store): the facts, reasons, notes, grounds and every other sealed text of
    /// the case's records; a text whose key was destroyed (an erasure) is not searched.
    public func cases(matching text: String, reveal: Reveal) throws -> [CaseFound] {
        let needle = Self.folded(text)
        guard !needle.isEmpty else { return [] }
        let names = try displayNames(reveal)
        return try caseIndex().compactMap { summary in
            var places: [(fr: String, en: String)] = []
            if Self.folded(summary.id.rawValue).contains(needle) { places.append(("identifiant", "id")) }
            let loaded = try loadCase(summary.id)
            let parties = loaded.state.accused + loaded.state.complainants + loaded.state.victims
            if parties.contains(where: { party in
                Self.folded(party.id.rawValue).contains(needle)
                    || names[party.id].map { Self.folded($0).contains(needle) } == true
            }) {
                places.append(("nom d'une partie", "a party's name"))
            }
            var types: [String] = []
            for dated in loaded.events {
                let collector = TextCollector(reveal)
                let encoder = JSONEncoder()
                encoder.userInfo[.fieldRevealer] = collector
                _ = try encoder.encode(dated.event)
                if collector.texts.contains(where: { Self.folded($0).contains(needle) }),
                    !types.contains(dated.event.typeName)
                {
                    types.append(dated.event.typeName)
                }
            }
            if !types.isEmpty {
                let list = types.joined(separator: ", ")
                places.append(("texte (\(list))", "text (\(list))"))
            }
            return places.isEmpty ? nil : CaseFound(summary: summary, places: places)
        }
    }

    /// Lower case, without accents: how searched texts are compared.
    static func folded(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// Reveals the texts of one event being encoded and keeps them: the sealed fields only, not ids or type names.
private final class TextCollector: FieldRevealer, @unchecked Sendable {
    let reveal: Reveal
    var texts: [String] = []
    init(_ reveal: Reveal) { self.reveal = reveal }
    func revealed(_ value: Sealed) -> String {
        let text = reveal(value)
        if !reveal.isErased(value) { texts.append(text) }
        return text
    }
}
