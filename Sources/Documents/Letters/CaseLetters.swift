import Discipline
import Foundation

/// A letter ready to be written out: who it is from and to, and the values its template is rendered with.
public struct LetterDraft: Sendable {
    public var kind: LetterKind
    /// The template set: the procedure rulebook's id, or the ladder rulebook's.
    public var rulebook: String
    public var from: MailAddress
    public var to: [MailAddress]
    /// The day the letter is dated.
    public var day: Day
    /// What identifies the letter in its Message-ID (case or ladder, kind, recipients, day).
    public var reference: String
    /// The values the template sees (texts, flags, lists of such), matching `kind.schema`.
    public var fields: [String: any Sendable]
    /// The deadline the letter states, when it states one: the same day `status` shows.
    public var deadline: Day?
}

/// Builds the letters of a case from its recorded facts, with the deadlines `status` computes.
public struct CaseLetters {
    public var id: CaseID
    public var state: CaseState
    public var rulebook: Rulebook
    public var roster: [MemberID: MemberRecord]
    public var language: DocumentLanguage
    /// Reads the case's sealed texts (the registry's one reveal function).
    public var reveal: (Sealed) -> String

    public init(
        id: CaseID, state: CaseState, rulebook: Rulebook, roster: [MemberRecord], language: DocumentLanguage,
        reveal: @escaping (Sealed) -> String
    ) {
        self.id = id
        self.state = state
        self.rulebook = rulebook
        self.roster = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.language = language
        self.reveal = reveal
    }

    func long(_ day: Day) -> String { LongDate.text(day, language) }
    /// The member's name; the roster handed to the letters is revealed already (`MemberRecord.revealed`).
    func name(_ m: MemberID) -> String { roster[m]?.displayName.clearText ?? m.rawValue }
    func sanctionLabel(_ id: String) -> String {
        rulebook.sanctions.first { $0.id == id }.map { language == .fr ? $0.fr : $0.en } ?? id
    }
    /// The deadline of `rule` as `status` shows it on `day`.
    func due(_ rule: RuleID, asOf day: Day, label: String? = nil) -> Day? {
        state.deadlines(asOf: day, rulebook: rulebook).first {
            $0.rule == rule && (label == nil || $0.labelEn == label)
        }?.due
    }

    /// The people a letter of this kind goes to, as the case stands.
    public func candidates(_ kind: LetterKind) -> [MemberID] {
        switch kind {
        case .explanation: state.accusedIDs
        case .cellCall: state.cellCalls.last?.value.called ?? []
        case .draw: state.drawnPending
        case .summary: state.cell + state.victims.map(\.id)
        case .decision: state.partiesWithRights
        case .radiation: state.radiations.map(\.value.member)
        case .measure: []
        }
    }

    /// Whether the kind goes to all its recipients in one message (the summary « envoyée par mail aux trois membres
    /// nommés et à la victime », the call for the cell) or to one person each (personal deadlines and decisions).
    static func sharedMessage(_ kind: LetterKind) -> Bool { kind == .summary || kind == .cellCall }

    /// The letter `kind` for `to` (or the only recipient), dated `day`, from `sender` (default: the rapporteur).
    public func draft(
        _ kind: LetterKind, to: MemberID?, from sender: MemberID?, on day: Day
    ) throws(LetterError) -> LetterDraft {
        try requireStep(kind)
        let candidates = candidates(kind)
        let recipients: [MemberID]
        if let to {
            guard candidates.contains(to) || (kind == .cellCall && candidates.isEmpty) else {
                throw .notARecipient(kind: kind, member: to, candidates: candidates)
            }
            recipients = [to]
        } else if Self.sharedMessage(kind) {
            guard !candidates.isEmpty else { throw .recipientNeeded(kind: kind, candidates: []) }
            recipients = candidates
        } else {
            guard candidates.count == 1 else { throw .recipientNeeded(kind: kind, candidates: candidates) }
            recipients = candidates
        }
        let addresses = try recipients.map { m throws(LetterError) in try MailAddress.of(m, roster: roster) }
        guard let senderID = sender ?? state.rapporteur?.rapporteur else {
            throw .notAtThisStep(
                kind: kind, fr: "aucun rapporteur désigné ; précisez --from MEMBRE",
                en: "no rapporteur designated; say who sends it with --from MEMBER")
        }
        let from = try MailAddress.of(senderID, roster: roster)
        var fields: [String: any Sendable] = [
            "reglement": rulebook.title, "dossier": id.rawValue, "date": long(day),
            "destinataire": addresses.map(\.name).joined(separator: ", "), "expediteur": from.name
        ]
        var deadline: Day?
        func set(_ due: Day?) {
            deadline = due
            fields["echeance"] = due.map(long) ?? ""
            fields["echeance_iso"] = due?.description ?? ""
        }
        let d = rulebook.deadlines
        let missing = LetterError.notAtThisStep(kind: kind, fr: "fait non enregistré", en: "fact not recorded")
        switch kind {
        case .explanation:
            guard let e = state.explanation else { throw missing }
            fields["envoyee_le"] = long(e.on)
            fields["resume"] = reveal(e.value.summary)
            fields["demandes"] = e.value.demands.map { ["texte": reveal($0)] }
            fields["delai"] = language == .fr ? d.answerWindow.period.fr : d.answerWindow.period.en
            set(due(.R10, asOf: day))
        case .cellCall:
            fields["taille_cellule"] = String(rulebook.cellSize)
            fields["annee"] = String(day.year)
            fields["limite_jugements"] = String(rulebook.judgementCap.max)
        case .draw:
            fields["tire_le"] = long(state.drawResult?.on ?? day)
            fields["taille_cellule"] = String(rulebook.cellSize)
            fields["limite_jugements"] = String(rulebook.judgementCap.max)
        case .summary:
            guard let s = state.summary else { throw missing }
            fields["demande"] = reveal(s.value.demand)
            fields["defense"] = reveal(s.value.defence)
            fields["sanctions_proposees"] = s.value.proposedSanctions.map { ["libelle": sanctionLabel($0)] }
            fields["cellule"] = state.cell.map { ["nom": name($0)] }
            // The sending day ends the instruction (5.6.9): recorded, or today's letter is that sending.
            let sent = state.instructionEndedOn ?? day
            fields["envoyee_le"] = long(sent)
            fields["delai"] = language == .fr ? d.cellMeeting.period.fr : d.cellMeeting.period.en
            set(due(.R18, asOf: day) ?? d.cellMeeting.period.end(from: sent))
        case .decision:
            guard let outcome = state.outcome else { throw missing }
            let party = recipients[0]
            fields["decide_le"] = long(outcome.on)
            fields["instance"] =
                outcome.source == .cell
                ? language.t("la cellule de crise", "the crisis cell")
                : language.t("l'Assemblée générale", "the general assembly")
            fields["sanctions"] = outcome.sanctions.map { ["libelle": sanctionLabel($0)] }
            fields["aucune_sanction"] = outcome.sanctions.isEmpty
            // 5.3 and 4.5: a radiation or a revocation is announced « par une lettre envoyée en courrier électronique ».
            fields["radiation"] = outcome.sanctions.contains(Rulebook.SanctionID.radiation)
            fields["revocation_mandat"] = outcome.sanctions.contains("mandate-revocation")
            fields["probation"] = outcome.probation != nil
            fields["conditions"] = (outcome.probation?.conditions ?? []).map { ["texte": reveal($0)] }
            // The GA's judgement is final (5.6.12): only the cell's decision opens an appeal.
            fields["recours_possible"] = outcome.source == .cell
            fields["delai"] = language == .fr ? d.appeal.period.fr : d.appeal.period.en
            let received = state.lettersReceived.first { $0.value.member == party }?.on
            fields["reception_connue"] = received != nil
            fields["recue_le"] = long(received ?? day)
            // R23 runs from receipt: the recorded day, else the letter's own day (sent and received the same day).
            set(state.appealDeadline(for: party, rulebook: rulebook) ?? d.appeal.period.end(from: day))
        case .radiation:
            let member = recipients[0]
            guard let radiated = state.radiations.first(where: { $0.value.member == member }) else { throw missing }
            fields["radie_le"] = long(radiated.on)
            fields["depart"] = state.departures.contains { $0.value.member == member }
        case .measure:
            break
        }
        return LetterDraft(
            kind: kind, rulebook: rulebook.id, from: from, to: addresses, day: day,
            reference: "\(id.rawValue)/\(kind.rawValue)/\(recipients.map(\.rawValue).joined(separator: "+"))/\(day)",
            fields: fields, deadline: deadline)
    }

    /// Refuses a letter whose fact is not recorded: it could only be written with invented dates.
    func requireStep(_ kind: LetterKind) throws(LetterError) {
        func refuse(_ fr: String, _ en: String) -> LetterError {
            .notAtThisStep(kind: kind, fr: fr + " (étape : \(state.step.fr))", en: en + " (step: \(state.step.en))")
        }
        switch kind {
        case .explanation:
            if state.explanation == nil {
                throw refuse(
                    "la demande d'explication n'est pas enregistrée (greffe explanation request)",
                    "the explanation request is not recorded (greffe explanation request)")
            }
        case .cellCall:
            if state.cellCalls.isEmpty {
                throw refuse(
                    "aucun appel à la cellule n'est enregistré (greffe cell call)",
                    "no call for the cell is recorded (greffe cell call)")
            }
        case .draw:
            if state.drawResult == nil {
                throw refuse(
                    "aucun tirage au sort n'est enregistré (greffe cell draw)", "no draw is recorded (greffe cell draw)"
                )
            }
        case .summary:
            if state.summary == nil {
                throw refuse(
                    "la synthèse récapitulative n'est pas écrite (greffe summary write)",
                    "the summary is not written (greffe summary write)")
            }
        case .decision:
            if state.outcome == nil {
                throw refuse("aucune décision n'est enregistrée", "no decision is recorded")
            }
        case .radiation:
            if state.radiations.isEmpty {
                throw refuse("aucune radiation n'est enregistrée", "no radiation is recorded")
            }
        case .measure:
            throw refuse("une mesure d'échelle s'écrit avec --ladder", "a ladder measure is written with --ladder")
        }
    }
}
