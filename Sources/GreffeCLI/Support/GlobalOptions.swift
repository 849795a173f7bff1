import ArgumentParser
import Documents
import Foundation
import Registry

/// The language of messages: French unless asked otherwise. The documents' own type, so that a letter or a dossier is
/// written in the language the command was given.
public typealias Language = DocumentLanguage

extension DocumentLanguage: ExpressibleByArgument {}

extension DocumentLanguage {
    /// `--lang` if given, else `GREFFE_LANG`, else English when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`)
    /// is English, else French.
    static func resolve(
        _ flag: Language?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> Language
    {
        if let flag { return flag }
        if let explicit = environment["GREFFE_LANG"].flatMap(Language.init(rawValue:)) { return explicit }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.hasPrefix("en") ? .en : .fr }
        }
        return .fr
    }
}

/// Options every command that touches a store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Dossier du magasin (sinon GREFFE_STORE, sinon ~/.local/share/greffe/store).")
    var store: String?

    @Option(name: .long, help: "Langue des messages : fr ou en.")
    var lang: Language?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Dossier des clés (sinon GREFFE_KEYS, sinon le dossier keys du magasin) : voir docs/privacy.md.",
            valueName: "dossier"))
    var keys: String?

    /// The key store directory: `--keys`, else `GREFFE_KEYS`, else `STORE/keys`.
    var keysPath: String {
        if let keys, !keys.isEmpty { return keys }
        if let fromEnv = ProcessInfo.processInfo.environment["GREFFE_KEYS"], !fromEnv.isEmpty { return fromEnv }
        return Registry.defaultKeysPath(ofStore: storePath)
    }

    var language: Language { Language.resolve(lang) }

    /// The store directory: `--store`, else `GREFFE_STORE`, else the per-user default.
    var storePath: String { Self.path(option: store) }

    /// The store directory for a `--store` value (or none): that value, else `GREFFE_STORE`, else the per-user default.
    static func path(
        option store: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String
    {
        if let store, !store.isEmpty { return store }
        if let fromEnv = environment["GREFFE_STORE"], !fromEnv.isEmpty { return fromEnv }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/greffe/store"
    }
}
