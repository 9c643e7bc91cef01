import LotrFlow

/// Reads a JSON answers file: an object keyed by question id. Every problem names the answer.
public enum AnswersFile {
    public static func parse(_ text: String, flows: FlowSet, today: CivilDate) -> Result<Answers, AnswerProblem> {
        let root: AnswerInput
        switch JSONReader.parse(text) {
        case .success(let r): root = r
        case .failure(let f): return .failure(AnswerProblem("the answers file is not valid JSON (\(f))"))
        }
        guard case .object(let object) = root else {
            return .failure(AnswerProblem("the answers file must be a JSON object keyed by question id"))
        }
        var answers: Answers = [:]
        // Answers to questions that were replaced are read as answers to their replacement and
        // joined (AnswerMigration), unless the file also answers the replacement itself.
        var replacedBy: [String: Question] = [:]
        for q in flows.questions.values { for old in q.replaces { replacedBy[old] = q } }
        var old: Answers = [:]
        for key in object.keys.sorted() {
            if flows.questions[key] == nil, let q = replacedBy[key] {
                if case .null = object[key]! { continue }
                switch AnswerParser.parse(object[key]!, for: q, today: today) {
                case .success(let v): old[key] = v
                case .failure(let problem): return .failure(AnswerProblem("answer \"\(key)\" (now part of \"\(q.id)\"): \(problem.message)"))
                }
                continue
            }
            guard let q = flows.questions[key] else {
                let hint = flows.questionOrder.first { $0.hasPrefix(key) || key.hasPrefix($0) }.map { " (did you mean \"\($0)\"?)" } ?? ""
                return .failure(AnswerProblem("answer \"\(key)\": there is no such question\(hint); `lotr questions` lists them"))
            }
            if case .null = object[key]! { continue }
            switch AnswerParser.parse(object[key]!, for: q, today: today) {
            case .success(let v): answers[key] = v
            case .failure(let problem): return .failure(AnswerProblem("answer \"\(key)\": \(problem.message)"))
            }
        }
        let carried = AnswerMigration.merge(old, flows: flows).answers
        answers.merge(carried.filter { object[$0.key] == nil }) { a, _ in a }
        return .success(answers)
    }
}
