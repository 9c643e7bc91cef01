/// What `update` asks the run loop to do after an event.
public enum Command: Hashable, Sendable {
    case none
    /// Leave the loop; `runApp` returns the final model.
    case quit
    /// Repaint everything (e.g. on Ctrl-L after another program scribbled on the terminal).
    case redraw
}

public struct RunOptions: Sendable {
    /// Below this the view is replaced by a notice asking for a larger window.
    public var minimumSize: Size
    /// Idle time after which `update` receives `.tick`; nil for no ticks.
    public var tickMilliseconds: Int?
    /// While the window is too small to show anything, Ctrl-C and `q` end the program (as
    /// `.terminate`, so the model still gets to clean up). Off for a kiosk, which only staff leave.
    public var quitWhenTooSmall: Bool

    public init(minimumSize: Size = SizeGuard.minimum, tickMilliseconds: Int? = 1000, quitWhenTooSmall: Bool = true) {
        self.minimumSize = minimumSize
        self.tickMilliseconds = tickMilliseconds
        self.quitWhenTooSmall = quitWhenTooSmall
    }
}

/// The too-small-window rule, as pure functions.
public enum SizeGuard {
    public static let minimum = Size(rows: 18, cols: 60)

    public static func isTooSmall(_ size: Size, minimum: Size = minimum) -> Bool {
        size.rows < minimum.rows || size.cols < minimum.cols
    }

    /// The notice shown instead of the view: centred, wrapped to whatever room there is.
    public static func notice(size: Size, minimum: Size = minimum) -> Screen {
        var screen = Screen(size: size)
        // Both languages: the notice can come before anyone has chosen one.
        let paragraphs = [
            "Please make the window larger (needs \(minimum), now \(size)), or run lotr --plain.",
            "請把視窗放大（最少 \(minimum)，現在 \(size)），或執行 lotr --plain。",
            "q / Ctrl-C: quit 離開",
        ]
        let width = max(1, size.cols - 2)
        // Each line centred on its own, without the spaces a wrap leaves at its ends.
        var lines: [String] = []
        for p in paragraphs { lines += TextLayout.wrap(p, width: width).map { $0.trimmingSpaces } }
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.rows {
            let w = DisplayWidth.of(line)
            screen.write(line, row: top + i, col: max(0, (size.cols - w) / 2), style: i == lines.count - 1 ? .dim : .highlight)
        }
        return screen
    }

    /// Wraps a view so that it is only asked to draw when the window is large enough.
    public static func guarded<M>(_ view: @escaping (M, Size) -> Screen, minimum: Size = minimum) -> (M, Size) -> Screen {
        { model, size in
            isTooSmall(size, minimum: minimum) ? notice(size: size, minimum: minimum) : view(model, size)
        }
    }

    /// While the notice is up the person cannot see what a key would do, so keys are withheld
    /// from the model; resizes, ticks, interrupts and termination still reach it.
    public static func admits(_ event: Event, size: Size, minimum: Size = minimum) -> Bool {
        switch event {
        case .key, .paste: return !isTooSmall(size, minimum: minimum)
        default: return true
        }
    }

    /// What an event means while the notice is up: Ctrl-C and `q` quit (when `quits`), since
    /// a dialog asking to confirm could not be seen.
    public static func translate(_ event: Event, size: Size, minimum: Size = minimum, quits: Bool) -> Event {
        guard quits, isTooSmall(size, minimum: minimum) else { return event }
        switch event {
        case .interrupt, .key(.character("q")), .key(.character("Q")): return .terminate
        default: return event
        }
    }
}

/// Runs an Elm-style program on `device` until `update` returns `.quit` or the terminal asks to
/// terminate (`.terminate` is delivered to `update` first, so a model can clear sensitive state,
/// and then the loop ends whatever it answers). Returns the final model.
/// `.interrupt` (Ctrl-C) is only delivered: the model decides whether it quits.
public func runApp<M>(on device: TerminalDevice, initial: M, options: RunOptions = RunOptions(),
                      update: (M, Event) -> (M, Command), view: @escaping (M, Size) -> Screen) -> M {
    let render = SizeGuard.guarded(view, minimum: options.minimumSize)
    var model = initial
    var size = device.size
    // Tell the model the real size before the first frame (it assumes 80×24 until told).
    (model, _) = update(model, .resize(rows: size.rows, cols: size.cols))
    device.paint(render(model, size))
    while true {
        // Take every event already waiting (a paste, key repeat) before drawing once: a long
        // paste then costs one frame, not one per character. A burst of characters read
        // together is pasted text, never keys (InputBurst).
        var batch = [device.nextEvent(timeoutMilliseconds: options.tickMilliseconds)]
        while batch.count < 4096, batch.last != .terminate, let next = device.pendingEvent() { batch.append(next) }
        for read in InputBurst.coalesce(batch) {
            let event = SizeGuard.translate(read, size: size, minimum: options.minimumSize, quits: options.quitWhenTooSmall)
            if case .resize(let rows, let cols) = event {
                size = Size(rows: rows, cols: cols)
                device.invalidate()
            }
            var command = Command.none
            if SizeGuard.admits(event, size: size, minimum: options.minimumSize) {
                (model, command) = update(model, event)
            }
            if event == .terminate { return model }
            switch command {
            case .quit: return model
            case .redraw: device.invalidate()
            case .none: break
            }
        }
        device.paint(render(model, size))
    }
}

/// Starts the terminal, runs the program, and always restores the terminal afterwards.
/// Throws before drawing anything when full-screen mode is impossible (no tty, bad `TERM`).
public func runApp<M>(initial: M, options: RunOptions = RunOptions(), terminal: TerminalOptions = TerminalOptions(),
                      update: (M, Event) -> (M, Command), view: @escaping (M, Size) -> Screen) throws(TerminalError) -> M {
    let t = try Terminal.start(options: terminal)
    defer { t.stop() }
    return runApp(on: t, initial: initial, options: options, update: update, view: view)
}
