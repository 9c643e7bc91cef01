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
        try t.waitFor("Saved the file note to")
        let path = data + "/lotr-2026-11-23.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("FILE NOTE: CASE "))
        #expect(text.contains("[x] "), "the tick is in the note")
        #expect(text.contains("Sam"), "the answers are in the note")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try E2E.quit(t)
    }
}
