import JSONTape

/// An id whose whole value is its text: members and cases are named by such ids. The conforming types differ only in
/// their name (so that a case id is never taken for a member id); the text, its order, its literal form and its JSON
/// form (a bare string) are the same for both and written once here.
public protocol TextIdentifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String, StringLiteralType == String {
    init(rawValue: String)
}

extension TextIdentifier {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws {
        // The payload reader gives the string directly (a draw pool holds 1,200 member ids).
        if let tape = decoder as? TapeDecoder {
            self.init(rawValue: try tape.stringValue())
            return
        }
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A member of the association (a person or a member association), by its stable id.
public struct MemberID: TextIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A disciplinary case, by its short human id (`2026-001`).
public struct CaseID: TextIdentifier {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The documented form of a case id, `2026-001`: a four-digit year, a dash, at least three digits (ASCII only), so
    /// that a case's stream name is always `case/` and this id, and the next free id of a year stays computable.
    public var isWellFormed: Bool {
        let parts = rawValue.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        let digits = { (s: Substring.UTF8View.SubSequence) in !s.isEmpty && s.allSatisfy { (0x30...0x39).contains($0) }
        }
        return parts.count == 2 && parts[0].count == 4 && parts[1].count >= 3 && parts[1].count <= 6
            && digits(parts[0]) && digits(parts[1])
    }
}

/// What identity fields (ids, names, email addresses) may hold. A control character in a name can drive a terminal
/// (ESC, BEL), fake a line (a line feed) or end a C string (NUL); a bidirectional override makes a name read
/// differently from what is stored. None of them has a place in a name, so they are refused where names enter.
public enum IdentityText {
    /// The longest id accepted, in UTF-8 bytes: ids become parts of LMDB keys (at most 511 bytes) and are echoed
    /// in every message.
    public static let maxIDBytes = 128
    /// The longest name or email address accepted, in UTF-8 bytes.
    public static let maxFieldBytes = 320

    /// The first character `text` may not hold: a C0 or C1 control (line breaks and tabs included), DEL, a line
    /// or paragraph separator, or a bidirectional mark, embedding, override or isolate.
    public static func forbiddenScalar(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `U+001B` for ESC: how a refused character is named in messages.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
