import Foundation
import LotrEngine
import LotrFlow
import Testing

/// One fixture case, complete, with notes and one tick: the golden files show it.
private enum NoteCase {
    static let flows = FixtureFlows.flows
    static let today = CivilDate(iso: "2026-11-23")!
    static let answers: Answers = [
        "in_uk": .bool(true), "status": .option("student"),
        "absences": .ranges([DateRange(from: CivilDate(iso: "2025-01-01")!, to: CivilDate(iso: "2025-01-05")!),
                             DateRange(from: CivilDate(iso: "2025-03-01")!, to: CivilDate(iso: "2025-03-03")!),
                             DateRange(from: CivilDate(iso: "2025-05-01")!, to: CivilDate(iso: "2025-05-02")!)]),
        // Answered, then made irrelevant: not on the path, so not in the note.
        "crisis": .bool(false),
    ]
    static let notes = ["status": "Student visa seen; *expires* 2027 <check>.", "crisis": "Asked before the status changed."]

    static func note(saved: String? = nil, width: Int = 78) -> FileNote {
        FileNote(flows: flows, reference: "K7M-42Q", today: today, answers: answers, notes: notes, ticks: ["passport"],
                 started: CivilDate(iso: "2026-11-20")!, updated: today, savedFlowVersion: saved ?? flows.version)
    }

    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FileNoteGolden").path
}

/// Compares with a golden file; LOTR_UPDATE_GOLDEN=1 rewrites it instead. The flow version is
/// a hash of the fixture files, so it is masked to keep the golden files about the layout.
private func checkGolden(_ name: String, _ actual: String) throws {
    let masked = actual.replacingOccurrences(of: NoteCase.flows.version, with: "<flow-version>")
    let path = NoteCase.goldenDir + "/" + name
    if ProcessInfo.processInfo.environment["LOTR_UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(atPath: NoteCase.goldenDir, withIntermediateDirectories: true)
        try masked.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try #require(try? String(contentsOfFile: path, encoding: .utf8), "missing \(path); run with LOTR_UPDATE_GOLDEN=1")
    if masked != expected {
        let a = masked.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("\(name) differs from line \(first + 1): got \(first < a.count ? String(a[first]) : "<end>") — expected \(first < e.count ? String(e[first]) : "<end>") (LOTR_UPDATE_GOLDEN=1 rewrites)")
    }
}

@Test func fileNoteTextMatchesGolden() throws {
    try checkGolden("fixture-case.txt", NoteCase.note().text())
}

@Test func fileNoteMarkdownMatchesGolden() throws {
    try checkGolden("fixture-case.md", NoteCase.note().markdown())
}

@Test func fileNoteTextFitsEightyColumns() {
    let long = "See https://www.gov.uk/government/publications/a-very-long-address-that-cannot-be-wrapped-at-a-space-anywhere-at-all"
    var notes = NoteCase.notes
    notes["absences"] = long + " " + String(repeating: "word ", count: 40)
    let note = FileNote(flows: NoteCase.flows, reference: "K7M-42Q", today: NoteCase.today, answers: NoteCase.answers,
                        notes: notes, ticks: [], savedFlowVersion: "older",
                        keptAside: [FileNote.Aside(question: "gone", answer: String(repeating: "x", count: 200), reason: "this question is no longer asked")])
    let text = note.text()
    for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line.count): \(line)") }
    let joined = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    #expect(joined.contains(long.replacingOccurrences(of: " ", with: "")), "the long word is cut, not lost")
    #expect(text.split(separator: "\n").joined(separator: " ").contains("saved under version older"))
}

@Test func fileNoteFollowsThePathAndShowsTicksAndNotes() {
    let text = NoteCase.note().text()
    let order = ["Are you in the UK?", "What is your status?", "When were you away?"].compactMap { text.range(of: $0)?.lowerBound }
    #expect(order.count == 3 && order == order.sorted(), "questions in the order asked")
    #expect(text.contains("[x] Your passport.") && text.contains("[ ] Your travel history."))
    #expect(text.contains("Evidence checklist (1 of 2 ticked)"))
    #expect(text.contains("Student visa seen"))
    #expect(!text.contains("Did a crisis happen?\n"), "an answer off the path is not listed as asked")
    #expect(text.contains("Other adviser's notes") && text.contains("Asked before the status changed."))
    #expect(text.contains("Fees (as of 23 November 2026)") && text.contains("£120.50"))
    #expect(text.contains("Flows: version \(NoteCase.flows.version), reviewed 20 November 2026"))
    #expect(!text.contains("flows have changed"))
}

@Test func markdownEscapesWhatWasTyped() {
    let md = NoteCase.note().markdown()
    #expect(md.contains(#"Student visa seen; \*expires\* 2027 \<check\>."#))
    #expect(md.contains("- [x] Your passport.") && md.contains("- [ ] Your travel history."))
}

@Test func fileNoteJSONHasStableKeysAndReusableAnswers() throws {
    let json = NoteCase.note().json()
    guard case .object(let pairs) = json else { Issue.record("not an object"); return }
    #expect(pairs.map(\.0) == ["reference", "date", "started", "updated", "language", "flows", "status", "answers", "next",
                               "outcome", "checklist", "other_notes", "kept_aside"])
    let text = json.serialized()
    #expect(text.contains(#""ticked": true"#) && text.contains(#""ticked": false"#))
    #expect(text.contains(#""status": "outcome""#) && text.contains(#""as_of": "2026-11-23""#))
    // The answers in an export read back through `decide`'s parser as the same answers.
    guard case .array(let items)? = pairs.first(where: { $0.0 == "answers" })?.1 else { Issue.record("no answers"); return }
    var object: [(String, JSON)] = []
    for case .object(let fields) in items {
        guard case .string(let id)? = fields.first(where: { $0.0 == "id" })?.1, let value = fields.first(where: { $0.0 == "value" })?.1 else { continue }
        object.append((id, value))
    }
    let reread = try AnswersFile.parse(JSON.object(object).serialized(), flows: NoteCase.flows, today: NoteCase.today).get()
    let onPath = Dictionary(uniqueKeysWithValues: Engine.answersOnPath(NoteCase.flows, answers: NoteCase.answers, today: NoteCase.today))
    #expect(reread == onPath)
}

@Test func answerJSONUsesTheDecideFormats() {
    #expect(FileNote.answerJSON(.money(125850)).serialized() == #""1258.50""#)
    #expect(FileNote.answerJSON(.money(5)).serialized() == #""0.05""#)
    #expect(FileNote.answerJSON(.number(12)).serialized() == "12")
    #expect(FileNote.answerJSON(.date(CivilDate(iso: "2026-01-02")!)).serialized() == #""2026-01-02""#)
    #expect(FileNote.answerJSON(.options(["a", "b"])).serialized(pretty: false) == #"["a","b"]"#)
}

@Test func unfinishedSessionsSayWhatComesNext() {
    let note = FileNote(flows: NoteCase.flows, reference: "AAA-AAA", today: NoteCase.today, answers: ["in_uk": .bool(true)])
    #expect(note.text().contains("Not finished. The next question is: What is your status?"))
    #expect(note.markdown().contains("**Not finished.**"))
    #expect(!note.text().contains("Evidence checklist"))
    let empty = FileNote(flows: NoteCase.flows, reference: "AAA-AAA", today: NoteCase.today, answers: [:])
    #expect(empty.text().contains("No questions answered yet."))
    guard case .object(let pairs) = note.json(), case .object(let next)? = pairs.first(where: { $0.0 == "next" })?.1 else {
        Issue.record("no next"); return
    }
    #expect(next.first?.1.serialized() == #""status""#)
}
