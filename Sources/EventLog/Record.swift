import Crypto
public import Foundation

/// An event to append: everything of a record except what the log assigns (sequence, version, hashes).
public struct NewEvent: Equatable, Sendable {
    public var type: String
    public var schemaVersion: UInt32
    /// The day the act happened, `YYYY-MM-DD`, as given by the user.
    public var occurredOn: String
    /// The instant the act was recorded, in milliseconds since 1970-01-01T00:00:00Z.
    public var recordedAt: Int64
    public var actor: String
    public var correlationId: String
    public var causationId: String
    /// The event's own data, as JSON bytes.
    public var payload: Data

    public init(
        type: String, schemaVersion: UInt32 = 1, occurredOn: String, recordedAt: Int64, actor: String,
        correlationId: String = "", causationId: String = "", payload: Data
    ) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.occurredOn = occurredOn
        self.recordedAt = recordedAt
        self.actor = actor
        self.correlationId = correlationId
        self.causationId = causationId
        self.payload = payload
    }
}

/// One stored record of the log, as read back.
public struct EventRecord: Equatable, Sendable {
    /// Global position in the log: 1, 2, 3… with no gaps.
    public var sequence: UInt64
    public var stream: String
    /// Position within the stream: 1, 2, 3… with no gaps.
    public var version: UInt64
    public var event: NewEvent
    /// Hash of the record before this one (32 zero bytes for the first record).
    public var previousHash: [UInt8]
    /// SHA-256 of this record's canonical body, which starts with `previousHash`.
    public var hash: [UInt8]

    public var type: String { event.type }
    public var payload: Data { event.payload }

    /// A record as read from a copy of the log (an export); the store builds its own when appending or reading.
    public init(
        sequence: UInt64, stream: String, version: UInt64, event: NewEvent, previousHash: [UInt8], hash: [UInt8]
    ) {
        self.sequence = sequence
        self.stream = stream
        self.version = version
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}

extension EventRecord {
    /// SHA-256 of the canonical body rebuilt from this record's fields (docs/storage-format.md): equal to `hash`
    /// exactly when the fields are the ones that were hashed. Lets a copy of the log (an export) be re-verified.
    public var recomputedHash: [UInt8] {
        RecordCodec.sha256(
            RecordCodec.body(
                sequence: sequence, stream: stream, version: version, event: event, previousHash: previousHash))
    }
}

/// The canonical binary encoding of a record (on-disk format 1). See docs/storage-format.md.
///
/// Body: `prev_hash[32] ‖ seq:u64 ‖ stream:str ‖ version:u64 ‖ type:str ‖ schema_version:u32 ‖
/// occurred_on:str ‖ recorded_at:i64 ‖ actor:str ‖ correlation_id:str ‖ causation_id:str ‖ payload:bytes`,
/// integers big-endian, `str`/`bytes` as a u32 big-endian length then the bytes (UTF-8 for strings).
/// The stored value is `body ‖ SHA-256(body)`.
enum RecordCodec {
    static let hashSize = 32
    static let genesisHash = [UInt8](repeating: 0, count: hashSize)

    /// The size of a record's stored value: its body and the hash after it.
    static func storedSize(stream: String, event: NewEvent) -> Int {
        hashSize * 2 + 8 + 8 + 4 + 8 + 4 * 7 + stream.utf8.count + event.type.utf8.count
            + event.occurredOn.utf8.count + event.actor.utf8.count + event.correlationId.utf8.count
            + event.causationId.utf8.count + event.payload.count
    }

    /// Writes a record's stored value — its body, then the body's SHA-256 — into `buffer`, which must be exactly
    /// ``storedSize(stream:event:)`` bytes (the append path writes straight into the page LMDB reserved for it).
    /// Returns the hash.
    static func write(
        into buffer: UnsafeMutableRawBufferPointer, sequence: UInt64, stream: String, version: UInt64, event: NewEvent,
        previousHash: [UInt8]
    ) -> [UInt8] {
        var out = RawWriter(buffer: buffer)
        previousHash.withUnsafeBytes { out.append($0) }
        out.appendInteger(sequence)
        out.appendField(stream)
        out.appendInteger(version)
        out.appendField(event.type)
        out.appendInteger(event.schemaVersion)
        out.appendField(event.occurredOn)
        out.appendInteger(UInt64(bitPattern: event.recordedAt))
        out.appendField(event.actor)
        out.appendField(event.correlationId)
        out.appendField(event.causationId)
        event.payload.withUnsafeBytes { payload in
            out.appendInteger(UInt32(payload.count))
            out.append(payload)
        }
        let digest = sha256(UnsafeRawBufferPointer(rebasing: buffer[0..<out.offset]))
        return digest.withUnsafeBytes { hash in
            out.append(hash)
            return Array(hash)
        }
    }

    /// A record's body (without the hash), as an array.
    static func body(
        sequence: UInt64, stream: String, version: UInt64, event: NewEvent, previousHash: [UInt8]
    )
        -> [UInt8]
    {
        Array(
            encode(sequence: sequence, stream: stream, version: version, event: event, previousHash: previousHash)
                .value.dropLast(hashSize))
    }

    static func sha256(_ bytes: some DataProtocol) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// SHA-256 of bytes in place (no copy, none of `DataProtocol`'s region walk).
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }

    /// The stored value for a record, as an array: its body followed by the body's hash.
    static func encode(
        sequence: UInt64, stream: String, version: UInt64, event: NewEvent, previousHash: [UInt8]
    )
        -> (value: [UInt8], hash: [UInt8])
    {
        var hash: [UInt8] = []
        let size = storedSize(stream: stream, event: event)
        let value = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            hash = write(
                into: UnsafeMutableRawBufferPointer(buffer), sequence: sequence, stream: stream,
                version: version, event: event, previousHash: previousHash)
            initialized = size
        }
        return (value, hash)
    }

    /// Why a stored value could not be read as a record.
    struct DecodeFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes a stored value. The stored hash is returned as found; checking it is the verifier's job.
    static func decode(_ value: UnsafeRawBufferPointer) throws(DecodeFailure) -> EventRecord {
        var reader = ByteReader(value)
        guard value.count >= hashSize * 2 else { throw DecodeFailure(description: "record too short") }
        let previous = reader.take(hashSize)
        guard let sequence = reader.integer(UInt64.self),
            let stream = reader.string(),
            let version = reader.integer(UInt64.self),
            let type = reader.string(),
            let schemaVersion = reader.integer(UInt32.self),
            let occurredOn = reader.string(),
            let recordedAt = reader.integer(UInt64.self),
            let actor = reader.string(),
            let correlation = reader.string(),
            let causation = reader.string(),
            let payload = reader.fieldBytes()
        else { throw DecodeFailure(description: "record body truncated or malformed") }
        guard reader.remaining == hashSize else {
            throw DecodeFailure(description: "record has \(reader.remaining - hashSize) unexpected trailing bytes")
        }
        let hash = reader.take(hashSize)
        let event = NewEvent(
            type: type, schemaVersion: schemaVersion, occurredOn: occurredOn,
            recordedAt: Int64(bitPattern: recordedAt), actor: actor, correlationId: correlation,
            causationId: causation, payload: Data(payload))
        return EventRecord(
            sequence: sequence, stream: stream, version: version, event: event, previousHash: previous,
            hash: hash)
    }
}

extension RecordCodec {
    /// What the chain walk needs of a stored value — its sequence, stream and version — read in place, checking
    /// the whole layout as ``decode(_:)`` does (every length, UTF-8 text, nothing after the hash); `nil` when
    /// anything is off (the caller then decodes in full to name the fault). The stream's bytes point into `value`.
    static func chainFields(
        _ value: UnsafeRawBufferPointer
    )
        -> (sequence: UInt64, stream: UnsafeRawBufferPointer, version: UInt64)?
    {
        guard value.count >= hashSize * 2 else { return nil }
        var reader = ByteReader(value)
        reader.offset = hashSize
        guard let sequence = reader.integer(UInt64.self),
            let stream = reader.textBytes(),
            let version = reader.integer(UInt64.self),
            reader.skipText(), // type
            reader.integer(UInt32.self) != nil,
            reader.skipText(), // occurred_on
            reader.integer(UInt64.self) != nil,
            reader.skipText(), // actor
            reader.skipText(), // correlation_id
            reader.skipText(), // causation_id
            reader.fieldBytes() != nil, // payload
            reader.remaining == hashSize
        else { return nil }
        return (sequence, stream, version)
    }
}

extension UnsafeRawBufferPointer {
    /// The same bytes as `other` (`memcmp`).
    func sameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        guard count == other.count else { return false }
        guard let a = baseAddress, let b = other.baseAddress else { return count == 0 }
        return memcmp(a, b, count) == 0
    }
}

/// Sequential writer into a buffer sized beforehand (``RecordCodec/storedSize(stream:event:)``).
struct RawWriter {
    let buffer: UnsafeMutableRawBufferPointer
    var offset = 0

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
        offset += bytes.count
    }

    mutating func appendInteger<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.bigEndian) { append($0) }
    }

    /// A `str` field: u32 big-endian length, then the UTF-8 bytes.
    mutating func appendField(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            appendInteger(UInt32(utf8.count))
            append(UnsafeRawBufferPointer(utf8))
        }
    }
}

/// Sequential reader over stored bytes; every read checks the remaining length.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0
    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var remaining: Int { buffer.count - offset }

    mutating func take(_ n: Int) -> [UInt8] {
        let slice = Array(buffer[offset..<min(offset + n, buffer.count)])
        offset += n
        return slice
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        var v: T = 0
        for i in 0..<size { v = v << 8 | T(buffer[offset + i]) }
        offset += size
        return v
    }

    /// A `str` or `bytes` field's bytes where they lie (valid as long as the buffer is).
    mutating func fieldBytes() -> UnsafeRawBufferPointer? {
        guard let length = integer(UInt32.self), remaining >= Int(length) else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + Int(length))])
        offset += Int(length)
        return bytes
    }

    /// Skips a `str` field after checking that it is UTF-8, as ``string()`` would, without making a `String`.
    mutating func skipText() -> Bool { textBytes() != nil }

    /// A `str` field's bytes where they lie, once checked to be UTF-8 (ASCII byte by byte, the rest by the standard
    /// library).
    mutating func textBytes() -> UnsafeRawBufferPointer? {
        guard let bytes = fieldBytes() else { return nil }
        if bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return nil
    }

    /// A `str` field as a `String` (`nil` when it is not UTF-8), made from the bytes where they lie. ASCII needs
    /// no validation (the slow part of making a `String`, and most fields are ASCII).
    mutating func string() -> String? {
        guard let bytes = fieldBytes() else { return nil }
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80 ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    mutating func appendInteger<T: FixedWidthInteger>(_ v: T) {
        let big = v.bigEndian
        Swift.withUnsafeBytes(of: big) { append(contentsOf: $0) }
    }

    /// Big-endian bytes of an integer, used for keys so that byte order is numeric order.
    static func bigEndian<T: FixedWidthInteger>(_ v: T) -> [UInt8] {
        var out: [UInt8] = []
        out.appendInteger(v)
        return out
    }
}

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Parses lower- or upper-case hexadecimal; `nil` when the text is not hex.
    public init?(hexString: String) {
        let chars = Array(hexString.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        self = out
    }
}
