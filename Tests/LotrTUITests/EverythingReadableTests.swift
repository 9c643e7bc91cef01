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
