import LotrEngine
import LotrFlow
import LotrScenarios

/// One route of a question: the question's id and the route's place in its `next` list (from 0).
public struct RouteRef: Hashable, Sendable, Comparable {
    public var question: String
    public var index: Int
    public init(question: String, index: Int) {
        self.question = question
        self.index = index
    }
    public static func < (a: RouteRef, b: RouteRef) -> Bool { (a.question, a.index) < (b.question, b.index) }
    /// The anchor of the route in the book.
    public var anchor: String { "\(question)-route-\(index + 1)" }
}

/// Which scenario rows reach each outcome, ask each question and take each route: each row
/// walked by the engine (the same walk a person's answers get), then its trace read back.
public struct Coverage: Sendable {
    public struct Row: Sendable {
        public var scenario: ScenarioRow
        /// The outcome the engine reaches, or nil.
        public var reached: String?
        /// Why the row reaches no outcome (an answer that does not parse, or answers missing).
        public var problem: String?
        public var routes: [RouteRef]
        public var path: [String]
    }

    public var rows: [Row]
    public var byOutcome: [String: [Int]] = [:]
    public var byRoute: [RouteRef: [Int]] = [:]
    public var byQuestion: [String: [Int]] = [:]

    public init(flows: FlowSet, scenarios: [ScenarioRow]) {
        rows = scenarios.map { Coverage.walk($0, flows) }
        for (i, row) in rows.enumerated() {
            if let o = row.reached { byOutcome[o, default: []].append(i) }
            for r in row.routes { byRoute[r, default: []].append(i) }
            for q in row.path { byQuestion[q, default: []].append(i) }
        }
    }

    static func walk(_ s: ScenarioRow, _ flows: FlowSet) -> Row {
        switch s.assess(flows) {
        case .failure(let problem):
            return Row(scenario: s, reached: nil, problem: problem.message, routes: [], path: [])
        case .success(let a):
            let routes = a.trace.compactMap { step in routeIndex(of: step, flows).map { RouteRef(question: step.question, index: $0) } }
            let problem = a.outcome == nil ? "answers end before an outcome; next question: \(a.next?.id ?? "none")" : nil
            return Row(scenario: s, reached: a.outcome?.id, problem: problem, routes: routes, path: a.path)
        }
    }

    /// The route a step of the engine's trace took: the first route with the step's condition
    /// and target (the engine takes the first route whose condition holds, so a later route
    /// with the same condition and target can never be taken).
    static func routeIndex(of step: TraceStep, _ flows: FlowSet) -> Int? {
        guard let q = flows.questions[step.question] else { return nil }
        return q.next.firstIndex { route in
            guard route.condition?.text == step.condition else { return false }
            switch route.target {
            case .node(let n): return !step.handOff && n == step.target
            case .nextStage: return step.handOff
            }
        }
    }

    /// Every route no row takes, in stage and file order.
    public func untakenRoutes(_ flows: FlowSet) -> [RouteRef] {
        var out: [RouteRef] = []
        for stage in flows.stages {
            for id in flows.questionOrder {
                guard let q = flows.questions[id], q.stage == stage.stage else { continue }
                for i in q.next.indices where byRoute[RouteRef(question: id, index: i)] == nil {
                    out.append(RouteRef(question: id, index: i))
                }
            }
        }
        return out
    }

    /// Rows that reach no outcome, or another outcome than the table expects.
    public var mismatches: [Int] {
        rows.indices.filter { rows[$0].reached == nil || rows[$0].reached != rows[$0].scenario.outcome }
    }
}
