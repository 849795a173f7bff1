import Foundation

/// Writes a rendered letter as an RFC 5322 message any mail client opens: UTF-8, `multipart/alternative` with a
/// plain-text part and an HTML part made from the same text, header words encoded as RFC 2047 says, CRLF line ends.
/// Greffe sends nothing itself.
public enum MailMessage {
    /// The message, dated `date` (the moment it is written: the command line reads the clock).
    public static func eml(_ letter: RenderedLetter, date: Date, language: DocumentLanguage) -> String {
        let draft = letter.draft
        let boundary = "greffe-" + hex(hash(draft.reference + "|boundary"))
        var headers = [
            "From: " + address(draft.from),
            "To: " + draft.to.map(address).joined(separator: ",\r\n "),
            "Subject: " + encodedWords(letter.subject, header: "Subject: "),
            "Date: " + rfc5322(date),
            "Message-ID: <\(hex(hash(draft.reference)))-\(hex(hash(rfc5322(date))))@greffe.invalid>",
            "Content-Language: " + language.rawValue,
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\""
        ]
        if let deadline = draft.deadline { headers.append("X-Greffe-Deadline: \(deadline)") }
        headers.append("X-Greffe-Letter: \(draft.kind.rawValue)")
        var lines = headers + ["", language.t("Ce message est au format MIME.", "This is a MIME message."), ""]
        for (type, content) in [("text/plain", letter.body), ("text/html", html(letter, language: language))] {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                ""
            ]
            let encoded = Data(content.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString()
            var index = encoded.startIndex
            while index < encoded.endIndex {
                let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
                lines.append(String(encoded[index..<end]))
                index = end
            }
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `Name <address>`, the name as encoded words when it is not plain ASCII.
    static func address(_ a: MailAddress) -> String {
        let plain = a.name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || $0 == " " || $0 == "-")
        }
        return (plain ? a.name : encodedWords(a.name, header: "")) + " <\(a.email)>"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, folded on spaces; plain ASCII text stays as is.
    static func encodedWords(_ text: String, header: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && $0.value < 127 }
        if safe && text.count + header.count <= 76 && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }

    /// FNV-1a: a stable identifier, not a security measure.
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
    static func hex(_ v: UInt64) -> String { String(v, radix: 16) }

    /// The HTML part: the same text, blank lines making paragraphs, `- ` lines a list, `> ` lines a quotation.
    static func html(_ letter: RenderedLetter, language: DocumentLanguage) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var blocks: [String] = []
        var paragraph: [String] = []
        func flush() {
            defer { paragraph = [] }
            guard !paragraph.isEmpty else { return }
            if paragraph.allSatisfy({ $0.hasPrefix("- ") }) {
                blocks.append(
                    "<ul>\n"
                        + paragraph.map { "<li>" + escape(String($0.dropFirst(2))) + "</li>" }.joined(separator: "\n")
                        + "\n</ul>")
            } else if paragraph.allSatisfy({ $0.hasPrefix(">") }) {
                let text = paragraph.map { escape($0.dropFirst().trimmingCharacters(in: .whitespaces)) }.joined(
                    separator: "<br>\n")
                blocks.append(
                    "<blockquote style=\"border-left:3px solid #888;margin:0 0 1em 0;padding-left:1em;color:#333\">"
                        + text + "</blockquote>")
            } else {
                blocks.append("<p>" + paragraph.map(escape).joined(separator: "<br>\n") + "</p>")
            }
        }
        for line in letter.body.components(separatedBy: "\n") {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flush() } else { paragraph.append(line) }
        }
        flush()
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(escape(letter.subject))</title></head>
            <body style="font-family:sans-serif;line-height:1.5;max-width:40em">
            \(blocks.joined(separator: "\n"))
            </body></html>

            """
    }
}
