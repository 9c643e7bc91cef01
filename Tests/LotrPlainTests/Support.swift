import Foundation
import LotrEngine
import LotrFlow
import LotrPlain
import LotrTestSupport

let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

/// The fixture catalogues (forms, evidence, glossary, rates) and, by default, the two fixture
/// stages the engine tests use: in_uk → status → absences → settled, or on to crisis.
func fixtureFiles(_ dirs: [String]) -> [(path: String, contents: String)] { TestFixtures.files(in: dirs) }

enum Flows {
    static let fixture: FlowSet = FlowLoader.load(files: fixtureFiles(["base", "valid"])).flows!

    /// One question of every kind the fixture stages lack, each with what the plain mode shows.
    static let kinds: FlowSet = {
        let result = FlowLoader.load(files: fixtureFiles(["base"]) + [(path: "kinds.yaml", contents: kindsStage)])
        guard let flows = result.flows else { fatalError(result.errors.map(\.description).joined(separator: "\n")) }
        return flows
    }()

    static let kindsStage = """
    kind: stage
    stage: rules
    title: {en: Every kind}
    reviewed: 2026-11-23
    review_by: 2027-05-23
    rules_version: {en: "Test rules"}
    sources:
      - id: R
        title: "Test rules"
    start: arrived
    questions:
      - id: arrived
        kind: date
        past: true
        text: {en: When did you arrive?}
        help: {en: The day you first came to the UK.}
        why: {en: The qualifying period starts then.}
        terms: [leave]
        source: {doc: R, section: "1"}
        next:
          - goto: trips
      - id: trips
        kind: date_ranges
        past: true
        totals: true
        item: {en: trip abroad}
        text: {en: List your trips abroad.}
        source: {doc: R, section: "2"}
        next:
          - goto: children
      - id: children
        kind: number
        min: 0
        max: 20
        unit: {en: children}
        text: {en: How many children do you have?}
        source: {doc: R, section: "3"}
        next:
          - goto: savings
      - id: savings
        kind: money
        text: {en: How much do you have in savings?}
        source: {doc: R, section: "4"}
        next:
          - goto: reasons
      - id: reasons
        kind: multi_choice
        text: {en: Which of these apply?}
        options:
          - {id: ill, text: {en: Illness}, help: {en: Your own serious illness.}}
          - {id: family, text: {en: Family}}
          - {id: work, text: {en: Work}}
          - {id: none, text: {en: None of these}}
        source: {doc: R, section: "5"}
        next:
          - goto: name
      - id: name
        kind: text
        max_length: 20
        text: {en: What is your name?}
        source: {doc: R, section: "6"}
        next:
          - goto: pets
      - id: pets
        kind: multi_choice
        text: {en: Which pets do you have?}
        options:
          - {id: cat, text: {en: Cat}}
          - {id: dog, text: {en: Dog}}
        source: {doc: R, section: "7"}
        next:
          - goto: done
    outcomes:
      - id: done
        form: FORM_A
        title: {en: All answered}
        explanation: {en: "You were away {{ total_days(trips) }} days."}
        evidence:
          - item: passport
    """
}

let day = CivilDate(iso: "2026-11-23")!

func date(_ s: String) -> CivilDate { CivilDate(iso: s)! }

/// Feeds scripted lines and records everything written, with the lines read marked `> `, so
/// that a failing test shows the whole conversation.
final class Script: LineReader, LineWriter {
    var pending: [String]
    private(set) var transcript: [String] = []
    private(set) var prompts: [String] = []
    private(set) var reachedEnd = false

    init(_ lines: [String]) { pending = lines }

    func readLine() -> String? {
        guard !pending.isEmpty else {
            reachedEnd = true
            transcript.append("<end of input>")
            return nil
        }
        let line = pending.removeFirst()
        transcript.append("> " + line)
        return line
    }

    func write(_ line: String) { transcript.append(line) }

    func prompt(_ text: String) {
        prompts.append(text)
        transcript.append(text)
    }

    var text: String { transcript.joined(separator: "\n") }

    /// Index of the first line after `start` that contains `needle`.
    func line(containing needle: String, after start: Int = -1) -> Int? {
        transcript.indices.first { $0 > start && transcript[$0].contains(needle) }
    }

    /// Whether the needles appear in this order, each on a later line than the one before.
    func inOrder(_ needles: String...) -> Bool {
        var at = -1
        for n in needles {
            guard let i = line(containing: n, after: at) else { return false }
            at = i
        }
        return true
    }
}

struct Run {
    var exit: PlainExit
    var script: Script
    var session: PlainSession
}

func play(_ flows: FlowSet, _ lines: [String], answers: Answers = [:]) -> Run {
    let script = Script(lines)
    var session = PlainSession(flows: flows, today: day, input: script, output: script, answers: answers)
    let exit = session.run()
    return Run(exit: exit, script: script, session: session)
}
