import Foundation
import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

extension InterviewFixtures {
    static let repoRoot = URL(fileURLWithPath: testsRoot).deletingLastPathComponent().path
    /// The flows the program ships, so that the Chinese outcome shows real Chinese content.
    static let shipped = load([repoRoot + "/flows"])

    /// A stage 1 case that settles under Appendix Long Residence (the first row of
    /// Tests/LotrEngineTests/Scenarios/1-rules.yaml).
    static let longResidence: Answers = [
        "in_uk": .bool(true), "date_of_birth": .date(CivilDate(iso: "1980-05-01")!), "rules_screen": .option("long_residence"),
        "lr_start_date": .date(CivilDate(iso: "2016-11-23")!), "lr_status_now": .option("permission"),
        "lr_removed": .bool(false), "lr_uncounted_time": .ranges([]), "lr_gap_ranges": .ranges([]),
        "lr_trips": .ranges([]), "lr_excused_absences": .ranges([]),
        "lr_suitability": .options(["none"]), "lr_english": .option("met"), "lr_kol": .option("passed"),
        "lr_grant_before_2024": .bool(true),
    ]
}

/// Latin words a Chinese screen may still show: key names, the program's name, date formats,
/// and English terms the flows keep in brackets because they appear on Home Office forms.
private let allowedLatin: Set<String> = [
    "lotr", "Enter", "Esc", "Tab", "Ctrl", "PgUp", "PgDn", "English", "DD", "MM", "YYYY", "FORM", "leave", "PIN",
    // Titles of the fixture's source documents, cited as they are named, and the name typed in.
    "Test", "rules", "GOV", "guidance", "Fees", "regulations", "Sam", "Example",
    // English terms the welcome keeps in brackets, as the Home Office writes them, and the way
    // back to English written in English for someone who cannot read the Chinese.
    "Immigration", "Rules", "Article", "Discretionary", "Leave", "compassionate", "grounds", "press", "for",
]

/// The Latin words of three letters or more on a screen that are not in `allowed`: on a screen of
/// the fully translated fixture these can only be English the interview forgot to translate.
private func englishWords(_ screen: Screen, allowed: Set<String> = allowedLatin) -> [String] {
    var words: [String] = [], word = ""
    for c in screen.text + "\n" {
        if c.isASCII && c.isLetter { word.append(c); continue }
        if word.count >= 3 && !allowed.contains(word) { words.append(word) }
        word = ""
    }
    return words
}

@Suite struct ChineseTableTests {
    @Test func everyKeyHasEnglishAndChinese() {
        for key in TUIText.allCases {
            let en = TUIStrings.en[key], zh = TUIStrings.zhHant[key]
            #expect(en?.isEmpty == false, "\(key) has no English")
            #expect(zh?.isEmpty == false, "\(key) has no Chinese")
            if let en, let zh {
                #expect(TUIStrings.placeholders(en) == TUIStrings.placeholders(zh), "\(key) fills in different values in the two languages")
            }
        }
        #expect(TUIStrings.en.count == TUIText.allCases.count && TUIStrings.zhHant.count == TUIText.allCases.count)
    }

    @Test func valuesAreFilledIn() {
        #expect(TUIStrings.text(.questionNumber, "zh-Hant", "4") == "第 4 題")
        #expect(TUIStrings.text(.questionNumber, "en", "4") == "Question 4")
        #expect(TUIStrings.text(.changeRange, "zh-Hant", "離境", "2") == "修改第 2 段離境：")
        #expect(TUIStrings.text(.questionNumber, "fr", "4") == "Question 4", "an unknown language falls back to English")
    }

    /// The engine's table (tested in LotrEngineTests) is the one the interview uses.
    @Test func engineMessagesComeFromTheEnginesTable() {
        let children = InterviewFixtures.kinds.questions["children"]!
        guard case .failure(let problem) = TypedInput.number("21", for: children, today: InterviewFixtures.today) else {
            Issue.record("21 children should be refused")
            return
        }
        for message in [problem.message, TypedInput.partialDateProblem("45") ?? "", "Something new went wrong."] {
            #expect(TUIStrings.problem(message, "zh-Hant") == EngineMessages.translate(message, to: "zh-Hant"), "\(message)")
            #expect(TUIStrings.problem(message, "en") == message)
        }
        #expect(TUIStrings.problem(problem.message, "zh-Hant") == "數字最多只可以是 20。")
        #expect(TUIStrings.problem("Something new went wrong.", "zh-Hant") == "Something new went wrong.")
    }
}

/// The interview in Traditional Chinese at 80×24, compared with the text in Golden/.
@Suite struct ChineseGoldenTests {
    func check(_ s: Screen, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectGolden(s, name, sourceLocation: sourceLocation)
        expectWellFormed(s, sourceLocation: sourceLocation)
        #expect(englishWords(s).isEmpty, "untranslated: \(englishWords(s))", sourceLocation: sourceLocation)
    }

    @Test func welcome() {
        let d = Drive(InterviewFixtures.kinds, language: "zh-Hant")
        let s = d.screen()
        check(s, "zh_welcome")
        #expect(s.text.contains("l: English"), "the way back to English is offered")
        #expect(s.text.contains("2026年11月23日"))
    }

    @Test func choice() {
        var d = Drive.kinds(upTo: "status", language: "zh-Hant")
        d.press(.down, .down)
        check(d.screen(), "zh_choice")
    }

    @Test func yesNoUsesTheEngineWords() {
        let d = Drive.kinds(upTo: "in_uk", language: "zh-Hant")
        let s = d.screen().text
        #expect(s.contains("1. " + Strings.text(.yes, "zh-Hant")) && s.contains("2. " + Strings.text(.no, "zh-Hant")))
        #expect(s.contains("有底線的詞語"), "the glossary word 居留許可 is found in the question and underlined")
    }

    @Test func dateWithAnError() {
        var d = Drive.kinds(upTo: "arrived", language: "zh-Hant")
        d.type("31022025")
        let s = d.screen()
        check(s, "zh_date_impossible")
        #expect(s.text.contains("2025年2月只有 28 日，所以沒有 31 日。"))
    }

    @Test func dateRangesEditing() {
        var d = Drive.kinds(upTo: "absences", language: "zh-Hant")
        d.press(.character("a")); d.type("01032019"); d.press(.enter); d.type("20032019"); d.press(.enter)
        d.press(.enter)
        d.press(.tab, .backspace, .backspace)
        #expect(d.field.edit == FieldState.RangeEdit(index: 0, from: "01/03/2019", to: "20/03/20", onTo: true))
        check(d.screen(), "zh_date_ranges_editing")
    }

    @Test func dateRangesProblemHasItsPrefix() {
        var d = Drive.kinds(upTo: "absences", language: "zh-Hant")
        d.press(.character("a")); d.type("01032019"); d.press(.enter); d.type("20032029"); d.press(.enter)
        #expect(d.m.message == "回來日期：這個日期在將來；日期必須是今天或以前。")
        expectWellFormed(d.screen())
    }

    @Test func review() {
        var d = Drive.kinds(language: "zh-Hant")
        d.press(.character("r"), .up, .up)
        check(d.screen(), "zh_review")
    }

    @Test func outcomeOfTheKindsFixture() {
        let d = Drive.kinds(language: "zh-Hant")
        let s = d.screen()
        expectWellFormed(s)
        #expect(englishWords(s).isEmpty, "untranslated: \(englishWords(s))")
        #expect(s.text.contains("表格：FORM(K) – 適用於每種問題的表格 K"))
    }

    /// The real stage 1 outcome, with the Chinese the flows ship.
    @Test func outcomeOfTheShippedFlows() {
        var d = Drive(InterviewFixtures.shipped, language: "zh-Hant")
        d.m.answers = InterviewFixtures.longResidence
        d.m.page = .outcome
        #expect(d.m.assessment.outcome?.id == "lr_settlement")
        checkShipped(d.screen(), "zh_outcome")
        // Everything below the fold, laid out the same way, is well formed too.
        var all = d
        all.send(.resize(rows: 24, cols: 80))
        // Wrapped lines joined again, indents dropped, so a heading cut at a line end is still found.
        let lines = all.m.outcomeLines().lines.map { String($0.text.drop { $0 == " " }) }.joined()
        for heading in ["原因", "費用（截至 ", "證明文件清單（按空白鍵剔選你已有的文件）", "資料來源：", "這是資訊，不是法律意見。"] {
            #expect(lines.contains(heading), "\(heading)")
        }
        for line in all.m.outcomeLines().lines { #expect(DisplayWidth.of(line.text) <= 76, "\(line.text)") }
    }

    /// The shipped flows keep English legal terms and form names in brackets, so this screen is
    /// checked for layout and the interview's own labels, not for Latin words.
    func checkShipped(_ s: Screen, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectGolden(s, name, sourceLocation: sourceLocation)
        expectWellFormed(s, sourceLocation: sourceLocation)
        for label in ["結果", "表格：", "原因"] { #expect(s.text.contains(label), "\(label)", sourceLocation: sourceLocation) }
    }

    @Test func help() {
        var d = Drive.kinds(upTo: "in_uk", language: "zh-Hant")
        d.press(.character("?"))
        check(d.screen(), "zh_help")
    }

    @Test func quitDialog() {
        var d = Drive.kinds(upTo: "status", language: "zh-Hant")
        d.send(.interrupt)
        check(d.screen(), "zh_quit_confirm")
    }

    @Test func exportAndNoteDialogs() {
        var d = Drive.kinds(language: "zh-Hant")
        d.press(.character("e"))
        var s = d.screen()
        expectWellFormed(s)
        #expect(s.text.contains("儲存檔案記錄") && s.text.contains("格式：") && s.text.contains("純文字"))
        d.press(.escape, .character("r"), .enter, .ctrl("n"))
        s = d.screen()
        expectWellFormed(s)
        #expect(s.text.contains("顧問備註") && s.text.contains("留空會刪除備註"))
    }

    /// Every screen of the fixture in Chinese, at a narrow and a wide size: nothing overflows or
    /// splits a wide character, and nothing the interview draws is left in English.
    @Test func everyScreenAtSeveralSizes() {
        var d = Drive(InterviewFixtures.kinds, language: "zh-Hant")
        var screens: [InterviewModel] = [d.m]
        let steps: [[Key]] = [[.enter], [.enter], [.character("1"), .enter], [.character(" "), .enter]]
        for keys in steps { for k in keys { d.press(k) }; screens.append(d.m) }
        var rest = Drive.kinds(language: "zh-Hant")
        screens.append(rest.m)
        rest.press(.character("r"))
        screens.append(rest.m)
        for m in screens {
            for size in [Size(rows: 24, cols: 80), Size(rows: 20, cols: 61), Size(rows: 40, cols: 133)] {
                let s = InterviewView.render(m, size)
                expectWellFormed(s)
                #expect(englishWords(s).isEmpty, "untranslated at \(size): \(englishWords(s))")
            }
        }
    }
}

@Suite struct LanguageSwitchTests {
    @Test func lOnTheWelcomeSwitchesBothWays() {
        var d = Drive(InterviewFixtures.kinds)
        #expect(d.screen().text.contains("l: 中文"))
        d.press(.character("l"))
        #expect(d.m.language == "zh-Hant")
        #expect(d.screen().text.contains("按 Enter 開始。"))
        d.press(.character("l"))
        #expect(d.m.language == "en")
        #expect(d.screen().text.contains("Press Enter to start."))
    }

    @Test func switchingKeepsEveryAnswer() {
        var d = Drive.kinds(upTo: "children")
        let answers = d.m.answers
        #expect(answers.count == 4)
        d.type("3")
        // From help on a question…
        d.press(.character("?"), .character("l"))
        #expect(d.m.language == "zh-Hant")
        #expect(d.m.overlay == .help, "help stays open, now in Chinese")
        #expect(d.screen().text.contains("說明"))
        d.press(.escape)
        #expect(d.m.answers == answers)
        #expect(d.field.text == "3", "what was half typed stays")
        #expect(d.screen().text.contains("子女數目："))
        // …and on the welcome screen, reached by going back.
        for _ in 0 ..< 10 where d.m.page != .welcome { d.press(.escape) }
        #expect(d.m.page == .welcome)
        d.press(.character("l"))
        #expect(d.m.language == "en")
        #expect(d.m.answers == answers)
        d.press(.enter)
        #expect(d.questionID == "in_uk")
    }

    @Test func lIsStillALetterWhereOneIsTyped() {
        var d = Drive.kinds(upTo: "name")
        d.type("Lola")
        #expect(d.field.text == "Lola" && d.m.language == "en")
    }

    @Test func theSameKeysFinishInBothLanguages() {
        let en = Drive.kinds(), zh = Drive.kinds(language: "zh-Hant")
        #expect(en.m.page == .outcome && zh.m.page == .outcome)
        #expect(en.m.answers == zh.m.answers)
    }

    @Test func messagesFollowTheLanguage() {
        var w = Drive(InterviewFixtures.kinds, language: "zh-Hant")
        w.m.page = .question("in_uk")
        w.press(.ctrl("r"))
        #expect(w.m.message == "還未回答任何問題。")
        var e = Drive.kinds(language: "zh-Hant")
        e.press(.character("e"), .ctrl("u"))
        for _ in 0 ..< 30 { e.press(.backspace) }
        e.press(.enter)
        #expect(e.m.message == "請輸入要匯出的檔案名稱。")
    }
}

@Suite struct ChineseKioskTests {
    @Test func countdownStaffAndNoticeInChinese() {
        var k = KioskModel(interview: InterviewModel(flows: InterviewFixtures.kinds, today: InterviewFixtures.today, language: "zh-Hant"),
                           settings: .init(idleSeconds: 2, countdownSeconds: 3, pin: "2468"))
        (k, _) = KioskModel.update(k, .key(.enter))
        (k, _) = KioskModel.update(k, .interrupt)
        #expect(KioskModel.render(k, size80x24).text.contains("要結束，請按 Esc"))
        (k, _) = KioskModel.update(k, .tick)
        (k, _) = KioskModel.update(k, .tick)
        let s = KioskModel.render(k, size80x24)
        expectWellFormed(s)
        #expect(s.text.contains("你還在嗎？") && s.text.contains("3 秒後清除"))
        (k, _) = KioskModel.update(k, .key(.character("x")))
        (k, _) = KioskModel.update(k, .key(KioskModel.staffKey))
        #expect(KioskModel.render(k, size80x24).text.contains("職員"))
        (k, _) = KioskModel.update(k, .key(.character("1")))
        (k, _) = KioskModel.update(k, .key(.enter))
        #expect(k.notice == "密碼錯誤。")
    }

    @Test func aWipeReturnsToTheKiosksLanguage() {
        var k = KioskModel(interview: InterviewModel(flows: InterviewFixtures.kinds, today: InterviewFixtures.today),
                           settings: .init(idleSeconds: 2, countdownSeconds: 1, pin: nil))
        (k, _) = KioskModel.update(k, .key(.character("l")))
        #expect(k.interview.language == "zh-Hant")
        (k, _) = KioskModel.update(k, .key(.enter))
        for _ in 0 ..< 3 { (k, _) = KioskModel.update(k, .tick) }
        #expect(k.wipes == 1)
        #expect(k.interview.language == "en", "the next person starts in the kiosk's own language")
    }
}
