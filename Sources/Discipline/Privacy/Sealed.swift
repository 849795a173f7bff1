import Foundation

/// A personal text of an event (a name, an e-mail, the facts of a case, a reason, a note) as the log stores it:
/// sealed (encrypted and authenticated) under the key of the person or of the case it belongs to, or, in records
/// written before sealing existed, in clear.
///
/// Decoding never needs a key: a sealed value stays sealed in the domain (the replay, the deciders, draws and votes
/// never read a text), and only rendering reveals it (`Registry`'s `Reveal`). A command carries its texts in clear;
/// the registry seals them after the decision, while it encodes the payload, before the record is hashed.
///
/// JSON: either a string (clear, legacy records) or an object `{"alg", "at", "box", "kid", "nonce"}` (``SealedBox``).
public enum Sealed: Hashable, Sendable {
    /// A text in clear: in a command, or in a record written before sealing.
    case clear(String)
    /// A text sealed under a key of the key store.
    case sealed(SealedBox)

    /// Whether the text is missing: a blank clear text. A sealed text counts as present (rules requiring a text
    /// cannot look inside, and the registry never seals a blank one).
    public var isBlank: Bool {
        switch self {
        case .clear(let text): return text.allSatisfy(\.isWhitespace)
        case .sealed: return false
        }
    }

    /// The text when it is in clear, `nil` when sealed.
    public var clearText: String? {
        if case .clear(let text) = self { return text }
        return nil
    }

    /// `first`, `separator` and `second` as one text: joined when both are in clear (a command's texts, before
    /// sealing), else `first` alone (a sealed text cannot be joined without its key).
    public static func joined(_ first: Sealed, _ separator: String, _ second: Sealed) -> Sealed {
        if case .clear(let a) = first, case .clear(let b) = second { return .clear(a + separator + b) }
        return first
    }

    /// The sealed form, `nil` when in clear.
    public var box: SealedBox? {
        if case .sealed(let box) = self { return box }
        return nil
    }
}

extension Sealed: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .clear(value) }
    public init(stringInterpolation: DefaultStringInterpolation) {
        self = .clear(String(stringInterpolation: stringInterpolation))
    }
}

/// One sealed text: ChaCha20-Poly1305 under the key `kid`, with a fresh 12-byte nonce, and `at` as associated data.
///
/// `at` names where the text belongs, `STREAM#VERSION/TYPE/PATH` (`case/2026-001#1/ComplaintFiled/facts`,
/// `member/ana#1/MemberJoined/displayName`, `case/2026-001#4/VictimHeard/demands.0`): the tag covers it, so a box
/// copied to another record or field either keeps an `at` that does not name its place (found by `audit verify`) or
/// fails to open.
public struct SealedBox: Codable, Hashable, Sendable {
    /// The algorithm, `chacha20-poly1305` (the only one).
    public var alg: String
    /// The key's id in the key store (random, 32 hex digits: it names no one).
    public var kid: String
    /// The associated data: the text's place in the log.
    public var at: String
    /// The nonce, base64 (12 bytes).
    public var nonce: String
    /// The ciphertext followed by the 16-byte tag, base64.
    public var box: String

    public static let algorithm = "chacha20-poly1305"

    public init(kid: String, at: String, nonce: String, box: String, alg: String = SealedBox.algorithm) {
        self.alg = alg
        self.kid = kid
        self.at = at
        self.nonce = nonce
        self.box = box
    }
}

/// What seals the texts of one record while its payload is encoded: given to `JSONEncoder.userInfo` under
/// ``Foundation/CodingUserInfoKey/fieldSealer`` by the registry, which knows the key, the stream and the version.
public protocol FieldSealer: AnyObject, Sendable {
    /// Seals `text`, found at `path` (dot-separated field names and array indices) in the payload.
    func seal(_ text: String, path: String) throws -> SealedBox
}

/// What reveals the sealed texts of a view being encoded for output (`--json`): given to `JSONEncoder.userInfo`
/// under ``Foundation/CodingUserInfoKey/fieldRevealer``, it makes every ``Sealed`` encode as its text.
public protocol FieldRevealer: AnyObject, Sendable {
    func revealed(_ value: Sealed) -> String
}

extension CodingUserInfoKey {
    /// The ``FieldSealer`` of the payload being encoded, when its texts are to be sealed.
    public static let fieldSealer = CodingUserInfoKey(rawValue: "greffe.fieldSealer")!
    /// The ``FieldRevealer`` of a view being encoded for output.
    public static let fieldRevealer = CodingUserInfoKey(rawValue: "greffe.fieldRevealer")!
}

extension Sealed: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .clear(text)
        } else {
            self = .sealed(try container.decode(SealedBox.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let revealer = encoder.userInfo[.fieldRevealer] as? any FieldRevealer {
            try container.encode(revealer.revealed(self))
            return
        }
        switch self {
        case .clear(let text):
            if !text.isEmpty, let sealer = encoder.userInfo[.fieldSealer] as? any FieldSealer {
                try container.encode(try sealer.seal(text, path: Sealed.path(encoder.codingPath)))
            } else {
                try container.encode(text)
            }
        case .sealed(let box):
            try container.encode(box)
        }
    }

    /// A coding path written as the `PATH` of ``SealedBox/at``: `demands.0`, `facts`.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

// A sealed text is not meant to be interpolated: screens reveal it first (`Registry`'s `Reveal`). These overloads make
// any interpolation a compiler warning that names the place, and never print a sealed box's fields.
extension DefaultStringInterpolation {
    @available(*, deprecated, message: "reveal the sealed text first (Registry's Reveal)")
    public mutating func appendInterpolation(_ value: Sealed) { appendLiteral(value.clearText ?? "[chiffré]") }
    @available(*, deprecated, message: "reveal the sealed text first (Registry's Reveal)")
    public mutating func appendInterpolation(_ value: Sealed?) {
        appendLiteral(value.map { $0.clearText ?? "[chiffré]" } ?? "nil")
    }
    @available(*, deprecated, message: "reveal the sealed texts first (Registry's Reveal)")
    public mutating func appendInterpolation(_ value: [Sealed]) {
        appendLiteral(value.map { $0.clearText ?? "[chiffré]" }.joined(separator: ", "))
    }
}
