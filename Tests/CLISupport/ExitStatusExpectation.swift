import GreffeCLI
import Testing

/// Expects a process's exit status to be the documented one (`greffe --help` lists them), and says which it was
/// when it is not: `expectExit(result.status, .refused)`.
public func expectExit(
    _ status: Int32, _ expected: GreffeCLI.ExitStatus, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = GreffeCLI.ExitStatus(rawValue: status).map { "\($0) (\(status))" } ?? "\(status)"
    let note =
        "exit \(actual), expected \(expected) (\(expected.rawValue))" + (comment.map { ": " + $0.rawValue } ?? "")
    #expect(status == expected.rawValue, Comment(rawValue: note), sourceLocation: sourceLocation)
}
