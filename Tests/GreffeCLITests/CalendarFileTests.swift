import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// `agenda --ics` read back by a real iCalendar parser (Python's `icalendar` when installed, else strict checks).
@Suite(.serialized) struct CalendarFileTests {
    func read(_ file: String) throws -> [String: Any] {
        let (status, output) = try runScript("check_ics.py", [file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(status == 0, "\(object["problems"] ?? output)")
        return object
    }

    @Test func theCalendarIsStampedNowHasAlarmsAndNamesNoOneByDefault() throws {
        let f = try AgendaTests().twoCases()
        let file = f.directory + "/greffe.ics"
        let before = Date()
        let exported = try f.greffe(["agenda", "--as-of", "2026-02-20", "--ics", file, "--alarm-days", "5"])
        expectExit(exported.status, .ok, "\(exported.stderr)")
        let calendar = try read(file)
        print("parsed by: \(calendar["parser"] ?? "?")")
        let events = try #require(calendar["events"] as? [[String: Any]])
        #expect(events.count == 4)
        // DTSTAMP is the moment the file was made, not the due day.
        let stampFormat = DateFormatter()
        stampFormat.locale = Locale(identifier: "en_US_POSIX")
        stampFormat.timeZone = TimeZone(identifier: "UTC")
        stampFormat.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        for event in events {
            let stamp = try #require(stampFormat.date(from: event["dtstamp"] as? String ?? ""))
            #expect(abs(stamp.timeIntervalSince(before)) < 120, "\(event["dtstamp"] ?? "")")
            #expect(event["alarms"] as? [String] == ["-P5D"])
        }
        let r04 = try #require(events.first { ($0["summary"] as? String)?.contains("R04") == true })
        let description = try #require(r04["description"] as? String)
        #expect(description.contains("Dossier : 2026-002"))
        #expect(description.contains("Règle : R04 (art. 5.6.3)"), "\(description)")
        #expect(description.contains("Commande suivante : greffe meeting 2026-002"))
        // No personal name unless asked: only ids.
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        for name in ["Damien", "Roux", "Vera", "Lefèvre", "Bruno"] {
            #expect(!text.contains(name), "\(name) in the .ics")
        }
        #expect(text.contains("recours de M0004"))
        expectExit(
            try f.greffe(["agenda", "--as-of", "2026-02-20", "--ics", file, "--with-names", "--alarm-days", "0"])
                .status, .ok)
        let named = try read(file)
        let namedEvents = try #require(named["events"] as? [[String: Any]])
        #expect(
            namedEvents.contains { ($0["summary"] as? String)?.contains("recours de Damien Roux (M0004)") == true },
            "\(namedEvents.map { $0["summary"] ?? "" })")
        #expect(namedEvents.allSatisfy { ($0["alarms"] as? [String])?.isEmpty == true })
    }
}
