import Foundation
import JSONTape

/// Text from outside (arguments, `apply` files, spreadsheets) is read as strict UTF-8: a byte that is not UTF-8 is
/// refused with its position, never replaced by U+FFFD and stored.
enum TextInput {
    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or nil when all
    /// of `bytes` is UTF-8 (overlong forms, surrogates and values above U+10FFFF are not).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? { UTF8Check.firstInvalid(in: bytes) }

    /// The 1-based line and the byte offset (from the start of that line, 1-based) of byte `offset` in `bytes`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for (index, byte) in bytes[..<offset].enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The encodings a spreadsheet file may come in.
    enum Encoding: Equatable {
        case utf8, utf16LittleEndian, utf16BigEndian, windows1252

        var name: String {
            switch self {
            case .utf8: "UTF-8"
            case .utf16LittleEndian: "UTF-16 (little-endian)"
            case .utf16BigEndian: "UTF-16 (big-endian)"
            case .windows1252: "Windows-1252 / Latin-1"
            }
        }
    }

    /// A spreadsheet's text: UTF-8 as it should be; UTF-16 (with or without its byte-order mark) and Windows-1252
    /// (a superset of Latin-1 in every printable character) converted, with the encoding found so that the caller
    /// says so. Throws a message naming the problem when the bytes are none of these.
    static func spreadsheet(_ data: Data, file: String) throws -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            return try utf16(Data(bytes.dropFirst(2)), littleEndian: little, file: file)
        }
        if bytes.count >= 2, bytes.lazy.filter({ $0 == 0 }).count * 4 >= bytes.count {
            // UTF-16 without a byte-order mark: ASCII characters leave a zero byte beside them (a stray NUL in a
            // UTF-8 file does not make it UTF-16; it is refused later, in the field that holds it).
            let evenZeros = stride(from: 0, to: bytes.count, by: 2).filter { bytes[$0] == 0 }.count
            let oddZeros = stride(from: 1, to: bytes.count, by: 2).filter { bytes[$0] == 0 }.count
            return try utf16(data, littleEndian: oddZeros >= evenZeros, file: file)
        }
        guard let bad = firstInvalidUTF8(in: bytes) else {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        // Windows-1252 leaves five bytes undefined; Latin-1 gives them C1 controls, refused later in names anyway.
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        if !bytes.contains(where: undefined.contains), let text = String(data: data, encoding: .windowsCP1252) {
            return (text, .windows1252)
        }
        let (line, column) = position(of: bad, in: bytes)
        throw CLIFailure(
            status: .refused,
            fr:
                "\(file) n'est pas un texte UTF-8 (octet 0x\(String(format: "%02X", bytes[bad])) ligne \(line), octet \(column)) ni un autre codage reconnu ; enregistrez-le depuis le tableur en « CSV UTF-8 » ; rien n'a été écrit",
            en:
                "\(file) is not UTF-8 text (byte 0x\(String(format: "%02X", bytes[bad])) on line \(line), byte \(column)) nor another known encoding; save it from the spreadsheet as \"CSV UTF-8\"; nothing was written"
        )
    }

    private static func utf16(
        _ data: Data, littleEndian: Bool, file: String
    ) throws -> (text: String, encoding: Encoding) {
        guard data.count % 2 == 0,
            let text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        else {
            throw CLIFailure(
                status: .refused,
                fr:
                    "\(file) semble être en UTF-16 mais n'est pas lisible ainsi ; enregistrez-le depuis le tableur en « CSV UTF-8 » ; rien n'a été écrit",
                en:
                    "\(file) looks like UTF-16 but cannot be read as such; save it from the spreadsheet as \"CSV UTF-8\"; nothing was written"
            )
        }
        return (text, littleEndian ? .utf16LittleEndian : .utf16BigEndian)
    }

    /// Where a CSV text first misuses a double quote, as the CSV reader would find it: a `"` inside a cell that did
    /// not start with one (it must then be doubled and the whole cell quoted), or text after the closing quote of a
    /// quoted cell. Returns the 1-based physical line, or nil.
    static func quoteProblemLine(in text: String, delimiter: Character) -> Int? {
        enum State { case start, plain, plainQuote, quoted, quotedQuote }
        var state = State.start
        var line = 1
        for char in text {
            switch state {
            case .start:
                if char == "\"" {
                    state = .quoted
                } else if char == delimiter || char.isNewline || char.isWhitespace {
                    // another empty cell, or white space before a cell
                } else {
                    state = .plain
                }
            case .plain:
                if char == "\"" { state = .plainQuote } else if char == delimiter || char.isNewline { state = .start }
            case .plainQuote:
                if char == "\"" { state = .plain } else { return line }
            case .quoted:
                if char == "\"" { state = .quotedQuote }
            case .quotedQuote:
                if char == "\"" {
                    state = .quoted
                } else if char == delimiter || char.isNewline {
                    state = .start
                } else if !char.isWhitespace {
                    return line
                }
            }
            if char.isNewline { line += 1 }
        }
        return nil
    }
}
