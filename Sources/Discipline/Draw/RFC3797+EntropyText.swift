import Foundation

extension RFC3797 {
    /// The largest integer value accepted: the RFC's reference code reads integer values into a C `long`, which C
    /// guarantees only up to 2,147,483,647 (32 bits on some systems). A larger value could give another key string
    /// there, so a draw could not be re-computed with it.
    public static let maximumInteger = 2_147_483_647

    /// The values of one entropy source as published and typed (`3 11 17 25 38`, `3, 11, 17`, `3;11;17`,
    /// `10513.78`, `W 4-1`), for ``keyString(_:)``. `source` (from 1) only names the source in errors.
    ///
    /// A text holding a letter is one value (a text value such as a score: `W 4-1`), unless a number stands alone
    /// beside its words (`3 trois`: a list with a word in it, or a text? refused). Otherwise values are
    /// separated by `;`, by a comma followed by a space, or by white space. Refused rather than guessed:
    /// - a comma between two digits (`1,5`: a French decimal, or a thousands separator);
    /// - digits grouped by threes after a space, a no-break space or an apostrophe (`1 234`, `12 345 678`): one
    ///   number written with thousands separators, or several values? Write `1234`, or separate values with `;`;
    /// - an integer above ``maximumInteger``.
    public static func values(fromEntropyText raw: String, source: Int) throws(KeyStringError) -> [String] {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptySource(source: source) }
        let scalars = Array(text.unicodeScalars)
        let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }
        if scalars.contains(where: { $0.properties.isAlphabetic }) {
            // A list of numbers with a word in it (`3 trois`), or a text? Refused rather than guessed.
            let tokens = text.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "," })
            if tokens.count > 1,
                tokens.contains(where: { token in
                    !token.isEmpty && token.unicodeScalars.allSatisfy { isDigit($0) || $0 == "." } && token.first != "."
                })
            {
                throw .textInMultiValueSource(source: source, value: text)
            }
            return [text]
        }
        for i in scalars.indices.dropFirst().dropLast() where isDigit(scalars[i - 1]) && isDigit(scalars[i + 1]) {
            switch scalars[i] {
            case ",": throw .decimalComma(source: source, text: text)
            case "\u{00A0}", "\u{202F}", "\u{2009}", "'", "\u{2019}": throw .groupedDigits(source: source, text: text)
            default: continue
            }
        }
        var values: [String] = []
        // Chunks between explicit separators (`;`, or a comma, now never between digits); then white space.
        for chunk in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let groups = chunk.split(whereSeparator: \.isWhitespace).map(String.init)
            if groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                groups.allSatisfy({ $0.unicodeScalars.allSatisfy(isDigit) })
            {
                throw .groupedDigits(source: source, text: String(chunk).trimmingCharacters(in: .whitespaces))
            }
            values += groups
        }
        guard !values.isEmpty else { throw .emptySource(source: source) }
        try checkReferenceRange([values], firstSource: source)
        return values
    }

    /// Refuses an integer value above ``maximumInteger`` (sources numbered from `firstSource`).
    public static func checkReferenceRange(_ sources: [[String]], firstSource: Int = 1) throws(KeyStringError) {
        for (s, values) in sources.enumerated() {
            for (v, raw) in values.enumerated() {
                let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) else {
                    continue
                }
                let digits = text.drop(while: { $0 == "0" })
                if digits.count > 10 || (digits.count == 10 && digits > "2147483647") {
                    throw .integerTooLarge(source: firstSource + s, value: v + 1, text: text)
                }
            }
        }
    }
}
