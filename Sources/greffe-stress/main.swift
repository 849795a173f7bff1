// Test helper for the event log: writes in loops so that tests can race two processes on one stream
// and kill a process in the middle of a bulk append. Not installed for users.
//
//   greffe-stress race STORE STREAM COUNT TAG   append COUNT events, retrying each on conflict
//   greffe-stress bulk STORE APPENDS EVENTS     bulk transactions of APPENDS appends of EVENTS events, forever
import EventLog
import Foundation

func event(_ payload: String) -> NewEvent {
    NewEvent(
        type: "StressEvent", occurredOn: "2026-11-24", recordedAt: Int64(Date().timeIntervalSince1970 * 1000),
        actor: "stress", payload: Data(payload.utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: greffe-stress race|bulk …") }

do {
    switch args[1] {
    case "race":
        guard args.count == 6, let count = Int(args[4]) else {
            fail("usage: greffe-stress race STORE STREAM COUNT TAG")
        }
        let store = try EventStore.open(at: args[2])
        var conflicts = 0
        for i in 0..<count {
            while true {
                let version = try store.version(of: args[3])
                usleep(UInt32.random(in: 0...300)) // widen the window between the read and the write
                do {
                    try store.append(
                        to: args[3], expected: .exactly(version),
                        events: [event("{\"tag\":\"\(args[5])\",\"i\":\(i)}")])
                    break
                } catch EventStoreError.conflict {
                    conflicts += 1
                }
            }
        }
        print("appended \(count) conflicts \(conflicts)")
    case "bulk":
        guard args.count == 5, let appends = Int(args[3]), let perAppend = Int(args[4]) else {
            fail("usage: greffe-stress bulk STORE APPENDS EVENTS")
        }
        let store = try EventStore.open(at: args[2])
        var round = 0
        while true {
            try store.bulk { writer in
                for j in 0..<appends {
                    let stream = "bulk-\((round + j) % 7)"
                    let events = (0..<perAppend).map { k in event("{\"round\":\(round),\"append\":\(j),\"k\":\(k)}") }
                    try writer.append(to: stream, expected: .any, events: events)
                }
            }
            round += 1
            if round == 1 { FileHandle.standardOutput.write(Data("first bulk committed\n".utf8)) }
        }
    default:
        fail("unknown mode \(args[1])")
    }
} catch {
    fail("greffe-stress: \(error)")
}
