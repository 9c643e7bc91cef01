import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

private func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// Every key binding of the interview, through `update` only.
@Suite struct InterviewKeyTests {
    // MARK: Welcome

    @Test func welcomeEnterOrSpaceStarts() {
        for key in [Key.enter, .character(" ")] {
            var d = Drive(InterviewFixtures.small)
            d.press(key)
            #expect(d.questionID == "in_uk")
        }
    }

    @Test func welcomeQOrEscAsksBeforeQuitting() {
        for key in [Key.character("q"), .escape] {
            var d = Drive(InterviewFixtures.small)
            d.press(key)
            #expect(d.m.overlay == .confirmQuit && d.command == .none)
        }
    }

    // MARK: Yes/no and choice

    @Test func yesNoArrowsWrapAndYNChoose() {
        var d = Drive(InterviewFixtures.small)
        d.press(.enter)
        #expect(!d.field.picked, "a fresh question has no answer chosen")
        d.press(.down); #expect(d.field.cursor == 0 && d.field.picked, "the first arrow press chooses the first option")
        d.press(.down); #expect(d.field.cursor == 1)
        d.press(.down); #expect(d.field.cursor == 0, "wraps")
        d.press(.up); #expect(d.field.cursor == 1, "wraps upwards")
        d.press(.character("y")); #expect(d.field.cursor == 0)
        d.press(.character("n")); #expect(d.field.cursor == 1)
        d.press(.tab); #expect(d.field.cursor == 0)
        d.press(.character("2")); #expect(d.field.cursor == 1)
        d.press(.enter)
        #expect(d.m.answers["in_uk"] == .bool(false))
        #expect(d.effects.contains(.saveAnswer("in_uk")))
        #expect(d.questionID == "crisis", "No skips the rest of the rules stage")
    }

    @Test func choiceDigitsPickAndOutOfRangeDigitsAreIgnored() {
        var d = Drive(InterviewFixtures.small)
        d.press(.enter, .character("y"), .enter)
        #expect(d.questionID == "status")
        d.press(.character("9")); #expect(!d.field.picked, "a digit with no option chooses nothing")
        d.press(.character("3")); #expect(d.field.cursor == 2)
        d.press(.character("9")); #expect(d.field.cursor == 2)
        d.press(.character("0")); #expect(d.field.cursor == 2)
        d.press(.down); #expect(d.field.cursor == 0, "wraps past the last option")
        d.press(.up); #expect(d.field.cursor == 2)
        d.press(.character(" "))
        #expect(d.m.answers["status"] == .option("visitor"), "Space confirms a single choice")
        #expect(d.questionID == "crisis")
    }

    @Test func escAndBGoBackInLists() {
        for key in [Key.escape, .character("b")] {
            var d = Drive(InterviewFixtures.small)
            d.press(.enter, .character("y"), .enter, .character("2"))
            #expect(d.questionID == "status")
            d.press(key)
            #expect(d.questionID == "in_uk", "\(key) goes back")
            #expect(d.field.cursor == 0, "\(key): the answer Yes is shown")
            d.press(.enter)
            #expect(d.questionID == "status" && d.field.cursor == 1, "\(key): the highlighted option was kept")
            d.press(key, key)
            #expect(d.m.page == .welcome, "\(key) on the first question returns to the welcome")
        }
    }

    // MARK: Multiple choice

    @Test func multiChoiceSpaceXAndDigitsToggle() {
        var d = Drive.kinds(upTo: "reasons")
        d.press(.character(" "))
        #expect(d.field.toggled == [0])
        d.press(.down, .character("x"))
        #expect(d.field.toggled == [0, 1])
        d.press(.character("1"))
        #expect(d.field.toggled == [1] && d.field.cursor == 0)
        d.press(.up)
        #expect(d.field.cursor == 3, "up from the first row reaches the \"None of these\" row")
        d.press(.character("b"))
        #expect(d.questionID == "status")
        d.press(.enter)
        #expect(d.field.toggled == [1], "going back and forth keeps the ticks")
        d.press(.enter)
        #expect(d.m.answers["reasons"] == .options(["health"]))
    }

    // MARK: Typed answers

    @Test func digitsTypeAndBackspaceOnlyEverDeletes() {
        var d = Drive.kinds(upTo: "children")
        d.type("12")
        #expect(d.field.text == "12")
        d.press(.backspace)
        #expect(d.field.text == "1" && d.questionID == "children")
        d.press(.backspace)
        #expect(d.field.text == "" && d.questionID == "children")
        for _ in 0 ..< 30 { d.press(.backspace) }
        #expect(d.questionID == "children", "Backspace held on an empty field stays on the question")
        d.press(.escape)
        #expect(d.questionID == "arrived", "Esc goes back")
        #expect(d.field.text == "09/04/2015", "with the earlier answer kept")
    }

    @Test func ctrlUClearsAndDeleteDeletes() {
        var d = Drive.kinds(upTo: "savings")
        d.type("1500")
        d.press(.delete)
        #expect(d.field.text == "150")
        d.press(.ctrl("u"))
        #expect(d.field.text == "")
    }

    @Test func lettersAreTextInATextQuestion() {
        var d = Drive.kinds(upTo: "name")
        d.type("rob? b")
        #expect(d.field.text == "rob? b")
        #expect(d.m.overlay == nil && d.m.page == .question("name"))
        d.press(.function(1))
        #expect(d.m.overlay == .help, "F1 opens help where ? is typed")
        d.press(.escape)
        d.press(.ctrl("r"))
        #expect(d.m.page == .review, "Ctrl-R opens the review where r is typed")
    }

    @Test func numberMoneyAndTextAreChecked() {
        var d = Drive.kinds(upTo: "children")
        d.answer("21")
        #expect(d.questionID == "children" && d.m.messageIsError && d.m.message == "The number must be at most 20.")
        d.press(.ctrl("u"))
        d.answer("two")
        #expect(d.m.message == "Please type a whole number using digits, for example 3.")
        d.press(.ctrl("u"))
        d.answer("3")
        #expect(d.m.answers["children"] == .number(3) && d.questionID == "savings")
        d.answer("12.345")
        #expect(d.questionID == "savings" && d.m.messageIsError)
        d.press(.ctrl("u"))
        d.answer("£1,258.5")
        #expect(d.m.answers["savings"] == .money(125850))
        d.answer("   ")
        #expect(d.questionID == "name" && d.m.message == "Please type an answer.")
    }

    // MARK: Help, review, quit

    @Test func questionMarkAndF1OpenHelpAndItsKeysCloseIt() {
        for open in [Key.character("?"), .function(1)] {
            for close in [Key.escape, .enter, .character("?"), .function(1), .character("q")] {
                var d = Drive(InterviewFixtures.small)
                d.press(.enter, open)
                #expect(d.m.overlay == .help)
                d.press(.down)
                #expect(d.field.cursor == 0, "keys do not reach the question under help")
                d.press(close)
                #expect(d.m.overlay == nil && d.questionID == "in_uk")
            }
        }
    }

    @Test func rAndCtrlROpenTheReviewAndEscReturns() {
        for key in [Key.character("r"), .ctrl("r")] {
            var d = Drive.kinds(upTo: "children")
            d.press(key)
            #expect(d.m.page == .review)
            #expect(d.m.reviewRow == 3, "the last answered question is chosen when the current one has no answer")
            d.press(.escape)
            #expect(d.questionID == "children")
        }
        var d = Drive(InterviewFixtures.small)
        d.press(.enter, .character("r"))
        #expect(d.questionID == "in_uk" && d.m.message == "Nothing answered yet.")
    }

    @Test func reviewArrowsPagingAndEnterJumps() {
        var d = Drive.kinds()
        d.press(.character("r"))
        #expect(d.m.page == .review && d.m.reviewRow == 7, "from the result the last answer is chosen")
        d.press(.home); #expect(d.m.reviewRow == 0)
        d.press(.up); #expect(d.m.reviewRow == 0)
        d.press(.down, .down); #expect(d.m.reviewRow == 2)
        d.press(.end); #expect(d.m.reviewRow == 7)
        d.press(.down); #expect(d.m.reviewRow == 7)
        d.press(.home); #expect(d.m.reviewRow == 0)
        d.press(.pageDown); #expect(d.m.reviewRow == 7)
        d.press(.pageUp); #expect(d.m.reviewRow == 0)
        d.press(.down, .down, .down, .enter)
        #expect(d.questionID == "arrived")
        #expect(d.field.text == "09/04/2015")
    }

    @Test func ctrlCAsksYQuitsNReturns() {
        var d = Drive.kinds(upTo: "children")
        d.type("4")
        d.send(.interrupt)
        #expect(d.m.overlay == .confirmQuit && d.command == .none)
        d.press(.character("n"))
        #expect(d.m.overlay == nil && d.field.text == "4", "n returns with the typing kept")
        d.send(.interrupt)
        d.press(.escape)
        #expect(d.m.overlay == nil && d.questionID == "children")
        d.send(.interrupt)
        d.press(.character("x"))
        #expect(d.m.overlay == .confirmQuit, "other keys leave the question open")
        d.press(.character("y"))
        #expect(d.command == .quit)
    }

    @Test func terminateQuitsAtOnce() {
        var d = Drive.kinds(upTo: "name")
        d.send(.terminate)
        #expect(d.command == .quit)
    }

    // MARK: Date ranges

    @Test func rangeListAddSaveChangeDeleteContinue() {
        var d = Drive.kinds(upTo: "absences")
        #expect(d.field.row == 0)
        d.press(.character("a"))
        #expect(d.field.edit == FieldState.RangeEdit())
        d.type("01032019")
        d.press(.enter)
        #expect(d.field.edit?.onTo == true, "Enter on the first date moves to the second")
        d.type("20032019")
        d.press(.enter)
        #expect(d.field.ranges == [DateRange(from: day("2019-03-01"), to: day("2019-03-20"))] && d.field.edit == nil)
        // Enter on "Add" adds too.
        d.press(.down)
        #expect(d.field.row == 1)
        d.press(.enter)
        #expect(d.field.edit?.index == nil && d.field.edit != nil)
        d.type("01012018")
        d.press(.tab)
        d.type("05012018")
        d.press(.backTab)
        #expect(d.field.edit?.onTo == false, "Shift-Tab goes to the other date")
        d.press(.enter, .enter)
        #expect(d.field.ranges.map(\.from) == [day("2018-01-01"), day("2019-03-01")], "kept in date order")
        #expect(d.field.row == 0, "the new range is highlighted")
        // Enter on a range changes it.
        d.press(.down, .enter)
        #expect(d.field.edit == FieldState.RangeEdit(index: 1, from: "01/03/2019", to: "20/03/2019", onTo: false))
        d.press(.tab, .backspace, .backspace, .backspace, .backspace)
        d.type("2020")
        d.press(.enter)
        #expect(d.field.ranges[1].to == day("2020-03-20"))
        // Esc cancels an edit, keeping the list.
        d.press(.character("a"))
        d.type("0101")
        d.press(.escape)
        #expect(d.field.edit == nil && d.field.ranges.count == 2 && d.questionID == "absences")
        // d asks before deleting the highlighted range: y deletes, any other key keeps it.
        d.press(.character("d"))
        #expect(d.field.ranges.count == 2 && d.field.pendingDelete == 1)
        #expect(d.screen().text.contains("01/03/2019 → 20/03/2020? Press y to delete it"), "the question names the trip by its dates")
        d.press(.character("n"))
        #expect(d.field.ranges.count == 2 && d.field.pendingDelete == nil, "kept")
        d.press(.character("d"), .character("y"))
        #expect(d.field.ranges.count == 1 && d.field.row == 1, "the row after the deleted one is highlighted")
        d.press(.down, .down)
        #expect(d.field.row == 0, "wraps around the list")
        d.press(.up)
        #expect(d.field.row == 2)
        d.press(.character("d"))
        #expect(d.field.ranges.count == 1)
        d.press(.character("c"))
        #expect(d.m.page == .outcome)
        #expect(d.m.answers["absences"] == .ranges([DateRange(from: day("2018-01-01"), to: day("2018-01-05"))]))
    }

    @Test func enterOnDoneContinuesAndBAndEscGoBack() {
        var held = Drive.kinds(upTo: "absences")
        for _ in 0 ..< 10 { held.press(.backspace) }
        #expect(held.questionID == "absences", "Backspace in the range list does not go back")
        for key in [Key.character("b"), .escape] {
            var d = Drive.kinds(upTo: "absences")
            d.press(key)
            #expect(d.questionID == "name", "\(key) in the range list goes back")
            #expect(d.field.text == "Sam Example")
        }
        var d = Drive.kinds(upTo: "absences")
        d.press(.down, .enter)
        #expect(d.m.page == .outcome, "Enter on Done continues with no absences")
        #expect(d.m.answers["absences"] == .ranges([]))
    }

    @Test func comingBackToAConfirmedListStartsOnDone() {
        var d = Drive.kinds(upTo: "absences")
        d.press(.character("a")); d.type("01032019"); d.press(.enter); d.type("20032019"); d.press(.enter)
        #expect(d.field.row == 0)
        d.press(.character("c"))
        #expect(d.m.page == .outcome && d.m.fields["absences"] == nil, "the confirmed field is not kept")
        d.press(.escape)
        #expect(d.questionID == "absences" && d.field.row == 2, "on Done, so Enter confirms the list as it was")
        d.press(.enter)
        #expect(d.m.page == .outcome)
    }

    @Test func rangeProblemsAreShownAndNotSaved() {
        var d = Drive.kinds(upTo: "absences")
        d.press(.character("a"))
        d.type("20032019")
        d.press(.enter)
        d.type("01032019")
        d.press(.enter)
        #expect(d.m.messageIsError && d.m.message == "The date you came back is before the date you left.")
        #expect(d.field.ranges.isEmpty && d.field.edit != nil)
        d.press(.ctrl("u"))  // not a binding in the range editor: nothing changes
        for _ in 0 ..< 10 { d.press(.backspace) }
        d.type("01122026")
        #expect(d.m.message == "This date is in the future; it must be today or earlier.", "checked as soon as the date is complete")
        d.press(.enter)
        #expect(d.field.ranges.isEmpty && d.field.edit != nil)
        d.press(.escape, .character("c"))
        #expect(d.m.page == .outcome)
    }

    // MARK: Outcome

    @Test func outcomeTicksMoveAndPage() {
        var d = Drive.kinds()
        #expect(d.m.page == .outcome)
        let items = d.m.assessment.outcome!.checklist.map(\.id)
        #expect(items == ["passport", "travel", "bank", "letters"])
        d.press(.character(" "))
        #expect(d.m.ticks == ["passport"])
        d.press(.down, .character("x"))
        #expect(d.m.ticks == ["passport", "travel"] && d.m.outcomeItem == 1)
        d.press(.character("x"))
        #expect(d.m.ticks == ["passport"], "a second tick removes it")
        d.press(.end)
        #expect(d.m.outcomeItem == 3 && d.m.outcomeScroll > 0)
        d.press(.down)
        #expect(d.m.outcomeItem == 3)
        d.press(.home)
        #expect(d.m.outcomeItem == 0 && d.m.outcomeScroll == 0)
        d.press(.pageDown)
        let afterOne = d.m.outcomeScroll
        #expect(afterOne > 0)
        d.press(.pageDown, .pageDown, .pageDown)
        #expect(d.m.outcomeScroll == d.m.outcomeMaxScroll(), "paging stops at the end")
        d.press(.pageUp, .pageUp, .pageUp, .pageUp)
        #expect(d.m.outcomeScroll == 0, "and at the top")
    }

    @Test func outcomeKeysEPNRQAndEsc() {
        var d = Drive.kinds()
        d.press(.character("p"))
        #expect(d.effects.last == .print)
        d.press(.character("e"))
        #expect(d.m.overlay == .export(.markdown, path: "lotr-2026-11-23.md"))
        d.press(.escape)
        #expect(d.m.overlay == nil)
        d.press(.character("q"))
        #expect(d.m.overlay == .confirmQuit)
        d.press(.character("n"))
        d.press(.character("r"))
        #expect(d.m.page == .review)
        d.press(.escape)
        #expect(d.m.page == .outcome)
        d.press(.escape)
        #expect(d.questionID == "absences", "Esc on the result goes back to the last question")
        d.press(.character("c"))
        d.press(.character(" "), .character("n"))
        #expect(d.m.page == .welcome && d.m.answers.isEmpty && d.m.ticks.isEmpty)
        #expect(d.effects.last == .newCase)
    }

    @Test func exportDialogKeys() {
        var d = Drive.kinds()
        d.press(.character("e"), .tab)
        #expect(d.m.overlay == .export(.text, path: "lotr-2026-11-23.txt"))
        d.press(.down)
        #expect(d.m.overlay == .export(.json, path: "lotr-2026-11-23.json"))
        d.press(.up, .up)
        #expect(d.m.overlay == .export(.markdown, path: "lotr-2026-11-23.md"))
        for _ in 0 ..< 30 { d.press(.backspace) }
        d.press(.enter)
        #expect(d.m.overlay != nil && d.m.message == "Type a file name to export to.")
        d.type("note.md")
        d.press(.enter)
        #expect(d.m.overlay == nil && d.effects.last == .export(.markdown, path: "note.md"))
    }
}
