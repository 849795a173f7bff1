import ArgumentParser
extension GreffeCommand { static let cellDrawSubcommands: [any ParsableCommand.Type] = [] }
