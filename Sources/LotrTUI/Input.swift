/// A key press, independent of curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, escape, backspace, delete, insert, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl with a letter (lower case) or one of `@ [ \ ] ^ _`. Ctrl-C is not a key: it arrives
    /// as `Event.interrupt`; Ctrl-I/J/M/[ arrive as tab/enter/enter/escape.
    case ctrl(Character)
}

/// Everything the run loop hands to `update`.
public enum Event: Hashable, Sendable {
    case key(Key)
    case resize(rows: Int, cols: Int)
    /// No input for one tick interval: lets a model run idle timers (kiosk wipe, clocks).
    case tick
    /// Ctrl-C (the terminal is in raw mode so it arrives as a key) or SIGINT.
    case interrupt
    /// SIGTERM, SIGHUP, or input gone for good (the terminal closed). The run loop stops after
    /// delivering it, whatever `update` answers.
    case terminate
}

/// What `wget_wch` returned, without curses types.
public enum RawInput: Hashable, Sendable {
    /// `OK`: a character code.
    case character(UInt32)
    /// `KEY_CODE_YES`: a curses key code (`KEY_UP`, …).
    case keyCode(Int32)
    /// `ERR`: timeout, interrupted call, or end of input.
    case none
}

/// Turns raw curses input into events. Pure, so every mapping is unit-tested without a terminal.
public enum InputDecoder {
    /// Curses key codes as defined by ncurses' `curses.h` (stable since ncurses 5; the adapter's
    /// tests check them against the header).
    public enum Code {
        public static let codeYes: Int32 = 0o400
        public static let down: Int32 = 0o402
        public static let up: Int32 = 0o403
        public static let left: Int32 = 0o404
        public static let right: Int32 = 0o405
        public static let home: Int32 = 0o406
        public static let backspace: Int32 = 0o407
        public static let f0: Int32 = 0o410
        public static let deleteChar: Int32 = 0o512
        public static let insertChar: Int32 = 0o513
        public static let nextPage: Int32 = 0o522
        public static let previousPage: Int32 = 0o523
        public static let enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541
        public static let end: Int32 = 0o550
        public static let find: Int32 = 0o552
        public static let select: Int32 = 0o601
        public static let resize: Int32 = 0o632
    }

    /// The event for one raw input, or nil when it means nothing to us (timeouts, mouse,
    /// unknown keys). `size` gives the window size to report on a resize.
    public static func decode(_ raw: RawInput, size: Size) -> Event? {
        switch raw {
        case .none:
            return nil
        case .keyCode(let code):
            return decodeKeyCode(code, size: size)
        case .character(let value):
            return decodeCharacter(value)
        }
    }

    static func decodeKeyCode(_ code: Int32, size: Size) -> Event? {
        let key: Key
        switch code {
        case Code.resize: return .resize(rows: size.rows, cols: size.cols)
        case Code.up: key = .up
        case Code.down: key = .down
        case Code.left: key = .left
        case Code.right: key = .right
        case Code.home, Code.find: key = .home
        case Code.end, Code.select: key = .end
        case Code.previousPage: key = .pageUp
        case Code.nextPage: key = .pageDown
        case Code.backspace: key = .backspace
        case Code.deleteChar: key = .delete
        case Code.insertChar: key = .insert
        case Code.enter: key = .enter
        case Code.backTab: key = .backTab
        case Code.f0 + 1 ... Code.f0 + 63: key = .function(Int(code - Code.f0))
        default: return nil
        }
        return .key(key)
    }

    static func decodeCharacter(_ value: UInt32) -> Event? {
        switch value {
        case 3: return .interrupt
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 0: return .key(.ctrl("@"))
        case 1 ... 26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60))))
        case 28: return .key(.ctrl("\\"))
        case 29: return .key(.ctrl("]"))
        case 30: return .key(.ctrl("^"))
        case 31: return .key(.ctrl("_"))
        case 0x80 ..< 0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }
}

extension Key: CustomStringConvertible {
    /// A name for the key as shown in help and key hints ("Enter", "Ctrl-L", "F1", "q").
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PageUp"
        case .pageDown: "PageDown"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-\(c.uppercased())"
        }
    }
}
