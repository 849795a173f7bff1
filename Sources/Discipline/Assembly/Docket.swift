/// One matter a GA must hear, or a window that is still open on its day.
public struct DocketItem: Equatable, Sendable {
    public enum Matter: Equatable, Sendable {
        /// A party appealed (R23) on `on`, against the window that closes on `deadline`.
        case appeal(by: MemberID, on: Day, deadline: Day?, companion: Sealed?)
        /// The cell did not reach two-thirds in any vote: the decision goes to the nearest GA (R21).
        case referral(on: Day)
        /// A party may still appeal on the GA's day: the window closes on `until` (R23).
        case windowOpen(party: MemberID, until: Day)
    }

    /// A member who should not vote on this matter, and why.
    public struct Conflict: Equatable, Sendable {
        public var member: MemberID
        public var fr: String
        public var en: String
    }

    public var caseID: CaseID
    public var matter: Matter
    public var suspensions: [ActiveSuspension]
    public var questionFr: String
    public var questionEn: String
    public var conflicts: [Conflict]
}

/// The docket of a GA (5.6.10, 5.6.12): every appeal and referral it must hear, the windows still open on its day,
/// and the members with a conflict. Pure: the cases are given as they stood on the GA's day.
public enum Docket {
    public static func items(
        for assembly: Assembly, among assemblies: [Assembly], cases: [(id: CaseID, state: CaseState)],
        rulebook: Rulebook
    ) -> [DocketItem] {
        items(for: assembly, among: assemblies, cases: cases) { _ in rulebook }
    }

    /// The docket, each case read under its own rulebook version (R34).
    public static func items(
        for assembly: Assembly, among assemblies: [Assembly], cases: [(id: CaseID, state: CaseState)],
        rulebookOf: (CaseID) -> Rulebook
    ) -> [DocketItem] {
        var items: [DocketItem] = []
        // A matter is heard at the first GA whose agenda was open when it arose; if that GA did not settle it, it stays
        // on every later docket until a GA does.
        func heardBy(_ day: Day) -> Bool {
            Assembly.hearing(day, among: assemblies).map { $0.heldOn <= assembly.heldOn } ?? false
        }
        for (id, state) in cases.sorted(by: { $0.id < $1.id }) where !state.generalAssemblySettled {
            let rulebook = rulebookOf(id)
            let suspensions = state.activeSuspensions(on: assembly.heldOn)
            let conflicts = conflicts(state)
            let decided = decisionText(state, rulebook: rulebook)
            if let referral = state.referral, heardBy(referral.on) {
                let explicit = state.explicitDecisions.contains { $0.value.matter == .cellCannotBeFormed }
                items.append(
                    DocketItem(
                        caseID: id, matter: .referral(on: referral.on), suspensions: suspensions,
                        questionFr: (explicit
                            ? "La cellule de crise n'a pas pu être constituée (décision explicite du Conseil)"
                            : "La cellule de crise n'a atteint les deux tiers dans aucun vote")
                            + " : l'Assemblée statue à la majorité des deux tiers, selon les mêmes modalités (propositions : \(decided.fr)).",
                        questionEn: (explicit
                            ? "The crisis cell could not be formed (explicit decision of the board)"
                            : "The crisis cell reached two-thirds in no vote")
                            + ": the Assembly decides by two-thirds, with the same modalities (proposals: \(decided.en)).",
                        conflicts: conflicts))
            }
            for appeal in state.appeals where heardBy(appeal.on) {
                items.append(
                    DocketItem(
                        caseID: id,
                        matter: .appeal(
                            by: appeal.value.by, on: appeal.on,
                            deadline: state.appealDeadline(for: appeal.value.by, rulebook: rulebook),
                            companion: appeal.value.companion),
                        suspensions: suspensions,
                        questionFr:
                            "Recours de \(appeal.value.by) : confirmer ou réformer la décision (\(decided.fr)), à la majorité des deux tiers.",
                        questionEn:
                            "Appeal by \(appeal.value.by): confirm or overturn the decision (\(decided.en)), by two-thirds.",
                        conflicts: conflicts))
            }
            let appellants = Set(state.appeals.map(\.value.by))
            for letter in state.lettersReceived where !appellants.contains(letter.value.member) {
                if let until = state.appealDeadline(for: letter.value.member, rulebook: rulebook),
                    until >= assembly.heldOn
                {
                    items.append(
                        DocketItem(
                            caseID: id, matter: .windowOpen(party: letter.value.member, until: until),
                            suspensions: suspensions,
                            questionFr:
                                "Pas de recours à ce jour ; \(letter.value.member) peut encore faire appel jusqu'au \(until.frenchDescription) (il irait à l'Assemblée suivante).",
                            questionEn:
                                "No appeal so far; \(letter.value.member) may still appeal until \(until) (it would go to the next Assembly).",
                            conflicts: []))
                }
            }
        }
        return items
    }

    /// Members who sat in the case's cell, the parties and the rapporteur: they should not vote on it.
    static func conflicts(_ state: CaseState) -> [DocketItem.Conflict] {
        var out: [DocketItem.Conflict] = []
        var seen: Set<MemberID> = []
        func add(_ m: MemberID, _ fr: String, _ en: String) {
            guard seen.insert(m).inserted else { return }
            out.append(DocketItem.Conflict(member: m, fr: fr, en: en))
        }
        for p in state.accused { add(p.id, "personne mise en cause", "accused") }
        for p in state.victims { add(p.id, "victime", "victim") }
        for p in state.complainants { add(p.id, "plaignant·e", "complainant") }
        if let r = state.rapporteur?.rapporteur { add(r, "rapporteur", "rapporteur") }
        for m in (state.judgement?.value.cell ?? []) + state.cell {
            add(m, "a siégé dans la cellule de crise", "sat in the crisis cell")
        }
        return out
    }

    /// The decision under appeal, or the proposals of a referral, in words.
    static func decisionText(_ state: CaseState, rulebook: Rulebook) -> (fr: String, en: String) {
        func labels(_ ids: [String]) -> (fr: String, en: String) {
            let items = ids.map { id in rulebook.sanctions.first { $0.id == id } }
            let fr = zip(ids, items).map { $1?.fr ?? $0 }.joined(separator: ", ")
            let en = zip(ids, items).map { $1?.en ?? $0 }.joined(separator: ", ")
            return (fr.isEmpty ? "aucune sanction" : fr, en.isEmpty ? "no sanction" : en)
        }
        if let judgement = state.judgement { return labels(judgement.value.sanctions) }
        // Without a cell vote (the cell could not be formed), the sanctions the summary proposed.
        let proposals =
            state.cellVote.map { $0.value.proposals.flatMap(\.sanctions) }
            ?? state.summary?.value.proposedSanctions ?? []
        return labels(proposals)
    }
}
