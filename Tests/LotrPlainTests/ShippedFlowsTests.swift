import LotrEngine
import LotrFlow
import LotrPlain
import Testing

/// The flows shipped in flows/, or nil while they do not load (they are edited separately; the
/// flow tests and `lotr check` report why).
enum ShippedFlows {
    static let directory = testsRoot.deletingLastPathComponent().appendingPathComponent("flows").path
    static let flows: FlowSet? = FlowLoader.load(directory: directory).flows
}

/// Answers whatever the last prompt asks for, the same simple way every time, and quits at the
/// outcome: a person who types only what the prompts tell them must always reach a result.
final class PromptFollower: ScriptedPerson {
    let yes: Bool
    let choice: Int

    init(yes: Bool, choice: Int) {
        self.yes = yes
        self.choice = choice
    }

    override func reply() -> String {
        let p = lastPrompt
        if p.hasPrefix("Type new to start again") { return "quit" }
        if p.hasPrefix("Type 1 for Yes or 2 for No") { return yes ? "1" : "2" }
        if p.hasPrefix("Type a number from 1 to ") {
            let count = Int(p.dropFirst("Type a number from 1 to ".count).prefix { $0.isNumber }) ?? 1
            return String(min(choice, count))
        }
        if p.hasPrefix("Type 1,") || p.hasPrefix("Type 1 ") { return "1" }
        if p.hasPrefix("Type the numbers of all that apply") { return repeats == 0 ? "none" : "1" }
        if p.hasPrefix("Type add to add") { return "done" }
        if p.hasPrefix("Type a date") { return repeats == 0 ? "01/01/2015" : "01/01/2027" }
        if p.hasPrefix("Type a whole number") {
            // "from 3 to 10" or "of at least 3": the smallest allowed.
            if let r = p.range(of: "from ") ?? p.range(of: "at least ") {
                return String(p[r.upperBound...].prefix { $0.isNumber || $0 == "-" })
            }
            return "0"
        }
        if p.hasPrefix("Type an amount") { return "0" }
        if p.hasPrefix("Type your answer") { return "x" }
        return "quit"
    }
}

@Test(.enabled(if: ShippedFlows.flows != nil, "the shipped flows in flows/ do not load yet: run `lotr check flows`"),
      arguments: [(true, 1), (false, 1), (true, 2), (false, 2)])
func shippedFlowsReachAnOutcome(yes: Bool, choice: Int) throws {
    let flows = try #require(ShippedFlows.flows)
    let bot = PromptFollower(yes: yes, choice: choice)
    var session = PlainSession(flows: flows, today: day, input: bot, output: bot)
    let exit = session.run()
    let text = bot.transcript.joined(separator: "\n")
    #expect(exit == .outcome, "\(text.suffix(3000))")
    #expect(bot.transcript.contains("Result"))
    #expect(bot.transcript.contains { $0.hasPrefix("Stage 1 of \(flows.stages.count): ") })
    #expect(bot.prompts.allSatisfy { $0.hasPrefix("Type ") && $0.hasSuffix(":") }, "every prompt says what to type")
    #expect(!bot.transcript.contains { $0.unicodeScalars.contains { $0.value == 0x1B } }, "no terminal escapes")
    let assessment = Engine.assess(flows, answers: session.answers, today: day)
    #expect(assessment.outcome != nil)
    #expect(text.contains(Report(flows: flows, assessment: assessment, answers: session.answers).text(spoken: true).dropLast()))
}

@Test(.enabled(if: ShippedFlows.flows != nil, "the shipped flows in flows/ do not load yet: run `lotr check flows`"))
func shippedFlowsFirstQuestionHasHelp() throws {
    let flows = try #require(ShippedFlows.flows)
    let first = try #require(flows.firstNode.flatMap { flows.questions[$0] })
    let script = Script(["?"])
    var session = PlainSession(flows: flows, today: day, input: script, output: script)
    #expect(session.run() == .incomplete)
    #expect(script.inOrder("Question 1: \(first.text.en)", "> ?", "You can also type back"))
    if let help = first.help { #expect(script.text.contains("Help: \(help.en)")) }
    if let why = first.why { #expect(script.text.contains("Why we ask: \(why.en)")) }
    for term in first.terms.compactMap({ flows.glossary[$0] }) {
        #expect(script.text.contains("  \(term.term.en): \(term.text.en)"))
    }
}
