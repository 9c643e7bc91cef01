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
