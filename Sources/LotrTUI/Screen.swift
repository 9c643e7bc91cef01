/// What a piece of text means on screen. Views choose roles, not colours: the terminal adapter
/// maps each role to colours when the terminal has them and `NO_COLOR` is unset, and to
/// bold/underline/reverse/dim otherwise, so meaning survives on a monochrome terminal.
public enum Role: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case normal, title, dim, highlight, selected, error, accent, term

    public var description: String {
        switch self {
        case .normal: "normal"
        case .title: "title"
        case .dim: "dim"
        case .highlight: "highlight"
        case .selected: "selected"
        case .error: "error"
        case .accent: "accent"
        case .term: "term"
        }
    }
}

public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
    public static let title = Style(.title)
    public static let dim = Style(.dim)
    public static let highlight = Style(.highlight)
    public static let selected = Style(.selected)
    public static let error = Style(.error)
    public static let accent = Style(.accent)
    public static let term = Style(.term)

    public var isPlain: Bool { self == .normal }

    /// Short label used by `Screen.styledText`, e.g. `title`, `highlight+b+u`.
    public var label: String {
        var s = role.description
        if bold { s += "+b" }
        if reverse { s += "+r" }
        if underline { s += "+u" }
        return s
    }
}

/// One terminal cell. A double-width character sits in its left cell; the right cell is a
/// continuation that shows nothing of its own.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var cols: Int

    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
    }

    /// `cols×rows`, the order in which people describe window sizes.
    public var description: String { "\(cols)×\(rows)" }
}

public struct Position: Hashable, Sendable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}

public struct Rect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var rows: Int
    public var cols: Int

    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row
        self.col = col
        self.rows = rows
        self.cols = cols
    }

    public init(_ size: Size) {
        self.init(row: 0, col: 0, rows: size.rows, cols: size.cols)
    }

    /// The rectangle shrunk by `by` cells on every side (never negative).
    public func inset(_ by: Int) -> Rect {
        inset(rows: by, cols: by)
    }

    public func inset(rows dr: Int, cols dc: Int) -> Rect {
        Rect(row: row + dr, col: col + dc, rows: max(0, rows - 2 * dr), cols: max(0, cols - 2 * dc))
    }

    public var isEmpty: Bool { rows <= 0 || cols <= 0 }
    public var bottom: Int { row + rows }
    public var right: Int { col + cols }
}

/// Characters for frames and rules. `Screen.asciiFallback()` turns any frame into `.ascii`.
public struct BoxChars: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var teeLeft: Character
    public var teeRight: Character

    public init(horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
                bottomLeft: Character, bottomRight: Character, teeLeft: Character, teeRight: Character) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeLeft = teeLeft
        self.teeRight = teeRight
    }

    public static let light = BoxChars(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                       bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤")
    public static let rounded = BoxChars(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                         bottomLeft: "╰", bottomRight: "╯", teeLeft: "├", teeRight: "┤")
    public static let heavy = BoxChars(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                       bottomLeft: "┗", bottomRight: "┛", teeLeft: "┣", teeRight: "┫")
    public static let double = BoxChars(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
                                        bottomLeft: "╚", bottomRight: "╝", teeLeft: "╠", teeRight: "╣")
    public static let ascii = BoxChars(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                       bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+")
}

/// An in-memory frame: what the terminal should show, cell by cell. Views draw into it; the
/// terminal adapter paints it; tests read it back with `text` and `styledText`.
/// Every drawing call clips to the grid, so a view can never write outside the window.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should be shown (e.g. in a text field); nil hides it.
    public var cursor: Position?

    public init(size: Size, fill: Cell = .blank) {
        let rows = max(0, size.rows)
        let cols = max(0, size.cols)
        self.size = Size(rows: rows, cols: cols)
        self.cells = Array(repeating: fill, count: rows * cols)
        self.cursor = nil
    }

    public init(rows: Int, cols: Int) {
        self.init(size: Size(rows: rows, cols: cols))
    }

    public var rows: Int { size.rows }
    public var cols: Int { size.cols }
    public var bounds: Rect { Rect(size) }

    public subscript(row: Int, col: Int) -> Cell {
        get { cells[row * size.cols + col] }
    }

    public func contains(row: Int, col: Int) -> Bool {
        row >= 0 && row < size.rows && col >= 0 && col < size.cols
    }

    /// The cells of one row, for painting.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[row * size.cols ..< (row + 1) * size.cols]
    }

    // MARK: - Writing cells

    /// Puts one character at (row, col) and returns the cells it took (0 when it did not fit or
    /// takes no room). Whatever wide character it overlaps is blanked entirely, so half a
    /// character is never left behind.
    @discardableResult
    public mutating func put(_ character: Character, row: Int, col: Int, style: Style = .normal) -> Int {
        guard contains(row: row, col: col) else { return 0 }
        if TextLayout.isControl(character) { return 0 }
        let w = DisplayWidth.of(character)
        if w == 0 { return 0 }
        if w == 2 && col + 1 >= size.cols {
            // No room for the right half: show a blank rather than half a character.
            detach(row: row, col: col)
            cells[index(row, col)] = Cell(" ", style: style)
            return 0
        }
        detach(row: row, col: col)
        if w == 2 { detach(row: row, col: col + 1) }
        cells[index(row, col)] = Cell(character, style: style)
        if w == 2 { cells[index(row, col + 1)] = Cell(" ", style: style, isContinuation: true) }
        return w
    }

    /// Writes `text` on one row starting at `col`, clipped to `maxWidth` cells (default: up to the
    /// right edge). Line breaks and tabs are shown as spaces. Returns the column after the text.
    @discardableResult
    public mutating func write(_ text: String, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        let limit = min(size.cols, col + (maxWidth ?? size.cols))
        var c = col
        for ch in text {
            let shown: Character = (ch.isNewline || ch == "\t") ? " " : ch
            let w = DisplayWidth.of(shown)
            if w == 0 { continue }
            if c + w > limit { break }
            if c >= 0 { put(shown, row: row, col: c, style: style) }
            c += w
        }
        return c
    }

    /// Writes `text` cut to `width` cells with an ellipsis if it is too long.
    @discardableResult
    public mutating func writeTruncated(_ text: String, row: Int, col: Int, width: Int, style: Style = .normal) -> Int {
        write(TextLayout.truncate(text, width: width), row: row, col: col, style: style, maxWidth: width)
    }

    /// Writes `text` wrapped to the rectangle's width, starting at its top; lines that do not fit
    /// the rectangle's height are dropped. Returns the number of lines the text needs (which may be
    /// more than were drawn, so a caller can tell it overflowed).
    @discardableResult
    public mutating func writeWrapped(_ text: String, in rect: Rect, style: Style = .normal, alignment: TextLayout.Alignment = .left) -> Int {
        guard rect.cols > 0 else { return 0 }
        let lines = TextLayout.wrap(text, width: rect.cols)
        for (i, line) in lines.enumerated() where i < rect.rows {
            let w = DisplayWidth.of(line)
            let offset: Int
            switch alignment {
            case .left: offset = 0
            case .center: offset = max(0, (rect.cols - w) / 2)
            case .right: offset = max(0, rect.cols - w)
            }
            write(line, row: rect.row + i, col: rect.col + offset, style: style, maxWidth: rect.cols - offset)
        }
        return lines.count
    }

    /// Fills a rectangle (clipped to the grid) with one character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let w = max(1, DisplayWidth.of(character))
        for r in max(0, rect.row) ..< min(size.rows, rect.bottom) {
            var c = rect.col
            while c + w <= rect.right {
                if c >= 0 && c < size.cols { put(character, row: r, col: c, style: style) }
                c += w
            }
        }
    }

    /// Applies a style to existing cells without changing their characters (e.g. to mark a
    /// selected line across its full width).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for r in max(0, rect.row) ..< min(size.rows, rect.bottom) {
            for c in max(0, rect.col) ..< min(size.cols, rect.right) {
                cells[index(r, c)].style = style
            }
        }
    }

    public mutating func horizontalLine(row: Int, col: Int, width: Int, style: Style = .normal, chars: BoxChars = .light) {
        for c in col ..< col + max(0, width) { put(chars.horizontal, row: row, col: c, style: style) }
    }

    public mutating func verticalLine(row: Int, col: Int, height: Int, style: Style = .normal, chars: BoxChars = .light) {
        for r in row ..< row + max(0, height) { put(chars.vertical, row: r, col: col, style: style) }
    }

    /// Draws a frame on the rectangle's edge, with an optional title set into the top border
    /// (`┌─ Title ──┐`, cut with an ellipsis when too long). The inside is left as it was.
    public mutating func box(_ rect: Rect, style: Style = .normal, chars: BoxChars = .light, title: String? = nil, titleStyle: Style = .title) {
        guard rect.rows >= 2, rect.cols >= 2 else { return }
        let top = rect.row, bottom = rect.bottom - 1, left = rect.col, right = rect.right - 1
        horizontalLine(row: top, col: left + 1, width: rect.cols - 2, style: style, chars: chars)
        horizontalLine(row: bottom, col: left + 1, width: rect.cols - 2, style: style, chars: chars)
        verticalLine(row: top + 1, col: left, height: rect.rows - 2, style: style, chars: chars)
        verticalLine(row: top + 1, col: right, height: rect.rows - 2, style: style, chars: chars)
        put(chars.topLeft, row: top, col: left, style: style)
        put(chars.topRight, row: top, col: right, style: style)
        put(chars.bottomLeft, row: bottom, col: left, style: style)
        put(chars.bottomRight, row: bottom, col: right, style: style)
        if let title, !title.isEmpty, rect.cols >= 7 {
            let room = rect.cols - 6
            let shown = TextLayout.truncate(title, width: room)
            write(" " + shown + " ", row: top, col: left + 2, style: titleStyle, maxWidth: room + 2)
        }
    }

    /// A rule across a box at `row`, joined to its sides: `├──────┤`.
    public mutating func separator(row: Int, in rect: Rect, style: Style = .normal, chars: BoxChars = .light) {
        guard rect.cols >= 2 else { return }
        horizontalLine(row: row, col: rect.col + 1, width: rect.cols - 2, style: style, chars: chars)
        put(chars.teeLeft, row: row, col: rect.col, style: style)
        put(chars.teeRight, row: row, col: rect.right - 1, style: style)
    }

    /// Copies another screen onto this one with its top-left corner at `at`, clipped.
    public mutating func draw(_ other: Screen, at: Position) {
        for r in 0 ..< other.rows {
            for c in 0 ..< other.cols {
                let cell = other[r, c]
                if cell.isContinuation { continue }
                let tr = at.row + r, tc = at.col + c
                guard contains(row: tr, col: tc) else { continue }
                if put(cell.character, row: tr, col: tc, style: cell.style) == 0 {
                    cells[index(tr, tc)].style = cell.style
                }
            }
        }
        if let cur = other.cursor {
            let p = Position(row: at.row + cur.row, col: at.col + cur.col)
            if contains(row: p.row, col: p.col) { cursor = p }
        }
    }

    /// The same frame with Unicode box drawing replaced by `+ - |`, for terminals or fonts
    /// that cannot show it.
    public func asciiFallback() -> Screen {
        var copy = self
        for i in copy.cells.indices where !copy.cells[i].isContinuation {
            if let a = Screen.asciiMap[copy.cells[i].character] { copy.cells[i].character = a }
        }
        return copy
    }

    private static let asciiMap: [Character: Character] = {
        var m: [Character: Character] = [:]
        for c in "─━═┄┅╌╍" { m[c] = "-" }
        for c in "│┃║┆┇╎╏" { m[c] = "|" }
        for c in "┌┐└┘├┤┬┴┼╭╮╯╰┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬" { m[c] = "+" }
        m["•"] = "*"
        m["‣"] = ">"
        m["▸"] = ">"
        m["►"] = ">"
        return m
    }()

    // MARK: - Reading back

    /// The frame as plain text: one line per row, trailing spaces removed. Double-width
    /// characters appear once (their continuation cell adds nothing).
    public var text: String {
        lines.joined(separator: "\n")
    }

    public var lines: [String] {
        (0 ..< size.rows).map { r in
            var s = ""
            for cell in row(r) where !cell.isContinuation { s.append(cell.character) }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The frame as text with styled runs marked: `⟨title⟩Hello⟨/⟩`. Unstyled text is left bare,
    /// trailing unstyled spaces are removed. Lets a test check that a span is highlighted.
    public var styledText: String {
        (0 ..< size.rows).map { r in
            var s = ""
            var current = Style.normal
            var pendingPlainSpaces = ""
            for cell in row(r) where !cell.isContinuation {
                if cell.style != current {
                    s += pendingPlainSpaces
                    pendingPlainSpaces = ""
                    if !current.isPlain { s += "⟨/⟩" }
                    if !cell.style.isPlain { s += "⟨\(cell.style.label)⟩" }
                    current = cell.style
                }
                if current.isPlain && cell.character == " " {
                    pendingPlainSpaces.append(" ")
                } else {
                    s += pendingPlainSpaces
                    pendingPlainSpaces = ""
                    s.append(cell.character)
                }
            }
            if !current.isPlain { s += pendingPlainSpaces + "⟨/⟩" }
            return s
        }.joined(separator: "\n")
    }

    /// Where `needle` first appears in the plain text of a row, as a grid position.
    public func find(_ needle: String) -> Position? {
        guard !needle.isEmpty else { return nil }
        let target = Array(needle)
        for r in 0 ..< size.rows {
            var chars: [(Character, Int)] = []
            for c in 0 ..< size.cols where !self[r, c].isContinuation { chars.append((self[r, c].character, c)) }
            guard chars.count >= target.count else { continue }
            for start in 0 ... chars.count - target.count {
                var ok = true
                for k in 0 ..< target.count where chars[start + k].0 != target[k] { ok = false; break }
                if ok { return Position(row: r, col: chars[start].1) }
            }
        }
        return nil
    }

    // MARK: - Internals

    private func index(_ row: Int, _ col: Int) -> Int { row * size.cols + col }

    /// Blanks the wide character that covers (row, col), if any, before that cell is reused.
    private mutating func detach(row: Int, col: Int) {
        let i = index(row, col)
        if cells[i].isContinuation {
            if col > 0 { cells[i - 1] = Cell(" ", style: cells[i - 1].style) }
            cells[i] = Cell(" ", style: cells[i].style)
        } else if col + 1 < size.cols, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
            cells[i] = Cell(" ", style: cells[i].style)
        }
    }
}
