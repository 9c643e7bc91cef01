import LotrFlow

/// Evaluates type-checked expressions. The validator has proved that every answer read here
/// exists and has the right type; the fallbacks below exist only so that a broken invariant
/// gives a wrong-but-safe value instead of a crash in front of a user.
public struct Evaluator {
    public let flows: FlowSet
    public let answers: Answers
    public let today: CivilDate

    public init(flows: FlowSet, answers: Answers, today: CivilDate) {
        self.flows = flows
        self.answers = answers
        self.today = today
    }

    public func isTrue(_ e: Expr) -> Bool {
        if case .bool(let b) = evaluate(e) { return b }
        return false
    }

    public func evaluate(_ e: Expr) -> Value {
        switch e.kind {
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .money(let p): return .money(p)
        case .date(let d): return .date(d)
        case .string(let s): return .text(s)
        case .today: return .date(today)
        case .list(let items): return .list(items.map(evaluate))
        case .identifier(let name):
            if let v = answers[name] { return v }
            if let rate = flows.rates[name] {
                let v = rate.value(on: today)?.value ?? 0
                return rate.type == .money ? .money(v) : .number(v)
            }
            return .bool(false)
        case .unary(.not, let x): return .bool(!isTrue(x))
        case .unary(.negate, let x):
            switch evaluate(x) {
            case .number(let n): return .number(0 &- n)
            case .money(let p): return .money(0 &- p)
            default: return .number(0)
            }
        case .binary(let op, let a, let b): return binary(op, a, b)
        case .call(let name, let args): return call(name, args.map(evaluate))
        }
    }

    func binary(_ op: BinaryOp, _ a: Expr, _ b: Expr) -> Value {
        switch op {
        case .and: return .bool(isTrue(a) && isTrue(b))
        case .or: return .bool(isTrue(a) || isTrue(b))
        default: break
        }
        let x = evaluate(a), y = evaluate(b)
        switch op {
        case .equal: return .bool(same(x, y))
        case .notEqual: return .bool(!same(x, y))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let c = compare(x, y)
            switch op {
            case .less: return .bool(c < 0)
            case .lessOrEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .in:
            switch (x, y) {
            case (_, .list(let items)): return .bool(items.contains { same(x, $0) })
            case (.text(let s), .options(let ids)): return .bool(ids.contains(s))
            default: return .bool(false)
            }
        case .plus, .minus, .times, .divide:
            return arithmetic(op, x, y)
        default: return .bool(false)
        }
    }

    /// Option answers compare equal to the text of their id.
    func same(_ x: Value, _ y: Value) -> Bool {
        switch (x, y) {
        case (.option(let a), .text(let b)), (.text(let a), .option(let b)): return a == b
        default: return x == y
        }
    }

    func compare(_ x: Value, _ y: Value) -> Int {
        switch (x, y) {
        case (.number(let a), .number(let b)), (.money(let a), .money(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default: return 0
        }
    }

    /// Saturating arithmetic: an absurd answer (a number of years in the billions) must not
    /// crash the program on overflow.
    func arithmetic(_ op: BinaryOp, _ x: Value, _ y: Value) -> Value {
        func apply(_ a: Int, _ b: Int) -> Int {
            switch op {
            case .plus: return saturating(a.addingReportingOverflow(b), sign: b)
            case .minus: return saturating(a.subtractingReportingOverflow(b), sign: -b)
            case .times: return saturating(a.multipliedReportingOverflow(by: b), sign: (a < 0) == (b < 0) ? 1 : -1)
            default: return b == 0 ? 0 : a / b
            }
        }
        switch (x, y) {
        case (.number(let a), .number(let b)): return .number(apply(a, b))
        case (.money(let a), .money(let b)), (.money(let a), .number(let b)), (.number(let b), .money(let a)):
            return .money(apply(a, b))
        default: return .number(0)
        }
    }

    func saturating(_ r: (partialValue: Int, overflow: Bool), sign: Int) -> Int {
        r.overflow ? (sign >= 0 ? Int.max : Int.min) : r.partialValue
    }

    /// The named calculations. A test checks that every function the validator accepts is here.
    public static let implemented: Set<String> = [
        "days_between", "years_between", "months_between", "add_days", "add_months", "add_years", "min", "max",
        "count", "total_days", "longest_days", "max_days_in_any_12_months", "total_days_before",
        "longest_days_before", "earliest_date", "latest_date", "qualifying_date", "qualifying_period_end",
        "qualifying_period_start", "in_qualifying_period", "trips_started_before", "trips_started_from",
        "max_days_in_fixed_12_months", "trips_excluding", "absences_in_qualifying_period",
    ]

    func call(_ name: String, _ args: [Value]) -> Value {
        func date(_ i: Int) -> CivilDate { if case .date(let d) = args[i] { return d }; return today }
        func number(_ i: Int) -> Int { if case .number(let n) = args[i] { return n }; return 0 }
        func ranges(_ i: Int) -> [DateRange] { if case .ranges(let r) = args[i] { return r }; return [] }
        // Calendar arithmetic is clamped to years 1–9999 so that any typed number stays a real date.
        func clampedShift(_ d: CivilDate, months: Int) -> CivilDate {
            let limit = 9999 * 12
            return d.adding(months: max(-limit, min(limit, months)))
        }
        switch name {
        case "days_between": return .number(Calculations.daysBetween(date(0), date(1)))
        case "years_between": return .number(Calculations.yearsBetween(date(0), date(1)))
        case "months_between": return .number(Calculations.monthsBetween(date(0), date(1)))
        case "add_days": return .date(date(0).adding(days: max(-3_000_000, min(3_000_000, number(1)))))
        case "add_months": return .date(clampedShift(date(0), months: number(1)))
        case "add_years":
            let n = max(-10_000, min(10_000, number(1)))
            return .date(clampedShift(date(0), months: n * 12))
        case "min": return compare(args[0], args[1]) <= 0 ? args[0] : args[1]
        case "max": return compare(args[0], args[1]) >= 0 ? args[0] : args[1]
        case "count":
            switch args[0] {
            case .ranges(let r): return .number(r.count)
            case .options(let o): return .number(o.count)
            default: return .number(0)
            }
        case "total_days": return .number(Calculations.totalDays(ranges(0)))
        case "longest_days": return .number(Calculations.longestDays(ranges(0)))
        case "max_days_in_any_12_months": return .number(Calculations.maxDaysInAny12Months(ranges(0)))
        case "total_days_before": return .number(Calculations.totalDaysBefore(ranges(0), date(1)))
        case "longest_days_before": return .number(Calculations.longestDaysBefore(ranges(0), date(1)))
        case "earliest_date": return .date(Calculations.earliestDate(ranges(0)) ?? today)
        case "latest_date": return .date(Calculations.latestDate(ranges(0)) ?? today)
        case "qualifying_date":
            return .date(Calculations.qualifyingDate(start: date(0), years: number(1), gaps: ranges(2), excluded: ranges(3)))
        case "qualifying_period_end":
            return .date(Calculations.qualifyingPeriodEnd(start: date(0), years: number(1), gaps: ranges(2), excluded: ranges(3), today: today))
        case "qualifying_period_start":
            let end = Calculations.qualifyingPeriodEnd(start: date(0), years: number(1), gaps: ranges(2), excluded: ranges(3), today: today)
            return .date(Calculations.qualifyingPeriodStart(start: date(0), years: number(1), gaps: ranges(2), excluded: ranges(3), end: end))
        case "in_qualifying_period":
            return .ranges(Calculations.inQualifyingPeriod(ranges(0), start: date(1), years: number(2), gaps: ranges(3),
                                                           excluded: ranges(4), today: today))
        case "trips_excluding": return .ranges(Calculations.tripsExcluding(ranges(0), ranges(1)))
        case "absences_in_qualifying_period":
            return .ranges(Calculations.absencesInQualifyingPeriod(ranges(0), excused: ranges(1), start: date(2), years: number(3),
                                                                   gaps: ranges(4), uncounted: ranges(5), today: today))
        case "trips_started_before": return .ranges(Calculations.tripsStartedBefore(ranges(0), date(1)))
        case "trips_started_from": return .ranges(Calculations.tripsStartedFrom(ranges(0), date(1)))
        case "max_days_in_fixed_12_months": return .number(Calculations.maxDaysInFixed12Months(ranges(0), end: date(1)))
        default: return .number(0)
        }
    }

    /// Fills a template's `{{ }}` parts for one language.
    public func render(_ t: Template, language: String) -> String {
        let parts = t.parts[language] ?? t.parts["en"] ?? []
        var out = ""
        for part in parts {
            switch part {
            case .text(let s): out += s
            case .expr(let e):
                let v = evaluate(e.expr)
                var question: Question?
                if case .identifier(let id) = e.expr.kind { question = flows.questions[id] }
                out += Format.value(v, question: question, language: language)
            }
        }
        return out
    }
}
