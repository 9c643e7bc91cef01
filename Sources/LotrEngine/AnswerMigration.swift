import LotrFlow

/// Carries answers to questions that were replaced over to the question that took their place
/// (a question's `replaces` list). Today that means joining date-range lists: two old trip lists
/// become one. The person is told, because the joined list is theirs to check.
public enum AnswerMigration {
    /// One question answered from the answers to questions it replaced.
    public struct Merged: Hashable, Sendable {
        public var into: String
        public var from: [String]
        public init(into: String, from: [String]) { self.into = into; self.from = from }
    }

    /// `old` holds answers keyed by question ids that may no longer exist. Returns, for each
    /// current question that has no answer in `old` and replaces ids that do, the joined answer
    /// (ranges in the order of the `replaces` list, then in the order given), and which ids it
    /// came from. Answers that cannot be joined (not date ranges) are not used.
    public static func merge(_ old: [String: Value], flows: FlowSet) -> (answers: Answers, merged: [Merged]) {
        var answers: Answers = [:]
        var merged: [Merged] = []
        for id in flows.questionOrder {
            guard let q = flows.questions[id], !q.replaces.isEmpty, old[id] == nil else { continue }
            var ranges: [DateRange] = []
            var from: [String] = []
            for replaced in q.replaces {
                guard flows.questions[replaced] == nil, case .ranges(let rs)? = old[replaced] else { continue }
                ranges += rs
                from.append(replaced)
            }
            guard !from.isEmpty else { continue }
            answers[id] = .ranges(ranges)
            merged.append(Merged(into: id, from: from))
        }
        return (answers, merged)
    }

    /// A plain sentence for the person in `language`, naming the joined question by its text
    /// (not its id). The sentence is written in English and translated by `EngineMessages`,
    /// like the engine's other messages.
    public static func message(_ merged: [Merged], flows: FlowSet, language: String = "en") -> String {
        merged.map { m in
            var text = flows.questions[m.into]?.text.text(language) ?? m.into
            while let last = text.last, ".。?？".contains(last) { text.removeLast() }
            return EngineMessages.translate(
                "Your earlier answers to \(m.from.count) questions were joined into one list: “\(text)”. Please check it.", to: language)
        }.joined(separator: " ")
    }
}
