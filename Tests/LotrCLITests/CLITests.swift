import Foundation
import Testing

/// Runs the real `lotr` binary, as a person or a script would.
enum CLI {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// LOTR_TEST_BINARY runs these tests against another build (`make test` also runs them on the
    /// release build, which is linked differently); otherwise the debug build.
    static let binary: String = {
        if let chosen = ProcessInfo.processInfo.environment["LOTR_TEST_BINARY"], !chosen.isEmpty { return chosen }
        for candidate in [".build/debug/lotr", ".build/release/lotr"] {
            let path = repo.appendingPathComponent(candidate).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return repo.appendingPathComponent(".build/debug/lotr").path
    }()

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], stdin: String? = nil, cwd: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.currentDirectoryURL = URL(fileURLWithPath: cwd ?? repo.path)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin.data(using: .utf8)!) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let fixtures = repo.appendingPathComponent("Tests/LotrFlowTests/Fixtures").path

    /// A temporary folder holding the shared fixture catalogues plus one fixture's files.
    static func fixtureFolder(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for sub in ["base", name] {
            for f in try FileManager.default.contentsOfDirectory(atPath: fixtures + "/" + sub) {
                try FileManager.default.copyItem(atPath: fixtures + "/" + sub + "/" + f, toPath: dir + "/" + f)
            }
        }
        return dir
    }

    static func writeTemp(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-answers-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

@Suite(.serialized) struct CLITests {
    @Test func checkPassesOnTheShippedFlows() throws {
        let r = try CLI.run(["check", "flows"])
        #expect(r.status == 0, "\(r.stdout.suffix(2000))")
        #expect(r.stdout.contains("0 errors"))
    }

    @Test func checkFailsWithFileAndLineOnEachBrokenFixture() throws {
        let broken = try FileManager.default.contentsOfDirectory(atPath: CLI.fixtures + "/broken")
        #expect(broken.count >= 20)
        for name in broken {
            let dir = try CLI.fixtureFolder("broken/" + name)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let r = try CLI.run(["check", dir])
            #expect(r.status == 1, "\(name) should fail")
            let pattern = try Regex(#"\.yaml:\d+:\d+: error: "#)
            #expect(r.stdout.contains(pattern), "\(name): \(r.stdout)")
        }
    }

    @Test func checkOnAMissingFolderFailsCleanly() throws {
        let r = try CLI.run(["check", "/nonexistent"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("no flow folder here"))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // An evidence item no outcome uses is a warning.
        try """
        kind: evidence
        reviewed: 2026-11-23
        review_by: 2027-05-23
        sources: [{id: G, title: Guide}]
        evidence:
          - {id: unused_item, text: {en: Unused.}, source: {doc: G}}
        """.write(toFile: dir + "/extra.yaml", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", dir]).status == 0)
        let strict = try CLI.run(["check", "--strict", dir])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("extra.yaml:6:5: warning: evidence item `unused_item` is in no outcome's checklist"))
    }

    @Test func decideExitCodes() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let complete = try CLI.writeTemp(#"{"in_uk": true, "status": "worker", "absences": [{"from": "2025-01-01", "to": "2025-01-10"}]}"#)
        var r = try CLI.run(["decide", "--flows", dir, "--answers", complete, "--today", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"status\": \"outcome\"") && r.stdout.contains("\"code\": \"FORM(A)\""))
        #expect(r.stdout.contains("\"path\": [\n    \"in_uk\",\n    \"status\",\n    \"absences\"\n  ]"))

        r = try CLI.run(["decide", "--flows", dir, "--answers", "-", "--today", "2026-11-23"], stdin: #"{"in_uk": true}"#)
        #expect(r.status == 3)
        #expect(r.stdout.contains("\"status\": \"incomplete\"") && r.stdout.contains("\"id\": \"status\""))

        r = try CLI.run(["decide", "--flows", dir, "--answers", "-"], stdin: #"{"in_uk": true, "stauts": "worker"}"#)
        #expect(r.status == 2)
        #expect(r.stderr.contains("answer \"stauts\": there is no such question"))

        r = try CLI.run(["decide", "--flows", dir, "--answers", "-"], stdin: #"{"in_uk": "perhaps"}"#)
        #expect(r.status == 2 && r.stderr.contains("answer \"in_uk\": answer yes or no"))

        r = try CLI.run(["decide", "--flows", dir, "--answers", "-", "--today", "2026-11-23"],
                        stdin: #"{"in_uk": true, "status": "worker", "absences": [{"from": "2025-02-29", "to": "2025-03-02"}]}"#)
        #expect(r.status == 2 && r.stderr.contains("answer \"absences\": item 1: the departure date is not a real date"))
        #expect(!r.stderr.contains("2025-02-29"), "the value itself never reaches standard error")

        r = try CLI.run(["decide", "--flows", dir, "--answers", "-"], stdin: "{not json")
        #expect(r.status == 2 && r.stderr.contains("not valid JSON"))

        r = try CLI.run(["decide", "--flows", dir, "--answers", "/nonexistent.json"])
        #expect(r.status == 2 && r.stderr.contains("cannot read the answers file"))
    }

    /// The documented `routes`, `dates` and `stale` keys of `decide --format json`, and the
    /// out-of-date warning when `--today` is past a file's `review_by` (issues 11 and 13).
    @Test func decideJSONHasRoutesDatesAndStaleWarnings() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let answers = try CLI.writeTemp(#"{"in_uk": true, "status": "worker", "absences": [{"from": "2025-01-01", "to": "2025-08-10"}], "crisis": false}"#)
        let r = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--today", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("""
              "routes": [
                {
                  "stage": "rules",
                  "title": "Rules route",
                  "status": "does_not_fit",
                  "because": "220 days away in 12 months; the limit is 180.",
                  "source": "Test rules, 3"
                },
            """), "\(r.stdout)")
        #expect(r.stdout.contains(#""because": "No crisis, so no compassionate grounds.""#))
        #expect(r.stdout.contains("""
              "dates": [
                {
                  "id": "window_clears",
                  "date": "2026-08-10",
                  "text": "From this day no 12-month window holds your last trip",
                  "source": "Test rules, 3"
                }
              ],
              "stale": [],
            """), "\(r.stdout)")
        let late = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--today", "2027-05-24"])
        #expect(late.status == 0)
        #expect(late.stdout.contains(#""file": "rules.yaml""#) && late.stdout.contains(#""review_by": "2027-05-23""#))
        #expect(late.stdout.contains("This guidance may be out of date"))
        let text = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--today", "2027-05-24", "--format", "text"])
        #expect(text.stdout.hasPrefix("NO ROUTE FITS\n=============\n\n!!! This guidance may be out of date"), "\(text.stdout)")
        #expect(text.stdout.contains("Routes checked\n  - Rules route: does not fit"))
    }

    @Test func checkWarnsOnceAFileIsPastItsReviewByDay() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try CLI.run(["check", "--today", "2027-05-20", dir])
        #expect(before.status == 0 && !before.stdout.contains("due for review"), "\(before.stdout)")
        let after = try CLI.run(["check", "--today", "2027-05-21", dir])
        #expect(after.stdout.contains("compassionate.yaml:5:1: warning: this file was due for review by 2027-05-20"), "\(after.stdout)")
        #expect(!after.stdout.contains("rules.yaml:5:1: warning: this file was due"))
        #expect(after.status == 0)
        // The shipped flows are clean under --strict; out of date, they warn but still pass, so
        // that the build does not break on a date (every result warns the person instead).
        let shipped = try CLI.run(["check", "--strict", "--today", "2031-01-01", "flows"])
        #expect(shipped.stdout.contains("1-rules-route.yaml:") && shipped.stdout.contains(":1: warning: this file was due for review by 2027-05-23"), "\(shipped.stdout)")
        #expect(shipped.status == 0, "\(shipped.stdout)")
    }

    @Test func decideTextMarkdownAndTrace() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let answers = try CLI.writeTemp(#"{"in_uk": true, "status": "visitor", "crisis": true}"#)
        let text = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--today", "2026-11-23", "--format", "text", "--trace"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("ASK FOR LEAVE OUTSIDE THE RULES") && text.stdout.contains("[ ] Your passport."))
        #expect(text.stdout.contains("Flows reviewed 20 November 2026"))
        #expect(text.stderr.contains("trace: status [rules] → next stage: crisis (route 1 of 2"))
        #expect(!text.stderr.contains("true"), "the trace names routes, never the answers themselves")
        let md = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--format", "markdown"])
        #expect(md.stdout.hasPrefix("# Ask for leave outside the rules"))
    }

    @Test func questionsListsEveryQuestion() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let json = try CLI.run(["questions", "--flows", dir, "--format", "json"])
        #expect(json.status == 0)
        for id in ["in_uk", "status", "absences", "crisis"] { #expect(json.stdout.contains("\"id\": \"\(id)\"")) }
        let text = try CLI.run(["questions", "--flows", dir])
        #expect(text.stdout.contains("status [choice]: What is your status?") && text.stdout.contains("    visitor: Visitor"))
    }

    @Test func graphDrawsClustersAndForms() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dot = try CLI.run(["graph", "--flows", dir])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph lotr {") && dot.stdout.contains("subgraph cluster_rules"))
        #expect(dot.stdout.contains("settled\\n[FORM(A)]") && dot.stdout.contains("status -> crisis"))
        let mermaid = try CLI.run(["graph", "--flows", dir, "--format", "mermaid"])
        #expect(mermaid.stdout.hasPrefix("flowchart TD") && mermaid.stdout.contains("subgraph compassionate"))
        #expect(mermaid.stdout.contains("no_route([\"no_route — no form\"])"))
    }

    @Test func helpDescribesTheCommands() throws {
        let top = try CLI.run(["--help"])
        for word in ["check", "graph", "questions", "decide", "not legal advice"] { #expect(top.stdout.contains(word), "\(word)") }
        let decide = try CLI.run(["decide", "--help"])
        for word in ["--answers", "--today", "--format", "--trace", "incomplete"] { #expect(decide.stdout.contains(word), "\(word)") }
        #expect(try CLI.run(["check", "--help"]).stdout.contains("--strict"))
        #expect(try CLI.run(["graph", "--help"]).stdout.contains("mermaid"))
    }

    @Test func brokenFlowsNeverCrashTheProgram() throws {
        let dir = try CLI.fixtureFolder("broken/yaml-syntax")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["decide", "--flows", dir, "--answers", "-"], stdin: "{}")
        #expect(r.status == 1)
        #expect(r.stderr.contains("stage.yaml:13:4: error: YAML syntax"))
    }
}

/// `decide` keeps the interview's rules: "None of these" alone, no empty answer when the question
/// has one, and dates in each written form.
@Test func decideKeepsNoneOfTheseAloneAndReadsWrittenDates() throws {
    var r = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"],
                        stdin: #"{"a8_suitability": ["none", "deportation"]}"#)
    #expect(r.status == 2 && r.stderr.contains("answer \"a8_suitability\": “None of these” cannot be chosen together with another answer"), "\(r.stderr)")
    r = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"], stdin: #"{"a8_suitability": []}"#)
    #expect(r.status == 2 && r.stderr.contains("tick at least one, or “None of these”"), "\(r.stderr)")
    r = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"], stdin: #"{"a8_suitability": ["none"]}"#)
    #expect(r.status != 2, "\(r.stderr)")
    r = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"], stdin: #"{"lr_start_date": "1 May 2012"}"#)
    #expect(r.status != 2, "a date written with its month in words is read: \(r.stderr)")
    #expect(!r.stderr.contains("2012"))
}
