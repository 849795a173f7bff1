import Discipline

extension LadderRulebook.Measure {
    /// The exception of this measure that `id` names (`nuisance-volontaire`), for its label in the rulebook's words
    /// (« nuit volontairement au bon fonctionnement du groupe »): outputs never show the id itself.
    func exception(_ id: String) -> LadderRulebook.Exception? { exceptions.first { $0.id == id } }
}
