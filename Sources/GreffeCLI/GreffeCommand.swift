import ArgumentParser
public struct GreffeCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(commandName: "greffe")
}
