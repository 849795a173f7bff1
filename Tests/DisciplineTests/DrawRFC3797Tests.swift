import Foundation
import Testing
@testable import Discipline

/// RFC 3797 section 6: 25 names, three entropy sources.
///
/// Facts from the RFC: the key string, the MD5 of each printed row with its divisor, and the selected numbers
/// 17, 7, 2, 16, 25, 23, 8, 24, 19, 13 (the ten names Lee … Pandora) and 22. These are also what independent
/// implementations (Perl Algorithm::Voting::Sortition, Go kleroterion, Python votelib) check against.
@Suite struct DrawRFC3797Tests {
    static let sources: [[String]] = [["9319"], ["2", "5", "12", "8", "10"], ["9", "18", "26", "34", "41", "45"]]
    static let rfcKey = "9319./2.5.8.10.12./9.18.26.34.41.45./"

    /// (MD5 hex, div) of the RFC's printed rows, index 0 first.
    static let rfcDigests: [(String, Int)] = [
        ("990DD0A5692A029A98B5E01AA28F3459", 25),
        ("3691E55CB63FCC37914430B2F70B5EC6", 24),
        ("FE814EDF564C190AC1D25753979990FA", 23),
        ("1863CCACEB568C31D7DDBDF1D4E91387", 22),
        ("F4AB33DF4889F0AF29C513905BE1D758", 21),
        ("13EAEB529F61ACFB9A29D0BA3A60DE4A", 20),
        ("992DB77C382CA2BDB9727001F3CDCCD9", 19),
        ("63AB4258ECA922976811C7F55C383CE7", 18),
        ("DFBC5AC97CED01B3A6E348E3CC63F40D", 17),
        ("31CB111C4A4EBE9287CEAE16FE51B909", 16),
        ("07FA46C122F164C215BBC72793B189A3", 15),
        ("AC52F8D75CCBE2E61AFEB3387637D501", 14),
        ("53306F73E14FC0B2FBF434218D25948E", 13),
        ("B5D1403501A81F9A47318BE7893B347C", 12),
        ("85B10B356AA06663EF1B1B407765100A", 11),
        ("3269E6CE559ABD57E2BA6AAB495EB9BD", 10)
    ]
    /// The RFC's selected numbers (pool numbered from 1), in order.
    static let rfcSelected = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22]

    /// The RFC's 25 names, in its numbering.
    static let names = [
        "John", "Mary", "Bashful", "Dopey", "Sleepy", "Grouchy", "Doc", "Sneazy", "Handsome", "Cassandra",
        "Pollyanna", "Pendragon", "Pandora", "Faith", "Hope", "Charity", "Lee", "Longsuffering", "Chastity", "Smith",
        "Pride", "Sloth", "Envy", "Anger", "Kasczynski"
    ]

    @Test func rfcSection6KeyString() throws {
        #expect(try RFC3797.keyString(Self.sources) == Self.rfcKey)
    }

    @Test func rfcSection6DigestByDigest() {
        let steps = RFC3797.selectionOrder(poolSize: 25, key: Self.rfcKey, count: 25)
        #expect(steps.count == 25)
        for (i, (hex, div)) in Self.rfcDigests.enumerated() {
            #expect(steps[i].index == i)
            #expect(steps[i].digestHex == hex, "MD5 at index \(i)")
            #expect(steps[i].remaining == div, "divisor at index \(i)")
            #expect(steps[i].position == steps[i].valueModRemaining + 1)
        }
        #expect(steps.prefix(Self.rfcSelected.count).map(\.selected) == Self.rfcSelected)
        // The first remainders, 0-based, as other implementations print them: 16, 6, 1, 13.
        #expect(steps.prefix(4).map(\.valueModRemaining) == [16, 6, 1, 13])
        // The full order is a permutation of the pool.
        #expect(Set(steps.map(\.selected)) == Set(1...25))
    }

    @Test func selectedNumbersAreTheStepsSelections() {
        let steps = RFC3797.selectionOrder(poolSize: 154, key: Self.rfcKey, count: 154)
        #expect(RFC3797.selectedNumbers(poolSize: 154, key: Self.rfcKey) == steps.map(\.selected))
        #expect(RFC3797.selectedNumbers(poolSize: 0, key: Self.rfcKey).isEmpty)
    }

    /// The RFC's example run through the cell draw: member ids that sort in the RFC's numbering give its names.
    @Test func rfcSection6ThroughCellDraw() throws {
        let ids = Self.names.enumerated().map { MemberID(String(format: "%02d-%@", $0.offset + 1, $0.element)) }
        let pool = try DrawPool(members: ids.shuffled())
        #expect(pool.members == ids)
        let announcement = try DrawAnnouncement.announce(
            pool: pool,
            sources: [
                EntropySource(description: "a"), EntropySource(description: "b"),
                EntropySource(description: "c")
            ], seatsLeft: 3,
            on: Day(year: 2004, month: 6, day: 1) ?? Day(dayNumber: 0))
        let draw = try CellDraw.perform(announcement, values: Self.sources)
        #expect(draw.keyString == Self.rfcKey)
        #expect(draw.publiclyVerifiable)
        #expect(Array(draw.order.prefix(11)) == Self.rfcSelected)
        let drawn = draw.members(in: announcement.pool).prefix(10).map { String($0.rawValue.dropFirst(3)) }
        #expect(
            drawn == [
                "Lee", "Doc", "Mary", "Charity", "Kasczynski", "Envy", "Sneazy", "Anger", "Chastity",
                "Pandora"
            ])
    }

    /// A real selection: IETF NomCom 2013 (pool of 154), as printed by the RFC's reference code. The second
    /// source was published as `08285182`: its leading zero is dropped in the key string.
    @Test func nomcom2013ReferenceCodeOutputDigestByDigest() throws {
        let key = try RFC3797.keyString([
            ["7", "8", "11", "17", "19", "25", "46"], ["08285182"], ["60115701"],
            ["2", "3", "18", "26", "32", "33", "42"]
        ])
        #expect(key == "7.8.11.17.19.25.46./8285182./60115701./2.3.18.26.32.33.42./")
        let printed: [(String, Int, Int)] = [
            ("D31D1C4AC453CA37989E9920B4E9BC03", 154, 138),
            ("7D4981E47C3C36BC96014648D7B5BA81", 153, 151),
            ("15487BEAE370809B0FBA261900BCA388", 152, 89),
            ("CA3AA0213C2806E5862C840B95BC3241", 151, 112),
            ("2F535522AA633A910133065D2CF8D5DE", 150, 117),
            ("21BF818EEE3464A1FC754EBF0C10A07E", 149, 145),
            ("4BBBB6890F39575B1301647FE330AEEA", 148, 118),
            ("E127386593045A7ED46091427E85F242", 147, 143),
            ("2606896E805BF31DC4135043A3C9BFAB", 146, 144),
            ("8D1BD67E08298BB0A91BCE81AA683D68", 145, 122),
            ("618467D70D20C18B509E402DCA2E679D", 144, 95),
            ("2C3BF59B559F268A2F98BD97031A9CAF", 143, 139)
        ]
        let steps = RFC3797.selectionOrder(poolSize: 154, key: key, count: printed.count)
        #expect(steps.map(\.digestHex) == printed.map(\.0))
        #expect(steps.map(\.remaining) == printed.map(\.1))
        #expect(steps.map(\.selected) == printed.map(\.2))
    }

    @Test func remainderFoldsBytesWithoutBigIntegers() {
        // 0x0102 = 258; 258 mod 7 = 6.
        #expect(RFC3797.remainder(of: [0x01, 0x02], modulo: 7) == 6)
        // 2^128 - 1 mod 10 = 5 (340282366920938463463374607431768211455).
        #expect(RFC3797.remainder(of: Array(repeating: 0xFF, count: 16), modulo: 10) == 5)
        #expect(RFC3797.remainder(of: [0xFF], modulo: 1) == 0)
    }

    @Test func selectionOrderCapsAtPoolSize() {
        #expect(RFC3797.selectionOrder(poolSize: 3, key: Self.rfcKey, count: 10).count == 3)
        #expect(RFC3797.selectionOrder(poolSize: 0, key: Self.rfcKey, count: 3).isEmpty)
        #expect(RFC3797.selectionOrder(poolSize: 5, key: Self.rfcKey, count: -1).isEmpty)
    }
}

/// Canonical form of entropy values (RFC 3797 section 4), edge by edge.
@Suite struct DrawKeyStringTests {
    @Test func leadingZerosAreSuppressed() throws {
        #expect(try RFC3797.keyString([["007", "0012"]]) == "7.12./")
        #expect(try RFC3797.keyString([["0"], ["000"]]) == "0./0./")
    }

    @Test func valuesSortNumericallyNotAsText() throws {
        #expect(try RFC3797.keyString([["10", "9", "100", "1"]]) == "1.9.10.100./")
    }

    @Test func tiesAreKept() throws {
        #expect(try RFC3797.keyString([["5", "3", "5"]]) == "3.5.5./")
    }

    @Test func surroundingWhiteSpaceIsIgnored() throws {
        #expect(try RFC3797.keyString([[" 42 ", "\t7\n"]]) == "7.42./")
    }

    @Test func sourceOrderIsKeptAsAnnounced() throws {
        #expect(try RFC3797.keyString([["2"], ["1"]]) == "2./1./")
    }

    /// The reference code's "float" input: integer part without leading zeros, fraction without trailing zeros.
    @Test func aSingleDecimalValueKeepsItsFraction() throws {
        #expect(try RFC3797.keyString([["010513.780"], ["7", "3"]]) == "10513.78/3.7./")
        #expect(try RFC3797.keyString([["3.0"]]) == "3./")
        #expect(try RFC3797.keyString([["0.50"]]) == "0.5/")
    }

    @Test func sixteenSourcesOfSixteenValuesAreAccepted() throws {
        let key = try RFC3797.keyString(Array(repeating: (1...16).map(String.init), count: 16))
        #expect(key.count == 16 * "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16./".count)
    }

    @Test func textValueIsUpperCasedWithoutAccentsOrPunctuation() throws {
        #expect(try RFC3797.keyString([["Équipe b, 4-1 !"]]) == "EQUIPEB41./")
        #expect(try RFC3797.keyString([["W 4-1"], ["3", "1"]]) == "W41./1.3./")
    }

    static let refused: [([[String]], KeyStringError)] = [
        ([[String]](), KeyStringError.noSources),
        ([[]], .emptySource(source: 1)),
        ([["1"], ["  "]], .emptyValue(source: 2, value: 1)),
        ([["-5"]], .negativeNumber(source: 1, value: 1, text: "-5")),
        ([["3", "10.5"]], .decimalInMultiValueSource(source: 1, value: 2, text: "10.5")),
        ([["1,5"]], .notANumber(source: 1, value: 1, text: "1,5")),
        ([[".5"]], .notANumber(source: 1, value: 1, text: ".5")),
        ([["5."]], .notANumber(source: 1, value: 1, text: "5.")),
        (Array(repeating: ["1"], count: 17), .tooManySources(17)),
        ([(1...17).map(String.init)], .tooManyValues(source: 1, count: 17)),
        ([["1 234"]], .notANumber(source: 1, value: 1, text: "1 234")),
        ([["4-1"]], .notANumber(source: 1, value: 1, text: "4-1")),
        ([["cœur"]], .unsupportedCharacter(source: 1, value: 1, character: "œ")),
        ([["Москва"]], .unsupportedCharacter(source: 1, value: 1, character: "М")),
        ([["3", "W 4"]], .textInMultiValueSource(source: 1, value: "W4"))
    ]

    @Test(arguments: refused)
    func ambiguousValuesAreRefusedNotGuessed(sources: [[String]], expected: KeyStringError) {
        #expect(throws: expected) { try RFC3797.keyString(sources) }
    }

    // The text of one `--entropy`, as typed (docs/draw.md), to the values of its source.

    @Test func entropyTextGivesTheValuesAsTyped() throws {
        #expect(try RFC3797.values(fromEntropyText: "3 11 17 25 38", source: 1) == ["3", "11", "17", "25", "38"])
        #expect(try RFC3797.values(fromEntropyText: "3, 11; 17\t25", source: 1) == ["3", "11", "17", "25"])
        #expect(try RFC3797.values(fromEntropyText: " 010513.780 ", source: 1) == ["010513.780"])
        #expect(try RFC3797.values(fromEntropyText: "12;345", source: 1) == ["12", "345"])
        // The documented text source is one value, whatever spaces and dashes it holds.
        #expect(try RFC3797.values(fromEntropyText: "W 4-1", source: 1) == ["W 4-1"])
        #expect(try RFC3797.keyString([try RFC3797.values(fromEntropyText: "W 4-1", source: 1)]) == "W41./")
        #expect(try RFC3797.values(fromEntropyText: "2147483647", source: 1) == ["2147483647"])
    }

    static let refusedTexts: [(String, KeyStringError)] = [
        ("1 234", .groupedDigits(source: 2, text: "1 234")),
        ("12 345 678", .groupedDigits(source: 2, text: "12 345 678")),
        ("3; 1 234", .groupedDigits(source: 2, text: "1 234")),
        ("1\u{00A0}234", .groupedDigits(source: 2, text: "1\u{00A0}234")),
        ("1\u{202F}234", .groupedDigits(source: 2, text: "1\u{202F}234")),
        ("1'234", .groupedDigits(source: 2, text: "1'234")),
        ("1,5", .decimalComma(source: 2, text: "1,5")),
        ("3 11,5", .decimalComma(source: 2, text: "3 11,5")),
        ("2147483648", .integerTooLarge(source: 2, value: 1, text: "2147483648")),
        ("3 99999999999999999999", .integerTooLarge(source: 2, value: 2, text: "99999999999999999999")),
        ("3 trois", .textInMultiValueSource(source: 2, value: "3 trois")),
        ("W 4 1", .textInMultiValueSource(source: 2, value: "W 4 1")),
        ("  ", .emptySource(source: 2)),
        (" ; ", .emptySource(source: 2))
    ]

    @Test(arguments: refusedTexts)
    func entropyTextWithSeparatorsOrOutOfRangeIsRefused(text: String, expected: KeyStringError) {
        #expect(throws: expected) { try RFC3797.values(fromEntropyText: text, source: 2) }
    }

    @Test func aNewDrawStaysWithinTheReferenceCodesRange() {
        #expect(throws: KeyStringError.integerTooLarge(source: 1, value: 1, text: "4294967296")) {
            try RFC3797.checkReferenceRange([["4294967296"]])
        }
        #expect(throws: Never.self) { try RFC3797.checkReferenceRange([["0002147483647", "W 4"]]) }
    }

    @Test func everyEntropyErrorHasFrenchWords() {
        for (_, error) in Self.refusedTexts + Self.refused.map({ ($0.0.description, $0.1) }) {
            #expect(!error.fr.isEmpty && error.fr != error.description, "\(error)")
        }
    }
}
