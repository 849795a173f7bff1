import Discipline
import Foundation
import Testing

/// A rectification's reason is a `Sealed` text: records written before sealing (a plain string) still read.
@Suite struct RectificationReasonTests {
    @Test func rectification_aReasonStoredInClearBeforeSealingStillDecodes() throws {
        let withdrawn = try CaseEvent.decode(
            type: "RecordWithdrawn", payload: Data(#"{"records":[3],"reason":"erreur"}"#.utf8))
        guard case .recordWithdrawn(let withdrawal) = withdrawn else {
            Issue.record("not a withdrawal: \(withdrawn.typeName)")
            return
        }
        #expect(withdrawal.reason == .clear("erreur"))
        #expect(withdrawal.records == [3])
    }
}
