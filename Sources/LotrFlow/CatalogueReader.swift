import Yams

extension FlowBuilder {
    mutating func readForm(_ node: Node, _ context: FileContext) {
        guard var m = YAMLMap(node, file: context.path, what: "a form", log: log) else { return }
        m.rejectUnknownKeys(["id", "code", "name", "where", "source"])
        guard let id = m.string("id") else { return }
        m.what = "form `\(id)`"
        let code = m.string("code"), name = m.text("name"), source = context.citation(m)
        var place = Form.Place.inUK
        if let raw = m.string("where") {
            if let p = Form.Place(rawValue: raw) { place = p } else {
                log.error(m.keyLocation("where"), "unknown place `\(raw)` for form `\(id)`", fix: "use in_uk, outside_uk or either")
            }
        }
        guard let code, let name, let source, claim(id, namespace: "form", at: m.keyLocation("id")) else { return }
        forms[id] = Form(id: id, code: code, name: name, place: place, source: source, location: m.location)
    }

    mutating func readEvidence(_ node: Node, _ context: FileContext) {
        guard var m = YAMLMap(node, file: context.path, what: "an evidence item", log: log) else { return }
        m.rejectUnknownKeys(["id", "text", "help", "source"])
        guard let id = m.string("id") else { return }
        m.what = "evidence item `\(id)`"
        let text = m.text("text"), help = m.text("help", required: false), source = context.citation(m)
        guard let text, let source, claim(id, namespace: "evidence", at: m.keyLocation("id")) else { return }
        evidence[id] = EvidenceItem(id: id, text: text, help: help, source: source, location: m.location)
    }

    mutating func readTerm(_ node: Node, _ context: FileContext) {
        guard var m = YAMLMap(node, file: context.path, what: "a glossary term", log: log) else { return }
        m.rejectUnknownKeys(["id", "term", "text"])
        guard let id = m.string("id") else { return }
        m.what = "glossary term `\(id)`"
        let term = m.text("term"), text = m.text("text")
        guard let term, let text, claim(id, namespace: "term", at: m.keyLocation("id")) else { return }
        glossary[id] = GlossaryTerm(id: id, term: term, text: text, location: m.location)
    }

    mutating func readRate(_ node: Node, _ context: FileContext) {
        guard var m = YAMLMap(node, file: context.path, what: "a rate", log: log) else { return }
        m.rejectUnknownKeys(["id", "name", "type", "per", "values"])
        guard let id = m.string("id") else { return }
        m.what = "rate `\(id)`"
        let name = m.text("name")
        var type = ValueType.money
        if let raw = m.string("type", required: false) {
            switch raw {
            case "money": type = .money
            case "number": type = .number
            default: log.error(m.keyLocation("type"), "unknown rate type `\(raw)`", fix: "use money or number")
            }
        }
        var per = Rate.Per.application
        if let raw = m.string("per", required: false) {
            if let p = Rate.Per(rawValue: raw) { per = p } else {
                log.error(m.keyLocation("per"), "unknown `per: \(raw)`", fix: "use application or year")
            }
        }
        var values: [Rate.Value] = []
        for v in m.list("values", required: true) {
            guard let vm = YAMLMap(v, file: context.path, what: "a value of rate `\(id)`", log: log) else { continue }
            vm.rejectUnknownKeys(["from", "value", "source"])
            guard let from = vm.date("from"), let raw = vm.string("value"), let source = context.citation(vm) else { continue }
            guard let value = parseRateValue(raw, type: type) else {
                log.error(vm.keyLocation("value"), "`\(raw)` is not a \(type == .money ? "sum of money like £1258.00" : "whole number")", fix: nil)
                continue
            }
            if let last = values.last, last.from >= from {
                log.error(vm.keyLocation("from"), "the values of rate `\(id)` must be in date order", fix: "put \(from.iso) after \(last.from.iso)")
            }
            values.append(Rate.Value(from: from, value: value, source: source))
        }
        if values.isEmpty && m["values"] != nil {
            log.error(m.keyLocation("values"), "rate `\(id)` has no values", fix: "add at least one `- from: … value: …`")
        }
        guard let name, !values.isEmpty, claim(id, namespace: "node", at: m.keyLocation("id")) else { return }
        rates[id] = Rate(id: id, name: name, type: type, per: per, values: values, location: m.location)
    }

    func parseRateValue(_ raw: String, type: ValueType) -> Int? {
        if type == .number { return Int(raw) }
        guard case .success(let e) = ExpressionParser.parse(raw.hasPrefix("£") ? raw : "£" + raw), case .money(let pence) = e.kind else { return nil }
        return pence
    }

    mutating func finish() -> FlowSet? {
        if stages.isEmpty {
            guard !log.hasErrors else { return nil }
            let at = SourceLocation(file: files.first?.path ?? "flows", line: 1, column: 1)
            log.error(at, "no stage file was loaded", fix: "add at least one file with `kind: stage`")
            return nil
        }
        return FlowSet(stages: stages, questions: questions, outcomes: outcomes, forms: forms, evidence: evidence,
                       glossary: glossary, rates: rates, files: files, questionOrder: questionOrder,
                       outcomeOrder: outcomeOrder, version: version)
    }
}
