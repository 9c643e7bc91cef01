import Testing
@testable import LotrTUI

@Suite struct SizeGuardTests {
    @Test func minimumIs60By18() {
        #expect(!SizeGuard.isTooSmall(Size(rows: 18, cols: 60)))
        #expect(!SizeGuard.isTooSmall(Size(rows: 24, cols: 80)))
        #expect(SizeGuard.isTooSmall(Size(rows: 18, cols: 59)))
        #expect(SizeGuard.isTooSmall(Size(rows: 17, cols: 60)))
    }

    @Test func noticeNamesBothSizes() {
        let s = SizeGuard.notice(size: Size(rows: 15, cols: 50))
        #expect(s.size == Size(rows: 15, cols: 50))
        let words = s.lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.hasPrefix("Please make the window larger (needs 60×18, now 50×15)"))
        #expect(s.text.contains("最少 60×18") && s.text.contains("現在 50×15"), "the notice is in Chinese too")
        #expect(s.styledText.contains("⟨highlight⟩Please"))
    }

    @Test func noticeFitsTinyWindows() {
        for (rows, cols) in [(1, 1), (3, 10), (5, 20), (17, 59), (0, 0)] {
            let s = SizeGuard.notice(size: Size(rows: rows, cols: cols))
            #expect(s.size == Size(rows: rows, cols: cols))
            checkWideCharacterInvariant(s)
        }
        let narrow = SizeGuard.notice(size: Size(rows: 10, cols: 30))
        #expect(narrow.lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(narrow.text.contains("30×10)") && narrow.text.contains("60×18"))
    }

    @Test func guardedViewOnlyDrawsWhenLargeEnough() {
        let view: (String, Size) -> Screen = { model, size in
            var s = Screen(size: size)
            s.write(model, row: 0, col: 0)
            return s
        }
        let guarded = SizeGuard.guarded(view)
        #expect(guarded("question", Size(rows: 24, cols: 80)).lines[0] == "question")
        #expect(!guarded("question", Size(rows: 24, cols: 50)).text.contains("question"))
        #expect(guarded("question", Size(rows: 24, cols: 50)).text.contains("larger"))
        let custom = SizeGuard.guarded(view, minimum: Size(rows: 5, cols: 10))
        #expect(custom("q", Size(rows: 5, cols: 10)).lines[0] == "q")
    }

    @Test func keysAreWithheldWhileTheNoticeIsUp() {
        let small = Size(rows: 10, cols: 40), big = Size(rows: 24, cols: 80)
        #expect(!SizeGuard.admits(.key(.enter), size: small))
        #expect(SizeGuard.admits(.key(.enter), size: big))
        for e: Event in [.tick, .interrupt, .terminate, .resize(rows: 10, cols: 40)] {
            #expect(SizeGuard.admits(e, size: small))
        }
        #expect(!SizeGuard.admits(.paste("1\n"), size: small), "nor pastes")
    }

    @Test func belowTheMinimumQAndCtrlCQuitButNotInAKiosk() {
        let small = Size(rows: 10, cols: 40), big = Size(rows: 24, cols: 80)
        for e: Event in [.interrupt, .key(.character("q"))] {
            #expect(SizeGuard.translate(e, size: small, quits: true) == .terminate, "\(e)")
            #expect(SizeGuard.translate(e, size: small, quits: false) == e, "a kiosk: \(e)")
            #expect(SizeGuard.translate(e, size: big, quits: true) == e, "a big window asks first: \(e)")
        }
        // Through the run loop: the interview ends at once, without a dialog nobody could see.
        let device = FakeDevice(size: small, script: [.key(.character("q"))])
        var quitSeen = false
        _ = runApp(on: device, initial: 0, update: { m, e in
            if e == .terminate { quitSeen = true }
            return (m, .none)
        }, view: { _, size in Screen(size: size) })
        #expect(quitSeen)
        let notice = SizeGuard.notice(size: Size(rows: 15, cols: 50)).lines.filter { !$0.trimmingSpaces.isEmpty }
        #expect(notice.joined(separator: " ").contains("lotr --plain"))
        for line in notice {
            // Each line centred on its own text: no indentation left over from wrapping.
            let text = line.trimmingSpaces
            let lead = line.prefix { $0 == " " }.count
            #expect(lead == (50 - DisplayWidth.of(text)) / 2, "\(line)")
        }
    }
}

/// Replays scripted events and records what was painted.
final class FakeDevice: TerminalDevice {
    var size: Size
    var script: [Event]
    var painted: [Screen] = []
    var invalidations = 0
    var timeouts: [Int?] = []

    init(size: Size, script: [Event]) {
        self.size = size
        self.script = script
    }

    func paint(_ screen: Screen) { painted.append(screen) }
    func invalidate() { invalidations += 1 }
    func nextEvent(timeoutMilliseconds: Int?) -> Event {
        timeouts.append(timeoutMilliseconds)
        if script.isEmpty { return .terminate }
        let e = script.removeFirst()
        if case .resize(let r, let c) = e { size = Size(rows: r, cols: c) }
        return e
    }
}

struct Typing: Equatable {
    var typed = ""
    var ticks = 0
    var sawTerminate = false
    var interrupts = 0

    static func update(_ m: Typing, _ e: Event) -> (Typing, Command) {
        var m = m
        switch e {
        case .key(.character("q")): return (m, .quit)
        case .key(.ctrl("l")): return (m, .redraw)
        case .key(.character(let c)): m.typed.append(c)
        case .tick: m.ticks += 1
        case .terminate: m.sawTerminate = true
        case .interrupt: m.interrupts += 1
        default: break
        }
        return (m, .none)
    }

    static func view(_ m: Typing, _ size: Size) -> Screen {
        var s = Screen(size: size)
        s.write("typed: \(m.typed)", row: 0, col: 0)
        return s
    }
}

@Suite struct RunLoopTests {
    let big = Size(rows: 24, cols: 80)

    @Test func runsUntilQuitAndPaintsEveryStep() {
        let device = FakeDevice(size: big, script: [.key(.character("a")), .tick, .key(.character("b")), .key(.character("q")), .key(.character("z"))])
        let final = runApp(on: device, initial: Typing(), options: RunOptions(tickMilliseconds: 250), update: Typing.update, view: Typing.view)
        #expect(final.typed == "ab")
        #expect(final.ticks == 1)
        #expect(device.script == [.key(.character("z"))])  // nothing read after quit
        #expect(device.painted.count == 4)  // initial frame + one per event before quit
        #expect(device.painted.last?.lines[0] == "typed: ab")
        #expect(device.timeouts.allSatisfy { $0 == 250 })
    }

    @Test func terminateIsDeliveredThenEndsTheLoop() {
        let device = FakeDevice(size: big, script: [.key(.character("a")), .terminate, .key(.character("b"))])
        let final = runApp(on: device, initial: Typing(), update: Typing.update, view: Typing.view)
        #expect(final.sawTerminate)
        #expect(final.typed == "a")
    }

    @Test func interruptIsLeftToTheModel() {
        let device = FakeDevice(size: big, script: [.interrupt, .interrupt, .key(.character("q"))])
        let final = runApp(on: device, initial: Typing(), update: Typing.update, view: Typing.view)
        #expect(final.interrupts == 2)
    }

    @Test func tooSmallWindowShowsTheNoticeAndWithholdsKeys() {
        let device = FakeDevice(size: big, script: [
            .resize(rows: 12, cols: 40), .key(.character("x")), .resize(rows: 24, cols: 80), .key(.character("y")), .key(.character("q")),
        ])
        let final = runApp(on: device, initial: Typing(), update: Typing.update, view: Typing.view)
        #expect(final.typed == "y")
        #expect(device.painted[1].size == Size(rows: 12, cols: 40))
        #expect(device.painted[1].text.contains("Please make the window larger"))
        #expect(device.painted[2].text.contains("now 40×12"))
        #expect(device.painted[3].lines[0] == "typed:")
        #expect(device.invalidations == 2)  // one per resize
    }

    @Test func redrawInvalidatesTheDevice() {
        let device = FakeDevice(size: big, script: [.key(.ctrl("l")), .key(.character("q"))])
        _ = runApp(on: device, initial: Typing(), update: Typing.update, view: Typing.view)
        #expect(device.invalidations == 1)
    }

    @Test func smokeDemoModel() {
        var (m, c) = SmokeDemo.update(SmokeDemo(), .key(.up))
        #expect(c == .none && m.lastEvent == "key Up")
        (m, c) = SmokeDemo.update(m, .key(.character("q")))
        #expect(c == .quit)
        let screen = SmokeDemo.view(SmokeDemo(), Size(rows: 24, cols: 80))
        #expect(screen.lines[0].hasPrefix("┌─ lotr — terminal check"))
        #expect(screen.text.contains("中文字符占两个单元格"))
        #expect(screen.styledText.contains("⟨selected⟩selected⟨/⟩"))
        checkWideCharacterInvariant(screen)
    }
}
