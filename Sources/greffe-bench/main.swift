// greffe-bench: the engine against raw LMDB, side by side in one run (issue 9). See docs/performance.md.
//
//   swift build -c release --product greffe-bench
//   .build/release/greffe-bench --sizes 1e3,1e4,1e5,1e6 --json results.json
//   .build/release/greffe-bench --smoke --json -        (10³ events, a few seconds)
import Discipline
import EventLog
import Foundation
import Registry

struct Options {
    var sizes: [Int] = [1_000, 10_000, 100_000, 1_000_000]
    var jsonPath: String?
    var directory: String?
    var keep = false
    var batch = 20_000
    var actCases = 2
    var statusSamples = 30
    /// Fresh `greffe` processes per size for the whole-process figures (0: none).
    var processRuns = 10
    /// The `greffe` executable those processes run (default: the one beside greffe-bench, when built).
    var greffePath: String?
    /// Where to write one JSON line per single act (`--act-trace FILE`).
    var actTracePath: String?
    var shape = WorkloadShape()

    static let usage = """
        usage: greffe-bench [--smoke] [--sizes 1e3,1e4,1e5,1e6] [--json FILE|-] [--dir DIR] [--keep]
                            [--batch EVENTS] [--act-cases N] [--status-samples N] [--members N] [--draw-every N] [--seed N]
                            [--process-runs N] [--greffe PATH] [--act-trace FILE]
          --smoke        one size, 10³ events, a 400-member roster, one case of single acts (seconds)
          --sizes        log sizes to reach, in case events (the roster's events come on top)
          --json         write the results as JSON to FILE (- for standard output, then the text table goes to stderr)
          --dir          work directory (default: a new one under the temporary directory); --keep leaves the stores
          --batch        events per write transaction in the bulk import (engine and raw alike)
          --act-cases    cases recorded act by act (one synced transaction per command) at each size
          --process-runs fresh `greffe evidence` and `greffe status` processes timed at each size, as a user runs
                         them (default 10; 0 for none); --greffe names the executable (default: beside greffe-bench)
          --act-trace    write one JSON line per single act to FILE: its command, wall and CPU time on both sides,
                         and the page faults and context switches of each side (what a slow act waited for)
        One operation alone on a kept store, for a profiler (perf record …), one line of JSON out:
          greffe-bench --replay-child STORE | --verify-child STORE | --decode-child STORE | --status-child STORE
          greffe-bench --bulk-child STORE NEW-STORE      (copies the log with bulk appends)
        """

    static func parse(_ args: [String]) -> Result<Options, UsageError> {
        var o = Options()
        var i = 0
        func value() -> String? {
            i += 1
            return i < args.count ? args[i] : nil
        }
        func number(_ s: String?) -> Int? {
            guard let s else { return nil }
            if let d = Double(s), d >= 0, d < 1e12 { return Int(d) }
            return nil
        }
        while i < args.count {
            switch args[i] {
            case "--smoke":
                o.sizes = [1_000]
                o.actCases = 1
                o.statusSamples = 10
                o.processRuns = 2
                // A smaller roster keeps the smoke run (part of `swift test`, in debug) to a few seconds.
                o.shape.members = 400
            case "--sizes":
                guard let list = value()?.split(separator: ",").map({ number(String($0)) }), !list.isEmpty,
                    list.allSatisfy({ ($0 ?? 0) > 0 })
                else { return .failure(UsageError("--sizes takes a list such as 1e3,1e4")) }
                o.sizes = list.compactMap { $0 }.sorted()
            case "--json":
                guard let v = value() else { return .failure(UsageError("--json takes a file name or -")) }
                o.jsonPath = v
            case "--dir":
                guard let v = value() else { return .failure(UsageError("--dir takes a directory")) }
                o.directory = v
            case "--keep": o.keep = true
            case "--batch":
                guard let n = number(value()), n > 0 else {
                    return .failure(UsageError("--batch takes a positive number"))
                }
                o.batch = n
            case "--act-cases":
                guard let n = number(value()), n > 0 else {
                    return .failure(UsageError("--act-cases takes a positive number"))
                }
                o.actCases = n
            case "--status-samples":
                guard let n = number(value()), n > 0 else {
                    return .failure(UsageError("--status-samples takes a positive number"))
                }
                o.statusSamples = n
            case "--process-runs":
                guard let n = number(value()) else { return .failure(UsageError("--process-runs takes a number")) }
                o.processRuns = n
            case "--greffe":
                guard let v = value() else {
                    return .failure(UsageError("--greffe takes the path of a greffe executable"))
                }
                o.greffePath = v
            case "--act-trace":
                guard let v = value() else { return .failure(UsageError("--act-trace takes a file name")) }
                o.actTracePath = v
            case "--members":
                guard let n = number(value()), n >= 50 else {
                    return .failure(UsageError("--members takes a number ≥ 50"))
                }
                o.shape.members = n
            case "--draw-every":
                guard let n = number(value()), n > 0 else {
                    return .failure(UsageError("--draw-every takes a positive number"))
                }
                o.shape.drawEvery = n
            case "--seed":
                guard let n = number(value()) else { return .failure(UsageError("--seed takes a number")) }
                o.shape.seed = UInt64(n)
            case "-h", "--help": return .failure(UsageError(usage))
            default: return .failure(UsageError("unknown argument \(args[i])\n" + usage))
            }
            i += 1
        }
        return .success(o)
    }
}

struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

// Child modes: replay a store's projections in a fresh process and report its memory (see Bench.replayInChild), or
// verify its chain, or copy its log into a new store with bulk appends; one operation alone, for a profiler
// (docs/performance.md).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--bulk-child" {
    do {
        print(try bulkChild(from: CommandLine.arguments[2], to: CommandLine.arguments[3]))
        exit(0)
    } catch {
        fail("greffe-bench --bulk-child: \(error)")
    }
}
if CommandLine.arguments.count == 3,
    ["--replay-child", "--verify-child", "--decode-child", "--status-child"].contains(CommandLine.arguments[1])
{
    let mode = CommandLine.arguments[1]
    let path = CommandLine.arguments[2]
    do {
        switch mode {
        case "--replay-child": print(try replayChild(storePath: path))
        case "--verify-child": print(try verifyChild(storePath: path))
        case "--status-child": print(try statusChild(storePath: path))
        default: print(try decodeChild(storePath: path))
        }
        exit(0)
    } catch {
        fail("greffe-bench \(mode): \(error)")
    }
}

let options: Options
switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let o): options = o
case .failure(let error): fail(error.message)
}

do {
    let results = try Bench(options: options).run()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let json = try encoder.encode(results)
    let table = results.table()
    if let path = options.jsonPath {
        if path == "-" {
            FileHandle.standardOutput.write(json + Data("\n".utf8))
            FileHandle.standardError.write(Data(table.utf8))
        } else {
            try json.write(to: URL(fileURLWithPath: path))
            print(table, terminator: "")
        }
    } else {
        print(table, terminator: "")
    }
} catch {
    fail("greffe-bench: \(error)")
}
