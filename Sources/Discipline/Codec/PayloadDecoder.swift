public import Foundation
import JSONTape

/// Reads stored event payloads (UTF-8 JSON) into their `Decodable` types, faster than Foundation's `JSONDecoder`
/// and with the same result.
///
/// Decoding payloads was most of a replay's time (docs/performance.md). The strict reader of the `JSONTape` module
/// reads every payload Greffe writes; whatever it declines goes to `JSONDecoder`, which then gives its value or its
/// error. So a payload decodes to what `JSONDecoder` gives, only sooner.
public enum PayloadDecoder {
    /// Decodes `type` from `data`, as `JSONDecoder().decode(type, from: data)` would.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let value = fastDecode(type, from: data) { return value }
        return try JSONDecoder().decode(type, from: data)
    }

    /// The fast reader alone: `nil` when it declines the document (tests compare it with `JSONDecoder`).
    static func fastDecode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        TapeReader.decode(type, from: data)
    }
}
