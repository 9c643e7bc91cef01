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
    /// Text pasted into the terminal (bracketed paste), or a burst of characters that arrived
    /// together and so cannot have been typed one by one. It is text only: it never confirms,
    /// moves or chooses, whatever keys (Enter, digits, y/n) it contains.
    case paste(String)
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

/// Bytes to Unicode scalars, across reads: a character whose bytes arrive in two reads is kept
/// until it is complete, and bytes that can never form a character each become U+FFFD. Nothing
/// here can end the input: only the terminal going away does.
public struct UTF8Assembler: Sendable {
    private var pending: [UInt8] = []
    private var expected = 0

    public init() {}

    /// Whether bytes of an unfinished character are waiting for the rest.
    public var isIncomplete: Bool { !pending.isEmpty }

    public static let replacement: UInt32 = 0xFFFD

    /// The scalars that `byte` completes (none while a character is unfinished).
    public mutating func feed(_ byte: UInt8) -> [UInt32] {
        if pending.isEmpty { return start(byte) }
        if isValidContinuation(byte) {
            pending.append(byte)
            guard pending.count == expected else { return [] }
            let scalar = decode(pending)
            pending = []
            return [scalar]
        }
        // The character was cut short: what came so far is one bad character, and this byte starts afresh.
        pending = []
        return [UTF8Assembler.replacement] + start(byte)
    }

    /// Gives up on an unfinished character (input ended): U+FFFD if one was waiting.
    public mutating func flush() -> [UInt32] {
        guard !pending.isEmpty else { return [] }
        pending = []
        return [UTF8Assembler.replacement]
    }

    private mutating func start(_ byte: UInt8) -> [UInt32] {
        switch byte {
        case 0x00 ..< 0x80: return [UInt32(byte)]
        case 0xC2 ... 0xDF: expected = 2
        case 0xE0 ... 0xEF: expected = 3
        case 0xF0 ... 0xF4: expected = 4
        default: return [UTF8Assembler.replacement]
        }
        pending = [byte]
        return []
    }

    /// Continuation bytes, with the limits on the second byte that rule out overlong forms,
    /// surrogates and values above U+10FFFF.
    private func isValidContinuation(_ byte: UInt8) -> Bool {
        guard (0x80 ... 0xBF).contains(byte) else { return false }
        guard pending.count == 1 else { return true }
        switch pending[0] {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte <= 0x9F
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte <= 0x8F
        default: return true
        }
    }

    private func decode(_ b: [UInt8]) -> UInt32 {
        switch b.count {
        case 2: return UInt32(b[0] & 0x1F) << 6 | UInt32(b[1] & 0x3F)
        case 3: return UInt32(b[0] & 0x0F) << 12 | UInt32(b[1] & 0x3F) << 6 | UInt32(b[2] & 0x3F)
        default: return UInt32(b[0] & 0x07) << 18 | UInt32(b[1] & 0x3F) << 12 | UInt32(b[2] & 0x3F) << 6 | UInt32(b[3] & 0x3F)
        }
    }
}

/// Turns what curses reads — bytes, key codes, and the bracketed-paste markers — into events.
/// Pure, so the terminal's input rules are tested without a terminal.
public struct InputAssembler: Sendable {
    /// What one `wgetch` returned.
    public enum Raw: Hashable, Sendable {
        case byte(UInt8)
        case keyCode(Int32)
        case pasteStart
        case pasteEnd
    }

    /// A paste longer than this is cut: nobody pastes a book into an answer.
    public static let pasteLimit = 20_000

    private var utf8 = UTF8Assembler()
    /// The text of a paste being received, between its start and end markers.
    private var paste: String?

    public init() {}

    public var inPaste: Bool { paste != nil }

    public mutating func feed(_ raw: Raw, size: Size) -> [Event] {
        switch raw {
        case .pasteStart:
            var out = utf8.flush().compactMap { InputDecoder.decode(.character($0), size: size) }
            if let open = paste { out.append(.paste(open)) }
            paste = ""
            return out
        case .pasteEnd:
            var out: [Event] = []
            if var text = paste {
                for s in utf8.flush() { InputAssembler.append(s, to: &text) }
                out.append(.paste(text))
            }
            paste = nil
            return out
        case .keyCode(let code):
            // Keys pressed inside a paste (curses matched an escape sequence in pasted text) are not keys.
            if paste != nil { return [] }
            return utf8.flush().compactMap { InputDecoder.decode(.character($0), size: size) }
                + [InputDecoder.decode(.keyCode(code), size: size)].compactMap { $0 }
        case .byte(let b):
            let scalars = utf8.feed(b)
            if var text = paste {
                for s in scalars { InputAssembler.append(s, to: &text) }
                paste = text
                return []
            }
            return scalars.compactMap { InputDecoder.decode(.character($0), size: size) }
        }
    }

    /// Ends a paste whose end marker never came (the terminal lost it): what arrived is still a paste.
    public mutating func endPaste() -> Event? {
        guard let text = paste else { return nil }
        paste = nil
        return .paste(text)
    }

    static func append(_ scalar: UInt32, to text: inout String) {
        guard text.unicodeScalars.count < pasteLimit else { return }
        switch scalar {
        case 10, 13: text.append("\n")
        case 9: text.append(" ")
        case 0 ..< 32, 127, 0x80 ..< 0xA0: break
        default: if let u = Unicode.Scalar(scalar) { text.unicodeScalars.append(u) }
        }
    }
}

/// Without bracketed paste, a paste arrives as a burst of characters all waiting at once,
/// which no one types. A batch of events read together that holds several characters is
/// therefore treated as pasted text: its characters (Enter included) become `.paste`, so an
/// Enter or a digit inside it never confirms or chooses. Single keys, arrows and resizes pass.
public enum InputBurst {
    /// Fewer typed characters than this in one batch are keys (fast typing, key repeat).
    public static let threshold = 3

    public static func coalesce(_ events: [Event]) -> [Event] {
        func text(_ e: Event) -> String? {
            switch e {
            case .key(.character(let c)): return String(c)
            case .key(.enter): return "\n"
            case .key(.tab): return " "
            default: return nil
            }
        }
        let characters = events.filter { if case .key(.character) = $0 { return true } else { return false } }.count
        guard characters >= threshold else { return events }
        var out: [Event] = []
        var run: String?
        for e in events {
            if let t = text(e) {
                run = (run ?? "") + t
            } else if case .paste(let p) = e {
                run = (run ?? "") + p
            } else {
                if let r = run { out.append(.paste(r)); run = nil }
                out.append(e)
            }
        }
        if let r = run { out.append(.paste(r)) }
        return out
    }
}
