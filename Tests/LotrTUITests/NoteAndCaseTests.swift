import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

@Test func adviserNoteIsWrittenSavedAndShown() {
    var d = Drive.kinds(upTo: "status")
    d.press(.character("n"))
    #expect(d.m.overlay == .note(question: "status", text: ""))
    #expect(d.screen().text.contains("Adviser note"))
    d.type("Client unsure; check BRP")
    d.press(.enter)
    #expect(d.m.notes["status"] == "Client unsure; check BRP")
    #expect(d.effects.contains(.saveNote("status")))
    #expect(d.m.overlay == nil && d.questionID == "status", "the note does not answer the question")
    #expect(d.screen().lines[0].contains("✎"), "a question with a note is marked in the header")
    // An empty note removes it.
    d.press(.ctrl("n"), .ctrl("u"), .enter)
    #expect(d.m.notes["status"] == nil)
    // Esc cancels without saving.
    d.press(.function(2)); d.type("draft"); d.press(.escape)
    #expect(d.m.notes["status"] == nil && d.m.overlay == nil)
}

@Test func onYesNoQuestionsNStillMeansNo() {
    var d = Drive.kinds(upTo: "in_uk")
    d.press(.character("n"))
    #expect(d.m.overlay == nil && d.field.cursor == 1)
    d.press(.ctrl("n"))
    #expect(d.m.overlay == .note(question: "in_uk", text: ""))
}

@Test func caseReferenceIsShownAndForgottenOnANewCase() {
    var d = Drive.kinds(upTo: "status")
    d.m.caseReference = "K7M-42Q"
    d.m.notes["in_uk"] = "note"
    #expect(d.screen().lines[0].contains("Case K7M-42Q"))
    d.m.startNewCase()
    #expect(d.m.caseReference == nil && d.m.notes.isEmpty)
}

@Test func theModelLearnsTheWindowSizeBeforeTheFirstFrame() {
    final class Device: TerminalDevice {
        var size = Size(rows: 30, cols: 100)
        var painted: [Screen] = []
        func paint(_ s: Screen) { painted.append(s) }
        func invalidate() {}
        func nextEvent(timeoutMilliseconds: Int?) -> Event { .terminate }
    }
    let device = Device()
    let final = runApp(on: device, initial: InterviewModel(flows: InterviewFixtures.small, today: InterviewFixtures.today),
                       update: InterviewModel.update, view: InterviewView.render)
    #expect(final.viewSize == Size(rows: 30, cols: 100))
}
