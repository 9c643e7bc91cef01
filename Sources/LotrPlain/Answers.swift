import LotrEngine
import LotrFlow

extension PlainSession {
    /// What to type, the start of every prompt for a question of this kind.
    func instruction(for q: Question) -> String {
        switch q.kind {
        case .yesNo:
            return "Type 1 for Yes or 2 for No"
        case .choice:
            return q.options.count == 1 ? "Type 1" : "Type a number from 1 to \(q.options.count)"
        case .multiChoice:
            return "Type the numbers of all that apply, such as 1 3, or none"
        case .date:
            return "Type a date as DD/MM/YYYY"
        case .number:
            var s = "Type a whole number"
            if let unit = q.unit?.text(language), !unit.isEmpty { s += " of \(unit)" }
            switch (q.minimum, q.maximum) {
            case let (min?, max?): s += " from \(min) to \(max)"
            case let (min?, nil): s += " of at least \(min)"
            case let (nil, max?): s += " up to \(max)"
            default: break
            }
            return s
        case .money:
            return "Type an amount in pounds, for example 1258.50"
        case .text:
            return q.maxLength.map { "Type your answer in up to \($0) characters" } ?? "Type your answer"
        case .dateRanges:
            return rangeInstruction(q)
        }
    }

    /// Turns a typed line into an answer. Dates, numbers, money and text go through
    /// `TypedInput`, so the messages are the full-screen mode's.
    func parse(_ line: String, for q: Question) -> Result<Value, AnswerProblem> {
        switch q.kind {
        case .yesNo:
            switch normalized(line) {
            case "1", "yes", "y": return .success(.bool(true))
            case "2", "no", "n": return .success(.bool(false))
            default: return .failure(AnswerProblem("Please type 1 for Yes or 2 for No."))
            }
        case .choice:
            return option(normalized(line), in: q).map { .option($0) }
        case .multiChoice:
            let t = normalized(line)
            if t == "none" {
                // A flow's own "None of these" option is what its routes test for.
                if case .success(let id) = option(t, in: q) { return .success(.options([id])) }
                return .success(.options([]))
            }
            let tokens = t.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            guard !tokens.isEmpty else {
                return .failure(AnswerProblem("Please type the numbers of all that apply, such as 1 3, or none if none of them apply."))
            }
            var chosen: Set<String> = []
            for token in tokens {
                if token == "none" {
                    return .failure(AnswerProblem("Type none on its own, or only the numbers that apply."))
                }
                switch option(token, in: q) {
                case .success(let id): chosen.insert(id)
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(.options(q.options.map(\.id).filter(chosen.contains)))
        case .date:
            return TypedInput.date(line, for: q, today: today).map { .date($0) }
        case .number:
            return TypedInput.number(line, for: q, today: today).map { .number($0) }
        case .money:
            return TypedInput.money(line, for: q, today: today).map { .money($0) }
        case .text:
            return TypedInput.text(line, for: q, today: today).map { .text($0) }
        case .dateRanges:
            // Lists are built in their own small dialogue, never typed on one line.
            return .failure(AnswerProblem(rangeInstruction(q) + "."))
        }
    }

    /// An option by its number, its id or its text.
    func option(_ t: String, in q: Question) -> Result<String, AnswerProblem> {
        let count = q.options.count
        let range = count == 1 ? "Type 1" : "Type a number from 1 to \(count)"
        if t.isEmpty { return .failure(AnswerProblem("Please choose an option. \(range).")) }
        if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let n = Int(t), (1...count).contains(n) else {
                return .failure(AnswerProblem("There is no option \(t). \(range)."))
            }
            return .success(q.options[n - 1].id)
        }
        if let o = q.options.first(where: { $0.id.lowercased() == t || $0.text.text(language).lowercased() == t }) {
            return .success(o.id)
        }
        return .failure(AnswerProblem("\"\(t)\" is not one of the options. \(range)."))
    }
}
