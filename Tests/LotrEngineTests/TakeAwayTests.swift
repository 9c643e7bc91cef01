import LotrEngine
import LotrFlow
import Testing

/// What a kiosk prints to take away: the form, fees and checklist, nothing of the answers.
@Test func theTakeAwayHasTheFormAndChecklistButNotTheReasons() {
    let flows = FixtureFlows.flows
    let answers: Answers = ["in_uk": .bool(true), "status": .option("worker"),
                            "absences": trips([("2025-01-01", "2025-01-05"), ("2025-03-01", "2025-03-09"), ("2025-06-01", "2025-06-02")])]
    let assessment = Engine.assess(flows, answers: answers, today: day)
    let report = Report(flows: flows, assessment: assessment, answers: answers)
    let full = report.text(), takeAway = report.takeAway()
    #expect(full.contains("You were away") && full.contains("Many trips."), "the full text has the reasons and warnings")
    #expect(!takeAway.contains("You were away") && !takeAway.contains("Many trips."), "\(takeAway)")
    #expect(takeAway.contains("Apply on form A") && takeAway.contains("FORM(A)"))
    for item in assessment.outcome!.checklist { #expect(takeAway.contains(item.text)) }
    #expect(takeAway.contains("This is information, not legal advice"))
}

/// The plain mode's reading of the result: words, not capitals, underlines or boxes.
@Test func theSpokenReportMarksEachItemInWords() {
    let flows = FixtureFlows.flows
    let answers: Answers = ["in_uk": .bool(true), "status": .option("worker"), "absences": trips([("2025-01-01", "2025-01-05")])]
    let report = Report(flows: flows, assessment: Engine.assess(flows, answers: answers, today: day), answers: answers)
    let spoken = report.text(spoken: true, ticks: ["passport"])
    #expect(spoken.hasPrefix("Apply on form A\n") && !spoken.contains("====") && !spoken.contains("[ ]"))
    #expect(spoken.contains("  1. ") && spoken.contains("(gathered)") && spoken.contains("(not yet gathered)"))
    #expect(report.text().hasPrefix("APPLY ON FORM A\n===="), "the printed text is unchanged")
}
