import Foundation

/// A uniquely named directory under the system's temporary folder, removed with everything in it when the value goes
/// away. Every test that needs a scratch folder or a fresh store takes one.
public final class TemporaryDirectory: Sendable {
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    /// `prefix` names the folder after its use (`greffe-cli-…`), which helps when one is left behind by a crash;
    /// with `creating: false` only the name is chosen (a test of what happens where nothing exists yet).
    public init(prefix: String = "greffe-test", creating: Bool = true) {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        if creating { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/name`.
    public func appending(_ name: String) -> String { path + "/" + name }
}
