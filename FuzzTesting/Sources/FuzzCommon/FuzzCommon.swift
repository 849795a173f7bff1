import Foundation

/// What every fuzzer shares: the input as an array, and a check that stops the run with a message.
///
/// libFuzzer hands each input as a pointer and a length (its C entry point, `LLVMFuzzerTestOneInput`); the fuzzers
/// copy it into an array at once so that nothing else touches the pointer.
public func fuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let start, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: start, count: count))
}

/// Stops the run when `condition` is false: libFuzzer then saves the input as a crash (docs/fuzzing.md).
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard condition() else {
        FileHandle.standardError.write(Data("fuzz check failed at \(file):\(line): \(message())\n".utf8))
        fatalError(message(), file: file, line: line)
    }
}

/// The input's text when it is valid UTF-8 (as the command line reads a file or an argument), else `nil`.
public func utf8Text(_ bytes: [UInt8]) -> String? {
    String(validating: bytes, as: UTF8.self)
}

/// libFuzzer's driver (compiler-rt's `LLVMFuzzerRunDriver`): parses libFuzzer's options and runs `callback` on every
/// input, as libFuzzer's own `main` would.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer on `fuzzer` (the same function the target exports as `LLVMFuzzerTestOneInput`) and exits.
///
/// Why each fuzzer's `main.swift` ends with this call rather than being built with `-parse-as-library` as
/// swiftlang's libFuzzer guide says: SwiftPM links an executable's `main` to a renamed entry point
/// (`<Module>_main`), which `-parse-as-library` leaves undefined, so the link fails (swiftlang/swift-package-manager
/// issue 8731). The top-level code of `main.swift` is that entry point, and hands over to libFuzzer's driver.
public func runFuzzer(_ fuzzer: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzer))
}
