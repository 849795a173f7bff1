/// Text from the store or from a file never reaches a reader raw: a name holding ESC could drive a terminal, a newline
/// could fake a line, a bidi override could reverse what is read. Input refuses these characters in identity fields;
/// output escapes them anyway, as the last defence against stores written before that check.
public enum SafeText {
    /// True for the characters never printed raw: C0 controls, DEL, C1 controls and the bidirectional overrides
    /// and isolates (U+061C, U+200E, U+200F, U+202A…U+202E, U+2066…U+2069).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\u001B` for ESC, `\u202E` for a right-to-left override: the same spelling as a JSON escape, so that a
    /// JSON string stays valid and means the same once escaped.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A field printed inside a line (a name, an id, an email): every unsafe character escaped, line breaks too.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
