import LotrFlow

/// Reads a JSON answers file: an object keyed by question id. Every problem names the answer.
public enum AnswersFile {
    public static func parse(_ text: String, flows: FlowSet, today: CivilDate) -> Result<Answers, AnswerProblem> {
        let root: AnswerInput
        switch JSONReader.parse(text) {
        case .success(let r): root = r
        case .failure(let f):
            return .failure(AnswerProblem("the answers file is not valid JSON (\(f))",
                                          withoutValues: "the answers file is not valid JSON (line \(f.line): \(f.withoutValues))"))
        }
        guard case .object(let object) = root else {
            return .failure(AnswerProblem("the answers file must be a JSON object keyed by question id"))
        }
        var answers: Answers = [:]
        for key in object.keys.sorted() {
            guard let q = flows.questions[key] else {
                let hint = flows.questionOrder.first { $0.hasPrefix(key) || key.hasPrefix($0) }.map { " (did you mean \"\($0)\"?)" } ?? ""
                return .failure(AnswerProblem("answer \"\(key)\": there is no such question\(hint); `lotr questions` lists them"))
            }
            if case .null = object[key]! { continue }
            switch AnswerParser.parse(object[key]!, for: q, today: today) {
            case .success(let v): answers[key] = v
            case .failure(let problem): return .failure(problem.about("answer \"\(key)\": "))
            }
        }
        return .success(answers)
    }
}
