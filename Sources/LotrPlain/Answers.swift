import LotrEngine
import LotrFlow

extension PlainSession {
    /// What to type, the start of every prompt for a question of this kind.
    func instruction(for q: Question) -> String {
        switch q.kind {
        case .yesNo:
            return t(.yesNo)
        case .choice:
            return choiceRange(q)
        case .multiChoice:
            return t(.multiChoice)
        case .date:
            return t(.date)
        case .number:
            var s = t(.wholeNumber)
            if let unit = q.unit?.text(language), !unit.isEmpty { s += t(.numberUnit, unit) }
            switch (q.minimum, q.maximum) {
            case let (min?, max?): s += t(.numberRange, min, max)
            case let (min?, nil): s += t(.numberAtLeast, min)
            case let (nil, max?): s += t(.numberUpTo, max)
            default: break
            }
            return s
        case .money:
            return t(.money)
        case .text:
            return q.maxLength.map { t(.textUpTo, $0) } ?? t(.textAny)
        case .dateRanges:
            return rangeInstruction(q)
        }
    }

    func choiceRange(_ q: Question) -> String {
        q.options.count == 1 ? t(.chooseOne) : t(.chooseNumber, q.options.count)
    }

    /// Turns a typed line into an answer. Dates, numbers, money and text go through
    /// `TypedInput`, so the messages are the full-screen mode's, in the person's language.
    func parse(_ line: String, for q: Question) -> Result<Value, AnswerProblem> {
        // Typed text is kept exactly as written; everything else may come from a Chinese input
        // method in full-width characters.
        let folded = q.kind == .text ? line : line.foldingFullWidth
        switch q.kind {
        case .yesNo:
            let t = normalized(line)
            if PlainCommand.yes.matches(t) { return .success(.bool(true)) }
            if PlainCommand.no.matches(t) { return .success(.bool(false)) }
            return .failure(AnswerProblem(self.t(.yesNoRetry)))
        case .choice:
            return option(normalized(line), in: q).map { .option($0) }
        case .multiChoice:
            let t = normalized(line)
            if PlainCommand.none.matches(t) {
                // A flow's own "None of these" option is what its routes test for.
                if case .success(let id) = option("none", in: q) { return .success(.options([id])) }
                return .success(.options([]))
            }
            let tokens = t.split(whereSeparator: { $0 == "," || $0 == "、" || $0.isWhitespace }).map(String.init)
            guard !tokens.isEmpty else {
                return .failure(AnswerProblem(self.t(.multiEmpty)))
            }
            var chosen: Set<String> = []
            for token in tokens {
                if PlainCommand.none.matches(token) {
                    return .failure(AnswerProblem(self.t(.noneAlone)))
                }
                switch option(token, in: q) {
                case .success(let id): chosen.insert(id)
                case .failure(let problem): return .failure(problem)
                }
            }
            let ids = q.options.map(\.id).filter(chosen.contains)
            // The engine's rule, as in every front end: "None of these" stands alone.
            if AnswerParser.choiceProblem(ids, for: q) != nil { return .failure(AnswerProblem(self.t(.noneAlone))) }
            return .success(.options(ids))
        case .date:
            return TypedInput.date(folded, for: q, today: today).map { .date($0) }.mapError(localized)
        case .number:
            return TypedInput.number(folded, for: q, today: today).map { .number($0) }.mapError(localized)
        case .money:
            return TypedInput.money(folded, for: q, today: today).map { .money($0) }.mapError(localized)
        case .text:
            return TypedInput.text(folded, for: q, today: today).map { .text($0) }.mapError(localized)
        case .dateRanges:
            // Lists are built in their own small dialogue, never typed on one line.
            return .failure(AnswerProblem(rangeInstruction(q) + (language == "zh-Hant" ? "。" : ".")))
        }
    }

    /// An engine message in the person's language.
    func localized(_ problem: AnswerProblem) -> AnswerProblem {
        AnswerProblem(PlainStrings.problem(problem.message, language))
    }

    /// An option by its number, its id or its text (in the session's language or in English).
    func option(_ t: String, in q: Question) -> Result<String, AnswerProblem> {
        let count = q.options.count
        let range = choiceRange(q)
        if t.isEmpty { return .failure(AnswerProblem(self.t(.chooseOption, range))) }
        if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let n = Int(t), (1...count).contains(n) else {
                return .failure(AnswerProblem(self.t(.noOption, t, range)))
            }
            return .success(q.options[n - 1].id)
        }
        if let o = q.options.first(where: {
            $0.id.lowercased() == t || $0.text.text(language).foldingFullWidth.lowercased() == t
                || $0.text.text("en").lowercased() == t
        }) {
            return .success(o.id)
        }
        return .failure(AnswerProblem(self.t(.notAnOption, t, range)))
    }
}
