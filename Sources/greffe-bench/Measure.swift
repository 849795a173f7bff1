import Foundation

/// Monotonic nanoseconds.
@inline(__always)
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Runs `body` and returns its result and the seconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let result = try body()
    return (result, Double(now() - start) / 1e9)
}

/// CPU time of the calling thread, in seconds (what it computed, without the time it waited for the disk).
func threadCPUTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs `body` and returns its result, the wall seconds and the thread's CPU seconds it took.
func timedWithCPU<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
    let cpu0 = threadCPUTime()
    let start = now()
    let result = try body()
    let wall = Double(now() - start) / 1e9
    return (result, wall, threadCPUTime() - cpu0)
}

/// Median, p99 and mean of samples (in seconds).
struct Stats: Codable {
    var count: Int
    var median: Double
    var p99: Double
    var mean: Double
    var min: Double

    init(_ samples: [Double]) {
        let s = samples.sorted()
        count = s.count
        func at(_ q: Double) -> Double {
            guard !s.isEmpty else { return 0 }
            return s[Swift.min(s.count - 1, Int((q * Double(s.count - 1)).rounded(.up)))]
        }
        median = s.isEmpty ? 0 : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
        p99 = at(0.99)
        mean = s.isEmpty ? 0 : s.reduce(0, +) / Double(s.count)
        self.min = s.first ?? 0
    }
}

/// Resident memory of this process, from /proc/self/status (Linux), in bytes.
enum Memory {
    static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Resets the peak resident size (VmHWM) to the current one (`echo 5 > /proc/self/clear_refs`).
    static func resetPeak() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        handle.write(Data("5".utf8))
        try? handle.close()
    }
}

/// Samples the anonymous resident memory (heap, stacks: what the process allocates, as opposed to the pages of the
/// LMDB file it maps) every few milliseconds on a thread of its own, and keeps the highest value.
final class AnonymousMemorySampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0
    private var running = true
    private var thread: Thread?

    func start() {
        peak = Memory.field("RssAnon") ?? 0
        let t = Thread { [self] in
            while true {
                let value = Memory.field("RssAnon") ?? 0
                lock.lock()
                peak = Swift.max(peak, value)
                let go = running
                lock.unlock()
                if !go { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
        thread = t
        t.start()
    }

    func stop() -> Int {
        lock.lock()
        running = false
        lock.unlock()
        Thread.sleep(forTimeInterval: 0.02)
        lock.lock()
        defer { lock.unlock() }
        return Swift.max(peak, Memory.field("RssAnon") ?? 0)
    }
}

/// The calling thread's page faults and context switches so far (`getrusage(RUSAGE_THREAD)`): what a slow sample
/// waited for — pages of the map touched for the first time (minor faults), read from the disk (major), the disk's
/// sync (a voluntary switch), the other processes of a shared machine (involuntary ones).
struct ThreadUsage: Codable {
    var minorFaults = 0
    var majorFaults = 0
    var voluntarySwitches = 0
    var involuntarySwitches = 0

    static func now() -> ThreadUsage {
        var usage = rusage()
        // RUSAGE_THREAD (1): Glibc does not export the name to Swift.
        guard getrusage(__rusage_who_t(1), &usage) == 0 else { return ThreadUsage() }
        return ThreadUsage(
            minorFaults: usage.ru_minflt, majorFaults: usage.ru_majflt, voluntarySwitches: usage.ru_nvcsw,
            involuntarySwitches: usage.ru_nivcsw)
    }

    static func - (a: ThreadUsage, b: ThreadUsage) -> ThreadUsage {
        ThreadUsage(
            minorFaults: a.minorFaults - b.minorFaults, majorFaults: a.majorFaults - b.majorFaults,
            voluntarySwitches: a.voluntarySwitches - b.voluntarySwitches,
            involuntarySwitches: a.involuntarySwitches - b.involuntarySwitches)
    }
}

/// One act of the single-act phase, for `--act-trace`: which command, how long each side took, and what the engine's
/// side waited for.
struct ActSample: Codable {
    var size: Int
    var caseID: String
    var step: Int
    var command: String
    var engineMs: Double
    var engineCPUMs: Double
    var rawMs: Double
    var rawCPUMs: Double
    var engine: ThreadUsage
    var raw: ThreadUsage
}
