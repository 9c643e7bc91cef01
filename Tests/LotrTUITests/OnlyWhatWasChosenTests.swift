import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// The interview records only answers the person gave: no pre-selected option, no answer from
/// a paste, no empty multiple choice taken as "None of these", no navigation by Backspace.
@Suite struct OnlyWhatWasChosenTests {
    // MARK: Nothing pre-selected

    @Test func enterOnAFreshYesNoQuestionAsksForAnAnswer() {
        var d = Drive.kinds(upTo: "in_uk")
        d.press(.enter)
        #expect(d.questionID == "in_uk", "Enter alone does not move on")
        #expect(d.m.answers["in_uk"] == nil && d.effects.isEmpty)
        #expect(d.m.message?.hasPrefix("Choose an answer") == true && d.m.messageIsError)
        #expect(d.screen().find("Choose an answer") != nil)
        d.press(.character(" "))
        #expect(d.m.answers["in_uk"] == nil, "Space does not choose either")
        d.press(.character("n"), .enter)
        #expect(d.m.answers["in_uk"] == .bool(false))
    }

    @Test func enterOnAFreshChoiceQuestionAsksForAnAnswer() {
        var d = Drive.kinds(upTo: "status")
        d.press(.enter)
        #expect(d.questionID == "status" && d.m.answers["status"] == nil)
        #expect(d.m.message?.hasPrefix("Choose an answer") == true)
        d.press(.down)
        #expect(d.m.message == nil, "the next key clears the message")
        d.press(.enter)
        #expect(d.m.answers["status"] == .option("worker"))
    }

    @Test func aSavedAnswerIsShownChosen() {
        var d = Drive.kinds(upTo: "reasons")
        d.press(.escape)
        #expect(d.questionID == "status" && d.field.picked && d.field.cursor == 0)
        d.press(.enter)
        #expect(d.questionID == "reasons", "Enter keeps the saved answer")
    }

    @Test func chineseSaysChooseAnAnswer() {
        var d = Drive.kinds(upTo: "in_uk", language: "zh-Hant")
        d.press(.enter)
        #expect(d.m.message?.hasPrefix("請選擇一個答案") == true)
    }

    // MARK: Multiple choice

    @Test func anEmptyMultipleChoiceIsRefused() {
        var d = Drive.kinds(upTo: "reasons")
        d.press(.enter)
        #expect(d.questionID == "reasons" && d.m.answers["reasons"] == nil)
        #expect(d.m.message == "Tick at least one, or “None of these”.")
        // The question has no "None of these" of its own, so the interview offers one.
        #expect(d.screen().find("[ ] 4. None of these") != nil)
        d.press(.character("4"), .enter)
        #expect(d.m.answers["reasons"] == .options([]), "choosing None of these is an empty answer, on purpose")
    }

    @Test func noneOfTheseStandsAloneInTheInterview() {
        var d = Drive.kinds(upTo: "reasons")
        d.press(.character("1"), .character("2"), .character("4"))
        #expect(d.field.toggled.isEmpty && d.field.noneTicked, "ticking None of these clears the others")
        #expect(d.m.message?.contains("stands alone") == true)
        d.press(.character("3"))
        #expect(d.field.toggled == [2] && !d.field.noneTicked, "ticking another clears None of these")
        d.press(.enter)
        #expect(d.m.answers["reasons"] == .options(["work"]))
    }

    @Test func aFlowsOwnNoneOptionIsExclusive() {
        var d = Drive(InterviewFixtures.shipped)
        let q = InterviewFixtures.shipped.questions["a8_suitability"]!
        let none = q.options.firstIndex { $0.id == "none" }!
        d.m.page = .question(q.id)
        // Ticked with the cursor and Space: the option may be beyond the number keys 1–9.
        d.press(.character("1"))
        for _ in 0..<none { d.press(.down) }
        d.press(.character(" "))
        #expect(d.field.toggled == [none])
        d.press(.character("2"))
        #expect(d.field.toggled == [1])
        d.press(.character("2"), .enter)
        #expect(d.m.answers[q.id] == nil && d.m.message == "Tick at least one, or “None of these”.")
        #expect(FieldState.hasNoneRow(q) == false, "the flow has its own None of these; no second one is added")
    }

    // MARK: Paste

    @Test func aPasteIntoADateFieldIsTypedNeverConfirmed() {
        var d = Drive.kinds(upTo: "arrived")
        d.effects = []
        d.send(.paste("09/04/2015\nyes\n"))
        #expect(d.questionID == "arrived" && d.m.answers["arrived"] == nil, "the newline did not confirm")
        #expect(d.field.text == "09/04/2015", "a date is one line: the first one pasted")
        #expect(d.effects.isEmpty, "nothing saved")
        d.press(.enter)
        #expect(d.m.answers["arrived"] == .date(CivilDate(iso: "2015-04-09")!), "Enter, pressed by the person, confirms")
        var typed = Drive.kinds(upTo: "arrived")
        typed.send(.paste("09042015"))
        #expect(typed.field.text == "09/04/2015", "a pasted date is written as if typed")
    }

    @Test func aPasteOnAChoiceQuestionChoosesNothing() {
        var d = Drive.kinds(upTo: "in_uk")
        d.send(.paste("yes I am in the UK\n2\n\n"))
        #expect(d.questionID == "in_uk" && d.m.answers.isEmpty && !d.field.picked)
        #expect(d.m.message?.contains("Pasted text") == true)
        var r = Drive.kinds(upTo: "reasons")
        r.send(.paste("1 2 3\n"))
        #expect(r.field.toggled.isEmpty && r.questionID == "reasons")
    }

    @Test func aPasteInTheTripListOnlyFillsTheDateBeingTyped() {
        var d = Drive.kinds(upTo: "absences")
        d.send(.paste("01/03/2019\n20/03/2019\na\nc\n"))
        #expect(d.field.ranges.isEmpty && d.field.edit == nil && d.questionID == "absences", "no trip added, nothing confirmed")
        d.press(.character("a"))
        d.send(.paste("01/03/2019\n"))
        #expect(d.field.edit?.from == "01/03/2019" && d.field.edit?.onTo == false, "the paste did not move to the next date")
    }

    @Test func aPasteIntoATextFieldDropsLineBreaks() {
        var d = Drive.kinds(upTo: "name")
        d.send(.paste("Sam\nExample\n"))
        #expect(d.field.text == "Sam Example" && d.questionID == "name")
    }

    @Test func aBurstOfKeysReadTogetherIsAPaste() {
        let keys: [Event] = "yes\n".map { $0 == "\n" ? .key(.enter) : .key(.character($0)) }
        #expect(InputBurst.coalesce(keys) == [.paste("yes\n")])
        #expect(InputBurst.coalesce([.key(.character("y")), .key(.enter)]) == [.key(.character("y")), .key(.enter)],
                "two keys are typing")
        #expect(InputBurst.coalesce([.key(.down), .key(.down), .key(.down)]) == [.key(.down), .key(.down), .key(.down)],
                "held arrows stay keys")
        let mixed: [Event] = [.key(.character("a")), .key(.character("b")), .key(.up), .key(.character("c")), .key(.enter)]
        #expect(InputBurst.coalesce(mixed) == [.paste("ab"), .key(.up), .paste("c\n")], "no Enter of a burst reaches the model")
    }

    // MARK: Backspace never navigates

    @Test func backspaceNeverLeavesAQuestion() {
        for stop in ["in_uk", "status", "reasons", "arrived", "absences"] {
            var d = Drive.kinds(upTo: stop)
            for _ in 0 ..< 40 { d.press(.backspace) }
            #expect(d.questionID == stop, "Backspace held on \(stop)")
        }
        var review = Drive.kinds(upTo: "children")
        review.press(.ctrl("r"))
        review.press(.backspace)
        #expect(review.m.page == .review, "Backspace does not leave the review")
        var outcome = Drive.kinds()
        outcome.press(.backspace)
        #expect(outcome.m.page == .outcome, "Backspace does not leave the result")
    }

    // MARK: Dates

    @Test func datesInEveryWrittenForm() {
        for (typed, iso) in [("09042015", "2015-04-09"), ("2015-04-09", "2015-04-09"), ("9 April 2015", "2015-04-09"),
                             ("9 apr 2015", "2015-04-09"), ("1 May 1990", "1990-05-01"), ("9/4/2015", "2015-04-09")] {
            var d = Drive.kinds(upTo: "arrived")
            d.type(typed)
            d.press(.enter)
            #expect(d.m.answers["arrived"] == .date(CivilDate(iso: iso)!), "\(typed): \(d.field.text) \(d.m.message ?? "")")
        }
    }

    @Test func isoDatesAreNotMangledWhileTyping() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("2020-13-01")
        #expect(d.field.text == "2020-13-01")
        #expect(d.m.message == "The month must be 01 to 12.")
        d.press(.enter)
        #expect(d.m.answers["arrived"] == nil && d.m.message == "There is no month 13. The month comes second: DD/MM/YYYY.")
    }

    @Test func lettersThatSpellNoMonthAreNotTyped() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("9 x")
        #expect(d.field.text == "9 " && d.m.message == "Please write the month in English, for example 9 April 2025.")
        d.type("Ma")
        #expect(d.field.text == "9 Ma" && d.m.message == nil)
        d.type("q")
        #expect(d.field.text == "9 Ma")
        var t = Drive.kinds(upTo: "absences")
        t.press(.character("a"))
        t.type("12/0x")
        #expect(t.field.edit?.from == "12/0", "no letters in a trip's dates either")
    }
}
