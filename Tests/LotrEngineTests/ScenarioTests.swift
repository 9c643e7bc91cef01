import Foundation
import LotrEngine
import LotrFlow
import LotrScenarios
import LotrTestSupport
import Testing
import Yams

/// The scenario tables: a person described as facts, and the outcome the Rules give them.
/// Rows live in Scenarios/*.yaml beside this file, written from the Rules and guidance; the
/// review book (`lotr book`) reads them through the same reader for its coverage section.
typealias Scenario = ScenarioRow

extension ScenarioRow: CustomTestStringConvertible {
    public var testDescription: String { "\(file): \(name)" }
}

enum ShippedFlows {
    static let directory = TestFixtures.shippedFlows
    static let loaded: LoadResult = FlowLoader.load(directory: directory)
}

let scenarioDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios").path
let scenarios = ScenarioTable.load(directory: scenarioDirectory) ?? []

func run(_ s: Scenario, _ flows: FlowSet) -> Result<Assessment, AnswerProblem> { s.assess(flows) }

@Test func shippedFlowsLoad() {
    let errors = ShippedFlows.loaded.errors
    #expect(errors.isEmpty, "\(errors.count) errors, first: \(errors.prefix(5).map(\.description).joined(separator: "\n"))")
}

@Test(arguments: scenarios)
func scenarioGivesTheRightOutcome(_ s: Scenario) throws {
    guard let flows = ShippedFlows.loaded.flows else { Issue.record("the shipped flows do not load: run `lotr check flows`"); return }
    let assessment = try run(s, flows).get()
    guard let o = assessment.outcome else {
        Issue.record("incomplete: next question is \(assessment.next?.id ?? "none") after \(assessment.path)")
        return
    }
    #expect(o.id == s.outcome, "path: \(assessment.path)")
    #expect(o.stage == s.stage)
    #expect(o.form?.id == s.form)
    let ids = Set(o.checklist.map(\.id))
    for e in s.evidence { #expect(ids.contains(e), "checklist lacks \(e): \(ids.sorted())") }
    for e in s.notEvidence { #expect(!ids.contains(e), "checklist should not have \(e)") }
    if let w = s.warningContains {
        #expect(o.warnings.contains { $0.contains(w) }, "no warning contains '\(w)': \(o.warnings)")
    }
    // Every output shows how fresh the law behind it is.
    #expect(o.reviewed == flows.reviewed)
    #expect(!o.rulesVersions.isEmpty)
}

@Test func scenarioTableIsLargeAndCoversEveryStage() {
    #expect(scenarios.count >= 30)
    let stages = Set(scenarios.map(\.stage))
    for stage in Stage.allCases.map(\.rawValue) + ["none"] { #expect(stages.contains(stage), "no scenario ends in \(stage)") }
}

@Test func everyOutcomeAndFormIsReachedByAScenario() throws {
    guard let flows = ShippedFlows.loaded.flows else { Issue.record("the shipped flows do not load"); return }
    var outcomes: Set<String> = [], forms: Set<String> = []
    for s in scenarios {
        if case .success(let a) = run(s, flows), let o = a.outcome {
            outcomes.insert(o.id)
            if let f = o.form?.id { forms.insert(f) }
        }
    }
    let missingOutcomes = flows.outcomeOrder.filter { !outcomes.contains($0) }
    #expect(missingOutcomes.isEmpty, "outcomes no scenario reaches: \(missingOutcomes)")
    let missingForms = flows.forms.keys.sorted().filter { !forms.contains($0) }
    #expect(missingForms.isEmpty, "forms no scenario reaches: \(missingForms)")
}
