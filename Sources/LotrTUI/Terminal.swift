// The only file that talks to curses. Everything else draws into `Screen` values and reads
// `Event`s, so it can be tested without a terminal. All calls happen on one thread.
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or no tty at all).
    case notATerminal
    /// curses could not set up this terminal type (unknown or missing `TERM`).
    case unknownTerminal(String)
    /// The terminal type is known but cannot address the cursor (e.g. `TERM=dumb`).
    case unsuitableTerminal(String)

    public var description: String {
        switch self {
        case .notATerminal: "not a terminal"
        case .unknownTerminal(let t): t.isEmpty ? "TERM is not set" : "unknown terminal type \"\(t)\""
        case .unsuitableTerminal(let t): "terminal type \"\(t)\" cannot show full-screen output"
        }
    }
}

/// What the run loop needs from a terminal; `Terminal` is the real one, tests use a fake.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    func paint(_ screen: Screen)
    /// Forgets what is on the glass so the next paint redraws everything.
    func invalidate()
    /// The next event, waiting at most `timeoutMilliseconds` (nil: no limit) before `.tick`.
    func nextEvent(timeoutMilliseconds: Int?) -> Event
    /// An event that is already waiting, without waiting for one: lets the run loop take a
    /// whole paste or a burst of keys before drawing once.
    func pendingEvent() -> Event?
}

extension TerminalDevice {
    public func pendingEvent() -> Event? { nil }
}

public struct TerminalOptions: Sendable {
    /// nil: colour when the terminal has it and `NO_COLOR` is unset or empty.
    public var colors: Bool?
    /// Draw frames with `+ - |` (for consoles whose font lacks box drawing).
    public var asciiOnly: Bool
    /// How long curses waits after Esc for the rest of an escape sequence. Short, so the Esc key
    /// responds at once; 25 ms is ample on local and ssh terminals.
    public var escapeDelayMilliseconds: Int

    public init(colors: Bool? = nil, asciiOnly: Bool = false, escapeDelayMilliseconds: Int = 25) {
        self.colors = colors
        self.asciiOnly = asciiOnly
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }
}

/// The full-screen terminal, through ncursesw.
///
/// Restoring the terminal, whatever happens:
/// - `stop()` (also run by `deinit`) ends curses and puts the previous signal handlers back.
/// - SIGTERM, SIGHUP and SIGQUIT become `Event.terminate`, SIGINT becomes `Event.interrupt`: the
///   handlers only set a flag, which `nextEvent` checks at least every 100 ms.
/// - SIGSEGV, SIGILL, SIGABRT, SIGBUS, SIGFPE and SIGTRAP (Swift traps arrive as SIGILL or
///   SIGTRAP) run `endwin()` and then die of the same signal with the default action. These
///   handlers replace the Swift runtime's crash backtracer while the terminal is active, so its
///   interactive prompt (which can wait for a key) cannot appear and nothing is printed over the
///   screen. (The program also removes the backtracer's handlers at start-up, in every mode:
///   see `CrashReports` in the lotr target.)
/// - `exit()` while active runs `endwin()` from an `atexit` hook.
/// The adapter never writes to stdout or stderr itself.
public final class Terminal: TerminalDevice {
    public private(set) var size: Size
    /// Colour pairs are in use.
    public let hasColors: Bool
    /// The locale's character set is UTF-8 (after falling back to C.UTF-8 if needed).
    public let unicode: Bool
    /// Input reached its end (the terminal went away); `nextEvent` now only returns `.terminate`.
    public private(set) var inputClosed = false
    /// The signal (SIGTERM, SIGHUP, SIGQUIT) that ended the program, once `.terminate` came of one:
    /// the caller exits with 128 + it, as a shell reports a program killed by that signal.
    public private(set) var terminatingSignal: Int32?

    private let options: TerminalOptions
    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private var lastPainted: Screen?
    /// Set by `invalidate`: the glass itself may be wrong (resize, another program wrote to the
    /// terminal), so the next paint clears it rather than trusting curses' idea of it.
    private var clearGlass = false
    private var cursorShown = false
    private var fastErrors = 0
    private var ownedFiles: [UnsafeMutablePointer<FILE>] = []
    private let handlesSignals: Bool
    /// Rows sent to curses by the last `paint` (tests check that unchanged rows are skipped).
    private(set) var rowsPaintedLastTime = 0

    /// Starts full-screen mode on the process's terminal. Throws instead of exiting when there
    /// is no terminal or `TERM` is unusable, so the caller can fall back to the line mode.
    public static func start(options: TerminalOptions = TerminalOptions()) throws(TerminalError) -> Terminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        let unicode = Terminal.prepareLocale()
        return try Terminal(termType: nil, output: lotr_stdout(), input: lotr_stdin(), ownedFiles: [],
                            options: options, unicode: unicode, handlesSignals: true)
    }

    /// A terminal drawing into /dev/null and reading from `inputFD` (default /dev/null), sized
    /// `size`: lets tests drive the real curses layer without a tty. Not for use alongside a
    /// started `Terminal`: curses state is process-wide.
    static func headless(size: Size, termType: String = "xterm-256color", inputFD: Int32? = nil,
                         options: TerminalOptions = TerminalOptions()) throws(TerminalError) -> Terminal {
        let unicode = Terminal.prepareLocale(adoptEnvironment: false)
        guard let out = fopen("/dev/null", "w") else { throw .notATerminal }
        let input: UnsafeMutablePointer<FILE>?
        if let fd = inputFD { input = fdopen(fd, "r") } else { input = fopen("/dev/null", "r") }
        guard let input else { fclose(out); throw .notATerminal }
        let t = try Terminal(termType: termType, output: out, input: input, ownedFiles: [out, input],
                             options: options, unicode: unicode, handlesSignals: false)
        if Int(lotr_lines()) != size.rows || Int(lotr_cols()) != size.cols {
            resizeterm(Int32(size.rows), Int32(size.cols))
            flushinp()  // drop the KEY_RESIZE that resizeterm queues: nobody resized anything
        }
        t.size = Size(rows: Int(lotr_lines()), cols: Int(lotr_cols()))
        return t
    }

    private init(termType: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
                 ownedFiles: [UnsafeMutablePointer<FILE>], options: TerminalOptions, unicode: Bool,
                 handlesSignals: Bool) throws(TerminalError) {
        self.options = options
        self.unicode = unicode
        self.ownedFiles = ownedFiles
        self.handlesSignals = handlesSignals
        if handlesSignals { lotr_install_signal_handlers() }
        let scr: OpaquePointer? = termType.map { t in t.withCString { newterm($0, output, input) } }
            ?? newterm(nil, output, input)
        guard let scr else {
            if handlesSignals { lotr_restore_signal_handlers() }
            for f in ownedFiles { fclose(f) }
            throw .unknownTerminal(termType ?? getenv("TERM").map { String(cString: $0) } ?? "")
        }
        set_term(scr)
        guard lotr_has_cursor_addressing() != 0 else {
            // Nothing was drawn yet; endwin only puts the tty modes back.
            endwin()
            delscreen(scr)
            if handlesSignals { lotr_restore_signal_handlers() }
            for f in ownedFiles { fclose(f) }
            throw .unsuitableTerminal(termType ?? getenv("TERM").map { String(cString: $0) } ?? "")
        }
        screen = scr
        lotr_set_curses_active(1)
        window = lotr_stdscr()
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        // Eight-bit input: the bytes of UTF-8 characters, assembled here (InputAssembler).
        meta(window, true)
        set_escdelay(Int32(options.escapeDelayMilliseconds))
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        let want = options.colors ?? Appearance.wantsColor(terminalHasColors: has_colors(), environment: noColor)
        var colorsOn = false
        if want && has_colors() && start_color() != ERR {
            let defaults = use_default_colors() != ERR
            let bg = defaults ? Int16(-1) : Int16(COLOR_BLACK)
            let table: [(Appearance.Color, Int32)] = [(.yellow, COLOR_YELLOW), (.red, COLOR_RED), (.cyan, COLOR_CYAN)]
            for (role, fg) in table { init_pair(role.rawValue, Int16(fg), bg) }
            colorsOn = true
        }
        hasColors = colorsOn
        size = Size(rows: Int(lotr_lines()), cols: Int(lotr_cols()))
        if handlesSignals { enableBracketedPaste(outputFD: fileno(output)) }
    }

    deinit { stop() }

    /// Ends full-screen mode and restores the terminal. Safe to call more than once.
    public func stop() {
        guard let scr = screen else { return }
        screen = nil
        curs_set(1)
        if handlesSignals { lotr_bracketed_paste_off() }
        endwin()
        lotr_set_curses_active(0)
        delscreen(scr)
        if handlesSignals { lotr_restore_signal_handlers() }
        for f in ownedFiles { fclose(f) }
        ownedFiles = []
    }

    /// Makes sure wide characters can be shown: the user's locale if its character set is UTF-8,
    /// else C.UTF-8 for character handling. False if neither is available.
    /// `adoptEnvironment: false` leaves the locale alone when it is already UTF-8 (tests share a
    /// process with other code; setlocale is not thread-safe).
    private static func prepareLocale(adoptEnvironment: Bool = true) -> Bool {
        // Only the character type matters to curses; the other categories would be read for nothing.
        if adoptEnvironment { setlocale(LC_CTYPE, "") }
        if isUTF8Codeset() { return true }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8Codeset() { return true }
        if setlocale(LC_CTYPE, "en_US.UTF-8") != nil, isUTF8Codeset() { return true }
        return false
    }

    private static func isUTF8Codeset() -> Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    // MARK: - Painting

    public func invalidate() {
        lastPainted = nil
        clearGlass = true
    }

    /// Shows `frame`: only rows that differ from the last painted frame are sent to curses,
    /// which then sends only the changed characters to the terminal.
    public func paint(_ frame: Screen) {
        guard screen != nil else { return }
        let shown = (options.asciiOnly || !unicode) ? frame.asciiFallback() : frame
        let full = lastPainted == nil || lastPainted?.size != shown.size
        if full {
            werase(window)
            if clearGlass { clearok(window, true) }
            clearGlass = false
        }
        let rows = min(shown.rows, size.rows)
        rowsPaintedLastTime = 0
        for r in 0 ..< rows {
            if !full, let last = lastPainted, last.row(r) == shown.row(r) { continue }
            paintRow(shown, r)
            rowsPaintedLastTime += 1
        }
        if let cur = shown.cursor, cur.row < size.rows, cur.col < size.cols {
            if !cursorShown { curs_set(1); cursorShown = true }
            wmove(window, Int32(cur.row), Int32(cur.col))
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
        wrefresh(window)
        lastPainted = shown
    }

    private func paintRow(_ frame: Screen, _ r: Int) {
        let cols = min(frame.cols, size.cols)
        var cell = cchar_t()
        var wide = [wchar_t](repeating: 0, count: Int(lotr_wchar_max()) + 1)
        // Start from a cleared line and hand curses only what is not a plain blank: most of a
        // frame is empty space, and curses works out what changed on the glass by itself.
        wmove(window, Int32(r), 0)
        wclrtoeol(window)
        let plain = lotr_a_normal()
        for c in 0 ..< cols {
            let source = frame[r, c]
            if source.isContinuation { continue }
            let (attrs, pair) = cursesAttributes(source.style)
            if source.character == " " && attrs == plain && pair == 0 { continue }
            var character = source.character
            if DisplayWidth.of(character) == 2 && c + 1 >= size.cols { character = " " }
            if !unicode, !(character.isASCII) { character = "?" }
            var n = 0
            for s in character.unicodeScalars where n < wide.count - 1 {
                wide[n] = wchar_t(bitPattern: s.value)
                n += 1
            }
            wide[n] = 0
            if lotr_set_cell(&cell, wide, attrs, pair) == ERR {
                // Curses accepts one spacing character plus marks; show an emoji sequence by its base.
                wide[1] = 0
                if lotr_set_cell(&cell, wide, attrs, pair) == ERR { continue }
            }
            wmove(window, Int32(r), Int32(c))
            wadd_wch(window, &cell)  // ERR in the bottom-right corner is expected: nowhere to advance
        }
    }

    private func cursesAttributes(_ style: Style) -> (attr_t, Int16) {
        let a = Appearance.of(style, colors: hasColors)
        var attrs = lotr_a_normal()
        if a.bold { attrs |= lotr_a_bold() }
        if a.dim { attrs |= lotr_a_dim() }
        if a.reverse { attrs |= lotr_a_reverse() }
        if a.underline { attrs |= lotr_a_underline() }
        return (attrs, hasColors ? (a.color?.rawValue ?? 0) : 0)
    }

    // MARK: - Input

    /// Waits for the next event. Signals are noticed within 100 ms. Input is read byte by byte
    /// and assembled here (`InputAssembler`): a character split across reads waits for its
    /// other bytes, bad bytes become U+FFFD, and a bracketed paste arrives as one `.paste`.
    /// Only the input really ending (`wgetch` failing at once, again and again: end of file,
    /// hang-up) returns `.terminate`.
    public func nextEvent(timeoutMilliseconds: Int?) -> Event {
        let start = Terminal.nowMilliseconds()
        while true {
            let signal = lotr_take_terminate()
            if signal != 0 { terminatingSignal = signal; return .terminate }
            if lotr_take_interrupt() != 0 { return .interrupt }
            if let queued = takeQueued() { return queued }
            if inputClosed || screen == nil { return .terminate }
            var slice = 100
            // Inside a paste, wait for its end whatever the tick says; a paste whose end never
            // comes is delivered after a second of silence.
            if let limit = timeoutMilliseconds, !assembler.inPaste {
                let remaining = limit - (Terminal.nowMilliseconds() - start)
                if remaining <= 0 { return .tick }
                slice = min(slice, remaining)
            }
            let before = Terminal.nowMilliseconds()
            guard let raw = readRaw(timeoutMilliseconds: slice) else {
                let elapsed = Terminal.nowMilliseconds() - before
                if slice >= 20 && elapsed < slice / 2 && lotr_pending_terminate() == 0 {
                    fastErrors += 1
                    if fastErrors >= 5 {
                        inputClosed = true
                        if let open = assembler.endPaste() { queue.append(open) }
                        return takeQueued() ?? .terminate
                    }
                } else {
                    fastErrors = 0
                    if assembler.inPaste {
                        silentPasteMilliseconds += elapsed
                        if silentPasteMilliseconds >= 1000, let open = assembler.endPaste() { return open }
                    }
                }
                continue
            }
            fastErrors = 0
            silentPasteMilliseconds = 0
            accept(raw)
        }
    }

    public func pendingEvent() -> Event? {
        if lotr_pending_terminate() != 0 { return nil }  // nextEvent reports it at once
        while true {
            if let queued = takeQueued() { return queued }
            if inputClosed || screen == nil { return nil }
            guard let raw = readRaw(timeoutMilliseconds: assembler.inPaste ? 50 : 0) else {
                // The rest of a paste is still on its way: let nextEvent wait for it.
                return nil
            }
            accept(raw)
        }
    }

    private var assembler = InputAssembler()
    private var queue: [Event] = []
    private var silentPasteMilliseconds = 0
    /// The key codes curses gives the bracketed-paste markers (see `enableBracketedPaste`).
    private var pasteStartCode: Int32 = -1
    private var pasteEndCode: Int32 = -1

    private func takeQueued() -> Event? {
        queue.isEmpty ? nil : queue.removeFirst()
    }

    /// One `wgetch`: a byte, a key code, or nil on timeout or end of input.
    private func readRaw(timeoutMilliseconds: Int) -> InputAssembler.Raw? {
        wtimeout(window, Int32(timeoutMilliseconds))
        let value = wgetch(window)
        if value == ERR { return nil }
        if value == pasteStartCode { return .pasteStart }
        if value == pasteEndCode { return .pasteEnd }
        if value >= 0 && value < 0x100 { return .byte(UInt8(value)) }
        return .keyCode(value)
    }

    private func accept(_ raw: InputAssembler.Raw) {
        if raw == .keyCode(KEY_RESIZE) {
            size = Size(rows: Int(lotr_lines()), cols: Int(lotr_cols()))
            invalidate()
        }
        queue += assembler.feed(raw, size: size)
    }

    /// Asks the terminal to mark pastes, and teaches curses the two markers as keys.
    private func enableBracketedPaste(outputFD: Int32) {
        let start = "\u{1B}[200~", end = "\u{1B}[201~"
        func code(_ sequence: String, _ fallback: Int32) -> Int32 {
            let known = key_defined(sequence)
            if known > 0 { return known }
            return define_key(sequence, fallback) == OK ? fallback : -1
        }
        // Well above the codes curses gives the keys it knows (KEY_MAX and its extended keys).
        pasteStartCode = code(start, 0x3F00)
        pasteEndCode = code(end, 0x3F01)
        guard pasteStartCode > 0, pasteEndCode > 0 else { return }
        lotr_bracketed_paste_on(outputFD)
    }

    private static func nowMilliseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }

    // MARK: - Reading back (tests)

    /// What curses holds for one row of the window (its virtual screen, not the glass).
    func contentsOfRow(_ row: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: size.cols * 3 + 1)
        guard wmove(window, Int32(row), 0) != ERR else { return "" }
        let n = winnwstr(window, &buffer, Int32(buffer.count - 1))
        guard n != ERR else { return "" }
        var s = ""
        for w in buffer where w != 0 {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: w)) { s.unicodeScalars.append(scalar) }
        }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Curses attributes of one cell: (bold, reverse, underline, colour pair).
    func attributesAt(row: Int, col: Int) -> (bold: Bool, reverse: Bool, underline: Bool, pair: Int16)? {
        var attrs: attr_t = 0
        var pair: Int16 = 0
        guard lotr_cell_attrs(window, Int32(row), Int32(col), &attrs, &pair) != ERR else { return nil }
        return ((attrs & lotr_a_bold()) != 0, (attrs & lotr_a_reverse()) != 0, (attrs & lotr_a_underline()) != 0, pair)
    }

    /// The key codes this curses build uses, to check `InputDecoder.Code` against.
    static func headerKeyCodes() -> [Int32] {
        (0 ... 17).map { Int32(lotr_key_code(Int32($0))) }
    }
}
