import LotrTestSupport
import Testing
@testable import LotrEngine

private func text(_ json: String) -> String? {
    guard case .success(.string(let s)) = JSONReader.parse(json) else { return nil }
    return s
}

@Test func escapedCharactersBeyondTheFirstPlaneReadAsOneCharacter() {
    #expect(text(#""\ud83d\ude00""#) == "😀")
    #expect(text(#""a\uD83D\uDE00b""#) == "a😀b")
    #expect(text(#""\u00e9\u65e5""#) == "é日")
}

@Test func aLoneSurrogateBecomesTheReplacementCharacterNotACrash() {
    #expect(text(#""\ud83d""#) == "\u{FFFD}")
    #expect(text(#""\ud83dx""#) == "\u{FFFD}x")
    #expect(text(#""\ude00""#) == "\u{FFFD}")
    #expect(text(#""\ud83d\u0041""#) == "\u{FFFD}A")
}

@Test func aBrokenEscapeIsAnErrorWithItsLine() {
    guard case .failure(let f) = JSONReader.parse("\n\"\\u12\"") else {
        Issue.record("accepted a short \\u escape")
        return
    }
    #expect(f.line == 2)
    #expect(f.message.contains("escape"))
}


private enum RandomJSON {
    static let characters: [Character] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "é", "e\u{301}",
                                          "居", "留", "😀", "👩‍👩‍👧", "{", "}", "[", "]", ",", ":", "\u{7F}", "\u{2028}"]

    static func text(_ g: inout SeededRandom) -> String {
        String((0..<Int.random(in: 0...8, using: &g)).map { _ in characters.randomElement(using: &g)! })
    }

    static func value(_ g: inout SeededRandom, depth: Int = 0) -> JSON {
        switch Int.random(in: 0..<(depth < 4 ? 7 : 4), using: &g) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &g))
        case 2: return .number([Int.min, Int.max, 0, -1, Int.random(in: -1_000_000...1_000_000, using: &g)].randomElement(using: &g)!)
        case 3: return .string(text(&g))
        case 4: return .array((0..<Int.random(in: 0...4, using: &g)).map { _ in value(&g, depth: depth + 1) })
        default:
            var pairs: [(String, JSON)] = [], keys: Set<String> = []
            for _ in 0..<Int.random(in: 0...4, using: &g) {
                let key = text(&g)
                if keys.insert(key).inserted { pairs.append((key, value(&g, depth: depth + 1))) }
            }
            return .object(pairs)
        }
    }

    /// Whether what the reader gave back is the tree that was written.
    static func same(_ written: JSON, _ read: AnswerInput) -> Bool {
        switch (written, read) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .integer(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
        default: return false
        }
    }
}

@Test func whatTheWriterWritesTheReaderReadsBack() {
    var g = SeededRandom(seed: 20261123)
    for _ in 0..<2000 {
        let tree = RandomJSON.value(&g)
        for pretty in [false, true] {
            let text = tree.serialized(pretty: pretty)
            guard case .success(let read) = JSONReader.parse(text) else {
                Issue.record("refused its own output: \(text)")
                continue
            }
            #expect(RandomJSON.same(tree, read), "\(text)")
        }
    }
}

/// An answers file can hold anything: whatever it holds is read or refused with a line, never a crash.
@Test func brokenJSONIsRefusedWithALineNotACrash() {
    var g = SeededRandom(seed: 7)
    let pieces = ["{", "}", "[", "]", "\"", "\\", "\\u", "\\ud83d", "d83d", ":", ",", "1", "-", ".", "e", "true", "nul", "\n", " ", "é", "😀"]
    for _ in 0..<5000 {
        let text = (0..<Int.random(in: 0...16, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
        if case .failure(let f) = JSONReader.parse(text) {
            #expect(f.line >= 1 && f.line <= text.filter { $0 == "\n" }.count + 1, "\(text)")
        }
    }
    // Nesting deeper than the reader allows is refused, not a stack overflow.
    guard case .failure(let f) = JSONReader.parse(String(repeating: "[", count: 100_000)) else {
        Issue.record("accepted 100,000 open brackets")
        return
    }
    #expect(f.message.contains("deeply"))
}
