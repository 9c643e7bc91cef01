import LotrEngine
import LotrFlow

// MARK: Catalogues

extension Book {
    func catalogues() -> Block {
        var body: [Block] = [.heading(level: 2, anchor: nil, [.text(t("Forms, evidence, rates and glossary"))])]
        let usedBy = outcomesUsing()
        body.append(.heading(level: 3, anchor: nil, [.text(t("Forms"))]))
        for id in flows.forms.keys.sorted() {
            let f = flows.forms[id]!
            body.append(.heading(level: 4, anchor: "form-\(id)", [.text(f.code)]))
            var fields = [Field(t("Title"), localized(f.name)), Field(t("Where"), [.text(place(f.place))])]
            if let url = f.source.document.url { fields.append(Field(t("Address"), [.address(url)])) }
            fields.append(Field(t("Source"), citation(f.source)))
            fields.append(Field(t("Used by"), links(usedBy["form:\(id)"] ?? [])))
            body.append(.fields(fields))
        }
        body.append(.heading(level: 3, anchor: nil, [.text(t("Evidence items"))]))
        for id in flows.evidence.keys.sorted() {
            let e = flows.evidence[id]!
            body.append(.heading(level: 4, anchor: "evidence-\(id)", [.code([.text(id)])]))
            var fields = [Field(t("Title"), localized(e.text))]
            if let help = e.help { fields.append(Field(t("Help"), localized(help))) }
            fields.append(Field(t("Source"), citation(e.source)))
            fields.append(Field(t("Used by"), links(usedBy["evidence:\(id)"] ?? [])))
            body.append(.fields(fields))
        }
        body.append(.heading(level: 3, anchor: nil, [.text(t("Rates and thresholds"))]))
        for id in flows.rates.keys.sorted() {
            let r = flows.rates[id]!
            body.append(.heading(level: 4, anchor: "rate-\(id)", [.code([.text(id)])]))
            body.append(.fields([Field(t("Title"), localized(r.name)),
                                 Field(t("Used by"), links(usedBy["rate:\(id)"] ?? []))]))
            body.append(.paragraph([.strong([.text(t("Values by date"))])]))
            body.append(.list(ordered: false, r.values.map { v in
                [.paragraph([.text("\(t("from")) \(v.from.iso): \(amount(v.value, r)) — ")] + citation(v.source))]
            }))
        }
        if !flows.glossary.isEmpty {
            body.append(.heading(level: 3, anchor: nil, [.text(t("Glossary"))]))
            for id in flows.glossary.keys.sorted() {
                let g = flows.glossary[id]!
                body.append(.heading(level: 4, anchor: "term-\(id)", localized(g.term)))
                body.append(.paragraph(localized(g.text)))
            }
        }
        return .chapter(anchor: "catalogues", body)
    }

    /// "form:ID", "evidence:ID", "rate:ID" → the outcomes (and, for rates, questions) using it.
    func outcomesUsing() -> [String: [String]] {
        var out: [String: [String]] = [:]
        func add(_ key: String, _ id: String) { if !(out[key]?.contains(id) ?? false) { out[key, default: []].append(id) } }
        for id in flows.questionOrder {
            for r in flows.questions[id]!.next {
                for name in r.condition?.expr.identifiers ?? [] where flows.rates[name] != nil { add("rate:\(name)", id) }
            }
        }
        for id in flows.outcomeOrder {
            let o = flows.outcomes[id]!
            if let f = o.form { add("form:\(f)", id) }
            for e in o.evidence { add("evidence:\(e.item)", id) }
            if let f = o.fee { add("rate:\(f)", id) }
            if let s = o.ihs { add("rate:\(s.rate)", id) }
        }
        return out
    }

    func links(_ ids: [String]) -> [Inline] {
        ids.enumerated().flatMap { i, id -> [Inline] in (i > 0 ? [.text(", ")] : []) + [.link(anchor: id, [.code([.text(id)])])] }
    }
}

// MARK: Indexes

extension Book {
    /// Every cited place, in book order.
    func citedPlaces() -> [CitedPlace] {
        var out: [CitedPlace] = []
        for id in flows.questionOrder {
            let q = flows.questions[id]!
            out.append(CitedPlace(kind: .question, anchor: id, label: id, citation: q.source))
            out += routeCitations(q)
        }
        for id in flows.outcomeOrder {
            let o = flows.outcomes[id]!
            if let s = o.source { out.append(CitedPlace(kind: .outcome, anchor: id, label: id, citation: s)) }
            out += outcomeDateCitations(o)
        }
        for id in flows.evidence.keys.sorted() {
            out.append(CitedPlace(kind: .evidence, anchor: "evidence-\(id)", label: id, citation: flows.evidence[id]!.source))
        }
        for id in flows.forms.keys.sorted() {
            out.append(CitedPlace(kind: .form, anchor: "form-\(id)", label: flows.forms[id]!.code, citation: flows.forms[id]!.source))
        }
        for id in flows.rates.keys.sorted() {
            for v in flows.rates[id]!.values {
                out.append(CitedPlace(kind: .rate, anchor: "rate-\(id)", label: "\(id) \(t("from")) \(v.from.iso)", citation: v.source))
            }
        }
        return out
    }

    func kindLabel(_ k: CitedPlace.Kind) -> String {
        switch k {
        case .question: return t("asked in")
        case .route: return t("routes")
        case .outcome: return t("decides")
        case .date: return t("dates")
        case .evidence: return t("evidence")
        case .form: return t("forms")
        case .rate: return t("fees and rates")
        }
    }

    func paragraphIndex() -> Block {
        var body: [Block] = [.heading(level: 2, anchor: nil, [.text(t("Index by cited paragraph"))])]
        var byDocument: [String: [String: [CitedPlace]]] = [:]
        for place in citedPlaces() {
            let paragraphs = Paragraphs.split(place.citation.section)
            for p in paragraphs.isEmpty ? ["—"] : paragraphs {
                byDocument[place.citation.document.title, default: [:]][p, default: []].append(place)
            }
        }
        for title in byDocument.keys.sorted() {
            body.append(.heading(level: 3, anchor: nil, [.text(title)]))
            let entries = byDocument[title]!
            body.append(.list(ordered: false, entries.keys.sorted(by: Paragraphs.naturalLess).map { paragraph in
                var line: [Inline] = [.strong([.text(paragraph)]), .text(" →")]
                let places = entries[paragraph]!
                var first = true
                for kind in CitedPlace.Kind.allCases {
                    let ofKind = places.filter { $0.kind == kind }
                    guard !ofKind.isEmpty else { continue }
                    line.append(.text((first ? " " : "; ") + kindLabel(kind) + " "))
                    first = false
                    var seen: Set<String> = []
                    for (i, p) in ofKind.enumerated() where seen.insert(p.label).inserted {
                        line += (i > 0 ? [.text(", ")] : []) + [.link(anchor: p.anchor, [.code([.text(p.label)])])]
                    }
                }
                return [.paragraph(line)]
            }))
        }
        return .chapter(anchor: "index-paragraphs", body)
    }

    func statusIndex() -> Block {
        var body: [Block] = [.heading(level: 2, anchor: nil, [.text(t("Index by source status"))])]
        body.append(.paragraph([.text(t("Not verified against a primary source"))]))
        let places = citedPlaces()
        for status in [SourceDocument.Status.unverified, .secondary] {
            let matching = places.filter { $0.citation.status == status }
            body.append(.heading(level: 3, anchor: "status-\(status.rawValue)", [.status(status), .text(" (\(matching.count))")]))
            body.append(.list(ordered: false, matching.map { p in
                [.paragraph([.text(kindLabel(p.kind) + " "), .link(anchor: p.anchor, [.code([.text(p.label)])]), .text(": ")] + citation(p.citation))]
            }))
        }
        var documents: [(SourceDocument, [String])] = []
        for file in flows.files {
            for d in file.sources where d.status != .verified {
                let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
                if let i = documents.firstIndex(where: { $0.0.id == d.id && $0.0.title == d.title }) {
                    documents[i].1.append(name)
                } else {
                    documents.append((d, [name]))
                }
            }
        }
        body.append(.heading(level: 3, anchor: nil, [.text(t("Source documents not verified"))]))
        body.append(.list(ordered: false, documents.map { d, files in
            var line: [Inline] = [.code([.text(d.id)]), .text(" " + d.title + (d.version.map { " (\($0))" } ?? "") + " "), .status(d.status)]
            if let url = d.url { line += [.text(" "), .address(url)] }
            line.append(.text(" — " + files.joined(separator: ", ")))
            return [.paragraph(line)]
        }))
        return .chapter(anchor: "index-status", body)
    }
}

// MARK: Coverage and the picture

extension Book {
    func coverageChapter() -> Block {
        var body: [Block] = [.heading(level: 2, anchor: nil, [.text(t("Coverage by the scenario tables"))])]
        guard let coverage else {
            body.append(.note([.text(language == "zh-Hant" ? "沒有讀取情境測試表。" : "No scenario tables were read.")]))
            return .chapter(anchor: "coverage", body)
        }
        let untaken = coverage.untakenRoutes(flows)
        let routeCount = flows.questions.values.reduce(0) { $0 + $1.next.count }
        let reached = flows.outcomeOrder.filter { coverage.byOutcome[$0] != nil }.count
        body.append(.paragraph([.text(language == "zh-Hant"
            ? "\(coverage.rows.count) 個情境測試列（來自 \(scenarioSource ?? "?")）；到達 \(reached)/\(flows.outcomes.count) 個結果；經過 \(routeCount - untaken.count)/\(routeCount) 條路線。"
            : "\(coverage.rows.count) scenario rows (from \(scenarioSource ?? "?")); they reach \(reached) of \(flows.outcomes.count) outcomes and take \(routeCount - untaken.count) of \(routeCount) routes.")]))

        body.append(.heading(level: 3, anchor: "coverage-untaken", [.text(t("Routes no scenario row takes")), .text(" (\(untaken.count))")]))
        if untaken.isEmpty {
            body.append(.paragraph([.text(t("Every route is taken by at least one scenario row."))]))
        } else {
            for stage in flows.stages {
                let inStage = untaken.filter { flows.questions[$0.question]?.stage == stage.stage }
                guard !inStage.isEmpty else { continue }
                body.append(.paragraph([.strong([.link(anchor: stageAnchor(stage.stage), [.text(stage.title.text(language))]), .text(" (\(inStage.count))")])]))
                body.append(.list(ordered: false, inStage.map { ref in [.paragraph(routeLine(ref))] }))
            }
        }
        let mismatches = coverage.mismatches
        if !mismatches.isEmpty {
            body.append(.heading(level: 3, anchor: "coverage-problems", [.text(t("Rows that reach no outcome, or not the one they expect"))]))
            body.append(.list(ordered: false, mismatches.map { i in
                let row = coverage.rows[i]
                var line: [Inline] = [.code([.text(row.scenario.reference)]), .text(" \(row.scenario.name): \(t("expects")) "),
                                      .code([.text(row.scenario.outcome)]), .text(", \(t("reaches")) ")]
                line.append(row.reached.map { .link(anchor: $0, [.code([.text($0)])]) } ?? .text(t("no outcome")))
                if let p = row.problem { line.append(.text(" (\(p))")) }
                return [.paragraph(line)]
            }))
        }
        body.append(.heading(level: 3, anchor: "coverage-outcomes", [.text(t("Per outcome"))]))
        body.append(.list(ordered: false, flows.outcomeOrder.map { id in
            let rows = coverage.byOutcome[id] ?? []
            var blocks: [Block] = [.paragraph(nodeLink(id) + [.text(" — \(rows.count)")])]
            if !rows.isEmpty { blocks.append(rowList(rows)) }
            return blocks
        }))
        body.append(.heading(level: 3, anchor: "coverage-routes", [.text(t("Per route"))]))
        var perRoute: [[Block]] = []
        for stage in flows.stages {
            for id in flows.questionOrder where flows.questions[id]?.stage == stage.stage {
                for i in flows.questions[id]!.next.indices {
                    let ref = RouteRef(question: id, index: i)
                    let rows = coverage.byRoute[ref] ?? []
                    var blocks: [Block] = [.paragraph(routeLine(ref) + [.text(" — \(rows.count)")])]
                    if !rows.isEmpty { blocks.append(rowList(rows)) }
                    perRoute.append(blocks)
                }
            }
        }
        body.append(.list(ordered: false, perRoute))
        return .chapter(anchor: "coverage", body)
    }

    /// "`lr_start_date` route 2: if … → target".
    func routeLine(_ ref: RouteRef) -> [Inline] {
        let q = flows.questions[ref.question]!
        let r = q.next[ref.index]
        var line: [Inline] = [.link(anchor: ref.anchor, [.code([.text(ref.question)]), .text(" \(t("Route").lowercased()) \(ref.index + 1)")]), .text(": ")]
        line += r.condition.map { [.text(t("if") + " "), condition($0.text)] } ?? [.text(t("otherwise"))]
        switch r.target {
        case .node(let n): line += [.text(" → "), .link(anchor: n, [.code([.text(n)])])]
        case .nextStage: line.append(.text(" → " + t("hands on to the next stage")))
        }
        return line
    }

    func pictureChapter() -> Block {
        let caption: [Inline] = svg != nil
            ? [.text(language == "zh-Hant"
                ? "由 Graphviz（dot -Tsvg）繪製；每個方框連結到該問題或結果。"
                : "Drawn by Graphviz (dot -Tsvg) from the flows; each box links to its question or outcome.")]
            : [.text(pictureNote ?? (language == "zh-Hant"
                ? "沒有圖：找不到 Graphviz（dot）。安裝 Debian 套件 graphviz 後再執行 lotr book；本手冊其餘部分不受影響。"
                : "No picture: Graphviz (dot) was not found. Install the Debian package graphviz and run lotr book again; the rest of the book does not need it."))]
        return .chapter(anchor: "picture", [
            .heading(level: 2, anchor: nil, [.text(t("The decision tree"))]),
            .picture(svg: svg, mermaid: GraphDrawing(flows: flows).mermaid(), caption: caption),
        ])
    }
}

