/// The decision tree drawn for a reviewer: stages as clusters, outcomes marked with their form.
public struct GraphDrawing {
    public let flows: FlowSet
    public init(flows: FlowSet) { self.flows = flows }

    func label(_ s: String) -> String {
        var out = ""
        for c in s.prefix(60) {
            switch c {
            case "\"": out += "'"
            case "\\", "\n": out += " "
            default: out.append(c)
            }
        }
        return s.count > 60 ? out + "…" : out
    }

    func outcomeLabel(_ o: Outcome) -> String {
        let form = o.form.flatMap { flows.forms[$0]?.code } ?? "no form"
        return "\(o.id)\\n[\(form)]"
    }

    func edges() -> [(String, String, String)] {
        var out: [(String, String, String)] = []
        for id in flows.questionOrder {
            let q = flows.questions[id]!
            for r in q.next {
                let target: String?
                switch r.target {
                case .node(let n): target = n
                case .nextStage: target = flows.startAfter(q.stage)
                }
                if let t = target { out.append((id, t, r.condition.map { label($0.text) } ?? "otherwise")) }
            }
        }
        return out
    }

    /// With `linkingNodes`, each box links to `#id`, the anchor of its question or outcome in the review book.
    public func dot(linkingNodes: Bool = false) -> String {
        let link: (String) -> String = { linkingNodes ? ", URL=\"#\($0)\", target=\"_top\"" : "" }
        var s = "digraph lotr {\n  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
        for stage in flows.stages {
            s += "  subgraph cluster_\(stage.stage.rawValue) {\n    label=\"\(label(stage.title.en))\";\n"
            for id in flows.questionOrder where flows.questions[id]!.stage == stage.stage {
                s += "    \(id) [shape=box, label=\"\(id)\\n\(label(flows.questions[id]!.text.en))\"\(link(id))];\n"
            }
            for id in flows.outcomeOrder where flows.outcomes[id]!.definedIn == stage.stage {
                s += "    \(id) [shape=doubleoctagon, style=filled, fillcolor=\"#e8f4e8\", label=\"\(outcomeLabel(flows.outcomes[id]!))\"\(link(id))];\n"
            }
            s += "  }\n"
        }
        for (a, b, l) in edges() { s += "  \(a) -> \(b) [label=\"\(l)\"];\n" }
        return s + "}\n"
    }

    public func mermaid() -> String {
        func m(_ s: String) -> String { label(s).replacingAll("\"", with: "'").replacingAll("|", with: "/") }
        var s = "flowchart TD\n"
        for stage in flows.stages {
            s += "  subgraph \(stage.stage.rawValue)[\"\(m(stage.title.en))\"]\n"
            for id in flows.questionOrder where flows.questions[id]!.stage == stage.stage {
                s += "    \(id)[\"\(id): \(m(flows.questions[id]!.text.en))\"]\n"
            }
            for id in flows.outcomeOrder where flows.outcomes[id]!.definedIn == stage.stage {
                let o = flows.outcomes[id]!
                s += "    \(id)([\"\(id) — \(o.form.flatMap { flows.forms[$0]?.code } ?? "no form")\"])\n"
            }
            s += "  end\n"
        }
        for (a, b, l) in edges() { s += "  \(a) -->|\"\(m(l))\"| \(b)\n" }
        return s
    }
}
