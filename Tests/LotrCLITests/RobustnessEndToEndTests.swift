import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary under hostile input and signals: it must never crash or hang, must always
/// give the terminal back in its normal mode, and must keep every confirmed answer.
@Suite(.serialized) struct RobustnessEndToEndTests {
    /// The pid of `lotr` under the pane's shell.
    static func lotrPID(_ t: TmuxSession) throws -> pid_t? {
        let shell = try t.tmux(["display-message", "-p", "-t", t.target, "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    static func savedAnswerCount(data: String) throws -> Int? {
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = data
        // The list reads each case against the flows it was made with (the end-to-end flows).
        let r = try TmuxSession.spawn([CLI.binary, "sessions", "list", "--flows", E2E.flows, "--today", "2026-11-23"], environment: env)
        // REF  LAST SAVED (date time)  STARTED  ANSWERS  NOTES  STATUS  LABEL  RESULT OR QUESTION REACHED
        guard let row = r.output.split(separator: "\n").dropFirst().first else { return nil }
        let columns = row.split(separator: " ", omittingEmptySubsequences: true)
        return columns.count >= 6 ? Int(columns[4]) : nil
    }

    /// Answers the first three questions (each saved as it is confirmed).
    static func answerThree(_ t: TmuxSession) throws { try E2E.answerUpToArrived(t) }

    @Test(arguments: [SIGTERM, SIGHUP])
    func terminatingSignalRestoresTheTerminalAndKeepsAnswers(_ signal: Int32) throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try Self.answerThree(t)
        try t.type("09/04")  // half-typed: may be lost, the three confirmed answers may not
        let pid = try #require(try Self.lotrPID(t))
        kill(pid, signal)
        let screen = try t.waitFor("EXITED", timeout: 30)
        #expect(screen.contains("TTY-COOKED"), "the terminal must be back in normal mode")
        #expect(try Self.savedAnswerCount(data: data) == 3)
    }

    @Test func sigintAsksBeforeQuittingAndKeepsAnswers() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try Self.answerThree(t)
        let pid = try #require(try Self.lotrPID(t))
        kill(pid, SIGINT)
        try t.waitFor("Do you want to quit?")
        try t.keys("y")
        let screen = try t.waitFor("EXITED", timeout: 30)
        #expect(screen.contains("TTY-COOKED"))
        #expect(try Self.savedAnswerCount(data: data) == 3)
    }

    @Test func randomKeysInvalidBytesAndHugePastesNeverBreakIt() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try t.waitFor("Press Enter to start.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        var rng = SystemRandomNumberGenerator()
        let keyNames = ["Up", "Down", "Left", "Right", "Enter", "Escape", "BSpace", "Tab", "BTab", "Home", "End",
                        "PageUp", "PageDown", "F1", "F2", "Space", "DC", "IC", "r", "b", "a", "d", "c", "n", "?", "x", "1", "2"]
        // Invalid UTF-8, lone continuation bytes, truncated and bogus escape sequences.
        let hexBursts = [["ff", "fe"], ["c3", "28"], ["80"], ["e2", "82"], ["1b", "5b", "39", "39", "39", "7e"],
                         ["1b", "5b", "31", "3b", "35", "41"], ["1b", "4f"], ["1b", "5b"], ["00"], ["7f", "7f"]]
        for round in 0..<60 {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: try t.keys(keyNames.randomElement(using: &rng)!)
            case 1: try t.tmux(["send-keys", "-t", t.target, "-H"] + hexBursts.randomElement(using: &rng)!)
            case 2: try t.type(["你好世界", "01/02/2020", "£12.50", "🙂👍🏽", "é", "\t"].randomElement(using: &rng)!)
            default:
                // Never quit on purpose: a stray y after Ctrl-C is the one key that may end it.
                if round % 20 == 19 { try t.type(String(repeating: "paste ", count: 2_000)) } else { try t.keys("Down") }
            }
        }
        // Still alive and drawing: the title bar is there and a redraw can be forced.
        try t.keys("C-l")
        try t.waitFor(" lotr · ")
        #expect(try Self.lotrPID(t) != nil, "lotr must still be running")
        // The stream may have left the quit question open already (Esc on the welcome page), and
        // a Ctrl-C right after a cut-off escape sequence can be taken as part of it, as a
        // terminal would: a person presses it again, and so does this test.
        var asked = (try t.screen()).contains("Do you want to quit?")
        for _ in 0..<4 where !asked {
            Thread.sleep(forTimeInterval: 0.1)
            try t.keys("C-c")
            let deadline = Date().addingTimeInterval(2)
            while Date() < deadline && !asked {
                asked = (try t.screen()).contains("Do you want to quit?")
                if !asked { Thread.sleep(forTimeInterval: 0.05) }
            }
        }
        try t.waitFor("Do you want to quit?")
        try t.keys("y")
        let screen = try t.waitFor("EXITED", timeout: 30)
        #expect(screen.contains("TTY-COOKED"))
    }
}
