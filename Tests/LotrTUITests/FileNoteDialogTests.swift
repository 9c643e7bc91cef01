import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// The file-note dialog: a name with the case and the time, nothing replaced without asking,
/// and a failed save that leaves the dialog open with the name.
@Suite struct FileNoteDialogTests {
    @Test func theDefaultNameCarriesTheCaseAndTheTime() {
        var d = Drive.kinds()
        d.m.caseReference = "K7M-42Q"
        d.m.exportStamp = "2026-11-23-1405"
        d.press(.character("e"))
        #expect(d.m.overlay == .export(.markdown, path: "lotr-K7M-42Q-2026-11-23-1405.md"))
        d.press(.tab)
        #expect(d.m.overlay == .export(.text, path: "lotr-K7M-42Q-2026-11-23-1405.txt"))
        var unsaved = Drive.kinds()
        unsaved.press(.character("e"))
        #expect(unsaved.m.overlay == .export(.markdown, path: "lotr-2026-11-23.md"), "no case, no clock: the date alone")
    }

    @Test func anExistingFileIsReplacedOnlyWhenThePersonSaysSo() {
        var d = Drive.kinds()
        d.effects = []
        d.m.overlay = .confirmReplace(.text, path: "note.txt", fullPath: "/home/desk/note.txt")
        let s = d.screen()
        #expect(s.text.contains("There is already a file /home/desk/note.txt"), "\(s.text)")
        d.press(.character("n"))
        #expect(d.m.overlay == .export(.text, path: "note.txt"), "back to the dialog, the name kept to change")
        #expect(d.effects.isEmpty)
        d.m.overlay = .confirmReplace(.text, path: "note.txt", fullPath: "/home/desk/note.txt")
        d.press(.character("y"))
        #expect(d.effects == [.exportReplacing(.text, path: "note.txt")] && d.m.overlay == nil)
    }

    @Test func aProblemIsShownInsideTheOpenDialog() {
        var d = Drive.kinds()
        d.m.overlay = .export(.markdown, path: "/nowhere/x.md")
        d.m.message = "Could not save to /nowhere/x.md: the folder does not exist"
        d.m.messageIsError = true
        let s = d.screen()
        let dialogRows = s.lines.filter { $0.contains("│") }.joined()
        #expect(dialogRows.contains("the folder does not exist"), "\(s.text)")
        #expect(dialogRows.contains("/nowhere/x.md"))
    }
}
