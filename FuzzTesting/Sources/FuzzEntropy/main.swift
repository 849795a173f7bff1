import Discipline
import Foundation
import FuzzCommon

// The published values of a draw's entropy sources, one source a line, each line split into values as
// `greffe cell draw --entropy` splits its text (space, comma, semicolon), then RFC 3797's key string and selection.
// Checked: no crash; an accepted key is plain ASCII (digits, A–Z, `.` and `/`), one `/` per source, and reads back
// to itself; the selection of a whole pool is a permutation of it, and its first steps are the selection order's.

/// The sources a key string was made of: `a.b./` is a source of values a and b, `1.5/` a single decimal value.
func sources(ofKey key: String) -> [[String]] {
    key.split(separator: "/", omittingEmptySubsequences: false).dropLast().map { source in
        source.hasSuffix(".")
            ? source.dropLast().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            : [String(source)]
    }
}

func checkSelection(poolSize: Int, key: String) {
    let numbers = RFC3797.selectedNumbers(poolSize: poolSize, key: key)
    require(
        numbers.sorted() == Array(1...poolSize),
        "the selection of a pool of \(poolSize) is not a permutation of it")
    let steps = RFC3797.selectionOrder(poolSize: poolSize, key: key, count: min(3, poolSize))
    require(steps.map(\.selected) == Array(numbers.prefix(steps.count)), "the selection order and the numbers differ")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntropy(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    guard let text = utf8Text(bytes) else { return 0 }
    let poolSize = 1 + bytes.count % 40
    // Any key (the selection uses its UTF-8 bytes): no crash.
    _ = RFC3797.selectedNumbers(poolSize: poolSize, key: text)

    let values = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
    }
    let key: String
    do {
        key = try RFC3797.keyString(values)
    } catch {
        require(!error.description.isEmpty, "a refusal without a reason")
        return 0
    }
    require(
        key.unicodeScalars.allSatisfy {
            ($0 >= "0" && $0 <= "9") || ($0 >= "A" && $0 <= "Z") || $0 == "." || $0 == "/"
        }, "a key string with another character: \(key)")
    require(key.filter { $0 == "/" }.count == values.count, "not one / per source: \(key)")
    // Known, left to the entropy parser's owners (docs/fuzzing.md): a text value loses the characters it drops
    // silently (marks such as `ा`, control characters), so it may become empty or digits with a leading zero
    // (`0ा227` gives `0227.`), which then does not read back. Every other key must.
    let lostItsLetters = sources(ofKey: key).joined().contains { value in
        value.isEmpty || (value.count > 1 && value.hasPrefix("0") && value.allSatisfy { $0 >= "0" && $0 <= "9" })
    }
    require(
        lostItsLetters || (try? RFC3797.keyString(sources(ofKey: key))) == key,
        "the key string does not read back: \(key)")
    checkSelection(poolSize: poolSize, key: key)
    return 0
}

runFuzzer(fuzzEntropy)
