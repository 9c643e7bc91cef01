import LotrEngine
import LotrFlow
@testable import LotrPlain
import Testing

func playChinese(_ flows: FlowSet, _ lines: [String], answers: Answers = [:]) -> Run {
    let script = Script(lines)
    var session = PlainSession(flows: flows, today: day, language: "zh-Hant", input: script, output: script, answers: answers)
    let exit = session.run()
    return Run(exit: exit, script: script, session: session)
}

func hasChinese(_ s: String) -> Bool {
    s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
}

/// English words left in a line once the allowed English is taken out: anything in brackets
/// (legal terms, form codes, Enter, DD/MM/YYYY), the given texts (the flows' own words and
/// citations), and the program's name.
func englishWords(in line: String, allowing allowed: [String] = []) -> [String] {
    var s = line
    for a in allowed where !a.isEmpty { s = s.replacingOccurrences(of: a, with: " ") }
    for (open, close) in [("（", "）"), ("(", ")"), ("［", "］"), ("[", "]"), ("《", "》")] {
        while let o = s.range(of: open), let c = s.range(of: close, range: o.upperBound..<s.endIndex) {
            s.replaceSubrange(o.lowerBound..<c.upperBound, with: " ")
        }
    }
    var words: [String] = []
    var current = ""
    for ch in s + " " {
        if ch.isASCII && ch.isLetter { current.append(ch); continue }
        if current.count >= 2 && current != "lotr" { words.append(current) }
        current = ""
    }
    return words
}

// MARK: The table

@Test func everyPlainStringHasEnglishAndChineseWithTheSamePlaceholders() {
    for key in PlainText.allCases {
        let en = PlainStrings.en[key], zh = PlainStrings.zhHant[key]
        #expect(en?.isEmpty == false, "no English for \(key)")
        #expect(zh?.isEmpty == false, "no Chinese for \(key)")
        guard let en, let zh else { continue }
        #expect(PlainStrings.placeholders(en) == PlainStrings.placeholders(zh), "\(key): \(en) / \(zh)")
        if ![.listItem, .optionHelp, .glossaryLine, .spanWithDays, .checklistItem, .imported].contains(key) {
            #expect(hasChinese(zh), "\(key) is not translated: \(zh)")
            #expect(englishWords(in: zh).isEmpty, "\(key) has English outside brackets: \(zh)")
        }
    }
    #expect(PlainStrings.en.count == PlainText.allCases.count && PlainStrings.zhHant.count == PlainText.allCases.count)
    #expect(PlainStrings.text(.noEntry, "zh-Hant", ["5", "2"]) == "沒有第 5 項；清單只有 2 項。")
    #expect(PlainStrings.text(.noEntry, "en", ["5", "2"]) == "There is no entry 5; the list has 2.")
}

@Test func theChineseIntroductionNamesEveryCommandInBothLanguages() {
    let intro = [PlainText.intro, .introCommands, .introLists, .introAnswers].map { PlainStrings.text($0, "zh-Hant") }.joined()
    for command in PlainCommand.allCases {
        #expect(intro.contains("「\(command.chinese)」"), "\(command.chinese) is not in the introduction")
        for word in command.words where word.unicodeScalars.allSatisfy(\.isASCII) && word.count > 1 {
            #expect(intro.contains(word), "\(word) is not in the introduction")
        }
    }
    // Every word is one command only.
    let all = PlainCommand.allCases.flatMap(\.words)
    #expect(Set(all).count == all.count)
}

// MARK: Engine messages

/// The engine's table (tested in LotrEngineTests) is the one the plain mode uses.
@Test func engineMessagesComeFromTheEnginesTable() {
    for message in ["April 2025 has 30 days, so day 31 does not exist.", "The amount must be at least £10.00.",
                    "answer yes or no", "Something new went wrong."] {
        #expect(PlainStrings.problem(message, "zh-Hant") == EngineMessages.translate(message, to: "zh-Hant"))
        #expect(PlainStrings.problem(message, "en") == message)
    }
    #expect(PlainStrings.problem("April 2025 has 30 days, so day 31 does not exist.", "zh-Hant") == "2025年4月只有 30 日，所以沒有 31 日。")
    #expect(PlainStrings.problem("Something new went wrong.", "zh-Hant") == "Something new went wrong.")
}

// MARK: Sessions in Chinese

@Test func badDateIsExplainedInChinese() {
    let run = playChinese(Flows.kinds, ["31/04/2025", "01/12/2026", "2025-13-01", "３１／１３／２０２５", "09/04/2025",
                                        "新增", "05/05/2025", "01/05/2025", "取消", "新增 01/05/2024 31/06/2024", "離開"])
    let s = run.script
    #expect(s.inOrder("> 31/04/2025", "2025年4月只有 30 日，所以沒有 31 日。", "請輸入日期，按日/月/年（DD/MM/YYYY，或 2025-04-09）；輸入 ? 查看說明：",
                      "> 01/12/2026", "這個日期在將來；日期必須是今天或以前。",
                      "> 2025-13-01", "沒有 13 月。月份排在第二：日/月/年（DD/MM/YYYY）。",
                      "> ３１／１３／２０２５", "沒有 13 月。月份排在第二：日/月/年（DD/MM/YYYY）。",
                      "> 09/04/2025", "問題 2：List your trips abroad."), "\(s.text)")
    #expect(run.session.answers["arrived"] == .date(date("2025-04-09")))
    #expect(s.inOrder("> 新增", "請輸入你離開英國的日期，按日/月/年（DD/MM/YYYY），或輸入「取消」：", "> 05/05/2025",
                      "請輸入你回到英國的日期", "> 01/05/2025", "你回到英國的日期早於你離開英國的日期（2025年5月5日）。",
                      "> 取消", "沒有加入任何項目。",
                      "> 新增 01/05/2024 31/06/2024", "未有加入。2024年6月只有 30 日，所以沒有 31 日。"), "\(s.text)")
    #expect(s.transcript.last == "已停止，但仍未得出結果：答案並不完整。")
}

@Test func chineseCommandWordsWork() {
    let run = playChinese(Flows.fixture, [
        "說明", "是", "返回", "", "檢視", "", "2",
        "新增 01/01/2025 05/01/2025", "新增", "01/02/2025", "03/02/2025", "清單", "刪除2", "刪除 9", "跳過", "完成",
        "檢視", "", "重新開始", "否", "離開", "1",
    ])
    let s = run.script
    #expect(s.inOrder("問題 1：Are you in the UK?", "> 說明", "資料來源：Test rules，1", "你亦可以輸入「返回」"), "\(s.text)")
    #expect(s.inOrder("問題 2：What is your status?", "> 返回", "問題 1：Are you in the UK?", "你之前的答案：是。",
                      "請輸入 1 代表是、2 代表否（亦可輸入「是」或「否」）；按輸入鍵（Enter）保留原有答案；輸入 ? 查看說明：",
                      "> ", "問題 2：What is your status?", "> 檢視", "你目前的答案：", "  1. Are you in the UK? 答案：是。",
                      "請輸入要更改的答案編號，或按輸入鍵（Enter）繼續：", "> ", "問題 2：", "> 2"), "\(s.text)")
    #expect(s.inOrder("問題 3：When were you away?", "清單是空的。", "請輸入「新增」加入一項離開英國的期間",
                      "> 新增 01/01/2025 05/01/2025", "已加入：2025年1月1日至2025年1月5日。",
                      "> 新增", "> 01/02/2025", "> 03/02/2025", "已加入：2025年2月1日至2025年2月3日。",
                      "> 清單", "清單有 2 項：", "  1. 2025年1月1日至2025年1月5日", "  2. 2025年2月1日至2025年2月3日",
                      "> 刪除2", "已刪除：2025年2月1日至2025年2月3日。", "> 刪除 9", "沒有第 9 項；清單只有 1 項。",
                      "> 跳過", "不明白你輸入的內容。請輸入「新增」加入一項離開英國的期間、「清單」查看清單",
                      "> 完成", "結果"), "\(s.text)")
    #expect(s.inOrder("> 完成", "結果", "請輸入「重新開始」由頭再做", "> 檢視", "你目前的答案：", "> ",
                      "> 重新開始", "重新開始。之前的答案已經全部清除。", "第 1 階段（共 2 個）：Rules route",
                      "問題 1：", "> 否", "問題 2：Did a crisis happen?", "> 離開"), "\(s.text)")
    #expect(run.session.answers == ["in_uk": .bool(false)])
    #expect(run.exit == .incomplete && s.pending == ["1"], "離開 stops at once")
    #expect(s.transcript.last == "已停止，但仍未得出結果：答案並不完整。")
    #expect(s.prompts.allSatisfy { $0.hasPrefix("請輸入") && $0.hasSuffix("：") }, "every prompt says what to type: \(s.prompts)")
    // The English words still work in a Chinese session, and 否 in an English one.
    let mixed = playChinese(Flows.fixture, ["help", "yes", "back", "", "quit"])
    #expect(mixed.script.inOrder("> help", "資料來源：", "> yes", "問題 2：", "> back", "你之前的答案：是。", "> ", "問題 2：", "> quit"))
    let english = play(Flows.fixture, ["否", "是", "離開"])
    #expect(english.session.answers == ["in_uk": .bool(false), "crisis": .bool(true)])
    #expect(english.script.text.contains("No route fits"))
}

@Test func chineseAnswersForNumbersMoneyAndChoices() throws {
    let prefill: Answers = ["arrived": .date(date("2020-04-09")), "trips": .ranges([])]
    let run = playChinese(Flows.kinds, ["", "２１", "2", "abc", "£1,258.50", "５", "1 沒有", "1、3", "", "Ada", "沒有"], answers: prefill)
    let s = run.script
    #expect(s.inOrder("問題 3：", "請輸入整數，單位是children，由 0 至 20；輸入 ? 查看說明：",
                      "> ", "請用阿拉伯數字輸入整數，例如 3。", "> ２１", "數字最多只可以是 20。", "> 2",
                      "請輸入以英鎊計的金額，例如 1258.50；輸入 ? 查看說明：", "> abc", "請輸入以英鎊計的金額，例如 1258 或 1258.50。",
                      "> £1,258.50", "請輸入所有適用選項的編號，例如 1 3；全部不適用請輸入「沒有」；輸入 ? 查看說明：",
                      "> ５", "沒有第 5 個選項。請輸入 1 至 4 的數字。", "> 1 沒有", "「沒有」要單獨輸入；否則只輸入適用選項的編號。",
                      "> 1、3", "請輸入你的答案，最多 20 個字；輸入 ? 查看說明：", "> ", "請輸入答案。", "> Ada", "> 沒有", "結果"), "\(s.text)")
    #expect(run.session.answers["children"] == .number(2))
    #expect(run.session.answers["savings"] == .money(125850))
    #expect(run.session.answers["reasons"] == .options(["ill", "work"]))
    #expect(run.session.answers["pets"] == .options([]))
    #expect(run.exit == .outcome)
    // The report is the engine's, in Chinese.
    let assessment = Engine.assess(Flows.kinds, answers: run.session.answers, today: day, language: "zh-Hant")
    let report = Report(flows: Flows.kinds, assessment: assessment, answers: run.session.answers, language: "zh-Hant").text(spoken: true)
    #expect(s.text.contains(report.dropLast()))
    #expect(s.text.contains("證明文件清單") && !s.text.contains("Evidence checklist"))
}

// MARK: The shipped flows in Chinese

/// Follows the Chinese prompts as a person would, trying the Chinese command words on the way:
/// help, back, keep, review, a bad date in full-width digits, and a list built and emptied.
final class ChinesePromptFollower: ScriptedPerson {
    let yes: Bool
    let choice: Int
    private var question = 0
    private var attemptsAtQuestion = 0
    private var opening = ["說明", "？"]
    private var didBack = false, didKeep = false, didReview = false, didBadDate = false
    private var listScript = ["新增", "清單", "刪除1", "完成"]
    private var rangeDates = ["01/05/2024", "05/05/2024"]
    private(set) var sawDateQuestion = false
    private(set) var sawList = false

    init(yes: Bool, choice: Int) {
        self.yes = yes
        self.choice = choice
    }

    override func write(_ line: String) {
        super.write(line)
        if line.hasPrefix("問題 "), let n = Int(line.dropFirst(3).prefix { $0.isNumber }) {
            question = n
            attemptsAtQuestion = 0
        }
    }

    override func reply() -> String {
        let p = lastPrompt
        if p.hasPrefix("請輸入「重新開始」") { return "離開" }
        if p.hasPrefix("請輸入要更改的答案編號") { return "" }
        if p.hasSuffix("查看說明：") {
            if !opening.isEmpty { return opening.removeFirst() }
            if question == 2 && !didBack { didBack = true; return "返回" }
            if p.contains("保留原有答案") && !didKeep { didKeep = true; return "" }
            if question == 2 && !didReview { didReview = true; return "檢視" }
        }
        attemptsAtQuestion += 1
        if p.hasPrefix("請輸入 1 代表是") { return yes ? "是" : "否" }
        if p.hasPrefix("請輸入 1 至 ") {
            let count = Int(p.dropFirst("請輸入 1 至 ".count).prefix { $0.isNumber }) ?? 1
            return String(min(choice, count))
        }
        if p.hasPrefix("請輸入 1；") { return "1" }
        if p.hasPrefix("請輸入所有適用選項的編號") { return repeats == 0 ? "沒有" : "1" }
        if p.hasPrefix("請輸入「新增」") {
            sawList = true
            return listScript.isEmpty ? "完成" : listScript.removeFirst()
        }
        if p.contains("，按日/月/年（DD/MM/YYYY），或輸入「取消」") {
            return rangeDates.isEmpty ? "取消" : rangeDates.removeFirst()
        }
        if p.hasPrefix("請輸入日期，") {
            sawDateQuestion = true
            if !didBadDate { didBadDate = true; return "３１／０４／２０２５" }
            return attemptsAtQuestion <= 2 ? "01/01/2015" : "01/01/2027"
        }
        if p.hasPrefix("請輸入整數") {
            if let r = p.range(of: "由 ") ?? p.range(of: "最少 ") {
                return String(p[r.upperBound...].prefix { $0.isNumber || $0 == "-" })
            }
            return "0"
        }
        if p.hasPrefix("請輸入以英鎊計的金額") { return "0" }
        if p.hasPrefix("請輸入你的答案") { return "x" }
        return "離開"
    }
}

/// Every text the flows supply (their own words, shown as the flows wrote them) and every part
/// of a citation; what is left of a line is the program's.
func flowTexts(_ flows: FlowSet, _ language: String) -> [String] {
    var texts: [String] = []
    for q in flows.questions.values {
        texts += [q.text, q.help, q.why, q.unit, q.itemName].compactMap { $0?.text(language) }
        for o in q.options { texts += [o.text.text(language)] + (o.help.map { [$0.text(language)] } ?? []) }
        texts += [q.source.document.title, q.source.section] + (q.source.document.version.map { [$0] } ?? [])
    }
    for term in flows.glossary.values { texts += [term.term.text(language), term.text.text(language)] }
    texts += flows.stages.map { $0.title.text(language) }
    // Longest first, so that a text containing another is removed whole.
    return texts.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
}

@Test(.enabled(if: ShippedFlows.flows != nil, "the shipped flows in flows/ do not load yet: run `lotr check flows`"),
      arguments: [(true, 1), (false, 1), (true, 2), (false, 2)])
func shippedFlowsInChineseHaveNoEnglishProgramLines(yes: Bool, choice: Int) throws {
    let flows = try #require(ShippedFlows.flows)
    let bot = ChinesePromptFollower(yes: yes, choice: choice)
    var session = PlainSession(flows: flows, today: day, language: "zh-Hant", input: bot, output: bot)
    let exit = session.run()
    let text = bot.transcript.joined(separator: "\n")
    #expect(exit == .outcome, "\(text.suffix(3000))")
    #expect(bot.transcript.contains("結果"))
    #expect(bot.transcript.contains { $0.hasPrefix("第 1 階段（共 \(flows.stages.count) 個）：") })
    #expect(bot.prompts.allSatisfy { $0.hasPrefix("請輸入") && $0.hasSuffix("：") }, "every prompt says what to type: \(Set(bot.prompts))")

    // The Chinese command words did what they say.
    #expect(bot.transcript.firstIndex(of: "> 說明").map { bot.transcript[$0 + 1].hasPrefix("說明：") || bot.transcript[$0 + 1].hasPrefix("為甚麼要問：") || bot.transcript[$0 + 1].hasPrefix("這裏用到的詞語：") || bot.transcript[$0 + 1] == "這條問題沒有更多說明。" } == true)
    #expect(text.contains("> ？\n"))
    if let back = bot.transcript.firstIndex(of: "> 返回") {
        #expect(bot.transcript[back...].contains { $0.hasPrefix("你之前的答案：") })
    }
    if let review = bot.transcript.firstIndex(of: "> 檢視") { #expect(bot.transcript[review + 2] == "你目前的答案：") }
    if bot.sawDateQuestion { #expect(text.contains("> ３１／０４／２０２５\n2025年4月只有 30 日，所以沒有 31 日。")) }
    if bot.sawList {
        #expect(text.contains("> 01/05/2024\n") && text.contains("> 清單\n清單有 1 項：") && text.contains("> 刪除1\n已刪除：2024年5月1日至2024年5月5日"),
                "\(text)")
    }

    // The report is the engine's Chinese report, printed whole.
    let assessment = Engine.assess(flows, answers: session.answers, today: day, language: "zh-Hant")
    let report = Report(flows: flows, assessment: assessment, answers: session.answers, language: "zh-Hant").text(spoken: true)
    #expect(text.contains(report.dropLast()))
    #expect(text.contains("證明文件清單") && !text.contains("Evidence checklist"))

    // Every other line: no English outside brackets once the flows' own words are taken out.
    let allowed = flowTexts(flows, "zh-Hant")
    var inReport = false
    var offending: [String] = []
    for line in bot.transcript {
        if line == "結果" { inReport = true; continue }
        if inReport { if line.hasPrefix("請輸入「重新開始」") { inReport = false } else { continue } }
        if line.hasPrefix("> ") { continue }
        if !englishWords(in: line, allowing: allowed).isEmpty { offending.append(line) }
    }
    #expect(offending.isEmpty, "English program lines: \(offending)")
}
