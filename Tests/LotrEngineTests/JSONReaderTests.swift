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
