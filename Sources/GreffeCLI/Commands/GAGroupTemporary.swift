import ArgumentParser

extension GreffeCommand {
    // Joined with `ga vote` and `ga resolve` when the act subcommands land.
    struct GA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ga", abstract: "L'Assemblée générale (art. 5.6.10, 5.6.12).",
            subcommands: GreffeCommand.assemblySubcommands)
    }
}
