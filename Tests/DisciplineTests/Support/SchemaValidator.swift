import Foundation

/// The python3 on PATH, if any.
let python3: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Runs `scripts/validate_schemas.py` on a folder of examples: its exit status (3: jsonschema missing) and output.
func validateSchemaExamples(in dir: URL) throws -> (status: Int32, text: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3 ?? "/usr/bin/python3")
    process.arguments = [ladderPackageRoot.appendingPathComponent("scripts/validate_schemas.py").path, dir.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}
