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
