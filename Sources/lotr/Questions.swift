import ArgumentParser
import LotrEngine
import LotrFlow

struct Questions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "List every question with its id, stage, kind and options: what an answers file for `decide` may hold.")

    enum Style: String, ExpressibleByArgument, CaseIterable { case json, text }

    @OptionGroup var flowOptions: FlowOptions

    @Option(help: "json or text.")
    var format: Style = .text

    @Option(help: "Language of the texts (en or zh-Hant).")
    var lang: String = "en"

    func run() throws {
        let flows = try flowOptions.load()
        let ordered = flows.stages.flatMap { stage in flows.questionOrder.filter { flows.questions[$0]!.stage == stage.stage } }
        switch format {
        case .json:
            let items: [JSON] = ordered.map { id in
                let q = flows.questions[id]!
                return .object([
                    ("id", .string(q.id)), ("stage", .string(q.stage.rawValue)), ("kind", .string(q.kind.rawValue)),
                    ("text", .string(q.text.text(lang))), ("help", .optional(q.help?.text(lang))),
                    ("options", .array(q.options.map { .object([("id", .string($0.id)), ("text", .string($0.text.text(lang)))]) })),
                    ("answer_format", .string(AnswerParser.describe(q.kind))), ("source", .string(q.source.description)),
                ])
            }
            print(JSON.object([("reviewed", .string(flows.reviewed.iso)), ("questions", .array(items))]).serialized())
        case .text:
            var current: Stage?
            for id in ordered {
                let q = flows.questions[id]!
                if q.stage != current {
                    current = q.stage
                    print("\n== \(flows.stageFlow(q.stage)?.title.text(lang) ?? q.stage.displayName) (\(q.stage.rawValue)) ==")
                }
                print("\(q.id) [\(q.kind.rawValue)]: \(q.text.text(lang))")
                for o in q.options { print("    \(o.id): \(o.text.text(lang))") }
            }
            print("\nFlows reviewed \(flows.reviewed.long).")
        }
    }
}
