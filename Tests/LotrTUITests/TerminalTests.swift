import Testing
@testable import LotrTUI
#if canImport(Glibc)
import Glibc
#endif

/// The real curses adapter, driven headless: output to /dev/null, input from /dev/null or a
/// pipe. Curses state is process-wide, so these run one at a time.
@Suite(.serialized) struct TerminalTests {
    @Test func decoderTableMatchesTheCursesHeader() {
        typealias C = InputDecoder.Code
        let ours: [Int32] = [C.codeYes, C.down, C.up, C.left, C.right, C.home, C.backspace, C.f0, C.deleteChar,
                             C.insertChar, C.nextPage, C.previousPage, C.enter, C.backTab, C.end, C.find, C.select, C.resize]
        #expect(Terminal.headerKeyCodes() == ours)
    }

    @Test func unknownTerminalTypeIsAnErrorNotAnExit() {
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) {
            _ = try Terminal.headless(size: Size(rows: 24, cols: 80), termType: "no-such-terminal-xyz")
        }
    }

    @Test func terminalsThatCannotMoveTheCursorAreRefused() {
        #expect(throws: TerminalError.unsuitableTerminal("dumb")) {
            _ = try Terminal.headless(size: Size(rows: 24, cols: 80), termType: "dumb")
        }
        #expect(TerminalError.unsuitableTerminal("dumb").description.contains("dumb"))
    }

    @Test func paintsWideCharactersAndStylesIntoCurses() throws {
        let t = try Terminal.headless(size: Size(rows: 24, cols: 80))
        defer { t.stop() }
        #expect(t.size == Size(rows: 24, cols: 80))
        #expect(t.unicode)
        var s = Screen(size: t.size)
        s.box(s.bounds, title: "检查 check")
        s.write("你好 world — café", row: 2, col: 2)
        s.write(" Yes ", row: 4, col: 2, style: .selected)
        s.write("wide at edge 你", row: 5, col: 66)
        t.paint(s)
        #expect(t.rowsPaintedLastTime == 24)
        for r in [0, 1, 2, 4, 5, 23] {
            #expect(t.contentsOfRow(r) == s.lines[r], "row \(r)")
        }
        #expect(t.contentsOfRow(0).hasPrefix("┌─ 检查 check ─"))
        let selected = t.attributesAt(row: 4, col: 3)
        #expect(selected?.reverse == true)
        #expect(selected?.bold == true)
        #expect(t.attributesAt(row: 2, col: 2)?.reverse == false)
    }

    @Test func onlyChangedRowsAreRepainted() throws {
        let t = try Terminal.headless(size: Size(rows: 20, cols: 70))
        #expect(t.size == Size(rows: 20, cols: 70))
        defer { t.stop() }
        var s = Screen(size: t.size)
        s.write("first", row: 3, col: 0)
        t.paint(s)
        s.write("你好", row: 3, col: 0)
        s.write("more", row: 10, col: 5)
        t.paint(s)
        #expect(t.rowsPaintedLastTime == 2)
        #expect(t.contentsOfRow(3) == "你好t")  // "first" with its first four cells overwritten
        #expect(t.contentsOfRow(10) == "     more")
        t.paint(s)
        #expect(t.rowsPaintedLastTime == 0)
        t.invalidate()
        t.paint(s)
        #expect(t.rowsPaintedLastTime == 20)
    }

    @Test func monochromeWhenColoursAreOff() throws {
        let t = try Terminal.headless(size: Size(rows: 24, cols: 80), options: TerminalOptions(colors: false))
        defer { t.stop() }
        #expect(!t.hasColors)
        var s = Screen(size: t.size)
        s.write("Error", row: 0, col: 0, style: .error)
        t.paint(s)
        let a = t.attributesAt(row: 0, col: 0)
        #expect(a?.pair == 0)
        #expect(a?.bold == true && a?.underline == true)
    }

    @Test func asciiOnlyDrawsFramesWithPlainCharacters() throws {
        let t = try Terminal.headless(size: Size(rows: 24, cols: 80), options: TerminalOptions(asciiOnly: true))
        defer { t.stop() }
        var s = Screen(size: t.size)
        s.box(Rect(row: 0, col: 0, rows: 3, cols: 10))
        t.paint(s)
        #expect(t.contentsOfRow(0) == "+--------+")
        #expect(t.contentsOfRow(1) == "|        |")
    }

    @Test func decodesRealKeyBytesFromThePipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let t = try Terminal.headless(size: Size(rows: 30, cols: 90), inputFD: fds[0])
        defer { t.stop(); close(fds[1]) }
        // "a", Up (xterm in keypad mode sends ESC O A), "你" in UTF-8, Ctrl-C, Enter (CR), Backspace (DEL).
        let bytes: [UInt8] = [0x61, 0x1B, 0x4F, 0x41] + Array("你".utf8) + [0x03, 0x0D, 0x7F]
        #expect(write(fds[1], bytes, bytes.count) == bytes.count)
        var events: [Event] = []
        for _ in 0 ..< 6 { events.append(t.nextEvent(timeoutMilliseconds: 2000)) }
        #expect(events == [.key(.character("a")), .key(.up), .key(.character("你")), .interrupt, .key(.enter), .key(.backspace)])
        // Nothing more typed: an idle tick after the timeout.
        let start = Self.now()
        #expect(t.nextEvent(timeoutMilliseconds: 150) == .tick)
        let waited = Self.now() - start
        #expect(waited >= 140 && waited < 1000, "waited \(waited) ms")
    }

    @Test func endOfInputEndsTheSessionInsteadOfSpinning() throws {
        let t = try Terminal.headless(size: Size(rows: 24, cols: 80))  // stdin is /dev/null
        defer { t.stop() }
        let start = Self.now()
        #expect(t.nextEvent(timeoutMilliseconds: 5000) == .terminate)
        #expect(Self.now() - start < 2000)
        #expect(t.inputClosed)
        #expect(t.nextEvent(timeoutMilliseconds: 5000) == .terminate)
    }

    @Test func stopIsIdempotentAndPaintingAfterStopIsHarmless() throws {
        let t = try Terminal.headless(size: Size(rows: 24, cols: 80))
        t.stop()
        t.stop()
        t.paint(Screen(rows: 24, cols: 80))
        #expect(t.nextEvent(timeoutMilliseconds: 10) == .terminate)
    }

    static func now() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}
