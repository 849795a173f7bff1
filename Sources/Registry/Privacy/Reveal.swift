public import Discipline
import EventLog
import Foundation

/// Reveals sealed texts for rendering: the one function every screen, document and export is handed to read a
/// name, an e-mail or a text. Nothing else decrypts, and nothing it returns is stored.
///
/// A text whose key was destroyed (`privacy erase`) reads « [effacé] »; a box that does not open under its key
/// (altered, moved to another record, from another register) reads « [altéré] » and is counted in ``faults``; a
/// sealed text read without a key store reads « [chiffré] ».
public final class Reveal: FieldRevealer, @unchecked Sendable {
    let keys: RegisterKeys?
    let words: Words
    /// The `at` of every box that did not open, in the order met.
    public private(set) var faults: [String] = []

    /// The placeholders, in the reader's language.
    public struct Words: Sendable {
        public var erased: String
        public var altered: String
        public var sealed: String
        public static let french = Words(erased: "[effacé]", altered: "[altéré]", sealed: "[chiffré]")
        public static let english = Words(erased: "[erased]", altered: "[altered]", sealed: "[encrypted]")
        public init(erased: String, altered: String, sealed: String) {
            self.erased = erased
            self.altered = altered
            self.sealed = sealed
        }
    }

    init(keys: RegisterKeys?, words: Words) {
        self.keys = keys
        self.words = words
    }

    /// A reveal with no key store: clear texts as they are, sealed ones as « [chiffré] » (tests, legacy stores).
    public static func withoutKeys(words: Words = .french) -> Reveal { Reveal(keys: nil, words: words) }

    /// The text of `value`.
    public func callAsFunction(_ value: Sealed) -> String {
        switch value {
        case .clear(let text): return text
        case .sealed(let box): return open(box)
        }
    }

    public func callAsFunction(_ value: Sealed?) -> String? { value.map { self($0) } }
    public func revealed(_ value: Sealed) -> String { self(value) }
    public func callAsFunction(_ values: [Sealed]) -> [String] { values.map { self($0) } }

    /// Whether `value` reads as the erased placeholder (its key was destroyed).
    public func isErased(_ value: Sealed) -> Bool {
        guard case .sealed(let box) = value, let keys, let found = try? keys.lookup(box.kid) else { return false }
        if case .erased = found { return true }
        return false
    }

    /// Every box that did not open in this process, whatever reveal met it: the command line ends with exit 79
    /// naming them (``processFaults``), after printing « [altéré] » in their place.
    private static let shared = FaultLog()

    final class FaultLog: @unchecked Sendable {
        private let lock = NSLock()
        private var places: [String] = []
        func append(_ place: String) {
            lock.lock(); defer { lock.unlock() }; if !places.contains(place) { places.append(place) }
        }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return places }
    }

    /// The `at` of every sealed text that did not open in this process (altered, moved, or under an unknown key).
    public static var processFaults: [String] { shared.all }

    private func fault(_ at: String) {
        faults.append(at)
        Reveal.shared.append(at)
    }

    private func open(_ box: SealedBox) -> String {
        guard let keys else { return words.sealed }
        let found: RegisterKeys.Lookup
        do {
            found = try keys.lookup(box.kid)
        } catch {
            fault(box.at)
            return words.altered
        }
        switch found {
        case .erased: return words.erased
        case .unknown:
            fault(box.at)
            return words.altered
        case .key(let key):
            guard let text = RecordSealer.open(box, with: key) else {
                fault(box.at)
                return words.altered
            }
            return text
        }
    }
}

extension Registry {
    /// The reveal of this register's texts, after checking its key store: a register that sealed texts needs its
    /// own key store (``KeyStoreError/missing(path:)``, ``KeyStoreError/otherRegister(path:found:expected:)``); one
    /// that never did reads without.
    public func reveal(words: Reveal.Words = .french) throws -> Reveal {
        _ = try keys.keyStore(create: false)
        return Reveal(keys: keys, words: words)
    }
}

extension Reveal {
    /// A payload parsed as JSON (`JSONSerialization`) with every sealed object replaced by its text: what
    /// `log show --json` and `history --json` print.
    public func revealing(_ json: Any) -> Any {
        if let object = json as? [String: Any] {
            if Set(object.keys) == ["alg", "at", "box", "kid", "nonce"], let alg = object["alg"] as? String,
                let at = object["at"] as? String, let box = object["box"] as? String,
                let kid = object["kid"] as? String,
                let nonce = object["nonce"] as? String
            {
                return self(.sealed(SealedBox(kid: kid, at: at, nonce: nonce, box: box, alg: alg)))
            }
            return object.mapValues { revealing($0) }
        }
        if let array = json as? [Any] { return array.map { revealing($0) } }
        return json
    }
}
