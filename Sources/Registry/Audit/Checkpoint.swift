import Crypto
public import Discipline
public import EventLog
public import Foundation

/// An auditor's Ed25519 key pair, as lower-case hex of the raw 32-byte keys.
public struct AuditKeyPair: Sendable {
    public var privateKeyHex: String
    public var publicKeyHex: String

    /// A new key pair from the system's secure random generator.
    public static func generate() -> AuditKeyPair {
        let key = Curve25519.Signing.PrivateKey()
        return AuditKeyPair(
            privateKeyHex: key.rawRepresentation.hexString,
            publicKeyHex: key.publicKey.rawRepresentation.hexString)
    }

    /// The pair of a private key written by `generate` (hex, surrounding white space ignored).
    public init(privateKeyHex text: String) throws(CheckpointError) {
        let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = [UInt8](hexString: hex), bytes.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
        else { throw .malformedKey }
        self.init(privateKeyHex: hex.lowercased(), publicKeyHex: key.publicKey.rawRepresentation.hexString)
    }

    private init(privateKeyHex: String, publicKeyHex: String) {
        self.privateKeyHex = privateKeyHex
        self.publicKeyHex = publicKeyHex
    }
}

/// Why a checkpoint or a key cannot be used.
public enum CheckpointError: Error, Equatable, Sendable {
    case malformedKey
    case malformedCheckpoint(Words)

    /// What is wrong, in French and English.
    public var words: Words {
        switch self {
        case .malformedKey:
            return Words(
                "clé illisible (64 chiffres hexadécimaux attendus, comme `greffe audit keygen` les écrit)",
                "unreadable key (64 hex digits expected, as `greffe audit keygen` writes them)")
        case .malformedCheckpoint(let words): return words
        }
    }
}

/// A signed receipt of the log's head: an auditor keeps it outside the store and later proves that the log up to that
/// record is unchanged, even when the whole store was replaced by a forged chain that is consistent in itself.
///
/// The signature is Ed25519 over `signedText`: five lines, each ending with a line feed —
/// `greffe-checkpoint-1`, `sequence <n>`, `hash <64 hex>`, `day <YYYY-MM-DD>`, `public-key <64 hex>`.
public struct Checkpoint: Codable, Equatable, Sendable {
    public static let currentFormat = "greffe-checkpoint-1"

    public var format: String
    /// The head's sequence when the receipt was made.
    public var sequence: UInt64
    /// The hash of that record, lower-case hex.
    public var hash: String
    /// The day the receipt was made.
    public var day: Day
    /// The signer's Ed25519 public key, hex of the raw 32 bytes.
    public var publicKey: String
    /// Ed25519 signature of `signedText`, hex of the 64 bytes.
    public var signature: String

    /// The exact bytes signed.
    public var signedText: String {
        "\(format)\nsequence \(sequence)\nhash \(hash)\nday \(day)\npublic-key \(publicKey)\n"
    }

    /// Signs `head` on `day` with the auditor's key.
    public static func sign(_ head: LogHead, on day: Day, with keys: AuditKeyPair) throws(CheckpointError) -> Checkpoint
    {
        guard let raw = [UInt8](hexString: keys.privateKeyHex),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw .malformedKey }
        var checkpoint = Checkpoint(
            format: currentFormat, sequence: head.sequence, hash: head.hash.hexString, day: day,
            publicKey: keys.publicKeyHex, signature: "")
        guard let signature = try? key.signature(for: Data(checkpoint.signedText.utf8)) else { throw .malformedKey }
        checkpoint.signature = Array(signature).hexString
        return checkpoint
    }

    /// Reads a receipt written by `greffe audit checkpoint` (JSON).
    public static func read(_ data: Data) throws(CheckpointError) -> Checkpoint {
        let checkpoint: Checkpoint
        do {
            checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data)
        } catch {
            throw .malformedCheckpoint(
                Words(
                    "pas un objet JSON avec format, sequence, hash, day, publicKey et signature",
                    "not a JSON object with format, sequence, hash, day, publicKey and signature"))
        }
        guard checkpoint.format == currentFormat else {
            throw .malformedCheckpoint(
                Words(
                    "format \(checkpoint.format), \(currentFormat) attendu",
                    "format \(checkpoint.format), \(currentFormat) expected"))
        }
        guard [UInt8](hexString: checkpoint.hash)?.count == 32 else {
            throw .malformedCheckpoint(
                Words("hash : 64 chiffres hexadécimaux attendus", "hash: 64 hex digits expected"))
        }
        return checkpoint
    }

    /// The receipt as one JSON object (sorted keys), as written to a file.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The head it vouches for.
    public var head: LogHead? {
        [UInt8](hexString: hash).flatMap { $0.count == 32 ? LogHead(sequence: sequence, hash: $0) : nil }
    }

    /// Whether the signature is valid for the receipt's own public key and, when given, whether that key is the
    /// trusted one (a forger can sign a receipt of their own; only the auditor's key proves it is theirs).
    public func signatureProblem(trusting trustedKey: String? = nil) -> Words? {
        guard let keyBytes = [UInt8](hexString: publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes),
            let signatureBytes = [UInt8](hexString: signature)
        else {
            return Words(
                "clé publique ou signature illisible dans le reçu", "unreadable public key or signature in the receipt")
        }
        guard key.isValidSignature(signatureBytes, for: Data(signedText.utf8)) else {
            return Words(
                "signature invalide : le reçu a été modifié ou n'a pas été signé par cette clé",
                "invalid signature: the receipt was changed or not signed by this key")
        }
        if let trustedKey,
            trustedKey.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() != publicKey.lowercased()
        {
            return Words(
                "le reçu est signé par \(publicKey), pas par la clé de confiance \(trustedKey)",
                "the receipt is signed by \(publicKey), not by the trusted key \(trustedKey)")
        }
        return nil
    }
}
