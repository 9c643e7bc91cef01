import ArgumentParser
import LotrFlow

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a folder of flow files: syntax, keys, ids, references, expressions, the graph.",
        discussion: "Prints file:line:col: error: … (and warning: …) with what to do. Exits 0 when there are no errors, 1 otherwise.")

    @Argument(help: ArgumentHelp("The folder of flow files.", valueName: "dir"))
    var directory: String = "flows"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing when the flows are clean.")
    var quiet = false

    func run() throws {
        let result = FlowLoader.load(directory: directory)
        for d in result.diagnostics { print(d.description) }
        let failed = !result.errors.isEmpty || (strict && !result.warnings.isEmpty)
        if let flows = result.flows, !quiet || failed {
            print("\(directory): \(flows.stages.count) stages, \(flows.questions.count) questions, \(flows.outcomes.count) outcomes, \(flows.evidence.count) evidence items; \(result.errors.count) errors, \(result.warnings.count) warnings.")
        } else if result.flows == nil {
            print("\(directory): \(result.errors.count) errors, \(result.warnings.count) warnings.")
        }
        if failed { throw ExitCode(1) }
    }
}
