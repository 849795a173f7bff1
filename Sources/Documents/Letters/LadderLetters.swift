import Discipline

/// The letter telling a person of a measure a charter's ladder took against them.
public struct LadderLetters {
    public var member: MemberID
    public var rulebook: LadderRulebook
    public var state: LadderState
    public var roster: [MemberID: MemberRecord]
    public var language: DocumentLanguage

    public init(
        member: MemberID, rulebook: LadderRulebook, state: LadderState, roster: [MemberRecord],
        language: DocumentLanguage
    ) {
        self.member = member
        self.rulebook = rulebook
        self.state = state
        self.roster = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.language = language
    }

    /// The last measure decided, told to the person, from `sender`.
    public func draft(from sender: MemberID?, on day: Day) throws(LetterError) -> LetterDraft {
        guard let last = state.measures.last else {
            throw .notAtThisStep(
                kind: .measure, fr: "aucune mesure décidée dans l'échelle \(rulebook.id) de \(member)",
                en: "no measure decided in \(member)'s \(rulebook.id) ladder")
        }
        guard let sender else {
            throw .notAtThisStep(
                kind: .measure, fr: "précisez qui l'envoie : --from MEMBRE",
                en: "say who sends it: --from MEMBER")
        }
        let to = try MailAddress.of(member, roster: roster)
        let from = try MailAddress.of(sender, roster: roster)
        let decision = last.measure
        let measure = rulebook.measures.first { $0.id == decision.measure }
        let channel = decision.channel ?? measure?.notification?.channels.first
        let fields: [String: any Sendable] = [
            "charte": rulebook.title, "date": LongDate.text(day, language), "destinataire": to.name,
            "expediteur": from.name,
            "mesure": measure.map { language == .fr ? $0.fr : $0.en } ?? decision.measure,
            "article": measure?.article ?? rulebook.rule, "citation": measure?.quote ?? "",
            "decidee_le": LongDate.text(last.day, language), "temporaire": decision.until != nil,
            "jusqu_au": decision.until.map { LongDate.text($0, language) } ?? "",
            "motif_donne": decision.reason != nil, "motif": decision.reason ?? "",
            "canal": channel.map { language == .fr ? $0.fr : $0.en } ?? language.t("courrier électronique", "e-mail")
        ]
        return LetterDraft(
            kind: .measure, rulebook: rulebook.id, from: from, to: [to], day: day,
            reference: "ladder/\(rulebook.id)/\(member.rawValue)/\(decision.measure)/\(day)",
            fields: fields, deadline: decision.until)
    }
}
