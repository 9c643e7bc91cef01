import Foundation
@testable import LotrFlow
import Testing

/// Inputs that once crashed the loader or the expression language (see BENCHMARKS.md, "Fuzzing").
/// Each is checked in a child process (an exit test): while the crash is there, this test fails
/// and the rest of the suite still runs.
@Suite struct FuzzRegressionTests {
    /// 20,000 nested parentheses in a route's `if:` (line 23) overflowed the stack in the
    /// recursive-descent parser.
    @Test func deeplyNestedParenthesesAreReportedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectLoadError("flow-loader/deep-parentheses.yaml", line: 23)
        }
    }

    /// `count(q2)+1+1+…` with 20,000 terms in a reason's `if:` (line 43): the parser builds it
    /// in a loop, but the type checker then recursed once per `+` and overflowed the stack.
    @Test func veryLongSumIsReportedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectLoadError("flow-loader/long-sum.yaml", line: 43)
        }
    }

    /// Found by the flow-loader fuzz target: a choice whose `next` has its default (no `if`)
    /// before a conditional entry. The validator reports the unreachable entry (its `goto`, line 25), then
    /// `checkCoverage` force-unwrapped the default's missing condition and trapped.
    @Test func defaultBeforeAConditionIsReportedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectLoadError("flow-loader/default-before-condition.yaml", line: 25)
        }
    }

    @Test func twentyThousandNotsAreRejectedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectExpressionRejected("expression/deep-not.txt")
        }
    }

    @Test func twentyThousandTermSumIsRejectedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectExpressionRejected("expression/long-sum.txt")
        }
    }

    /// The same two shapes kept under the length limit, so that the depth limit itself is
    /// tested: 1,990 nested parentheses, and a sum of 1,991 terms (1,990 levels for the type
    /// checker). A debug build overflowed its 8 MB stack from about 1,500 levels.
    @Test func nestingUnderTheLengthLimitIsRejectedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectExpressionRejected("expression/deep-parentheses-short.txt")
        }
    }

    @Test func longSumUnderTheLengthLimitIsRejectedNotACrash() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressions.expectExpressionRejected("expression/long-sum-short.txt")
        }
    }

    /// Every saved input has a test above.
    @Test func everySavedInputIsTested() throws {
        var saved: [String] = []
        for target in ["flow-loader", "expression"] {
            let dir = FuzzRegressions.root + "/" + target
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) { saved.append(target + "/" + name) }
        }
        #expect(saved.sorted() == FuzzRegressions.tested.sorted())
    }

    /// The check itself can fail: a flow file with a broken expression must give an error
    /// on its line, and an ordinary expression must not be rejected.
    @Test func theChecksCanFail() {
        // The saved file without its parentheses is a small valid stage.
        let plain = FuzzRegressions.read("flow-loader/deep-parentheses.yaml")
            .replacingOccurrences(of: String(repeating: "(", count: 20_000), with: "")
            .replacingOccurrences(of: String(repeating: ")", count: 20_000), with: "")
        let valid = FlowLoader.load(files: [(path: "x.yaml", contents: plain)])
        #expect(valid.flows != nil && !FuzzRegressions.hasError(valid, line: 23))
        let broken = plain.replacingOccurrences(of: "q1 == 'a'", with: "q1 == 'a' and")
        #expect(FuzzRegressions.hasError(FlowLoader.load(files: [(path: "x.yaml", contents: broken)]), line: 23))
        #expect(FuzzRegressions.rejects("in_uk and years > 3") == false)
        #expect(FuzzRegressions.rejects("in_uk and") == true)
    }
}

/// `lotr check` time per node must not grow with the size of the flows (BENCHMARKS.md: the
/// validator kept, for every node, the set of questions asked on every path to it, so a chain of
/// n questions cost n²/2 set entries: 10,000 nodes took 2.6 s and 360 MB, 20,000 took 7.6 s and
/// 1.3 GB). Times only the validator, on one long chain, the shape the real flows have.
@Suite(.serialized) struct ValidatorScalingTests {
    static func chain(_ n: Int) -> FlowSet? {
        var s = """
            kind: stage
            stage: compassionate
            title: {en: Chain}
            reviewed: 2026-11-23
            review_by: 2027-05-23
            rules_version: {en: Rules}
            sources:
              - {id: S, title: Source, version: "1", status: verified, url: "https://www.gov.uk/"}
            start: q0
            questions:

            """
        for i in 0..<n {
            s += """
                  - id: q\(i)
                    kind: yes_no
                    text: {en: Question?}
                    source: {doc: S, section: "1"}
                    next:
                      - if: q\(i) and q0
                        goto: done
                      - goto: \(i + 1 < n ? "q\(i + 1)" : "done")

                """
        }
        s += """
            outcomes:
              - id: done
                stage: none
                title: {en: Done}
                explanation: {en: Done.}
                grant: {en: None.}
                because: {en: Done.}
                source: {doc: S, section: "1"}

            """
        return FlowLoader.load(files: [(path: "chain.yaml", contents: s)]).flows
    }

    /// The fastest of a few runs, so that a busy machine does not fail the test.
    static func validatorSeconds(_ flows: FlowSet) -> Double {
        var best = Double.infinity
        for _ in 0..<2 {
            let log = DiagnosticLog()
            let start = ContinuousClock.now
            Validator(flows: flows, log: log).run()
            let d = (ContinuousClock.now - start).components
            best = min(best, Double(d.seconds) + Double(d.attoseconds) / 1e18)
            #expect(!log.hasErrors)
        }
        return best
    }

    @Test func validatorTimePerNodeDoesNotGrowWithChainLength() throws {
        let small = try #require(Self.chain(250)), large = try #require(Self.chain(6_000))
        let perNodeSmall = Self.validatorSeconds(small) / 250, perNodeLarge = Self.validatorSeconds(large) / 6_000
        // Linear work gives about 1; the quadratic sets gave about 5 in a debug build.
        #expect(perNodeLarge / perNodeSmall < 2.5, "per node: \(perNodeSmall * 1e6) µs at 250, \(perNodeLarge * 1e6) µs at 6,000")
    }
}

enum FuzzRegressions {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions").path

    static let tested = [
        "flow-loader/deep-parentheses.yaml", "flow-loader/long-sum.yaml", "flow-loader/default-before-condition.yaml",
        "expression/deep-not.txt", "expression/long-sum.txt",
        "expression/deep-parentheses-short.txt", "expression/long-sum-short.txt",
    ]

    static func read(_ name: String) -> String {
        guard let text = try? String(contentsOfFile: root + "/" + name, encoding: .utf8) else {
            fail("cannot read \(name)")
        }
        return text
    }

    static func fail(_ why: String) -> Never {
        FileHandle.standardError.write(Data((why + "\n").utf8))
        exit(1)
    }

    static func hasError(_ result: LoadResult, line: Int) -> Bool {
        result.flows == nil && result.errors.contains { $0.location.line == line }
    }

    /// The loader must refuse the file with an error on the given line (not crash, not accept).
    static func expectLoadError(_ name: String, line: Int) {
        let result = FlowLoader.load(files: [(path: name, contents: read(name))])
        if !hasError(result, line: line) {
            fail("\(name): expected an error on line \(line); got \(result.errors.prefix(5).map(\.message))")
        }
    }

    /// The same answers as the expression fuzz target (fuzz/ExpressionFuzz.swift), in part.
    static var checker: TypeChecker { TypeChecker { name in
        switch name {
        case "in_uk": return .success(.bool)
        case "years": return .success(.number)
        default: return .failure(ExprError(offset: 0, message: "unknown `\(name)`", fix: nil))
        }
    } }

    static func rejects(_ text: String) -> Bool {
        switch ExpressionParser.parse(text) {
        case .failure: return true
        case .success(let expr):
            if case .failure = checker.check(expr) { return true }
            return false
        }
    }

    /// Far deeper than any condition a person writes: it must be refused with a message.
    static func expectExpressionRejected(_ name: String) {
        if !rejects(read(name)) { fail("\(name): expected the expression to be refused as too deep") }
    }
}
