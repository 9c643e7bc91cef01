import LotrFlow

public struct FormInfo: Hashable, Sendable {
    public var id: String
    public var code: String
    /// In the person's language.
    public var name: String
    /// As on GOV.UK: exports name forms in English whatever the language.
    public var englishName: String
    /// The GOV.UK page of the form (its source document's address), when the flows give one.
    public var url: String?
    public init(id: String, code: String, name: String, englishName: String? = nil, url: String? = nil) {
        self.id = id
        self.code = code
        self.url = url
        self.name = name
        self.englishName = englishName ?? name
    }
}

public struct FeeLine: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Pence, per application or per year.
    public var amount: Int
    public var per: Rate.Per
    /// For a yearly surcharge, the years of leave it is paid for, in tenths.
    public var tenthsOfYears: Int?
    /// Pence in all.
    public var total: Int
    public var inForceFrom: CivilDate
    public var source: String
    /// The newest value is more than 13 months old on the day of the assessment: it is shown with
    /// a warning, never as simply "in force".
    public var mayBeOutOfDate: Bool = false
}

public struct ChecklistItem: Hashable, Sendable {
    public var id: String
    public var text: String
    public var help: String?
    /// Why it is asked for, in plain words.
    public var why: String
    /// The questions whose answers put it on the list.
    public var triggeredBy: [String]
    public var source: String
    /// The address of the source document, when the flows give one.
    public var sourceURL: String? = nil
}

public struct OutcomeResult: Hashable, Sendable {
    public var id: String
    /// rules, article8, article3, discretionary, compassionate or none.
    public var stage: String
    public var form: FormInfo?
    public var title: String
    public var explanation: String
    public var reasons: [String]
    public var grant: String?
    public var conditions: String?
    public var fees: [FeeLine]
    public var feesAsOf: CivilDate
    public var feeWaiver: String?
    public var appeal: String?
    public var warnings: [String]
    public var checklist: [ChecklistItem]
    public var source: String?
    public var reviewed: CivilDate
    public var rulesVersions: [String]
    public var flowVersion: String
    /// "Routes checked": every loaded stage in the fixed order.
    public var routes: [RouteCheck] = []
    /// The dates to act on, in date order.
    public var dates: [KeyDate] = []
    /// Files the result rests on whose `review_by` has passed.
    public var staleFiles: [StaleFile] = []
    /// Plain warnings for out-of-date guidance and old fees, in the person's language.
    public var staleWarnings: [String] = []
}

struct OutcomeBuilder {
    let flows: FlowSet
    let evaluator: Evaluator
    let language: String

    func build(_ o: Outcome, path: [String], taken: [TakenRoute] = []) -> OutcomeResult {
        let reasons = [evaluator.render(o.explanation, language: language)] + applying(o.reasons)
        var fees: [FeeLine] = []
        if let id = o.fee, let line = feeLine(id, tenths: nil) { fees.append(line) }
        if let ihs = o.ihs, let line = feeLine(ihs.rate, tenths: ihs.tenthsOfYears) { fees.append(line) }
        let checklist = o.evidence.compactMap { rule -> ChecklistItem? in
            guard rule.condition.map({ evaluator.isTrue($0.expr) }) ?? true, let item = flows.evidence[rule.item] else { return nil }
            let triggers = rule.condition?.expr.identifiers.filter { flows.questions[$0] != nil } ?? []
            var why = rule.why?.text(language) ?? (triggers.isEmpty ? Strings.text(.neededForThis, language) : "")
            if !triggers.isEmpty {
                let zh = language == "zh-Hant"
                let asked = triggers.compactMap { flows.questions[$0]?.text.text(language) }.map { zh ? "「\($0)」" : "“\($0)”" }
                let from = Strings.text(.fromYourAnswerTo, language)
                why += zh ? "（\(from)\(asked.joined(separator: "、"))）"
                          : (why.isEmpty ? "" : " ") + "(\(from) \(asked.joined(separator: " and ")))"
            }
            return ChecklistItem(id: item.id, text: item.text.text(language), help: item.help?.text(language), why: why,
                                 triggeredBy: triggers, source: item.source.text(language), sourceURL: item.source.document.url)
        }
        var seen: Set<String> = []
        let unique = checklist.filter { seen.insert($0.id).inserted }
        let form = o.form.flatMap { flows.forms[$0] }.map { FormInfo(id: $0.id, code: $0.code, name: $0.name.text(language), englishName: $0.name.en,
                                                                              url: $0.source.document.url) }
        var result = OutcomeResult(
            id: o.id, stage: o.stage?.rawValue ?? "none", form: form, title: o.title.text(language),
            explanation: reasons[0], reasons: reasons, grant: o.grant?.text(language), conditions: o.conditions?.text(language),
            fees: fees, feesAsOf: evaluator.today, feeWaiver: o.feeWaiver?.text(language), appeal: o.appeal?.text(language),
            warnings: applying(o.warnings), checklist: unique, source: o.source?.text(language), reviewed: flows.reviewed,
            rulesVersions: flows.rulesVersions(language), flowVersion: flows.version)
        result.routes = routesChecked(o, taken: taken, path: path)
        result.dates = keyDates(o, taken: taken)
        result.staleFiles = staleFiles(o, taken: taken, path: path, checklist: unique)
        result.staleWarnings = staleWarnings(files: result.staleFiles, fees: fees)
        return result
    }

    func applying(_ texts: [ConditionalText]) -> [String] {
        texts.filter { $0.condition.map { evaluator.isTrue($0.expr) } ?? true }.map { evaluator.render($0.text, language: language) }
    }

    func feeLine(_ id: String, tenths: Int?) -> FeeLine? {
        guard let rate = flows.rates[id], let value = rate.value(on: evaluator.today) else { return nil }
        let total = tenths.map { value.value * $0 / 10 } ?? value.value
        return FeeLine(id: id, name: rate.name.text(language), amount: value.value, per: rate.per, tenthsOfYears: tenths,
                       total: total, inForceFrom: value.from, source: value.source.text(language),
                       mayBeOutOfDate: RateAge.isStale(from: value.from, today: evaluator.today))
    }
}
