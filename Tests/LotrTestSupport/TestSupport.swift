import Foundation
import LotrFlow

/// What several test targets share: the fixture flows read from the source tree (the same files
/// `lotr check` reads), the shipped flows, and a seeded random generator.
public enum TestFixtures {
    /// The repository's `Tests` folder.
    public static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    public static let fixturesRoot = testsRoot + "/LotrFlowTests/Fixtures"
    public static let shippedFlows = URL(fileURLWithPath: testsRoot).deletingLastPathComponent().appendingPathComponent("flows").path
    public static let today = CivilDate(iso: "2026-11-23")!

    /// The `.yaml` files of some folders (relative to the flow fixtures, or absolute), by file name.
    public static func files(in dirs: [String]) -> [(path: String, contents: String)] {
        var files: [(path: String, contents: String)] = []
        for dir in dirs {
            let full = dir.hasPrefix("/") ? dir : fixturesRoot + "/" + dir
            let names = (try? FileManager.default.contentsOfDirectory(atPath: full))?.sorted() ?? []
            for n in names where n.hasSuffix(".yaml") {
                files.append((path: n, contents: (try? String(contentsOfFile: full + "/" + n, encoding: .utf8)) ?? ""))
            }
        }
        return files
    }

    /// Loads fixture folders; a fixture that does not load is a broken test, so it stops here.
    public static func load(_ dirs: [String]) -> FlowSet {
        let result = FlowLoader.load(files: files(in: dirs))
        guard let flows = result.flows else { fatalError("fixture flows \(dirs) do not load: \(result.errors.prefix(3))") }
        return flows
    }

    /// in_uk (yes/no) → status (choice) → absences (date ranges) → settled, or on to crisis.
    public static let small: FlowSet = load(["base", "valid"])
}

/// SplitMix64: small, seeded, the same sequence on every machine, so a failing case can be rerun.
public struct SeededRandom: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
