import Foundation

/// A strict JSON reader for `Decodable` types that declines, rather than guesses, whatever it is not sure of.
///
/// It parses a document once into a flat list of nodes (each container knows where its subtree ends) and looks keys
/// up by comparing bytes, which is several times faster than Foundation's `JSONDecoder` on small documents (that
/// builds a dictionary for every JSON object and pays a fixed cost per document).
///
/// It reads only what it is sure of: strict RFC 8259 JSON, objects without a repeated key, strings that are valid
/// UTF-8 (escapes included), integers without fraction or exponent that fit their type, and no floating-point,
/// `Date`, `Data`, `URL` or `Decimal` value (which `JSONDecoder` treats in its own ways). Anything else gives `nil`,
/// and the caller hands the document to `JSONDecoder`; what it does give is what `JSONDecoder` gives
/// (docs/fuzzing.md says how that is checked and where the two readers differ).
public enum TapeReader {
    /// The value of `type` that `data` holds, or `nil` when the reader declines the document.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        // One copy of the payload into an array: the reader then indexes it with bounds checks, no pointer (every
        // unsafe pointer of the project stays in EventLog).
        let bytes = [UInt8](data)
        guard var parser = TapeParser(bytes), let nodes = try? parser.parse() else { return nil }
        let decoder = TapeDecoder(bytes: bytes, nodes: nodes)
        return try? decoder.value(type, at: 0)
    }

    /// Whether the parser takes `bytes` as one JSON document (strings are checked for UTF-8 only when read).
    public static func parses(_ bytes: [UInt8]) -> Bool {
        guard var parser = TapeParser(bytes) else { return false }
        return (try? parser.parse()) != nil
    }
}

/// Why the reader declines a document; never shown (`JSONDecoder` then reads it and says what is wrong).
struct Declined: Error {}

/// One JSON value of a parsed document, in document order.
struct TapeNode {
    enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }
    var kind: Kind
    /// A string holding a backslash escape.
    var escaped = false
    /// A string of ASCII bytes only (then made without UTF-8 validation, the slow part of making a `String`).
    var ascii = true
    /// Byte range of a string's content (without its quotes) or of a number.
    var start = 0
    var end = 0
    /// The index of the next node after this one and everything inside it.
    var next = 0
}

/// A strict RFC 8259 parser producing ``TapeNode``s; throws ``Declined`` on anything else.
struct TapeParser {
    let bytes: [UInt8]
    var offset = 0
    var nodes: [TapeNode] = []
    static let maximumDepth = 256

    init?(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return nil }
        self.bytes = bytes
    }

    mutating func parse() throws(Declined) -> [TapeNode] {
        nodes.reserveCapacity(bytes.count / 8 + 4)
        skipSpace()
        try value(depth: 0)
        skipSpace()
        guard offset == bytes.count else { throw Declined() }
        return nodes
    }

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Declined) {
        guard offset < bytes.count, depth < TapeParser.maximumDepth else { throw Declined() }
        let index = nodes.count
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            nodes.append(TapeNode(kind: .object))
            if try opens(closing: UInt8(ascii: "}")) {
                repeat {
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw Declined() }
                    try string()
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw Declined() }
                    offset += 1
                    skipSpace()
                    try value(depth: depth + 1)
                } while try another(before: UInt8(ascii: "}"))
            }
        case UInt8(ascii: "["):
            nodes.append(TapeNode(kind: .array))
            if try opens(closing: UInt8(ascii: "]")) {
                repeat { try value(depth: depth + 1) } while try another(before: UInt8(ascii: "]"))
            }
        case UInt8(ascii: "\""):
            try string()
            return
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        default:
            try number()
            return
        }
        nodes[index].next = nodes.count
    }

    /// Past an opening bracket: false when the container is empty (its `closing` bracket read too), else true,
    /// at its first member or element.
    private mutating func opens(closing: UInt8) throws(Declined) -> Bool {
        offset += 1
        skipSpace()
        guard offset < bytes.count else { throw Declined() }
        if bytes[offset] == closing {
            offset += 1
            return false
        }
        return true
    }

    /// After a member or element: true at a comma (read, with the space after it), false at `closing` (read).
    private mutating func another(before closing: UInt8) throws(Declined) -> Bool {
        skipSpace()
        guard offset < bytes.count else { throw Declined() }
        if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            skipSpace()
            return true
        }
        guard bytes[offset] == closing else { throw Declined() }
        offset += 1
        return false
    }

    private mutating func literal(_ word: StaticString, _ kind: TapeNode.Kind) throws(Declined) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - offset >= count else { throw Declined() }
        for i in 0..<count where bytes[offset + i] != word.utf8Start[i] { throw Declined() }
        offset += count
        nodes.append(TapeNode(kind: kind, next: nodes.count + 1))
    }

    /// A string: no control character, only JSON's escapes (checked here, decoded when read).
    private mutating func string() throws(Declined) {
        offset += 1
        let start = offset
        var escaped = false
        var high: UInt8 = 0
        while true {
            guard offset < bytes.count else { throw Declined() }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw Declined() }
            high |= byte
            if byte == UInt8(ascii: "\\") {
                escaped = true
                offset += 1
                guard offset < bytes.count else { throw Declined() }
                switch bytes[offset] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offset += 1
                case UInt8(ascii: "u"):
                    // A surrogate only as a high one followed by a low one (JSONDecoder refuses a key with a lone
                    // one, even when it is never looked up), so every string decodes.
                    let code = try hex4(at: offset + 1)
                    offset += 5
                    if code >= 0xDC00 && code < 0xE000 { throw Declined() }
                    if code >= 0xD800 && code < 0xDC00 {
                        guard bytes.count - offset > 1, bytes[offset] == UInt8(ascii: "\\"),
                            bytes[offset + 1] == UInt8(ascii: "u")
                        else { throw Declined() }
                        let low = try hex4(at: offset + 2)
                        guard low >= 0xDC00 && low < 0xE000 else { throw Declined() }
                        offset += 6
                    }
                default: throw Declined()
                }
            } else {
                offset += 1
            }
        }
        // Every string is valid UTF-8, read or not (JSONDecoder refuses a key that is not, even one never looked up).
        guard high < 0x80 || TapeParser.isValidUTF8(bytes, from: start, to: offset) else { throw Declined() }
        nodes.append(
            TapeNode(
                kind: .string, escaped: escaped, ascii: high < 0x80, start: start, end: offset,
                next: nodes.count + 1))
        offset += 1
    }

    /// Whether `bytes[start..<end]` is well-formed UTF-8, checked without making a string.
    static func isValidUTF8(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        UTF8Check.firstInvalid(in: bytes, from: start, to: end) == nil
    }

    /// A number as RFC 8259 writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(Declined) {
        let start = offset
        func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard digit(offset) else { throw Declined() }
        if bytes[offset] == 0x30 {
            offset += 1
        } else {
            while digit(offset) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digit(offset) else { throw Declined() }
            while digit(offset) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard digit(offset) else { throw Declined() }
            while digit(offset) { offset += 1 }
        }
        nodes.append(TapeNode(kind: .number, start: start, end: offset, next: nodes.count + 1))
    }

    /// The four hexadecimal digits at `at`, as a number.
    private func hex4(at: Int) throws(Declined) -> UInt32 {
        guard bytes.count - at >= 4 else { throw Declined() }
        var value: UInt32 = 0
        for i in at..<(at + 4) {
            guard let digit = TapeParser.hexValue(bytes[i]) else { throw Declined() }
            value = value << 4 | digit
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}

/// The `Decoder` over a parsed document.
public final class TapeDecoder: Decoder {
    let bytes: [UInt8]
    let nodes: [TapeNode]
    /// The node the value being decoded starts at.
    var current = 0

    init(bytes: [UInt8], nodes: [TapeNode]) {
        self.bytes = bytes
        self.nodes = nodes
    }

    // A failed decoding is read again by JSONDecoder, which gives the coding path in its error.
    public var codingPath: [any CodingKey] { [] }
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The string the value being decoded is, read without a single-value container: for the `init(from:)` of a
    /// type written as one string, read often (`if let tape = decoder as? TapeDecoder { … }`).
    public func stringValue() throws -> String { try string(at: current) }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard nodes[current].kind == .object else { throw Declined() }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(decoder: self, object: current))
    }

    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard nodes[current].kind == .array else { throw Declined() }
        return TapeUnkeyedContainer(decoder: self, array: current)
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TapeSingleValueContainer(decoder: self, node: current)
    }

    // MARK: Values at a node

    /// Decodes `type` from the value at node `index`.
    func value<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // The leaves read most often, read directly rather than through their `init(from:)` and a single-value
        // container (an order of 1,200 numbers); `T` is then exactly that type, so the casts cannot fail. A type
        // written as one string reads it with ``stringValue()`` (a pool of 1,200 member ids).
        if T.self == String.self, let value = try string(at: index) as? T { return value }
        if T.self == Int.self, let value = try integer(Int.self, at: index) as? T { return value }
        if T.self == Bool.self, let value = try bool(at: index) as? T { return value }
        // The types JSONDecoder reads in its own ways: declined (floating point is declined where it is read).
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw Declined()
        }
        let saved = current
        current = index
        defer { current = saved }
        return try T(from: self)
    }

    func bool(at index: Int) throws(Declined) -> Bool {
        switch nodes[index].kind {
        case .true: return true
        case .false: return false
        default: throw Declined()
        }
    }

    /// An integer written without fraction or exponent, that fits `T`.
    func integer<T: FixedWidthInteger>(_: T.Type, at index: Int) throws(Declined) -> T {
        let node = nodes[index]
        guard node.kind == .number else { throw Declined() }
        var i = node.start
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var result: T = 0
        while i < node.end {
            let byte = bytes[i]
            guard byte >= 0x30 && byte <= 0x39 else { throw Declined() }
            let (times10, o1) = result.multipliedReportingOverflow(by: 10)
            let (next, o2) =
                negative
                ? times10.subtractingReportingOverflow(T(byte - 0x30))
                : times10.addingReportingOverflow(T(byte - 0x30))
            guard !o1, !o2 else { throw Declined() }
            result = next
            i += 1
        }
        return result
    }

    func string(at index: Int) throws(Declined) -> String {
        let node = nodes[index]
        guard node.kind == .string else { throw Declined() }
        let raw = bytes[node.start..<node.end]
        // Checked as UTF-8 by the parser: made without validating again.
        guard node.escaped else { return String(decoding: raw, as: UTF8.self) }
        guard let text = String(validating: try unescaped(Array(raw)), as: UTF8.self) else { throw Declined() }
        return text
    }

    /// The bytes of an escaped string's content, escapes decoded (a `\u` surrogate pair into one scalar; a lone
    /// surrogate is declined).
    private func unescaped(_ raw: [UInt8]) throws(Declined) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) throws(Declined) -> UInt32 {
            guard raw.count - at >= 4 else { throw Declined() }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let h = TapeParser.hexValue(raw[at + k]) else { throw Declined() }
                v = v << 4 | h
            }
            return v
        }
        while i < raw.count {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < raw.count else { throw Declined() }
            let escape = raw[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4(i)
                i += 4
                if code >= 0xD800 && code < 0xDC00 {
                    guard i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") else {
                        throw Declined()
                    }
                    let low = try hex4(i + 2)
                    guard low >= 0xDC00 && low < 0xE000 else { throw Declined() }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let scalar = Unicode.Scalar(code) else { throw Declined() }
                UTF8.encode(scalar) { out.append($0) }
            default: throw Declined()
            }
        }
        return out
    }

    /// Objects spanning more nodes than this are searched from a remembered place (``TapeKeyedContainer/find(_:)``).
    static let largeObject = 32
    /// Large objects already checked for repeated keys.
    var checkedObjects: Set<Int> = []
    /// For a large object, the member after the last one found in it.
    var resumeAt: [Int: Int] = [:]

    /// Declines the document when the large object at `object` may repeat a key (checked once per object): two keys
    /// with the same 64-bit FNV-1a hash of their bytes, or a key written with an escape or other than in ASCII (which
    /// may be another spelling of a key), leave it to JSONDecoder.
    func checkKeysOnce(_ object: Int) throws(Declined) {
        guard checkedObjects.insert(object).inserted else { return }
        var seen: Set<UInt64> = []
        var i = object + 1
        let end = nodes[object].next
        while i < end {
            let key = nodes[i]
            guard !key.escaped, key.ascii else { throw Declined() }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes[key.start..<key.end] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            guard seen.insert(hash).inserted else { throw Declined() }
            i = nodes[i + 1].next
        }
    }

    /// Whether the key at node `index` is `name`, as JSONDecoder compares keys: as Swift strings, so canonically
    /// equivalent spellings (`é` composed or not, KELVIN SIGN and `K`) are one key. Bytes are compared when both are
    /// ASCII and unescaped (`nameIsASCII` says it of `name`); anything else is compared as strings.
    func key(at index: Int, is name: String, nameIsASCII: Bool) -> Bool {
        let node = nodes[index]
        if node.escaped || !node.ascii || !nameIsASCII { return (try? string(at: index)) == name }
        let wanted = name.utf8
        guard wanted.count == node.end - node.start else { return false }
        return wanted.elementsEqual(bytes[node.start..<node.end])
    }
}

struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: TapeDecoder
    let object: Int

    var codingPath: [any CodingKey] { [] }

    /// Every member's key, in document order (a repeated key declines the document when looked up).
    var allKeys: [Key] {
        var keys: [Key] = []
        var i = object + 1
        let end = decoder.nodes[object].next
        while i < end {
            if let name = try? decoder.string(at: i), let key = Key(stringValue: name) { keys.append(key) }
            i = decoder.nodes[i + 1].next
        }
        return keys
    }

    /// The node of the value under `key`, `nil` when absent; a key present twice declines the document.
    ///
    /// A small object is searched whole. A large one (a dictionary: a member's dues by year) is checked once for
    /// repeated keys, then searched from where the last look-up in it ended, as its keys are mostly read in order.
    func find(_ key: Key) throws(Declined) -> Int? {
        let name = key.stringValue
        let nameIsASCII = name.utf8.allSatisfy { $0 < 0x80 }
        let end = decoder.nodes[object].next
        guard end - object > TapeDecoder.largeObject else {
            var found: Int?
            var i = object + 1
            while i < end {
                if decoder.key(at: i, is: name, nameIsASCII: nameIsASCII) {
                    guard found == nil else { throw Declined() }
                    found = i + 1
                }
                i = decoder.nodes[i + 1].next
            }
            return found
        }
        try decoder.checkKeysOnce(object)
        let first = object + 1
        let start = decoder.resumeAt[object] ?? first
        var i = start
        var wrapped = false
        while true {
            if i >= end {
                // From the remembered place to the end, then from the first member up to that place.
                if wrapped || start == first { return nil }
                wrapped = true
                i = first
            }
            if wrapped && i >= start { return nil }
            let value = i + 1
            let next = decoder.nodes[value].next
            if decoder.key(at: i, is: name, nameIsASCII: nameIsASCII) {
                decoder.resumeAt[object] = next
                return value
            }
            i = next
        }
    }

    func require(_ key: Key) throws(Declined) -> Int {
        guard let index = try find(key) else { throw Declined() }
        return index
    }

    func contains(_ key: Key) -> Bool { (try? find(key)) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.nodes[try require(key)].kind == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: try require(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: try require(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw Declined() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Declined() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(type, at: try require(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try decoder.integer(type, at: try require(key))
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try decoder.integer(type, at: try require(key))
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try decoder.integer(type, at: try require(key))
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.value(type, at: try require(key))
    }

    /// One look-up for an optional member (the protocol's default looks the key up three times).
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = try find(key), decoder.nodes[index].kind != .null else { return nil }
        return try decoder.value(type, at: index)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = try find(key), decoder.nodes[index].kind != .null else { return nil }
        return try decoder.string(at: index)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = try find(key), decoder.nodes[index].kind != .null else { return nil }
        return try decoder.bool(at: index)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = try find(key), decoder.nodes[index].kind != .null else { return nil }
        return try decoder.integer(type, at: index)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try require(key)
        guard decoder.nodes[index].kind == .object else { throw Declined() }
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try require(key)
        guard decoder.nodes[index].kind == .array else { throw Declined() }
        return TapeUnkeyedContainer(decoder: decoder, array: index)
    }

    func superDecoder() throws -> any Decoder { throw Declined() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw Declined() }
}

struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: TapeDecoder
    /// The node of the next element (the array's end when there is none).
    var position: Int
    let end: Int
    let count: Int?
    var currentIndex = 0

    init(decoder: TapeDecoder, array: Int) {
        self.decoder = decoder
        position = array + 1
        end = decoder.nodes[array].next
        var n = 0
        var i = position
        while i < end {
            n += 1
            i = decoder.nodes[i].next
        }
        count = n
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { position >= end }

    mutating func next() throws(Declined) -> Int {
        guard position < end else { throw Declined() }
        let index = position
        position = decoder.nodes[index].next
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard position < end else { throw Declined() }
        guard decoder.nodes[position].kind == .null else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try decoder.string(at: try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { throw Declined() }
    mutating func decode(_ type: Float.Type) throws -> Float { throw Declined() }
    mutating func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: try next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: try next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try next()
        guard decoder.nodes[index].kind == .object else { throw Declined() }
        return KeyedDecodingContainer(TapeKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let index = try next()
        guard decoder.nodes[index].kind == .array else { throw Declined() }
        return TapeUnkeyedContainer(decoder: decoder, array: index)
    }

    mutating func superDecoder() throws -> any Decoder { throw Declined() }
}

struct TapeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: TapeDecoder
    let node: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { decoder.nodes[node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: node) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: node) }
    func decode(_ type: Double.Type) throws -> Double { throw Declined() }
    func decode(_ type: Float.Type) throws -> Float { throw Declined() }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type, at: node) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type, at: node) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type, at: node) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type, at: node) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type, at: node) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type, at: node) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type, at: node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type, at: node) }
}

/// Strict UTF-8 (RFC 3629: no overlong form, no surrogate, nothing beyond U+10FFFF), checked on bytes without making a
/// string: the JSON reader's strings, and every text Greffe takes from outside (arguments, `apply` files, spreadsheets).
public enum UTF8Check {
    /// The offset of the first byte of `bytes[start..<end]` (all of it by default) that does not start or continue a
    /// well-formed UTF-8 sequence, or nil when the range is UTF-8.
    public static func firstInvalid(in bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        var i = start
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // The length of the sequence, and the range of its second byte (narrower after E0, ED, F0, F4).
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard end - i >= length, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
