import Foundation
import Testing
@testable import LotrFlow

/// One broken fixture per rule of `lotr check`: each must give its error at its line.
struct BrokenFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    let line: Int
    let message: String
    var testDescription: String { name }
}

let brokenFixtures: [BrokenFixture] = [
    .init(name: "yaml-syntax", file: "stage.yaml", line: 12, message: "YAML syntax"),
    .init(name: "unknown-key", file: "stage.yaml", line: 12, message: "unknown key `txt` in question `q1` — did you mean `text`?"),
    .init(name: "missing-key", file: "stage.yaml", line: 10, message: "question `q1` has no `source`"),
    .init(name: "duplicate-id", file: "more.yaml", line: 7, message: "duplicate id `passport`: already defined at evidence.yaml:7:5"),
    .init(name: "unknown-goto", file: "stage.yaml", line: 17, message: "`goto: dnoe` in question `q1` names no question or outcome — did you mean `done`?"),
    .init(name: "unknown-form", file: "stage.yaml", line: 19, message: "names form `FORM_Z`, which is not in the forms catalogue"),
    .init(name: "unknown-evidence", file: "stage.yaml", line: 24, message: "lists evidence `pasport`, which is not in any evidence catalogue"),
    .init(name: "unknown-term", file: "stage.yaml", line: 10, message: "uses glossary term `levae`"),
    .init(name: "unknown-source", file: "stage.yaml", line: 13, message: "unknown source `RULES`"),
    .init(name: "unknown-rate", file: "stage.yaml", line: 19, message: "names rate `fee_b`, which is not in any rates file"),
    .init(name: "expr-syntax", file: "stage.yaml", line: 15, message: "`=` on its own is not an operator"),
    .init(name: "expr-type", file: "stage.yaml", line: 15, message: "`>` compares two numbers, two amounts or two dates, not yes/no and number"),
    .init(name: "expr-not-bool", file: "stage.yaml", line: 15, message: "the condition `max_days + 1` is number, not yes/no"),
    .init(name: "unknown-function", file: "stage.yaml", line: 15, message: "there is no function `days_since`"),
    .init(name: "unknown-option", file: "stage.yaml", line: 18, message: "'visiter' is not an option of `q1`"),
    .init(name: "not-on-every-path", file: "stage.yaml", line: 29, message: "`q2` is not asked on every path to `q3`"),
    .init(name: "unreachable", file: "stage.yaml", line: 18, message: "`orphan` can never be reached from the first question"),
    .init(name: "cycle", file: "stage.yaml", line: 10, message: "the flow loops: q1 → q2 → q1"),
    .init(name: "dead-end", file: "stage.yaml", line: 18, message: "no outcome can be reached from `q2`"),
    .init(name: "choice-not-covered", file: "stage.yaml", line: 22, message: "the routes of `q1` do not cover 'visitor' and there is no default"),
    .init(name: "no-default", file: "stage.yaml", line: 16, message: "question `q1` has no default route"),
    .init(name: "last-stage-handoff", file: "stage.yaml", line: 17, message: "hands on with `next-stage`, but rules is the last stage"),
    .init(name: "bad-date", file: "stage.yaml", line: 4, message: "`reviewed` must be a real date"),
    .init(name: "no-english", file: "stage.yaml", line: 12, message: "has no English text"),
    .init(name: "bad-kind", file: "stage.yaml", line: 11, message: "unknown question kind `yesno`"),
    .init(name: "replaces-live", file: "stage.yaml", line: 10, message: "question `q1` replaces `q2`, which is still a question"),
    .init(name: "replaces-kind", file: "stage.yaml", line: 10, message: "`replaces` in question `q1` is only for date_ranges questions"),
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
