import Testing
@testable import LotrTUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneCellAndControlsAreNone() {
        #expect(DisplayWidth.of("a" as Character) == 1)
        #expect(DisplayWidth.of(" " as Character) == 1)
        #expect(DisplayWidth.of("~" as Character) == 1)
        #expect(DisplayWidth.of("Hello, world") == 12)
        #expect(DisplayWidth.of("\u{7}" as Character) == 0)
        #expect(DisplayWidth.of("\t" as Character) == 0)
        #expect(DisplayWidth.of("\u{7F}" as Character) == 0)
        #expect(DisplayWidth.of("\u{85}" as Character) == 0)
        #expect(DisplayWidth.of("a\u{1B}b") == 2)
    }

    @Test func chineseAndOtherWideScriptsAreTwoCells() {
        #expect(DisplayWidth.of("你" as Character) == 2)
        #expect(DisplayWidth.of("你好") == 4)
        #expect(DisplayWidth.of("한국어") == 6)  // Hangul syllables
        #expect(DisplayWidth.of("ア" as Character) == 2)  // katakana
        #expect(DisplayWidth.of("Ａ" as Character) == 2)  // fullwidth Latin
        #expect(DisplayWidth.of("，" as Character) == 2)  // fullwidth comma
        #expect(DisplayWidth.of("。" as Character) == 2)  // CJK full stop
        #expect(DisplayWidth.of("「" as Character) == 2)
        #expect(DisplayWidth.of("\u{3000}" as Character) == 2)  // ideographic space
        #expect(DisplayWidth.of("𠀀" as Character) == 2)  // CJK extension B
        #expect(DisplayWidth.of("ｱ" as Character) == 1)  // halfwidth katakana stays narrow
        #expect(DisplayWidth.of("Hello 你好") == 10)
    }

    @Test func combiningMarksAndJoinersTakeNoRoom() {
        let decomposed: Character = "e\u{301}"
        #expect(decomposed.unicodeScalars.count == 2)
        #expect(DisplayWidth.of(decomposed) == 1)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
        #expect(DisplayWidth.of("Café") == 4)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{200D}" as Unicode.Scalar) == 0)  // zero-width joiner
        #expect(DisplayWidth.of("\u{200B}" as Unicode.Scalar) == 0)  // zero-width space
        #expect(DisplayWidth.of("\u{FE0F}" as Unicode.Scalar) == 0)  // variation selector 16
        #expect(DisplayWidth.of("\u{E0100}" as Unicode.Scalar) == 0)  // variation selector 17
        #expect(DisplayWidth.of("\u{1100}\u{1161}" as Character) == 2)  // conjoining jamo
        #expect(DisplayWidth.of("\u{1161}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{AD}" as Unicode.Scalar) == 1)  // soft hyphen, as glibc
    }

    @Test func emojiAreTwoCells() {
        #expect(DisplayWidth.of("😀" as Character) == 2)
        #expect(DisplayWidth.of("👍🏽" as Character) == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧" as Character) == 2)
        #expect(DisplayWidth.of("🤝" as Character) == 2)
        #expect(DisplayWidth.of("⌚" as Character) == 2)
        #expect(DisplayWidth.of("ok 😀") == 5)
    }

    @Test func punctuationAndSymbolsOutsideTheWideRangesAreOneCell() {
        for c: Character in ["—", "…", "£", "é", "ß", "Ω", "→", "─", "│", "•", "✓"] {
            #expect(DisplayWidth.of(c) == 1, "\(c)")
        }
    }
}
