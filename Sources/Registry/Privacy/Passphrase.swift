import Crypto
import _CryptoExtras
import Foundation

/// Why a key store protected by a passphrase cannot be opened.
public enum PassphraseError: Error, Equatable {
    /// The key store is wrapped and no passphrase was given (`GREFFE_PASSPHRASE`, `--passphrase-file`).
    case required(path: String)
    /// The passphrase given does not open the key store.
    case wrong(path: String)
    /// The passphrase file cannot be read, or is empty.
    case unreadableFile(path: String)
    /// The key store's wrapping entry is damaged.
    case damaged(path: String)
}

/// The optional passphrase of a key store: each key is stored sealed (ChaCha20-Poly1305) under a wrapping key derived
/// from the passphrase with scrypt (N = 2^15, r = 8, p = 1, a random 16-byte salt), kept with a check value in the key
/// store's `wrap` entry. A key store made with a passphrase needs it for every read; one made without stays as it is.
struct KeyWrapping {
    static let entry = "wrap"
    static let check = "greffe key store"
    let key: SymmetricKey

    struct Parameters: Codable {
        var kdf: String
        var n: Int
        var r: Int
        var p: Int
        var salt: String
        /// `check` sealed under the wrapping key: a wrong passphrase does not open it.
        var check: String
    }

    /// The passphrase from the environment: `GREFFE_PASSPHRASE`, else the first line of the file named by
    /// `GREFFE_PASSPHRASE_FILE` (`--passphrase-file`). `nil` when neither is set. With `variable`, another pair
    /// (`GREFFE_NEW_PASSPHRASE` and `GREFFE_NEW_PASSPHRASE_FILE`, the new passphrase of `privacy passphrase`).
    static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment, variable: String = "GREFFE_PASSPHRASE"
    ) throws -> String? {
        if let passphrase = environment[variable], !passphrase.isEmpty { return passphrase }
        guard let file = environment[variable + "_FILE"], !file.isEmpty else { return nil }
        guard let data = FileManager.default.contents(atPath: file),
            let line = String(data: data, encoding: .utf8)?.split(separator: "\n", omittingEmptySubsequences: false)
                .first,
            !line.isEmpty
        else { throw PassphraseError.unreadableFile(path: file) }
        return String(line)
    }

    static func derive(_ passphrase: String, salt: Data, n: Int, r: Int, p: Int) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Data(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: n, blockSize: r,
            parallelism: p)
    }

    /// A new wrapping for `passphrase`, and the `wrap` entry to store.
    static func create(_ passphrase: String) throws -> (KeyWrapping, [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let key = try derive(passphrase, salt: salt, n: 1 << 15, r: 8, p: 1)
        let sealed = try ChaChaPoly.seal(Data(check.utf8), using: key, authenticating: Data(entry.utf8)).combined
        let parameters = Parameters(
            kdf: "scrypt", n: 1 << 15, r: 8, p: 1, salt: salt.base64EncodedString(),
            check: sealed.base64EncodedString())
        return (KeyWrapping(key: key), Array(try JSONEncoder().encode(parameters)))
    }

    /// The wrapping of a key store whose `wrap` entry is `stored`, opened with `passphrase`.
    static func open(_ stored: [UInt8], passphrase: String?, path: String) throws -> KeyWrapping {
        guard let passphrase else { throw PassphraseError.required(path: path) }
        guard let parameters = try? JSONDecoder().decode(Parameters.self, from: Data(stored)),
            parameters.kdf == "scrypt",
            let salt = Data(base64Encoded: parameters.salt), let checkBox = Data(base64Encoded: parameters.check),
            (1...(1 << 22)).contains(parameters.n), (1...64).contains(parameters.r), (1...16).contains(parameters.p)
        else { throw PassphraseError.damaged(path: path) }
        let key = try derive(passphrase, salt: salt, n: parameters.n, r: parameters.r, p: parameters.p)
        guard let box = try? ChaChaPoly.SealedBox(combined: checkBox),
            let clear = try? ChaChaPoly.open(box, using: key, authenticating: Data(entry.utf8)),
            clear == Data(check.utf8)
        else { throw PassphraseError.wrong(path: path) }
        return KeyWrapping(key: key)
    }

    /// A key's bytes as stored: sealed under the wrapping key, bound to its kid.
    func wrap(_ bytes: [UInt8], kid: String) throws -> [UInt8] {
        Array(try ChaChaPoly.seal(Data(bytes), using: key, authenticating: Data(("key/" + kid).utf8)).combined)
    }

    /// A stored key's bytes, opened.
    func unwrap(_ stored: [UInt8], kid: String, path: String) throws -> [UInt8] {
        guard let box = try? ChaChaPoly.SealedBox(combined: Data(stored)),
            let clear = try? ChaChaPoly.open(box, using: key, authenticating: Data(("key/" + kid).utf8))
        else { throw PassphraseError.damaged(path: path) }
        return Array(clear)
    }
}
