import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// R35: a probation's conditions and spaces (in a decision, a vote's proposals, a judgement) are sealed under the
/// case's key, like the case's other texts; the screens reveal them.
@Suite struct ProbationSealingCommandTests {
    @Test func R35_probationConditionsAreSealedInTheRecordsAndShownRevealed() throws {
        let f = try OutcomeCommandTests().throughCellMeeting()
        let done = try f.greffe([
            "cell", "consensus", "2026-001", "--sanction", "reintegration.probationary",
            "--probation-until", "2026-08-31", "--condition", "aucun message privé à la victime",
            "--probation-space", "salon vocal du jeudi", "--approved-by", "m005", "--reasons", "Accord",
            "--on", "2026-02-11", "--as", "m002"
        ])
        expectExit(done.status, .ok, "\(done.stderr)")
        // No file of the store holds the condition or the space in clear.
        for (path, bytes) in try PrivacyCommandTests().rawFiles(under: f.store) {
            for text in ["aucun message privé à la victime", "salon vocal du jeudi"] {
                #expect(bytes.range(of: Data(text.utf8)) == nil, "\(text) in \(path)")
            }
        }
        // The records hold sealed objects bound to their own place (the consensus and the judgement each).
        let export = try f.greffe(["export", "--format", "jsonl"])
        #expect(export.stdout.contains(#"ConsensusReached/probation.conditions.0"#), "\(export.stdout)")
        #expect(export.stdout.contains(#"JudgementRendered/probation.conditions.0"#), "\(export.stdout)")
        // The screens read them through the one reveal function.
        let dossier = try f.greffe(["dossier", "2026-001", "--format", "md"])
        expectExit(dossier.status, .ok, "\(dossier.stderr)")
        #expect(dossier.stdout.contains("aucun message privé à la victime"), "\(dossier.stdout)")
        let log = try f.greffe(["log", "show", "--json"])
        #expect(log.stdout.contains("salon vocal du jeudi"), "\(log.stdout)")
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }
}
