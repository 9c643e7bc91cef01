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

    @Flag(help: "List every missing translation (by default at most three per file, then a count).")
    var allTranslations = false

    func run() throws {
        let result = FlowLoader.load(directory: directory)
        var shownPerFile: [String: Int] = [:], hiddenPerFile: [String: Int] = [:]
        for d in result.diagnostics {
            if d.severity == .warning && d.message.hasSuffix("translation") && !allTranslations {
                shownPerFile[d.location.file, default: 0] += 1
                if shownPerFile[d.location.file]! > 3 { hiddenPerFile[d.location.file, default: 0] += 1; continue }
            }
            print(d.description)
        }
        for (file, count) in hiddenPerFile.sorted(by: { $0.key < $1.key }) {
            print("\(file): warning: \(count) more texts lack a translation (use --all-translations to list them)")
        }
        let failed = !result.errors.isEmpty || (strict && !result.warnings.isEmpty)
        if let flows = result.flows, !quiet || failed {
            print("\(directory): \(flows.stages.count) stages, \(flows.questions.count) questions, \(flows.outcomes.count) outcomes, \(flows.evidence.count) evidence items; \(result.errors.count) errors, \(result.warnings.count) warnings.")
        } else if result.flows == nil {
            print("\(directory): \(result.errors.count) errors, \(result.warnings.count) warnings.")
        }
        if failed { throw ExitCode(1) }
    }
}
