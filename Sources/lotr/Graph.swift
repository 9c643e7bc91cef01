import ArgumentParser
import LotrFlow

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the whole decision tree as Graphviz DOT, Mermaid or SVG: stages as clusters, outcomes with their form.",
        discussion: "svg runs Graphviz's `dot -Tsvg` (Debian package graphviz); without it, exits 1 and says how to install it.")

    enum Style: String, ExpressibleByArgument, CaseIterable { case dot, mermaid, svg }

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: "dot, mermaid or svg.")
    var format: Style = .dot

    func run() throws {
        let flows = try flowOptions.load()
        let drawing = GraphDrawing(flows: flows)
        switch format {
        case .dot: print(drawing.dot(), terminator: "")
        case .mermaid: print(drawing.mermaid(), terminator: "")
        case .svg:
            switch Graphviz.svg(fromDot: drawing.dot()) {
            case .success(let svg): print(svg, terminator: "")
            case .failure(let why):
                printError("lotr: \(why)")
                throw ExitCode(1)
            }
        }
    }
}
