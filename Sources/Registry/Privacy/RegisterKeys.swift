import Crypto
import Discipline
public import EventLog
import Foundation

/// The keys of a register (per-person and per-case), in its key store apart from the log (``KeyStore``).
///
/// Opened lazily: a command that neither seals nor reveals (the replay, `audit verify`, draws and votes) never needs
/// it. The first text a register seals creates the key store and writes the register id both there and in the log's
/// `meta/register`; from then on, the key store opened must carry that id.
public final class RegisterKeys {
    /// The key store's directory.
    public let path: String
    let log: EventStore
    private var opened: KeyStore?
    /// Keys read or made by this process, by kid; and the kid of each subject's current key.
    private var keys: [String: SymmetricKey] = [:]
    private var kids: [String: String] = [:]

    /// Makes no key and no key store: a subject without a key gets a throwaway one, kept in memory only. Set for
    /// a dry run (`--dry-run`, also read from the log's ``EventStore/dryRun``), which must leave no trace.
    public var writesNothing = false
    /// The key store's passphrase, when it has one; `nil`: read from `GREFFE_PASSPHRASE` or `GREFFE_PASSPHRASE_FILE`.
    public var passphrase: String?
    /// The wrapping of a key store made with a passphrase (``KeyWrapping``), once opened.
    private var wrapping: KeyWrapping?

    public init(path: String, log: EventStore) {
        self.path = path
        self.log = log
    }

    /// The subject whose key seals the texts of `stream`: a member's stream and their ladder records use the person's
    /// key (`member/<id>`), a case its own (`case/<id>`); the `registry` and `assembly` streams hold no personal text.
    public static func subject(ofStream stream: String) -> String? {
        if stream.hasPrefix("case/") || stream.hasPrefix("member/") { return stream }
        // The règlement's other paths keep their texts under a key of their own, like a case's.
        if stream.hasPrefix(Registry.mediationPrefix) || stream.hasPrefix(Registry.revocationPrefix)
            || stream.hasPrefix(Registry.requestPrefix) || stream.hasPrefix(Registry.amendmentPrefix)
        {
            return stream
        }
        // An outside person's name and contact are under their own key (their ladder texts under `member/<id>`).
        if stream.hasPrefix(Registry.outsiderPrefix) { return stream }
        if stream.hasPrefix("ladder/") {
            let parts = stream.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3 { return "member/" + parts[2] }
        }
        return nil
    }

    /// The key store, checked against the log's register id. With `create`, a register that never sealed anything
    /// gets its key store and its id now.
    func keyStore(create: Bool) throws -> KeyStore? {
        if let opened { return opened }
        let expected = try log.registerID()
        if expected == nil, !create, !KeyStore.exists(at: path) { return nil }
        if expected != nil, !KeyStore.exists(at: path) { throw KeyStoreError.missing(path: path) }
        let store = try KeyStore.open(at: path, create: create && expected == nil, readOnly: false)
        let found = try store.get("register").map { String(decoding: $0, as: UTF8.self) }
        switch (expected, found) {
        case let (expected?, found?):
            guard expected == found else {
                throw KeyStoreError.otherRegister(path: path, found: found, expected: expected)
            }
        case let (expected?, nil):
            throw KeyStoreError.notAKeyStore(
                path: path, reason: "it has no register id (this register's is \(expected))")
        case let (nil, found?):
            // The key store was made and the log's id not yet written (a stop in between): adopt it.
            if !log.isReadOnly { try log.adoptRegisterID(found) }
        case (nil, nil):
            let id = RegisterKeys.randomHex(16)
            // A passphrase given when the key store is made protects every key it will hold.
            let wrap = try (passphrase ?? KeyWrapping.fromEnvironment()).map { try KeyWrapping.create($0).1 }
            try store.write { writer in
                try writer.put("register", Array(id.utf8))
                if let wrap { try writer.put(KeyWrapping.entry, wrap) }
            }
            try log.adoptRegisterID(id)
        }
        if let wrap = try store.get(KeyWrapping.entry) {
            wrapping = try KeyWrapping.open(
                wrap, passphrase: try passphrase ?? KeyWrapping.fromEnvironment(), path: path)
        }
        opened = store
        return store
    }

    /// A key's bytes as read from the key store: unwrapped when the key store has a passphrase.
    private func unwrapped(_ stored: [UInt8]?, kid: String) throws -> [UInt8]? {
        guard let stored else { return nil }
        guard let wrapping else { return stored }
        return try wrapping.unwrap(stored, kid: kid, path: path)
    }

    static func randomHex(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The current key of `subject` and its kid, made and committed to the key store first when it has none: a
    /// key is always stored before the event that uses it is appended.
    func currentKey(of subject: String) throws -> (kid: String, key: SymmetricKey) {
        if let kid = kids[subject], let key = keys[kid] { return (kid, key) }
        if writesNothing || log.dryRun {
            // A dry run seals with the subject's key when it has one, else with a throwaway key never stored.
            if let store = try keyStore(create: false),
                let kid = try store.get("subject/" + subject).map({ String(decoding: $0, as: UTF8.self) }),
                let bytes = try unwrapped(try store.get("key/" + kid), kid: kid)
            {
                let key = SymmetricKey(data: bytes)
                kids[subject] = kid
                keys[kid] = key
                return (kid, key)
            }
            let kid = RegisterKeys.randomHex(16)
            let key = SymmetricKey(size: .bits256)
            kids[subject] = kid
            keys[kid] = key
            return (kid, key)
        }
        guard let store = try keyStore(create: true) else { throw KeyStoreError.missing(path: path) }
        // The usual case, one small read: the subject already has its key. Only a new subject costs a (synced) write.
        if let kid = try store.get("subject/" + subject).map({ String(decoding: $0, as: UTF8.self) }),
            let bytes = try unwrapped(try store.get("key/" + kid), kid: kid)
        {
            let key = SymmetricKey(data: bytes)
            kids[subject] = kid
            keys[kid] = key
            return (kid, key)
        }
        let (kid, bytes): (String, [UInt8]) = try store.write { writer in
            if let kid = try writer.get("subject/" + subject).map({ String(decoding: $0, as: UTF8.self) }),
                let bytes = try unwrapped(try writer.get("key/" + kid), kid: kid)
            {
                return (kid, bytes)
            }
            let kid = RegisterKeys.randomHex(16)
            let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
            try writer.put("key/" + kid, try wrapping.map { try $0.wrap(bytes, kid: kid) } ?? bytes)
            try writer.put("subject/" + subject, Array(kid.utf8))
            return (kid, bytes)
        }
        let key = SymmetricKey(data: bytes)
        kids[subject] = kid
        keys[kid] = key
        return (kid, key)
    }

    /// What is known of the key `kid`: its bytes, that it was destroyed, or that the key store lacks it.
    enum Lookup {
        case key(SymmetricKey)
        case erased
        case unknown
    }

    func lookup(_ kid: String) throws -> Lookup {
        if let key = keys[kid] { return .key(key) }
        guard let store = try keyStore(create: false) else { return .unknown }
        if let bytes = try unwrapped(try store.get("key/" + kid), kid: kid) {
            let key = SymmetricKey(data: bytes)
            keys[kid] = key
            return .key(key)
        }
        return try store.get("erased/" + kid) != nil ? .erased : .unknown
    }

    /// The seal of the payload of one record: the stream, the version it will have, and its type make `at`.
    func sealer(forStream stream: String, version: UInt64, type: String) throws -> RecordSealer? {
        guard let subject = RegisterKeys.subject(ofStream: stream) else { return nil }
        let (kid, key) = try currentKey(of: subject)
        return RecordSealer(kid: kid, key: key, place: "\(stream)#\(version)/\(type)/")
    }

    /// Destroys the current key of `subject`: deletes it, records `erased/<kid>` with `day`, then compacts the key
    /// store so that the key's bytes leave the file. Returns the kids destroyed (none when the subject had no key).
    @discardableResult
    func destroyKey(of subject: String, on day: Day) throws -> [String] {
        guard let store = try keyStore(create: false) else { return [] }
        let destroyed: [String] = try store.write { writer in
            guard let kid = try writer.get("subject/" + subject).map({ String(decoding: $0, as: UTF8.self) }) else {
                return []
            }
            try writer.delete("key/" + kid)
            try writer.delete("subject/" + subject)
            try writer.put("erased/" + kid, Array(day.description.utf8))
            return [kid]
        }
        for kid in destroyed { keys[kid] = nil }
        kids[subject] = nil
        opened = nil
        try KeyStore.compact(at: path)
        return destroyed
    }
}

extension RegisterKeys {
    /// Wraps every key of the key store under `new` (a new salt and wrapping key), or stores them unwrapped when
    /// `new` is `nil`, in one write transaction; then compacts the key store, so that the keys as the old passphrase
    /// wrapped them (or in clear, before a first passphrase) are physically gone from the file. Opening the key store
    /// first checks the old passphrase (``PassphraseError/required(path:)``, ``PassphraseError/wrong(path:)``):
    /// nothing is written when it is missing or wrong. Returns the number of keys rewrapped, and whether the key store
    /// had a passphrase before.
    func rewrap(passphrase new: String?) throws -> (keys: Int, hadPassphrase: Bool) {
        guard let store = try keyStore(create: false) else { throw KeyStoreError.missing(path: path) }
        let old = wrapping
        let made = try new.map { try KeyWrapping.create($0) }
        let count: Int = try store.write { writer in
            let stored = try writer.entries(prefix: "key/")
            for (name, value) in stored {
                let kid = String(name.dropFirst("key/".count))
                let bytes = try old.map { try $0.unwrap(value, kid: kid, path: path) } ?? value
                try writer.put(name, try made.map { try $0.0.wrap(bytes, kid: kid) } ?? bytes)
            }
            if let made {
                try writer.put(KeyWrapping.entry, made.1)
            } else {
                try writer.delete(KeyWrapping.entry)
            }
            return stored.count
        }
        wrapping = made?.0
        passphrase = new
        opened = nil
        try KeyStore.compact(at: path)
        return (count, old != nil)
    }
}

@available(*, unavailable)
extension RegisterKeys: Sendable {}

/// Seals the texts of one record as its payload is encoded (``FieldSealer``): ChaCha20-Poly1305, a fresh nonce per
/// text, `at` = the record's place followed by the text's path in the payload.
final class RecordSealer: FieldSealer, @unchecked Sendable {
    let kid: String
    let key: SymmetricKey
    let place: String

    init(kid: String, key: SymmetricKey, place: String) {
        self.kid = kid
        self.key = key
        self.place = place
    }

    func seal(_ text: String, path: String) throws -> SealedBox {
        let at = place + path
        let box = try ChaChaPoly.seal(
            Data(text.utf8), using: key, nonce: ChaChaPoly.Nonce(), authenticating: Data(at.utf8))
        return SealedBox(
            kid: kid, at: at, nonce: Data(box.nonce).base64EncodedString(),
            box: (box.ciphertext + box.tag).base64EncodedString())
    }

    /// Opens `box` with `key`: the text, or nil when the tag does not match (altered, moved, or another key).
    static func open(_ box: SealedBox, with key: SymmetricKey) -> String? {
        guard box.alg == SealedBox.algorithm, let nonceBytes = Data(base64Encoded: box.nonce),
            let combined = Data(base64Encoded: box.box), combined.count >= 16,
            let nonce = try? ChaChaPoly.Nonce(data: nonceBytes),
            let sealed = try? ChaChaPoly.SealedBox(
                nonce: nonce, ciphertext: combined.dropLast(16),
                tag: combined.suffix(16)),
            let clear = try? ChaChaPoly.open(sealed, using: key, authenticating: Data(box.at.utf8))
        else { return nil }
        return String(data: clear, encoding: .utf8)
    }
}
