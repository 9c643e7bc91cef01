import LotrEngine
import LotrFlow

extension Book {
    func stageChapter(_ stage: StageFlow, number: Int) -> Block {
        var body: [Block] = [.heading(level: 2, anchor: nil, [.text(stageLabel(number, stage))])]
        body.append(.fields([
            Field(t("File"), [.code([.text(stage.info.path.split(separator: "/").last.map(String.init) ?? stage.info.path)])]),
            Field(t("Reviewed"), [.text(stage.info.reviewed.iso)]),
            Field(t("Review by"), [.text(stage.info.reviewBy.iso)]),
            Field(t("First question"), nodeLink(stage.start)),
        ] + (stage.notReached.map { [Field(t("When an earlier stage's outcome is reached"), localized($0))] } ?? [])))
        if !stage.info.sources.isEmpty {
            body.append(.paragraph([.strong([.text(t("Sources this file cites"))])]))
            body.append(.list(ordered: false, stage.info.sources.map { d in
                var line: [Inline] = [.code([.text(d.id)]), .text(" " + d.title + (d.version.map { " (\($0))" } ?? "") + " "), .status(d.status)]
                if let url = d.url { line += [.text(" "), .address(url)] }
                return [.paragraph(line)]
            }))
        }
        let questions = flows.questionOrder.filter { flows.questions[$0]?.stage == stage.stage }
        if !questions.isEmpty {
            body.append(.heading(level: 3, anchor: nil, [.text(t("Questions"))]))
            for id in questions { body += question(flows.questions[id]!) }
        }
        let outcomes = flows.outcomeOrder.filter { flows.outcomes[$0]?.definedIn == stage.stage }
        if !outcomes.isEmpty {
            body.append(.heading(level: 3, anchor: nil, [.text(t("Outcomes"))]))
            for id in outcomes { body += outcome(flows.outcomes[id]!) }
        }
        return .chapter(anchor: stageAnchor(stage.stage), body)
    }

    // MARK: Questions

    func question(_ q: Question) -> [Block] {
        var out: [Block] = [.heading(level: 4, anchor: q.id, [.code([.text(q.id)])])]
        out.append(.paragraph([.strong(localized(q.text))]))
        var fields = [Field(t("Kind"), [.text(kindName(q.kind))])]
        if let help = q.help { fields.append(Field(t("Help"), localized(help))) }
        if let why = q.why { fields.append(Field(t("Why we ask"), localized(why))) }
        if !q.terms.isEmpty {
            fields.append(Field(t("Glossary terms"), q.terms.enumerated().flatMap { i, term -> [Inline] in
                (i > 0 ? [.text(", ")] : []) + [.link(anchor: "term-\(term)", [.text(flows.glossary[term]?.term.text(language) ?? term)])]
            }))
        }
        let limits = limitsText(q)
        if !limits.isEmpty { fields.append(Field(t("Limits"), [.text(limits)])) }
        fields.append(Field(t("Source"), citation(q.source)))
        fields.append(Field(t("Defined at"), [.code([.text(q.location.description)])]))
        out.append(.fields(fields))
        if !q.options.isEmpty {
            out.append(.paragraph([.strong([.text(t("Options"))])]))
            out.append(.list(ordered: false, q.options.map { o in
                var line: [Inline] = [.code([.text(o.id)]), .text(" ")] + localized(o.text)
                if let help = o.help { line += [.text(" — ")] + localized(help) }
                return [.paragraph(line)]
            }))
        }
        out.append(.paragraph([.strong([.text(t("Routes, tried in order"))])]))
        out.append(.list(ordered: true, q.next.enumerated().map { i, r in route(r, of: q, index: i) }))
        let from = predecessors[q.id] ?? []
        if !from.isEmpty {
            out.append(.fields([Field(t("Reached from"), from.enumerated().flatMap { i, ref -> [Inline] in
                (i > 0 ? [.text(", ")] : []) + [.link(anchor: ref.anchor, [.code([.text(ref.question)]), .text(" (\(t("Route").lowercased()) \(ref.index + 1))")])]
            })]))
        }
        if let coverage {
            let rows = coverage.byQuestion[q.id] ?? []
            out.append(rows.isEmpty ? .note([.text(t("no scenario row asks this question"))])
                                    : .fields([Field(t("Scenario rows"), [.text("\(rows.count)")])]))
        }
        return out
    }

    func kindName(_ k: QuestionKind) -> String {
        let zh = language == "zh-Hant"
        switch k {
        case .yesNo: return zh ? "是或否" : "yes or no"
        case .choice: return zh ? "選一個選項" : "one of the options"
        case .multiChoice: return zh ? "可選多個選項" : "any of the options"
        case .date: return zh ? "日期" : "a date"
        case .number: return zh ? "整數" : "a whole number"
        case .money: return zh ? "金額" : "an amount of money"
        case .text: return zh ? "文字" : "text"
        case .dateRanges: return zh ? "日期範圍列表" : "a list of date ranges (from, to)"
        }
    }

    func limitsText(_ q: Question) -> String {
        var parts: [String] = []
        if q.mustBePast { parts.append(language == "zh-Hant" ? "必須是過去的日期" : "must be in the past") }
        if q.mustBeFuture { parts.append(language == "zh-Hant" ? "必須是將來的日期" : "must be in the future") }
        if let m = q.minimum { parts.append("≥ \(m)") }
        if let m = q.maximum { parts.append("≤ \(m)") }
        if let u = q.unit { parts.append(u.text(language)) }
        if let m = q.maxLength { parts.append(language == "zh-Hant" ? "最多 \(m) 個字元" : "at most \(m) characters") }
        return parts.joined(separator: "; ")
    }

    func route(_ r: Route, of q: Question, index: Int) -> [Block] {
        let ref = RouteRef(question: q.id, index: index)
        var line: [Inline] = [.target(ref.anchor)]
        if let c = r.condition {
            line += [.text(t("if") + " "), condition(c.text)]
        } else {
            line.append(.text(t("otherwise")))
        }
        line.append(.text(" → "))
        switch r.target {
        case .node(let n):
            line += [.text(t("goes to") + " ")] + nodeLink(n)
        case .nextStage:
            if let next = flows.stages.first(where: { $0.stage > q.stage }) {
                line += [.text(t("hands on to the next stage") + " ("), .link(anchor: stageAnchor(next.stage), [.text(next.title.text(language))]),
                         .text(") ")] + nodeLink(next.start)
            } else {
                line.append(.text(t("no later stage: the walk ends without an outcome")))
            }
        }
        var blocks: [Block] = [.paragraph(line)]
        blocks += routeDetails(r)
        if let coverage {
            let rows = coverage.byRoute[ref] ?? []
            blocks.append(rows.isEmpty ? .note([.text(t("no scenario row takes this route"))])
                                       : .paragraph([.emphasis([.text("\(t("Scenario rows")): \(rows.count)")])]))
        }
        return blocks
    }

    /// Every route that leads to each node, including hand-offs into a stage's first question.
    var predecessors: [String: [RouteRef]] {
        var out: [String: [RouteRef]] = [:]
        for id in flows.questionOrder {
            guard let q = flows.questions[id] else { continue }
            for (i, r) in q.next.enumerated() {
                let target: String?
                switch r.target {
                case .node(let n): target = n
                case .nextStage: target = flows.startAfter(q.stage)
                }
                if let target { out[target, default: []].append(RouteRef(question: id, index: i)) }
            }
        }
        return out
    }

    // MARK: Outcomes

    func outcome(_ o: Outcome) -> [Block] {
        var out: [Block] = [.heading(level: 4, anchor: o.id, [.code([.text(o.id)])])]
        out.append(.paragraph([.strong(localized(o.title))]))
        var fields = [Field(t("Stage of the outcome"), [.text(o.stage.map(stageName) ?? t("none: nothing fits"))])]
        if let id = o.form, let form = flows.forms[id] {
            var value: [Inline] = [.link(anchor: "form-\(id)", [.text(form.code)]), .text(" — ")] + localized(form.name)
            value.append(.text(" (\(place(form.place)))"))
            if let url = form.source.document.url { value += [.text(" "), .address(url)] }
            fields.append(Field(t("Form"), value))
        } else {
            fields.append(Field(t("Form"), [.text(t("no form"))]))
        }
        if let g = o.grant { fields.append(Field(t("Grant"), localized(g))) }
        if let c = o.conditions { fields.append(Field(t("Conditions"), localized(c))) }
        fields.append(Field(t("Explanation"), template(o.explanation)))
        if let id = o.fee { fields.append(Field(t("Fee"), rateSummary(id, tenths: nil))) }
        if let ihs = o.ihs { fields.append(Field(t("Health surcharge"), rateSummary(ihs.rate, tenths: ihs.tenthsOfYears))) }
        if let w = o.feeWaiver { fields.append(Field(t("Fee waiver"), localized(w))) }
        if let a = o.appeal { fields.append(Field(t("If refused"), localized(a))) }
        if let s = o.source { fields.append(Field(t("Source"), citation(s))) }
        fields.append(Field(t("Defined at"), [.code([.text(o.location.description)])]))
        out.append(.fields(fields))
        out += outcomeExtras(o)
        if !o.reasons.isEmpty {
            out.append(.paragraph([.strong([.text(t("Reasons"))])]))
            out.append(conditionalList(o.reasons))
        }
        if !o.warnings.isEmpty {
            out.append(.paragraph([.strong([.text(t("Warnings"))])]))
            out.append(conditionalList(o.warnings))
        }
        if o.fee != nil || o.ihs != nil {
            out.append(.paragraph([.strong([.text(t("Values by date"))])]))
            if let id = o.fee { out.append(rateValues(id)) }
            if let ihs = o.ihs { out.append(rateValues(ihs.rate)) }
        }
        if !o.evidence.isEmpty {
            out.append(.paragraph([.strong([.text(t("Evidence"))])]))
            out.append(.list(ordered: false, o.evidence.map { rule in
                let item = flows.evidence[rule.item]
                var line: [Inline] = [.link(anchor: "evidence-\(rule.item)", [.code([.text(rule.item)])]), .text(" ")]
                line += item.map { localized($0.text) } ?? []
                var detail: [Inline] = rule.condition.map { [.text(t("when") + " "), condition($0.text)] } ?? [.text(t("always"))]
                if let why = rule.why { detail += [.text("; \(t("why")): ")] + localized(why) }
                var blocks: [Block] = [.paragraph(line), .paragraph(detail)]
                if let item { blocks.append(.paragraph([.text(t("Source") + ": ")] + citation(item.source))) }
                return blocks
            }))
        }
        if let coverage {
            let rows = coverage.byOutcome[o.id] ?? []
            if rows.isEmpty {
                out.append(.note([.text(t("no scenario row reaches this outcome"))]))
            } else {
                out.append(.paragraph([.strong([.text("\(t("Scenario rows")) (\(rows.count))")])]))
                out.append(rowList(rows))
            }
        }
        return out
    }

    func place(_ p: Form.Place) -> String {
        switch p {
        case .inUK: return language == "zh-Hant" ? "在英國境內申請" : "apply in the UK"
        case .outsideUK: return language == "zh-Hant" ? "在英國境外申請" : "apply from outside the UK"
        case .either: return language == "zh-Hant" ? "境內或境外皆可" : "in or outside the UK"
        }
    }

    func conditionalList(_ texts: [ConditionalText]) -> Block {
        .list(ordered: false, texts.map { c in
            let when: [Inline] = c.condition.map { [.text(t("when") + " "), condition($0.text), .text(": ")] } ?? [.text(t("always") + ": ")]
            return [.paragraph(when + template(c.text))]
        })
    }

    func rateSummary(_ id: String, tenths: Int?) -> [Inline] {
        guard let rate = flows.rates[id] else { return [.code([.text(id)])] }
        var out: [Inline] = [.link(anchor: "rate-\(id)", [.text(rate.name.text(language))])]
        out.append(.text(" (" + (rate.per == .year ? t("per year") : t("per application"))))
        if let tenths { out.append(.text(", \(t("for")) \(Format.years(tenths: tenths)) \(t("years"))")) }
        out.append(.text(")"))
        return out
    }

    /// Every dated value of a rate, oldest first, each with its source: no value is called "in force".
    func rateValues(_ id: String) -> Block {
        guard let rate = flows.rates[id] else { return .paragraph([]) }
        return .list(ordered: false, rate.values.map { v in
            [.paragraph([.link(anchor: "rate-\(id)", [.code([.text(id)])]), .text(" \(t("from")) \(v.from.iso): \(amount(v.value, rate)) — ")] + citation(v.source))]
        })
    }

    func amount(_ value: Int, _ rate: Rate) -> String {
        rate.type == .money ? Format.money(value) : String(value)
    }
}
