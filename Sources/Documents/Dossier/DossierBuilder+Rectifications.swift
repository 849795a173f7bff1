import Discipline
import Registry

extension DossierBuilder {
    /// « Rectifications »: every withdrawal and correction of the case, with what it touched, its reason and who
    /// recorded it (none: no section).
    func rectifications() -> Document.Section? {
        let l = language
        let rows: [[String]] = zip(loaded.events, loaded.records).compactMap { dated, record in
            let kind: String, records: [UInt64], reason: Sealed
            switch dated.event {
            case .recordWithdrawn(let w): (kind, records, reason) = (l.t("retrait", "withdrawal"), w.records, w.reason)
            case .recordCorrected(let c):
                (kind, records, reason) = (l.t("rectification", "correction"), c.records, c.reason)
            default: return nil
            }
            let now: String
            if case .recordCorrected(let c) = dated.event {
                now =
                    c.events.map { naming.scrub(words.sentence($0)) }.joined(separator: " ; ")
                    + l.t(" (le \(c.actDay.frenchDescription))", " (on \(c.actDay))")
            } else {
                now = l.t("réputé non enregistré", "read as not recorded")
            }
            return [
                dated.on.frenchDescription, "#\(record.sequence)", kind,
                records.map { "#\($0)" }.joined(separator: ", "),
                naming.scrub(reason), now, naming.name(MemberID(record.event.actor))
            ]
        }
        guard !rows.isEmpty else { return nil }
        return Document.Section(
            id: "rectifications", title: l.t("Rectifications", "Corrections"),
            blocks: [
                .paragraph(
                    l.t(
                        "Les erreurs matérielles se rectifient par un nouvel enregistrement : l'acte d'origine reste au registre, et le dossier se lit avec la rectification à sa place.",
                        "Clerical errors are corrected by a new record: the original act stays in the registry, and the case reads with the correction in its place."
                    )),
                .table(
                    caption: l.t(
                        "Chaque retrait et chaque rectification, avec sa raison",
                        "Every withdrawal and correction, with its reason"),
                    headers: [
                        l.t("Jour", "Day"), l.t("Registre", "Record"), l.t("Nature", "Kind"), l.t("Acte visé", "Act"),
                        l.t("Raison", "Reason"), l.t("Désormais", "Now"), l.t("Enregistré par", "Recorded by")
                    ],
                    rows: rows, highlighted: [])
            ])
    }

    /// The mark of a withdrawn or corrected record in the timeline.
    func amendmentMark(_ sequence: UInt64) -> String {
        guard let a = loaded.fold.amendments[sequence] else { return "" }
        return a.kind == .withdrawn
            ? language.t(" — « retiré » (#\(a.by))", " — \"withdrawn\" (#\(a.by))")
            : language.t(" — « rectifié » (#\(a.by))", " — \"corrected\" (#\(a.by))")
    }
}
