import Foundation
import Testing

/// Answers are sensitive: no part of one may reach standard error, whatever is wrong with it.
@Suite(.serialized) struct DecideLeakTests {
    /// Each answers file is wrong in a way that used to echo (part of) the value; `secrets` are
    /// the fragments that must not appear on standard error.
    static let cases: [(answers: String, secrets: [String])] = [
        (#"{"rules_screen": "partner's visa was refused in 2019"}"#, ["visa", "refused", "2019", "partner"]),
        (#"{"rules_screen": "none", "cc_duration_months": "my partner's 98765"}"#, ["98765", "partner"]),
        (#"{"cc_duration_months": 123456789012345678901234}"#, ["123456789", "1234"]),
        (#"{"cc_duration_months": 98765.43e2}"#, ["98765"]),
        (#"{"cc_duration_months": 98765}"#, ["98765"]),
        (#"{"cc_duration_months": @secret}"#, ["@", "secret"]),
        (#"{"rules_screen": "it's 'quoted' twice's"}"#, ["quoted", "twice", "it's"]),
    ]

    @Test func rejectedAnswersNeverReachStandardError() throws {
        for c in Self.cases {
            let r = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"], stdin: c.answers)
            #expect(r.status == 2, "\(c.answers): \(r.stderr)")
            #expect(r.stderr.hasPrefix("lotr decide: "), "\(r.stderr)")
            for secret in c.secrets {
                #expect(!r.stderr.contains(secret), "'\(secret)' of \(c.answers) reached standard error: \(r.stderr)")
            }
        }
    }

    /// The message still says which answer is at fault and what to do.
    @Test func theMessageNamesTheAnswerAndTheFix() throws {
        let r = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"],
                            stdin: #"{"rules_screen": "partner's visa"}"#)
        #expect(r.stderr.contains("answer \"rules_screen\": the answer is not one of the options:"), "\(r.stderr)")
        let n = try CLI.run(["decide", "--flows", "flows", "--answers", "-", "--today", "2026-11-23"],
                            stdin: #"{"cc_duration_months": 98765}"#)
        #expect(n.stderr.contains("answer \"cc_duration_months\": the number must be at most 120"), "\(n.stderr)")
    }

    /// The trace says which question led where, by which route — never the condition, which
    /// spells out the answer (`status == 'visitor'`).
    @Test func theTraceNamesQuestionAndRouteOnly() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let answers = try CLI.writeTemp(#"{"in_uk": true, "status": "visitor", "crisis": true}"#)
        let r = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--today", "2026-11-23", "--format", "text", "--trace"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("trace: status [rules] → next stage: crisis (route 1 of 2, rules.yaml:"), "\(r.stderr)")
        #expect(r.stderr.contains("trace: in_uk [rules] → status (route 2 of 2, default"), "\(r.stderr)")
        for word in ["visitor", "==", "held", "true", "not in_uk", "crisis and"] {
            #expect(!r.stderr.contains(word), "'\(word)' in the trace: \(r.stderr)")
        }
    }
}

@Suite(.serialized) struct ManyRangesTests {
    /// 10,000 overlapping trips in an answers file: a clear refusal, at once.
    @Test func tooManyAbsencesAreRefusedWithAClearMessage() throws {
        let dir = try CLI.fixtureFolder("valid")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let trips = Array(repeating: #"{"from": "2025-01-01", "to": "2025-01-10"}"#, count: 10_000).joined(separator: ",")
        let answers = try CLI.writeTemp(#"{"in_uk": true, "status": "worker", "absences": [\#(trips)]}"#)
        let started = Date()
        let r = try CLI.run(["decide", "--flows", dir, "--answers", answers, "--today", "2026-11-23"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("answer \"absences\": there are 10000 periods; at most 1000 can be given"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "not minutes of work")
    }
}

@Suite(.serialized) struct CutFlowFileTests {
    /// The glossary cut inside its last text (at a character boundary): still valid YAML, the
    /// last definition shortened. `check --strict` must fail and name the line.
    @Test func aFileCutMidLineFailsStrictCheckAtItsLastLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-cut-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLI.repo.path + "/flows", toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/glossary.yaml"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let cut = whole.prefix(whole.count - 1 - 3 * 10)  // ten Chinese characters and the line break
        try cut.write(to: URL(fileURLWithPath: path))
        let lines = cut.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let r = try CLI.run(["check", "--strict", dir])
        #expect(r.status == 1, "\(r.stdout.suffix(600))")
        #expect(r.stdout.contains("glossary.yaml:\(lines):1: warning: the file ends in the middle of this line"), "\(r.stdout.suffix(600))")
    }
}
