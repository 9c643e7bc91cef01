import Foundation
import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// Flow sets for the interview tests, read from the source tree like `lotr check` reads them.
enum InterviewFixtures {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
    static let goldenRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
    static let today = CivilDate(iso: "2026-11-23")!

    static func load(_ dirs: [String]) -> FlowSet {
        var files: [(path: String, contents: String)] = []
        for dir in dirs {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.sorted() ?? []
            for n in names where n.hasSuffix(".yaml") {
                files.append((path: n, contents: try! String(contentsOfFile: dir + "/" + n, encoding: .utf8)))
            }
        }
        let result = FlowLoader.load(files: files)
        guard let flows = result.flows else { fatalError("fixture flows in \(dirs) do not load") }
        return flows
    }

    /// The validator's small fixture set: in_uk (yes/no) → status (choice) → absences (date ranges) → crisis.
    static let small = load(["base", "valid"].map { testsRoot + "/LotrFlowTests/Fixtures/" + $0 })
    /// One question of every kind: in_uk, status, reasons, arrived, children, savings, name, absences.
    static let kinds = load([goldenRoot + "/flows"])
}

let size80x24 = Size(rows: 24, cols: 80)

/// Presses keys on a model the way the run loop would, keeping the last command.
struct Drive {
    var m: InterviewModel
    var command: Command = .none
    var effects: [Effect] = []

    init(_ flows: FlowSet, language: String = "en") {
        m = InterviewModel(flows: flows, today: InterviewFixtures.today, language: language)
    }

    mutating func send(_ event: Event) {
        (m, command) = InterviewModel.update(m, event)
        effects += m.effects
    }

    mutating func press(_ keys: Key...) { for k in keys { send(.key(k)) } }

    /// Each character as a key press, the way a person types.
    mutating func type(_ text: String) { for c in text { send(.key(.character(c))) } }

    /// Types then confirms.
    mutating func answer(_ text: String) { type(text); press(.enter) }

    func screen(_ size: Size = size80x24) -> Screen { InterviewView.render(m, size) }

    var questionID: String? {
        if case .question(let id) = m.page { return id }
        return nil
    }

    var field: FieldState { m.field(questionID ?? "") }
}

extension Drive {
    /// The kinds flow answered up to (not including) `stop`, through the keys a person would use.
    static func kinds(upTo stop: String? = nil, language: String = "en") -> Drive {
        var d = Drive(InterviewFixtures.kinds, language: language)
        d.press(.enter)  // welcome
        let steps: [(String, (inout Drive) -> Void)] = [
            ("in_uk", { $0.press(.character("y"), .enter) }),
            ("status", { $0.press(.character("1"), .enter) }),
            ("reasons", { $0.press(.character(" "), .enter) }),
            ("arrived", { $0.answer("09042015") }),
            ("children", { $0.answer("2") }),
            ("savings", { $0.answer("1500.50") }),
            ("name", { $0.answer("Sam Example") }),
            ("absences", { d in
                d.press(.character("a")); d.type("01032019"); d.press(.enter); d.type("20032019"); d.press(.enter)
                d.press(.character("a")); d.type("10082021"); d.press(.tab); d.type("02092021"); d.press(.enter)
                d.press(.character("c"))
            }),
        ]
        for (id, step) in steps {
            if id == stop { break }
            precondition(d.questionID == id, "expected \(id), on \(String(describing: d.m.page))")
            step(&d)
        }
        return d
    }
}

/// Compares a screen with its golden file; `LOTR_UPDATE_GOLDEN=1` rewrites the file instead.
func expectGolden(_ screen: Screen, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let path = InterviewFixtures.goldenRoot + "/" + name + ".txt"
    let actual = "[\(screen.size)]\n" + screen.text + "\n"
    if ProcessInfo.processInfo.environment["LOTR_UPDATE_GOLDEN"] == "1" {
        try! actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("no golden file \(name).txt: run the tests with LOTR_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = (0 ..< min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        Issue.record("""
            screen differs from \(name).txt at line \(firstDiff + 1) (rerun with LOTR_UPDATE_GOLDEN=1 if the change is intended)
            expected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")
            actual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}

/// Every row fits the grid in display cells and no double-width character lost its right half.
func expectWellFormed(_ s: Screen, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for r in 0 ..< s.rows {
        for c in 0 ..< s.cols {
            let cell = s[r, c]
            if cell.isContinuation {
                #expect(c > 0 && DisplayWidth.of(s[r, c - 1].character) == 2, "orphan continuation at \(r),\(c)", sourceLocation: sourceLocation)
            } else if DisplayWidth.of(cell.character) == 2 {
                #expect(c + 1 < s.cols && s[r, c + 1].isContinuation, "split wide character at \(r),\(c)", sourceLocation: sourceLocation)
            }
        }
        #expect(DisplayWidth.of(s.lines[r]) <= s.cols, "row \(r) overflows", sourceLocation: sourceLocation)
    }
}
