extension Rulebook.SanctionID {
    /// « La révocation de tout membre mandaté » (4.5).
    public static let mandateRevocation = "mandate-revocation"
}

extension Rulebook {
    /// Two measures one decision cannot impose together, and why, in the text's words.
    public struct Contradiction: Equatable, Sendable {
        public var first: String
        public var second: String
        public var fr: String
        public var en: String
    }

    /// Measures that contradict each other (R27, art. 2.5 and 5.3): a reintegration restores what a radiation ends
    /// (« La radiation n'a pas de limite de temps »); it is « immédiate » or « probatoire » (« selon deux
    /// modalités »), not both; an immediate one restores « la participation et les responsabilités éventuelles »,
    /// which a suspension, a bar from responsibilities or the revocation of a mandate take away.
    public static let contradictions: [Contradiction] = {
        let radiation = SanctionID.radiation
        let immediate = SanctionID.immediateReintegration
        let probationary = SanctionID.probationaryReintegration
        let ends = (
            "la radiation n'a pas de limite de temps : elle exclut toute réintégration",
            "a radiation has no time limit: it excludes any reintegration"
        )
        let restores = (
            "la réintégration immédiate restaure la participation et les responsabilités éventuelles",
            "an immediate reintegration restores participation and any responsibilities"
        )
        return [
            Contradiction(first: radiation, second: immediate, fr: ends.0, en: ends.1),
            Contradiction(first: radiation, second: probationary, fr: ends.0, en: ends.1),
            Contradiction(
                first: immediate, second: probationary,
                fr: "la réintégration se choisit selon l'une des deux modalités, immédiate ou probatoire",
                en: "reintegration is either immediate or probationary, not both"),
            Contradiction(first: immediate, second: "suspension", fr: restores.0, en: restores.1),
            Contradiction(first: immediate, second: "responsibility-bar", fr: restores.0, en: restores.1),
            Contradiction(first: immediate, second: SanctionID.mandateRevocation, fr: restores.0, en: restores.1)
        ]
    }()

    /// The first contradiction among `sanctions`, if any.
    public static func contradiction(in sanctions: [String]) -> Contradiction? {
        let given = Set(sanctions)
        return contradictions.first { given.contains($0.first) && given.contains($0.second) }
    }
}
