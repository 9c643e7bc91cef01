import Foundation
import Testing
@testable import LotrFlow
import LotrTestSupport

/// One broken fixture per rule of `lotr check`: each must give its error at its line.
struct BrokenFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let line: Int
    let message: String
    var testDescription: String { name }
}

let brokenFixtures: [BrokenFixture] = [
    .init(name: "yaml-syntax", file: "stage.yaml", line: 13, message: "YAML syntax"),
    .init(name: "unknown-key", file: "stage.yaml", line: 13, message: "unknown key `txt` in question `q1` — did you mean `text`?"),
    .init(name: "missing-key", file: "stage.yaml", line: 11, message: "question `q1` has no `source`"),
    .init(name: "duplicate-id", file: "more.yaml", line: 8, message: "duplicate id `passport`: already defined at evidence.yaml:8:5"),
    .init(name: "unknown-goto", file: "stage.yaml", line: 18, message: "`goto: dnoe` in question `q1` names no question or outcome — did you mean `done`?"),
    .init(name: "unknown-form", file: "stage.yaml", line: 20, message: "names form `FORM_Z`, which is not in the forms catalogue"),
    .init(name: "unknown-evidence", file: "stage.yaml", line: 25, message: "lists evidence `pasport`, which is not in any evidence catalogue"),
    .init(name: "unknown-term", file: "stage.yaml", line: 11, message: "uses glossary term `levae`"),
    .init(name: "unknown-source", file: "stage.yaml", line: 14, message: "unknown source `RULES`"),
    .init(name: "unknown-rate", file: "stage.yaml", line: 20, message: "names rate `fee_b`, which is not in any rates file"),
    .init(name: "expr-syntax", file: "stage.yaml", line: 16, message: "`=` on its own is not an operator"),
    .init(name: "expr-type", file: "stage.yaml", line: 16, message: "`>` compares two numbers, two amounts or two dates, not yes/no and number"),
    .init(name: "expr-not-bool", file: "stage.yaml", line: 16, message: "the condition `max_days + 1` is number, not yes/no"),
    .init(name: "unknown-function", file: "stage.yaml", line: 16, message: "there is no function `days_since`"),
    .init(name: "unknown-option", file: "stage.yaml", line: 19, message: "'visiter' is not an option of `q1`"),
    .init(name: "not-on-every-path", file: "stage.yaml", line: 30, message: "`q2` is not asked on every path to `q3`"),
    .init(name: "unreachable", file: "stage.yaml", line: 19, message: "`orphan` can never be reached from the first question"),
    .init(name: "cycle", file: "stage.yaml", line: 11, message: "the flow loops: q1 → q2 → q1"),
    .init(name: "dead-end", file: "stage.yaml", line: 19, message: "no outcome can be reached from `q2`"),
    .init(name: "choice-not-covered", file: "stage.yaml", line: 23, message: "the routes of `q1` do not cover 'visitor' and there is no default"),
    .init(name: "no-default", file: "stage.yaml", line: 17, message: "question `q1` has no default route"),
    .init(name: "last-stage-handoff", file: "stage.yaml", line: 18, message: "hands on with `next-stage`, but rules is the last stage"),
    .init(name: "bad-date", file: "stage.yaml", line: 4, message: "`reviewed` must be a real date"),
    .init(name: "no-english", file: "stage.yaml", line: 13, message: "has no English text"),
    .init(name: "missing-review-by", file: "stage.yaml", line: 1, message: "the file has no `review_by` — add `review_by: YYYY-MM-DD`"),
    .init(name: "review-by-before-reviewed", file: "stage.yaml", line: 5, message: "`review_by: 2026-11-23` is not after `reviewed: 2026-11-23`"),
    .init(name: "because-not-on-every-path", file: "stage.yaml", line: 31, message: "`q2` is not asked on every path to `q3`"),
    .init(name: "date-not-a-date", file: "stage.yaml", line: 40, message: "the date `apply_by` (`q3`) is yes/no, not a date"),
    .init(name: "bad-route-status", file: "stage.yaml", line: 20, message: "unknown route status `fits`"),
    .init(name: "handoff-without-because", file: "stage.yaml", line: 17, message: "the hand-off to the next stage in question `q1` has no `because` and `source`: the result could not say why this route does not fit — add `because: {en:"),
    .init(name: "stage-none-without-because", file: "stage.yaml", line: 18, message: "outcome `none_fits` has `stage: none` but no `because`: the result could not say why no route fits — add `because: {en:"),
    .init(name: "bad-kind", file: "stage.yaml", line: 12, message: "unknown question kind `yesno`"),
    .init(name: "replaces-live", file: "stage.yaml", line: 11, message: "question `q1` replaces `q2`, which is still a question"),
    .init(name: "replaces-kind", file: "stage.yaml", line: 11, message: "`replaces` in question `q1` is only for date_ranges questions"),
]

@Test(arguments: brokenFixtures)
func brokenFixtureReportsItsErrorAtItsLine(_ f: BrokenFixture) {
    let result = Fixtures.load("broken/" + f.name)
    #expect(result.flows == nil, "a broken flow must not load")
    let hit = result.errors.first { $0.location.file == f.file && $0.location.line == f.line && $0.description.contains(f.message) }
    #expect(hit != nil, "expected \(f.file):\(f.line): …\(f.message)… in:\n\(result.errors.map(\.description).joined(separator: "\n"))")
}

@Test func everyBrokenFixtureFolderIsInTheTable() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/broken").sorted()
    #expect(folders == brokenFixtures.map(\.name).sorted())
}

@Test func knockOnErrorsAreNotReported() {
    // A question that fails to load must not also be reported as a bad `start` or make its
    // outcome unreachable: one mistake, one message.
    let result = Fixtures.load("broken/missing-key")
    #expect(result.errors.count == 1, "\(result.errors)")
}

@Test func validFixtureLoadsCleanly() throws {
    let result = Fixtures.load("valid")
    #expect(result.errors.isEmpty, "\(result.errors)")
    let flows = try #require(result.flows)
    #expect(flows.stages.map(\.stage) == [.rules, .compassionate])
    #expect(flows.firstNode == "in_uk")
    #expect(flows.startAfter(.rules) == "crisis")
    #expect(flows.startAfter(.compassionate) == nil)
    #expect(flows.reviewed == CivilDate(iso: "2026-11-20"), "the set is as fresh as its oldest file")
    #expect(flows.questions["status"]?.options.map(\.id) == ["worker", "student", "visitor"])
    #expect(flows.rates["fee_a"]?.value(on: CivilDate(iso: "2025-04-08")!)?.value == 10000)
    #expect(flows.rates["fee_a"]?.value(on: CivilDate(iso: "2025-04-09")!)?.value == 12050)
    #expect(flows.rates["fee_a"]?.value(on: CivilDate(iso: "2023-12-31")!) == nil)
    #expect(flows.outcomes["settled"]?.ihs == Surcharge(rate: "ihs_rate", tenthsOfYears: 25))
    #expect(flows.outcomes["no_route"]?.stage == nil)
    #expect(flows.questions["absences"]?.source.description == "Test rules, 3")
    #expect(flows.questions["crisis"]?.source.description.hasSuffix("[not verified]") == true)
}

@Test func validFixtureModelsWhyNotAndWhen() throws {
    let flows = try #require(Fixtures.load("valid").flows)
    #expect(flows.files.allSatisfy { $0.reviewBy > $0.reviewed })
    #expect(flows.file("rules.yaml")?.reviewBy == CivilDate(iso: "2027-05-23"))
    let inUK = try #require(flows.questions["in_uk"]?.next.first)
    #expect(inUK.status == .notChecked)
    #expect(inUK.because?.raw.en == "This route needs you to be in the UK.")
    #expect(inUK.source?.description == "Test rules, 1")
    let visitor = try #require(flows.questions["status"]?.next.first)
    #expect(visitor.status == .doesNotFit, "does_not_fit is the default")
    let absences = try #require(flows.questions["absences"]?.next.first)
    #expect(absences.dates.map(\.id) == ["window_clears"])
    #expect(absences.dates.first?.date.text == "add_years(latest_date(absences), 1)")
    #expect(flows.questions["absences"]?.next.last?.because == nil)
    let settled = try #require(flows.outcomes["settled"])
    #expect(settled.dates.map(\.id) == ["can_apply_from"])
    #expect(settled.dates.first?.condition?.text == "count(absences) > 0")
    #expect(settled.dates.first?.source.description == "Test rules, 4")
    #expect(flows.outcomes["no_route"]?.because?.raw.en == "No crisis, so no compassionate grounds.")
    #expect(flows.outcomes["no_route"]?.source != nil)
    #expect(flows.stageFlow(.compassionate)?.notReached?.en == "Worth a look if a crisis happened.")
    #expect(flows.stageFlow(.rules)?.notReached == nil)
}

@Test func becauseOnAnOutcomeThatFitsIsAWarning() {
    let files = TestFixtures.files(in: ["base", "valid"]).map { f -> (path: String, contents: String) in
        guard f.path.hasSuffix("rules.yaml") else { return f }
        return (f.path, f.contents.replacingOccurrences(of: "    fee: fee_a\n", with: "    fee: fee_a\n    because: {en: Fits.}\n"))
    }
    let result = FlowLoader.load(files: files)
    #expect(result.errors.isEmpty, "\(result.errors)")
    #expect(result.warnings.contains { $0.message.contains("is shown only for outcomes with `stage: none`") }, "\(result.warnings)")
}

@Test func availabilityFollowsEveryPath() throws {
    let flows = try #require(Fixtures.load("valid").flows)
    let available = FlowGraph(flows: flows).availableAnswers()
    #expect(available["status"] == ["in_uk"])
    // `crisis` is reached both straight from in_uk and after status/absences: only in_uk is certain.
    #expect(available["crisis"] == ["in_uk"])
    #expect(available["settled"] == ["in_uk", "status", "absences"])
}

@Test func versionHashChangesWithContent() {
    let a = FlowLoader.contentHash(["kind: stage"])
    #expect(a == FlowLoader.contentHash(["kind: stage"]))
    #expect(a != FlowLoader.contentHash(["kind: stage "]))
    #expect(a.count == 16)
}

@Test func missingFolderIsAClearError() {
    let result = FlowLoader.load(directory: "/nonexistent/flows")
    #expect(result.flows == nil)
    #expect(result.errors.first?.message == "no flow folder here")
}

@Test func emptyAndGarbageFilesDoNotCrash() {
    for garbage in ["", "- a\n- b", "kind: [", "\u{0}\u{1}", "kind: stage", "kind: stage\nreviewed: x\nsources: 3\nquestions: {a: 1}"] {
        let result = FlowLoader.load(files: [(path: "x.yaml", contents: garbage)])
        #expect(result.flows == nil)
        #expect(!result.errors.isEmpty)
        #expect(result.errors.allSatisfy { $0.location.file == "x.yaml" })
    }
}
