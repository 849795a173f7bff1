import Foundation
import Testing
@testable import JSONTape

/// The tape reader gives what Foundation's JSONDecoder gives, or declines: it never gives another value.
@Suite struct TapeReaderTests {
    struct Sample: Codable, Equatable {
        var text: String
        var count: Int
        var flag: Bool
        var list: [Int]
        var note: String?
        var nested: [String: [String]]?
    }

    struct Ratio: Codable, Equatable {
        var value: Double
    }

    /// A struct read from a large object: its keys in another order than the document's.
    struct Wide: Decodable, Equatable {
        var k1: Int, k2: Int, k40: Int, k20: Int, k39: Int
        var k99: Int?
    }

    /// The reader takes `bytes` (`taken`) or declines it; what it takes is what JSONDecoder gives.
    func check<T: Decodable & Equatable>(
        _ type: T.Type, _ bytes: Data, taken: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let foundation = try? JSONDecoder().decode(T.self, from: bytes)
        let ours = TapeReader.decode(T.self, from: bytes)
        #expect((ours != nil) == taken, sourceLocation: sourceLocation)
        if let ours { #expect(ours == foundation, sourceLocation: sourceLocation) }
    }

    func check<T: Decodable & Equatable>(
        _ type: T.Type, _ json: String, taken: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        check(type, Data(json.utf8), taken: taken, sourceLocation: sourceLocation)
    }

    @Test func plainDocumentsAreTaken() {
        check(Sample.self, #"{"text":"abc","count":-42,"flag":true,"list":[1,2,3],"note":null}"#, taken: true)
        check(
            Sample.self,
            " {\n\t\"list\" : [ ] , \"flag\":false,\"count\":0,\"text\":\"\",\"nested\":{\"a\":[\"b\"]}}\r\n",
            taken: true)
        // Escapes, accents and a surrogate pair.
        check(
            Sample.self, #"{"text":"\"é\\\/\u00e9\ud83d\ude00\n\t","count":9223372036854775807,"flag":true,"list":[]}"#,
            taken: true)
        check(
            Sample.self, #"{"text":"x","count":1,"flag":true,"list":[],"extra":{"ignored":[1,{"a":null}]}}"#,
            taken: true)
        check([String].self, #"["a","\u0000"]"#, taken: true)
        check(Int.self, "-0", taken: true)
        // A large object, its keys looked up out of order, missing, or repeated far apart.
        let many = (1...40).map { "\"k\($0)\":\($0)" }
        check([String: Int].self, "{" + many.joined(separator: ",") + "}", taken: true)
        check(Wide.self, "{" + many.reversed().joined(separator: ",") + "}", taken: true)
        check(Wide.self, "{" + many.dropFirst().joined(separator: ",") + "}", taken: false)
        check([String: Int].self, "{" + (many + ["\"k3\":0"]).joined(separator: ",") + "}", taken: false)
    }

    @Test func anythingElseIsDeclined() {
        // Not strict JSON.
        check(Sample.self, #"{"text":"x","count":01,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":1,"flag":true,"list":[1,]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":1,"flag":true,"list":[]} x"#, taken: false)
        check(Sample.self, "{\"text\":\"a\u{01}\",\"count\":1,\"flag\":true,\"list\":[]}", taken: false)
        check(Sample.self, #"{"text":"\x","count":1,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, "", taken: false)
        // Valid JSON left to JSONDecoder: a lone surrogate, a repeated key (also written with an escape), a number
        // with a fraction or an exponent, an integer too large for its type, floating point, invalid UTF-8, a value
        // of the wrong type, a missing member.
        check(Sample.self, #"{"text":"\ud83d","count":1,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"a","text":"b","count":1,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"a","\u0074ext":"b","count":1,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":1.0,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":1e2,"flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":9223372036854775808,"flag":true,"list":[]}"#, taken: false)
        check(Ratio.self, #"{"value":0.5}"#, taken: false)
        check(
            Sample.self,
            Data(#"{"text":""#.utf8) + Data([0xC3, 0x28]) + Data(#"","count":1,"flag":true,"list":[]}"#.utf8),
            taken: false)
        check(Sample.self, #"{"text":"x","count":"1","flag":true,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":1,"flag":1,"list":[]}"#, taken: false)
        check(Sample.self, #"{"text":"x","count":1,"flag":true}"#, taken: false)
    }

    struct Kelvin: Decodable, Equatable {
        var Key: Int?
    }

    /// Found by FuzzJSONTape: JSONDecoder compares keys as Swift strings (canonical equivalence), not as bytes.
    @Test func keysInAnotherUnicodeFormAreTheSameKeyAsForJSONDecoder() {
        // `é` composed and decomposed: one key written twice.
        check([String: Int].self, "{\"\u{E9}\":1,\"e\u{301}\":2}", taken: false)
        // KELVIN SIGN is canonically the letter K: the member is there.
        check(Kelvin.self, "{\"\u{212A}ey\":1}", taken: true)
        // In a large object too.
        let many = (1...40).map { "\"k\($0)\":\($0)" }
        check(
            [String: Int].self, "{" + (many + ["\"\u{E9}\":1", "\"e\u{301}\":2"]).joined(separator: ",") + "}",
            taken: false)
    }

    /// Found by FuzzJSONTape: JSONDecoder refuses a key that is not valid UTF-8 even when its member is not read. The
    /// tape declines every string that is not valid UTF-8, read or not, and JSONDecoder then decides.
    @Test func invalidUTF8InAMemberNotReadIsDeclined() {
        check(Kelvin.self, Data(#"{"Key":1,"x":""#.utf8) + Data([0xFF]) + Data(#""}"#.utf8), taken: false)
        check(Kelvin.self, Data(#"{"Key":1,"x"#.utf8) + Data([0xCB]) + Data(#"":2}"#.utf8), taken: false)
        check(Kelvin.self, Data(#"{"Key":1,"x":[""#.utf8) + Data([0xED, 0xA0, 0x80]) + Data(#""]}"#.utf8), taken: false)
        check(Kelvin.self, Data(#"{"Key":1,"x":""#.utf8) + Data([0xC3, 0xA9]) + Data(#""}"#.utf8), taken: true)
    }

    /// From FuzzJSONTape: JSONSerialization refuses a number beyond the range of a Double anywhere, but JSONDecoder
    /// reads a document whose unread member holds one, and so does the tape.
    @Test func aNumberBeyondDoubleInAMemberNotReadIsReadAsJSONDecoderReadsIt() {
        check(Kelvin.self, #"{"Key":1,"x":-1.5e0301234}"#, taken: true)
        check(Kelvin.self, #"{"Key":1,"x":1e309}"#, taken: true)
        check(Kelvin.self, "{\"Key\":1,\"x\":1\(String(repeating: "0", count: 400))}", taken: true)
        check(Kelvin.self, #"{"Key":1,"x":[1.5e300,-0.0,1e-400,12345678901234567890]}"#, taken: true)
    }

    /// Found by FuzzJSONTape: a key with a lone surrogate escape was left out of a dictionary by the tape, while
    /// JSONDecoder refuses the document.
    @Test func aLoneSurrogateEscapeAnywhereIsDeclined() {
        check([String: Int].self, #"{"a\ude58":1,"b":2}"#, taken: false)
        check(Kelvin.self, #"{"Key":1,"x\ud83d":2}"#, taken: false)
        check(Kelvin.self, #"{"Key":1,"x":"\ud83dx"}"#, taken: false)
        check(Kelvin.self, #"{"Key":1,"x":"\ud83d\ude00\u00e9"}"#, taken: true)
    }

    @Test func theParserIsStrictRFC8259() {
        for text in ["1", "-0.5e+3", #""a""#, "[]", "{}", " [null, true, false] ", #"{"a":{"b":[]}}"#] {
            #expect(TapeReader.parses(Array(text.utf8)), "\(text)")
        }
        for text in [
            "", " ", "01", "1.", ".5", "+1", "[1,]", #"{"a"}"#, "{'a':1}", "tru", "nul", "[", "]", "1 2",
            #""\u12""#, "\u{FEFF}1", "NaN", "Infinity", "[1]]"
        ] {
            #expect(!TapeReader.parses(Array(text.utf8)), "\(text)")
        }
        // Nesting: 256 levels are read, a 257th is declined (JSONDecoder reads deeper documents).
        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(TapeReader.parses(Array(String(tooDeep.dropFirst().dropLast()).utf8)))
        #expect(!TapeReader.parses(Array(tooDeep.utf8)))
    }
}
