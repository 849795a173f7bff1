import Foundation

/// The directory of the built products (`greffe`, `greffe-stress`, `greffe-bench`), where the running test bundle
/// is: Linux's `/proc/self/exe`, else the program's path.
public func productsDirectory() -> URL {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
    if url.lastPathComponent == "MacOS" || url.pathExtension == "xctest" { url.deleteLastPathComponent() }
    return url
}

/// One built executable of the package, by its product name.
public func builtProduct(_ name: String) -> URL {
    productsDirectory().appendingPathComponent(name)
}
