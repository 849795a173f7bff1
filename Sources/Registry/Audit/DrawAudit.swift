public import Discipline
import EventLog

/// One recorded draw and its re-computation from its recorded inputs (R15).
public struct DrawAudit: Sendable {
    public var caseID: CaseID
    /// The sequence of the `DrawPerformed` record.
    public var sequence: UInt64
    /// The announcement in force when the draw was performed (`nil`: none was recorded before it).
    public var announcement: Dated<DrawAnnouncement>?
    public var performedOn: Day
    /// The draw as recorded, with the announced pool that names its members.
    public var draw: AnnouncedDraw
    public var verification: DrawVerification

    /// Re-computes `draw`, performed on `day`, against the announcement the case held just before it.
    public init(caseID: CaseID, sequence: UInt64, performedOn day: Day, draw: CellDraw, before: CaseState) {
        self.caseID = caseID
        self.sequence = sequence
        self.announcement = before.drawAnnouncement
        self.performedOn = day
        self.draw = AnnouncedDraw(draw, announcement: before.drawAnnouncement?.value)
        self.verification = CellDraw.verify(recorded: draw, announcement: before.drawAnnouncement?.value)
    }

    /// Announced strictly before every source's values became public.
    public var announcedBeforeEntropy: Bool {
        guard let announcement else { return false }
        return announcement.value.sources.allSatisfy { source in
            source.valuesKnownOn.map { announcement.on < $0 } ?? false
        }
    }

    /// Re-computed identically, publicly verifiable, and announced before the entropy was known.
    public var ok: Bool {
        if case .matches = verification { return draw.publiclyVerifiable && announcedBeforeEntropy }
        return false
    }

    /// Why the draw does not pass, first reason first (`nil` when it passes).
    public var problem: Words? {
        if case .differs(let found) = verification, let first = found.first {
            return Words("le recalcul diffère : \(first)", "the re-computation differs: \(first)")
        }
        if announcement == nil {
            return Words("aucune annonce n'a précédé le tirage", "no announcement preceded the draw")
        }
        if !draw.publiclyVerifiable {
            return Words(
                "tirage d'entraînement (aléa local) : non vérifiable publiquement",
                "practice draw (local randomness): not publicly verifiable")
        }
        if !announcedBeforeEntropy {
            return Words(
                "annoncé sans date de publication postérieure pour chaque source",
                "not announced before every source's publication day")
        }
        return nil
    }
}

extension Registry {
    /// Every recorded draw of a case, re-computed.
    public func drawAudits(of id: CaseID) throws -> [DrawAudit] { DrawAudit.all(in: try loadCase(id)) }
}

extension DrawAudit {
    /// Every draw performed in a loaded case (up to the day it was loaded as of), re-computed.
    public static func all(in loaded: LoadedCase) -> [DrawAudit] {
        let id = loaded.id
        var fold = CaseFold()
        var out: [DrawAudit] = []
        for (dated, record) in zip(loaded.events, loaded.records) {
            if case .drawPerformed(let draw) = dated.event {
                out.append(
                    DrawAudit(
                        caseID: id, sequence: record.sequence, performedOn: dated.on, draw: draw, before: fold.state))
            }
            fold.fold(CaseRecord(sequence: record.sequence, group: Registry.commandGroup(of: record), dated: dated))
        }
        return out
    }
}

extension DrawAudit {
    /// Re-computes a mediation's draw (5.4) against the announcement the mediation held just before it. The
    /// `caseID` field then carries the mediation's id.
    public init(mediation id: String, sequence: UInt64, performedOn day: Day, draw: CellDraw, before: MediationState) {
        self.caseID = CaseID(id)
        self.sequence = sequence
        self.announcement = before.announcement
        self.performedOn = day
        self.draw = AnnouncedDraw(draw, announcement: before.announcement?.value)
        self.verification = CellDraw.verify(recorded: draw, announcement: before.announcement?.value)
    }
}
