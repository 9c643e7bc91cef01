import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// Nothing the interview says is cut off: the result, help, review and messages wrap.
@Suite struct EverythingReadableTests {
    static let sizes = [Size(rows: 24, cols: 80), Size(rows: 18, cols: 60)]

    /// Every row of the screen, and every line of the scrolling result, fits without a cut.
    @Test(arguments: ["en", "zh-Hant"], sizes)
    func theResultWrapsEveryLine(_ language: String, _ size: Size) {
        var d = Drive(InterviewFixtures.shipped, language: language)
        d.m.answers = InterviewFixtures.longResidence
        d.m.page = .outcome
        d.send(.resize(rows: size.rows, cols: size.cols))
        let s = d.screen(size)
        expectWellFormed(s)
        #expect(!s.text.contains("…"), "nothing on the result is cut with an ellipsis:\n\(s.text)")
        let o = d.m.assessment.outcome!
        let form = language == "en" ? "Form: \(o.form!.code) – \(o.form!.name)" : "表格：\(o.form!.code) – \(o.form!.name)"
        let joined = s.lines.map { String($0.drop { $0 == " " }) }.joined(separator: " ")
        #expect(joined.contains(TextLayout.wrap(form, width: size.cols - 4).joined(separator: " ")), "the whole form line: \(form)")
        #expect(joined.contains(TextLayout.wrap(o.title, width: size.cols - 4).joined(separator: " ")), "the whole title")
        // The form's GOV.UK page, and each checklist source with its address, somewhere in the body.
        let body = d.m.outcomeLines().lines.map(\.text)
        for line in body { #expect(DisplayWidth.of(line) <= size.cols - 4, "\(line)") }
        let flat = body.map { String($0.drop { $0 == " " }) }.joined()
        #expect(flat.contains(o.form!.url!), "the form's address")
        for item in o.checklist { if let url = item.sourceURL { #expect(flat.contains(url), "\(item.id)'s source address") } }
    }
}

extension EverythingReadableTests {
    @Test(arguments: sizes)
    func helpScrollsToItsSource(_ size: Size) {
        var d = Drive(InterviewFixtures.shipped)
        let q = InterviewFixtures.shipped.questions["lr_gap_ranges"]!
        d.m.page = .question(q.id)
        d.send(.resize(rows: size.rows, cols: size.cols))
        d.press(.function(1))
        var s = d.screen(size)
        #expect(s.find("↓ more") != nil, "the help says there is more:\n\(s.text)")
        #expect(s.find("Source: ") == nil, "the source is further down")
        d.press(.end)
        s = d.screen(size)
        #expect(s.find("Source: ") != nil && s.find("↑ more above") != nil, "End shows the end:\n\(s.text)")
        d.press(.home)
        #expect(d.screen(size).text == d.screen(size).text && d.m.helpScroll == 0)
        d.press(.pageDown)
        let paged = d.m.helpScroll
        #expect(paged > 1)
        d.press(.character(" "))
        #expect(d.m.helpScroll >= paged, "Space pages on")
        d.press(.pageUp, .pageUp, .pageUp, .up)
        #expect(d.m.helpScroll == 0)
        d.press(.down)
        #expect(d.m.helpScroll == 1)
        // Every line of the help can be reached: the last screenful holds the last line.
        d.press(.end)
        let lines = InterviewView.helpLines(d.m, width: InterviewView.helpArea(size).cols)
        #expect(d.screen(size).text.contains(lines.last!.0.trimmingSpaces))
        d.press(.escape)
        #expect(d.m.overlay == nil)
    }
}

extension EverythingReadableTests {
    @Test(arguments: sizes)
    func reviewShowsEveryQuestionInFullWithItsAnswerAndNote(_ size: Size) {
        var d = Drive(InterviewFixtures.shipped)
        d.m.answers = InterviewFixtures.longResidence
        d.m.page = .outcome
        let path = d.m.assessment.path
        d.m.notes[path[1]] = "Checked the passport stamps"
        d.press(.character("r"))
        #expect(d.m.page == .review)
        let width = size.cols - 4
        for (row, id) in path.enumerated() {
            d.m.reviewRow = row
            let s = d.screen(size)
            expectWellFormed(s)
            let joined = s.lines.map { String($0.drop { $0 == " " || $0 == "▸" }) }.joined(separator: " ")
            let q = InterviewFixtures.shipped.questions[id]!
            let wrapped = TextLayout.wrap(q.text.text("en"), width: width - 5).joined(separator: " ")
            #expect(joined.contains(wrapped), "question \(row + 1) in full at \(size)")
            #expect(joined.contains("Answer: "), "with its answer")
            if row == 1 { #expect(joined.contains("✎ Adviser note: Checked the passport stamps"), "the note is marked") }
        }
    }
}

extension EverythingReadableTests {
    @Test func theResultFooterListsEveryKey() {
        for language in ["en", "zh-Hant"] {
            let d = Drive.kinds(language: language)
            #expect(d.m.page == .outcome)
            let s = d.screen()
            let footer = s.lines.suffix(2).joined(separator: " ")
            for key in [TUIText.hintItem, .hintTick, .hintScroll, .hintExport, .hintPrint, .hintNewCase, .hintReview, .hintQuit] {
                #expect(footer.contains(TUIStrings.text(key, language)), "\(key) in \(language): \(footer)")
            }
        }
    }

    @Test func aMessageSitsUnderItsFieldWrapsAndClearsOnTheNextKey() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("9 x")
        let size = Size(rows: 18, cols: 60)
        let s = d.screen(size)
        expectWellFormed(s)
        let field = s.lines.firstIndex { $0.contains("Date (DD/MM/YYYY):") }!
        #expect(s.lines[field + 1].contains("Please write the month in English"), "right under the field:\n\(s.text)")
        #expect(!s.text.contains("…"), "wrapped, not cut")
        let joined = s.lines.map { String($0.drop { $0 == " " }) }.joined(separator: " ")
        #expect(joined.contains("Please write the month in English, for example 9 April 2025."))
        d.press(.left)
        #expect(d.m.message == nil, "the next key clears it")
        // A message about the whole page wraps above the keys.
        var q = Drive.kinds(upTo: "in_uk")
        q.press(.enter)
        let t = q.screen(size)
        let all = t.lines.map { String($0.drop { $0 == " " }) }.joined(separator: " ")
        #expect(all.contains(TUIStrings.text(.chooseAnswer, "en")) && !t.text.contains("…"), "\(t.text)")
    }

    @Test func theTripFormNamesTripsByDatesAndCountsThemRight() {
        var d = Drive.kinds(upTo: "absences")
        d.press(.character("a")); d.type("01072017"); d.press(.enter); d.type("20072017"); d.press(.enter)
        var s = d.screen()
        #expect(s.text.contains("1 absence · 18 whole days in all"), "\(s.text)")
        d.press(.character("a"))
        s = d.screen()
        #expect(s.text.contains("Dates as DD/MM/YYYY"), "the hint shows while typing")
        #expect(s.styledText.contains("⟨selected+r+u⟩"), "the date being typed is highlighted")
        d.type("10072017"); d.press(.enter); d.type("25072017"); d.press(.enter)
        #expect(d.m.message == "This overlaps 01/07/2017 → 20/07/2017: you cannot leave again before coming back.")
        #expect(d.screen().text.contains("This overlaps 01/07/2017 → 20/07/2017"), "shown under the form")
        d.press(.escape)
        for (from, to) in [("01012018", "02012018"), ("01012019", "02012019")] {
            d.press(.character("a")); d.type(from); d.press(.enter); d.type(to); d.press(.enter)
        }
        #expect(d.screen().text.contains("3 absences · "), "\"3 absences\", the plural")
        #expect(Strings.plural("trip abroad") == "trips abroad" && Strings.plural("gap between visas") == "gaps between visas")
        var zh = Drive.kinds(upTo: "absences", language: "zh-Hant")
        zh.press(.character("a")); zh.type("01072017"); zh.press(.enter); zh.type("20072017"); zh.press(.enter)
        #expect(zh.screen().text.contains("1 段離境 · 合共 18 整日"))
    }

    @Test func aLongTripListSaysMoreIsBelow() {
        var d = Drive.kinds(upTo: "absences")
        for year in 2000 ..< 2016 {
            d.press(.character("a")); d.type("0101\(year)"); d.press(.enter); d.type("0201\(year)"); d.press(.enter)
        }
        d.press(.home)
        d.m.fields["absences"]!.row = 0
        let s = d.screen(Size(rows: 18, cols: 60))
        #expect(s.text.contains("↓ more"), "\(s.text)")
    }
}
