import LotrFlow

/// CommonMark with GitHub's table-free subset: headings, lists, emphasis, code spans, links and
/// autolinks only, so it reads the same on any forge. Anchors are the forge's heading slugs:
/// question and outcome headings are their ids, so `#lr_start_date` works there too.
struct MarkdownRenderer {
    var language: String

    func render(_ blocks: [Block]) -> String {
        var slugs = SlugTable()
        collect(blocks, into: &slugs)
        var out = ""
        for b in blocks { block(b, depth: 0, slugs: slugs, into: &out) }
        return out
    }

    /// GitHub's and GitLab's rule: lower case; letters, digits, `_`, `-` and spaces kept, spaces
    /// become `-`; a repeated slug gets `-1`, `-2`, ….
    struct SlugTable {
        var byAnchor: [String: String] = [:]
        var used: [String: Int] = [:]
        mutating func add(anchor: String?, heading: String) -> String {
            var slug = ""
            for c in heading.lowercased() {
                if c == " " { slug.append("-") } else if c == "-" || c == "_" || c.isLetter || c.isNumber { slug.append(c) }
            }
            if let n = used[slug] {
                used[slug] = n + 1
                slug += "-\(n + 1)"
            } else {
                used[slug] = 0
            }
            if let anchor { byAnchor[anchor] = slug }
            return slug
        }
        /// A route's anchor points at its question's heading; anything else at its own slug.
        func resolve(_ anchor: String) -> String {
            if let s = byAnchor[anchor] { return s }
            if let r = anchor.range(of: "-route-"), let s = byAnchor[String(anchor[..<r.lowerBound])] { return s }
            return anchor.lowercased()
        }
    }

    func collect(_ blocks: [Block], into slugs: inout SlugTable) {
        for b in blocks {
            switch b {
            case .heading(_, let anchor, let xs): _ = slugs.add(anchor: anchor, heading: xs.map(\.plain).joined())
            case .chapter(let anchor, let inner):
                if case .heading(_, nil, let xs)? = inner.first {
                    _ = slugs.add(anchor: anchor, heading: xs.map(\.plain).joined())
                    collect(Array(inner.dropFirst()), into: &slugs)
                } else {
                    collect(inner, into: &slugs)
                }
            case .list(_, let items): for item in items { collect(item, into: &slugs) }
            default: break
            }
        }
    }

    func block(_ b: Block, depth: Int, slugs: SlugTable, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch b {
        case .heading(let level, _, let xs):
            out += "\n" + String(repeating: "#", count: level) + " " + inlines(xs, slugs) + "\n\n"
        case .paragraph(let xs):
            if !xs.isEmpty { out += indent + inlines(xs, slugs) + "\n\n" }
        case .note(let xs):
            out += indent + "> **⚠** " + inlines(xs, slugs) + "\n\n"
        case .list(let ordered, let items):
            for (i, item) in items.enumerated() {
                let marker = ordered ? "\(i + 1). " : "- "
                var first = true
                for inner in item {
                    var text = ""
                    block(inner, depth: depth + (ordered ? 2 : 1), slugs: slugs, into: &text)
                    if first {
                        // The item's first paragraph sits on the marker's line.
                        let trimmed = text.drop { $0 == " " }
                        out += indent + marker + trimmed
                        first = false
                    } else {
                        out += text
                    }
                }
                if item.isEmpty { out += indent + marker + "\n" }
            }
            out += "\n"
        case .fields(let fields):
            for f in fields { out += indent + "- **\(escape(f.label)):** " + inlines(f.value, slugs) + "\n" }
            out += "\n"
        case .chapter(_, let blocks):
            out += "\n---\n"
            for b in blocks { block(b, depth: depth, slugs: slugs, into: &out) }
        case .picture(_, let mermaid, _):
            out += indent + (language == "zh-Hant"
                ? "以下是 Mermaid 格式的決策樹（GitHub、GitLab 等平台會把它畫出來；其他平台顯示文字）。HTML 版本內嵌 Graphviz 繪製的圖。"
                : "The decision tree in Mermaid: forges such as GitHub and GitLab draw it, others show the text. The HTML book embeds the Graphviz drawing.") + "\n\n"
            out += "```mermaid\n" + mermaid + "```\n\n"
        }
    }

    func inlines(_ xs: [Inline], _ slugs: SlugTable) -> String { xs.map { inline($0, slugs) }.joined() }

    func inline(_ x: Inline, _ slugs: SlugTable) -> String {
        switch x {
        case .text(let s): return escape(s)
        case .code(let xs):
            // Code spans cannot hold links: plain runs become spans, linked ids linked spans.
            // Neighbouring plain runs are joined first: two spans side by side would read as one ``…`` fence.
            var out = "", run = ""
            for part in xs {
                if case .link(let anchor, let inner) = part {
                    out += span(run) + "[\(span(inner.map(\.plain).joined()))](#\(slugs.resolve(anchor)))"
                    run = ""
                } else {
                    run += part.plain
                }
            }
            return out + span(run)
        case .strong(let xs): return "**" + inlines(xs, slugs) + "**"
        case .emphasis(let xs):
            // `*` must touch the words to emphasise them: spaces at either end stay outside.
            let inner = inlines(xs, slugs)
            let lead = inner.prefix { $0 == " " }, trail = inner.reversed().prefix { $0 == " " }
            let core = inner.trimmingSpaces
            return core.isEmpty ? inner : lead + "*" + core + "*" + String(trail)
        case .link(let anchor, let xs): return "[\(inlines(xs, slugs))](#\(slugs.resolve(anchor)))"
        case .address(let url): return "<\(url)>"
        case .status(let s): return "**[\(BookStrings.text(s.rawValue, language))]**"
        case .target: return ""
        }
    }

    func span(_ s: String) -> String {
        guard !s.isEmpty else { return "" }
        let text = String(s.map { $0 == "\n" ? " " : $0 })
        let fence = text.contains("`") ? "``" : "`"
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ")) ? " " : ""
        return fence + pad + text + pad + fence
    }

    func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out.append("\\"); out.append(c)
            case "\n": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }
}
