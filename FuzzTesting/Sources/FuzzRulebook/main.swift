import Discipline
import Foundation
import FuzzCommon

// A rulebook file (a procedure or a ladder), loaded and checked as `greffe rulebook validate` and `greffe ladder
// adopt` do. Checked: no crash; a refusal names at least one fault, at a JSON path, in French and English; an
// accepted rulebook writes itself out, and that file loads back to the same rulebook with the same digest.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRulebook(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Data(fuzzInput(start, count))
    switch RulebookDocument.load(from: data) {
    case .failure(let refusal):
        require(!refusal.faults.isEmpty, "a refused rulebook names no fault")
        for fault in refusal.faults {
            require(fault.path.hasPrefix("$"), "a fault at \(fault.path)")
            require(!fault.fr.isEmpty && !fault.en.isEmpty, "a fault without wording at \(fault.path)")
        }
    case .success(let document):
        guard let written = try? document.jsonData() else {
            require(false, "an accepted rulebook cannot be written out")
            return 0
        }
        guard case .success(let again) = RulebookDocument.load(from: written) else {
            require(false, "an accepted rulebook, written out, is refused")
            return 0
        }
        require(again == document, "an accepted rulebook, written out, reads back differently")
        require((try? again.digest()) == (try? document.digest()), "the digest changes through a write")
    }
    return 0
}

runFuzzer(fuzzRulebook)
