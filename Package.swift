// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Greffe",
    products: [
        .executable(name: "greffe", targets: ["greffe"]),
        .library(name: "EventLog", targets: ["EventLog"]),
        .library(name: "JSONTape", targets: ["JSONTape"]),
        .library(name: "Discipline", targets: ["Discipline"]),
        .library(name: "Registry", targets: ["Registry"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The C library, nothing else: Debian's liblmdb-dev through pkg-config.
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"]), .brew(["lmdb"])]
        ),
        // Generic append-only, hash-chained event log on LMDB. Knows nothing about cases.
        .target(
            name: "EventLog",
            dependencies: [
                "CLMDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Imports are internal unless marked `public import`: CLMDB cannot leak into the public API.
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // A strict JSON reader for Decodable types, declining what it is not sure of. Knows nothing about cases.
        .target(name: "JSONTape"),
        // The domain: rulebooks, calendar, votes, deciders, projections. Pure: no I/O, no clock, no randomness.
        .target(
            name: "Discipline",
            dependencies: [
                "JSONTape",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Imports are internal unless marked `public import`: what the domain's public API exposes is said.
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // The application: loads streams, decides, appends with the expected version, keeps projections.
        .target(
            name: "Registry",
            dependencies: [
                "EventLog", "Discipline",
                // Ed25519 checkpoints and keyed pseudonyms of the audit.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The shipped rulebooks (one JSON file each) are carried in the binary as EmbeddedRulebooks.swift, generated
            // from this folder by scripts/embed_rulebooks.py, so a copied `greffe` needs no resource bundle.
            exclude: ["Rulebooks"],
            swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
        ),
        // Command-line parsing and rendering (French by default, English on request).
        .target(
            name: "GreffeCLI",
            dependencies: [
                "Registry", "EventLog", "Discipline", "JSONTape",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "greffe", dependencies: ["GreffeCLI"]),
        // Test helper: appends in a loop so tests can race processes and kill them mid-write.
        .executableTarget(name: "greffe-stress", dependencies: ["EventLog"]),
        // The performance benchmark (issue 9): the engine against raw LMDB; run it in release (docs/performance.md).
        .executableTarget(name: "greffe-bench", dependencies: ["EventLog", "Discipline", "Registry"]),

        // Helpers the test targets share: running a process or one of the scripts/ verifiers, a temporary directory,
        // the built products' locator, the strict `d("YYYY-MM-DD")`, `expectExit`.
        .target(name: "GreffeTestSupport", dependencies: ["Discipline", "GreffeCLI"], path: "Tests/Support"),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "greffe-stress", "GreffeTestSupport"]),
        .testTarget(name: "JSONTapeTests", dependencies: ["JSONTape"]),
        .testTarget(name: "DisciplineTests", dependencies: ["Discipline", "GreffeTestSupport"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "EventLog", "Discipline", "GreffeTestSupport"]),
        .testTarget(name: "GreffeCLITests", dependencies: ["GreffeCLI", "greffe", "GreffeTestSupport"]),
        // Runs `greffe-bench --smoke` once and checks that its JSON parses; no timing is asserted.
        .testTarget(name: "BenchTests", dependencies: ["greffe-bench", "GreffeTestSupport"]),
    ]
)
