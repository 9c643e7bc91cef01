import ArgumentParser
import LotrFlow

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole decision tree as Graphviz DOT or Mermaid: stages as clusters, outcomes with their form.")

    enum Style: String, ExpressibleByArgument, CaseIterable { case dot, mermaid }

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: "dot or mermaid.")
    var format: Style = .dot

    func run() throws {
        let flows = try flowOptions.load()
        let drawing = GraphDrawing(flows: flows)
        print(format == .dot ? drawing.dot() : drawing.mermaid(), terminator: "")
    }
}
