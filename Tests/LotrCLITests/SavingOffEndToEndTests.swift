import Foundation
import Testing

/// Saving stops (another program locks the file) and starts again: the screen says so all
/// along, and the first save that works writes every answer kept meanwhile.
@Suite(.serialized) struct SavingOffEndToEndTests {
    /// Holds SQLite's write lock on `path` until `release()`.
    final class Lock {
        let process = Process()
        let input = Pipe(), output = Pipe()
        init(_ path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1], isolation_level=None)
                c.execute('BEGIN EXCLUSIVE')
                print('locked', flush=True)
                sys.stdin.read()
                c.execute('ROLLBACK')
                """, path]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            _ = output.fileHandleForReading.availableData  // "locked"
        }
        func release() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    @Test func answersKeptWhileLockedAreAllSavedOnceItWorksAgain() throws {
        guard TmuxSession.available, FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            print("skipped: needs tmux and python3"); return
        }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try t.waitFor("Press Enter to start.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("y", "Enter")
        try t.waitFor("Saved as case")

        let lock = try Lock(data + "/lotr/sessions.sqlite")
        try t.waitFor("What kind of visa do you have now?")
        try t.keys("1", "Enter")
        var screen = try t.waitFor("NOT SAVED", timeout: 20)
        try t.waitFor("Why do you want to stay in the UK?")
        screen = try t.screen()
        #expect(screen.contains("in use by another program"), "the reason is shown: \(screen)")
        try t.keys("Space", "Enter")
        try t.waitFor("When did you first arrive in the UK?")
        try t.waitFor("NOT SAVED", timeout: 20)
        try t.keys("C-c")
        screen = try t.waitFor("Nothing since question 2 is saved")
        try t.keys("n")

        lock.release()
        try t.type("09/04/2015")
        try t.keys("Enter")
        screen = try t.waitFor("Saving works again: 3 answer(s)", timeout: 20)
        #expect(!screen.contains("NOT SAVED"))
        try E2E.quit(t, with: "C-c")
        #expect(try RobustnessEndToEndTests.savedAnswerCount(data: data) == 4)
    }
}
