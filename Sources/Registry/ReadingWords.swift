import Discipline
import EventLog
import Foundation

/// What was wrong when a stored value could not be read back, in words: the field and the fault, never a Swift or
/// Foundation type name (`Dictionary<String, Any>`, `keyNotFound(…)`).
public func readingWords(_ error: any Error) -> Words {
    switch error {
    case let error as DecodingError:
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".")
            return p.isEmpty ? "" : "« \(p) » "
        }
        func pathEn(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".")
            return p.isEmpty ? "" : "\"\(p)\" "
        }
        switch error {
        case .keyNotFound(let key, let context):
            let full = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            return Words("champ « \(full) » manquant", "field \"\(full)\" missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return Words(
                "valeur \(path(context))d'un autre type qu'attendu",
                "value \(pathEn(context))of another kind than expected")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? Words("JSON mal formé", "malformed JSON")
                : Words(
                    "valeur \(path(context))invalide",
                    "invalid value \(pathEn(context))".trimmingCharacters(in: .whitespaces))
        @unknown default:
            return Words("contenu illisible", "unreadable content")
        }
    case let error as MemberEventDecodingError:
        switch error {
        case .unknownType(let type):
            return Words("type d'événement inconnu « \(type) »", "unknown event type \"\(type)\"")
        case let .missingField(type, field):
            return Words("champ « \(field) » manquant dans \(type)", "field \"\(field)\" missing in \(type)")
        }
    case let error as CaseEvent.UnknownEventType:
        return Words("type d'événement inconnu « \(error.type) »", "unknown event type \"\(error.type)\"")
    case let error as EventStoreError:
        switch error {
        case let .corruptRecord(sequence, reason):
            return Words(
                "enregistrement \(sequence) illisible (\(reason))", "record \(sequence) unreadable (\(reason))")
        case .storage(let lmdb):
            return Words("erreur du magasin (code LMDB \(lmdb.rawValue))", "storage error (LMDB code \(lmdb.rawValue))")
        default:
            return Words("erreur du magasin", "store error")
        }
    default:
        return Words("contenu illisible", "unreadable content")
    }
}
