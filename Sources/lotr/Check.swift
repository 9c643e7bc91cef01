import ArgumentParser
import LotrEngine
import LotrFlow

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a folder of flow files: syntax, keys, ids, references, expressions, the graph.",
        discussion: "Prints file:line:col: error: ... (and warning: ...) with what to do. Exits 0 when there are no errors, 1 otherwise.")

    @Argument(help: ArgumentHelp("The folder of flow files.", valueName: "dir"))
    var directory: String = "flows"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing when the flows are clean.")
    var quiet = false

    @Flag(help: "List every missing translation (by default at most three per file, then a count).")
    var allTranslations = false

    @Option(help: ArgumentHelp("Check `review_by` dates and fee ages as of this date (YYYY-MM-DD); default: today in the UK.", valueName: "date"))
    var today: String?

    func run() throws {
        let day = try parseToday(today)
        var result = FlowLoader.load(directory: directory)
        // Out-of-date files and fees are warnings that even --strict lets pass: the build must not
        // break on a date, and every result the program shows already warns the person.
        let dated = result.flows.map { Check.datedWarnings($0, today: day) } ?? []
        result.diagnostics += dated
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
        let failed = !result.errors.isEmpty || (strict && result.warnings.count > dated.count)
        if let flows = result.flows, !quiet || failed {
            print("\(directory): \(flows.stages.count) stages, \(flows.questions.count) questions, \(flows.outcomes.count) outcomes, \(flows.evidence.count) evidence items; \(result.errors.count) errors, \(result.warnings.count) warnings.")
        } else if result.flows == nil {
            print("\(directory): \(result.errors.count) errors, \(result.warnings.count) warnings.")
        }
        if failed { throw ExitCode(1) }
    }

    /// A warning for each file whose `review_by` has passed, and for each fee whose newest value
    /// is more than 13 months old (fees change most Aprils).
    static func datedWarnings(_ flows: FlowSet, today: CivilDate) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in flows.files where today > f.reviewBy {
            out.append(Diagnostic(.warning, f.reviewByLocation, "this file was due for review by \(f.reviewBy.iso) (reviewed \(f.reviewed.iso)); every result resting on it now warns that it may be out of date",
                                  fix: "check it against its sources, then set `reviewed` to today and `review_by` about 6 months on"))
        }
        // Fees and the health surcharge only: thresholds such as an income limit change on their own dates.
        let charged = Set(flows.outcomes.values.flatMap { [$0.fee, $0.ihs?.rate].compactMap { $0 } })
        for rate in flows.rates.values.sorted(by: { $0.id < $1.id }) where charged.contains(rate.id) {
            guard let newest = rate.value(on: today), RateAge.isStale(from: newest.from, today: today) else { continue }
            out.append(Diagnostic(.warning, rate.location, "the newest value of rate `\(rate.id)` applies from \(newest.from.iso), more than \(RateAge.months) months ago; results show it as possibly out of date",
                                  fix: "check the current fee against the regulation that sets it and add a `- from:` value"))
        }
        return out
    }
}
