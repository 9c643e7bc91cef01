import Foundation
import LotrEngine
import LotrFlow
import LotrScenarios
import LotrTestSupport
import Testing
import Yams

/// The scenario tables: a person described as facts, and the outcome the Rules give them.
/// Rows live in Scenarios/*.yaml beside this file, written from the Rules and guidance; the
/// review book (`lotr book`) reads them through the same reader (LotrScenarios) for its
/// coverage section.
///
/// A row's `expect` holds `outcome`, `stage`, `form`, `evidence`, `not_evidence`,
/// `warning_contains`, `not_warning_contains`, `reason_contains`, `not_reason_contains`, and may also assert the "Routes checked" section and the dates:
///
/// ```yaml
///   expect:
///     outcome: a8_partner
///     stage: article8
///     routes:                      # per stage; stages not listed are not asserted
///       rules: {status: does_not_fit, because: ["190 days", "180"]}   # key words of `because`, each must appear
///       article8: fits             # a status alone
///       article3: not_reached
///     dates:                       # date id → the date it must have
///       lr_can_apply_from: 2027-02-11
///     not_dates: [lr_apply_by]     # date ids that must not be shown
/// ```
/// Key words are matched without regard to case. Every row is also checked for the invariants:
/// one entry per stage in the fixed order, and `because` and `source` never empty for
/// does_not_fit and not_checked.
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
    if let w = s.notWarningContains {
        #expect(!o.warnings.contains { $0.contains(w) }, "a warning contains '\(w)': \(o.warnings)")
    }
    if let r = s.reasonContains {
        #expect(o.reasons.contains { $0.contains(r) }, "no reason contains '\(r)': \(o.reasons)")
    }
    if let r = s.notReasonContains {
        #expect(!o.reasons.contains { $0.contains(r) }, "a reason contains '\(r)': \(o.reasons)")
    }
    // Every output shows how fresh the law behind it is.
    #expect(o.reviewed == flows.reviewed)
    #expect(!o.rulesVersions.isEmpty)
    for problem in routeAndDateProblems(s, o, flows) { Issue.record("\(problem)") }
}

/// The row's `routes`, `dates` and `not_dates`, and the invariants every result keeps: what is
/// wrong, in words (empty when all hold), so that a test can also show these checks fail.
func routeAndDateProblems(_ s: Scenario, _ o: OutcomeResult, _ flows: FlowSet) -> [String] {
    var problems: [String] = []
    if o.routes.map(\.stage) != flows.stages.map(\.stage.rawValue) {
        problems.append("routes are not one entry per stage in the fixed order: \(o.routes.map(\.stage))")
    }
    let fits = o.routes.filter { $0.status == .fits }.count
    if fits != (o.stage == "none" ? 0 : 1) { problems.append("\(fits) stages fit for an outcome in stage \(o.stage)") }
    for r in o.routes where (r.status == .doesNotFit || r.status == .notChecked) && (r.because.isEmpty || r.source.isEmpty) {
        problems.append("\(r.stage) is \(r.status.rawValue) without because or source")
    }
    for (stage, want) in s.routes.sorted(by: { $0.key < $1.key }) {
        guard let r = o.routes.first(where: { $0.stage == stage }) else {
            problems.append("no routes-checked entry for stage \(stage)")
            continue
        }
        if r.status.rawValue != want.status { problems.append("\(stage): want \(want.status), got \(r.status.rawValue) — \(r.because)") }
        for word in want.because where !r.because.lowercased().contains(word.lowercased()) {
            problems.append("\(stage): because lacks '\(word)': \(r.because)")
        }
    }
    if o.dates.map(\.date) != o.dates.map(\.date).sorted() { problems.append("dates are not in date order") }
    for (id, iso) in s.dates.sorted(by: { $0.key < $1.key }) {
        let found = o.dates.first { $0.id == id }
        if found?.date.iso != iso { problems.append("date \(id): want \(iso), got \(found?.date.iso ?? "none") in \(o.dates.map(\.id))") }
    }
    for id in s.notDates where o.dates.contains(where: { $0.id == id }) { problems.append("date \(id) should not be shown") }
    return problems
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
