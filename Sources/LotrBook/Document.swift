import LotrFlow

/// The book as a small document tree, so that the HTML and the Markdown say exactly the same
/// things: one builder decides the content, two renderers decide only the markup.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    /// Code as written in a flow file (a condition, an id); its parts may be links.
    case code([Inline])
    case strong([Inline])
    case emphasis([Inline])
    /// A link to an anchor in the book (a question or outcome id, or a named section).
    case link(anchor: String, [Inline])
    /// A link to an address outside the book (a source's page). Printed in full, so it survives printing.
    case address(String)
    /// A source's status: verified, secondary or unverified.
    case status(SourceDocument.Status)
    /// A place links can point at that is not a heading (a route of a question).
    case target(String)
}

public indirect enum Block: Hashable, Sendable {
    /// A heading with the anchor other parts link to.
    case heading(level: Int, anchor: String?, [Inline])
    case paragraph([Inline])
    case list(ordered: Bool, [[Block]])
    /// Label–value pairs, one a line.
    case fields([Field])
    /// A notice a reader must not miss (e.g. a point not verified).
    case note([Inline])
    /// A part printed from a new page (each stage).
    case chapter(anchor: String, [Block])
    /// The decision tree: an SVG drawing for HTML, and a Mermaid text for Markdown.
    case picture(svg: String?, mermaid: String, caption: [Inline])
}

public struct Field: Hashable, Sendable {
    public var label: String
    public var value: [Inline]
    public init(_ label: String, _ value: [Inline]) {
        self.label = label
        self.value = value
    }
}

extension Inline {
    /// The text without markup, for headings' slugs and tests.
    var plain: String {
        switch self {
        case .text(let s): return s
        case .code(let xs), .strong(let xs), .emphasis(let xs), .link(_, let xs): return xs.map(\.plain).joined()
        case .address(let url): return url
        case .status(let s): return s.rawValue
        case .target: return ""
        }
    }
}
