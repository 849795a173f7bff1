/// Text from the registry (names, facts, motives, paths) made inert in Markdown: whatever a name holds, a renderer
/// shows it as text — no HTML element, no link, no image, no emphasis, no extra table cell or row.
///
/// HTML's three characters become entities (`&lt;script&gt;` is shown, never run, in CommonMark, GitHub's Markdown
/// and Python-Markdown alike); the characters that open links, images, code and emphasis are escaped with a
/// backslash; a pipe becomes `&#124;`, which no table splits on; line breaks become spaces, so a value cannot start a
/// new line, block or row; other control characters are written as `\uXXXX`.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in SafeText.field(
            text.replacingOccurrences(of: "\r\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        ).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "&#124;"
            case "~": out += "&#126;"
            case "\\", "`", "*", "_", "[", "]", "#", "!": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        // A value that starts a line must not start a list or a block.
        if let first = out.first, first == "-" || first == "+" {
            out = "\\" + out
        } else if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
            out[dot] == "." || out[dot] == ")"
        {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// A fence for a code block holding `text`: longer than any run of backticks inside it.
    public static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
