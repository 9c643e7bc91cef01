import Foundation
@testable import LotrEngine
import LotrFlow
import LotrTestSupport
import Testing

/// A stage whose questions make `TypedInput` and `AnswerParser` give every message they have.
private let limitsStage = """
kind: stage
stage: rules
title: {en: Limits}
reviewed: 2026-11-23
review_by: 2027-05-23
rules_version: {en: "Test rules"}
sources:
  - id: R
    title: "Test rules"
start: past
questions:
  - id: past
    kind: date
    past: true
    text: {en: Past}
    source: {doc: R, section: "1"}
    next: [{goto: future}]
  - id: future
    kind: date
    future: true
    text: {en: Future}
    source: {doc: R, section: "2"}
    next: [{goto: count}]
  - id: count
    kind: number
    min: 2
    max: 9
    text: {en: Count}
    source: {doc: R, section: "3"}
    next: [{goto: free}]
  - id: free
    kind: number
    text: {en: Free}
    source: {doc: R, section: "4"}
    next: [{goto: cost}]
  - id: cost
    kind: money
    min: 10
    max: 20
    text: {en: Cost}
    source: {doc: R, section: "5"}
    next: [{goto: spend}]
  - id: spend
    kind: money
    text: {en: Spend}
    source: {doc: R, section: "5a"}
    next: [{goto: name}]
  - id: name
    kind: text
    max_length: 3
    text: {en: Name}
    source: {doc: R, section: "6"}
    next: [{goto: trips}]
  - id: trips
    kind: date_ranges
    past: true
    text: {en: Trips}
    source: {doc: R, section: "7"}
    next: [{goto: pick}]
  - id: pick
    kind: choice
    text: {en: Pick}
    options:
      - {id: a, text: {en: A}}
      - {id: b, text: {en: B}}
    source: {doc: R, section: "8"}
    next: [{goto: picks}]
  - id: picks
    kind: multi_choice
    text: {en: Picks}
    options:
      - {id: a, text: {en: A}}
      - {id: b, text: {en: B}}
    source: {doc: R, section: "9"}
    next: [{goto: done}]
outcomes:
  - id: done
    form: FORM_A
    title: {en: Done}
    explanation: {en: "Done."}
    evidence:
      - item: passport
"""

private let today = TestFixtures.today

private func limitsFlows() throws -> FlowSet {
    let result = FlowLoader.load(files: TestFixtures.files(in: ["base"]) + [(path: "limits.yaml", contents: limitsStage)])
    return try #require(result.flows, "\(result.errors)")
}

private func failure<T>(_ r: Result<T, AnswerProblem>) -> String? {
    if case .failure(let p) = r { return p.message }
    return nil
}

private func range(_ from: String, _ to: String) -> DateRange { DateRange(from: CivilDate(iso: from)!, to: CivilDate(iso: to)!) }

/// Every message the engine gives, from real inputs, with the Chinese a person should read.
private func engineMessages() throws -> [(english: String?, chinese: String)] {
    let flows = try limitsFlows()
    func q(_ id: String) throws -> Question { try #require(flows.questions[id]) }
    let past = try q("past"), future = try q("future"), count = try q("count"), free = try q("free")
    let cost = try q("cost"), spend = try q("spend"), name = try q("name"), trips = try q("trips")
    let pick = try q("pick"), picks = try q("picks")
    let inUK = try #require(TestFixtures.small.questions["in_uk"])
    let typeDate = "請輸入日期，按日/月/年（DD/MM/YYYY），例如 09/04/2025。"
    let realDate = "不是真實的日期（請寫成 YYYY-MM-DD 或 DD/MM/YYYY）。"
    let rangeShape = "{\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}"
    return [
        // TypedInput: dates
        (failure(TypedInput.date("", for: past, today: today)), typeDate),
        (failure(TypedInput.date("9 April", for: past, today: today)), typeDate),
        (failure(TypedInput.date("01/02/25", for: past, today: today)), "年份要有四位數字，例如 2025。"),
        (failure(TypedInput.date("01/13/2025", for: past, today: today)), "沒有 13 月。月份排在第二：日/月/年（DD/MM/YYYY）。"),
        (failure(TypedInput.date("31/04/2025", for: past, today: today)), "2025年4月只有 30 日，所以沒有 31 日。"),
        (failure(TypedInput.date("29/02/2025", for: past, today: today)), "2025年2月只有 28 日，所以沒有 29 日。"),
        (failure(TypedInput.date("01/01/2027", for: past, today: today)), "這個日期在將來；日期必須是今天或以前。"),
        (failure(TypedInput.date("01/01/2020", for: future, today: today)), "這個日期已經過去；日期必須是今天或以後。"),
        (failure(TypedInput.date("01/01/1850", for: past, today: today)), "這個日期太久以前；請檢查年份。"),
        (TypedInput.partialDateProblem("a/"), "請只輸入數字和 /，按日/月/年（DD/MM/YYYY）。"),
        (TypedInput.partialDateProblem("1/2/3/4"), "日期有三個部分：日/月/年（DD/MM/YYYY）。"),
        (TypedInput.partialDateProblem("32"), "日子必須是 01 至 31。"),
        (TypedInput.partialDateProblem("01/13"), "月份必須是 01 至 12。"),
        (TypedInput.partialDateProblem("01/01/20255"), "年份有四位數字。"),
        // TypedInput: numbers, money, text, and the checks it passes on as sentences
        (failure(TypedInput.number("three", for: count, today: today)), "請用阿拉伯數字輸入整數，例如 3。"),
        (failure(TypedInput.number("1", for: count, today: today)), "數字最少要是 2。"),
        (failure(TypedInput.number("10", for: count, today: today)), "數字最多只可以是 9。"),
        (failure(TypedInput.number("-3", for: free, today: today)), "數字不可以是負數。"),
        (failure(TypedInput.money("ten", for: cost, today: today)), "請輸入以英鎊計的金額，例如 1258 或 1258.50。"),
        (failure(TypedInput.money("5", for: cost, today: today)), "金額最少要是 £10.00。"),
        (failure(TypedInput.money("25", for: cost, today: today)), "金額最多只可以是 £20.00。"),
        (AnswerParser.check(.money(-5), for: spend, today: today), "金額不可以是負數。"),
        (failure(TypedInput.text("  ", for: name, today: today)), "請輸入答案。"),
        (failure(TypedInput.text("Ada Lovelace", for: name, today: today)), "請把答案限制在 3 個字以內。"),
        (TypedInput.ranges([range("2025-05-01", "2027-01-01")], for: trips, today: today)?.message, "第 1 項在將來才結束；只計算已經結束的期間。"),
        (TypedInput.ranges([range("1800-01-01", "2025-05-01")], for: trips, today: today)?.message, "第 1 項的開始日期太久以前；請檢查年份。"),
        (TypedInput.ranges([range("2025-05-01", "2025-04-01")], for: trips, today: today)?.message, "第 1 項：回來的日期早於離開的日期。"),
        (TypedInput.ranges([range("2025-05-01", "2025-05-09"), range("2025-05-05", "2025-05-20")], for: trips, today: today)?.message,
         "第 1 項和第 2 項重疊；你不能在回來之前再次離開。"),
        // AnswerParser.parse, as `decide` reads an answers file
        (failure(AnswerParser.parse(.string("maybe"), for: inUK, today: today)), "請回答是或否（yes / no）。"),
        (failure(AnswerParser.parse(.string("c"), for: pick, today: today)), "「c」不是其中一個選項（a, b）。"),
        (failure(AnswerParser.parse(.array([.string("c")]), for: picks, today: today)), "每個選擇都必須是其中一個選項（a, b）。"),
        (failure(AnswerParser.parse(.string("someday"), for: past, today: today)), "「someday」" + realDate),
        (failure(AnswerParser.parse(.string("x"), for: count, today: today)), "「x」不是整數。"),
        (failure(AnswerParser.parse(.integer(100_000_000), for: cost, today: today)), "金額太大。"),
        (failure(AnswerParser.parse(.string("x"), for: cost, today: today)), "「x」不是金額（例如 1258.00）。"),
        (failure(AnswerParser.parse(.array([.integer(1)]), for: trips, today: today)), "第 1 項的格式必須是（\(rangeShape)）。"),
        (failure(AnswerParser.parse(.array([.object(["from": .string("x"), "to": .string("2025-01-01")])]), for: trips, today: today)),
         "第 1 項：「x」不是真實的日期。"),
        (failure(AnswerParser.parse(.array([.string("c")]), for: pick, today: today)), "應該是一個選項代號（文字）。"),
        (failure(AnswerParser.parse(.bool(true), for: count, today: today)), "應該是整數。"),
        (failure(AnswerParser.parse(.null, for: trips, today: today)), "應該是日期範圍的清單（\(rangeShape)）。"),
        // AnswerMigration, when a resumed session's old questions were joined into one
        (AnswerMigration.message([.init(into: "trips", from: ["old_a", "old_b"])], flows: flows), "你早前對 2 條問題的答案已合併為一個清單：「Trips」。請核對。"),
    ]
}

/// Latin words of two letters or more left once bracketed text (formats, English terms) and
/// the person's own words are taken out: Chinese output should have none.
private func englishWords(in s: String, allowing allowed: [String]) -> [String] {
    var s = s
    for a in allowed { s = s.replacingOccurrences(of: a, with: " ") }
    for (open, close) in [("（", "）"), ("「", "」")] {
        while let o = s.range(of: open), let c = s.range(of: close, range: o.upperBound..<s.endIndex) {
            s.replaceSubrange(o.lowerBound..<c.upperBound, with: " ")
        }
    }
    var words: [String] = [], word = ""
    for ch in s + " " {
        if ch.isASCII && ch.isLetter { word.append(ch); continue }
        if word.count >= 2 { words.append(word) }
        word = ""
    }
    return words
}

@Test func everyEngineMessageHasItsChineseForm() throws {
    let messages = try engineMessages()
    for (english, chinese) in messages {
        let english = try #require(english, "an input above was accepted; expected: \(chinese)")
        let translated = EngineMessages.translate(english, to: "zh-Hant")
        #expect(translated == chinese, "\(english)")
        #expect(englishWords(in: translated, allowing: ["DD/MM/YYYY", "YYYY-MM-DD"]).isEmpty, "\(english) → \(translated)")
        #expect(EngineMessages.translate(english, to: "en") == english)
    }
}

/// A pattern no real message reaches is one whose English has drifted from the engine's.
@Test func everyPatternMatchesAMessageTheEngineGives() throws {
    let messages = try engineMessages().compactMap(\.english)
    for pattern in EngineMessages.patterns {
        #expect(messages.contains { m in
            var key = Substring(m)
            if key.hasSuffix(".") { key = key.dropLast() }
            return pattern.match((key.first.map { $0.lowercased() } ?? "") + key.dropFirst()) != nil
        }, "no engine message has the shape \(pattern.pieces)")
    }
}

@Test func everyKindDescriptionHasChinese() {
    for kind in QuestionKind.allCases {
        let english = "expected \(AnswerParser.describe(kind))"
        let chinese = EngineMessages.translate(english, to: "zh-Hant")
        #expect(chinese.hasPrefix("應該是") && englishWords(in: chinese, allowing: ["true/false", "YYYY-MM-DD", "from", "to"]).isEmpty,
                "\(kind) → \(chinese)")
    }
}

@Test func bothSpellingsOfACheckTranslateAlike() {
    #expect(EngineMessages.translate("the amount must be at least £10.00", to: "zh-Hant") == "金額最少要是 £10.00。")
    #expect(EngineMessages.translate("The amount must be at least £10.00.", to: "zh-Hant") == "金額最少要是 £10.00。")
    #expect(EngineMessages.translate("april 2025 has 30 days, so day 31 does not exist", to: "zh-Hant") == "2025年4月只有 30 日，所以沒有 31 日。")
}

@Test func unknownMessagesAndLanguagesStayEnglish() {
    #expect(EngineMessages.translate("Something new went wrong.", to: "zh-Hant") == "Something new went wrong.")
    // A month the engine never names is not mistaken for one.
    #expect(EngineMessages.translate("Smarch 2025 has 30 days, so day 31 does not exist.", to: "zh-Hant")
            == "Smarch 2025 has 30 days, so day 31 does not exist.")
    #expect(EngineMessages.translate("expected a unicorn", to: "zh-Hant") == "expected a unicorn")
    // A known shape with something after it is not that shape.
    #expect(EngineMessages.translate("Please type an answer. Or not.", to: "zh-Hant") == "Please type an answer. Or not.")
    #expect(EngineMessages.translate("Please type an answer.", to: "fr") == "Please type an answer.")
    #expect(EngineMessages.translate("Please type an answer.", to: "en") == "Please type an answer.")
}

@Test func whatThePersonWroteIsPutInOnceAsWritten() {
    // An answers file may hold anything, including text that looks like a hole.
    #expect(EngineMessages.translate("'{1}' is not one of the options: a, b", to: "zh-Hant") == "「{1}」不是其中一個選項（a, b）。")
    #expect(EngineMessages.translate("'' is not a whole number", to: "zh-Hant") == "「」不是整數。")
}
