import LotrFlow

/// What routes and outcomes say beyond their condition and target: the hand-off's `because`,
/// its source and status, and the dates the person must act on.
extension Book {
    func routeDetails(_ r: Route) -> [Block] {
        var fields: [Field] = []
        if let because = r.because {
            fields.append(Field(t("Because"), template(because)))
            fields.append(Field(t("Status"), [.text(routeStatus(r.status))]))
        }
        if let source = r.source { fields.append(Field(t("Source"), citation(source))) }
        var out: [Block] = fields.isEmpty ? [] : [.fields(fields)]
        if !r.dates.isEmpty { out += dateList(r.dates) }
        return out
    }

    func outcomeExtras(_ o: Outcome) -> [Block] {
        var out: [Block] = []
        if let because = o.because { out.append(.fields([Field(t("Because"), template(because))])) }
        if !o.dates.isEmpty { out += dateList(o.dates) }
        return out
    }

    func routeStatus(_ s: RouteStatus) -> String {
        let zh = language == "zh-Hant"
        switch s {
        case .fits: return zh ? "適合" : "fits"
        case .doesNotFit: return zh ? "不適合" : "does not fit"
        case .notChecked: return zh ? "未檢查（例如須身在英國）" : "not checked (e.g. it needs the person in the UK)"
        case .notReached: return zh ? "未到達" : "not reached"
        }
    }

    /// Each date: its id, when it applies, how it is worked out (as written), what it means, its source.
    func dateList(_ dates: [DateRule]) -> [Block] {
        [.paragraph([.strong([.text(t("Dates"))])]),
         .list(ordered: false, dates.map { d in
            var line: [Inline] = [.code([.text(d.id)]), .text(": ")] + template(d.text)
            line += [.text(" = "), condition(d.date.text)]
            var blocks: [Block] = [.paragraph(line)]
            blocks.append(.paragraph(d.condition.map { [.text(t("when") + " "), condition($0.text)] } ?? [.text(t("always"))]))
            blocks.append(.paragraph([.text(t("Source") + ": ")] + citation(d.source)))
            return blocks
         })]
    }

    func routeCitations(_ q: Question) -> [CitedPlace] {
        var out: [CitedPlace] = []
        for (i, r) in q.next.enumerated() {
            let ref = RouteRef(question: q.id, index: i)
            let label = "\(q.id) \(t("Route").lowercased()) \(i + 1)"
            if let s = r.source { out.append(CitedPlace(kind: .route, anchor: ref.anchor, label: label, citation: s)) }
            for d in r.dates { out.append(CitedPlace(kind: .date, anchor: ref.anchor, label: d.id, citation: d.source)) }
        }
        return out
    }

    func outcomeDateCitations(_ o: Outcome) -> [CitedPlace] {
        o.dates.map { CitedPlace(kind: .date, anchor: o.id, label: $0.id, citation: $0.source) }
    }
}
