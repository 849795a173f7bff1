import Discipline
import EventLog
import Foundation
import Registry

/// Figures for one log size.
struct SizeResult: Codable {
    var targetCaseEvents: Int
    var records: UInt64
    var caseEvents: Int
    var cases: Int
    var storeBytes: Int
    var payloadBytes: Int
    // (1) durable single-act append: one command, one synced write transaction.
    var actEngine: Stats
    var actRaw: Stats
    /// The same acts, CPU time of the thread only (the synced commit's wait for the disk left out): on a machine whose
    /// disk is shared, the figure that shows whether the engine's own work stays flat.
    var actEngineCPU: Stats
    var actRawCPU: Stats
    /// Engine minus raw, act by act (each pair ran back to back).
    var actEngineMinusRaw: Stats
    // (2) bulk import of the growth to this size.
    var bulkEvents: Int
    var bulkEngineEventsPerSecond: Double
    var bulkRawEventsPerSecond: Double
    /// The same transactions' CPU time (the synced commits' wait for the disk left out), in seconds.
    var bulkEngineCPUSeconds: Double
    var bulkRawCPUSeconds: Double
    // (3) full verification, full replay of the projections, raw cursor scan.
    var verifyEventsPerSecond: Double
    var replayEventsPerSecond: Double
    var rawScanEventsPerSecond: Double
    var replayPeakAnonymousBytes: Int
    var replayPeakResidentBytes: Int
    // (4) one case's status: load the stream, fold, deadlines and forecast; raw: read the same stream's records.
    var statusEngine: Stats
    var statusRaw: Stats
    // (5) whole processes, as a user runs them: `greffe evidence` on an open case (one act, from the process's start
    // to its exit) and `greffe status` of that case; nil when no `greffe` executable was found.
    var processAct: Stats?
    var processStatus: Stats?
}

struct Machine: Codable {
    var cpus: Int
    var cpuModel: String
    var memoryBytes: UInt64
    var swift: String
}

struct Results: Codable {
    var machine: Machine
    var command: String
    var members: Int
    var drawEvery: Int
    var batch: Int
    var seed: UInt64
    var directory: String
    var sizes: [SizeResult]

    func table() -> String {
        func ms(_ s: Double) -> String { String(format: "%.3f", s * 1000) }
        func rate(_ r: Double) -> String {
            r >= 1e6 ? String(format: "%.2fM", r / 1e6) : String(format: "%.0fk", r / 1e3)
        }
        func mb(_ b: Int) -> String { String(format: "%.1f", Double(b) / 1_048_576) }
        var out = "greffe-bench — \(machine.cpus) CPUs, \(machine.cpuModel), \(mb(Int(machine.memoryBytes))) MiB\n"
        out +=
            "size     records  act ms eng/raw (p99)            bulk ev/s eng/raw     verify   replay   rawscan  replay MiB anon/rss  status ms eng/raw\n"
        for s in sizes {
            out += String(format: "%-8d %-8llu ", s.targetCaseEvents, s.records)
            out += "\(ms(s.actEngine.median))/\(ms(s.actRaw.median)) (\(ms(s.actEngine.p99))/\(ms(s.actRaw.p99)))  "
                .padding(toLength: 34, withPad: " ", startingAt: 0)
            out += "\(rate(s.bulkEngineEventsPerSecond))/\(rate(s.bulkRawEventsPerSecond))".padding(
                toLength: 22, withPad: " ", startingAt: 0)
            out += rate(s.verifyEventsPerSecond).padding(toLength: 9, withPad: " ", startingAt: 0)
            out += rate(s.replayEventsPerSecond).padding(toLength: 9, withPad: " ", startingAt: 0)
            out += rate(s.rawScanEventsPerSecond).padding(toLength: 9, withPad: " ", startingAt: 0)
            out += "\(mb(s.replayPeakAnonymousBytes))/\(mb(s.replayPeakResidentBytes))".padding(
                toLength: 20, withPad: " ", startingAt: 0)
            out +=
                "\(ms(s.statusEngine.median))/\(ms(s.statusRaw.median))  act cpu \(ms(s.actEngineCPU.median))/\(ms(s.actRawCPU.median))"
            if let act = s.processAct, let status = s.processStatus {
                out += "  process act \(ms(act.median)) (p99 \(ms(act.p99))), status \(ms(status.median))"
            }
            out += "\n"
        }
        return out
    }
}

/// What the replay child reports.
struct ChildReplay: Codable {
    var records: UInt64
    var entries: Int
    var seconds: Double
    var peakAnonymousBytes: Int
    var peakResidentBytes: Int
}

/// Child mode: opens the store, replays every projection into a sink that only counts, reports time and memory.
func replayChild(storePath: String) throws -> String {
    let store = try EventStore.open(at: storePath)
    let registry = Registry(store: store)
    let sampler = AnonymousMemorySampler()
    sampler.start()
    var entries = 0
    let (_, seconds) = try timed { try registry.replayProjections { _, _ in entries += 1 } }
    let anon = sampler.stop()
    let result = ChildReplay(
        records: try store.head().sequence, entries: entries, seconds: seconds,
        peakAnonymousBytes: anon, peakResidentBytes: Memory.field("VmHWM") ?? 0)
    return String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
}

/// Child mode: opens the store and verifies its chain; reports the records checked and the time.
func verifyChild(storePath: String) throws -> String {
    let store = try EventStore.open(at: storePath)
    let (report, seconds) = try timed { try store.verify() }
    guard report.isValid else {
        throw BenchFailure(description: "verification failed: \(String(describing: report.failure))")
    }
    return "{\"records\":\(report.recordsChecked),\"seconds\":\(seconds)}"
}

/// Child mode: appends every record of the store at `source` to a new store at `target`, one append per run of
/// records of the same stream and command (as they were appended), 20,000 events per bulk transaction; reports the
/// time spent in those transactions.
func bulkChild(from source: String, to target: String) throws -> String {
    var pending: [PendingAppend] = []
    var cursor = try EventStore.open(at: source).records(from: 1)
    while let record = try cursor.next() {
        if let last = pending.last, last.stream == record.stream, !record.event.causationId.isEmpty,
            last.events.last?.causationId == record.event.causationId
        {
            pending[pending.count - 1].events.append(record.event)
        } else {
            pending.append(PendingAppend(stream: record.stream, version: record.version - 1, events: [record.event]))
        }
    }
    let store = try EventStore.create(at: target, options: .init(initialMapSize: 256 << 20))
    var seconds = 0.0
    var cpuSeconds = 0.0
    var events = 0
    var start = 0
    while start < pending.count {
        var end = start
        var count = 0
        while end < pending.count && count < 20_000 {
            count += pending[end].events.count
            end += 1
        }
        let batch = pending[start..<end]
        let (_, t, cpu) = try timedWithCPU {
            try store.bulk { writer in
                for a in batch { try writer.append(to: a.stream, expected: .exactly(a.version), events: a.events) }
            }
        }
        seconds += t
        cpuSeconds += cpu
        events += count
        start = end
    }
    return "{\"events\":\(events),\"appends\":\(pending.count),\"seconds\":\(seconds),\"cpuSeconds\":\(cpuSeconds),"
        + "\"eventsPerSecond\":\(Double(events) / seconds)}"
}

/// Child mode: decodes every case event of the store twice — as the registry does (`CaseEvent.decode`) and with
/// Foundation's `JSONDecoder` alone (the event's flat JSON form) — checks that both give the same event, and reports
/// the time each took.
func decodeChild(storePath: String) throws -> String {
    var payloads: [(type: String, payload: Data, flat: Data)] = []
    var cursor = try EventStore.open(at: storePath).records(from: 1)
    while let record = try cursor.next() {
        guard record.stream.hasPrefix("case/") else { continue }
        // {"type":"T", …the payload's members}
        let members = record.payload.dropFirst()
        let flat = Data("{\"type\":\"\(record.type)\"\(members.first == UInt8(ascii: "}") ? "" : ",")".utf8) + members
        payloads.append((record.type, record.payload, flat))
    }
    let (registry, registrySeconds) = try timed {
        try payloads.map { try CaseEvent.decode(type: $0.type, payload: $0.payload) }
    }
    let decoder = JSONDecoder()
    let (foundation, foundationSeconds) = try timed {
        try payloads.map { try decoder.decode(CaseEvent.self, from: $0.flat) }
    }
    guard let differing = zip(registry, foundation).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
    else {
        return
            "{\"events\":\(payloads.count),\"registrySeconds\":\(registrySeconds),\"foundationSeconds\":\(foundationSeconds)}"
    }
    throw BenchFailure(description: "event \(differing) (\(payloads[differing].type)) decodes differently")
}

/// Child mode: one case's status (as the benchmark measures it) for 200 cases spread over the store, each twice in a
/// row: the median of the first reads (its pages not yet touched by this process) and of the second.
func statusChild(storePath: String) throws -> String {
    let registry = Registry(store: try EventStore.open(at: storePath))
    let ids = try registry.caseIndex().map(\.id)
    guard !ids.isEmpty else { throw BenchFailure(description: "no case in \(storePath)") }
    var rng = SeededGenerator(seed: 9)
    var first: [Double] = []
    var second: [Double] = []
    for _ in 0..<200 {
        let id = ids[rng.below(ids.count)]
        for round in 0..<2 {
            let (_, t) = try timed {
                let loaded = try registry.loadCase(id)
                let asOf = loaded.state.lastActOn ?? Day(dayNumber: 0)
                _ = loaded.state.deadlines(asOf: asOf, rulebook: registry.rulebook)
                _ = loaded.state.forecast(asOf: asOf, rulebook: registry.rulebook)
            }
            if round == 0 { first.append(t) } else { second.append(t) }
        }
    }
    return
        "{\"cases\":\(ids.count),\"firstMedianMs\":\(Stats(first).median * 1000),\"secondMedianMs\":\(Stats(second).median * 1000)}"
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

/// One pending append of the bulk import: a command's events for one case.
struct PendingAppend {
    var stream: String
    var version: UInt64
    var events: [NewEvent]
}

final class Bench {
    let options: Options
    let shape: WorkloadShape
    let rulebook: Rulebook
    let recording: Recording
    let directory: String

    let store: EventStore
    let registry: Registry
    let raw: RawLMDBBaseline
    var context = CaseContext(caseID: CaseID(""))
    var nextCase = 0
    var caseEvents = 0
    var cases: [CaseID] = []
    var firstYear = 2000
    var payloadBytes = 0
    var sortedMembers: [MemberID] = []
    var duesThrough = 0
    /// Every act of the single-act phases (`--act-trace`), and the size being measured.
    var actTrace: [ActSample] = []
    var currentSize = 0

    /// Creates the engine's store and the raw environment side by side in the work directory, which must not hold a
    /// benchmark already.
    init(options: Options) throws {
        self.options = options
        shape = options.shape
        // The CLE rulebook, but R17's cap of 3 judgements counted per calendar year rather than for life: a roster of
        // a few thousand members cannot staff 25,000 cases at 3 judgements for life (a rulebook parameter, R17).
        var r = Rulebook.cle
        r.judgementCap = Rulebook.JudgementCap(max: 3, counting: .year)
        rulebook = r
        // A fixed instant: the same bytes on every run. The generated history spreads over years after that instant,
        // as an import of past records would: "today" is after every generated act.
        recording = Recording(
            actor: "M0001", recordedAt: Date(timeIntervalSince1970: 1_767_225_600),
            today: Day(year: 9999, month: 12, day: 31))
        let directory =
            options.directory
            ?? (NSTemporaryDirectory() + "/greffe-bench-\(ProcessInfo.processInfo.processIdentifier)")
        self.directory = directory
        let fm = FileManager.default
        if fm.fileExists(atPath: directory + "/engine") || fm.fileExists(atPath: directory + "/raw") {
            throw BenchFailure(description: "\(directory) already holds a benchmark; remove it or choose another --dir")
        }
        do {
            store = try EventStore.create(at: directory + "/engine", options: .init(initialMapSize: 256 << 20))
            raw = try RawLMDBBaseline(directory: directory + "/raw", mapSize: 256 << 20)
        } catch {
            try? fm.removeItem(atPath: directory)
            throw error
        }
        registry = Registry(store: store, rulebook: rulebook)
    }

    func run() throws -> Results {
        defer { if !options.keep { try? FileManager.default.removeItem(atPath: directory) } }
        let largest = options.sizes.last ?? 1_000
        firstYear = shape.firstYear(cases: largest / 30 + options.sizes.count * options.actCases + 10)
        try importRoster(duesThrough: firstYear + 2)

        var sizes: [SizeResult] = []
        for size in options.sizes {
            currentSize = size
            sizes.append(try measure(size: size))
        }
        if let path = options.actTracePath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let lines = try actTrace.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        return Results(
            machine: Bench.machine(), command: CommandLine.arguments.joined(separator: " "), members: shape.members,
            drawEvery: shape.drawEvery, batch: options.batch, seed: shape.seed, directory: directory, sizes: sizes)
    }

    // MARK: Roster

    /// Imports the roster with the dues paid through `year` (each year's dues are paid on the first of January of
    /// the year before, so cases running across the new year find their cell), as `greffe members import` does, and
    /// mirrors the transaction in the raw store. The first call imports the members; later ones record one more year
    /// of dues, as an association's history has it.
    func importRoster(duesThrough year: Int) throws {
        let (header, rows) = shape.rosterRows(firstYear: firstYear + 1, duesThrough: year)
        guard let day = Day(year: max(firstYear, year - 1), month: 1, day: 1) else {
            throw BenchFailure(description: "bad year")
        }
        let before = try store.head().sequence
        try registry.importRoster(header: header, rows: rows, on: day, recording: recording)
        let head = try store.head().sequence
        duesThrough = year
        guard head > before else { return }
        // Mirror the import in the raw store: one transaction, one append per member stream, the roster projection.
        let members = try registry.members()
        try mirror(after: before, projectionKeys: members.map { "roster/" + $0.id.rawValue } + ["stamp/roster"])
        let judged = context.members.mapValues(\.judgementsSat)
        context.members = Dictionary(
            uniqueKeysWithValues: members.map {
                ($0.id, $0.standing(on: day, judgementsSat: judged[$0.id] ?? []))
            })
        sortedMembers = members.map(\.id).sorted(by: DrawPool.canonicalOrder)
        FileHandle.standardError.write(
            Data("roster: \(members.count) members, dues through \(year), \(head - before) events\n".utf8))
    }

    /// Copies every record appended to the engine's store after sequence `before` into the raw store, in one
    /// transaction (one append per run of records of the same stream), with the projection entries named: the two
    /// stores then hold the same records again. Not timed.
    func mirror(after before: UInt64, projectionKeys: [String] = []) throws {
        var ranges: [ClosedRange<UInt64>] = []
        var cursor = store.records(from: before + 1)
        var current: (stream: String, range: ClosedRange<UInt64>)?
        while let r = try cursor.next() {
            if let c = current, c.stream == r.stream {
                current = (c.stream, c.range.lowerBound...r.sequence)
            } else {
                if let c = current { ranges.append(c.range) }
                current = (r.stream, r.sequence...r.sequence)
            }
        }
        if let c = current { ranges.append(c.range) }
        guard !ranges.isEmpty else { return }
        try raw.commit(try store.benchmarkPuts(appends: ranges, projectionKeys: projectionKeys))
    }

    /// Before a case of `year` is decided: the dues of that year and the next are on the roster.
    func ensureDues(for year: Int) throws {
        if year + 1 > duesThrough { try importRoster(duesThrough: year + 1) }
    }

    // MARK: Generating cases in memory (the growth phase)

    /// Decides a whole case in memory with the pure decider, as `Registry.perform` would, and returns its appends.
    func generateCase() throws -> [PendingAppend] {
        let script = CaseScript(index: nextCase, shape: shape, firstYear: firstYear)
        try ensureDues(for: script.opened.year)
        nextCase += 1
        var rng = script.rng
        var state = CaseDecider.initial
        context.caseID = script.id
        var appends: [PendingAppend] = []
        var version: UInt64 = 0
        let stream = Registry.stream(of: script.id)
        for (n, step) in script.steps(rulebook: rulebook, members: sortedMembers).enumerated() {
            guard let (command, day) = step(state, context, &rng) else {
                throw BenchFailure(
                    description: "case \(script.id): step \(n + 1) has no command in state \(state.step)")
            }
            let events: [CaseEvent]
            switch CaseDecider.decide(state, command, context: context, rulebook: rulebook, on: day) {
            case .success(let e): events = e
            case .failure(let refusal):
                throw BenchFailure(
                    description: "case \(script.id): step \(n + 1) \(command.typeName) refused: \(refusal)")
            }
            var newEvents: [NewEvent] = []
            for event in events {
                let payload = try event.payloadJSON()
                payloadBytes += payload.count
                newEvents.append(
                    NewEvent(
                        type: event.typeName, schemaVersion: UInt32(event.schemaVersion), occurredOn: day.description,
                        recordedAt: Int64(recording.recordedAt.timeIntervalSince1970 * 1000), actor: recording.actor,
                        correlationId: script.id.rawValue, causationId: command.commandId ?? "", payload: payload))
                state = CaseDecider.evolve(state, DatedEvent(on: day, event: event))
            }
            guard !newEvents.isEmpty else { continue }
            appends.append(PendingAppend(stream: stream, version: version, events: newEvents))
            version += UInt64(newEvents.count)
        }
        judged(script.id, state)
        cases.append(script.id)
        caseEvents += Int(version)
        return appends
    }

    /// R17: the members who sat in judgement count it in their standing for later cases.
    func judged(_ id: CaseID, _ state: CaseState) {
        var sat = state.judgement?.value.cell ?? []
        if state.referral != nil { sat += state.cell }
        for m in Set(sat) { context.members[m]?.judgementsSat.append(id) }
    }

    /// Grows the log to `target` case events in bulk transactions of `options.batch` events; engine and raw write the
    /// same records with the same batching. Returns the events written and the seconds each side took.
    func grow(to target: Int) throws -> (events: Int, engine: Double, raw: Double, engineCPU: Double, rawCPU: Double) {
        var written = 0
        var engineSeconds = 0.0
        var rawSeconds = 0.0
        var engineCPU = 0.0
        var rawCPU = 0.0
        while caseEvents < target {
            var batch: [PendingAppend] = []
            var count = 0
            while count < options.batch && caseEvents < target {
                let appends = try generateCase()
                count += appends.reduce(0) { $0 + $1.events.count }
                batch += appends
            }
            let before = try store.head().sequence
            let (_, engine, engineCPUTime) = try timedWithCPU {
                try store.bulk { writer in
                    for a in batch { try writer.append(to: a.stream, expected: .exactly(a.version), events: a.events) }
                }
            }
            var ranges: [ClosedRange<UInt64>] = []
            var next = before + 1
            for a in batch {
                let end = next + UInt64(a.events.count) - 1
                ranges.append(next...end)
                next = end + 1
            }
            let puts = try store.benchmarkPuts(appends: ranges)
            let (_, rawTime, rawCPUTime) = try timedWithCPU { try raw.commit(puts) }
            engineSeconds += engine
            rawSeconds += rawTime
            engineCPU += engineCPUTime
            rawCPU += rawCPUTime
            written += count
        }
        return (written, engineSeconds, rawSeconds, engineCPU, rawCPU)
    }

    // MARK: Measuring one size

    func measure(size: Int) throws -> SizeResult {
        let log = { (s: String) in FileHandle.standardError.write(Data("[\(size)] \(s)\n".utf8)) }
        let growth = try grow(to: size)
        log(
            "bulk: \(growth.events) events, engine \(String(format: "%.2f", growth.engine)) s (CPU \(String(format: "%.2f", growth.engineCPU))), "
                + "raw \(String(format: "%.2f", growth.raw)) s (CPU \(String(format: "%.2f", growth.rawCPU)))")

        // (3) Replay every projection from the log (this also rebuilds them after the bulk import), with memory.
        Memory.resetPeak()
        let sampler = AnonymousMemorySampler()
        sampler.start()
        // Every entry is written back to the store as the replay emits it, 50,000 per write transaction: this
        // rebuilds the projections after the bulk import, and the figure is that of a full rebuild.
        let (_, replaySeconds) = try timed {
            var pending: [(String, [UInt8]?)] = []
            func flush() throws {
                try store.writeProjections { writer in
                    for (key, value) in pending {
                        if let value { try writer.put(key, value) } else { try writer.delete(key) }
                    }
                }
                pending.removeAll(keepingCapacity: true)
            }
            try registry.replayProjections { key, value in
                pending.append((key, value))
                if pending.count >= 50_000 { try flush() }
            }
            try flush()
        }
        _ = sampler.stop()
        // Memory is measured in a fresh process that only opens the store and replays it (this one holds the
        // generator's state and whatever its allocator kept).
        let child = try Bench.replayInChild(storePath: store.path)
        let peakAnon = child.peakAnonymousBytes
        let peakRSS = child.peakResidentBytes
        log(
            "replay in a fresh process: \(String(format: "%.2f", child.seconds)) s, anon \(peakAnon >> 20) MiB, VmHWM \(peakRSS >> 20) MiB"
        )
        let records = try store.head().sequence
        log("replay: \(String(format: "%.2f", replaySeconds)) s")

        let (report, verifySeconds) = try timed { try store.verify() }
        guard report.isValid else {
            throw BenchFailure(description: "verification failed: \(String(describing: report.failure))")
        }
        let (scan, scanSeconds) = try timed { try raw.scanRecords() }
        guard scan.records == Int(records) else {
            throw BenchFailure(description: "raw store has \(scan.records) records, engine \(records)")
        }
        log("verify \(String(format: "%.2f", verifySeconds)) s, raw scan \(String(format: "%.2f", scanSeconds)) s")

        // (1) Single acts: whole cases recorded command by command through Registry.perform.
        var engineActs: [Double] = []
        var rawActs: [Double] = []
        var engineCPU: [Double] = []
        var rawCPU: [Double] = []
        for _ in 0..<options.actCases {
            try recordCaseActByAct(engine: &engineActs, raw: &rawActs, engineCPU: &engineCPU, rawCPU: &rawCPU)
        }
        log("acts: \(engineActs.count) commands")

        // (4) One case's status, as `greffe status` computes it, for cases spread over the log.
        var rng = SeededGenerator(seed: shape.seed ^ UInt64(size))
        var statusEngine: [Double] = []
        var statusRaw: [Double] = []
        for _ in 0..<options.statusSamples {
            let id = cases[rng.below(cases.count)]
            let (_, e) = try timed {
                let loaded = try registry.loadCase(id)
                let asOf = loaded.state.lastActOn ?? Day(dayNumber: 0)
                _ = loaded.state.deadlines(asOf: asOf, rulebook: rulebook)
                _ = loaded.state.forecast(asOf: asOf, rulebook: rulebook)
            }
            let (_, r) = try timed { _ = try raw.readStream(Registry.stream(of: id)) }
            statusEngine.append(e)
            statusRaw.append(r)
        }
        let processes = try measureProcesses()
        if let processes {
            log(
                "whole processes: act \(String(format: "%.1f", Stats(processes.act).median * 1000)) ms, status \(String(format: "%.1f", Stats(processes.status).median * 1000)) ms (medians)"
            )
        }
        let storeBytes =
            (try? FileManager.default.attributesOfItem(atPath: store.path + "/data.mdb")[.size] as? Int) ?? 0
        return SizeResult(
            targetCaseEvents: size, records: try store.head().sequence, caseEvents: caseEvents, cases: cases.count,
            storeBytes: storeBytes, payloadBytes: payloadBytes,
            actEngine: Stats(engineActs), actRaw: Stats(rawActs),
            actEngineCPU: Stats(engineCPU), actRawCPU: Stats(rawCPU),
            actEngineMinusRaw: Stats(zip(engineActs, rawActs).map { $0 - $1 }),
            bulkEvents: growth.events,
            bulkEngineEventsPerSecond: Double(growth.events) / max(growth.engine, 1e-9),
            bulkRawEventsPerSecond: Double(growth.events) / max(growth.raw, 1e-9),
            bulkEngineCPUSeconds: growth.engineCPU, bulkRawCPUSeconds: growth.rawCPU,
            verifyEventsPerSecond: Double(records) / max(verifySeconds, 1e-9),
            replayEventsPerSecond: Double(records) / max(replaySeconds, 1e-9),
            rawScanEventsPerSecond: Double(records) / max(scanSeconds, 1e-9),
            replayPeakAnonymousBytes: peakAnon, replayPeakResidentBytes: peakRSS,
            statusEngine: Stats(statusEngine), statusRaw: Stats(statusRaw),
            processAct: processes.map { Stats($0.act) }, processStatus: processes.map { Stats($0.status) })
    }

    // MARK: Whole processes

    /// The `greffe` executable for the whole-process figures: `--greffe`, else the one built beside greffe-bench.
    var greffeExecutable: String? {
        if let path = options.greffePath { return path }
        let own = URL(
            fileURLWithPath: CommandLine.arguments[0].hasPrefix("/")
                ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        let sibling = own.deletingLastPathComponent().appendingPathComponent("greffe").path
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
    }

    /// Opens a new case and walks it to its first piece of evidence through `Registry.perform`, then times fresh
    /// `greffe evidence` processes adding pieces to it (each one whole: start, open the store, read what the act
    /// needs, decide, synced commit, exit) and fresh `greffe status` processes of the same case.
    func measureProcesses() throws -> (act: [Double], status: [Double])? {
        guard options.processRuns > 0, let greffe = greffeExecutable else { return nil }
        let script = CaseScript(index: nextCase, shape: shape, firstYear: firstYear)
        try ensureDues(for: script.opened.year)
        // What this case's acts append (through `perform` and the processes) is copied into the raw store when they
        // are done, so that both stores hold the same records at the next size (the check after its scan).
        let before = try store.head().sequence
        nextCase += 1
        var rng = script.rng
        context.caseID = script.id
        var state = CaseDecider.initial
        var evidenceDay: Day?
        for step in script.steps(rulebook: rulebook, members: sortedMembers) {
            guard let (command, day) = step(state, context, &rng) else { break }
            if case .addEvidence = command {
                evidenceDay = day
                break
            }
            guard
                case .recorded(let records) = try registry.perform(
                    command, in: script.id, on: day, recording: recording)
            else { throw BenchFailure(description: "case \(script.id): a step before the evidence recorded nothing") }
            for r in records {
                state = CaseDecider.evolve(
                    state, DatedEvent(on: day, event: try CaseEvent.decode(type: r.type, payload: r.payload)))
            }
        }
        guard let day = evidenceDay else { throw BenchFailure(description: "case \(script.id): no evidence step") }
        var environment = ProcessInfo.processInfo.environment
        environment["GREFFE_TODAY"] = "9999-12-31"
        environment["GREFFE_ACTOR"] = recording.actor
        environment["LANG"] = "C.UTF-8"
        var acts: [Double] = []
        var statuses: [Double] = []
        for n in 0..<options.processRuns {
            acts.append(
                try timedProcess(
                    greffe,
                    [
                        "evidence", script.id.rawValue, "--kind", "context", "--description",
                        "Pièce \(n + 1) ajoutée par un processus",
                        "--on", day.description, "--store", store.path
                    ], environment: environment))
            statuses.append(
                try timedProcess(
                    greffe, ["status", script.id.rawValue, "--store", store.path],
                    environment: environment))
        }
        try mirror(after: before, projectionKeys: ["case/" + script.id.rawValue])
        return (acts, statuses)
    }

    /// Runs one process to its end and returns its wall time; its output is discarded, a non-zero exit fails.
    func timedProcess(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        // Its end is told by the termination handler: `waitUntilExit` polls the run loop (every 50 ms here), which
        // added its wait to every measured process.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw BenchFailure(
                description: "greffe \(arguments.prefix(2).joined(separator: " ")) exited with "
                    + "\(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
        return seconds
    }

    /// Records one new case command by command through `Registry.perform` (one synced write transaction each), and
    /// after each command the same bytes in the raw store in one synced transaction.
    func recordCaseActByAct(
        engine: inout [Double], raw rawSamples: inout [Double], engineCPU: inout [Double],
        rawCPU: inout [Double]
    ) throws {
        let script = CaseScript(index: nextCase, shape: shape, firstYear: firstYear)
        try ensureDues(for: script.opened.year)
        nextCase += 1
        var rng = script.rng
        context.caseID = script.id
        var state = CaseDecider.initial
        for (n, step) in script.steps(rulebook: rulebook, members: sortedMembers).enumerated() {
            guard let (command, day) = step(state, context, &rng) else {
                throw BenchFailure(description: "case \(script.id): step \(n + 1) has no command")
            }
            let usage0 = ThreadUsage.now()
            let (performed, seconds, cpu) = try timedWithCPU {
                try registry.perform(command, in: script.id, on: day, recording: recording)
            }
            let engineUsage = ThreadUsage.now() - usage0
            engineCPU.append(cpu)
            guard case .recorded(let records) = performed, let first = records.first, let last = records.last else {
                throw BenchFailure(description: "case \(script.id): step \(n + 1) recorded nothing")
            }
            engine.append(seconds)
            var keys = ["case/" + script.id.rawValue, "stamp/judged"]
            if let id = command.commandId { keys.append("command/" + id) }
            let puts = try store.benchmarkPuts(appends: [first.sequence...last.sequence], projectionKeys: keys)
            let rawUsage0 = ThreadUsage.now()
            let (_, rawSeconds, rawCPUSeconds) = try timedWithCPU { try raw.commit(puts) }
            let rawUsage = ThreadUsage.now() - rawUsage0
            rawSamples.append(rawSeconds)
            rawCPU.append(rawCPUSeconds)
            if options.actTracePath != nil {
                actTrace.append(
                    ActSample(
                        size: currentSize, caseID: script.id.rawValue, step: n + 1, command: command.typeName,
                        engineMs: seconds * 1000, engineCPUMs: cpu * 1000, rawMs: rawSeconds * 1000,
                        rawCPUMs: rawCPUSeconds * 1000, engine: engineUsage, raw: rawUsage))
            }
            for r in records {
                state = CaseDecider.evolve(
                    state, DatedEvent(on: day, event: try CaseEvent.decode(type: r.type, payload: r.payload)))
            }
            caseEvents += records.count
        }
        judged(script.id, state)
        cases.append(script.id)
    }

    /// Runs `greffe-bench --replay-child STORE` and reads its one line of JSON.
    static func replayInChild(storePath: String) throws -> ChildReplay {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: CommandLine.arguments[0].hasPrefix("/")
                ? CommandLine.arguments[0] : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0])
        process.arguments = ["--replay-child", storePath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure(description: "the replay child exited with \(process.terminationStatus)")
        }
        return try JSONDecoder().decode(ChildReplay.self, from: data)
    }

    static func machine() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
            ?? "?"
        #if compiler(>=6.3)
            let swift = "6.3+"
        #else
            let swift = "6.x"
        #endif
        return Machine(
            cpus: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
            memoryBytes: ProcessInfo.processInfo.physicalMemory, swift: swift)
    }
}
