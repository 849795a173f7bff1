/// The crisis-cell draw as the case sees it (R15): who is summoned, and whether a new draw is needed.
extension CaseState {
    /// The seating the recorded draw gives now: the first members of the recorded order (named from the announced
    /// pool) who are not already in the cell, not revoked by a party (R14) and have not declined, as many as the cell
    /// still lacks. Replacements are thus always the next members of the order; no new randomness is ever used.
    public var drawSeating: Result<CellSeating, DrawError>? {
        guard let draw = drawResult?.value, cell.count < drawTarget,
            let pool = draw.pool(announced: drawAnnouncement?.value)
        else { return nil }
        let unavailable = Set(cell).union(revoked).union(replaced).union(drawDeclined)
        return draw.seat(drawTarget - cell.count, pool: pool, unavailable: unavailable)
    }

    /// Drawn members summoned who have not yet answered present or declined.
    public var drawnPending: [MemberID] {
        if case .success(let seating)? = drawSeating { return seating.members }
        return []
    }

    /// The recorded order is exhausted before the cell is full: only a new announced draw can go on (R15).
    public var redrawRequired: Bool {
        if case .failure? = drawSeating { return true }
        return false
    }

    /// The recorded draw with the pool it was performed on (its members by name), when a draw was performed.
    public var announcedDraw: AnnouncedDraw? {
        drawResult.map { AnnouncedDraw($0.value, announcement: drawAnnouncement?.value) }
    }

    /// The draw pool for this case on `day`: every member eligible for the cell, in the canonical order of RFC 3797
    /// draws. The decider refuses an announcement whose pool is anything else, so nobody can leave a member out.
    public func cellPool(context: CaseContext, on day: Day, rulebook: Rulebook) -> [MemberID] {
        context.members.keys.filter {
            isEligibleForCell($0, context: context, on: day, rulebook: rulebook).isEmpty
        }.sorted(by: DrawPool.canonicalOrder)
    }
}
