import LotrFlow

/// One stage in the "Routes checked" section: whether it fits, and if not, why not.
public struct RouteCheck: Hashable, Sendable {
    /// rules, article8, article3, discretionary or compassionate.
    public var stage: String
    /// The stage's title in the person's language.
    public var title: String
    public var status: RouteStatus
    /// Never empty for does_not_fit and not_checked.
    public var because: String
    /// Never empty for does_not_fit and not_checked; may be empty for not_reached.
    public var source: String

    public init(stage: String, title: String, status: RouteStatus, because: String, source: String) {
        self.stage = stage
        self.title = title
        self.status = status
        self.because = because
        self.source = source
    }
}

/// A date the person must act on, worked out from their answers, with its rule.
public struct KeyDate: Hashable, Sendable {
    public var id: String
    public var date: CivilDate
    public var text: String
    public var source: String

    public init(id: String, date: CivilDate, text: String, source: String) {
        self.id = id
        self.date = date
        self.text = text
        self.source = source
    }
}

/// A file the result rests on whose `review_by` day has passed.
public struct StaleFile: Hashable, Sendable {
    /// The file's name, without its folder.
    public var file: String
    public var reviewed: CivilDate
    public var reviewBy: CivilDate

    public init(file: String, reviewed: CivilDate, reviewBy: CivilDate) {
        self.file = file
        self.reviewed = reviewed
        self.reviewBy = reviewBy
    }
}

/// A route the walk took, with the question it left from.
struct TakenRoute {
    var question: Question
    var route: Route
}

/// How old a fee may be before the result says it may have changed: fees change most Aprils,
/// so a figure more than 13 months old has probably been through one.
public enum RateAge {
    public static let months = 13

    /// Whether a value in force from `from` is more than 13 months old on `today`.
    public static func isStale(from: CivilDate, today: CivilDate) -> Bool {
        today > from.adding(months: months)
    }
}

extension OutcomeBuilder {
    /// One entry per loaded stage, in the fixed order (issue 13; flows/README.md "Why not, and when").
    func routesChecked(_ o: Outcome, taken: [TakenRoute], path: [String]) -> [RouteCheck] {
        let ownStage = o.stage ?? o.definedIn
        let outcomeSource = o.source?.text(language)
        var out: [RouteCheck] = []
        for flow in flows.stages {
            let stage = flow.stage
            let title = flow.title.text(language)
            func entry(_ status: RouteStatus, _ because: String, _ source: String) -> RouteCheck {
                RouteCheck(stage: stage.rawValue, title: title, status: status, because: because, source: source)
            }
            let lastAsked = path.last { flows.questions[$0]?.stage == stage }.flatMap { flows.questions[$0] }
            // A route that leaves this stage straight for a node of another stage (not a hand-on),
            // e.g. into the Article 3 claim that raises Article 8 too, says what became of this
            // stage's grounds; the reasons met on the way there (a partner who did not fit, then
            // a child route not met) do not, so that route's reason wins over the first one.
            let crossing = taken.last { $0.question.stage == stage }.flatMap { t -> TakenRoute? in
                guard t.route.because != nil, case .node(let n) = t.route.target, stageOf(n) != stage else { return nil }
                return t
            }
            let firstReason = crossing ?? taken.first { $0.question.stage == stage && $0.route.because != nil }
            if stage == ownStage, o.stage != nil {
                out.append(entry(.fits, o.title.text(language), outcomeSource ?? ""))
            } else if stage == ownStage, firstReason == nil {
                // A `stage: none` outcome reached without a specific reason on the way: the outcome's own.
                let because = o.because.map { evaluator.render($0, language: language) } ?? evaluator.render(o.explanation, language: language)
                out.append(entry(.doesNotFit, because, outcomeSource ?? lastAsked?.source.text(language) ?? ""))
            } else if stage > ownStage {
                if o.stage != nil {
                    out.append(entry(.notReached, flow.notReached?.text(language) ?? Strings.text(.earlierRouteFits, language), ""))
                } else {
                    out.append(entry(.notChecked, Strings.text(.endedBeforeThisStage, language),
                                     outcomeSource ?? lastAsked?.source.text(language) ?? ""))
                }
            } else if let first = firstReason, let because = first.route.because {
                // The first specific reason the path met in this stage (also for a `stage: none`
                // outcome's own stage: "600 days outside the UK" says more than "you chose to stop").
                let source = first.route.source?.text(language) ?? first.question.source.text(language)
                out.append(entry(first.route.status, evaluator.render(because, language: language), source))
            } else if let lastAsked {
                // The path left this stage by a route without a `because` (the validator's rule
                // makes this rare in shipped flows): say so plainly, citing the last question asked.
                out.append(entry(.doesNotFit, Strings.text(.noReasonRecorded, language), lastAsked.source.text(language)))
            } else {
                out.append(entry(.notChecked, Strings.text(.stageSkipped, language),
                                 outcomeSource ?? path.last.flatMap { flows.questions[$0]?.source.text(language) } ?? flow.title.en))
            }
        }
        return out
    }

    /// The stage a question or outcome belongs to, nil for an unknown id.
    private func stageOf(_ node: String) -> Stage? {
        flows.questions[node]?.stage ?? flows.outcomes[node].map { $0.stage ?? $0.definedIn }
    }

    /// The dates of the routes taken and of the outcome, each once, in date order.
    func keyDates(_ o: Outcome, taken: [TakenRoute]) -> [KeyDate] {
        var seen: Set<String> = []
        var out: [KeyDate] = []
        for rule in taken.flatMap(\.route.dates) + o.dates where !seen.contains(rule.id) {
            guard rule.condition.map({ evaluator.isTrue($0.expr) }) ?? true,
                  case .date(let d) = evaluator.evaluate(rule.date.expr) else { continue }
            seen.insert(rule.id)
            out.append(KeyDate(id: rule.id, date: d, text: evaluator.render(rule.text, language: language), source: rule.source.text(language)))
        }
        // Stable: two dates on the same day keep the order the flows give them.
        return out.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The files the result rests on (the stage files on the path, and the catalogue files of the
    /// form, evidence, rates and glossary terms it uses) whose `review_by` day has passed.
    func staleFiles(_ o: Outcome, taken: [TakenRoute], path: [String], checklist: [ChecklistItem]) -> [StaleFile] {
        var used: Set<String> = [o.location.file]
        for id in path {
            guard let q = flows.questions[id] else { continue }
            used.insert(q.location.file)
            for term in q.terms { if let g = flows.glossary[term] { used.insert(g.location.file) } }
        }
        if let f = o.form.flatMap({ flows.forms[$0] }) { used.insert(f.location.file) }
        for item in checklist { if let e = flows.evidence[item.id] { used.insert(e.location.file) } }
        var rates = [o.fee, o.ihs?.rate].compactMap { $0 }
        for t in taken { rates += t.route.condition?.expr.identifiers ?? [] }
        for id in rates { if let r = flows.rates[id] { used.insert(r.location.file) } }
        return flows.files.filter { used.contains($0.path) && evaluator.today > $0.reviewBy }.map {
            StaleFile(file: String($0.path.split(separator: "/").last ?? Substring($0.path)), reviewed: $0.reviewed, reviewBy: $0.reviewBy)
        }
    }

    /// The plain, prominent warnings for out-of-date guidance and old fees.
    func staleWarnings(files: [StaleFile], fees: [FeeLine]) -> [String] {
        var out: [String] = []
        if let earliest = files.map(\.reviewBy).min() {
            let names = files.map(\.file).joined(separator: language == "zh-Hant" ? "、" : ", ")
            out.append(Strings.fill(Strings.text(.staleGuidance, language), [Strings.date(earliest, language), names]))
        }
        // One warning for all old fees, so that it stays short enough to be read.
        let old = fees.filter(\.mayBeOutOfDate)
        if old.count == 1, let f = old.first {
            out.append(Strings.fill(Strings.text(.staleFee, language), [f.name, Format.money(f.amount), Strings.date(f.inForceFrom, language)]))
        } else if old.count > 1 {
            let zh = language == "zh-Hant"
            let list = old.map { Strings.fill(Strings.text(.staleFeeItem, language), [$0.name, Format.money($0.amount), Strings.date($0.inForceFrom, language)]) }
            out.append(Strings.fill(Strings.text(.staleFees, language), [list.joined(separator: zh ? "；" : "; ")]))
        }
        return out
    }
}
