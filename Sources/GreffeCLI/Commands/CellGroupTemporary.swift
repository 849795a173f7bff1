import ArgumentParser

extension GreffeCommand {
    // Replaced by the `cell` group of the act subcommands when they land.
    struct Cell: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "La cellule de crise (art. 5.6.9).", subcommands: GreffeCommand.cellDrawSubcommands)
    }
}
