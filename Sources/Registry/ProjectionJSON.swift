import Discipline

/// The JSON of the projection entries the replay writes most — a case's summary (`case/<id>`) and its deadlines
/// still due (`due/<id>`) — written by hand, byte for byte what `Projections.jsonEncoder` (Foundation's
/// `JSONEncoder`, sorted keys) writes for them.
///
/// The stored projections are compared byte for byte with the log's replay (the audit's check 4), so the two writers
/// must agree: a value holding a text this writer is not sure to escape as `JSONEncoder` does (a control character,
/// a quotation mark, a backslash) is handed to `JSONEncoder` whole, and tests compare the two on every kind of value.
enum ProjectionJSON {
    /// `Projections.jsonEncoder.encode(summary)`, sooner.
    static func summary(_ summary: CaseSummary) throws -> [UInt8] {
        var out = Writer()
        out.bytes.reserveCapacity(256 + summary.pending.count * 160)
        guard out.summary(summary) else { return Array(try Projections.jsonEncoder.encode(summary)) }
        return out.bytes
    }

    /// `Projections.jsonEncoder.encode(pending)`, sooner.
    static func pending(_ pending: [PendingDeadline]) throws -> [UInt8] {
        var out = Writer()
        guard out.pending(pending) else { return Array(try Projections.jsonEncoder.encode(pending)) }
        return out.bytes
    }

    /// Appends JSON; each method returns false, leaving `bytes` unfinished, on a text it leaves to `JSONEncoder`.
    struct Writer {
        var bytes: [UInt8] = []

        /// The members in the order `JSONEncoder` sorts their keys; absent optionals are left out, as the
        /// synthesized `encode(to:)` does.
        mutating func summary(_ s: CaseSummary) -> Bool {
            append("{\"accused\":[")
            for (i, member) in s.accused.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                guard string(member.rawValue) else { return false }
            }
            append("],\"id\":")
            guard string(s.id.rawValue) else { return false }
            if let day = s.lastActOn {
                append(",\"lastActOn\":")
                self.day(day)
            }
            if let day = s.nextDue {
                append(",\"nextDue\":")
                self.day(day)
            }
            if let rule = s.nextDueRule {
                append(",\"nextDueRule\":")
                guard string(rule.rawValue) else { return false }
            }
            if let day = s.openedOn {
                append(",\"openedOn\":")
                self.day(day)
            }
            append(",\"pending\":")
            guard pending(s.pending) else { return false }
            if let rapporteur = s.rapporteur {
                append(",\"rapporteur\":")
                guard string(rapporteur.rawValue) else { return false }
            }
            append(",\"step\":")
            guard string(s.step.rawValue) else { return false }
            append(",\"version\":")
            append(String(s.version))
            bytes.append(UInt8(ascii: "}"))
            return true
        }

        mutating func pending(_ list: [PendingDeadline]) -> Bool {
            bytes.append(UInt8(ascii: "["))
            for (i, d) in list.enumerated() {
                append(i == 0 ? "{\"bindsAssociation\":" : ",{\"bindsAssociation\":")
                append(d.bindsAssociation ? "true" : "false")
                append(",\"due\":")
                day(d.due)
                append(",\"labelEn\":")
                guard string(d.labelEn) else { return false }
                append(",\"labelFr\":")
                guard string(d.labelFr) else { return false }
                append(",\"rule\":")
                guard string(d.rule.rawValue) else { return false }
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(UInt8(ascii: "]"))
            return true
        }

        /// A day as `Day` encodes itself, `"YYYY-MM-DD"` (its `description`, made here without strings).
        mutating func day(_ day: Day) {
            bytes.append(UInt8(ascii: "\""))
            if (0...9999).contains(day.year), (1...12).contains(day.month), (1...31).contains(day.day) {
                digits(day.year, 4)
                bytes.append(UInt8(ascii: "-"))
                digits(day.month, 2)
                bytes.append(UInt8(ascii: "-"))
                digits(day.day, 2)
            } else {
                append(day.description)
            }
            bytes.append(UInt8(ascii: "\""))
        }

        /// `value` (not negative) in exactly `width` decimal digits.
        mutating func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }

        /// A JSON string: `/` written `\/` (the encoder does not leave slashes unescaped); false on a control
        /// character, a quotation mark or a backslash.
        mutating func string(_ text: String) -> Bool {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"): return false
                case UInt8(ascii: "/"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
            return true
        }

        mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    }
}
