import ArgumentParser
@testable import GreffeCLI
import Testing

/// A command line is parsed by a root holding only the subcommand its first word names (start-up time, issue 21):
/// it must name the subcommand the whole tree names, and give the same command or leave the line to the whole tree.
@Suite struct QuickParseTests {
    @Test func everyQuickEntryNamesTheSubcommandTheWholeTreeNames() {
        var tree: [String: ObjectIdentifier] = [:]
        for subcommand in GreffeCommand.configuration.subcommands {
            tree[subcommand._commandName] = ObjectIdentifier(subcommand)
        }
        for (name, subcommand) in GreffeCommand.subcommandsByName {
            #expect(tree[name] == ObjectIdentifier(subcommand), "« \(name) »")
        }
        // The commands users run most, and the benchmark times as whole processes, are parsed quickly.
        for name in ["status", "evidence", "meeting", "complaint", "cell", "agenda", "cases"] {
            #expect(GreffeCommand.subcommandsByName[name] != nil, "« \(name) »")
        }
    }

    @Test func aLineTheQuickRootParsesGivesTheCommandTheWholeTreeGives() throws {
        let lines: [[String]] = [
            ["status", "2026-001"], ["status", "2026-001", "--json", "--as-of", "2026-02-01"],
            ["evidence", "2026-001", "--kind", "context", "--description", "Contexte."],
            ["cell", "call", "2026-001", "--via", "online", "--member", "m007"], ["agenda"],
            // A group without its subcommand is the group (its help, printed when it runs).
            ["cell"]
        ]
        for line in lines {
            let whole = try GreffeCommand.parseAsRoot(line)
            let quick = try #require(GreffeCommand.parseQuickly(line), "\(line)")
            #expect(String(reflecting: type(of: quick)) == String(reflecting: type(of: whole)), "\(line)")
        }
    }

    @Test func helpErrorsAndUnknownWordsAreLeftToTheWholeTree() {
        for line in [
            [], ["--version"], ["--help"], ["help", "status"], ["status", "--help"], ["status"],
            ["status", "2026-001", "--no-such-option"], ["statu", "2026-001"]
        ] {
            #expect(GreffeCommand.parseQuickly(line) == nil, "\(line)")
        }
    }
}
