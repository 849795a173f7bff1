import Foundation
import Testing
@testable import Discipline

/// Issue 9: the payload reader gives what Foundation's JSONDecoder gives — the same value, or an error — and reads
/// every payload Greffe writes by its fast path. (The generic reader's own cases: Tests/JSONTapeTests.)
@Suite struct PayloadDecoderTests {
    struct Sample: Codable, Equatable {
        var text: String
        var count: Int
        var flag: Bool
        var list: [Int]
        var note: String?
        var day: Day?
        var nested: [String: [String]]?
    }

    struct Ratio: Codable, Equatable {
        var value: Double
    }

    /// Both readers agree on `bytes` (same value, or both refuse), and the fast path takes it or not as `fast` says.
    func agree<T: Decodable & Equatable>(
        _ type: T.Type, _ bytes: Data, fast: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let foundation = try? JSONDecoder().decode(T.self, from: bytes)
        let ours = try? PayloadDecoder.decode(T.self, from: bytes)
        #expect(ours == foundation, sourceLocation: sourceLocation)
        #expect((PayloadDecoder.fastDecode(T.self, from: bytes) != nil) == fast, sourceLocation: sourceLocation)
    }

    func agree<T: Decodable & Equatable>(
        _ type: T.Type, _ json: String, fast: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        agree(type, Data(json.utf8), fast: fast, sourceLocation: sourceLocation)
    }

    @Test func everyEventAndCommandTheExamplesHoldIsReadByTheFastPath() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for event in Examples.events {
            // The flat form {"type": …, payload fields}: the type's own payload decoder runs on the fast reader.
            let flat = try encoder.encode(event)
            #expect(PayloadDecoder.fastDecode(CaseEvent.self, from: flat) == event, "\(event.typeName)")
            #expect(try CaseEvent.decode(type: event.typeName, payload: event.payloadJSON()) == event)
        }
        for command in Examples.commands {
            #expect(
                PayloadDecoder.fastDecode(CaseCommand.self, from: try encoder.encode(command)) == command,
                "\(command.typeName)")
        }
    }

    @Test func plainDocumentsAreReadByTheFastPath() {
        agree(
            Sample.self, #"{"text":"abc","count":-42,"flag":true,"list":[1,2,3],"note":null,"day":"2026-11-24"}"#,
            fast: true)
        agree(
            Sample.self,
            " {\n\t\"list\" : [ ] , \"flag\":false,\"count\":0,\"text\":\"\",\"nested\":{\"a\":[\"b\"]}}\r\n",
            fast: true)
        // Escapes, accents and a surrogate pair.
        agree(
            Sample.self, #"{"text":"\"é\\\/\u00e9\ud83d\ude00\n\t","count":9223372036854775807,"flag":true,"list":[]}"#,
            fast: true)
        agree(
            Sample.self, #"{"text":"x","count":1,"flag":true,"list":[],"extra":{"ignored":[1,{"a":null}]}}"#, fast: true
        )
        agree(DrawEntropy.self, #"{"publicSources":{"values":[["1","2"],["3"]]}}"#, fast: true)
        agree(DrawEntropy.self, #"{"local":{"randomHex":"00FF"}}"#, fast: true)
        // A dictionary keyed by numbers (a member's dues by year, in the roster projection).
        agree([Int: Day].self, #"{"2025":"2025-01-02","2026":"2026-01-05"}"#, fast: true)
        agree([Int: Day].self, #"{"x":"2025-01-02"}"#, fast: false)
        // A large object, its keys looked up out of order, missing, or repeated far apart.
        let many = (1...40).map { "\"k\($0)\":\($0)" }
        agree([String: Int].self, "{" + many.joined(separator: ",") + "}", fast: true)
        agree(Wide.self, "{" + many.reversed().joined(separator: ",") + "}", fast: true)
        agree(Wide.self, "{" + many.dropFirst().joined(separator: ",") + "}", fast: false)
        agree([String: Int].self, "{" + (many + ["\"k3\":0"]).joined(separator: ",") + "}", fast: false)
    }

    /// A struct read from a large object: its keys in another order than the document's.
    struct Wide: Decodable, Equatable {
        var k1: Int, k2: Int, k40: Int, k20: Int, k39: Int
        var k99: Int?
    }

    @Test func aRosterRecordIsReadByTheFastPath() throws {
        let joined = MemberRecord.evolve(
            nil,
            DatedMemberEvent(
                on: Examples.day,
                event: .joined(member: "m1", displayName: "Zoé", email: "zoe@exemple.org", kind: .person)))
        let record = try #require(
            MemberRecord.evolve(
                joined, DatedMemberEvent(on: Examples.day, event: .duesPaid(member: "m1", year: 2026))))
        let json = try JSONEncoder().encode(record)
        #expect(PayloadDecoder.fastDecode(MemberRecord.self, from: json) == record)
    }

    @Test func anythingElseIsLeftToJSONDecoder() {
        // Not strict JSON: JSONDecoder decides (and refuses).
        agree(Sample.self, #"{"text":"x","count":01,"flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1,"flag":true,"list":[1,]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1,"flag":true,"list":[]} x"#, fast: false)
        agree(Sample.self, "{\"text\":\"a\u{01}\",\"count\":1,\"flag\":true,\"list\":[]}", fast: false)
        agree(Sample.self, #"{"text":"\x","count":1,"flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, "", fast: false)
        // Valid JSON the fast reader leaves alone: a lone surrogate, a repeated key, a number with a fraction or an
        // exponent, an integer too large for its type, floating point, invalid UTF-8, a value of the wrong type.
        agree(Sample.self, #"{"text":"\ud83d","count":1,"flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"a","text":"b","count":1,"flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1.0,"flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1e2,"flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":9223372036854775808,"flag":true,"list":[]}"#, fast: false)
        agree(Ratio.self, #"{"value":0.5}"#, fast: false)
        agree(
            Sample.self,
            Data(#"{"text":""#.utf8) + Data([0xC3, 0x28]) + Data(#"","count":1,"flag":true,"list":[]}"#.utf8),
            fast: false)
        agree(Sample.self, #"{"text":"x","count":"1","flag":true,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1,"flag":1,"list":[]}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1,"flag":true}"#, fast: false)
        agree(Sample.self, #"{"text":"x","count":1,"flag":true,"list":[],"day":"24/11/2026"}"#, fast: false)
        agree(DrawEntropy.self, #"{"local":{"randomHex":"00"},"publicSources":{"values":[]}}"#, fast: false)
    }
}
