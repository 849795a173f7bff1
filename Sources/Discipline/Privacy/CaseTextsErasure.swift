/// A legal reason to erase a case's texts before their retention has run out, or although a radiation keeps them
/// without a time limit. Never an open case: the procedure still needs its texts.
public enum ErasureOverride: String, Codable, CaseIterable, Sendable {
    /// The person concerned asked for the erasure and the board granted it (Article 6: the right « de les effacer »;
    /// GDPR art. 17(1)).
    case erasureRequest = "erasure-request"
    /// A court or the data-protection authority (the CNIL) ordered it.
    case authorityOrder = "authority-order"

    public var fr: String {
        switch self {
        case .erasureRequest: "demande d'effacement accordée (art. 6, RGPD art. 17.1)"
        case .authorityOrder: "décision de justice ou de l'autorité de contrôle (CNIL)"
        }
    }

    public var en: String {
        switch self {
        case .erasureRequest: "erasure request granted (art. 6, GDPR art. 17(1))"
        case .authorityOrder: "order of a court or of the supervisory authority (CNIL)"
        }
    }
}

/// R35: the erasure of a case's texts (`CaseTextsErased`), recorded in the case's stream when its key is destroyed.
/// It names no one and holds no text of the case: who asked (a member id), why (a reason that must name nobody), and
/// the retention rule that made the texts due — the day the case ended, the retention period of the rulebook, the day
/// the texts became due (none when a radiation keeps them without a time limit), and the legal reason when erased
/// before that day.
public struct CaseTextsErasure: Codable, Equatable, Sendable {
    /// Why, in words that name no one (kept in clear: the key that could seal it is the one destroyed).
    public var reason: String
    /// Who asked, when a member did.
    public var requestedBy: MemberID?
    /// The day the case ended (closed, or stopped when the accused left).
    public var endedOn: Day
    /// How long the rulebook keeps a case's texts after it ended (`retention.caseTexts`).
    public var retention: Rulebook.Period
    /// The day the texts became due; `nil` when a radiation keeps them without a time limit.
    public var dueOn: Day?
    /// The legal reason to erase before `dueOn` (or a radiation's texts), when one was relied upon.
    public var override: ErasureOverride?

    public init(
        reason: String, requestedBy: MemberID? = nil, endedOn: Day, retention: Rulebook.Period, dueOn: Day?,
        override: ErasureOverride? = nil
    ) {
        self.reason = reason
        self.requestedBy = requestedBy
        self.endedOn = endedOn
        self.retention = retention
        self.dueOn = dueOn
        self.override = override
    }
}

/// R35 (art. 6): whether a case's texts may be erased on a day, as a pure function of the case, the rulebook's
/// retention and the day. The texts are due once the case has ended and the rulebook's `caseTexts` period has run
/// out after that day (``RetentionDecider``); a case that ended in a radiation keeps them without a time limit when
/// the rulebook says so. Before that, only an explicit legal reason (``ErasureOverride``) erases them; an open case,
/// never.
public enum CaseTextsEraser {
    public static func decide(
        _ state: CaseState, reason: String, requestedBy: MemberID?, override: ErasureOverride?, rulebook: Rulebook,
        on day: Day
    ) -> Result<CaseEvent, Refusal> {
        func refusal(_ fr: String, _ en: String, allowed: String? = nil, allowedEn: String? = nil) -> Refusal {
            Refusal(
                .R35, fr: "\(fr) (art. 6)", en: "\(en) (art. 6)", allowed: allowed, allowedEn: allowedEn)
        }
        if let erased = state.textsErased {
            return .failure(
                refusal(
                    "les textes de ce dossier sont déjà effacés (le \(erased.on.frenchDescription))",
                    "the texts of this case are already erased (on \(erased.on))"))
        }
        if reason.allSatisfy(\.isWhitespace) {
            return .failure(
                refusal(
                    "un effacement dit pourquoi (--reason), sans nommer personne : fin de la conservation, demande de la personne…",
                    "an erasure says why (--reason), naming no one: retention ended, the person's request…"))
        }
        guard let ended = state.closed?.on ?? state.stopped?.on, ended <= day else {
            return .failure(
                refusal(
                    "le dossier n'est pas terminé au \(day.frenchDescription) : ses textes sont gardés tant qu'il est ouvert, puis pendant la durée de conservation du règlement",
                    "the case has not ended on \(day): its texts are kept while it is open, then for the rulebook's retention",
                    allowed: "clore le dossier (close) ; l'effacement vient après la conservation",
                    allowedEn: "close the case (close); the erasure comes after the retention"))
        }
        if let last = state.lastActOn, day < last {
            return .failure(
                Refusal(
                    .order,
                    fr: "le \(day.frenchDescription) précède le dernier acte du dossier (\(last.frenchDescription))",
                    en: "\(day) is before the case's last act (\(last))",
                    allowed: "une date à partir du \(last.frenchDescription)", allowedEn: "a day from \(last) on"))
        }
        let rules = rulebook.retentionRules
        let period = rules.caseTextsPeriod
        let keptForRadiation = rules.keepsRadiations && !state.radiations.isEmpty
        let due: Day? = keptForRadiation ? nil : period.end(from: ended)
        if override == nil {
            if keptForRadiation {
                return .failure(
                    refusal(
                        "le dossier s'est conclu par une radiation : ses textes sont gardés sans limite de temps (conservation du règlement)",
                        "the case ended in a radiation: its texts are kept without a time limit (the rulebook's retention)",
                        allowed: "--override erasure-request ou --override authority-order, pour une raison légale",
                        allowedEn: "--override erasure-request or --override authority-order, for a legal reason"))
            }
            if let due, day < due {
                return .failure(
                    refusal(
                        "les textes du dossier sont gardés \(period.fr) après sa fin (le \(ended.frenchDescription)) : ils seront à effacer le \(due.frenchDescription)",
                        "the case's texts are kept \(period.en) after it ended (on \(ended)): they become due on \(due)",
                        allowed:
                            "attendre le \(due.frenchDescription) (greffe privacy due), ou --override erasure-request / authority-order pour une raison légale",
                        allowedEn:
                            "wait until \(due) (greffe privacy due), or --override erasure-request / authority-order for a legal reason"
                    ))
            }
        }
        // An override is recorded only when it was needed: on or after the day due, the retention alone erases.
        let needed = keptForRadiation || due.map { day < $0 } ?? false
        return .success(
            .caseTextsErased(
                CaseTextsErasure(
                    reason: reason, requestedBy: requestedBy, endedOn: ended, retention: period, dueOn: due,
                    override: needed ? override : nil)))
    }
}
