import LotrFlow

/// Why an answer cannot be accepted, in words the person can act on.
/// `message` may quote what the person typed back to them (on their own screen);
/// `withoutValues` says the same with no part of the answer, for standard error and logs.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var withoutValues: String
    /// A message that quotes nothing the person typed.
    public init(_ message: String) { self.message = message; self.withoutValues = message }
    public init(_ message: String, withoutValues: String) { self.message = message; self.withoutValues = withoutValues }
    public var description: String { message }

    /// The same problem about a named answer ("answer \"id\": …").
    public func about(_ prefix: String) -> AnswerProblem {
        AnswerProblem(prefix + message, withoutValues: prefix + withoutValues)
    }
}

/// An answer as it arrives from a file or a front end, before it is checked against its question.
public indirect enum AnswerInput: Sendable {
    case bool(Bool)
    case integer(Int)
    /// A number with a fraction, kept as written (money).
    case decimal(String)
    case string(String)
    case array([AnswerInput])
    case object([String: AnswerInput])
    case null
}

/// Turns raw input into typed answers with messages a person can act on. The same messages serve
/// `decide`, the full-screen front end and the plain line mode.
public enum AnswerParser {
    public static func parse(_ input: AnswerInput, for q: Question, today: CivilDate) -> Result<Value, AnswerProblem> {
        let value: Value
        switch (q.kind, input) {
        case (.yesNo, .bool(let b)): value = .bool(b)
        case (.yesNo, .string(let s)):
            switch s.lowercased() {
            case "yes", "y", "true": value = .bool(true)
            case "no", "n", "false": value = .bool(false)
            default: return .failure(AnswerProblem("answer yes or no"))
            }
        case (.choice, .string(let s)):
            guard q.options.contains(where: { $0.id == s }) else { return .failure(AnswerProblem("'\(s)' is not one of the options: \(optionList(q))",
                                                    withoutValues: "the answer is not one of the options: \(optionList(q))")) }
            value = .option(s)
        case (.multiChoice, .array(let items)):
            var chosen: Set<String> = []
            for item in items {
                guard case .string(let s) = item, q.options.contains(where: { $0.id == s }) else {
                    return .failure(AnswerProblem("each choice must be one of the options: \(optionList(q))"))
                }
                chosen.insert(s)
            }
            value = .options(q.options.map(\.id).filter { chosen.contains($0) })
        case (.date, .string(let s)):
            // The same words as the front ends give for a date typed by hand; they never quote it.
            guard let d = CivilDate(written: s) else { return .failure(AnswerProblem(TypedInput.dateProblem(s.trimmingSpaces))) }
            value = .date(d)
        case (.number, .integer(let n)): value = .number(n)
        case (.number, .string(let s)):
            guard let n = Int(s.filter { $0 != "," }) else { return .failure(AnswerProblem("'\(s)' is not a whole number", withoutValues: "the answer is not a whole number")) }
            value = .number(n)
        case (.money, .integer(let n)):
            guard n.magnitude < 100_000_000 else { return .failure(AnswerProblem("that amount is too large")) }
            value = .money(n * 100)
        case (.money, .decimal(let s)), (.money, .string(let s)):
            guard let p = parseMoney(s) else { return .failure(AnswerProblem("'\(s)' is not an amount of money (e.g. 1258.00)",
                                                    withoutValues: "the answer is not an amount of money (e.g. 1258.00)")) }
            value = .money(p)
        case (.text, .string(let s)): value = .text(s)
        case (.dateRanges, .array(let items)):
            // Refused before reading them: checking a list costs time that grows with its length.
            guard items.count <= Calculations.maximumRanges else {
                return .failure(AnswerProblem(tooManyRanges(items.count)))
            }
            var ranges: [DateRange] = []
            for (i, item) in items.enumerated() {
                guard case .object(let o) = item, case .string(let f)? = o["from"], case .string(let t)? = o["to"] else {
                    return .failure(AnswerProblem("item \(i + 1) must be {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}"))
                }
                guard let from = CivilDate(written: f) else { return .failure(AnswerProblem("item \(i + 1): '\(f)' is not a real date", withoutValues: "item \(i + 1): the departure date is not a real date")) }
                guard let to = CivilDate(written: t) else { return .failure(AnswerProblem("item \(i + 1): '\(t)' is not a real date", withoutValues: "item \(i + 1): the return date is not a real date")) }
                ranges.append(DateRange(from: from, to: to))
            }
            value = .ranges(ranges)
        default:
            return .failure(AnswerProblem("expected \(describe(q.kind))"))
        }
        if let problem = check(value, for: q, today: today) { return .failure(AnswerProblem(problem)) }
        return .success(value)
    }

    /// Checks the limits a question sets. nil when the answer is acceptable.
    public static func check(_ value: Value, for q: Question, today: CivilDate) -> String? {
        switch value {
        case .options(let ids):
            return choiceProblem(ids, for: q)
        case .date(let d):
            if q.mustBePast && d > today { return "this date is in the future; it must be today or earlier" }
            if q.mustBeFuture && d < today { return "this date is in the past; it must be today or later" }
            if d.year < 1900 { return "this date is too long ago; check the year" }
        case .number(let n):
            if let min = q.minimum, n < min { return "the number must be at least \(min)" }
            if let max = q.maximum, n > max { return "the number must be at most \(max)" }
            if n < 0 && q.minimum == nil { return "the number cannot be negative" }
        case .money(let p):
            if let min = q.minimum, p < min * 100 { return "the amount must be at least \(Format.money(min * 100))" }
            if let max = q.maximum, p > max * 100 { return "the amount must be at most \(Format.money(max * 100))" }
            if p < 0 { return "the amount cannot be negative" }
        case .text(let s):
            if let max = q.maxLength, s.count > max { return "please keep this to \(max) characters" }
        case .ranges(let rs):
            for (i, r) in rs.enumerated() {
                if q.mustBePast && r.to > today { return "item \(i + 1) ends in the future; only periods that have ended count" }
                if r.from.year < 1900 { return "item \(i + 1) starts too long ago; check the year" }
            }
            if let problem = Calculations.firstProblem(rs) {
                switch problem {
                case .returnBeforeDeparture(let i): return "item \(i + 1): the return date is before the departure date"
                case .overlap(let a, let b): return "items \(a + 1) and \(b + 1) overlap; you cannot leave again before coming back"
                case .tooMany(let n, _): return tooManyRanges(n)
                }
            }
        default: break
        }
        return nil
    }

    /// The rules every front end applies to a multiple choice answer: something must be chosen
    /// when the question has its own "None of these" option (an empty answer would be a guess),
    /// and that option stands alone. A question without one takes an empty list as "none".
    public static func choiceProblem(_ ids: [String], for q: Question) -> String? {
        guard q.kind == .multiChoice else { return nil }
        let exclusive = q.options.filter(\.isExclusive)
        if ids.isEmpty, !exclusive.isEmpty { return "tick at least one, or “None of these”" }
        if ids.count > 1, let alone = exclusive.first(where: { ids.contains($0.id) }) {
            _ = alone
            return "“None of these” cannot be chosen together with another answer"
        }
        return nil
    }

    /// "1,258.50", "£1258", "1258.5" → pence.
    public static func parseMoney(_ raw: String) -> Int? {
        var s = raw.filter { $0 != "," && $0 != " " }
        if s.hasPrefix("£") { s.removeFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard !s.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let pounds = Int(parts[0].isEmpty ? "0" : String(parts[0])), pounds < 100_000_000 else { return nil }
        var pence = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let p = Int(parts[1]) else { return nil }
            pence = parts[1].count == 1 ? p * 10 : p
        }
        return pounds * 100 + pence
    }

    static func tooManyRanges(_ count: Int) -> String {
        "there are \(count) periods; at most \(Calculations.maximumRanges) can be given (join trips that follow each other, or ask an adviser)"
    }

    static func optionList(_ q: Question) -> String { q.options.map(\.id).joined(separator: ", ") }

    public static func describe(_ kind: QuestionKind) -> String {
        switch kind {
        case .yesNo: return "yes or no (true/false)"
        case .choice: return "one option id as text"
        case .multiChoice: return "a list of option ids"
        case .date: return "a date as \"YYYY-MM-DD\""
        case .number: return "a whole number"
        case .money: return "an amount such as 1258.00"
        case .text: return "text"
        case .dateRanges: return "a list of {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}"
        }
    }
}
