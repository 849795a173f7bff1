import Crypto
import Foundation

/// RFC 3797, "Publicly Verifiable Nominations Committee (NomCom) Random Selection", sections 4 and 6.
///
/// Two pure steps, each re-computable by anyone with the RFC's reference code or a few lines of their own:
/// 1. ``keyString(_:)`` turns the values of the publicly announced entropy sources into the canonical key string;
/// 2. ``selectionOrder(poolSize:key:count:)`` (or ``selectedNumbers(poolSize:key:)``) derives, for index i = 0, 1, 2…, the MD5 digest of
///    (i as 2 bytes, big-endian) ‖ key string ‖ (i as 2 bytes, big-endian), reads the 16 bytes as an unsigned
///    128-bit big-endian number, takes it modulo the number of entries still in the pool, and removes the entry at
///    that position (0-based, so position = remainder + 1) from the remaining list.
public enum RFC3797 {
    /// The largest pool the RFC's reference code accepts (its 2-byte index and its "Pool too big" limit).
    public static let maximumPoolSize = 65_535
    /// The reference code reads at most 16 sources of at most 16 values each; a draw within these limits can be
    /// re-computed with it.
    public static let maximumSources = 16
    /// See ``maximumSources``.
    public static let maximumValuesPerSource = 16

    /// One selection, as the RFC's section 6 prints it.
    public struct Step: Codable, Equatable, Sendable {
        /// The MD5 index i, from 0 (the RFC's printed table numbers the rows from 1).
        public let index: Int
        /// MD5(i ‖ key ‖ i), 32 upper-case hex digits, as the RFC prints it.
        public let digestHex: String
        /// Entries still in the pool before this selection (the divisor, "div" in the RFC's table).
        public let remaining: Int
        /// The digest read as a 128-bit unsigned big-endian number, modulo ``remaining``.
        public let valueModRemaining: Int
        /// 1-based position chosen in the list of entries still remaining (``valueModRemaining`` + 1).
        public let position: Int
        /// The chosen entry's number in the original pool, numbered from 1 ("selected" in the RFC's table).
        public let selected: Int

        public init(index: Int, digestHex: String, remaining: Int, valueModRemaining: Int, position: Int, selected: Int)
        {
            self.index = index
            self.digestHex = digestHex
            self.remaining = remaining
            self.valueModRemaining = valueModRemaining
            self.position = position
            self.selected = selected
        }
    }

    /// The canonical key string for the values of each entropy source, in the announced order of the sources.
    ///
    /// Canonical form (RFC 3797 section 4 and its reference code), checked value by value:
    /// - an integer is written in decimal without leading zeros and followed by a period: `"0012"` → `12.`,
    ///   `"0"` → `0.`;
    /// - the values of one source are sorted ascending (numerically, ties kept) and concatenated, and the source is
    ///   terminated by a slash: `["2", "5", "12", "8", "10"]` → `2.5.8.10.12./`;
    /// - a source may instead give one decimal value `x.y` (a stock index close, say): the integer part without
    ///   leading zeros, a period, the fraction without trailing zeros, then the slash: `"010513.780"` →
    ///   `10513.78/` (the reference code's "float" input; `"3.0"` gives `3./`);
    /// - an alphanumeric value (the RFC advises against them, and the reference code cannot take them) loses white
    ///   space, punctuation and accents, its letters are upper-cased, leaving only A–Z and 0–9, and it is then
    ///   treated as a canonical number: `"Équipe B"` → `EQUIPEB./`; such a source must give exactly one value;
    /// - the sources are concatenated in their announced order.
    ///
    /// Refused rather than guessed: no source, more than 16 sources or 16 values in a source (the reference code's
    /// limits), an empty source or value, a negative number, a decimal value among several values of a source (the
    /// reference code keeps them in typed order with nothing between them, so two verifiers could read them apart),
    /// a number written with separators such as `1 234` or `1,5`, and letters outside A–Z once accents are removed
    /// (`œ`, `ß`, non-Latin scripts).
    public static func keyString(_ sources: [[String]]) throws(KeyStringError) -> String {
        guard !sources.isEmpty else { throw .noSources }
        guard sources.count <= maximumSources else { throw .tooManySources(sources.count) }
        var key = ""
        for (s, values) in sources.enumerated() {
            guard !values.isEmpty else { throw .emptySource(source: s + 1) }
            guard values.count <= maximumValuesPerSource else {
                throw .tooManyValues(source: s + 1, count: values.count)
            }
            let canonical = try values.enumerated().map { (v, text) throws(KeyStringError) -> CanonicalValue in
                try canonicalValue(text, source: s + 1, value: v + 1)
            }
            if canonical.count == 1, canonical[0].kind == .decimal {
                key += canonical[0].text + "/"
                continue
            }
            if canonical.count > 1 {
                if let text = canonical.first(where: { $0.kind == .text }) {
                    throw .textInMultiValueSource(source: s + 1, value: text.text)
                }
                if let index = canonical.firstIndex(where: { $0.kind == .decimal }) {
                    throw .decimalInMultiValueSource(source: s + 1, value: index + 1, text: values[index])
                }
            }
            let sorted = canonical.sorted { a, b in
                a.text.count != b.text.count ? a.text.count < b.text.count : a.text < b.text
            }
            for value in sorted { key += value.text + "." }
            key += "/"
        }
        return key
    }

    /// The first `count` selections from a pool of `poolSize` entries numbered from 1.
    ///
    /// `count` is capped at the pool size (an empty pool gives no step) and at ``maximumPoolSize``, the reach of
    /// the RFC's 2-byte index. The key is used as its UTF-8 bytes; a key from ``keyString(_:)`` is plain ASCII.
    public static func selectionOrder(poolSize: Int, key: String, count: Int) -> [Step] {
        var steps: [Step] = []
        select(poolSize: poolSize, key: key, count: count) { i, digest, divisor, r, chosen in
            steps.append(
                Step(
                    index: i, digestHex: hex(digest, uppercase: true), remaining: divisor,
                    valueModRemaining: r, position: r + 1, selected: chosen))
        }
        return steps
    }

    /// The selection order of a whole pool as pool numbers: the `selected` of every step of
    /// ``selectionOrder(poolSize:key:count:)``, without writing out the digests (what a draw records).
    public static func selectedNumbers(poolSize: Int, key: String) -> [Int] {
        var numbers: [Int] = []
        select(poolSize: poolSize, key: key, count: poolSize) { _, _, _, _, chosen in numbers.append(chosen) }
        return numbers
    }

    /// Runs the selection, handing each step to `step`: its index i, MD5(i ‖ key ‖ i), the divisor, the remainder
    /// and the pool number chosen.
    private static func select(
        poolSize: Int, key: String, count: Int,
        _ step: (_ index: Int, _ digest: Insecure.MD5Digest, _ divisor: Int, _ remainder: Int, _ chosen: Int) -> Void
    ) {
        let size = max(0, min(poolSize, maximumPoolSize))
        let n = max(0, min(count, size))
        guard n > 0 else { return }
        var remaining = Array(stride(from: 1, through: size, by: 1))
        // i ‖ key ‖ i, the two 2-byte indexes rewritten in place at every step.
        var input: [UInt8] = [0, 0]
        input.append(contentsOf: key.utf8)
        input.append(contentsOf: [0, 0])
        let last = input.count - 2
        for i in 0..<n {
            let high = UInt8(truncatingIfNeeded: i >> 8), low = UInt8(truncatingIfNeeded: i)
            input[0] = high
            input[1] = low
            input[last] = high
            input[last + 1] = low
            let digest = Insecure.MD5.hash(data: input)
            let divisor = remaining.count
            let r = remainder(of: digest, modulo: divisor)
            step(i, digest, divisor, r, remaining.remove(at: r))
        }
    }

    /// A big-endian unsigned number modulo `n`, folded byte by byte (r = (r·256 + b) mod n) so no 128-bit integer
    /// is needed. Returns 0 when `n` is not positive.
    static func remainder(of bytes: some Sequence<UInt8>, modulo n: Int) -> Int {
        guard n > 0 else { return 0 }
        var r = 0
        for b in bytes { r = (r * 256 + Int(b)) % n }
        return r
    }

    static func hex(_ bytes: some Sequence<UInt8>, uppercase: Bool) -> String {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct CanonicalValue {
        enum Kind { case integer, decimal, text }
        /// Canonical text, without the period that follows an integer or a text value.
        var text: String
        var kind: Kind
    }

    static func canonicalValue(_ raw: String, source: Int, value: Int) throws(KeyStringError) -> CanonicalValue {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptyValue(source: source, value: value) }
        let scalars = Array(text.unicodeScalars)
        let asciiDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }
        if scalars.allSatisfy(asciiDigit) {
            let stripped = text.drop(while: { $0 == "0" })
            return CanonicalValue(text: stripped.isEmpty ? "0" : String(stripped), kind: .integer)
        }
        // x.y with digits on both sides: the reference code's "float" input.
        let halves = text.split(separator: ".", omittingEmptySubsequences: false)
        if halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty,
            halves.allSatisfy({ $0.unicodeScalars.allSatisfy(asciiDigit) })
        {
            let whole = halves[0].drop(while: { $0 == "0" })
            var fraction = Substring(halves[1])
            while fraction.last == "0" { fraction = fraction.dropLast() }
            return CanonicalValue(text: (whole.isEmpty ? "0" : String(whole)) + "." + fraction, kind: .decimal)
        }
        // No letter at all: a number written some other way. Refuse rather than guess what it means.
        if !scalars.contains(where: { $0.properties.isAlphabetic }) {
            if text.hasPrefix("-") { throw .negativeNumber(source: source, value: value, text: raw) }
            throw .notANumber(source: source, value: value, text: raw)
        }
        // Alphanumeric: remove accents, white space and punctuation; upper-case; only A–Z and 0–9 may remain.
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark { continue }
            if asciiDigit(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x41 && scalar.value <= 0x5A {
                out.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x61 && scalar.value <= 0x7A {
                out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x20) ?? scalar)
            } else if scalar.properties.isAlphabetic || category == .decimalNumber {
                throw .unsupportedCharacter(source: source, value: value, character: String(scalar))
            }
        }
        return CanonicalValue(text: out, kind: .text)
    }
}

/// Why entropy values cannot be turned into an RFC 3797 key string. Sources and values are numbered from 1.
public enum KeyStringError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSources
    case emptySource(source: Int)
    case emptyValue(source: Int, value: Int)
    case negativeNumber(source: Int, value: Int, text: String)
    case tooManySources(Int)
    case tooManyValues(source: Int, count: Int)
    case decimalInMultiValueSource(source: Int, value: Int, text: String)
    case notANumber(source: Int, value: Int, text: String)
    case unsupportedCharacter(source: Int, value: Int, character: String)
    case textInMultiValueSource(source: Int, value: String)
    /// A comma between two digits (`1,5`): a decimal comma or a thousands separator, never a value separator.
    case decimalComma(source: Int, text: String)
    /// Digits grouped by threes (`1 234`): one number with thousands separators, or several values.
    case groupedDigits(source: Int, text: String)
    /// An integer above ``RFC3797/maximumInteger``.
    case integerTooLarge(source: Int, value: Int, text: String)

    /// The problem in French, as the command line prints it by default.
    public var fr: String {
        switch self {
        case .noSources: return "aucune source d'aléa"
        case .emptySource(let s): return "la source d'aléa \(s) n'a pas de valeur"
        case .emptyValue(let s, let v): return "source d'aléa \(s), valeur \(v) : valeur vide"
        case .negativeNumber(let s, let v, let t):
            return "source d'aléa \(s), valeur \(v) (\(t)) : un nombre négatif n'a pas de forme canonique"
        case .tooManySources(let n):
            return "\(n) sources d'aléa ; le code de référence de la RFC en lit au plus \(RFC3797.maximumSources)"
        case .tooManyValues(let s, let n):
            return "la source d'aléa \(s) donne \(n) valeurs ; le code de référence de la RFC en lit au plus "
                + "\(RFC3797.maximumValuesPerSource)"
        case .decimalInMultiValueSource(let s, let v, let t):
            return "source d'aléa \(s), valeur \(v) (\(t)) : une valeur décimale doit être la seule de sa source "
                + "(donnez des entiers, par exemple en centimes)"
        case .notANumber(let s, let v, let t):
            return "source d'aléa \(s), valeur \(v) (\(t)) : écrivez le nombre avec des chiffres seulement (un point "
                + "décimal si besoin), ou donnez plusieurs nombres comme valeurs séparées"
        case .unsupportedCharacter(let s, let v, let c):
            return
                "source d'aléa \(s), valeur \(v) : le caractère \(c) n'est pas dans A–Z ou 0–9 une fois les accents retirés"
        case .textInMultiValueSource(let s, let t):
            return "source d'aléa \(s) : la valeur textuelle \(t) doit être la seule de sa source"
        case .decimalComma(let s, let t):
            return
                "source d'aléa \(s) (\(t)) : une virgule entre deux chiffres est une virgule décimale ou un séparateur "
                + "de milliers, jamais un séparateur de valeurs ; écrivez 1.5 pour un décimal, ou séparez les valeurs par "
                + "des espaces ou « ; »"
        case .groupedDigits(let s, let t):
            return "source d'aléa \(s) (\(t)) : des chiffres groupés par trois ressemblent à un nombre écrit avec des "
                + "séparateurs de milliers ; écrivez-le sans espace (1234), ou séparez les valeurs par « ; »"
        case .integerTooLarge(let s, let v, let t):
            return
                "source d'aléa \(s), valeur \(v) (\(t)) : plus grand que \(RFC3797.maximumInteger), la limite du code "
                + "de référence de la RFC, qui ne pourrait pas refaire le tirage"
        }
    }

    public var description: String {
        switch self {
        case .noSources: return "no entropy source"
        case .emptySource(let s): return "entropy source \(s) has no value"
        case .emptyValue(let s, let v): return "entropy source \(s), value \(v) is empty"
        case .negativeNumber(let s, let v, let t):
            return "entropy source \(s), value \(v) (\(t)): negative numbers have no canonical form here"
        case .tooManySources(let n):
            return "\(n) entropy sources; the RFC's reference code reads at most \(RFC3797.maximumSources)"
        case .tooManyValues(let s, let n):
            return "entropy source \(s) gives \(n) values; the RFC's reference code reads at most "
                + "\(RFC3797.maximumValuesPerSource)"
        case .decimalInMultiValueSource(let s, let v, let t):
            return "entropy source \(s), value \(v) (\(t)): a decimal value must be its source's only value "
                + "(give whole numbers, for example in cents)"
        case .notANumber(let s, let v, let t):
            return "entropy source \(s), value \(v) (\(t)): write the number with digits only (a decimal "
                + "point if needed), or give several numbers as separate values"
        case .unsupportedCharacter(let s, let v, let c):
            return "entropy source \(s), value \(v): character \(c) is not in A–Z or 0–9 once accents are removed"
        case .textInMultiValueSource(let s, let t):
            return "entropy source \(s): the text value \(t) must be the source's only value"
        case .decimalComma(let s, let t):
            return "entropy source \(s) (\(t)): a comma between two digits is a decimal comma or a thousands "
                + "separator, never a value separator; write 1.5 for a decimal, or separate values with spaces or ';'"
        case .groupedDigits(let s, let t):
            return "entropy source \(s) (\(t)): digits grouped by threes look like one number with thousands "
                + "separators; write it without spaces (1234), or separate the values with ';'"
        case .integerTooLarge(let s, let v, let t):
            return "entropy source \(s), value \(v) (\(t)): larger than \(RFC3797.maximumInteger), the limit of the "
                + "RFC's reference code, which could not re-compute the draw"
        }
    }
}
