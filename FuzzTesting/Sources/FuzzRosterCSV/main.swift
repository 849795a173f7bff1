import Discipline
import Foundation
import FuzzCommon
import SwiftCSV

// A roster file as `greffe members import` reads it (UTF-8 text, SwiftCSV with its guessed delimiter), then the
// import's diff against two recorded members. Checked: no crash; a refusal names at least one problem, each on a
// line of the file, with a French and an English wording; an accepted import, applied, gives nothing more when the
// same file is imported again (the import is idempotent, docs/cli.md).

/// The day of the import (2026-01-15).
let importDay = Day(dayNumber: 20468)

/// Two members already recorded: one whose row a seed changes, one absent from the seeds.
let recorded: [MemberID: MemberRecord] = {
    var records: [MemberID: MemberRecord] = [:]
    for event in [
        MemberEvent.joined(
            member: "m001", displayName: "Alice Martin", email: "alice.martin@exemple.org", kind: .person),
        .duesPaid(member: "m001", year: 2025),
        .joined(member: "x9", displayName: "Zoé", email: "zoe@exemple.org", kind: .person)
    ] {
        let id = event.member
        records[id] = MemberRecord.evolve(records[id], DatedMemberEvent(on: importDay, event: event))
    }
    return records
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRosterCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = utf8Text(fuzzInput(start, count)),
        let csv = try? CSV<Enumerated>(string: text)
    else { return 0 }
    switch Roster.importEvents(header: csv.header, records: csv.rows, existing: recorded) {
    case .failure(let error):
        require(!error.problems.isEmpty, "a refused import names no problem")
        for problem in error.problems {
            require(problem.line >= 1 && problem.line <= csv.rows.count + 1, "a problem on line \(problem.line)")
            require(!problem.fr.isEmpty && !problem.description.isEmpty, "a problem without wording")
        }
    case .success(let changes):
        var after = recorded
        for (id, events) in changes {
            for event in events {
                require(event.member == id, "an event for \(event.member) filed under \(id)")
                after[id] = MemberRecord.evolve(after[id], DatedMemberEvent(on: importDay, event: event))
                require(after[id] != nil, "an imported event that the member record does not take")
            }
        }
        guard case .success(let again) = Roster.importEvents(header: csv.header, records: csv.rows, existing: after)
        else {
            require(false, "a file imported once is refused the second time")
            return 0
        }
        require(again.isEmpty, "importing the same file twice changes something: \(again)")
    }
    return 0
}

runFuzzer(fuzzRosterCSV)
