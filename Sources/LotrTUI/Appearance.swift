/// How a `Style` looks on a given terminal. Pure, so the choice of colours and the monochrome
/// fallback are tested without curses; the adapter turns this into curses attributes.
///
/// Meaning never rests on colour alone: errors are bold, selections reversed, terms underlined
/// in both modes; colour only adds to that. Foregrounds are bright-safe on dark and light
/// backgrounds (no blue text), and the terminal's own background is kept.
public struct Appearance: Hashable, Sendable {
    public enum Color: Int16, Sendable, CaseIterable {
        case yellow = 1, red, cyan
    }

    public var color: Color?
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false

    public init(color: Color? = nil, bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static func of(_ style: Style, colors: Bool) -> Appearance {
        var a: Appearance
        switch style.role {
        case .normal: a = Appearance()
        case .title: a = Appearance(bold: true)
        case .dim: a = Appearance(dim: true)
        case .highlight: a = colors ? Appearance(color: .yellow, bold: true) : Appearance(bold: true, underline: true)
        case .selected: a = Appearance(bold: true, reverse: true)
        case .error: a = colors ? Appearance(color: .red, bold: true) : Appearance(bold: true, underline: true)
        case .accent: a = colors ? Appearance(color: .cyan, bold: true) : Appearance(bold: true)
        case .term: a = colors ? Appearance(color: .cyan, underline: true) : Appearance(underline: true)
        }
        if style.bold { a.bold = true }
        if style.reverse { a.reverse.toggle() }
        if style.underline { a.underline = true }
        return a
    }

    /// Colour is used only when the terminal has it and the user has not asked for none
    /// (https://no-color.org: `NO_COLOR` set to a non-empty value).
    public static func wantsColor(terminalHasColors: Bool, environment noColor: String?) -> Bool {
        guard terminalHasColors else { return false }
        if let noColor, !noColor.isEmpty { return false }
        return true
    }
}
