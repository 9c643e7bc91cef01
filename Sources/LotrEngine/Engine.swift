import LotrFlow

/// One step of the walk through the flows: which question was answered and which route its
/// answer chose — what `--trace` prints and what "why am I asked this?" draws on.
public struct TraceStep: Hashable, Sendable {
    public var question: String
    public var stage: Stage
    /// The condition that chose the route, or nil for the default route.
    public var condition: String?
    public var target: String
    public var handOff: Bool
}

public struct Assessment: Sendable {
    /// Question ids in the order asked, each answered.
    public var path: [String]
    public var trace: [TraceStep]
    /// The next question to ask, when answers are incomplete.
    public var next: Question?
    public var outcome: OutcomeResult?
    public var today: CivilDate

    public var isComplete: Bool { outcome != nil }
}

public enum Engine {
    /// Walks the flows from the first question, following the routes each answer chooses,
    /// until it reaches a question without an answer or an outcome. Pure: `today` is passed in.
    public static func assess(_ flows: FlowSet, answers: Answers, today: CivilDate, language: String = "en") -> Assessment {
        let evaluator = Evaluator(flows: flows, answers: answers, today: today)
        var path: [String] = []
        var trace: [TraceStep] = []
        var taken: [TakenRoute] = []
        var node = flows.firstNode
        // The graph is acyclic, so a walk visits each node at most once; the bound is a guard.
        var budget = flows.questions.count + flows.outcomes.count + 1
        while let id = node, budget > 0 {
            budget -= 1
            if let outcome = flows.outcomes[id] {
                let result = OutcomeBuilder(flows: flows, evaluator: evaluator, language: language).build(outcome, path: path, taken: taken)
                return Assessment(path: path, trace: trace, next: nil, outcome: result, today: today)
            }
            guard let q = flows.questions[id] else { break }
            guard answers[id] != nil else {
                return Assessment(path: path, trace: trace, next: q, outcome: nil, today: today)
            }
            path.append(id)
            guard let route = q.next.first(where: { $0.condition.map { evaluator.isTrue($0.expr) } ?? true }) else { break }
            taken.append(TakenRoute(question: q, route: route))
            switch route.target {
            case .node(let n):
                trace.append(TraceStep(question: id, stage: q.stage, condition: route.condition?.text, target: n, handOff: false))
                node = n
            case .nextStage:
                let n = flows.startAfter(q.stage)
                trace.append(TraceStep(question: id, stage: q.stage, condition: route.condition?.text, target: n ?? "", handOff: true))
                node = n
            }
        }
        // Unreachable for validated flows; a safe answer rather than a crash.
        return Assessment(path: path, trace: trace, next: nil, outcome: nil, today: today)
    }

    /// The answers still on the path, in the order asked: what to keep in an export after an
    /// earlier answer changed which questions apply.
    public static func answersOnPath(_ flows: FlowSet, answers: Answers, today: CivilDate) -> [(String, Value)] {
        assess(flows, answers: answers, today: today).path.compactMap { id in answers[id].map { (id, $0) } }
    }
}
