import ArgumentParser
import Foundation
import LotrEngine
import LotrFlow

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Turn a file of answers into an outcome: the form, why, fees and the evidence checklist.",
        discussion: """
        The answers file is a JSON object keyed by question id (see `lotr questions`). Exit status: 0 with an \
        outcome; 3 when the answers are incomplete (the next question is printed); 2 when an answer is \
        unknown, of the wrong type or impossible (the answer at fault is named); 1 when the flows do not load.
        """)

    enum Style: String, ExpressibleByArgument, CaseIterable { case json, text, markdown }

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: ArgumentHelp("A JSON file of answers keyed by question id ('-' for standard input).", valueName: "file"))
    var answers: String

    @Option(help: ArgumentHelp("Assess as of this date (YYYY-MM-DD); default: today in the UK.", valueName: "date"))
    var today: String?

    @Option(help: "json, text or markdown.")
    var format: Style = .json

    @Option(help: "Language of the texts (en or zh-Hant).")
    var lang: String = "en"

    @Flag(help: "Print each step: which question led where, by which of its routes (to standard error, without the answers).")
    var trace = false

    func run() throws {
        try runDecide(DecideSettings(flows: flowOptions.directory, answers: answers, today: today, format: format, lang: lang, trace: trace))
    }
}

/// What `lotr decide` was asked to do, however its command line was read (`DecideSettings.quickRead`
/// or ArgumentParser).
struct DecideSettings {
    var flows: String?
    var answers: String
    var today: String?
    var format: Decide.Style = .json
    var lang = "en"
    var trace = false
}

func runDecide(_ settings: DecideSettings) throws {
    let (answers, lang, format, trace) = (settings.answers, settings.lang, settings.format, settings.trace)
    let flows = try FlowOptions.load(FlowOptions.resolve(settings.flows))
    let day = try parseToday(settings.today)
    let raw: String
    if answers == "-" {
        raw = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    } else {
        guard let data = FileManager.default.contents(atPath: answers) else {
            printError("lotr decide: cannot read the answers file \(answers)")
            throw ExitCode(2)
        }
        raw = String(decoding: data, as: UTF8.self)
    }
    let parsed: Answers
    switch AnswersFile.parse(raw, flows: flows, today: day) {
    case .success(let a): parsed = a
    case .failure(let problem):
        // Name the answer at fault, never its value: answers stay off standard error.
        printError("lotr decide: \(problem.withoutValues)")
        throw ExitCode(2)
    }
    let assessment = Engine.assess(flows, answers: parsed, today: day, language: lang)
    if trace {
        // The question and the route taken, never the condition: it spells out the answer.
        for step in assessment.trace {
            let file = step.routeLocation.file.split(separator: "/").last.map(String.init) ?? step.routeLocation.file
            let how = "route \(step.routeNumber) of \(step.routeCount)\(step.condition == nil ? ", default" : ""), \(file):\(step.routeLocation.line)"
            printError("trace: \(step.question) [\(step.stage.rawValue)] → \(step.handOff ? "next stage: " : "")\(step.target) (\(how))")
        }
    }
    let report = Report(flows: flows, assessment: assessment, answers: parsed, language: lang)
    switch format {
    case .json: print(report.json().serialized())
    case .text: print(report.text(), terminator: "")
    case .markdown: print(report.markdown(), terminator: "")
    }
    // The process ends here, with the flows still held: freeing their tens of thousands of
    // objects one by one first took a quarter of a `decide` run (BENCHMARKS.md).
    withExtendedLifetime((flows, report)) {
        exit(assessment.isComplete ? 0 : 3)
    }
}
