/// The idempotency key of a path act (`--id`): a command id, never a sentence. It is stored in clear in the envelope
/// (the causation id), outside what the register seals, so it may hold no name nor free text: ASCII letters, digits
/// and `-_.:#/` only, at most ``maximumBytes``.
public enum PathCommandID {
    public static let maximumBytes = 128

    /// What is wrong with `id` (French, English), or `nil` when it is a well-formed key.
    public static func problem(_ id: String) -> (fr: String, en: String)? {
        if let problem = CommandIdentifier.problem(id) { return problem }
        if id.utf8.count > maximumBytes {
            return ("la clé fait plus de \(maximumBytes) octets", "the key is longer than \(maximumBytes) bytes")
        }
        let allowed = id.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_.:#/".unicodeScalars.contains(s))
        }
        guard allowed else {
            return (
                "une clé d'acte est un identifiant (lettres, chiffres, - _ . : # /), pas un texte libre : elle est gardée en clair",
                "an act's key is an identifier (letters, digits, - _ . : # /), not free text: it is kept in clear"
            )
        }
        return nil
    }
}
