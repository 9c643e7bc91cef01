import Testing
@testable import LotrTUI

/// Every continuation cell sits right of a double-width character and every double-width
/// character has one: the grid can never hold half a character.
func checkWideCharacterInvariant(_ s: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
    for r in 0 ..< s.rows {
        for c in 0 ..< s.cols {
            let cell = s[r, c]
            if cell.isContinuation {
                #expect(c > 0 && !s[r, c - 1].isContinuation && DisplayWidth.of(s[r, c - 1].character) == 2,
                        "orphan continuation at \(r),\(c)", sourceLocation: sourceLocation)
            } else if DisplayWidth.of(cell.character) == 2 {
                #expect(c + 1 < s.cols && s[r, c + 1].isContinuation,
                        "wide character without its right half at \(r),\(c)", sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite struct ScreenTests {
    @Test func writesTextAndTrimsTrailingSpaces() {
        var s = Screen(rows: 2, cols: 8)
        let end = s.write("Hello", row: 0, col: 1)
        #expect(end == 6)
        #expect(s.text == " Hello\n")
        #expect(s.lines == [" Hello", ""])
    }

    @Test func textIsClippedToTheRightEdgeAndToMaxWidth() {
        var s = Screen(rows: 3, cols: 5)
        s.write("abcdefgh", row: 0, col: 2)
        s.write("abcdefgh", row: 1, col: 0, maxWidth: 3)
        s.write("abc", row: 2, col: -1)
        s.write("zzz", row: 7, col: 0)  // off the grid: ignored
        #expect(s.lines == ["  abc", "abc", "bc"])
    }

    @Test func wideCharactersTakeTwoCells() {
        var s = Screen(rows: 1, cols: 5)
        #expect(s.write("你好", row: 0, col: 0) == 4)
        #expect(s[0, 0].character == "你")
        #expect(s[0, 1].isContinuation)
        #expect(s[0, 2].character == "好")
        #expect(s[0, 3].isContinuation)
        #expect(!s[0, 4].isContinuation)
        #expect(s.text == "你好")
        checkWideCharacterInvariant(s)
    }

    @Test func writingOverEitherHalfOfAWideCharacterBlanksBothHalves() {
        var s = Screen(rows: 1, cols: 6)
        s.write("你好", row: 0, col: 0)
        s.put("x", row: 0, col: 1)  // right half of 你
        #expect(s.text == " x好")
        checkWideCharacterInvariant(s)

        s.put("y", row: 0, col: 2)  // left half of 好
        #expect(s.text == " xy")
        #expect(!s[0, 3].isContinuation)
        checkWideCharacterInvariant(s)

        var t = Screen(rows: 1, cols: 6)
        t.write("你好", row: 0, col: 0)
        t.put("世", row: 0, col: 1)  // straddles both
        #expect(t.text == " 世")
        #expect(t[0, 1].character == "世" && t[0, 2].isContinuation && t[0, 3].character == " ")
        checkWideCharacterInvariant(t)
    }

    @Test func aWideCharacterThatWouldCrossTheEdgeIsNotDrawn() {
        var s = Screen(rows: 1, cols: 3)
        #expect(s.write("ab你", row: 0, col: 0) == 2)
        #expect(s.text == "ab")
        #expect(s.put("你", row: 0, col: 2) == 0)
        #expect(s.text == "ab")
        s.write("a你", row: 0, col: 0)
        #expect(s.text == "a你")
        checkWideCharacterInvariant(s)
    }

    @Test func combiningSequencesStayInOneCell() {
        var s = Screen(rows: 1, cols: 6)
        #expect(s.write("Cafe\u{301}!", row: 0, col: 0) == 5)
        #expect(s[0, 3].character == "e\u{301}")
        #expect(s[0, 4].character == "!")
    }

    @Test func randomOverlappingWritesNeverLeaveHalfACharacter() {
        var rng = SplitMix(seed: 42)
        let pieces = ["你好", "a", "世界和平", "xyz", "é", "😀", "한국", " ", "──"]
        var s = Screen(rows: 3, cols: 11)
        for _ in 0 ..< 2000 {
            let text = pieces[Int(rng.next() % UInt64(pieces.count))]
            let row = Int(rng.next() % 3)
            let col = Int(rng.next() % 13) - 1
            s.write(text, row: row, col: col)
        }
        checkWideCharacterInvariant(s)
    }

    @Test func boxWithTitleGolden() {
        var s = Screen(rows: 5, cols: 20)
        s.box(s.bounds, title: "Hi")
        s.write("inside", row: 2, col: 2)
        #expect(s.text == """
            ┌─ Hi ─────────────┐
            │                  │
            │ inside           │
            │                  │
            └──────────────────┘
            """)
        #expect(s.asciiFallback().text == """
            +- Hi -------------+
            |                  |
            | inside           |
            |                  |
            +------------------+
            """)
    }

    @Test func boxTitlesAreTruncatedAndSeparatorsJoinTheSides() {
        var s = Screen(rows: 4, cols: 14)
        let frame = Rect(row: 0, col: 0, rows: 4, cols: 12)
        s.box(frame, chars: .rounded, title: "长期居留申请")
        s.separator(row: 2, in: frame)
        #expect(s.text == """
            ╭─ 长期… ──╮
            │          │
            ├──────────┤
            ╰──────────╯
            """)
        checkWideCharacterInvariant(s)
    }

    @Test func horizontalRulesAndFill() {
        var s = Screen(rows: 3, cols: 6)
        s.fill(Rect(row: 0, col: 1, rows: 2, cols: 3), with: "#")
        s.horizontalLine(row: 2, col: 0, width: 10)
        #expect(s.text == " ###\n ###\n──────")
        s.fill(Rect(row: 0, col: 0, rows: 1, cols: 5), with: "你")
        #expect(s.lines[0] == "你你")
        checkWideCharacterInvariant(s)
    }

    @Test func styledTextMarksStyledRuns() {
        var s = Screen(rows: 2, cols: 30)
        var col = s.write("Do you have ", row: 0, col: 0)
        col = s.write("leave", row: 0, col: col, style: .term)
        s.write("?", row: 0, col: col)
        s.write(" Yes ", row: 1, col: 2, style: .selected)
        s.write("No", row: 1, col: 8, style: Style(.normal, bold: true))
        #expect(s.styledText == "Do you have ⟨term⟩leave⟨/⟩?\n  ⟨selected⟩ Yes ⟨/⟩ ⟨normal+b⟩No⟨/⟩")
        #expect(s.text == "Do you have leave?\n   Yes  No")
    }

    @Test func restyleChangesStyleOnly() {
        var s = Screen(rows: 1, cols: 6)
        s.write("abc", row: 0, col: 0)
        s.restyle(Rect(row: 0, col: 0, rows: 1, cols: 6), style: .selected)
        #expect(s.styledText == "⟨selected⟩abc   ⟨/⟩")
    }

    @Test func writeWrappedReportsHowManyLinesItNeeded() {
        var s = Screen(rows: 4, cols: 12)
        let needed = s.writeWrapped("one two three four five six", in: Rect(row: 1, col: 1, rows: 2, cols: 9))
        #expect(needed == 4)  // "one two" "three" "four five" "six"
        #expect(s.lines == ["", " one two", " three", ""])
    }

    @Test func drawCopiesAScreenAndItsCursor() {
        var inner = Screen(rows: 1, cols: 4)
        inner.write("你a", row: 0, col: 0, style: .accent)
        inner.cursor = Position(row: 0, col: 3)
        var outer = Screen(rows: 2, cols: 6)
        outer.draw(inner, at: Position(row: 1, col: 1))
        #expect(outer.lines == ["", " 你a"])
        #expect(outer[1, 1].style == .accent)
        #expect(outer.cursor == Position(row: 1, col: 4))
        checkWideCharacterInvariant(outer)
    }

    @Test func findLocatesTextByGridColumn() {
        var s = Screen(rows: 2, cols: 20)
        s.write("你好 world", row: 1, col: 2)
        #expect(s.find("world") == Position(row: 1, col: 7))
        #expect(s.find("好") == Position(row: 1, col: 4))
        #expect(s.find("absent") == nil)
    }

    @Test func controlCharactersAreNeverStored() {
        var s = Screen(rows: 1, cols: 10)
        s.write("a\u{1B}[31mb", row: 0, col: 0)
        #expect(s.text == "a[31mb")
        s.write("x\ny", row: 0, col: 0)
        #expect(s.text == "x y1mb")
    }
}

/// Deterministic generator so a failing random test can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
