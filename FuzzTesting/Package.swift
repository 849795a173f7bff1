// swift-tools-version:6.0
// The fuzzers (libFuzzer), apart from the main package so that their sanitizer flags never reach its build.
// Built and run by scripts/fuzz.sh; docs/fuzzing.md says how to run them longer and keep a crash as a seed.
import PackageDescription

let package = Package(
    name: "GreffeFuzzTesting",
    dependencies: [
        .package(name: "Greffe", path: ".."),
        // The CSV reader the command line uses for `members import` (the same requirement as the main package).
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .target(name: "FuzzCommon"),
        // The strict JSON reader against Foundation's JSONDecoder and JSONSerialization.
        .executableTarget(name: "FuzzJSONTape", dependencies: [
            "FuzzCommon",
            .product(name: "JSONTape", package: "Greffe"),
            .product(name: "Discipline", package: "Greffe"),
        ]),
        // A roster CSV file, read as `greffe members import` reads it, then the import's diff.
        .executableTarget(name: "FuzzRosterCSV", dependencies: [
            "FuzzCommon",
            .product(name: "Discipline", package: "Greffe"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // The RFC 3797 key string from published values, then the selection order.
        .executableTarget(name: "FuzzEntropy", dependencies: [
            "FuzzCommon",
            .product(name: "Discipline", package: "Greffe"),
        ]),
        // A rulebook file (procedure or ladder): the loader and its validator.
        .executableTarget(name: "FuzzRulebook", dependencies: [
            "FuzzCommon",
            .product(name: "Discipline", package: "Greffe"),
        ]),
    ]
)
