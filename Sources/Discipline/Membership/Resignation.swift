public import Foundation

/// Article 2.2 (R37): a member resigns by e-mail to the board or by unsubscribing from the mailing list; « La démission
/// prend effet à la date d'envoi du courrier de démission » (the envelope's day); a member association gives « une
/// preuve de décision collective de démission » (minutes of its general assembly, or of a collective's meeting).
public enum ResignationDecider {
    /// « Courrier électronique adressé au Conseil d'administration » / « Désabonnement de la liste de diffusion ».
    public static let channels = ["email", "unsubscribed"]
    static func refuse(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
        Refusal(.R37, fr: fr, en: en, allowed: allowed, allowedEn: allowedEn)
    }

    /// The roster event of `record`'s resignation sent on `day`, or the refusal of the text.
    public static func decide(
        _ record: MemberRecord, via: String, collectiveDecision: String?, on day: Day
    )
        -> Result<MemberEvent, Refusal>
    {
        if day < record.joinedOn {
            return .failure(
                Refusal(
                    .order, fr: "la lettre ne précède pas l'adhésion (\(record.joinedOn.frenchDescription))",
                    en: "the letter cannot precede joining (\(record.joinedOn))"))
        }
        if let left = record.departedOn {
            return .failure(
                refuse(
                    "\(record.id) a déjà quitté l'association le \(left.frenchDescription)",
                    "\(record.id) already left on \(left)"))
        }
        if let radiated = record.radiatedOn {
            return .failure(
                refuse(
                    "\(record.id) est radié·e depuis le \(radiated.frenchDescription) : plus de démission possible",
                    "\(record.id) was radiated on \(radiated): no resignation any more"))
        }
        guard channels.contains(via) else {
            return .failure(
                refuse(
                    "démission par courriel au Conseil ou par désabonnement de la liste de diffusion, pas « \(via) »",
                    "resignation by e-mail to the board or by unsubscribing from the mailing list, not \(via)",
                    allowed: "--via courriel, --via desabonnement", allowedEn: "--via email, --via unsubscribed"))
        }
        let proof = collectiveDecision?.trimmingCharacters(in: .whitespacesAndNewlines)
        if record.kind == .association, via != "email" || (proof?.isEmpty ?? true) {
            return .failure(
                refuse(
                    "une association membre fournit dans son courrier « une preuve de décision collective de démission » (--via courriel --collective-decision)",
                    "a member association resigns by collective decision: give its proof (--collective-decision)",
                    allowed: "--collective-decision \"PV de l'AG du …\"",
                    allowedEn: "--collective-decision \"minutes of …\""))
        }
        return .success(
            .resigned(
                member: record.id, via: via,
                collectiveDecision: record.kind == .association ? proof.map(Sealed.clear) : nil))
    }

    /// The mandates a resignation effective on `day` ends that same day: every mandate of `record` still open (a
    /// member who left holds none; Article 4's mandates are held by members).
    public static func mandatesEnded(_ record: MemberRecord, on day: Day) -> [MemberEvent] {
        var seen: Set<MandateRole> = []
        return record.mandates.filter { $0.until == nil && seen.insert($0.role).inserted }
            .map { .mandateEnded(member: record.id, role: $0.role) }
    }
}
