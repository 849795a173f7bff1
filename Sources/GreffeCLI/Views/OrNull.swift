/// A value a JSON output writes as `null` when absent: the documented outputs that have a key with `null` (not no
/// key) keep it with an `Encodable` view. An optional property without it is left out when `nil`.
struct OrNull<Value: Encodable>: Encodable {
    var value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
