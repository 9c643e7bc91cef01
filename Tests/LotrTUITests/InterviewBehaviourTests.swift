import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

private func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

@Suite struct InterviewDateEntryTests {
    @Test func slashesArePutInAndTypedOnesAreKept() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("09042015")
        #expect(d.field.text == "09/04/2015")
        d.press(.ctrl("u"))
        d.type("09/04/2015")
        #expect(d.field.text == "09/04/2015", "typing the slashes gives the same text")
        d.press(.ctrl("u"))
        d.type("9/4/2015")
        #expect(d.field.text == "9/4/2015")
        d.press(.enter)
        #expect(d.m.answers["arrived"] == .date(day("2015-04-09")))
    }

    @Test func fieldStopsAtItsLength() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("09042015123456789012345")
        #expect(d.field.text.count == InterviewModel.dateFieldLength)
    }

    @Test func problemsShowWhileTyping() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("3")
        #expect(d.m.message == nil)
        d.type("2")
        #expect(d.m.message == "The day must be 01 to 31." && d.m.messageIsError)
        d.press(.backspace)
        #expect(d.m.message == nil, "fixing the text clears the message")
        d.type("1/13")
        #expect(d.field.text == "31/13" && d.m.message == "The month must be 01 to 12.")
        d.press(.ctrl("u"))
        #expect(d.m.message == nil)
        d.type("a")
        #expect(d.m.message == "Please type the day first, for example 9 April 2025.")
        #expect(d.field.text == "", "a letter that cannot be part of a date is not typed")
    }

    @Test func impossibleDateIsExplainedAtOnceAndRefused() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("29022025")
        #expect(d.m.message == "February 2025 has 28 days, so day 29 does not exist.")
        d.press(.enter)
        #expect(d.questionID == "arrived" && d.m.answers["arrived"] == nil)
        d.press(.ctrl("u"))
        d.answer("29022024")
        #expect(d.m.answers["arrived"] == .date(day("2024-02-29")), "a leap day exists")
    }

    @Test func futureDateIsRefusedWhereItMustBePast() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("24112026")
        #expect(d.m.message == "This date is in the future; it must be today or earlier.")
        d.press(.enter)
        #expect(d.questionID == "arrived" && d.m.messageIsError)
        for _ in 0 ..< 10 { d.press(.backspace) }
        #expect(d.field.text == "" && d.m.message == nil && d.questionID == "arrived")
        d.answer("23/11/2026")
        #expect(d.m.answers["arrived"] == .date(day("2026-11-23")), "today counts as past")
    }

    @Test func incompleteDateExplainedOnEnter() {
        var d = Drive.kinds(upTo: "arrived")
        d.answer("09/04/15")
        #expect(d.m.message == "Please type the year with four digits, for example 2025.")
        #expect(d.questionID == "arrived")
    }
}

@Suite struct InterviewNavigationTests {
    @Test func backKeepsEveryEarlierAnswer() {
        var d = Drive.kinds(upTo: "absences")
        let expected: [(String, (FieldState) -> Bool)] = [
            ("name", { $0.text == "Sam Example" }),
            ("savings", { $0.text == "1500.50" }),
            ("children", { $0.text == "2" }),
            ("arrived", { $0.text == "09/04/2015" }),
            ("reasons", { $0.toggled == [0] }),
            ("status", { $0.cursor == 0 }),
            ("in_uk", { $0.cursor == 0 }),
        ]
        for (id, check) in expected {
            d.press(.escape)
            #expect(d.questionID == id)
            #expect(check(d.field), "\(id) shows its earlier answer")
        }
        // Walking forward again with Enter keeps every answer.
        d.press(.enter, .enter, .enter, .enter, .enter, .enter, .enter)
        #expect(d.questionID == "absences")
        #expect(d.m.answers.count == 7)
    }

    @Test func halfTypedTextSurvivesGoingBackAndHelp() {
        var d = Drive.kinds(upTo: "children")
        d.type("1")
        d.press(.character("?"))
        d.press(.escape)
        #expect(d.field.text == "1")
        d.press(.ctrl("u"))
        d.type("3")
        d.press(.ctrl("r"), .escape)
        #expect(d.field.text == "3")
    }

    @Test func changingAnAnswerFromReviewReturnsThereAndKeepsLaterAnswers() {
        var d = Drive.kinds()
        d.press(.character("r"), .home, .down, .enter)
        #expect(d.questionID == "status")
        d.press(.character("2"), .enter)
        #expect(d.m.page == .review, "every later answer still applies, so back to the review")
        #expect(d.m.reviewRow == 1)
        #expect(d.m.answers["status"] == .option("student"))
        #expect(d.m.assessment.path.count == 8 && d.m.assessment.outcome != nil)
        d.press(.escape)
        #expect(d.m.page == .outcome)
    }

    @Test func changingAnAnswerDropsOnlyWhatNoLongerApplies() {
        var d = Drive.kinds()
        d.press(.character("r"), .home, .enter)
        #expect(d.questionID == "in_uk")
        d.press(.character("n"), .enter)
        let a = d.m.assessment
        #expect(a.path == ["in_uk", "reasons", "arrived", "children", "savings", "name", "absences"], "status is no longer asked")
        #expect(Engine.answersOnPath(d.m.flows, answers: d.m.answers, today: d.m.today).map(\.0).contains("status") == false)
        #expect(d.m.page == .review)
        #expect(InterviewView.render(d.m, size80x24).find("What kind of visa") == nil, "the review no longer lists it")
        #expect(InterviewView.render(d.m, size80x24).find("Sam Example") != nil)
    }

    @Test func aChangeThatOpensANewQuestionAsksItThenReturns() {
        var d = Drive.kinds(upTo: "in_uk")
        d.press(.character("n"), .enter)
        #expect(d.questionID == "reasons")
        d.press(.character(" "), .enter)
        d.answer("09042015"); d.answer("0"); d.answer("0"); d.answer("Sam")
        d.press(.character("c"))
        #expect(d.m.page == .outcome)
        d.press(.character("r"), .home, .enter, .character("y"), .enter)
        #expect(d.questionID == "status", "Yes opens a question not answered before")
        d.press(.character("3"), .enter)
        #expect(d.m.page == .review)
        #expect(d.m.assessment.path.count == 8)
    }

    @Test func escOnAQuestionOpenedFromReviewReturnsUnchanged() {
        var d = Drive.kinds()
        d.press(.character("r"), .home, .down, .down, .down, .enter)
        #expect(d.questionID == "arrived")
        d.press(.backspace)
        d.press(.escape)
        #expect(d.m.page == .review && d.m.reviewRow == 3)
        #expect(d.m.answers["arrived"] == .date(day("2015-04-09")))
        d.press(.enter)
        #expect(d.field.text == "09/04/2015", "the unconfirmed edit was dropped")
    }

    @Test func reviewReturnsToTheQuestionItWasOpenedFrom() {
        var d = Drive.kinds(upTo: "savings")
        d.type("12")
        d.press(.character("r"))
        #expect(d.m.page == .review)
        d.press(.character("q"))
        #expect(d.questionID == "savings" && d.field.text == "12")
    }
}

@Suite struct InterviewLayoutTests {
    @Test func resizeKeepsTypingAndRelaysOut() {
        var d = Drive.kinds(upTo: "arrived")
        d.type("09/04/20")
        let before = d.m.fields
        for size in [Size(rows: 24, cols: 80), Size(rows: 30, cols: 100), Size(rows: 18, cols: 60)] {
            d.send(.resize(rows: size.rows, cols: size.cols))
            #expect(d.m.fields == before, "a resize changes no field")
            let s = d.screen(size)
            #expect(s.size == size)
            #expect(s.find("Date (DD/MM/YYYY): 09/04/20") != nil, "typed text shown at \(size)")
            #expect(s.find("When did you first arrive in the UK?") != nil)
            expectWellFormed(s)
            let field = s.find("09/04/20")!
            #expect(s.cursor == Position(row: field.row, col: field.col + 8), "the cursor follows the text at \(size)")
        }
        d.type("15")
        d.press(.enter)
        #expect(d.m.answers["arrived"] == .date(day("2015-04-09")))
    }

    @Test func longQuestionWrapsAtEverySize() {
        var d = Drive.kinds(upTo: "reasons")
        d.press(.character(" "))
        for size in [Size(rows: 24, cols: 80), Size(rows: 30, cols: 100), Size(rows: 18, cols: 60)] {
            let s = d.screen(size)
            expectWellFormed(s)
            #expect(s.find("[x] 1. My family is here") != nil)
            #expect(s.find("Why do you want to stay") != nil)
        }
    }

    @Test func chineseTextWrapsByDisplayWidth() {
        var flows = InterviewFixtures.kinds
        flows.questions["reasons"]!.text = LocalizedText(["en": "Why?", "zh-Hant": InterviewFixtures.chineseQuestion])
        var d = Drive(flows, language: "zh-Hant")
        d.press(.enter, .character("y"), .enter, .character("1"), .enter)
        for size in [Size(rows: 24, cols: 80), Size(rows: 18, cols: 60), Size(rows: 30, cols: 101)] {
            let s = d.screen(size)
            expectWellFormed(s)
            let body = s.lines[3 ..< 8].map { $0.trimmingPrefixSpaces }.joined()
            #expect(body.hasPrefix(InterviewFixtures.chineseQuestion), "all of the question, in order, at \(size)")
            for line in s.lines[3 ..< 5] { #expect(DisplayWidth.of(line) <= size.cols - 2, "stays inside the margin at \(size)") }
        }
    }

    @Test func goldenScreensAreWellFormed() {
        var screens = [Drive(InterviewFixtures.kinds).screen()]
        for stop in ["in_uk", "status", "reasons", "arrived", "children", "savings", "name", "absences"] {
            screens.append(Drive.kinds(upTo: stop).screen())
        }
        var d = Drive.kinds()
        screens.append(d.screen())
        d.press(.character("?")); screens.append(d.screen())
        d.press(.escape, .character("e")); screens.append(d.screen())
        for s in screens { expectWellFormed(s) }
        // The same models at other sizes: overlays and scrolled pages stay inside the grid.
        for size in [Size(rows: 18, cols: 60), Size(rows: 30, cols: 100)] {
            var o = Drive.kinds()
            o.send(.resize(rows: size.rows, cols: size.cols))
            o.press(.pageDown)
            expectWellFormed(o.screen(size))
            o.press(.character("e"))
            expectWellFormed(o.screen(size))
            o.press(.escape, .character("?"))
            expectWellFormed(o.screen(size))
        }
    }
}

@Suite struct InterviewRoleTests {
    @Test func glossaryTermIsUnderlinedAndExplained() {
        let s = Drive.kinds(upTo: "in_uk").screen()
        #expect(s.styledText.contains("⟨term+b+u⟩leave⟨/⟩"))
        #expect(s.find("Underlined words are explained in help (?).") != nil)
    }

    @Test func noteOnlyWhenATermOccursInTheText() {
        // `arrived` lists the term "leave", but its text does not use the word.
        let s = Drive.kinds(upTo: "arrived").screen()
        #expect(!s.styledText.contains("⟨term"))
        #expect(s.find("Underlined words") == nil)
        let none = Drive.kinds(upTo: "children").screen()
        #expect(none.find("Underlined words") == nil, "no terms, no note")
    }

    @Test func helpExplainsTheTerm() {
        var d = Drive.kinds(upTo: "in_uk")
        d.press(.function(1))
        let s = d.screen()
        #expect(s.find("leave: Permission to be in the UK.") != nil)
        #expect(s.styledText.contains("⟨term⟩leave: Permission"))
    }

    @Test func meaningIsCarriedByRoles() {
        var d = Drive.kinds(upTo: "status")
        var s = d.screen()
        #expect(!s.styledText.contains("⟨selected+r⟩"), "nothing is highlighted before the person chooses")
        d.press(.character("1"))
        s = d.screen()
        #expect(s.styledText.contains("⟨selected+r⟩▸ (•) 1. A work visa"), "the highlighted option")
        #expect(s.styledText.contains("⟨highlight+b⟩[1 Rules route]⟨/⟩"), "the current stage")
        #expect(s.styledText.contains("⟨dim⟩↑↓ or 1-4 choose"), "key hints")
        d = Drive.kinds(upTo: "arrived")
        d.type("32")
        s = d.screen()
        #expect(s.styledText.contains("⟨error⟩The day must be 01 to 31.⟨/⟩"), "a problem is an error")
        d = Drive.kinds()
        d.press(.character(" "))
        s = d.screen()
        #expect(s.styledText.contains("⟨selected+r⟩[x] Your passport"), "the chosen checklist item, ticked")
        #expect(s.styledText.contains("⟨accent+b⟩Form: FORM(K)"), "the form")
    }
}

extension String {
    var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
