import Documents
import Foundation

/// Text from the store or from a file never reaches the terminal raw: a name holding ESC could drive the terminal,
/// a newline could fake a line, a bidi override could reverse what is read. Input refuses these characters in
/// identity fields; output escapes them anyway, as the last defence against stores written before that check.
enum SafeText {
    /// True for the characters never printed raw (the documents' own test, Documents.SafeText).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { Documents.SafeText.isUnsafe(scalar) }

    /// `\u001B` for ESC, spelled as a JSON escape (Documents.SafeText).
    static func escaped(_ scalar: Unicode.Scalar) -> String { Documents.SafeText.escaped(scalar) }

    /// A field printed inside a line (a name, an id, an email): every unsafe character escaped, line breaks too.
    static func field(_ text: String) -> String { Documents.SafeText.field(text) }

    /// Text about to be written to the terminal or a file: line feeds and tabs kept, every other unsafe character
    /// escaped.
    static func output(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && scalar != "\n" && scalar != "\t" {
                out += escaped(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Every `print` of this module goes through `SafeText.output`: no control character from the data reaches the
/// terminal raw.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(SafeText.output(text), terminator: terminator)
}
