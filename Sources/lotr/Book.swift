import ArgumentParser
import Foundation
import LotrBook
import LotrFlow
import LotrScenarios

struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Write the review book: every stage, question, route and outcome with its source, indexes and scenario coverage.",
        discussion: """
        For reviewers who will not read YAML: one self-contained HTML file (or Markdown) with every question's \
        text, options, help, why it is asked, source and routes; every outcome's form, grant, fees with every dated \
        value, warnings and evidence; an index by cited paragraph and one of everything not verified; which \
        scenario rows reach each outcome and take each route; and the decision tree drawn by Graphviz (`dot`), \
        when it is installed. Writes to standard output unless --output is given. Exits 0 on success, 1 when the \
        flows do not load, 2 when the output or the scenario folder cannot be used.
        """)

    enum Style: String, ExpressibleByArgument, CaseIterable { case html, markdown }

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: "Language of the texts (en or zh-Hant); other languages' texts show the English beside them.")
    var lang: String = "en"

    @Option(help: "html or markdown.")
    var format: Style = .html

    @Option(help: ArgumentHelp("Write the book to this file (made with its folder if needed) instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("The folder of scenario tables to measure coverage with; default: Tests/LotrEngineTests/Scenarios when it exists.", valueName: "dir"))
    var scenarios: String?

    func validate() throws {
        guard LocalizedText.known.contains(lang) else {
            throw ValidationError("--lang must be one of: \(LocalizedText.known.joined(separator: ", "))")
        }
    }

    static let defaultScenarios = "Tests/LotrEngineTests/Scenarios"

    func run() throws {
        let flows = try flowOptions.load()
        var rows: [ScenarioRow]?
        var source: String?
        if let scenarios {
            guard let loaded = ScenarioTable.load(directory: scenarios) else {
                printError("lotr: no scenario folder at \(scenarios): pass the folder that holds the scenario tables (*.yaml)")
                throw ExitCode(2)
            }
            rows = loaded
            source = scenarios
        } else if let loaded = ScenarioTable.load(directory: BookCommand.defaultScenarios) {
            rows = loaded
            source = BookCommand.defaultScenarios
        }
        var svg: String?, note: String?
        if format == .html {
            switch Graphviz.svg(fromDot: GraphDrawing(flows: flows).dot(linkingNodes: true)) {
            case .success(let drawing): svg = drawing
            case .failure(let why):
                // The book's own words say the same in other languages.
                note = lang == "en" ? "No picture: \(why). The rest of the book does not need it; run `lotr book` again once it is installed." : nil
                printError("lotr: \(why); the book is written without the picture.")
            }
        }
        let book = Book(flows: flows, language: lang, coverage: rows.map { Coverage(flows: flows, scenarios: $0) },
                        scenarioSource: source, svg: svg, pictureNote: note)
        let text = format == .html ? book.html() : book.markdown()
        if rows == nil {
            printError("lotr: no scenario tables found (\(BookCommand.defaultScenarios)); the book has no coverage figures. Use --scenarios DIR.")
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            printError("lotr: cannot write the book to \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
