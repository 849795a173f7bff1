import Foundation

/// One data row of a roster spreadsheet, already split into cells by the application's CSV reader.
public struct RosterRow: Equatable, Sendable {
    /// Line number in the file (the header is line 1), for error messages.
    public var line: Int
    public var id: String
    public var name: String
    public var email: String
    /// Years whose dues are paid, e.g. from `2025;2026`.
    public var duesYears: Set<Int>
    /// `nil` when the file has no type column (new members are then persons, existing ones keep theirs).
    public var kind: MemberKind?
    /// Board seat; `nil` when the file has no board column (mandates are then left alone).
    public var board: Bool?
    /// The phone number (`Téléphone`), empty when none; a row needs an e-mail or a phone.
    public var phone: String = ""
    /// The day the member joined, when the file says (`Membre depuis`, `Adhésion`): the day of their joining act.
    public var since: Day? = nil

    public init(
        line: Int, id: String, name: String, email: String, duesYears: Set<Int> = [], kind: MemberKind? = nil,
        board: Bool? = nil
    ) {
        self.line = line
        self.id = id
        self.name = name
        self.email = email
        self.duesYears = duesYears
        self.kind = kind
        self.board = board
    }
}

/// One thing wrong in a roster file: where, which field, what was found, why it is refused.
public struct RosterProblem: Equatable, Sendable, CustomStringConvertible {
    /// Why the field is refused.
    public enum Reason: Equatable, Sendable {
        case missingColumn(accepted: [String])
        case duplicateColumn(firstAt: Int)
        case emptyID
        case duplicateID(firstLine: Int)
        case emptyName
        case invalidEmail
        case invalidYear
        case invalidKind
        case invalidBoard
        /// A `Cotisation 2026` cell that is neither yes/no nor a date.
        case invalidPaid
        /// A control character or bidirectional override in an identity field (the id, name or email).
        case forbiddenCharacter(Unicode.Scalar)
        /// An id, name or email longer than the limit, in UTF-8 bytes; only its beginning is kept in `value`.
        case tooLong(maxBytes: Int, bytes: Int)
        /// A phone cell that is not a phone number (digits, spaces, `+`, `.`, `-`, parentheses; 6 digits or more).
        case invalidPhone
        /// A row with neither an e-mail nor a phone number: the member could not be written to.
        case noContact
        /// A `Membre depuis` cell that is not a day (JJ/MM/AAAA or AAAA-MM-JJ).
        case invalidDay
        /// A `Membre depuis` day after the day of the import.
        case futureDay(today: Day)
        /// A reference (the association's identifier) that is the register's own id of another member: a command
        /// line naming it could mean either.
        case referenceIsAnotherMembersID(MemberID)
    }

    /// Line in the file (1 = header).
    public var line: Int
    /// The field concerned: `id`, `name`, `email`, `dues`, `type`, `board`.
    public var field: String
    /// The text found (empty when the cell was empty or the column missing).
    public var value: String
    public var reason: Reason

    public init(line: Int, field: String, value: String, reason: Reason) {
        self.line = line
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// The problem in French, as the command line prints it by default.
    public var fr: String { words.fr }
    public var description: String { words.en }

    /// The problem in both languages, from one list of the reasons.
    private var words: (fr: String, en: String) {
        let foundFr = value.isEmpty ? "" : " « \(value) »", foundEn = value.isEmpty ? "" : " \"\(value)\""
        let atFr = "ligne \(line), \(field) :", atEn = "line \(line), \(field):"
        switch reason {
        case .missingColumn(let accepted):
            let list = accepted.joined(separator: ", ")
            return (
                "ligne \(line) : la colonne obligatoire \(field) manque (en-têtes acceptés : \(list))",
                "line \(line): required column \(field) is missing (accepted headers: \(list))"
            )
        case .duplicateColumn(let first):
            return (
                "ligne \(line) : la colonne \(field) apparaît deux fois (colonnes \(first) et\(foundFr))",
                "line \(line): column \(field) appears twice (columns \(first) and\(foundEn))"
            )
        case .emptyID: return ("\(atFr) identifiant de membre vide", "\(atEn) empty member id")
        case .duplicateID(let first):
            return ("\(atFr)\(foundFr) déjà donné ligne \(first)", "\(atEn)\(foundEn) already given on line \(first)")
        case .emptyName: return ("\(atFr) nom vide", "\(atEn) empty name")
        case .invalidEmail:
            return ("\(atFr)\(foundFr) n'est pas une adresse de courriel", "\(atEn)\(foundEn) is not an email address")
        case .invalidYear:
            return (
                "\(atFr)\(foundFr) n'est pas une liste d'années comme 2025;2026",
                "\(atEn)\(foundEn) is not a list of years such as 2025;2026"
            )
        case .invalidKind:
            return (
                "\(atFr)\(foundFr) n'est ni personne/person ni association",
                "\(atEn)\(foundEn) is neither person/personne nor association"
            )
        case .invalidBoard:
            return (
                "\(atFr)\(foundFr) n'est ni oui/yes/1 ni non/no/0",
                "\(atEn)\(foundEn) is neither oui/yes/1 nor non/no/0"
            )
        case .invalidPaid:
            return (
                "\(atFr)\(foundFr) n'est ni oui/non ni une date (JJ/MM/AAAA ou AAAA-MM-JJ)",
                "\(atEn)\(foundEn) is neither yes/no nor a date (DD/MM/YYYY or YYYY-MM-DD)"
            )
        case .forbiddenCharacter(let scalar):
            let code = IdentityText.name(scalar)
            return (
                "\(atFr) contient le caractère de contrôle \(code) (caractères de contrôle, sauts de ligne et inversions de sens d'écriture refusés dans les noms, identifiants et courriels)",
                "\(atEn) contains the control character \(code) (control characters, line breaks and bidirectional overrides are refused in names, ids and emails)"
            )
        case let .tooLong(max, bytes):
            return (
                "\(atFr) « \(value)… » fait \(bytes) octets ; au plus \(max) acceptés",
                "\(atEn) \"\(value)…\" is \(bytes) bytes long; at most \(max) accepted"
            )
        case .invalidPhone:
            return ("\(atFr)\(foundFr) n'est pas un numéro de téléphone", "\(atEn)\(foundEn) is not a phone number")
        case .noContact:
            return (
                "ligne \(line) : ni courriel ni téléphone ; il en faut un pour écrire au membre",
                "line \(line): neither an e-mail nor a phone; one is needed to reach the member"
            )
        case .invalidDay:
            return (
                "\(atFr)\(foundFr) n'est pas un jour (JJ/MM/AAAA ou AAAA-MM-JJ)",
                "\(atEn)\(foundEn) is not a day (DD/MM/YYYY or YYYY-MM-DD)"
            )
        case .futureDay(let today):
            return (
                "\(atFr)\(foundFr) est après le jour de l'import (\(today.frenchDescription))",
                "\(atEn)\(foundEn) is after the day of the import (\(today))"
            )
        case .referenceIsAnotherMembersID(let other):
            return (
                "\(atFr)\(foundFr) est l'identifiant Greffe d'un autre membre (\(other)) : une référence de l'association ne peut pas s'écrire comme lui",
                "\(atEn)\(foundEn) is another member's Greffe id (\(other)): an association's reference cannot be written like it"
            )
        }
    }
}

/// A roster file that cannot be imported. Nothing from it should be written; every problem found is listed.
public struct RosterImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every problem found, in line order.
    public var problems: [RosterProblem]

    public init(problems: [RosterProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Where each field is in a roster spreadsheet, found from its header row.
///
/// Headers are matched case-, accent- and punctuation-insensitively (`Courriel`, `E-mail`, `IDENTIFIANT` all
/// work). Required: id (`id`, `identifiant`), name (`nom`, `name`; with a `prénom` column, the name is « Prénom
/// Nom »), email (`courriel`, `email`, `e-mail`, `mail`). Optional: dues as a list of years (`cotisation`,
/// `cotisations`, `dues`) or one column per year (`Cotisation 2026`, `Cotisation 2025`…, a cell oui/non or the day
/// paid), kind (`type`, `kind`), board seat (`ca`, `board`, `Membre du CA`, `Conseil d'administration`).
/// Other columns are ignored, and said so (`ignored`), as are the optional fields the file lacks (`missing`).
public struct RosterColumns: Equatable, Sendable {
    /// A `Cotisation 2026` column: its year and its 0-based position.
    public struct DuesYearColumn: Equatable, Sendable {
        public var year: Int
        public var column: Int
    }

    /// 0-based position of the id column.
    public var id: Int
    /// 0-based positions of the other columns; `nil` for an optional column the file does not have.
    public var name: Int
    public var email: Int
    public var dues: Int?
    public var kind: Int?
    public var board: Int?
    /// The first-name column (`Prénom`), whose cell comes before the name's.
    public var firstName: Int? = nil
    /// One column per year of dues (`Cotisation 2026`), in the file's order.
    public var duesYears: [DuesYearColumn] = []
    /// The phone column (`Téléphone`); with it, the e-mail column may be absent.
    public var phone: Int? = nil
    /// The column of the day the member joined (`Membre depuis`, `Adhésion`).
    public var since: Int? = nil
    /// The headers of the columns no field reads, as written in the file (to be told to the user).
    public var ignored: [String] = []
    /// The optional fields the file has no column for: `dues`, `type`, `board` (to be told to the user).
    public var missing: [String] = []

    static let aliases: [(field: String, headers: [String], required: Bool)] = [
        ("id", ["id", "identifiant", "identifier"], true),
        ("name", ["nom", "name"], true),
        ("email", ["courriel", "email", "e-mail", "mail"], true),
        ("dues", ["cotisation", "cotisations", "dues"], false),
        ("type", ["type", "kind"], false),
        (
            "board",
            [
                "ca", "board", "membre du ca", "conseil d'administration", "membre du conseil d'administration",
                "administrateur", "administratrice", "board member"
            ], false
        ),
        ("firstName", ["prénom", "first name", "given name"], false),
        (
            "phone",
            [
                "téléphone", "tél", "tel", "phone", "telephone number", "portable", "mobile", "numéro de téléphone",
                "whatsapp"
            ], false
        ),
        (
            "since",
            [
                "membre depuis", "adhésion", "date d'adhésion", "adhérent depuis", "adhérente depuis", "depuis",
                "member since", "joined", "joined on", "date joined"
            ], false
        )
    ]

    /// The year of a `Cotisation 2026` header (normalized), if it is one.
    static func duesYear(of key: String) -> Int? {
        for prefix in ["cotisations", "cotisation", "dues", "adhesion"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if rest.count == 4, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(rest), year >= 1900 {
                return year
            }
        }
        return nil
    }

    /// Maps a header row to column positions (0-based). Throws every missing required column and every field
    /// given twice, on line 1.
    public static func map(header: [String]) throws(RosterImportError) -> RosterColumns {
        var found: [String: Int] = [:]
        var problems: [RosterProblem] = []
        var duesYears: [DuesYearColumn] = []
        var ignored: [String] = []
        for (column, raw) in header.enumerated() {
            let key = normalizedHeader(raw)
            if let year = duesYear(of: key) {
                if let first = duesYears.first(where: { $0.year == year }) {
                    problems.append(
                        RosterProblem(
                            line: 1, field: "dues \(year)", value: "\(column + 1)",
                            reason: .duplicateColumn(firstAt: first.column + 1)))
                } else {
                    duesYears.append(DuesYearColumn(year: year, column: column))
                }
                continue
            }
            guard let field = aliases.first(where: { $0.headers.map(normalizedHeader).contains(key) })?.field
            else {
                let shown = raw.trimmingCharacters(
                    in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
                if !shown.isEmpty { ignored.append(shown) }
                continue
            }
            if let first = found[field] {
                problems.append(
                    RosterProblem(
                        line: 1, field: field, value: "\(column + 1)",
                        reason: .duplicateColumn(firstAt: first + 1)))
            } else {
                found[field] = column
            }
        }
        // A roster with phones only (a messaging group's) has no e-mail column: the phone column stands for it.
        for alias in aliases
        where alias.required && found[alias.field] == nil
            && !(alias.field == "email" && found["phone"] != nil)
        {
            problems.append(
                RosterProblem(
                    line: 1, field: alias.field, value: "",
                    reason: .missingColumn(
                        accepted: alias.headers + (alias.field == "email" ? ["téléphone", "phone"] : []))))
        }
        guard problems.isEmpty, let id = found["id"], let name = found["name"] else {
            throw RosterImportError(problems: problems)
        }
        var missing: [String] = []
        if found["dues"] == nil && duesYears.isEmpty { missing.append("dues") }
        if found["type"] == nil { missing.append("type") }
        if found["board"] == nil { missing.append("board") }
        if found["since"] == nil { missing.append("since") }
        // Without an e-mail column, the e-mail is read from a column no file has (every e-mail empty).
        return RosterColumns(
            id: id, name: name, email: found["email"] ?? header.count, dues: found["dues"], kind: found["type"],
            board: found["board"], firstName: found["firstName"], duesYears: duesYears,
            phone: found["phone"], since: found["since"], ignored: ignored, missing: missing)
    }

    /// Reads one data row. Missing trailing cells count as empty. Returns the row or the problems in its cells.
    public func row(line: Int, cells: [String]) -> Result<RosterRow, RosterImportError> {
        func cell(_ index: Int?) -> String {
            guard let index, cells.indices.contains(index) else { return "" }
            return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var problems: [RosterProblem] = []
        var years: Set<Int> = []
        let duesText = cell(dues)
        if !duesText.isEmpty {
            let parts = duesText.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " })
            for part in parts {
                guard part.count == 4, part.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(part),
                    year >= 1900
                else {
                    problems.append(RosterProblem(line: line, field: "dues", value: duesText, reason: .invalidYear))
                    break
                }
                years.insert(year)
            }
        }
        for column in duesYears {
            let text = cell(column.column)
            switch RosterColumns.normalizedHeader(text) {
            case "", "non", "no", "0", "false", "faux", "impaye", "impayee": continue
            case "oui", "yes", "1", "true", "vrai", "x", "ok", "paye", "payee", "regle", "reglee", "ajour":
                years.insert(column.year)
            default:
                if RosterColumns.isDay(text) {
                    years.insert(column.year)
                } else {
                    problems.append(
                        RosterProblem(
                            line: line, field: "dues \(column.year)", value: text,
                            reason: .invalidPaid))
                }
            }
        }
        var memberKind: MemberKind?
        if kind != nil {
            switch RosterColumns.normalizedHeader(cell(kind)) {
            case "": memberKind = nil
            case "person", "personne", "individu", "individual", "physique": memberKind = .person
            case "association", "asso", "organisation", "organization", "morale": memberKind = .association
            default: problems.append(RosterProblem(line: line, field: "type", value: cell(kind), reason: .invalidKind))
            }
        }
        var seat: Bool?
        if board != nil {
            switch RosterColumns.normalizedHeader(cell(board)) {
            case "oui", "yes", "1", "true", "vrai", "x": seat = true
            case "", "non", "no", "0", "false", "faux": seat = false
            default:
                problems.append(RosterProblem(line: line, field: "board", value: cell(board), reason: .invalidBoard))
            }
        }
        var joinedOn: Day?
        if since != nil, !cell(since).isEmpty {
            joinedOn = RosterColumns.day(cell(since))
            if joinedOn == nil {
                problems.append(RosterProblem(line: line, field: "since", value: cell(since), reason: .invalidDay))
            }
        }
        guard problems.isEmpty else { return .failure(RosterImportError(problems: problems)) }
        let fullName = [cell(firstName), cell(name)].filter { !$0.isEmpty }.joined(separator: " ")
        var row = RosterRow(
            line: line, id: cell(id), name: firstName == nil ? cell(name) : fullName,
            email: cell(email), duesYears: years, kind: memberKind, board: seat)
        row.phone = cell(phone)
        row.since = joinedOn
        return .success(row)
    }

    /// A day as spreadsheets write it: `JJ/MM/AAAA` (or with `-` or `.`), or `AAAA-MM-JJ`; a real calendar day.
    static func isDay(_ text: String) -> Bool { day(text) != nil }

    /// The day `text` writes as spreadsheets do (`JJ/MM/AAAA`, with `/`, `-` or `.`, or `AAAA-MM-JJ`), if a real one.
    static func day(_ text: String) -> Day? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let (year, month, day): (Int?, Int?, Int?) =
            parts[0].count == 4
            ? (Int(parts[0]), Int(parts[1]), Int(parts[2])) : (Int(parts[2]), Int(parts[1]), Int(parts[0]))
        guard let year, let month, let day, parts[0].count == 4 || parts[2].count == 4 else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Lower case, accents and everything but letters and digits removed: `E-mail` → `email`, `Identifiant ` →
    /// `identifiant`, `Cotisation (années)` → `cotisationannees`.
    static func normalizedHeader(_ text: String) -> String {
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out += String(scalar).lowercased()
            }
        }
        return out
    }
}

/// Roster imports: a pure diff between spreadsheet rows and the members already recorded.
public enum Roster {
    /// The events that bring the recorded members in line with `rows`, per member (members needing none are
    /// absent), or every problem in the rows.
    ///
    /// Idempotent: importing the same rows again gives no event. A changed row gives only what changed: one
    /// `MemberDetailsChanged` with the changed fields, `MemberDuesPaid` for each newly listed year, a board mandate
    /// held or ended when the board cell changed. What the file cannot say is left alone: dues years missing
    /// from a row are not "un-paid", members missing from the file do not leave (departure is an explicit act),
    /// and an absent type or board column changes nothing.
    public static func importEvents(
        rows: [RosterRow], existing: [MemberID: MemberRecord], on today: Day? = nil
    ) -> Result<[MemberID: [MemberEvent]], RosterImportError> {
        var problems: [RosterProblem] = []
        var firstLine: [String: Int] = [:]
        /// The problem of an identity field too long or holding a control character, if any.
        func identityProblem(_ field: String, _ text: String, line: Int, maxBytes: Int) -> RosterProblem? {
            if text.utf8.count > maxBytes {
                return RosterProblem(
                    line: line, field: field, value: String(text.prefix(32)),
                    reason: .tooLong(maxBytes: maxBytes, bytes: text.utf8.count))
            }
            return IdentityText.forbiddenScalar(in: text).map {
                RosterProblem(line: line, field: field, value: "", reason: .forbiddenCharacter($0))
            }
        }
        for row in rows {
            if row.id.isEmpty {
                problems.append(RosterProblem(line: row.line, field: "id", value: "", reason: .emptyID))
            } else if let problem = identityProblem("id", row.id, line: row.line, maxBytes: IdentityText.maxIDBytes) {
                problems.append(problem)
            } else if let first = firstLine[row.id] {
                problems.append(
                    RosterProblem(
                        line: row.line, field: "id", value: row.id,
                        reason: .duplicateID(firstLine: first)))
            } else {
                firstLine[row.id] = row.line
            }
            if row.name.isEmpty {
                problems.append(RosterProblem(line: row.line, field: "name", value: "", reason: .emptyName))
            } else if let problem = identityProblem(
                "name", row.name, line: row.line, maxBytes: IdentityText.maxFieldBytes)
            {
                problems.append(problem)
            }
            if row.email.isEmpty && row.phone.isEmpty {
                problems.append(RosterProblem(line: row.line, field: "email", value: "", reason: .noContact))
            } else if let problem = identityProblem(
                "email", row.email, line: row.line, maxBytes: IdentityText.maxFieldBytes)
            {
                problems.append(problem)
            } else if !row.email.isEmpty && !isPlausibleEmail(row.email) {
                problems.append(RosterProblem(line: row.line, field: "email", value: row.email, reason: .invalidEmail))
            }
            if let problem = identityProblem("phone", row.phone, line: row.line, maxBytes: IdentityText.maxFieldBytes) {
                problems.append(problem)
            } else if !row.phone.isEmpty && !isPlausiblePhone(row.phone) {
                problems.append(RosterProblem(line: row.line, field: "phone", value: row.phone, reason: .invalidPhone))
            }
            if let since = row.since, let today, since > today {
                problems.append(
                    RosterProblem(
                        line: row.line, field: "since", value: since.description,
                        reason: .futureDay(today: today)))
            }
            if let bad = row.duesYears.sorted().first(where: { !(1900...9999).contains($0) }) {
                problems.append(RosterProblem(line: row.line, field: "dues", value: String(bad), reason: .invalidYear))
            }
        }
        guard problems.isEmpty else { return .failure(RosterImportError(problems: problems)) }

        // Each recorded member is found again by the association's identifier: their revealed reference, or, in a
        // store written before Greffe assigned its ids (no reference), their id. An erased member's reference can
        // no longer be read: a row naming it is a new member (the register no longer knows who they were).
        var byReference: [String: MemberID] = [:]
        for record in existing.values.sorted(by: { $0.id < $1.id }) {
            if let reference = record.reference {
                if let text = reference.clearText, !text.isEmpty { byReference[text] = byReference[text] ?? record.id }
            } else {
                byReference[record.id.rawValue] = byReference[record.id.rawValue] ?? record.id
            }
        }
        // A reference that is another member's Greffe id is refused (a command line naming it could mean either);
        // the ids given to new members skip every reference of the file and of the register for the same reason.
        for row in rows where byReference[row.id] == nil {
            if let other = existing[MemberID(row.id)] {
                problems.append(
                    RosterProblem(
                        line: row.line, field: "id", value: row.id, reason: .referenceIsAnotherMembersID(other.id)))
            }
        }
        guard problems.isEmpty else { return .failure(RosterImportError(problems: problems)) }
        let taken = Set(existing.keys.map(\.rawValue)).union(byReference.keys).union(rows.map(\.id))
        var nextNumber = 1

        var events: [MemberID: [MemberEvent]] = [:]
        for row in rows {
            var list: [MemberEvent] = []
            let id: MemberID
            if let found = byReference[row.id], let record = existing[found] {
                id = found
                // `existing` holds the records with their name and e-mail revealed (the registry reads them); an
                // erased member's details are never written again.
                let erased = record.erasedOn != nil
                let name: Sealed? = erased || .clear(row.name) == record.displayName ? nil : .clear(row.name)
                let emailChange: Sealed? = erased || .clear(row.email) == record.email ? nil : .clear(row.email)
                let kind = row.kind.flatMap { $0 == record.kind ? nil : $0 }
                // An empty cell does not erase a recorded e-mail or phone: a file from another source lacks it.
                let email: Sealed? = row.email.isEmpty ? nil : emailChange
                let phone: Sealed? =
                    erased || row.phone.isEmpty || .clear(row.phone) == record.phone ? nil : .clear(row.phone)
                if name != nil || email != nil || kind != nil || phone != nil {
                    list.append(.detailsChanged(member: id, displayName: name, email: email, kind: kind, phone: phone))
                }
                for year in row.duesYears.subtracting(record.duesYears).sorted() {
                    list.append(.duesPaid(member: id, year: year))
                }
                if let seat = row.board, seat != record.holdsOpenMandate(.boardMember) {
                    list.append(
                        seat
                            ? .mandateHeld(member: id, role: .boardMember)
                            : .mandateEnded(member: id, role: .boardMember))
                }
            } else {
                (id, nextNumber) = nextMemberID(taken: taken, from: nextNumber)
                nextNumber += 1
                list.append(
                    .joined(
                        member: id, displayName: .clear(row.name), email: .clear(row.email), kind: row.kind ?? .person,
                        phone: row.phone.isEmpty ? nil : .clear(row.phone), reference: .clear(row.id)))
                for year in row.duesYears.sorted() { list.append(.duesPaid(member: id, year: year)) }
                if row.board == true { list.append(.mandateHeld(member: id, role: .boardMember)) }
            }
            if !list.isEmpty { events[id] = list }
        }
        return .success(events)
    }

    /// Maps the header, reads every row and diffs them against the recorded members; all problems of the file
    /// are reported together. `records[k]` is on line `firstDataLine + k` (2 when the header is line 1).
    public static func importEvents(
        header: [String], records: [[String]], firstDataLine: Int = 2, existing: [MemberID: MemberRecord],
        on today: Day? = nil
    ) -> Result<[MemberID: [MemberEvent]], RosterImportError> {
        let columns: RosterColumns
        do { columns = try RosterColumns.map(header: header) } catch { return .failure(error) }
        var rows: [RosterRow] = []
        var problems: [RosterProblem] = []
        for (k, cells) in records.enumerated() {
            switch columns.row(line: firstDataLine + k, cells: cells) {
            case .success(let row): rows.append(row)
            case .failure(let error): problems += error.problems
            }
        }
        switch importEvents(rows: rows, existing: existing, on: today) {
        case .success(let events):
            return problems.isEmpty ? .success(events) : .failure(RosterImportError(problems: problems))
        case .failure(let error):
            return .failure(RosterImportError(problems: (problems + error.problems).sorted { $0.line < $1.line }))
        }
    }

    /// The day each new member of `changes` joined, when the file gives it (`Membre depuis`): their joining act is
    /// dated so. A row is tied to its new member by the reference of the member's `MemberJoined` (still in clear: the
    /// events of an import are sealed when written). Rows the file cannot read are left out
    /// (``importEvents(header:records:firstDataLine:existing:on:)`` reports them).
    public static func joinDays(
        header: [String], records: [[String]], firstDataLine: Int = 2, for changes: [MemberID: [MemberEvent]]
    ) -> [MemberID: Day] {
        guard let columns = try? RosterColumns.map(header: header) else { return [:] }
        var byReference: [String: Day] = [:]
        for (k, cells) in records.enumerated() {
            if case .success(let row) = columns.row(line: firstDataLine + k, cells: cells), let since = row.since {
                byReference[row.id] = since
            }
        }
        var days: [MemberID: Day] = [:]
        for (id, events) in changes {
            for case .joined(_, _, _, _, _, let reference?) in events {
                if let text = reference.clearText, let since = byReference[text] { days[id] = since }
            }
        }
        return days
    }

    /// The register's own id for a new member: `M` and a number of at least four digits (`M0001`, `M0002`…), the
    /// first that `taken` does not hold. Ids are never reused: a member's stream and roster record stay when they
    /// leave or are erased, so their id stays taken.
    /// `from` is where to start looking (a caller numbering several members in turn passes the last number plus
    /// one, so as not to walk the taken ones again).
    public static func nextMemberID(taken: Set<String>, from start: Int = 1) -> (id: MemberID, number: Int) {
        var n = max(1, start)
        while taken.contains(memberID(number: n)) { n += 1 }
        return (MemberID(memberID(number: n)), n)
    }

    private static func memberID(number: Int) -> String {
        let digits = String(number)
        return "M" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Digits with the usual spacing (`06 12 34 56 78`, `+33 6 12-34-56-78`, `(514) 555.0199`): 6 to 20 digits.
    static func isPlausiblePhone(_ text: String) -> Bool {
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        let allowed = Set("0123456789 +.-()/")
        return text.allSatisfy(allowed.contains) && (6...20).contains(digits)
    }

    /// One `@`, a non-empty local part, a dotted domain, no white space. Deliverability is not checked here.
    static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace }) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
