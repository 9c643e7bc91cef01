import Testing
@testable import LotrTUI

@Suite struct TextLayoutTests {
    static let english = "Leave outside the Immigration Rules may be granted where there are exceptional "
        + "circumstances or compelling compassionate grounds, for example a serious illness of the "
        + "applicant or a close family member. Evidence should be gathered before applying."
    static let chinese = "如果您在英国居住满十年，可以申请长期居留。请准备好护照、租房合同和银行流水等证明材料，"
        + "并确认每次离境不超过一百八十天。（注：规则可能有变化）"

    private func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " || $0 == "\n" }) }

    @Test(arguments: [14, 15, 20, 33, 40, 60, 76])
    func englishFitsAndKeepsEveryWord(width: Int) {
        let lines = TextLayout.wrap(Self.english, width: width)
        for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        #expect(lines.allSatisfy { $0.first != " " && $0.last != " " })
        #expect(words(lines.joined(separator: " ")) == words(Self.english))
        // Greedy: the next line's first word would not have fitted on the line before.
        for (a, b) in zip(lines, lines.dropFirst()) {
            let next = b.split(separator: " ").first.map(String.init) ?? ""
            #expect(DisplayWidth.of(a) + 1 + DisplayWidth.of(next) > width, "\(a) | \(b)")
        }
    }

    @Test(arguments: [2, 3, 4, 7, 10, 21, 40, 76])
    func chineseFitsAndLosesNothing(width: Int) {
        let lines = TextLayout.wrap(Self.chinese, width: width)
        for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        #expect(lines.joined() == Self.chinese)
        if width >= 4 {
            for line in lines.dropFirst() { #expect(!"，。、）".contains(line.first!), "\(line)") }
            for line in lines.dropLast() { #expect(line.last != "（", "\(line)") }
        }
    }

    @Test func knownLatinLayout() {
        #expect(TextLayout.wrap("The quick brown fox jumps over the lazy dog", width: 10)
            == ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test func knownChineseLayout() {
        #expect(TextLayout.wrap("你好，世界。", width: 6) == ["你好，", "世界。"])
        #expect(TextLayout.wrap("你好，世界。", width: 4) == ["你", "好，", "世", "界。"])
        #expect(TextLayout.wrap("你好世界", width: 5) == ["你好", "世界"])
    }

    @Test func mixedScriptsBreakAtSpacesAndBetweenWideCharacters() {
        let lines = TextLayout.wrap("Apply for 长期居留 after ten years", width: 12)
        #expect(lines == ["Apply for 长", "期居留 after", "ten years"])
    }

    @Test func longWordsAreCut() {
        #expect(TextLayout.wrap("Supercalifragilistic", width: 5) == ["Super", "calif", "ragil", "istic"])
        #expect(TextLayout.wrap("see https://www.gov.uk/long-residence now", width: 12)
            == ["see", "https://www.", "gov.uk/long-", "residence", "now"])
    }

    @Test func explicitNewlinesArePreserved() {
        #expect(TextLayout.wrap("one\ntwo", width: 20) == ["one", "two"])
        #expect(TextLayout.wrap("one\n\nthree", width: 20) == ["one", "", "three"])
        #expect(TextLayout.wrap("one\r\ntwo", width: 20) == ["one", "two"])
        #expect(TextLayout.wrap("", width: 20) == [""])
        #expect(TextLayout.wrap("end\n", width: 20) == ["end", ""])
    }

    @Test func indentationIsKeptButTrailingSpacesAreNot() {
        #expect(TextLayout.wrap("  - item one", width: 20) == ["  - item one"])
        #expect(TextLayout.wrap("a  b   ", width: 20) == ["a  b"])
        #expect(TextLayout.wrap("a\tb", width: 20) == ["a b"])
    }

    @Test func graphemesAreNeverSplit() {
        let accented = String(repeating: "e\u{301}", count: 7)  // seven "é" as e + combining acute
        let lines = TextLayout.wrap(accented, width: 3)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.unicodeScalars.first == "e" })
        #expect(lines.joined() == accented)
        #expect(lines.map { $0.count } == [3, 3, 1])

        let family = "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧"
        let emojiLines = TextLayout.wrap(family, width: 4)
        #expect(emojiLines == ["👨‍👩‍👧👨‍👩‍👧", "👨‍👩‍👧"])
    }

    @Test func aWideCharacterInAOneCellWidthGetsItsOwnLine() {
        #expect(TextLayout.wrap("你好", width: 1) == ["你", "好"])
    }

    @Test func truncateMarksTheCut() {
        #expect(TextLayout.truncate("Hello world", width: 20) == "Hello world")
        #expect(TextLayout.truncate("Hello world", width: 8) == "Hello w…")
        #expect(TextLayout.truncate("Hello world", width: 7) == "Hello…")
        #expect(TextLayout.truncate("你好世界", width: 8) == "你好世界")
        #expect(TextLayout.truncate("你好世界", width: 7) == "你好世…")
        #expect(TextLayout.truncate("你好世界", width: 6) == "你好…")
        #expect(TextLayout.truncate("abc", width: 0) == "")
        #expect(TextLayout.truncate("abcdef", width: 5, ellipsis: "...") == "ab...")
        #expect(TextLayout.truncate("two\nlines", width: 20) == "two lines")
        for w in 0 ... 10 { #expect(DisplayWidth.of(TextLayout.truncate("你好世界abc", width: w)) <= w) }
    }

    @Test func padFitsExactly() {
        #expect(TextLayout.pad("ab", width: 5) == "ab   ")
        #expect(TextLayout.pad("ab", width: 5, alignment: .right) == "   ab")
        #expect(TextLayout.pad("ab", width: 5, alignment: .center) == " ab  ")
        #expect(TextLayout.pad("你好", width: 5) == "你好 ")
        #expect(TextLayout.pad("你好世界", width: 6) == "你好… ")
        for w in 0 ... 12 { #expect(DisplayWidth.of(TextLayout.pad("你好 world", width: w)) == w) }
    }
}
