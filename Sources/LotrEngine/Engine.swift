import LotrFlow

/// One step of the walk through the flows: which question was answered and which route its
/// answer chose — what `--trace` prints and what "why am I asked this?" draws on.
public struct TraceStep: Hashable, Sendable {
    public var question: String
    public var stage: Stage
    /// The condition that chose the route, or nil for the default route. It spells out the
    /// answer (`status == 'visitor'`), so it is for the screen, never for logs or stderr.
    public var condition: String?
    public var target: String
    public var handOff: Bool
    /// Which of the question's routes was taken (1-based), of how many, and where it is written.
    public var routeNumber: Int
    public var routeCount: Int
    public var routeLocation: SourceLocation
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
        var budget = flows.questions.count + flows.outcomeOrder.count + 1
        while let id = node, budget > 0 {
            budget -= 1
            // Questions first: ids are unique across questions and outcomes, and a walk that
            // stops at a question never needs the outcomes (read from the flow cache when first used).
            guard let q = flows.questions[id] else {
                guard let outcome = flows.outcomes[id] else { break }
                let result = OutcomeBuilder(flows: flows, evaluator: evaluator, language: language).build(outcome, path: path, taken: taken)
                return Assessment(path: path, trace: trace, next: nil, outcome: result, today: today)
            }
            guard answers[id] != nil else {
                return Assessment(path: path, trace: trace, next: q, outcome: nil, today: today)
            }
            path.append(id)
            guard let index = q.next.firstIndex(where: { $0.condition.map { evaluator.isTrue($0.expr) } ?? true }) else { break }
            let route = q.next[index]
            taken.append(TakenRoute(question: q, route: route))
            let target: String?, handOff: Bool
            switch route.target {
            case .node(let n): (target, handOff) = (n, false)
            case .nextStage: (target, handOff) = (flows.startAfter(q.stage), true)
            }
            trace.append(TraceStep(question: id, stage: q.stage, condition: route.condition?.text, target: target ?? "",
                                   handOff: handOff, routeNumber: index + 1, routeCount: q.next.count,
                                   routeLocation: route.location))
            node = target
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
