import Foundation
import LotrEngine
import LotrFlow
import LotrTestSupport
@testable import LotrStore

/// The fixture flows of the flow tests (base catalogues plus the valid stages), read from disk
/// the same way the engine tests read them.
enum StoreFixtures {
    static let flows = TestFixtures.small
    static let today = TestFixtures.today
}

/// A fresh private temporary folder, removed when the test ends. Tests never touch the real
/// data folder.
final class TempDir {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-store-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    var store: String { path + "/lotr" }
}

typealias SeededGenerator = SeededRandom

enum Gen {
    static let awkwardStrings = ["", " ", "\"", "\\", "\u{0}", "line\nbreak\r\ttab", "é", "e\u{301}", "👩🏽‍⚕️", "中文",
                                 "{\"text\":\"x\"}", "'; DROP TABLE answer; --", "\u{FEFF}", "\u{1F}", "/", "null"]

    static func string<G: RandomNumberGenerator>(_ g: inout G) -> String {
        if Bool.random(using: &g) { return awkwardStrings.randomElement(using: &g)! }
        let scalars: [Unicode.Scalar] = (0..<Int.random(in: 0...12, using: &g)).map { _ in
            switch Int.random(in: 0..<4, using: &g) {
            case 0: return Unicode.Scalar(UInt8.random(in: 0...127, using: &g))
            case 1: return Unicode.Scalar(UInt32.random(in: 0xA0...0xD7FF, using: &g))!
            case 2: return Unicode.Scalar(UInt32.random(in: 0xE000...0xFFFD, using: &g))!
            default: return Unicode.Scalar(UInt32.random(in: 0x10000...0x10FFFF, using: &g))!
            }
        }
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    static func int<G: RandomNumberGenerator>(_ g: inout G) -> Int {
        switch Int.random(in: 0..<4, using: &g) {
        case 0: return [Int.min, Int.max, 0, -1, 1, 9_007_199_254_740_993].randomElement(using: &g)!
        case 1: return Int.random(in: Int.min...Int.max, using: &g)
        default: return Int.random(in: -1000...100_000, using: &g)
        }
    }

    static func date<G: RandomNumberGenerator>(_ g: inout G) -> CivilDate {
        CivilDate(dayNumber: Int.random(in: CivilDate(iso: "0001-01-01")!.dayNumber...CivilDate(iso: "9999-12-31")!.dayNumber, using: &g))
    }

    static func ranges<G: RandomNumberGenerator>(_ g: inout G) -> [DateRange] {
        (0..<Int.random(in: 0...4, using: &g)).map { _ in DateRange(from: date(&g), to: date(&g)) }
    }

    /// Any value, of every case, nested up to `depth` lists deep.
    static func value<G: RandomNumberGenerator>(_ g: inout G, depth: Int = 2) -> Value {
        switch Int.random(in: 0..<(depth > 0 ? 9 : 8), using: &g) {
        case 0: return .bool(Bool.random(using: &g))
        case 1: return .number(int(&g))
        case 2: return .money(int(&g))
        case 3: return .date(date(&g))
        case 4: return .text(string(&g))
        case 5: return .option(string(&g))
        case 6: return .options((0..<Int.random(in: 0...3, using: &g)).map { _ in string(&g) })
        case 7: return .ranges(ranges(&g))
        default: return .list((0..<Int.random(in: 0...3, using: &g)).map { _ in value(&g, depth: depth - 1) })
        }
    }

    /// A value the fixture question accepts.
    static func answer<G: RandomNumberGenerator>(for q: Question, _ g: inout G) -> Value {
        switch q.kind {
        case .yesNo: return .bool(Bool.random(using: &g))
        case .choice: return .option(q.options.randomElement(using: &g)!.id)
        case .multiChoice: return .options(q.options.map(\.id).filter { _ in Bool.random(using: &g) })
        case .date: return .date(date(&g))
        case .number: return .number(Int.random(in: 0...100, using: &g))
        case .money: return .money(Int.random(in: 0...10_000_000, using: &g))
        case .text: return .text(string(&g))
        case .dateRanges:
            var day = CivilDate(iso: "2020-01-01")!
            return .ranges((0..<Int.random(in: 0...4, using: &g)).map { _ in
                let from = day.adding(days: Int.random(in: 1...200, using: &g))
                let to = from.adding(days: Int.random(in: 0...200, using: &g))
                day = to
                return DateRange(from: from, to: to)
            })
        }
    }
}

/// Exact equality: strings compared scalar by scalar, because `String ==` treats canonically
/// equivalent text (é and e + ◌́) as equal and would hide a normalising round trip.
func identical(_ a: Value, _ b: Value) -> Bool {
    func same(_ x: String, _ y: String) -> Bool { Array(x.unicodeScalars) == Array(y.unicodeScalars) }
    switch (a, b) {
    case (.text(let x), .text(let y)), (.option(let x), .option(let y)): return same(x, y)
    case (.options(let x), .options(let y)): return x.count == y.count && zip(x, y).allSatisfy(same)
    case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy(identical)
    default: return a == b
    }
}

func fileMode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}
