import EventLog
import Foundation
import Registry

// The JSON every `--json` output is written with: one line, sorted keys, slashes left as they are. A command prints
// an `Encodable` view (Views/) with `jsonText`; the outputs that embed free-form JSON (a record's payload) or that
// are built from many optional parts still go through `jsonLine` on a JSON object.

/// Encodes a Codable value as one JSON line with sorted keys.
func jsonText<T: Encodable>(_ value: T, reveal: Reveal? = nil) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Sealed texts in the value are written as their revealed text.
    if let reveal { encoder.userInfo[.fieldRevealer] = reveal }
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// The record's full envelope as a JSON object; the payload is embedded as JSON when it parses.
func envelope(_ record: EventRecord, reveal: Reveal? = nil) -> [String: Any] {
    var payload: Any =
        (try? JSONSerialization.jsonObject(with: record.payload, options: [.fragmentsAllowed]))
        ?? String(decoding: record.payload, as: UTF8.self)
    // The sealed texts read through the one reveal function; the hashes are those of the stored (sealed) payload.
    if let reveal { payload = reveal.revealing(payload) }
    return [
        "sequence": record.sequence,
        "stream": record.stream,
        "version": record.version,
        "type": record.type,
        "schemaVersion": record.event.schemaVersion,
        "occurredOn": record.event.occurredOn,
        "recordedAt": isoInstant(record.event.recordedAt),
        "actor": record.event.actor,
        "correlationId": record.event.correlationId,
        "causationId": record.event.causationId,
        "payload": payload,
        "prevHash": record.previousHash.hexString,
        "hash": record.hash.hexString
    ]
}

/// One line of JSON with sorted keys.
func jsonLine(_ object: Any) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self)
}

/// `2026-11-24T09:30:00.123Z` for milliseconds since the Unix epoch.
func isoInstant(_ milliseconds: Int64) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
}
