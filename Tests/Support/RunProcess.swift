import Foundation

/// The repository's root directory (this file is Tests/Support/RunProcess.swift).
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs a process to its end and returns its exit status and standard output.
@discardableResult
public func runProcess(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Runs `python3 scripts/NAME ARGS` (the independent verifiers) and returns its status and standard output.
public func runScript(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    try runProcess(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["python3", repositoryRoot.appendingPathComponent("scripts").appendingPathComponent(name).path] + arguments)
}
