/// Second pass: everything that needs the whole flow set — references, routing, the graph, and
/// the types of every expression at the place it is evaluated. When this passes, evaluation
/// cannot fail at run time.
struct Validator {
    let flows: FlowSet
    let log: DiagnosticLog
    /// Ids whose definitions had errors: references to them are not reported again.
    var broken: Set<String> = []

    func run() {
        checkReplaced()
        checkStarts()
        checkRoutes()
        checkOutcomes()
        // A file that did not load fully would make the graph checks report knock-on errors.
        guard !log.hasErrors else { checkTypes(available: nil); return }
        let graph = FlowGraph(flows: flows)
        var acyclic = true
        for cycle in graph.cycles() {
            acyclic = false
            let first = cycle[0]
            log.error(location(of: first), "the flow loops: \(cycle.joined(separator: " → ")) → \(first)",
                      fix: "every `goto` must lead further on; send one of these to a later question or an outcome")
        }
        let reachable = graph.reachableFromStart()
        for id in flows.questionOrder + flows.outcomeOrder where !reachable.contains(id) {
            log.error(location(of: id), "`\(id)` can never be reached from the first question",
                      fix: "add a `goto: \(id)` where it should be asked, or delete it")
        }
        let canFinish = graph.nodesThatReachAnOutcome()
        for id in flows.questionOrder where reachable.contains(id) && !canFinish.contains(id) {
            log.error(location(of: id), "no outcome can be reached from `\(id)`", fix: "make every path end in an outcome")
        }
        checkTypes(available: acyclic ? graph.dominance() : nil)
        warnUnused()
    }

    /// `replaces` names questions that are gone; only list answers can be joined safely.
    func checkReplaced() {
        var claimed: [String: String] = [:]
        for id in flows.questionOrder {
            let q = flows.questions[id]!
            guard !q.replaces.isEmpty else { continue }
            if q.kind != .dateRanges {
                log.error(q.location, "`replaces` in question `\(id)` is only for date_ranges questions (their lists are joined)",
                          fix: "remove `replaces`, or make the question date_ranges")
            }
            for old in q.replaces {
                if flows.questions[old] != nil {
                    log.error(q.location, "question `\(id)` replaces `\(old)`, which is still a question",
                              fix: "delete `\(old)` or remove it from `replaces`")
                } else if let other = claimed[old] {
                    log.error(q.location, "`\(old)` is replaced by both `\(other)` and `\(id)`", fix: "keep it in one `replaces` list")
                }
                claimed[old] = id
            }
        }
    }

    func location(of id: String) -> SourceLocation {
        flows.questions[id]?.location ?? flows.outcomes[id]?.location ?? SourceLocation(file: "flows", line: 1, column: 1)
    }

    func checkStarts() {
        for stage in flows.stages where !broken.contains(stage.start) {
            guard let q = flows.questions[stage.start] else {
                let hint = closest(to: stage.start, in: flows.questionOrder).map { "did you mean `\($0)`?" } ?? "name one of this stage's questions"
                log.error(stage.startLocation, "`start: \(stage.start)` is not a question", fix: hint)
                continue
            }
            if q.stage != stage.stage {
                log.error(stage.startLocation, "`start: \(stage.start)` is a question of stage \(q.stage.rawValue)", fix: "start with a question defined in this file")
            }
        }
    }

    func checkRoutes() {
        let nodeIDs = flows.questionOrder + flows.outcomeOrder
        for id in flows.questionOrder {
            let q = flows.questions[id]!
            for route in q.next {
                switch route.target {
                case .node(let target) where flows.questions[target] == nil && flows.outcomes[target] == nil && !broken.contains(target):
                    let hint = closest(to: target, in: nodeIDs).map { "did you mean `\($0)`? " } ?? ""
                    log.error(route.location, "`goto: \(target)` in question `\(id)` names no question or outcome",
                              fix: "\(hint)use a question or outcome id, or `next-stage`")
                case .nextStage where flows.startAfter(q.stage) == nil:
                    log.error(route.location, "question `\(id)` hands on with `next-stage`, but \(q.stage.rawValue) is the last stage",
                              fix: "end this path in an outcome (use an outcome with `stage: none` when no route fits)")
                default: break
                }
            }
            for route in q.next where route.target == .nextStage && (route.because == nil || route.source == nil) {
                let missing = [route.because == nil ? "`because`" : nil, route.source == nil ? "`source`" : nil].compactMap { $0 }
                log.error(route.location, "the hand-off to the next stage in question `\(id)` has no \(missing.joined(separator: " and ")): the result could not say why this route does not fit",
                          fix: "add `because: {en: \"…\", zh-Hant: \"…\"}` (the rule, with the person's figures in {{ }} where they matter) and `source: {doc: …, section: …}` (the paragraph) to this entry")
            }
            if let i = q.next.firstIndex(where: { $0.condition == nil }), i < q.next.count - 1 {
                log.error(q.next[i + 1].location, "this `next` entry of `\(id)` comes after the default and is never used",
                          fix: "move the entry without `if` to the end")
            }
            checkCoverage(q)
        }
    }

    /// Every answer must lead somewhere: a choice question may instead cover all its options.
    func checkCoverage(_ q: Question) {
        // A default anywhere means every answer leads somewhere (a misplaced one is reported apart).
        guard !q.next.isEmpty, !q.next.contains(where: { $0.condition == nil }) else { return }
        let options: [String]
        switch q.kind {
        case .choice: options = q.options.map(\.id)
        case .yesNo: options = ["yes", "no"]
        default:
            log.error(q.next.last!.location, "question `\(q.id)` has no default route: an answer that meets none of the conditions would have nowhere to go",
                      fix: "end `next` with a `- goto: …` without `if`")
            return
        }
        var covered: Set<String> = []
        for route in q.next { if let c = route.condition { covered.formUnion(coveredOptions(c.expr, question: q.id)) } }
        let missing = options.filter { !covered.contains($0) }
        if !missing.isEmpty {
            log.error(q.next.last!.location, "the routes of `\(q.id)` do not cover \(missing.map { "'\($0)'" }.joined(separator: ", ")) and there is no default",
                      fix: "add `- if: \(q.id) == '\(missing[0])'` with a goto, or a final `- goto:` without `if`")
        }
    }

    func coveredOptions(_ e: Expr, question: String) -> Set<String> {
        func isQ(_ x: Expr) -> Bool { x.kind == .identifier(question) }
        switch e.kind {
        case .identifier(question): return ["yes"]
        case .unary(.not, let x) where isQ(x): return ["no"]
        case .binary(.equal, let a, let b):
            let (q, lit) = isQ(a) ? (a, b) : (b, a)
            guard isQ(q) else { return [] }
            switch lit.kind {
            case .string(let s): return [s]
            case .bool(let v): return [v ? "yes" : "no"]
            default: return []
            }
        case .binary(.in, let a, let b) where isQ(a):
            guard case .list(let items) = b.kind else { return [] }
            return Set(items.compactMap { if case .string(let s) = $0.kind { return s } else { return nil } })
        case .binary(.or, let a, let b):
            return coveredOptions(a, question: question).union(coveredOptions(b, question: question))
        default: return []
        }
    }

    func checkOutcomes() {
        for id in flows.outcomeOrder {
            let o = flows.outcomes[id]!
            if o.stage == nil && (o.because == nil || o.source == nil) {
                let missing = [o.because == nil ? "`because`" : nil, o.source == nil ? "`source`" : nil].compactMap { $0 }
                log.error(o.location, "outcome `\(id)` has `stage: none` but no \(missing.joined(separator: " and ")): the result could not say why no route fits",
                          fix: "add `because: {en: \"…\", zh-Hant: \"…\"}` (why this stage does not fit) and `source: {doc: …, section: …}` to the outcome")
            }
            if let form = o.form, flows.forms[form] == nil {
                let hint = closest(to: form, in: Array(flows.forms.keys)).map { "did you mean `\($0)`? " } ?? ""
                log.error(o.location, "outcome `\(id)` names form `\(form)`, which is not in the forms catalogue", fix: "\(hint)add it to forms.yaml or fix the id")
            }
            if let fee = o.fee { checkRate(fee, in: o, per: .application) }
            if let ihs = o.ihs { checkRate(ihs.rate, in: o, per: .year) }
            for rule in o.evidence where flows.evidence[rule.item] == nil {
                let hint = closest(to: rule.item, in: Array(flows.evidence.keys)).map { "did you mean `\($0)`? " } ?? ""
                log.error(rule.location, "outcome `\(id)` lists evidence `\(rule.item)`, which is not in any evidence catalogue", fix: "\(hint)add it to an evidence file")
            }
            var seen: Set<String> = []
            for rule in o.evidence {
                if seen.contains(rule.item) && rule.condition == nil {
                    log.warning(rule.location, "evidence `\(rule.item)` is listed twice in outcome `\(id)`", fix: "keep one")
                }
                seen.insert(rule.item)
            }
        }
        for id in flows.questionOrder {
            let q = flows.questions[id]!
            for term in q.terms where flows.glossary[term] == nil {
                log.error(q.location, "question `\(id)` uses glossary term `\(term)`, which is not in any glossary", fix: "add it to a glossary file or remove it from `terms`")
            }
        }
    }

    func checkRate(_ id: String, in o: Outcome, per: Rate.Per) {
        guard let rate = flows.rates[id] else {
            log.error(o.location, "outcome `\(o.id)` names rate `\(id)`, which is not in any rates file", fix: "add it to rates.yaml or fix the id")
            return
        }
        if rate.type != .money || rate.per != per {
            log.error(o.location, "rate `\(id)` in outcome `\(o.id)` must be money charged per \(per.rawValue)", fix: "use a \(per == .year ? "yearly surcharge" : "fee") rate")
        }
    }

    /// Type-checks every expression. `available` tells which questions are answered on every
    /// path to a node; nil when the graph is broken and only types can be checked.
    func checkTypes(available: FlowGraph.Dominance?) {
        func checker(at node: String, including own: String?) -> TypeChecker {
            TypeChecker { name in
                if let q = flows.questions[name] {
                    if broken.contains(name) { return .success(.bool) }
                if let available, name != own, !available.isAnswered(name, before: node) {
                        return .failure(ExprError(offset: 0, message: "`\(name)` is not asked on every path to `\(node)`, so it may have no answer here",
                                                  fix: "test it only after it is asked on every path, or ask it earlier"))
                    }
                    return .success(q.valueType)
                }
                if let r = flows.rates[name] { return .success(r.type) }
                let hint = closest(to: name, in: flows.questionOrder + Array(flows.rates.keys)).map { "did you mean `\($0)`?" }
                return .failure(ExprError(offset: 0, message: "`\(name)` is not a question or rate", fix: hint))
            }
        }
        func check(_ e: SourcedExpr, _ tc: TypeChecker, wantBool: Bool, what: String) {
            switch tc.check(e.expr) {
            case .success(let t):
                if wantBool && t != .bool {
                    log.error(e.location, "\(what) `\(e.text)` is \(t), not yes/no", fix: "compare it, e.g. `\(e.text) > 0`")
                }
                if !wantBool, case .list = t { log.error(e.location, "`{{\(e.text)}}` is a list and cannot be shown as text", fix: nil) }
                if !wantBool, t == .dateRanges { log.error(e.location, "`{{\(e.text)}}` is a list and cannot be shown as text", fix: nil) }
            case .failure(let error):
                let at = error.offset == 0 ? e.location : e.location.shifted(by: error.offset, multiline: false)
                log.error(at, "in \(what) `\(e.text)`: \(error.message)", fix: error.fix)
            }
        }
        func checkTemplateIn(_ t: Template, _ tc: TypeChecker) {
            for parts in t.parts.values {
                for part in parts { if case .expr(let e) = part { check(e, tc, wantBool: false, what: "the text") } }
            }
        }
        func checkDates(_ dates: [DateRule], _ tc: TypeChecker) {
            for d in dates {
                if let c = d.condition { check(c, tc, wantBool: true, what: "the condition") }
                switch tc.check(d.date.expr) {
                case .success(let t) where t != .date:
                    log.error(d.date.location, "the date `\(d.id)` (`\(d.date.text)`) is \(t), not a date",
                              fix: "write a date expression, e.g. `add_days(start_date, 3653)`")
                case .success: break
                case .failure(let error):
                    let at = error.offset == 0 ? d.date.location : d.date.location.shifted(by: error.offset, multiline: false)
                    log.error(at, "in the date `\(d.id)` `\(d.date.text)`: \(error.message)", fix: error.fix)
                }
                checkTemplateIn(d.text, tc)
            }
        }
        for id in flows.questionOrder {
            let q = flows.questions[id]!
            // A route is taken once its question is answered: its texts may read that answer too.
            let tc = checker(at: id, including: id)
            for route in q.next {
                if let c = route.condition { check(c, tc, wantBool: true, what: "the condition") }
                if let b = route.because { checkTemplateIn(b, tc) }
                checkDates(route.dates, tc)
            }
        }
        for id in flows.outcomeOrder {
            let o = flows.outcomes[id]!
            let tc = checker(at: id, including: nil)
            func checkTemplate(_ t: Template) { checkTemplateIn(t, tc) }
            checkTemplate(o.explanation)
            if let b = o.because { checkTemplate(b) }
            checkDates(o.dates, tc)
            for r in o.reasons + o.warnings {
                if let c = r.condition { check(c, tc, wantBool: true, what: "the condition") }
                checkTemplate(r.text)
            }
            for rule in o.evidence { if let c = rule.condition { check(c, tc, wantBool: true, what: "the condition") } }
        }
    }

    func warnUnused() {
        var usedEvidence: Set<String> = [], usedForms: Set<String> = [], usedRates: Set<String> = [], usedTerms: Set<String> = []
        for o in flows.outcomes.values {
            o.evidence.forEach { usedEvidence.insert($0.item) }
            if let f = o.form { usedForms.insert(f) }
            if let f = o.fee { usedRates.insert(f) }
            if let i = o.ihs { usedRates.insert(i.rate) }
            for c in o.reasons + o.warnings { c.condition?.expr.identifiers.forEach { usedRates.insert($0) } }
            for c in o.evidence { c.condition?.expr.identifiers.forEach { usedRates.insert($0) } }
            for d in o.dates { ([d.date] + (d.condition.map { [$0] } ?? [])).forEach { $0.expr.identifiers.forEach { usedRates.insert($0) } } }
        }
        for q in flows.questions.values {
            q.terms.forEach { usedTerms.insert($0) }
            for r in q.next {
                r.condition?.expr.identifiers.forEach { usedRates.insert($0) }
                for d in r.dates { ([d.date] + (d.condition.map { [$0] } ?? [])).forEach { $0.expr.identifiers.forEach { usedRates.insert($0) } } }
            }
        }
        for (id, e) in flows.evidence where !usedEvidence.contains(id) {
            log.warning(e.location, "evidence item `\(id)` is in no outcome's checklist", fix: "use it in an outcome or remove it")
        }
        for (id, f) in flows.forms where !usedForms.contains(id) {
            log.warning(f.location, "form `\(id)` is named by no outcome", fix: "use it or remove it")
        }
        for (id, r) in flows.rates where !usedRates.contains(id) && !templateMentions(id) {
            log.warning(r.location, "rate `\(id)` is used nowhere", fix: "use it or remove it")
        }
        _ = usedTerms
    }

    func templateMentions(_ id: String) -> Bool {
        var templates: [Template] = []
        for o in flows.outcomes.values {
            templates += [o.explanation] + (o.reasons + o.warnings).map(\.text) + o.dates.map(\.text) + (o.because.map { [$0] } ?? [])
        }
        for q in flows.questions.values {
            for r in q.next { templates += r.dates.map(\.text) + (r.because.map { [$0] } ?? []) }
        }
        for t in templates {
            for parts in t.parts.values {
                for p in parts { if case .expr(let e) = p, e.expr.identifiers.contains(id) { return true } }
            }
        }
        return false
    }
}
