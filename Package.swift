// swift-tools-version: 6.0
import PackageDescription

// Layers, each with one job; dependencies point one way:
// lotr (executable) → front ends (LotrTUI, LotrPlain), LotrStore, LotrBook → LotrEngine → LotrFlow.
let package = Package(
    name: "lotr",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lotr", targets: ["lotr"]),
        .library(name: "LotrFlow", targets: ["LotrFlow"]),
        .library(name: "LotrEngine", targets: ["LotrEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Flow model, YAML loader, expression language and validator. No terminal code, no evaluation.
        .target(name: "LotrFlow", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Pure evaluation of answers against loaded flows. No I/O; `today` is always passed in.
        .target(name: "LotrEngine", dependencies: ["LotrFlow"]),
        // The system's wide-character curses library, with a shim for the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // Full-screen front end: value-type model, update, view into a cell grid, one ncurses adapter.
        .target(name: "LotrTUI", dependencies: ["LotrEngine", "CNcursesw"]),
        // Plain line mode for screen readers and scripts: the same engine, one question per prompt.
        .target(name: "LotrPlain", dependencies: ["LotrEngine"]),
        // Saved sessions (SQLite), adviser notes and exports. The only module that writes answers to disk.
        .target(name: "LotrStore", dependencies: ["LotrEngine", .product(name: "GRDB", package: "GRDB.swift")]),
        // The scenario tables (Tests/LotrEngineTests/Scenarios): rows read from YAML and walked through the engine.
        .target(name: "LotrScenarios", dependencies: ["LotrEngine", .product(name: "Yams", package: "Yams")]),
        // The review book: every stage, question, outcome, index and coverage figure, as HTML or Markdown.
        // Reads the flow model and the scenario rows' paths; no terminal code, no I/O.
        .target(name: "LotrBook", dependencies: ["LotrFlow", "LotrEngine", "LotrScenarios"]),
        // The running program's build ID (ELF notes, via dl_iterate_phdr), which keys the flow cache.
        .target(name: "CProgramInfo"),
        .executableTarget(name: "lotr", dependencies: [
            "CProgramInfo", "LotrFlow", "LotrEngine", "LotrTUI", "LotrPlain", "LotrStore", "LotrBook", "LotrScenarios",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fixture loading and seeded randomness shared by the test targets.
        .target(name: "LotrTestSupport", dependencies: ["LotrFlow"], path: "Tests/LotrTestSupport"),
        // Fixtures and scenario tables are read from the source tree (via #filePath), like `lotr check` reads them.
        .testTarget(name: "LotrFlowTests", dependencies: ["LotrFlow", "LotrTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LotrEngineTests", dependencies: [
            "LotrEngine", "LotrScenarios", "LotrTestSupport", .product(name: "Yams", package: "Yams"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Scenarios", "FileNoteGolden"]),
        .testTarget(name: "LotrTUITests", dependencies: ["LotrTUI", "LotrTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LotrPlainTests", dependencies: ["LotrPlain", "LotrTestSupport"]),
        .testTarget(name: "LotrBookTests", dependencies: ["LotrBook", "LotrScenarios", "LotrTestSupport"]),
        .testTarget(name: "LotrStoreTests", dependencies: ["LotrStore", "LotrTestSupport"]),
        // GRDB only to age a saved case in place (the retention tests): lotr itself is run as a program.
        .testTarget(name: "LotrCLITests", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
