public import Discipline
import EventLog
import Foundation

/// Something a mediation or a revocation waits for, as the agenda lists it (from the inline indexes).
public struct PathAgendaItem: Codable, Equatable, Sendable {
    /// `mediation 2026-M001`, `revocation 2026-R001`.
    public var subject: String
    public var rule: RuleID
    public var labelFr: String
    public var labelEn: String
    public var since: Day
    /// The day it falls due, when the text gives one.
    public var due: Day?
}

extension Registry {
    /// What the open mediations and revocations wait for (the text gives them no delay but a draw's publication day);
    /// with `asOf`, each folded from its acts dated up to that day.
    public func pathAgenda(asOf: Day? = nil) throws -> [PathAgendaItem] {
        let mediationIndex =
            try asOf.map { day in
                try self.mediationIndex().map { m in
                    let loaded = try loadMediation(m.id, asOf: day)
                    return MediationSummary(id: m.id, state: loaded.state, version: UInt64(loaded.events.count))
                }
            } ?? self.mediationIndex()
        let revocationIndex =
            try asOf.map { day in
                try self.revocationIndex().map { r in
                    let loaded = try loadRevocation(r.id, asOf: day)
                    return RevocationSummary(id: r.id, state: loaded.state, version: UInt64(loaded.events.count))
                }
            } ?? self.revocationIndex()
        let mediations = mediationIndex.flatMap { m in
            m.pending.map { p in
                PathAgendaItem(
                    subject: "mediation \(m.id)", rule: .R30, labelFr: p.labelFr, labelEn: p.labelEn,
                    since: p.since, due: p.due)
            }
        }
        let revocations = revocationIndex.compactMap { r -> PathAgendaItem? in
            guard let fr = r.pendingFr, let en = r.pendingEn, let since = r.since else { return nil }
            return PathAgendaItem(
                subject: "revocation \(r.id)", rule: .R32,
                labelFr: "\(fr) (\(r.holder?.rawValue ?? "?"), \(r.role.map(Self.frenchMandate) ?? "?"))",
                labelEn: "\(en) (\(r.holder?.rawValue ?? "?"), \(r.role?.rawValue ?? "?"))",
                since: since, due: nil)
        }
        // R31: the board puts a members' request into effect within 7 days of it.
        let requests = try requestIndex().compactMap { r -> PathAgendaItem? in
            let state = try asOf.map { try loadRequest(r.id, asOf: $0).state }
            let lodged = state?.lodgedOn ?? r.lodgedOn
            let done = state.map { $0.implemented != nil } ?? (r.caseID != nil)
            guard let lodged, !done else { return nil }
            let target = state?.lodging?.target ?? r.target
            return PathAgendaItem(
                subject: "request \(r.id)", rule: .R31,
                labelFr: "demande de procédure de gestion de crise (\(target?.rawValue ?? "?")) à mettre en œuvre",
                labelEn: "crisis procedure request (\(target?.rawValue ?? "?")) to put into effect",
                since: lodged, due: state?.due ?? r.due)
        }
        // R34: the GA's vote on a proposed amendment, then the one-month notice to all members (Article 9).
        let amendments = try amendmentIndex().compactMap { a -> PathAgendaItem? in
            let summary =
                try asOf.map { day in
                    let loaded = try loadAmendment(a.id, asOf: day)
                    return AmendmentSummary(id: a.id, state: loaded.state, version: UInt64(loaded.events.count))
                } ?? a
            guard let fr = summary.pendingFr, let en = summary.pendingEn, let since = summary.since else { return nil }
            let version = "\(summary.rulebook ?? "?") v\(summary.version.map(String.init) ?? "?")"
            return PathAgendaItem(
                subject: "amendment \(a.id)", rule: .R34, labelFr: "\(fr) (\(version))", labelEn: "\(en) (\(version))",
                since: since, due: summary.pendingFr == nil ? nil : (summary.votedOn == nil ? nil : summary.noticeDue))
        }
        // R37 → R11: an accused who resigned (or left) makes their open cases' Article 5.6.7 step due.
        return mediations + revocations + requests + amendments + (try departedAccusedAgenda(asOf: asOf))
            + (try nonPaymentAgenda(asOf: asOf)) + (try assemblyRequestAgenda(asOf: asOf))
    }
}

extension Registry {
    /// A mandate in the agenda's French label: the known ones in words (« membre du Conseil d'administration »), any
    /// other by the name it was given, never the stored id (`board-member`).
    static func frenchMandate(_ role: MandateRole) -> String {
        switch role {
        case .boardMember: "membre du Conseil d'administration"
        case .rapporteur: "rapporteur"
        case .moderator: "modérateur·rice"
        case .localRepresentative: "représentant·e local·e"
        case .other(let name): name
        }
    }
}
