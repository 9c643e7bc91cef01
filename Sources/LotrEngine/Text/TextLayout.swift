/// Line layout measured in terminal cells (see `DisplayWidth`), never in characters or bytes,
/// so Chinese and English text wrap to the same column. Work is done on grapheme clusters, so a
/// letter is never separated from its accents and an emoji sequence is never cut.
public enum TextLayout {
    public enum Alignment: Sendable {
        case left, center, right
    }

    /// Splits `text` into lines no wider than `width` cells.
    ///
    /// - Explicit line breaks end a paragraph; an empty paragraph gives an empty line.
    /// - Latin text breaks at spaces; the spaces at a break are dropped, spaces inside a line and
    ///   at the start of a paragraph (indentation) are kept.
    /// - Wide (CJK) characters may break between any two of them, except that closing punctuation
    ///   such as "，。）" never starts a line and opening brackets never end one.
    /// - A word longer than the width is cut between characters.
    /// - Tabs count as one space; other control characters are dropped (they would move the
    ///   terminal's cursor).
    /// A width below 2 cannot hold a wide character: each then gets a line of its own.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var paragraph: [Character] = []
        for c in text {
            if c.isNewline {
                lines += wrapParagraph(paragraph, width: width)
                paragraph.removeAll(keepingCapacity: true)
            } else {
                paragraph.append(c)
            }
        }
        lines += wrapParagraph(paragraph, width: width)
        return lines
    }

    /// `text` on one line, cut to at most `width` cells with `ellipsis` marking the cut.
    /// Line breaks become spaces. When even the ellipsis does not fit, the text is cut without it.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        let flat = singleLine(text)
        if DisplayWidth.of(flat) <= width { return flat }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        if width < ellipsisWidth || width <= 0 { return prefix(flat, width: max(0, width)) }
        var kept = prefix(flat, width: width - ellipsisWidth)
        while kept.last == " " { kept.removeLast() }
        return kept + ellipsis
    }

    /// `text` on one line, exactly `width` cells wide: padded with spaces, or truncated with an
    /// ellipsis when too wide (a wide character cut at the edge leaves one space instead).
    public static func pad(_ text: String, width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let fitted = truncate(text, width: width, ellipsis: ellipsis)
        let gap = max(0, width - DisplayWidth.of(fitted))
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
        }
    }

    /// The longest start of `text` that fits in `width` cells.
    public static func prefix(_ text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return out
    }

    // MARK: - Internals

    private static func singleLine(_ text: String) -> String {
        var out = ""
        for c in text {
            if c.isNewline || c == "\t" {
                out.append(" ")
            } else if !isControl(c) {
                out.append(c)
            }
        }
        return out
    }

    public static func isControl(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return true }
        return s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)
    }

    /// Characters after which a line may not end.
    private static let noBreakAfter: Set<Character> = ["（", "「", "『", "【", "《", "〈", "〔", "“", "‘", "(", "["]
    /// Characters before which a line may not start.
    private static let noBreakBefore: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "〉", "〕", "”", "’",
        "…", "・", "ー", ",", ".", ";", ":", "!", "?", ")", "]",
    ]

    private enum Piece {
        case space(Character)
        case word([Character], width: Int)
    }

    /// Cuts a paragraph into spaces and unbreakable pieces: Latin words, or single wide
    /// characters with any punctuation that must stay attached to them.
    private static func pieces(_ paragraph: [Character]) -> [Piece] {
        var out: [Piece] = []
        var word: [Character] = []
        var wordWidth = 0
        func flush() {
            if !word.isEmpty { out.append(.word(word, width: wordWidth)) }
            word = []
            wordWidth = 0
        }
        var previous: Character? = nil
        for raw in paragraph {
            let c: Character = raw == "\t" ? " " : raw
            if c != " " && isControl(c) { continue }
            if c == " " || c == "\u{3000}" {
                flush()
                out.append(.space(c))
                previous = c
                continue
            }
            if c == "\u{200B}" {  // zero-width space: a break opportunity only
                flush()
                previous = c
                continue
            }
            let w = DisplayWidth.of(c)
            let isWide = w == 2
            let previousWide = previous.map { DisplayWidth.of($0) == 2 } ?? false
            // A break is allowed before a wide character and after one, unless punctuation forbids it.
            let breakHere = !word.isEmpty && (isWide || previousWide)
                && !noBreakBefore.contains(c)
                && !(previous.map { noBreakAfter.contains($0) } ?? false)
            if breakHere { flush() }
            word.append(c)
            wordWidth += w
            previous = c
        }
        flush()
        return out
    }

    private static func wrapParagraph(_ paragraph: [Character], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var pendingSpaces = ""
        var pendingWidth = 0
        var atParagraphStart = true

        func emit() {
            lines.append(line)
            line = ""
            lineWidth = 0
            pendingSpaces = ""
            pendingWidth = 0
        }

        for piece in pieces(paragraph) {
            switch piece {
            case .space(let c):
                pendingSpaces.append(c)
                pendingWidth += DisplayWidth.of(c)
            case .word(let chars, let w):
                let keepSpaces = !line.isEmpty || atParagraphStart
                let lead = keepSpaces ? pendingWidth : 0
                if lineWidth + lead + w <= width {
                    if keepSpaces { line += pendingSpaces; lineWidth += pendingWidth }
                } else if !line.isEmpty || (atParagraphStart && pendingWidth > 0) {
                    if !line.isEmpty { emit() } else { pendingSpaces = ""; pendingWidth = 0 }
                }
                pendingSpaces = ""
                pendingWidth = 0
                atParagraphStart = false
                if lineWidth + w <= width {
                    line.append(contentsOf: chars)
                    lineWidth += w
                } else {
                    // Longer than a whole line: cut between characters.
                    for c in chars {
                        let cw = DisplayWidth.of(c)
                        if lineWidth + cw > width && !line.isEmpty { emit() }
                        line.append(c)
                        lineWidth += cw
                    }
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
