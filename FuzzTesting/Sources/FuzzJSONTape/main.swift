import Discipline
import Foundation
import FuzzCommon
import JSONTape

// Differential fuzzing of the JSON tape reader against Foundation (docs/fuzzing.md, "What each fuzzer checks").
//
// 1. Any JSON value: what the tape reader gives, JSONDecoder gives too (equal); the tape may decline what
//    Foundation reads, never read what Foundation refuses nor give another value.
// 2. The types Greffe stores (case commands and events, member records): the same, through `PayloadDecoder`, which
//    must give JSONDecoder's value or fail when it fails.
// 3. The parser alone against JSONSerialization: it takes a document only if Foundation does, and declines one
//    Foundation reads only for a documented reason (nesting beyond 256, a comma before a closing bracket, a
//    byte-order mark or another encoding than UTF-8).

/// Any JSON value, read the same way by both decoders (first the types that cannot be confused).
indirect enum AnyJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let i = try? c.decode(Int64.self) { self = .integer(i); return }
        if let d = try? c.decode(Double.self) { self = .number(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([AnyJSON].self) { self = .array(a); return }
        self = .object(try c.decode([String: AnyJSON].self))
    }
}

/// The tape's value, if any, is JSONDecoder's; PayloadDecoder gives JSONDecoder's value or fails with it.
func agree<T: Decodable & Equatable>(_ type: T.Type, _ data: Data, viaPayloadDecoder: Bool) {
    let foundation = try? JSONDecoder().decode(T.self, from: data)
    if let tape = TapeReader.decode(T.self, from: data) {
        require(foundation != nil, "the tape reader read a \(T.self) that JSONDecoder refuses")
        require(tape == foundation, "the tape reader and JSONDecoder give different \(T.self) values")
    }
    if viaPayloadDecoder {
        let payload = try? PayloadDecoder.decode(T.self, from: data)
        require(payload == foundation, "PayloadDecoder and JSONDecoder disagree on a \(T.self)")
    }
}

/// Outside strings: the nesting depth of brackets, and whether a comma comes right before a closing bracket (a rough
/// scan: enough to tell a document Foundation reads for one of the documented reasons).
func shape(_ bytes: [UInt8]) -> (depth: Int, trailingComma: Bool) {
    var depth = 0, deepest = 0, inString = false, escaped = false, afterComma = false, trailingComma = false
    for byte in bytes {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            continue
        }
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D: continue
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
        case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1; trailingComma = trailingComma || afterComma
        default: break
        }
        afterComma = byte == UInt8(ascii: ",")
    }
    return (deepest, trailingComma)
}

/// Whether a string escape writes a UTF-16 surrogate (`\uD800`…`\uDFFF`), which the parser leaves to the reading.
func hasSurrogateEscape(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 4 else { return false }
    for i in 0..<(bytes.count - 3)
    where bytes[i] == UInt8(ascii: "\\") && bytes[i + 1] == UInt8(ascii: "u")
        && (bytes[i + 2] | 0x20) == UInt8(ascii: "d")
    {
        if Array("89abcdef".utf8).contains(bytes[i + 3] | 0x20) {
            return true
        }
    }
    return false
}

/// Whether a number outside strings does not fit a Double (JSONSerialization refuses it; JSONDecoder reads the
/// document as long as that member is not read, and so does the tape).
func hasNumberBeyondDouble(_ bytes: [UInt8]) -> Bool {
    var inString = false, escaped = false, token: [UInt8] = []
    func beyond() -> Bool {
        defer { token.removeAll() }
        guard !token.isEmpty, let value = Double(String(decoding: token, as: UTF8.self)) else { return false }
        return !value.isFinite || (value == 0 && token.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") })
    }
    for byte in bytes {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            continue
        }
        if Array("+-.0123456789eE".utf8).contains(byte) { token.append(byte); continue }
        if beyond() { return true }
        if byte == UInt8(ascii: "\"") { inString = true }
    }
    return beyond()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONTape(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let data = Data(bytes)

    agree(AnyJSON.self, data, viaPayloadDecoder: true)
    agree([String: String].self, data, viaPayloadDecoder: false)
    agree([Int].self, data, viaPayloadDecoder: false)
    agree(CaseCommand.self, data, viaPayloadDecoder: true)
    agree(CaseEvent.self, data, viaPayloadDecoder: true)
    agree(MemberRecord.self, data, viaPayloadDecoder: true)

    let tapeParses = TapeReader.parses(bytes)
    let foundationParses = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    let plainUTF8 = utf8Text(bytes) != nil && !hasSurrogateEscape(bytes)
    if tapeParses && plainUTF8 && !hasNumberBeyondDouble(bytes) {
        require(foundationParses, "the tape parser takes a document JSONSerialization refuses")
    }
    if foundationParses && !tapeParses {
        let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let otherEncoding = bytes.contains(0)
        let (depth, trailingComma) = shape(bytes)
        require(
            depth > 256 || trailingComma || byteOrderMark || otherEncoding || !plainUTF8,
            "the tape parser declines a plain JSON document JSONSerialization reads")
    }
    return 0
}

runFuzzer(fuzzJSONTape)
