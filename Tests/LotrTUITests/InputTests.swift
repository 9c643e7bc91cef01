import Testing
@testable import LotrTUI

@Suite struct InputDecoderTests {
    let size = Size(rows: 24, cols: 80)
    typealias C = InputDecoder.Code

    private func char(_ v: UInt32) -> Event? { InputDecoder.decode(.character(v), size: size) }
    private func code(_ v: Int32) -> Event? { InputDecoder.decode(.keyCode(v), size: size) }

    @Test func printableCharactersIncludingChinese() {
        #expect(char(0x61) == .key(.character("a")))
        #expect(char(0x20) == .key(.character(" ")))
        #expect(char(0x4F60) == .key(.character("你")))
        #expect(char(0x1F600) == .key(.character("😀")))
        #expect(char(0xE9) == .key(.character("é")))
    }

    @Test func enterTabEscapeAndBothBackspaces() {
        #expect(char(13) == .key(.enter))  // nonl(): Enter arrives as CR
        #expect(char(10) == .key(.enter))
        #expect(char(9) == .key(.tab))
        #expect(char(27) == .key(.escape))
        #expect(char(127) == .key(.backspace))
        #expect(char(8) == .key(.backspace))
        #expect(code(C.backspace) == .key(.backspace))
        #expect(code(C.enter) == .key(.enter))
    }

    @Test func ctrlCIsAnInterruptAndOtherControlsAreCtrlKeys() {
        #expect(char(3) == .interrupt)
        #expect(char(1) == .key(.ctrl("a")))
        #expect(char(4) == .key(.ctrl("d")))
        #expect(char(12) == .key(.ctrl("l")))
        #expect(char(26) == .key(.ctrl("z")))
        #expect(char(0) == .key(.ctrl("@")))
        #expect(char(28) == .key(.ctrl("\\")))
        #expect(char(31) == .key(.ctrl("_")))
    }

    @Test func cursesKeyCodes() {
        #expect(code(C.up) == .key(.up))
        #expect(code(C.down) == .key(.down))
        #expect(code(C.left) == .key(.left))
        #expect(code(C.right) == .key(.right))
        #expect(code(C.home) == .key(.home))
        #expect(code(C.find) == .key(.home))
        #expect(code(C.end) == .key(.end))
        #expect(code(C.select) == .key(.end))
        #expect(code(C.previousPage) == .key(.pageUp))
        #expect(code(C.nextPage) == .key(.pageDown))
        #expect(code(C.deleteChar) == .key(.delete))
        #expect(code(C.insertChar) == .key(.insert))
        #expect(code(C.backTab) == .key(.backTab))
        #expect(code(C.f0 + 1) == .key(.function(1)))
        #expect(code(C.f0 + 12) == .key(.function(12)))
        #expect(code(0o402) == .key(.down))  // the ncurses value, spelled out
    }

    @Test func resizeReportsTheGivenSize() {
        #expect(InputDecoder.decode(.keyCode(C.resize), size: Size(rows: 30, cols: 100)) == .resize(rows: 30, cols: 100))
    }

    @Test func nothingForTimeoutsUnknownKeysAndInvalidCodes() {
        #expect(InputDecoder.decode(.none, size: size) == nil)
        #expect(code(0o631) == nil)  // KEY_MOUSE
        #expect(code(C.f0) == nil)  // F0 does not exist on keyboards
        #expect(char(0xD800) == nil)  // a lone surrogate is not a scalar
        #expect(char(0x9B) == nil)  // C1 control
    }

    @Test func keyNamesForHints() {
        #expect(Key.enter.description == "Enter")
        #expect(Key.ctrl("l").description == "Ctrl-L")
        #expect(Key.function(10).description == "F10")
        #expect(Key.character(" ").description == "Space")
        #expect(Key.character("q").description == "q")
        #expect(Key.backTab.description == "Shift-Tab")
    }
}

@Suite struct AppearanceTests {
    @Test func noColorTurnsColourOff() {
        #expect(Appearance.wantsColor(terminalHasColors: true, environment: nil))
        #expect(Appearance.wantsColor(terminalHasColors: true, environment: ""))
        #expect(!Appearance.wantsColor(terminalHasColors: true, environment: "1"))
        #expect(!Appearance.wantsColor(terminalHasColors: false, environment: nil))
    }

    @Test func meaningSurvivesWithoutColour() {
        for role in Role.allCases where role != .normal {
            let mono = Appearance.of(Style(role), colors: false)
            #expect(mono.color == nil)
            #expect(mono != Appearance(), "\(role) looks like normal text in monochrome")
        }
        #expect(Appearance.of(.selected, colors: false).reverse)
        #expect(Appearance.of(.error, colors: false).bold)
        #expect(Appearance.of(.term, colors: false).underline)
        #expect(Appearance.of(.normal, colors: true) == Appearance())
    }

    @Test func colourAddsToAttributes() {
        #expect(Appearance.of(.error, colors: true) == Appearance(color: .red, bold: true))
        #expect(Appearance.of(.highlight, colors: true).color == .yellow)
        #expect(Appearance.of(.selected, colors: true).reverse)
    }

    @Test func styleFlagsCombineWithTheRole() {
        let a = Appearance.of(Style(.accent, underline: true), colors: true)
        #expect(a.underline && a.bold && a.color == .cyan)
        // Reverse on a selected item undoes the selection's reverse: it is a toggle.
        #expect(!Appearance.of(Style(.selected, reverse: true), colors: false).reverse)
        #expect(Appearance.of(Style(.normal, reverse: true), colors: false).reverse)
    }
}

/// Input split across reads, broken input and pastes, as the terminal adapter assembles them.
@Suite struct InputAssemblyTests {
    let size = Size(rows: 24, cols: 80)

    func feed(_ bytes: [UInt8], chunk: Int, into a: inout InputAssembler) -> [Event] {
        var out: [Event] = []
        var i = 0
        while i < bytes.count {
            for b in bytes[i ..< min(bytes.count, i + chunk)] { out += a.feed(.byte(b), size: size) }
            i += chunk
        }
        return out
    }

    @Test func aCharacterSplitAcrossReadsWaitsForItsOtherBytes() {
        var u = UTF8Assembler()
        #expect(u.feed(0xE4) == [] && u.feed(0xBD) == [] && u.isIncomplete)
        #expect(u.feed(0xA0) == [0x4F60], "你 once its third byte arrives")
        let text = String(repeating: "中文字", count: 150)  // 450 characters, 1350 bytes
        var a = InputAssembler()
        let events = feed(Array(text.utf8), chunk: 400, into: &a)
        #expect(events.count == 450)
        #expect(events.allSatisfy { if case .key(.character(let c)) = $0 { return "中文字".contains(c) } else { return false } })
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        var u = UTF8Assembler()
        #expect(u.feed(0xFF) == [0xFFFD])
        #expect(u.feed(0x80) == [0xFFFD], "a lone continuation byte")
        #expect(u.feed(0xC3) == [] && u.feed(0x28) == [0xFFFD, 0x28], "a cut-off character, then the byte that cut it")
        #expect(u.feed(0xE0) == [] && u.feed(0x80) == [0xFFFD, 0xFFFD], "an overlong form")
        #expect(u.feed(0xED) == [] && u.feed(0xA0) == [0xFFFD, 0xFFFD], "a surrogate")
        #expect(u.feed(0xF0) == [] && u.flush() == [0xFFFD])
        #expect(u.feed(0x41) == [0x41])
        var a = InputAssembler()
        let events = feed([0xFF, 0xFE, 0xC3, 0x28, 0x80, 0x61], chunk: 1, into: &a)
        let r = Event.key(.character("\u{FFFD}"))
        #expect(events == [r, r, r, .key(.character("(")), r, .key(.character("a"))])
        #expect(!events.contains(.terminate), "bad bytes never end the input")
    }

    @Test func aBracketedPasteArrivesAsOneEventWhateverItHolds() {
        var a = InputAssembler()
        #expect(a.feed(.pasteStart, size: size).isEmpty && a.inPaste)
        var out: [Event] = []
        for b in Array("1\r2\nyes\t你好".utf8) + [0x1B, 0x07] { out += a.feed(.byte(b), size: size) }
        out += a.feed(.keyCode(InputDecoder.Code.up), size: size)
        #expect(out.isEmpty, "nothing inside the paste is a key")
        #expect(a.feed(.pasteEnd, size: size) == [.paste("1\n2\nyes 你好")])
        #expect(!a.inPaste)
        #expect(a.feed(.byte(0x0D), size: size) == [.key(.enter)], "after the paste, keys are keys again")
    }

    @Test func aPasteWhoseEndNeverComesIsStillAPaste() {
        var a = InputAssembler()
        _ = a.feed(.pasteStart, size: size)
        for b in Array("abc\r".utf8) { _ = a.feed(.byte(b), size: size) }
        #expect(a.endPaste() == .paste("abc\n"))
    }
}
