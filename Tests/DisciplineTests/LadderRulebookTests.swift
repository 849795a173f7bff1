import Foundation
import Testing
@testable import Discipline

private let shippedIDs = ["cle-5.2", "aalmi-5", "coopol-4", "act-alliance", "collectivite"]

/// The JSON of a shipped rulebook as a mutable tree, to break it on purpose.
private func tree(_ id: String) throws -> [String: Any] {
    let url = ladderPackageRoot.appendingPathComponent("Sources/Registry/Rulebooks/\(id).json")
    return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
}

private func faults(of object: [String: Any]) throws -> [RulebookFault] {
    switch LadderRulebook.load(from: try JSONSerialization.data(withJSONObject: object)) {
    case .success: return []
    case .failure(let invalid): return invalid.faults
    }
}

private func measures(_ object: [String: Any]) -> [[String: Any]] { object["measures"] as? [[String: Any]] ?? [] }

@Test func ladderRulebook_everyShippedRulebookLoadsWithoutFault() throws {
    for id in shippedIDs {
        let book = try shippedLadder(id)
        #expect(book.id == id && book.version == 1)
        #expect(book.faults().isEmpty)
        // Round trip: the canonical JSON reads back as the same value.
        #expect(LadderRulebook.load(from: try book.jsonData()) == .success(book))
    }
}

@Test func ladderRulebook_validateNamesTheUnknownMeasureOfAPrerequisite() throws {
    var object = try tree("cle-5.2")
    var list = measures(object)
    list[2]["requires"] = [["measure": "convocaton"]]
    object["measures"] = list
    let found = try faults(of: object)
    #expect(found.map(\.path) == ["$.measures[2].requires[0].measure"])
    #expect(found.first?.fr == "mesure inconnue : convocaton")
}

@Test func ladderRulebook_validateNamesACycleOfEscalations() throws {
    var object = try tree("collectivite")
    var list = measures(object)
    list[1]["escalation"] = ["measure": "decision-referent"]
    object["measures"] = list
    let found = try faults(of: object)
    #expect(found.map(\.path) == ["$.measures[0].escalation.measure"])
    #expect(found.first?.en == "cycle of escalations: decision-referent → retrait → decision-referent")
}

@Test func ladderRulebook_validateNamesACycleOfPrerequisites() throws {
    var object = try tree("cle-5.2")
    var list = measures(object)
    list[1]["requires"] = [["measure": "avertissement"]]
    object["measures"] = list
    let found = try faults(of: object)
    #expect(found.map(\.path) == ["$.measures[1].requires"])
}

@Test func ladderRulebook_validateNamesAMissingOrEmptyLabel() throws {
    var object = try tree("aalmi-5")
    var list = measures(object)
    list[1].removeValue(forKey: "fr")
    object["measures"] = list
    #expect(try faults(of: object).map(\.path) == ["$.measures[1].fr"])

    list[1]["fr"] = "  "
    var roles = object["roles"] as? [[String: Any]] ?? []
    roles[1]["en"] = ""
    object["measures"] = list
    object["roles"] = roles
    #expect(try faults(of: object).map(\.path) == ["$.roles[1].en", "$.measures[1].fr"])
}

@Test func ladderRulebook_validateNamesUnknownRolesOutcomesAndProcedures() throws {
    var object = try tree("collectivite")
    var list = measures(object)
    list[0]["agreementOf"] = ["maire"]
    list[1]["requires"] = [["measure": "decision-referent", "outcome": "peut-etre"]]
    object["measures"] = list
    var cle = try tree("cle-5.2")
    var cleMeasures = measures(cle)
    cleMeasures[3]["escalation"] = ["procedure": "tribunal"]
    cle["measures"] = cleMeasures
    #expect(try faults(of: object).map(\.path) == ["$.measures[0].agreementOf[0]", "$.measures[1].requires[0].outcome"])
    #expect(try faults(of: cle).map(\.path) == ["$.measures[3].escalation.procedure"])
}

/// Every « quote » of a shipped rulebook is the organisation's own words: found verbatim (whitespace aside) in its seed.
@Test(
    .enabled(
        if: FileManager.default.fileExists(atPath: seedsFolder.path), "the seeds folder ../shared/seeds is not here"))
func ladderRulebook_everyQuoteIsVerbatimInTheSeed() throws {
    for id in shippedIDs {
        let book = try shippedLadder(id)
        let seed = try String(contentsOf: seedsFolder.appendingPathComponent(book.source.document), encoding: .utf8)
        let normalized = seed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var quotes = book.incidents.map(\.quote) + book.measures.map(\.quote)
        quotes +=
            book.measures.flatMap { $0.exceptions.map(\.quote) } + book.measures.compactMap { $0.notification?.quote }
        for quote in quotes {
            #expect(normalized.contains(quote), "\(id): not in \(book.source.document): \(quote)")
        }
    }
}

private let seedsFolder = ladderPackageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
