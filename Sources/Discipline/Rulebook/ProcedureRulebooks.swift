import Foundation

/// Which version of a procedure rulebook a record names: `cle-autistes-ri` v1.
public struct RulebookRef: Codable, Hashable, Sendable, CustomStringConvertible {
    public var id: String
    public var version: Int
    public init(id: String, version: Int) {
        self.id = id
        self.version = version
    }
    public init(_ book: Rulebook) { self.init(id: book.id, version: book.version) }
    public var description: String { "\(id) v\(version)" }
}

/// The procedure rulebooks of a store (R34, Article 9): the one Greffe starts with, and every version adopted since.
///
/// A case keeps the version in force when it opened: its complaint records it (`ComplaintFacts.rulebook`), and every
/// later command, deadline, vote and audit of the case reads that version, whatever was adopted after.
public struct ProcedureRulebooks: Equatable, Sendable {
    public struct Adoption: Equatable, Sendable {
        public var on: Day
        public var rulebook: Rulebook
        public init(on: Day, rulebook: Rulebook) {
            self.on = on
            self.rulebook = rulebook
        }
    }

    /// In force before any adoption (and for cases whose complaint predates recorded versions).
    public var base: Rulebook
    /// Adopted versions, in log order.
    public private(set) var adopted: [Adoption]

    public init(base: Rulebook, adopted: [Adoption] = []) {
        self.base = base
        self.adopted = adopted
    }

    public mutating func adopt(_ rulebook: Rulebook, on day: Day) {
        adopted.append(Adoption(on: day, rulebook: rulebook))
    }

    /// The version in force on `day`: the last one adopted on or before it, else the base.
    public func inForce(on day: Day) -> Rulebook {
        adopted.last { $0.on <= day }?.rulebook ?? base
    }

    /// The latest version adopted (else the base): what a screen with no case names.
    public var latest: Rulebook { adopted.last?.rulebook ?? base }

    /// The version a record names; no name means the base (a complaint recorded before versions were recorded).
    public func resolve(_ ref: RulebookRef?) -> Rulebook? {
        guard let ref else { return base }
        if let found = adopted.last(where: { RulebookRef($0.rulebook) == ref }) { return found.rulebook }
        return RulebookRef(base) == ref ? base : nil
    }

    /// The rulebook a case is evaluated under: the one its complaint recorded; before any complaint, the one in force
    /// on `day` (the complaint about to be filed records it), or the latest without a day. Nil when the complaint
    /// names a version this store does not hold.
    public func rulebook(for state: CaseState, on day: Day? = nil) -> Rulebook? {
        guard let complaint = state.complaint else { return day.map(inForce(on:)) ?? latest }
        return resolve(complaint.value.rulebook)
    }

    /// "cle-autistes-ri v1" or "cle-autistes-ri v1, v2 (adopted 2026-03-01)": what an audit report names.
    public var description: String {
        let versions = adopted.filter { RulebookRef($0.rulebook) != RulebookRef(base) }
        guard !versions.isEmpty else { return RulebookRef(base).description }
        return RulebookRef(base).description + ", "
            + versions.map { "\($0.rulebook.id) v\($0.rulebook.version) (\($0.on))" }.joined(separator: ", ")
    }

}
