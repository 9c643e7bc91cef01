import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Pastes and bursts of input on the real binary: a paste never answers, confirms or moves,
/// and no input, however broken or split, ends the program.
@Suite(.serialized) struct PasteEndToEndTests {
    /// Pastes `text` the way a terminal does: bracketed when the program asked for it.
    static func paste(_ t: TmuxSession, _ text: String) throws {
        try t.tmux(["set-buffer", "-b", "e2e", "--", text])
        try t.tmux(["paste-buffer", "-p", "-d", "-b", "e2e", "-t", t.target])
    }

    /// A fresh interview saving into `data`, on its first question.
    static func onTheFirstQuestion(data: String) throws -> TmuxSession {
        let t = try TmuxSession(script: E2E.script(data: data))
        try t.waitFor("Press Enter to start.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        return t
    }

    /// Sends `bytes` to the program's terminal in writes of at most `chunk` bytes.
    static func send(_ t: TmuxSession, bytes: [UInt8], chunk: Int = 400) throws {
        var i = 0
        while i < bytes.count {
            let part = bytes[i ..< min(bytes.count, i + chunk)].map { String(format: "%02x", $0) }
            try t.tmux(["send-keys", "-t", t.target, "-H"] + part)
            i += chunk
        }
    }

    @Test func aMultiLinePasteIntoADateFieldIsTypedNotConfirmed() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try E2E.answerUpToArrived(t)
        try Self.paste(t, "09/04/2015\nyes\n2\n")
        let screen = try t.waitFor("Date (DD/MM/YYYY): 09/04/2015")
        #expect(screen.contains("When did you first arrive in the UK?"), "the paste did not confirm the date")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try t.screen().contains("When did you first arrive in the UK?"), "nor anything after it")
        #expect(try RobustnessEndToEndTests.savedAnswerCount(data: data) == 3, "only the three answers the person gave")
        try t.keys("Enter")
        try t.waitFor("How many children under 18 live with you?")
        #expect(try RobustnessEndToEndTests.savedAnswerCount(data: data) == 4)
        try E2E.quit(t, with: "C-c")
    }

    @Test func aPasteOnAChoiceQuestionChoosesNothing() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try Self.onTheFirstQuestion(data: data)
        try Self.paste(t, "Yes, I am in the UK\n1\nyes\n\n")
        let screen = try t.waitFor("Pasted text goes only into a box you type in.")
        #expect(screen.contains("Are you in the UK with leave now?") && !screen.contains("(•)"), "nothing chosen")
        #expect(try RobustnessEndToEndTests.savedAnswerCount(data: data) == nil, "nothing saved")
        // A burst of keys (no bracketed paste) is treated the same way.
        try t.tmux(["send-keys", "-t", t.target, "-l", "1\ryes\r2\r"])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try t.screen().contains("Are you in the UK with leave now?"))
        #expect(try RobustnessEndToEndTests.savedAnswerCount(data: data) == nil)
        try t.keys("Enter")
        try t.waitFor("Choose an answer")
        try E2E.quit(t, with: "C-c")
    }

    static let chinese = Array(String(repeating: "中文字", count: 150).utf8)  // 450 characters in 1350 bytes
    static let broken: [UInt8] = Array(repeating: [0xFF, 0xFE, 0xC3, 0x28, 0x80, 0xE2, 0x82, 0xF0, 0x9F], count: 50).flatMap { $0 }

    @Test func splitCharactersAndInvalidBytesDoNotEndTheProgram() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try Self.onTheFirstQuestion(data: data)
        try Self.send(t, bytes: Self.chinese)
        try Self.send(t, bytes: Self.broken)
        Thread.sleep(forTimeInterval: 1.5)
        let screen = try t.screen()
        #expect(!screen.contains("EXITED"), "the program is still running")
        #expect(screen.contains("Are you in the UK with leave now?"))
        try t.keys("y", "Enter")
        try t.waitFor("What kind of visa do you have now?")
        try t.keys("1", "Enter")
        try t.waitFor("Why do you want to stay in the UK?")
        let after = try E2E.quit(t, with: "C-c")
        #expect(after.contains("TTY-COOKED"))
    }

    @Test func splitCharactersAndInvalidBytesDoNotEndTheKiosk() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let script = "LOTR_KIOSK_PIN=2468 '\(CLI.binary)' --kiosk --flows '\(E2E.flows)' --today 2026-11-23; echo EXITED; sleep 60"
        let t = try TmuxSession(script: script)
        try t.waitFor("Press Enter to start.")
        try Self.send(t, bytes: Self.chinese)
        try Self.send(t, bytes: Self.broken)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(!(try t.screen()).contains("EXITED"), "only staff with the PIN end a kiosk")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("C-x")
        for digit in ["2", "4", "6", "8"] {  // one key at a time, as staff type it: a pasted PIN is no PIN
            try t.keys(digit)
            Thread.sleep(forTimeInterval: 0.15)
        }
        try t.keys("Enter")
        try t.waitFor("EXITED")
    }

    @Test func bracketedPasteIsOnWhileRunningAndOffAfterwards() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-e2e-\(UUID().uuidString).out").path
        defer { unlink(log) }
        let t = try TmuxSession(script: "sleep 0.5; '\(CLI.binary)' --no-save --flows '\(E2E.flows)' --today 2026-11-23; echo EXITED; sleep 60")
        try t.tmux(["pipe-pane", "-o", "-t", t.target, "cat >> '\(log)'"])
        try t.waitFor("Press Enter to start.")
        try E2E.quit(t)
        Thread.sleep(forTimeInterval: 0.3)
        let out = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let on = try #require(out.range(of: "\u{1B}[?2004h"), "bracketed paste turned on")
        let off = try #require(out.range(of: "\u{1B}[?2004l"), "and off again on exit")
        #expect(on.lowerBound < off.lowerBound)
    }

    @Test func belowTheMinimumSizeQQuitsAndSuggestsPlainMode() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data), cols: 50, rows: 15)
        let notice = try t.waitFor("Please make the window larger")
        #expect(notice.contains("lotr --plain"))
        try t.keys("q")
        let after = try t.waitFor("EXITED")
        #expect(after.contains("TTY-COOKED"))
        let u = try TmuxSession(script: E2E.script(data: data), cols: 50, rows: 15)
        try u.waitFor("Please make the window larger")
        try u.keys("C-c")
        try u.waitFor("EXITED")
    }
}
