import Discipline
import EventLog
import Foundation

extension Registry {
    /// Part of check (2), without keys: every sealed text of `record` names, as its bound place (`at`, the
    /// associated data the tag covers), the record and field where it sits: `STREAM#VERSION/TYPE/PATH`. A box copied
    /// from another record or another field (by someone who then re-hashed the chain) is found here, even by an
    /// auditor who has no key; with keys, it would also fail to open. `nil` when every box is in its place.
    static func misplacedSealedText(_ record: EventRecord) -> Words? {
        guard record.payload.contains(UInt8(ascii: "{")),
            let payload = try? JSONSerialization.jsonObject(with: record.payload, options: [.fragmentsAllowed])
        else { return nil }
        let place = "\(record.stream)#\(record.version)/\(record.type)/"
        var found: Words?
        visitSealed(payload, at: []) { box, path in
            guard found == nil else { return }
            let expected = place + path.joined(separator: ".")
            if box.at != expected {
                found = Words(
                    "texte chiffré hors de sa place : lié à « \(box.at) », trouvé en « \(expected) » (déplacé ou recopié)",
                    "sealed text out of place: bound to \"\(box.at)\", found at \"\(expected)\" (moved or copied)")
            }
        }
        return found
    }

    /// Calls `body` with every sealed object of a parsed payload and its path.
    static func visitSealed(_ value: Any, at path: [String], _ body: (SealedBox, [String]) -> Void) {
        if let object = value as? [String: Any] {
            if Set(object.keys) == ["alg", "at", "box", "kid", "nonce"] {
                if let alg = object["alg"] as? String, let at = object["at"] as? String,
                    let box = object["box"] as? String,
                    let kid = object["kid"] as? String, let nonce = object["nonce"] as? String
                {
                    body(SealedBox(kid: kid, at: at, nonce: nonce, box: box, alg: alg), path)
                }
                return
            }
            for key in object.keys.sorted() {
                if let child = object[key] { visitSealed(child, at: path + [key], body) }
            }
        } else if let array = value as? [Any] {
            for (i, element) in array.enumerated() { visitSealed(element, at: path + [String(i)], body) }
        }
    }
}
