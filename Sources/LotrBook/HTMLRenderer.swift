import LotrFlow

/// One self-contained HTML file: styles inline, no script, no fetched resource; readable on a
/// phone (one column, wrapping code), printable (each chapter from a new page, addresses printed).
struct HTMLRenderer {
    var language: String

    func render(title: String, _ blocks: [Block]) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="\(escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(HTMLRenderer.style)</style>
        </head>
        <body>
        <main>

        """
        for b in blocks { block(b, into: &out) }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static let style = """

    body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK TC", sans-serif; line-height: 1.5; margin: 0; color: #111; background: #fff; }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.35rem; border-bottom: 2px solid #333; padding-bottom: .2rem; }
    h3 { font-size: 1.15rem; margin-top: 2rem; } h4 { font-size: 1rem; margin: 1.8rem 0 .3rem; border-top: 1px solid #bbb; padding-top: .6rem; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; background: #f2f2f2; padding: 0 .15em; overflow-wrap: anywhere; }
    a { color: #0645ad; } a.address { overflow-wrap: anywhere; }
    dl { display: grid; grid-template-columns: minmax(7rem, 12rem) 1fr; gap: .2rem 1rem; margin: .5rem 0; }
    dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
    .note { border-left: 4px solid #b35900; background: #fff4e5; padding: .3rem .6rem; }
    .status { font-size: .8em; font-weight: 700; padding: 0 .3em; border: 1px solid; border-radius: .2em; white-space: nowrap; }
    .status-verified { color: #1a5e1a; } .status-secondary { color: #8a5a00; } .status-unverified { color: #a00; }
    .drawing { overflow: auto; border: 1px solid #ccc; max-height: 80vh; }
    li > p { margin: .15rem 0; }
    @media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-left: .8rem; } main { padding: .6rem; } }
    @media print {
      .chapter { break-before: page; page-break-before: always; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      .drawing { overflow: visible; max-height: none; border: none; }
      .drawing svg { max-width: 100%; height: auto; }
      a { color: #000; text-decoration: none; }
    }

    """

    func block(_ b: Block, into out: inout String) {
        switch b {
        case .heading(let level, let anchor, let xs):
            out += "<h\(level)\(anchor.map { " id=\"\(escape($0))\"" } ?? "")>\(inlines(xs))</h\(level)>\n"
        case .paragraph(let xs):
            if !xs.isEmpty { out += "<p>\(inlines(xs))</p>\n" }
        case .note(let xs):
            out += "<p class=\"note\">\(inlines(xs))</p>\n"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)>\n"
            for item in items {
                out += "<li>"
                for b in item { block(b, into: &out) }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .fields(let fields):
            out += "<dl>\n"
            for f in fields { out += "<dt>\(escape(f.label))</dt><dd>\(inlines(f.value))</dd>\n" }
            out += "</dl>\n"
        case .chapter(let anchor, let blocks):
            out += "<section class=\"chapter\" id=\"\(escape(anchor))\">\n"
            for b in blocks { block(b, into: &out) }
            out += "</section>\n"
        case .picture(let svg, _, let caption):
            if let svg, let start = svg.range(of: "<svg") {
                out += "<figure>\n<div class=\"drawing\">\n\(svg[start.lowerBound...])</div>\n<figcaption>\(inlines(caption))</figcaption>\n</figure>\n"
            } else {
                out += "<p class=\"note\">\(inlines(caption))</p>\n"
            }
        }
    }

    func inlines(_ xs: [Inline]) -> String { xs.map(inline).joined() }

    func inline(_ x: Inline) -> String {
        switch x {
        case .text(let s): return escape(s)
        case .code(let xs): return "<code>\(inlines(xs))</code>"
        case .strong(let xs): return "<strong>\(inlines(xs))</strong>"
        case .emphasis(let xs): return "<em>\(inlines(xs))</em>"
        case .link(let anchor, let xs): return "<a href=\"#\(escape(anchor))\">\(inlines(xs))</a>"
        case .address(let url): return "<a class=\"address\" href=\"\(escape(url))\">\(escape(url))</a>"
        case .status(let s):
            return "<span class=\"status status-\(s.rawValue)\">\(escape(BookStrings.text(s.rawValue, language)))</span>"
        case .target(let anchor): return "<span id=\"\(escape(anchor))\"></span>"
        }
    }

    func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
