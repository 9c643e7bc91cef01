import LotrEngine
import LotrFlow
import LotrPlain
import Testing

@Test func reachesAnOutcomeAndPrintsThePlainReport() {
    let run = play(Flows.fixture, ["1", "2", "add", "01/01/2025", "05/01/2025", "done", "quit"])
    let s = run.script
    #expect(run.exit == .outcome, "\(s.text)")
    #expect(s.inOrder("Stage 1 of 2: Rules route", "Question 1: Are you in the UK?", "Type 1 for Yes or 2 for No, ? for help:",
                      "Question 2: What is your status?", "  1. Worker", "  3. Visitor", "Type a number from 1 to 3, ? for help:",
                      "Question 3: When were you away?", "Result", "Apply on form A", "Evidence checklist",
                      "Type new to start again"), "\(s.text)")
    #expect(run.session.answers["status"] == .option("student"))
    #expect(run.session.answers["absences"] == .ranges([DateRange(from: date("2025-01-01"), to: date("2025-01-05"))]))
    // The report is the engine's plain text, line for line.
    let assessment = Engine.assess(Flows.fixture, answers: run.session.answers, today: day)
    let report = Report(flows: Flows.fixture, assessment: assessment, answers: run.session.answers).text(spoken: true)
    #expect(s.text.contains(report.dropLast()), "the whole report is printed")
    // No cursor movement, colour or box drawing: nothing but printable text.
    #expect(!s.transcript.contains { $0.unicodeScalars.contains { $0.value < 0x20 || (0x2500...0x259F).contains($0.value) } })
    #expect(s.prompts.allSatisfy { $0.hasPrefix("Type ") && $0.hasSuffix(":") }, "every prompt says what to type: \(s.prompts)")
}

@Test func acceptsWordsAndOptionIdsAndNamesTheStageWhenItChanges() {
    let run = play(Flows.fixture, ["y", "Visitor", "no"])
    let s = run.script
    #expect(run.session.answers == ["in_uk": .bool(true), "status": .option("visitor"), "crisis": .bool(false)])
    #expect(s.inOrder("Stage 1 of 2: Rules route", "Stage 2 of 2: Compassionate grounds", "Question 3: Did a crisis happen?"))
    #expect(s.transcript.filter { $0.hasPrefix("Stage ") }.count == 2, "each stage is named once")
    #expect(run.exit == .outcome && s.text.contains("No route fits"))
}

@Test func rejectsAnswersThatAreNotOptionsAndAsksAgain() {
    let run = play(Flows.fixture, ["maybe", "", "1", "7", "pilot", "1"])
    let s = run.script
    #expect(s.inOrder("> maybe", "Please type 1 for Yes or 2 for No.", "Type 1 for Yes or 2 for No, ? for help:",
                      "> ", "Please type 1 for Yes or 2 for No."))
    #expect(s.inOrder("> 7", "There is no option 7. Type a number from 1 to 3.", "Type a number from 1 to 3",
                      "> pilot", "\"pilot\" is not one of the options. Type a number from 1 to 3."))
    #expect(run.session.answers == ["in_uk": .bool(true), "status": .option("worker")])
}

@Test func badDateGivesTheFullScreenMessageAndAsksAgain() throws {
    let run = play(Flows.kinds, ["31/04/2025", "01/12/2026", "2025-13-01", "09/04/2025"])
    let s = run.script
    let q = try #require(Flows.kinds.questions["arrived"])
    func message(_ text: String) -> String {
        if case .failure(let p) = TypedInput.date(text, for: q, today: day) { return p.message }
        return "accepted"
    }
    #expect(message("31/04/2025") == "April 2025 has 30 days, so day 31 does not exist.")
    #expect(s.inOrder("> 31/04/2025", message("31/04/2025"), "Type a date as DD/MM/YYYY (or 2025-04-09, or 9 April 2025), ? for help:",
                      "> 01/12/2026", message("01/12/2026"), "Type a date as DD/MM/YYYY",
                      "> 2025-13-01", message("2025-13-01"), "Type a date as DD/MM/YYYY", "> 09/04/2025",
                      "Question 2: List your trips abroad."), "\(s.text)")
    #expect(run.session.answers["arrived"] == .date(date("2025-04-09")))
}

@Test func backShowsThePreviousQuestionWithItsAnswerAndEnterKeepsIt() {
    let run = play(Flows.fixture, ["back", "1", "1", "back", "", "back", "back", "back", "2"])
    let s = run.script
    #expect(s.inOrder("> back", "This is the first question; there is nothing before it.", "Question 1: Are you in the UK?"))
    // From the absences question back to status: the old answer is the default.
    #expect(s.inOrder("Question 3: When were you away?", "> back", "Question 2: What is your status?",
                      "Your answer was: Worker.", "Type a number from 1 to 3, Enter to keep your answer, ? for help:",
                      "> ", "Question 3: When were you away?"), "\(s.text)")
    // Back twice more reaches question 1; changing it to No steps on to the new path.
    #expect(s.inOrder("> back", "> back", "Question 1: Are you in the UK?", "Your answer was: Yes.", "> 2",
                      "Stage 2 of 2", "Question 2: Did a crisis happen?"), "\(s.text)")
    #expect(run.session.answers == ["in_uk": .bool(false), "status": .option("worker")],
            "the status answer, now off the path, is kept")
    #expect(run.exit == .incomplete)
}

@Test func backStepsForwardThroughLaterAnswersShowingEach() {
    // Outcome, then back to absences, back to status, keep it: absences comes next with its list.
    let run = play(Flows.fixture, ["1", "1", "add 01/01/2025 05/01/2025", "done", "back", "back", "", "", "quit"])
    let s = run.script
    #expect(s.inOrder("Apply on form A", "> back", "Question 3: When were you away?", "> back", "Question 2: What is your status?",
                      "> ", "Question 3: When were you away?", "The list has 1 entry:", "  1. 1 January 2025 to 5 January 2025",
                      "Enter to keep the list", "> ", "Apply on form A"), "\(s.text)")
    #expect(run.exit == .outcome)
}

@Test func reviewChangesAnAnswerAndKeepsLaterAnswersStillOnThePath() {
    let run = play(Flows.fixture, [
        "1", "worker", "add 01/01/2025 05/01/2025", "done",
        // Worker → student: the absences answer is still on the path and is not asked again.
        "review", "2", "student",
        // Yes → No: status and absences leave the path, crisis is asked.
        "review", "1", "2", "1",
        "review", "",
        // No → Yes again: status and absences come back with their answers; crisis leaves.
        "review", "1", "1",
        "quit",
    ])
    let s = run.script
    let firstReview = s.line(containing: "> review")!
    #expect(s.inOrder("Your answers so far:", "  1. Are you in the UK? Answer: Yes.", "  2. What is your status? Answer: Worker.",
                      "  3. When were you away? Answer: 1 January 2025 to 5 January 2025.",
                      "Type the number of an answer to change it, or press Enter to go on:"), "\(s.text)")
    let changed = s.line(containing: "Answer changed.", after: firstReview)!
    #expect(s.line(containing: "Result", after: changed)! < (s.line(containing: "Question", after: changed) ?? Int.max),
            "changing status went straight back to the outcome")
    #expect(s.inOrder("> review", "> 1", "> 2", "Answer changed.", "Question 2: Did a crisis happen?", "> 1", "No route fits"))
    // The review after the change lists only the answers on the path.
    let secondList = s.line(containing: "Your answers so far:", after: s.line(containing: "No route fits")!)!
    #expect(s.transcript[secondList + 1] == "  1. Are you in the UK? Answer: No.")
    #expect(s.transcript[secondList + 2] == "  2. Did a crisis happen? Answer: Yes.")
    #expect(!s.transcript[secondList + 3].hasPrefix("  3."))
    // Changing back restores the kept answers: straight to the first outcome again.
    let last = s.transcript.lastIndex { $0.contains("Answer changed.") }!
    #expect(s.line(containing: "Apply on form A", after: last) != nil)
    #expect(s.line(containing: "Question", after: last) == nil, "nothing was asked again")
    #expect(run.session.answers.count == 4, "off-path answers stay in the dictionary")
    #expect(run.session.answers["status"] == .option("student"))
    #expect(run.exit == .outcome)
}

@Test func reviewWithoutAnswersAndWithABadNumber() {
    let run = play(Flows.fixture, ["review", "1", "review", "5", "", "quit"])
    let s = run.script
    #expect(s.inOrder("> review", "You have not answered any questions yet.", "Question 1: Are you in the UK?"))
    #expect(s.inOrder("> review", "  1. Are you in the UK? Answer: Yes.", "> 5",
                      "There is one answer: type 1 to change it, or press Enter to go on.", "> ", "Question 2: What is your status?"))
}

@Test func helpShowsHelpWhyAndGlossaryTerms() {
    let run = play(Flows.kinds, ["?"])
    let s = run.script
    #expect(s.inOrder("> ?", "Help: The day you first came to the UK.", "Why we ask: The qualifying period starts then.",
                      "Words used here:", "  leave: Permission to be in the UK.", "Source: Test rules, 1", "You can also type back",
                      "Type a date as DD/MM/YYYY (or 2025-04-09, or 9 April 2025), ? for help:"), "\(s.text)")
    let fixture = play(Flows.fixture, ["help"]).script
    #expect(fixture.inOrder("> help", "Words used here:", "  leave: Permission to be in the UK."))
    #expect(!fixture.text.contains("Help:"), "no help line when the question has none")
}

@Test func dateRangeDialogueWithRunningTotals() throws {
    let run = play(Flows.kinds, [
        "09/04/2020",
        "add", "01/05/2024", "05/05/2024",
        "add 10/06/2024 20/06/2024",
        "add 04/05/2024 06/05/2024",
        "add", "05/05/2025", "01/05/2025", "cancel",
        "add", "01/01/2027",
        "cancel",
        "list",
        "delete 5",
        "delete 1",
        "jump",
        "done",
    ])
    let s = run.script
    let trips = [DateRange(from: date("2024-05-01"), to: date("2024-05-05")), DateRange(from: date("2024-06-10"), to: date("2024-06-20"))]
    #expect(Calculations.totalDays(trips) == 12 && Calculations.maxDaysInAny12Months(trips) == 12)
    #expect(s.transcript[s.line(containing: "The list is empty.")! + 1].hasPrefix("Type add"), "no totals for an empty list")
    #expect(s.inOrder("Question 2: List your trips abroad.", "The list is empty.",
                      "Type add to add a trip abroad, list, delete and a number, or done when the list is complete, ? for help:",
                      "> add", "Type the day you left the UK as DD/MM/YYYY, or cancel:", "> 01/05/2024",
                      "Type the day you came back as DD/MM/YYYY, or cancel:", "> 05/05/2024",
                      "Added: 1 May 2024 to 5 May 2024: 3 whole days.", "Total so far: 3 whole days. Most in any 12 months: 3 days.",
                      "> add 10/06/2024", "Added: 10 June 2024 to 20 June 2024: 9 whole days.",
                      "Total so far: 12 whole days. Most in any 12 months: 12 days."), "\(s.text)")
    #expect(s.inOrder("> add 04/05/2024 06/05/2024",
                      "Not added: it overlaps entry 1, 1 May 2024 to 5 May 2024. Check the dates: one cannot start before the other ends."))
    #expect(s.inOrder("> 01/05/2025", "The day you came back is before the day you left the UK (5 May 2025).",
                      "Type the day you came back", "> cancel", "Nothing added."))
    #expect(s.inOrder("> 01/01/2027", "This date is in the future; it must be today or earlier.", "Type the day you left the UK"))
    #expect(s.inOrder("> list", "The list has 2 entries:", "  1. 1 May 2024 to 5 May 2024: 3 whole days.".dropLast().description,
                      "  2. 10 June 2024 to 20 June 2024: 9 whole days", "Total so far: 12 whole days."))
    #expect(s.inOrder("> delete 5", "There is no entry 5; the list has 2.", "> delete 1", "Deleted 1 May 2024 to 5 May 2024.",
                      "Total so far: 9 whole days. Most in any 12 months: 9 days."))
    #expect(s.inOrder("> jump", "That is not something this list understands."))
    #expect(run.session.answers["trips"] == .ranges([trips[1]]))
    #expect(s.inOrder("> done", "Question 3: How many children do you have?"))
}

@Test func emptyRangeListIsAnAnswerAndEnterKeepsAnOldList() {
    let run = play(Flows.fixture, ["1", "1", "", "done", "back", "add 01/02/2025 03/02/2025", ""])
    let s = run.script
    #expect(s.inOrder("> ", "Type add to add an absence, or done if there is nothing to add.", "> done"))
    #expect(s.inOrder("> back", "Question 3: When were you away?", "The list is empty.", "Enter to keep the list",
                      "Added: 1 February 2025 to 3 February 2025."))
    #expect(run.session.answers["absences"] == .ranges([DateRange(from: date("2025-02-01"), to: date("2025-02-03"))]),
            "Enter finishes a list that had an answer")
}

@Test func numbersMoneyMultipleChoiceAndText() throws {
    let prefill: Answers = ["arrived": .date(date("2020-04-09")), "trips": .ranges([])]
    let run = play(Flows.kinds, [
        "", "three", "21", "2",
        "12.345", "£1,258.50",
        "5", "1 none", "", "?", "3, 1",
        "", "Ada Lovelace",
        "none",
        "quit",
    ], answers: prefill)
    let s = run.script
    let children = try #require(Flows.kinds.questions["children"])
    let savings = try #require(Flows.kinds.questions["savings"])
    func problem<T>(_ r: Result<T, AnswerProblem>) -> String { if case .failure(let p) = r { return p.message }; return "accepted" }
    #expect(s.inOrder("Question 3: How many children do you have?", "Type a whole number of children from 0 to 20, ? for help:",
                      "> ", problem(TypedInput.number("", for: children, today: day)),
                      "> three", problem(TypedInput.number("three", for: children, today: day)),
                      "> 21", problem(TypedInput.number("21", for: children, today: day)), "> 2"), "\(s.text)")
    #expect(s.inOrder("Type an amount in pounds, for example 1258.50, ? for help:",
                      "> 12.345", problem(TypedInput.money("12.345", for: savings, today: day)), "> £1,258.50"))
    #expect(s.inOrder("Question 5: Which of these apply?", "  1. Illness", "  3. Work",
                      "Type the numbers of all that apply, such as 1 3, or none, ? for help:",
                      "> 5", "There is no option 5. Type a number from 1 to 4.", "> 1 none", "Type none on its own",
                      "> ", "Please type the numbers of all that apply", "> ?", "About the options:", "  1. Illness: Your own serious illness."))
    #expect(s.inOrder("Type your answer in up to 20 characters, ? for help:", "> ", "Please type an answer.", "> Ada Lovelace", "Question 7: Which pets do you have?", "> none", "All answered"))
    #expect(run.session.answers["children"] == .number(2))
    #expect(run.session.answers["savings"] == .money(125850))
    #expect(run.session.answers["reasons"] == .options(["ill", "work"]), "in the question's order")
    #expect(run.session.answers["name"] == .text("Ada Lovelace"))
    #expect(run.session.answers["pets"] == .options([]), "none with no such option is the empty set")
    #expect(run.exit == .outcome)
}

@Test func noneChoosesTheFlowsOwnNoneOption() {
    let prefill: Answers = ["arrived": .date(date("2020-04-09")), "trips": .ranges([]), "children": .number(0), "savings": .money(0)]
    let run = play(Flows.kinds, ["NONE"], answers: prefill)
    #expect(run.session.answers["reasons"] == .options(["none"]))
    #expect(run.script.text.contains("Question 6: What is your name?"))
}

@Test func endOfInputStopsWithStatusThreeBeforeAnOutcome() {
    let run = play(Flows.fixture, ["1"])
    #expect(run.exit == .incomplete && run.exit.rawValue == 3)
    #expect(run.script.reachedEnd)
    #expect(run.script.transcript.last == "Input ended before an outcome: the answers are incomplete.")
    let midList = play(Flows.fixture, ["1", "1", "add", "01/01/2025"])
    #expect(midList.exit == .incomplete, "input ending inside the list dialogue")
    let inReview = play(Flows.fixture, ["1", "review"])
    #expect(inReview.exit == .incomplete)
    let empty = play(Flows.fixture, [])
    #expect(empty.exit == .incomplete)
}

@Test func endOfInputAfterAnOutcomeIsSuccess() {
    let run = play(Flows.fixture, ["2", "1"])
    #expect(run.exit == .outcome && run.exit.rawValue == 0)
    #expect(run.script.reachedEnd)
    #expect(!run.script.text.contains("incomplete"))
    let script = Script(["2", "1"])
    #expect(runPlainMode(flows: Flows.fixture, today: day, input: script, output: script) == 0)
    let short = Script(["2"])
    #expect(runPlainMode(flows: Flows.fixture, today: day, input: short, output: short) == 3)
}

@Test func quitStopsAtOnce() {
    let early = play(Flows.fixture, ["1", "quit", "1"])
    #expect(early.exit == .incomplete)
    #expect(early.script.pending == ["1"], "nothing is read after quit")
    #expect(early.script.transcript.last == "Stopped before an outcome: the answers are incomplete.")
    let late = play(Flows.fixture, ["2", "1", "QUIT", "new"])
    #expect(late.exit == .outcome && late.script.pending == ["new"])
    let inList = play(Flows.fixture, ["1", "1", "add", "quit", "1"])
    #expect(inList.exit == .incomplete && inList.script.pending == ["1"])
}

@Test func newStartsAgainWithNoAnswers() {
    let run = play(Flows.fixture, ["2", "1", "new", "1"])
    let s = run.script
    #expect(s.inOrder("No route fits", "> new", "Starting again. The previous answers have been cleared.",
                      "Stage 1 of 2: Rules route", "Question 1: Are you in the UK?"))
    #expect(run.session.answers == ["in_uk": .bool(true)])
    #expect(run.exit == .incomplete, "the new interview is not finished")
}

/// The engine's rules hold in the line mode too: dates in each written form, and
/// "None of these" only on its own.
@Test func plainModeTakesWrittenDatesAndKeepsNoneAlone() {
    for (typed, iso) in [("2015-04-09", "2015-04-09"), ("9 April 2015", "2015-04-09"), ("1 May 1990", "1990-05-01")] {
        let run = play(Flows.kinds, [typed, "quit"])
        #expect(run.session.answers["arrived"] == .date(CivilDate(iso: iso)!), "\(typed): \(run.script.text.suffix(400))")
    }
    let run = play(Flows.kinds, ["09/04/2015", "done", "2", "1500", "1 4", "", "none", "quit"])
    #expect(run.script.inOrder("> 1 4", "Type none on its own, or only the numbers that apply.",
                               "> ", "Please type the numbers of all that apply", "> none"), "\(run.script.text.suffix(800))")
    #expect(run.session.answers["reasons"] == .options(["none"]))
}

/// The plain result says why each stage does not fit and when to act (issue 13).
@Test func plainResultSaysWhyNotForEveryStageAndTheDates() {
    let run = play(Flows.fixture, ["1", "1", "add", "01/01/2025", "10/08/2025", "done", "2", "quit"])
    let s = run.script
    #expect(run.exit == .outcome, "\(s.text)")
    #expect(s.inOrder("Result", "No route fits", "Dates that matter", "10 August 2026: From this day no 12-month window holds your last trip",
                      "Routes checked", "Rules route: does not fit", "220 days away in 12 months; the limit is 180.",
                      "Source: Test rules, 3", "Compassionate grounds: does not fit", "No crisis, so no compassionate grounds."), "\(s.text)")
}
