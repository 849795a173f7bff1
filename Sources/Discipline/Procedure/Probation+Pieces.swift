extension Probation {
    /// R27 (2.5, « limitée dans le temps et l'espace »): a probation given without its last day is refused as one
    /// without spaces or conditions is, under the same rule; a front end that cannot build it without the day says so
    /// with this refusal.
    public static let refusalWithoutEnd = Refusal(
        .R27, fr: "la probation doit être limitée dans le temps : son dernier jour manque (art. 2.5)",
        en: "a probation must be limited in time: its last day is missing (art. 2.5)",
        allowed: "donner probationUntil, les conditions et les espaces",
        allowedEn: "give probationUntil, the conditions and the spaces")
}

extension Proposal {
    /// The proposal with its probation's texts read by `reveal` and carried in clear: a proposal copied from a
    /// recorded act (the judgement an assembly confirms) is sealed again, at its own place, in the record it goes to.
    public func revealingTexts(with reveal: (Sealed) -> String) -> Proposal {
        var copy = self
        if var p = probation {
            p.conditions = p.conditions.map { .clear(reveal($0)) }
            p.spaces = p.spaces.map { .clear(reveal($0)) }
            copy.probation = p
        }
        return copy
    }
}
