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
/// a hash of the flow files, so it is masked to keep the golden files about the text.
private func checkGolden(_ name: String, _ actual: String, version: String = NoteCase.flows.version, regenerate: String? = nil) throws {
    let masked = actual.replacingOccurrences(of: version, with: "<flow-version>")
    let path = NoteCase.goldenDir + "/" + name
    let how = regenerate ?? "LOTR_UPDATE_GOLDEN=1 rewrites"
    if ProcessInfo.processInfo.environment["LOTR_UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(atPath: NoteCase.goldenDir, withIntermediateDirectories: true)
        try masked.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try #require(try? String(contentsOfFile: path, encoding: .utf8), "missing \(path); \(how)")
    if masked != expected {
        let a = masked.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("\(name) differs from line \(first + 1): got \(first < a.count ? String(a[first]) : "<end>") — expected \(first < e.count ? String(e[first]) : "<end>") (\(how))")
    }
}

@Test func fileNoteTextMatchesGolden() throws {
    try checkGolden("fixture-case.txt", NoteCase.note().text())
}

@Test func fileNoteMarkdownMatchesGolden() throws {
    try checkGolden("fixture-case.md", NoteCase.note().markdown())
}

/// Every line of `text` within `width` display columns (a Chinese character takes two).
private func expectFits(_ text: String, width: Int = 78, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for line in text.split(separator: "\n") {
        #expect(DisplayWidth.of(line) <= width, "\(what): \(DisplayWidth.of(line)) columns: \(line)", sourceLocation: sourceLocation)
    }
}

@Test(arguments: ["en", "zh-Hant"])
func fileNoteTextFitsSeventyEightColumns(_ language: String) {
    let long = "See https://www.gov.uk/government/publications/a-very-long-address-that-cannot-be-wrapped-at-a-space-anywhere-at-all"
    var notes = NoteCase.notes
    notes["absences"] = long + " " + String(repeating: "word ", count: 40)
    notes["in_uk"] = String(repeating: "護照已核對，簽證將於二〇二七年到期。", count: 8)
    notes["status"] = String(repeating: "簽", count: 100)
    let note = FileNote(flows: NoteCase.flows, reference: "K7M-42Q", today: NoteCase.today, answers: NoteCase.answers,
                        notes: notes, ticks: [], language: language, savedFlowVersion: "older",
                        keptAside: [FileNote.Aside(question: "gone", answer: String(repeating: "x", count: 200), reason: "this question is no longer asked"),
                                    FileNote.Aside(question: "gone2", answer: String(repeating: "無", count: 60), reason: "無法讀取")])
    let text = note.text()
    expectFits(text, language)
    let joined = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    #expect(joined.contains(long.replacingOccurrences(of: " ", with: "")), "the long word is cut, not lost")
    #expect(joined.contains(String(repeating: "簽", count: 100)), "a long Chinese run is wrapped, not lost")
    #expect(text.split(separator: "\n").joined(separator: " ").contains(language == "en" ? "saved under version older" : "儲存時的版本是 older"))
    // A narrow page still fits, Chinese included: the long-word cut goes by display width.
    expectFits(note.text(width: 30), width: 30, "\(language) at 30 columns")
}

@Test func longWordsAreCutByDisplayWidthWhenTheIndentLeavesLittleRoom() {
    // At 12 columns the checklist's 4-column indent leaves less than wrapPlain's 8-column minimum,
    // so the note's own cut has to act; it must count a Chinese character as two columns.
    let note = FileNote(flows: NoteCase.flows, reference: "K7M-42Q", today: NoteCase.today, answers: NoteCase.answers,
                        notes: ["status": String(repeating: "簽證", count: 20)], language: "zh-Hant")
    let text = note.text(width: 12)
    expectFits(text, width: 12, "zh-Hant at 12 columns")
    #expect(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(String(repeating: "簽證", count: 20)))
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
                               "outcome", "checklist", "routes", "dates", "stale", "stale_warnings", "other_notes", "kept_aside"])
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

// MARK: Labels in the note's language

@Test func everyFileNoteLabelHasBothLanguagesWithTheSamePlaceholders() {
    for key in FileNoteLabel.allCases {
        let en = FileNoteLabel.en[key], zh = FileNoteLabel.zhHant[key]
        #expect(en?.isEmpty == false, "\(key) has no English")
        #expect(zh?.isEmpty == false, "\(key) has no Traditional Chinese")
        #expect(en != zh, "\(key) is not translated")
        #expect(FileNoteLabel.placeholders(en ?? "") == FileNoteLabel.placeholders(zh ?? ""), "\(key) fills different values in each language")
        // Only the disclaimer names things in English (GOV.UK, the Immigration Advice Authority).
        #expect(!(zh ?? "").contains(where: { $0.isASCII && $0.isLetter }) || key == .disclaimer, "\(key) has English words in its Chinese text")
    }
    #expect(FileNoteLabel.text(.answer, "fr") == "Answer", "a language without a table falls back to English")
}

@Test func labelsFillEachPlaceholderOnce() {
    #expect(FileNoteLabel.fill("{0} of {1} ticked", ["{1}", "2"]) == "{1} of 2 ticked")
    #expect(FileNoteLabel.fill("a {x} {5}", ["0"]) == "a {x} {5}")
    #expect(FileNoteLabel.placeholders("已剔選 {0} 項，共 {1} 項") == [0, 1])
}

@Test func chineseFileNoteHasChineseLabelsAndDates() {
    let note = FileNote(flows: NoteCase.flows, reference: "K7M-42Q", today: NoteCase.today, answers: NoteCase.answers,
                        notes: NoteCase.notes, ticks: ["passport"], language: "zh-Hant",
                        started: CivilDate(iso: "2026-11-20")!, updated: NoteCase.today, savedFlowVersion: "older",
                        keptAside: [FileNote.Aside(question: "gone", answer: nil, reason: "r")])
    let text = note.text()
    for expected in ["檔案記錄：個案 K7M-42Q", "日期：2026年11月23日", "開始日期：2026年11月20日", "最後儲存日期：2026年11月23日",
                     "問題內容：版本 \(NoteCase.flows.version)，審閱日期 2026年11月20日（Test rules）", "問題及答案（按提問次序）",
                     "答案：是", "顧問備註：Student visa seen", "結果\n----", "階段：", "表格：FORM(A) – Form A", "原因：",
                     "費用（截至 2026年11月23日）：", "由 2025年4月9日，可能已過時", "費用通常每年四月調整", "注意事項：",
                     "已檢查的途徑", "適合", "重要日期",
                     "證明文件清單（已剔選 1 項，共 2 項）", "[x] Your passport.", "資料來源：GOV.UK guidance, 1",
                     "其他顧問備註", "暫時擱置的答案", "（無法讀取）", "儲存時的版本是 older", "這是資訊，不是法律意見。"] {
        #expect(text.contains(expected), "missing: \(expected)")
    }
    // No English label is left over (the fixture flows' own texts are English only, so those stay).
    for english in FileNoteLabel.allCases.map({ FileNoteLabel.en[$0]! }) + ["Date:", "Answer:", "Stage:", "Form:", "Why:", "Fees (", "Warnings:", "Source:", "ticked"] {
        let probe = english.components(separatedBy: "{")[0].trimmingCharacters(in: .whitespaces)
        guard probe.count > 3 else { continue }
        #expect(!text.contains(probe), "English label in the Chinese note: \(probe)")
        #expect(!note.markdown().contains(probe), "English label in the Chinese Markdown: \(probe)")
    }
    let md = note.markdown()
    for expected in ["# 檔案記錄：個案 K7M-42Q", "- **日期：** 2026年11月23日", "**答案：** 是", "*顧問備註：* Student visa seen",
                     "## 結果：Apply on form A", "- **表格：** FORM(A) – Form A", "### 費用（截至 2026年11月23日）",
                     "## 證明文件清單（已剔選 1 項，共 2 項）", "*資料來源：* GOV.UK guidance, 1", "> 儲存這些答案之後"] {
        #expect(md.contains(expected), "missing from Markdown: \(expected)")
    }
    // The heading rules are as wide as the Chinese headings are on screen.
    let lines = text.split(separator: "\n").map(String.init)
    let title = lines.firstIndex(of: "檔案記錄：個案 K7M-42Q")!
    #expect(lines[title + 1] == String(repeating: "=", count: DisplayWidth.of(lines[title])))
}

@Test func unfinishedChineseNoteSaysWhatComesNextInChinese() {
    let note = FileNote(flows: NoteCase.flows, reference: "AAA-AAA", today: NoteCase.today, answers: ["in_uk": .bool(true)], language: "zh-Hant")
    #expect(note.text().contains("尚未完成。下一條問題是：What is your status?"))
    #expect(note.markdown().contains("**尚未完成。**下一條問題是："))
    let empty = FileNote(flows: NoteCase.flows, reference: "AAA-AAA", today: NoteCase.today, answers: [:], language: "zh-Hant")
    #expect(empty.text().contains("尚未回答任何問題。") && empty.markdown().contains("尚未回答任何問題。"))
}

// MARK: One case per stage, on the shipped flows

/// A row of the scenario tables per stage (found by file and the start of its name), assessed on
/// the shipped flows. Their golden files hold the flows' texts, so they change when the flows'
/// wording changes: that is the point — a reviewer sees what an adviser's file note now says.
private enum StageCases {
    static let rows: [(stage: String, file: String, name: String)] = [
        ("rules", "1-rules.yaml", "exactly 10 years, no trips, English and Life in the UK met"),
        ("article8", "2-article-8.yaml", "overstayer married to a British citizen, insurmountable obstacles"),
        ("article3", "3-article-3.yaml", "seriously ill, treatment does not exist in the country of return"),
        ("discretionary", "4-discretionary.yaml", "VTS extension to recover and for a compensation claim"),
        ("compassionate", "5-compassionate.yaml", "in the UK on a work visa, bereavement"),
        ("none", "5-compassionate.yaml", "in the UK, nothing like an emergency has happened"),
    ]
    static let chinese: Set<String> = ["rules", "article3"]

    static let regenerate = "the note follows the shipped flows' texts; if they changed on purpose, run "
        + "`LOTR_UPDATE_GOLDEN=1 swift test --filter FileNote` and review the diff of Tests/LotrEngineTests/FileNoteGolden/"

    static func note(_ stage: String, language: String) throws -> (note: FileNote, flows: FlowSet) {
        let flows = try #require(ShippedFlows.loaded.flows, "the shipped flows do not load: run `lotr check flows`")
        let row = try #require(StageCases.rows.first { $0.stage == stage })
        let s = try #require(scenarios.first { $0.file == row.file && $0.name.hasPrefix(row.name) },
                             "no row in Scenarios/\(row.file) starts \"\(row.name)\": pick another row for \(stage)")
        var answers: Answers = [:]
        for (id, input) in s.answers {
            let q = try #require(flows.questions[id], "\(row.file): no question \(id)")
            answers[id] = try AnswerParser.parse(input, for: q, today: s.today).get()
        }
        let first = Engine.assess(flows, answers: answers, today: s.today).outcome?.checklist.first?.id
        let note = FileNote(flows: flows, reference: "GLD-\(stage.uppercased())", today: s.today, answers: answers,
                            notes: ["in_uk": "Passport seen."], ticks: Set(first.map { [$0] } ?? []), language: language,
                            started: s.today, updated: s.today, savedFlowVersion: flows.version)
        return (note, flows)
    }
}

@Test(arguments: StageCases.rows.map(\.stage))
func stageCaseFileNoteMatchesGolden(_ stage: String) throws {
    let (note, flows) = try StageCases.note(stage, language: "en")
    #expect(note.assessment.outcome?.stage == stage, "the row no longer ends in \(stage): pick another row")
    let text = note.text()
    expectFits(text, "\(stage) (en)")
    try checkGolden("stage-\(stage).txt", text, version: flows.version, regenerate: StageCases.regenerate)
}

@Test(arguments: StageCases.chinese.sorted())
func stageCaseChineseFileNoteMatchesGolden(_ stage: String) throws {
    let (note, flows) = try StageCases.note(stage, language: "zh-Hant")
    let text = note.text()
    expectFits(text, "\(stage) (zh-Hant)")
    // Form names and citations stay in English; the form's Chinese name follows in brackets.
    let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    if let form = note.assessment.outcome?.form { #expect(flat.contains("\(form.code) – \(form.englishName)")) }
    #expect(text.contains("證明文件清單（已剔選 1 項"))
    try checkGolden("stage-\(stage).zh-Hant.txt", text, version: flows.version, regenerate: StageCases.regenerate)
}
