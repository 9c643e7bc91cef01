import Foundation
import Testing

/// From the result screen, `e` saves a file note through the real program.
@Suite(.serialized) struct ExportEndToEndTests {
    @Test func exportWritesAPrivateFileNote() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let script = "cd '\(data)' && XDG_DATA_HOME='\(data)' '\(CLI.binary)' --flows '\(E2E.flows)' --today 2026-11-23; echo EXITED; sleep 60"
        let t = try TmuxSession(script: script)
        try E2E.answerUpToArrived(t)
        try t.type("09042015")
        try t.keys("Enter")
        try E2E.answerFromChildren(t)
        try t.waitFor("Evidence checklist")
        try t.keys("Space")  // tick the first item
        try t.keys("e")
        try t.waitFor("Save a file note")
        try t.keys("Tab")  // markdown → text
        try t.keys("Enter")
        let saved = try t.waitFor("Saved the file note to")
        let names = try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasPrefix("lotr-") && $0.hasSuffix(".txt") }
        let name = try #require(names.first, "a text file note in \(data): \(names)")
        // lotr-<case>-<date>-<time>.txt
        #expect(name.range(of: #"^lotr-[A-Z0-9]{3}-[A-Z0-9]{3}-\d{4}-\d{2}-\d{2}-\d{4}\.txt$"#, options: .regularExpression) != nil, Comment(rawValue: name))
        let path = data + "/" + name
        #expect(saved.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
                    .contains(path.replacingOccurrences(of: " ", with: "")), "the message gives the full path")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("FILE NOTE: CASE "))
        #expect(text.contains("[x] "), "the tick is in the note")
        #expect(text.contains("Sam"), "the answers are in the note")
        #expect(text.contains("Started") || text.contains("started"), "the same started/updated fields as `lotr sessions export`")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The same name again: asked before replacing; n goes back to the dialog with the name.
        try t.keys("e")
        try t.waitFor("Save a file note")
        try t.keys("C-u")
        try t.type(name)
        try t.keys("Enter")
        try t.waitFor("There is already a file")
        try t.keys("n")
        try t.waitFor("Save a file note")
        // A folder that does not exist: the dialog stays open with the reason.
        try t.keys("C-u")
        try t.type("/nonexistent-lotr-folder/note.txt")
        try t.keys("Enter")
        let failed = try t.waitFor("Could not save to /nonexistent-lotr-folder/note.txt")
        #expect(failed.contains("Save a file note") && failed.contains("File: /nonexistent-lotr-folder/note.txt"), "the dialog is still open with the name")
        try t.keys("Escape")
        try E2E.quit(t)
    }
}
