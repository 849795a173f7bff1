import Discipline
import Foundation
import GreffeTestSupport
import Testing
@testable import Registry

/// Issue 21: the replay writes a case's summary and its deadlines due with its own JSON writer; the stored bytes must
/// be those `JSONEncoder` writes (acts still write them with it, and the audit compares the two byte for byte).
@Suite struct ProjectionJSONTests {
    static let texts = [
        "", "R05", "m001", "a/b", "//", "Zoé", "e\u{301}", "« réponse » sous 15 jours", "l'accusé·e",
        "\u{2028}\u{2029}", "😀", "\u{7F}", "x y", "tab\there", "new\nline", "quote\"d", "back\\slash", "\u{0}",
        "\u{1F}", "\u{8}\u{C}\r", "<script>&amp;"
    ]

    static func pending(_ label: String, rule: RuleID = .R05, binds: Bool = true) -> PendingDeadline {
        PendingDeadline(
            rule: rule, labelFr: label, labelEn: label + " (en)", due: d("2026-03-09"), bindsAssociation: binds)
    }

    static var summaries: [CaseSummary] {
        var out: [CaseSummary] = [
            CaseSummary(
                id: "2026-001", step: .empty, openedOn: nil, lastActOn: nil, accused: [], rapporteur: nil, version: 0,
                nextDue: nil, nextDueRule: nil, pending: []),
            CaseSummary(
                id: "2026-002", step: .closed, openedOn: d("0001-01-01"), lastActOn: d("9999-12-31"),
                accused: ["m001", "m/002"], rapporteur: "m003", version: UInt64.max, nextDue: d("2026-02-28"),
                nextDueRule: .R24, pending: [pending("répondre", rule: .R24), pending("b", rule: .R10, binds: false)])
        ]
        for (i, text) in texts.enumerated() {
            out.append(
                CaseSummary(
                    id: CaseID(text), step: .investigation, openedOn: d("2026-01-02"), lastActOn: d("2026-01-20"),
                    accused: [MemberID(text)], rapporteur: MemberID(text), version: UInt64(i), nextDue: d("2026-03-09"),
                    nextDueRule: .R05, pending: [pending(text)]))
        }
        return out
    }

    @Test func aCaseSummaryIsWrittenAsJSONEncoderWritesIt() throws {
        for summary in Self.summaries {
            let expected = Array(try Projections.jsonEncoder.encode(summary))
            let written = try ProjectionJSON.summary(summary)
            #expect(written == expected, "\(String(decoding: expected, as: UTF8.self))")
        }
    }

    @Test func theDeadlinesDueAreWrittenAsJSONEncoderWritesThem() throws {
        for list in [[], [Self.pending("a")]] + Self.texts.map({ [Self.pending($0), Self.pending("x", binds: false)] })
        {
            #expect(try ProjectionJSON.pending(list) == Array(try Projections.jsonEncoder.encode(list)))
        }
    }

    @Test func plainTextsAreWrittenWithoutJSONEncoder() {
        // The fast path is taken for the texts a store holds (no control character, quotation mark or backslash).
        var writer = ProjectionJSON.Writer()
        let written = writer.summary(Self.summaries[1])
        #expect(written)
        var refused = ProjectionJSON.Writer()
        let quoted = refused.string("quote\"d")
        #expect(!quoted)
    }
}
