import Yams

extension FlowBuilder {
    static let questionKeys = ["id", "kind", "text", "help", "why", "terms", "source", "options", "next",
                               "past", "future", "min", "max", "unit", "max_length", "totals", "item", "replaces"]
    static let outcomeKeys = ["id", "stage", "form", "title", "explanation", "reasons", "grant", "conditions", "fee", "ihs",
                              "fee_waiver", "appeal", "warnings", "evidence", "source", "dates", "because"]
    static let routeKeys = ["if", "goto", "because", "source", "status", "dates"]

    mutating func readStage(_ map: YAMLMap, _ context: FileContext) {
        map.rejectUnknownKeys(FlowBuilder.headerKeys + ["stage", "title", "start", "not_reached", "questions", "outcomes"])
        guard let raw = map.string("stage") else { return }
        guard let stage = Stage(rawValue: raw) else {
            log.error(map.keyLocation("stage"), "unknown stage `\(raw)`", fix: "use one of: \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
            return
        }
        if let other = stages.first(where: { $0.stage == stage }) {
            log.error(map.keyLocation("stage"), "stage `\(raw)` is already defined in \(other.info.path)", fix: "keep one file per stage")
            return
        }
        let title = map.text("title")
        let start = map.string("start")
        let notReached = map.text("not_reached", required: false)
        for node in map.list("questions", required: true) { readQuestion(node, stage: stage, context) }
        for node in map.list("outcomes") { readOutcome(node, stage: stage, context) }
        if let title, let start {
            stages.append(StageFlow(stage: stage, title: title, start: start, startLocation: map.keyLocation("start"),
                                    info: context.info, notReached: notReached))
            stages.sort { $0.stage < $1.stage }
        }
    }

    mutating func readQuestion(_ node: Node, stage: Stage, _ context: FileContext) {
        guard var named = YAMLMap(node, file: context.path, what: "a question", log: log) else { return }
        guard let id = named.string("id") else { named.rejectUnknownKeys(FlowBuilder.questionKeys); return }
        let what = "question `\(id)`"
        named.what = what
        named.rejectUnknownKeys(FlowBuilder.questionKeys)
        var kind: QuestionKind?
        if let rawKind = named.string("kind") {
            kind = QuestionKind(rawValue: rawKind)
            if kind == nil {
                log.error(named.keyLocation("kind"), "unknown question kind `\(rawKind)` in \(what)",
                          fix: "use one of: \(QuestionKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let text = named.text("text")
        let help = named.text("help", required: false)
        let why = named.text("why", required: false)
        let source = context.citation(named)
        var terms: [String] = []
        for t in named.list("terms") {
            if let s = t.scalar?.string { terms.append(s) } else {
                log.error(location(of: t, in: context.path), "each term in \(what) must be a glossary id", fix: nil)
            }
        }
        var replaces: [String] = []
        for t in named.list("replaces") {
            if let s = t.scalar?.string { replaces.append(s) } else {
                log.error(location(of: t, in: context.path), "each entry of `replaces` in \(what) must be the id of a question that is no longer asked", fix: nil)
            }
        }
        var options: [ChoiceOption] = []
        for o in named.list("options") {
            guard let om = YAMLMap(o, file: context.path, what: "an option of \(what)", log: log) else { continue }
            om.rejectUnknownKeys(["id", "text", "help"])
            guard let oid = om.string("id"), let otext = om.text("text") else { continue }
            if options.contains(where: { $0.id == oid }) {
                log.error(om.keyLocation("id"), "option `\(oid)` appears twice in \(what)", fix: "give each option its own id")
            }
            options.append(ChoiceOption(id: oid, text: otext, help: om.text("help", required: false)))
        }
        if let kind {
            let needsOptions = kind == .choice || kind == .multiChoice
            if needsOptions && options.count < 2 {
                log.error(named.location, "\(what) is a \(kind.rawValue) question but has \(options.count) option\(options.count == 1 ? "" : "s")", fix: "give it at least two `options`")
            } else if !needsOptions && named["options"] != nil {
                log.error(named.keyLocation("options"), "\(what) is a \(kind.rawValue) question and cannot have options", fix: "remove `options`, or make it a choice question")
            }
            checkKindKeys(named, kind: kind, what: what)
        }
        let next = readRoutes(named, what: what, context)
        guard let kind, let text, let source, claim(id, namespace: "node", at: named.keyLocation("id")) else {
            brokenIDs.insert(id)
            return
        }
        questions[id] = Question(
            id: id, stage: stage, kind: kind, text: text, help: help, why: why, terms: terms, source: source,
            options: options, mustBePast: named.bool("past"), mustBeFuture: named.bool("future"),
            minimum: named.int("min"), maximum: named.int("max"), unit: named.text("unit", required: false),
            maxLength: named.int("max_length"), showTotals: named.bool("totals"), itemName: named.text("item", required: false),
            next: next, location: named.location, replaces: replaces)
        questionOrder.append(id)
    }

    /// Keys that only make sense for some kinds are errors elsewhere, so nobody believes a
    /// `past: true` on a number question does anything.
    func checkKindKeys(_ map: YAMLMap, kind: QuestionKind, what: String) {
        let allowed: [QuestionKind: [String]] = [
            .date: ["past", "future"], .dateRanges: ["past", "totals", "item"],
            .number: ["min", "max", "unit"], .money: ["min", "max"], .text: ["max_length"],
        ]
        for key in ["past", "future", "min", "max", "unit", "max_length", "totals", "item"] where map[key] != nil {
            if !(allowed[kind] ?? []).contains(key) {
                log.error(map.keyLocation(key), "`\(key)` does not apply to a \(kind.rawValue) question (\(what))", fix: "remove it")
            }
        }
        if map.bool("past") && map.bool("future") {
            log.error(map.keyLocation("future"), "\(what) cannot be both `past` and `future`", fix: "keep one")
        }
    }

    func readRoutes(_ map: YAMLMap, what: String, _ context: FileContext) -> [Route] {
        var routes: [Route] = []
        let nodes = map.list("next", required: true)
        if nodes.isEmpty && map["next"] != nil {
            log.error(map.keyLocation("next"), "\(what) has an empty `next`", fix: "add at least `- goto: <id>`")
        }
        for r in nodes {
            guard var rm = YAMLMap(r, file: context.path, what: "a `next` entry of \(what)", log: log) else { continue }
            rm.rejectUnknownKeys(FlowBuilder.routeKeys)
            guard let goto = rm.string("goto") else { continue }
            rm.what = "the route to `\(goto)` in \(what)"
            var condition: SourcedExpr?
            if let c = rm["if"] {
                condition = context.expression(c, what: "the condition")
                if condition == nil { continue }
            }
            let target: Target = goto == "next-stage" ? .nextStage : .node(goto)
            let because = rm.text("because", required: false).map { context.template($0, at: rm.keyLocation("because"), what: rm.what) }
            let source = context.citation(rm, required: false)
            var status = RouteStatus.doesNotFit
            if let raw = rm.string("status", required: false) {
                if let s = RouteStatus(rawValue: raw), s == .doesNotFit || s == .notChecked { status = s } else {
                    log.error(rm.keyLocation("status"), "unknown route status `\(raw)` in \(rm.what)",
                              fix: "use does_not_fit (the default) or not_checked (the route was not assessed)")
                }
            }
            if (status == .notChecked || rm["source"] != nil) && rm["because"] == nil {
                log.error(rm.location, "\(rm.what) has `\(rm["source"] != nil ? "source" : "status")` but no `because`",
                          fix: "add `because: {en: \"…\"}` saying why the person does not fit here, or remove it")
            }
            routes.append(Route(condition: condition, target: target, location: rm.keyLocation("goto"), because: because,
                                source: source, status: status, dates: readDates(rm, what: rm.what, context)))
        }
        return routes
    }

    mutating func readOutcome(_ node: Node, stage: Stage, _ context: FileContext) {
        guard var m = YAMLMap(node, file: context.path, what: "an outcome", log: log) else { return }
        guard let id = m.string("id") else { m.rejectUnknownKeys(FlowBuilder.outcomeKeys); return }
        let what = "outcome `\(id)`"
        m.what = what
        m.rejectUnknownKeys(FlowBuilder.outcomeKeys)
        var outcomeStage: Stage? = stage
        if let raw = m.string("stage", required: false) {
            if raw == "none" { outcomeStage = nil } else if let s = Stage(rawValue: raw) { outcomeStage = s } else {
                log.error(m.keyLocation("stage"), "unknown stage `\(raw)` in \(what)", fix: "use none or one of: \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let title = m.text("title")
        let explanationText = m.text("explanation")
        let explanation = explanationText.map { context.template($0, at: m.keyLocation("explanation"), what: what) }
        let reasons = readConditionalTexts(m, key: "reasons", what: what, context)
        let warnings = readConditionalTexts(m, key: "warnings", what: what, context)
        var evidence: [EvidenceRule] = []
        for e in m.list("evidence") {
            guard let em = YAMLMap(e, file: context.path, what: "an evidence entry of \(what)", log: log) else { continue }
            em.rejectUnknownKeys(["item", "if", "why"])
            guard let item = em.string("item") else { continue }
            var condition: SourcedExpr?
            if let c = em["if"] {
                condition = context.expression(c, what: "the condition for `\(item)`")
                if condition == nil { continue }
            }
            evidence.append(EvidenceRule(item: item, condition: condition, why: em.text("why", required: false), location: em.keyLocation("item")))
        }
        var ihs: Surcharge?
        if let node = m["ihs"], let im = YAMLMap(node, file: context.path, what: "`ihs` of \(what)", log: log) {
            im.rejectUnknownKeys(["rate", "years"])
            if let rate = im.string("rate"), let yearsText = im.string("years") {
                if let tenths = parseTenths(yearsText), tenths > 0, tenths <= 100 {
                    ihs = Surcharge(rate: rate, tenthsOfYears: tenths)
                } else {
                    log.error(im.keyLocation("years"), "`years` must be a number of years such as 2.5", fix: nil)
                }
            }
        }
        let source = context.citation(m, required: false)
        let because = m.text("because", required: false).map { context.template($0, at: m.keyLocation("because"), what: what) }
        if because != nil && outcomeStage != nil {
            log.warning(m.keyLocation("because"), "`because` in \(what) is shown only for outcomes with `stage: none`",
                        fix: "remove it; the outcome's title says why it fits")
        }
        let dates = readDates(m, what: what, context)
        guard let title, let explanation, claim(id, namespace: "node", at: m.keyLocation("id")) else {
            brokenIDs.insert(id)
            return
        }
        outcomes[id] = Outcome(
            id: id, stage: outcomeStage, definedIn: stage, form: m.string("form", required: false), title: title,
            explanation: explanation, reasons: reasons, grant: m.text("grant", required: false),
            conditions: m.text("conditions", required: false), fee: m.string("fee", required: false), ihs: ihs,
            feeWaiver: m.text("fee_waiver", required: false), appeal: m.text("appeal", required: false),
            warnings: warnings, evidence: evidence, source: source, dates: dates, because: because, location: m.location)
        outcomeOrder.append(id)
    }

    /// `dates:` of an outcome or a route: each an id, an optional `if`, a date expression, a text and a source.
    func readDates(_ m: YAMLMap, what: String, _ context: FileContext) -> [DateRule] {
        var out: [DateRule] = []
        for d in m.list("dates") {
            guard var dm = YAMLMap(d, file: context.path, what: "an entry of `dates` in \(what)", log: log) else { continue }
            dm.rejectUnknownKeys(["id", "if", "date", "text", "source"])
            guard let id = dm.string("id") else { continue }
            dm.what = "date `\(id)` in \(what)"
            if !isValidID(id) || id.contains(where: { $0.isUppercase }) {
                log.error(dm.keyLocation("id"), "`\(id)` is not a valid date id", fix: "use lower_snake_case letters, digits and _")
            }
            if out.contains(where: { $0.id == id }) {
                log.error(dm.keyLocation("id"), "date `\(id)` appears twice in \(what)", fix: "give each date its own id")
            }
            var condition: SourcedExpr?
            if let c = dm["if"] {
                condition = context.expression(c, what: "the condition of date `\(id)`")
                if condition == nil { continue }
            }
            let text = dm.text("text")
            let source = context.citation(dm)
            guard let node = dm.required("date"), let date = context.expression(node, what: "the date `\(id)`"),
                  let text, let source else { continue }
            out.append(DateRule(id: id, condition: condition, date: date,
                                text: context.template(text, at: dm.keyLocation("text"), what: dm.what),
                                source: source, location: dm.keyLocation("id")))
        }
        return out
    }

    func readConditionalTexts(_ m: YAMLMap, key: String, what: String, _ context: FileContext) -> [ConditionalText] {
        var out: [ConditionalText] = []
        for r in m.list(key) {
            guard let rm = YAMLMap(r, file: context.path, what: "an entry of `\(key)` in \(what)", log: log) else { continue }
            rm.rejectUnknownKeys(["if", "text"])
            var condition: SourcedExpr?
            if let c = rm["if"] {
                condition = context.expression(c, what: "the condition")
                if condition == nil { continue }
            }
            guard let text = rm.text("text") else { continue }
            out.append(ConditionalText(condition: condition, text: context.template(text, at: rm.keyLocation("text"), what: "`\(key)` in \(what)")))
        }
        return out
    }
}

/// "2.5" → 25 tenths, without floating point.
func parseTenths(_ text: String) -> Int? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard let whole = Int(parts[0]) else { return nil }
    if parts.count == 1 { return whole * 10 }
    guard parts.count == 2, parts[1].count == 1, let tenth = Int(parts[1]) else { return nil }
    return whole * 10 + tenth
}
