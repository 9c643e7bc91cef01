/// The decision tree as a graph over question and outcome ids, with stage hand-offs resolved.
public struct FlowGraph {
    public let flows: FlowSet
    /// Successors in route order, without duplicates.
    public let successors: [String: [String]]

    public init(flows: FlowSet) {
        self.flows = flows
        var s: [String: [String]] = [:]
        for (id, q) in flows.questions {
            var out: [String] = []
            for route in q.next {
                let target: String?
                switch route.target {
                case .node(let n): target = (flows.questions[n] != nil || flows.outcomes[n] != nil) ? n : nil
                case .nextStage: target = flows.startAfter(q.stage)
                }
                if let t = target, !out.contains(t) { out.append(t) }
            }
            s[id] = out
        }
        for id in flows.outcomes.keys { s[id] = [] }
        successors = s
    }

    /// Each cycle found by depth-first search, as the list of ids around it. Iterative, so a
    /// flow with a very long chain of questions cannot overflow the stack.
    public func cycles() -> [[String]] {
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = finished
        var found: [[String]] = []
        for root in flows.questionOrder where state[root] == nil {
            var path: [String] = [root]
            var nextChild: [Int] = [0]
            state[root] = 1
            while let n = path.last {
                let children = successors[n] ?? []
                let i = nextChild[nextChild.count - 1]
                if i < children.count {
                    nextChild[nextChild.count - 1] += 1
                    let m = children[i]
                    if state[m] == 1, let at = path.firstIndex(of: m) {
                        found.append(Array(path[at...]))
                    } else if state[m] == nil {
                        state[m] = 1
                        path.append(m)
                        nextChild.append(0)
                    }
                } else {
                    state[n] = 2
                    path.removeLast()
                    nextChild.removeLast()
                }
            }
        }
        return found
    }

    public func reachableFromStart() -> Set<String> {
        guard let start = flows.firstNode else { return [] }
        var seen: Set<String> = [start]
        var queue = [start]
        while let n = queue.popLast() {
            for m in successors[n] ?? [] where !seen.contains(m) {
                seen.insert(m)
                queue.append(m)
            }
        }
        return seen
    }

    public func nodesThatReachAnOutcome() -> Set<String> {
        var predecessors: [String: [String]] = [:]
        for (n, ms) in successors { for m in ms { predecessors[m, default: []].append(n) } }
        var seen = Set(flows.outcomes.keys)
        var queue = Array(seen)
        while let n = queue.popLast() {
            for p in predecessors[n] ?? [] where !seen.contains(p) {
                seen.insert(p)
                queue.append(p)
            }
        }
        return seen
    }

    /// Reachable nodes in an order where every node comes after all its predecessors.
    /// Only meaningful when the graph has no cycles.
    public func topologicalOrder() -> [String] {
        let reachable = reachableFromStart()
        var indegree: [String: Int] = [:]
        for n in reachable { for m in successors[n] ?? [] { indegree[m, default: 0] += 1 } }
        var ready = [flows.firstNode].compactMap { $0 }
        var order: [String] = []
        var head = 0
        while head < ready.count {
            let n = ready[head]
            head += 1
            order.append(n)
            for m in successors[n] ?? [] {
                indegree[m]! -= 1
                if indegree[m] == 0 { ready.append(m) }
            }
        }
        return order
    }

    /// For each reachable node, the questions answered on every path from the start to it
    /// (not counting the node itself).
    public func availableAnswers() -> [String: Set<String>] {
        var available: [String: Set<String>] = [:]
        guard let start = flows.firstNode else { return [:] }
        available[start] = []
        for n in topologicalOrder() {
            let here = available[n] ?? []
            let passedOn = flows.questions[n] != nil ? here.union([n]) : here
            for m in successors[n] ?? [] {
                available[m] = available[m].map { $0.intersection(passedOn) } ?? passedOn
            }
        }
        return available
    }
}
