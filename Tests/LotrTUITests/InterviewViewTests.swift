import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// Every screen of the interview at 80×24, compared with the text in Golden/.
@Suite struct InterviewGoldenTests {
    @Test func welcome() {
        let d = Drive(InterviewFixtures.kinds)
        expectGolden(d.screen(), "welcome")
    }

    @Test func yesNoWithGlossaryTerm() {
        let d = Drive.kinds(upTo: "in_uk")
        expectGolden(d.screen(), "yes_no")
    }

    @Test func choice() {
        var d = Drive.kinds(upTo: "status")
        d.press(.down, .down)
        expectGolden(d.screen(), "choice")
    }

    @Test func multiChoice() {
        var d = Drive.kinds(upTo: "reasons")
        d.press(.character(" "), .down, .down, .character("x"))
        expectGolden(d.screen(), "multi_choice")
    }

    @Test func dateHalfTyped() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("0904")
        expectGolden(d.screen(), "date_typing")
    }

    @Test func dateImpossible() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("31022025")
        expectGolden(d.screen(), "date_impossible")
    }

    @Test func dateInTheFuture() {
        var d = Drive.kinds(upTo: "arrived")
        d.answer("01/01/2027")
        expectGolden(d.screen(), "date_future")
    }

    @Test func number() {
        var d = Drive.kinds(upTo: "children")
        d.type("2")
        expectGolden(d.screen(), "number")
    }

    @Test func money() {
        var d = Drive.kinds(upTo: "savings")
        d.type("1,500.50")
        expectGolden(d.screen(), "money")
    }

    @Test func text() {
        var d = Drive.kinds(upTo: "name")
        d.type("Sam Example")
        expectGolden(d.screen(), "text")
    }

    @Test func dateRangesEmpty() {
        let d = Drive.kinds(upTo: "absences")
        expectGolden(d.screen(), "date_ranges_empty")
    }

    @Test func dateRangesWithTotals() {
        var d = Drive.kinds(upTo: "absences")
        d.press(.character("a")); d.type("01032019"); d.press(.enter); d.type("20032019"); d.press(.enter)
        d.press(.character("a")); d.type("10082021"); d.press(.tab); d.type("02092021"); d.press(.enter)
        expectGolden(d.screen(), "date_ranges_totals")
    }

    @Test func dateRangesEditingARange() {
        var d = Drive.kinds(upTo: "absences")
        d.press(.character("a")); d.type("01032019"); d.press(.enter); d.type("20032019"); d.press(.enter)
        d.press(.enter)  // the saved range is highlighted: Enter changes it
        d.press(.tab, .backspace, .backspace)
        #expect(d.field.edit == FieldState.RangeEdit(index: 0, from: "01/03/2019", to: "20/03/20", onTo: true))
        expectGolden(d.screen(), "date_ranges_editing")
    }

    @Test func review() {
        var d = Drive.kinds()
        d.press(.character("r"), .up, .up)
        expectGolden(d.screen(), "review")
    }

    @Test func outcome() {
        let d = Drive.kinds()
        expectGolden(d.screen(), "outcome")
    }

    @Test func outcomeScrolledWithTicks() {
        var d = Drive.kinds()
        d.press(.pageDown, .character(" "), .down, .down, .character(" "))
        expectGolden(d.screen(), "outcome_scrolled")
    }

    @Test func outcomeOfTheSmallFixture() {
        var d = Drive(InterviewFixtures.small)
        d.press(.enter, .character("y"), .enter, .character("1"), .enter, .character("c"), .character("y"), .enter)
        expectGolden(d.screen(), "small_outcome")
    }

    @Test func helpOverlay() {
        var d = Drive.kinds(upTo: "in_uk")
        d.press(.character("?"))
        expectGolden(d.screen(), "help")
    }

    @Test func quitConfirm() {
        var d = Drive.kinds(upTo: "status")
        d.send(.interrupt)
        expectGolden(d.screen(), "quit_confirm")
    }

    @Test func exportDialog() {
        var d = Drive.kinds()
        d.press(.character("e"), .tab)
        expectGolden(d.screen(), "export")
    }

    @Test func tooSmallNotice() {
        let d = Drive.kinds(upTo: "arrived")
        let s = SizeGuard.guarded(InterviewView.render)(d.m, Size(rows: 15, cols: 50))
        expectGolden(s, "too_small")
    }

    @Test func chineseQuestionText() {
        var flows = InterviewFixtures.kinds
        flows.questions["reasons"]!.text = LocalizedText(["en": "Why?", "zh-Hant": InterviewFixtures.chineseQuestion])
        var d = Drive(flows, language: "zh-Hant")
        d.press(.enter, .character("y"), .enter, .character("1"), .enter)
        #expect(d.questionID == "reasons")
        expectGolden(d.screen(), "chinese")
    }
}

extension InterviewFixtures {
    static let chineseQuestion = "你為什麼希望留在英國？請選擇所有適用的原因，包括家庭、健康、工作或其他任何與你的情況有關而你認為移民局在考慮你的申請時應當知道的重要事項。"
}
