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

    /// Which questions are answered on every path from the start to a node: exactly the
    /// questions that dominate it. Computed as a dominator tree (one pass in topological order,
    /// as the graph has no cycles), so the check stays linear on very large flows.
    public struct Dominance {
        /// Pre- and post-order numbers in the dominator tree: a dominates b when a's interval
        /// contains b's.
        let pre: [String: Int]
        let post: [String: Int]
        let isQuestion: Set<String>

        /// Whether `question` has an answer whenever `node` is reached (not counting the node itself).
        public func isAnswered(_ question: String, before node: String) -> Bool {
            guard question != node, isQuestion.contains(question),
                  let pq = pre[question], let qq = post[question], let pn = pre[node], let qn = post[node] else { return false }
            return pq <= pn && qn <= qq
        }
    }

    public func dominance() -> Dominance {
        let order = topologicalOrder()
        var index: [String: Int] = [:]
        for (i, n) in order.enumerated() { index[n] = i }
        var predecessors: [String: [String]] = [:]
        for n in order { for m in successors[n] ?? [] { predecessors[m, default: []].append(n) } }
        var idom: [String: String] = [:]
        if let start = order.first { idom[start] = start }
        func intersect(_ a: String, _ b: String) -> String {
            var x = a, y = b
            while x != y {
                while index[x]! > index[y]! { x = idom[x]! }
                while index[y]! > index[x]! { y = idom[y]! }
            }
            return x
        }
        for n in order.dropFirst() {
            // Latest predecessors first: each intersection then walks only the short distance
            // between neighbours, instead of from every predecessor back to the start.
            let preds = (predecessors[n] ?? []).filter { idom[$0] != nil }.reversed()
            guard var d = preds.first else { continue }
            for p in preds.dropFirst() { d = intersect(d, p) }
            idom[n] = d
        }
        var children: [String: [String]] = [:]
        for n in order.dropFirst() { if let d = idom[n] { children[d, default: []].append(n) } }
        var pre: [String: Int] = [:], post: [String: Int] = [:]
        var counter = 0
        if let start = order.first {
            var stack: [(String, Int)] = [(start, 0)]
            pre[start] = counter; counter += 1
            while let (n, i) = stack.last {
                let kids = children[n] ?? []
                if i < kids.count {
                    stack[stack.count - 1].1 += 1
                    pre[kids[i]] = counter; counter += 1
                    stack.append((kids[i], 0))
                } else {
                    post[n] = counter; counter += 1
                    stack.removeLast()
                }
            }
        }
        return Dominance(pre: pre, post: post, isQuestion: Set(flows.questions.keys))
    }

    /// For each reachable node, the questions answered on every path from the start to it
    /// (not counting the node itself). Quadratic in size: for inspection and tests only.
    public func availableAnswers() -> [String: Set<String>] {
        let d = dominance()
        let reachable = reachableFromStart()
        var out: [String: Set<String>] = [:]
        for n in reachable {
            out[n] = Set(reachable.filter { d.isAnswered($0, before: n) })
        }
        return out
    }
}
