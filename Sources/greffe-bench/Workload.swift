import Discipline
import Foundation

/// SplitMix64: a small seeded generator, so every run writes the same bytes (no system randomness).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[below(16)] })
    }
}

/// The shape of the generated history: a roster, and cases spread over years.
struct WorkloadShape {
    var members = 2_000
    /// Board members are the first ones (m0001…).
    var boardSize = 7
    /// Each member pays the dues of a given year with this probability (percent).
    var duesPercent = 60
    var casesPerYear = 800
    /// One case in `drawEvery` goes to a draw by lot (its call is not answered in full); the others fill the cell with
    /// volunteers and a recusal.
    var drawEvery = 10
    var lastYear = 2026
    var seed: UInt64 = 9

    /// The register's id of the `n`-th row (from 0): the import numbers new rows in file order (`M0001`…).
    func memberID(_ n: Int) -> MemberID { MemberID(String(format: "M%04d", n + 1)) }

    /// The association's identifier of the `n`-th row, the roster file's first column (the member's reference).
    func memberReference(_ n: Int) -> String { String(format: "m%04d", n + 1) }

    /// Years covered by `cases` cases.
    func firstYear(cases: Int) -> Int { lastYear - max(0, (cases - 1) / casesPerYear) - 1 }

    /// Whether member `n` pays the dues of `year` (the same answer whatever else is asked).
    func pays(_ n: Int, _ year: Int) -> Bool {
        if n < boardSize { return true }
        var rng = SeededGenerator(seed: seed ^ (UInt64(n) &* 0x9E37_79B9) ^ (UInt64(year) &* 0x85EB_CA6B))
        return rng.chance(duesPercent)
    }

    /// The roster file's header and rows, as `greffe members import` reads them, with the dues of the years from
    /// `firstYear` through `duesThrough` (re-importing it with a later year records only that year's payments).
    func rosterRows(firstYear: Int, duesThrough: Int) -> (header: [String], rows: [[String]]) {
        var rng = SeededGenerator(seed: seed ^ 0x5EED_0001)
        let first = [
            "Alice", "Bruno", "Chloé", "Damien", "Élise", "Farid", "Gaëlle", "Hugo", "Inès", "Jules",
            "Karima", "Léo", "Maëlle", "Nour", "Océane", "Pierre", "Quentin", "Rania", "Sacha", "Théo"
        ]
        let last = [
            "Martin", "Petit", "Durand", "Roux", "Moreau", "Lefèvre", "Garcia", "Bernard", "Fontaine",
            "Chevalier", "Lambert", "Bonnet", "Girard", "Mercier", "Dupont", "Blanc", "Guérin", "Faure"
        ]
        var rows: [[String]] = []
        for n in 0..<members {
            let given = rng.pick(first), family = rng.pick(last)
            let years = (firstYear...max(firstYear, duesThrough)).filter { pays(n, $0) }
            rows.append([
                memberReference(n), "\(given) \(family)",
                "\(given.lowercased().folding(options: .diacriticInsensitive, locale: nil)).\(n)@exemple.org",
                years.map(String.init).joined(separator: ";"), "personne", n < boardSize ? "oui" : "non"
            ])
        }
        return (["identifiant", "nom", "courriel", "cotisation", "type", "ca"], rows)
    }
}

/// One case to walk through Article 5.6, step by step. Each step builds its command from the case's state and the
/// roster facts as they are when it is decided (who is still eligible, who the draw named).
struct CaseScript {
    let id: CaseID
    let opened: Day
    let accused: MemberID
    let victim: MemberID
    let rapporteur: MemberID
    let board: [MemberID]
    let witnesses: [MemberID]
    let withDraw: Bool
    let seed: UInt64
    var rng: SeededGenerator

    typealias Step = (_ state: CaseState, _ context: CaseContext, _ rng: inout SeededGenerator) -> (CaseCommand, Day)?

    init(index: Int, shape: WorkloadShape, firstYear: Int) {
        var rng = SeededGenerator(seed: shape.seed &+ UInt64(index) &* 7919)
        let year = firstYear + 1 + index / shape.casesPerYear
        let inYear = index % shape.casesPerYear
        id = CaseID(String(format: "%04d-%03d", year, inYear + 1))
        opened =
            Day(year: year, month: 1, day: 1)?.adding(days: (inYear * 300) / shape.casesPerYear)
            ?? Day(dayNumber: 0)
        board = (0..<shape.boardSize).map(shape.memberID)
        let pickMember = { (rng: inout SeededGenerator) in
            shape.memberID(shape.boardSize + rng.below(shape.members - shape.boardSize))
        }
        accused = pickMember(&rng)
        var v = pickMember(&rng)
        while v == accused { v = pickMember(&rng) }
        victim = v
        rapporteur = board[rng.below(board.count)]
        var w: [MemberID] = []
        while w.count < 2 {
            let m = pickMember(&rng)
            if m != accused && m != victim && !w.contains(m) { w.append(m) }
        }
        witnesses = w
        withDraw = index % shape.drawEvery == shape.drawEvery - 1
        seed = rng.next()
        self.rng = rng
    }

    static let facts = [
        "Messages insultants répétés envers une adhérente sur le serveur privé, pendant plusieurs jours, malgré deux rappels informels des modérateurs.",
        "Propos dénigrants tenus en réunion d'antenne puis relayés sur la liste de diffusion, avec des accusations sans preuve visant un membre du Conseil.",
        "Refus répété d'appliquer les décisions de modération dans le salon de l'antenne et pressions sur les personnes qui les rappelaient."
    ]

    /// The eligible members for the cell, in a stable order, not yet used.
    static func eligible(
        _ state: CaseState, _ context: CaseContext, _ day: Day, _ rulebook: Rulebook, count: Int,
        start: Int, all: [MemberID]
    ) -> [MemberID] {
        guard !all.isEmpty else { return [] }
        var out: [MemberID] = []
        var i = start % all.count
        var seen = 0
        while out.count < count && seen < all.count {
            let m = all[i]
            if state.isEligibleForCell(m, context: context, on: day, rulebook: rulebook).isEmpty,
                !state.cellCalls.contains(where: { $0.value.called.contains(m) })
            {
                out.append(m)
            }
            i = (i + 1) % all.count
            seen += 1
        }
        return out
    }

    /// The steps of the whole procedure; about 40 events.
    /// `members` is the roster in canonical order.
    func steps(rulebook: Rulebook, members: [MemberID]) -> [Step] {
        let d = opened
        let id = self.id, accused = self.accused, victim = self.victim, rapporteur = self.rapporteur
        let witnesses = self.witnesses, withDraw = self.withDraw
        let attendees = board.filter { $0 != accused && $0 != victim }
        var s: [Step] = []
        func at(_ offset: Int, _ make: @escaping (CaseState, CaseContext, inout SeededGenerator) -> CaseCommand?) {
            s.append { state, context, rng in make(state, context, &rng).map { ($0, d.adding(days: offset)) } }
        }
        func cid(_ n: Int) -> String { "\(id)-\(n)" }
        at(0) { _, _, rng in
            .fileComplaint(
                ComplaintFacts(
                    channel: .privateTicket, complainants: [Party(id: victim, isMember: true)],
                    accused: [Party(id: accused, isMember: true, holdsMandate: false)],
                    victims: [Party(id: victim, isMember: true)], facts: .clear(rng.pick(CaseScript.facts)),
                    motives: ["insults", "conduct"], boardLearnedOn: d.adding(days: -1)), commandId: cid(1))
        }
        at(3) { _, _, _ in
            .holdBoardMeeting(BoardMeeting(attendees: attendees, rapporteur: rapporteur), commandId: cid(2))
        }
        at(3) { _, _, _ in
            .imposeSuspension(
                Suspension(
                    responsibilities: true, access: true,
                    blockedSpaces: ["serveur privé #général", "liste de diffusion de l'antenne"]),
                commandId: cid(3))
        }
        let evidence: [(Evidence.Kind, String, Bool, MemberID?)] = [
            (.testimony, "Témoignage écrit d'une personne présente sur le salon, daté et signé.", false, witnesses[0]),
            (
                .testimony, "Témoignage oral recueilli par le rapporteur, relu et approuvé par le témoin.", false,
                witnesses[1]
            ),
            (.screenshot, "Captures des messages du premier jour (12 images).", true, nil),
            (.screenshot, "Captures des messages des jours suivants (9 images).", true, nil),
            (.document, "Export de l'historique du salon sur la période, au format texte.", true, nil),
            (.history, "Historique des rappels informels faits à la personne mise en cause depuis un an.", false, nil),
            (.context, "Contexte : tensions anciennes dans l'antenne, réorganisation des salons en cours.", false, nil),
            (.document, "Courriel de la victime au Conseil d'administration.", true, nil),
            (.other, "Note du rapporteur sur l'entretien avec les modérateurs.", false, nil)
        ]
        for (n, e) in evidence.enumerated() {
            at(5 + n) { _, _, rng in
                .addEvidence(
                    Evidence(kind: e.0, description: .clear(e.1), sha256: e.2 ? rng.hex(64) : nil, witness: e.3),
                    commandId: cid(10 + n))
            }
        }
        at(15) { _, _, _ in
            .completeFile(Note(note: "Témoignages, historique et contexte consignés au dossier."), commandId: cid(20))
        }
        at(16) { _, _, _ in
            .hearVictim(
                VictimHearing(
                    victim: victim,
                    needs: "Ne plus recevoir de messages privés ; se sentir en sécurité sur le serveur.",
                    demands: ["excuses écrites", "avertissement"], origin: .victim), commandId: cid(21))
        }
        at(17) { _, _, _ in
            .requestExplanation(
                ExplanationRequest(
                    summary: "Résumé de la plainte : messages insultants répétés, témoignages et captures à l'appui.",
                    demands: ["excuses écrites", "avertissement"]), commandId: cid(22))
        }
        at(25) { _, _, _ in .receiveAnswer(Answer(from: accused, form: .written), commandId: cid(23)) }
        at(27) { _, _, _ in
            .writeSummary(
                Summary(
                    demand: "Excuses écrites et avertissement.",
                    defence: "Reconnaît des messages vifs, parle d'un malentendu et d'un contexte tendu.",
                    proposedSanctions: ["warning"]), commandId: cid(24))
        }
        let start = Int(truncatingIfNeeded: seed % 100_000)
        at(28) { state, context, _ in
            let called = CaseScript.eligible(
                state, context, d.adding(days: 28), rulebook, count: 4, start: start, all: members)
            return .callCell(CellCall(channel: .online, called: called), commandId: cid(25))
        }
        let volunteers = withDraw ? 2 : 3
        for n in 0..<volunteers {
            at(29) { state, _, _ in
                let called = state.cellCalls.last?.value.called ?? []
                guard let m = called.first(where: { !state.cell.contains($0) }) else { return nil }
                return .acceptVolunteer(MemberRef(member: m), commandId: cid(26 + n))
            }
        }
        if withDraw {
            at(30) { state, context, _ in
                let day = d.adding(days: 30)
                let pool = state.cellPool(context: context, on: day, rulebook: rulebook)
                guard let drawPool = try? DrawPool(members: pool),
                    let a = try? DrawAnnouncement.announce(
                        pool: drawPool,
                        sources: [
                            EntropySource(
                                description: "Loto FDJ du \(d.adding(days: 32)) : les 5 numéros, sans le numéro chance",
                                valuesKnownOn: d.adding(days: 32))
                        ],
                        seatsLeft: rulebook.cellSize - state.cell.count, on: day)
                else { return nil }
                return .announceDraw(a, commandId: cid(30))
            }
            at(32) { state, _, rng in
                guard let a = state.drawAnnouncement?.value else { return nil }
                let values = (0..<5).map { _ in String(1 + rng.below(49)) }
                guard let draw = try? CellDraw.perform(a, values: [values]) else { return nil }
                return .performDraw(draw, commandId: cid(31))
            }
            at(33) { state, _, _ in
                state.drawnPending.first.map { .drawnMemberDeclined(DrawDecline(member: $0), commandId: cid(32)) }
            }
            at(33) { state, _, _ in
                state.drawnPending.first.map { .drawnMemberPresent(MemberRef(member: $0), commandId: cid(33)) }
            }
        } else {
            at(31) { state, _, _ in
                state.cell.first.map { .recuse(Recusal(by: accused, member: $0), commandId: cid(30)) }
            }
            at(32) { state, context, _ in
                let called = CaseScript.eligible(
                    state, context, d.adding(days: 32), rulebook, count: 2, start: start + 50, all: members)
                return .callCell(CellCall(channel: .email, called: called), commandId: cid(31))
            }
            at(33) { state, _, _ in
                let called = state.cellCalls.last?.value.called ?? []
                return called.first.map { .acceptVolunteer(MemberRef(member: $0), commandId: cid(32)) }
            }
        }
        at(34) { _, _, _ in
            .sendSummaryToCell(
                Note(note: "Synthèse envoyée par courriel aux trois membres et à la victime."), commandId: cid(40))
        }
        at(36) { state, _, _ in .holdCellMeeting(CellMeeting(attendees: state.cell), commandId: cid(41)) }
        at(36) { state, _, _ in
            let proposals = [Proposal(id: "a", sanctions: ["warning"]), Proposal(id: "b", sanctions: ["suspension"])]
            let ballots = state.cell.enumerated().map { Ballot(member: $0.element, option: $0.offset == 2 ? "b" : "a") }
            return .holdCellVote(CellVote(proposals: proposals, ballots: ballots), commandId: cid(42))
        }
        at(37) { _, _, _ in
            .sendJudgementToBoard(
                Note(note: "Jugement envoyé au Conseil d'administration par courriel."), commandId: cid(43))
        }
        at(37) { _, _, _ in
            .executeJudgement(Note(note: "Avertissement notifié ; suspension levée."), commandId: cid(44))
        }
        at(38) { _, _, _ in .receiveDecisionLetter(MemberRef(member: accused), commandId: cid(45)) }
        at(38) { _, _, _ in .receiveDecisionLetter(MemberRef(member: victim), commandId: cid(46)) }
        at(45) { _, _, _ in
            .lodgeAppeal(Appeal(by: accused, companion: "une personne de confiance"), commandId: cid(47))
        }
        at(60) { _, _, _ in
            .recordGeneralAssemblyVote(
                GAVote(
                    proposals: [
                        Proposal(id: "confirm", sanctions: ["warning"]), Proposal(id: "lift", sanctions: ["reminder"])
                    ],
                    votes: [OptionVotes(option: "confirm", votes: 31), OptionVotes(option: "lift", votes: 6)],
                    blanks: 3, bodySize: 52), commandId: cid(48))
        }
        at(61) { _, _, _ in
            .executeJudgement(Note(note: "Décision de l'Assemblée générale exécutée."), commandId: cid(49))
        }
        at(62) { _, _, _ in
            .recordReparation(
                Reparation(measures: ["groupe de soutien entre pairs proposé", "médiation proposée"]),
                commandId: cid(50))
        }
        at(63) { _, _, _ in
            .closeCase(
                Closure(reason: "Procédure menée à son terme, décision de l'Assemblée générale exécutée."),
                commandId: cid(51))
        }
        return s
    }
}
