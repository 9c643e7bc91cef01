import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `lp` runs in the background: the interface, the time limit and signals keep working while a
/// printer takes its time, and `lp` never sees the kiosk's PIN.
@Suite(.serialized) struct PrintEndToEndTests {
    /// A folder with a fake `lp` that records its environment and what it was sent, then waits
    /// `LP_SLEEP` seconds like a printer that does not answer.
    static func fakePrinter() throws -> String {
        let dir = try E2E.dataFolder()
        let lp = dir + "/bin/lp"
        try FileManager.default.createDirectory(atPath: dir + "/bin", withIntermediateDirectories: true)
        try """
            #!/bin/sh
            env > "\(dir)/env.txt"
            cat > "\(dir)/printed.txt"
            sleep "${LP_SLEEP:-0}"
            """.write(toFile: lp, atomically: true, encoding: .utf8)
        chmod(lp, 0o755)
        return dir
    }

    static func script(_ printer: String, mode: String, printSeconds: Int, lpSleep: Int) -> String {
        "PATH='\(printer)/bin':\"$PATH\" LP_SLEEP=\(lpSleep) LOTR_PRINT_SECONDS=\(printSeconds) LOTR_KIOSK_PIN=4711 "
            + "XDG_DATA_HOME='\(printer)' '\(CLI.binary)' \(mode) --flows '\(E2E.flows)' --today 2026-11-23; "
            + "echo \"STATUS $?\"; echo EXITED; sleep 60"
    }

    static func toOutcome(_ t: TmuxSession) throws {
        try E2E.answerUpToArrived(t)
        try t.type("09042015")
        try t.keys("Enter")
        try E2E.answerFromChildren(t)
        try t.waitFor("Form: FORM(K)")
    }

    @Test func aSlowPrinterIsStoppedAtTheTimeLimitAndTheKioskKeepsWorking() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let printer = try Self.fakePrinter()
        defer { try? FileManager.default.removeItem(atPath: printer) }
        let t = try TmuxSession(script: Self.script(printer, mode: "--kiosk", printSeconds: 3, lpSleep: 30))
        try Self.toOutcome(t)
        try t.keys("p")
        try t.waitFor("Printing…", timeout: 3)
        // Keys still work while lp runs: the staff box opens and closes.
        try t.keys("C-x")
        try t.waitFor("PIN:", timeout: 3)
        try t.keys("Escape")
        let screen = try t.waitFor("did not answer within 3 seconds", timeout: 10)
        #expect(screen.contains("Form: FORM(K)"))
        let env = try String(contentsOfFile: printer + "/env.txt", encoding: .utf8)
        #expect(!env.contains("LOTR_KIOSK_PIN") && !env.contains("4711"), "lp never inherits the PIN")
        let printed = try String(contentsOfFile: printer + "/printed.txt", encoding: .utf8)
        #expect(printed.contains("FORM(K)"), "lp was sent the checklist")
    }

    @Test func sigtermEndsTheProgramWhileLpRunsWith143() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let printer = try Self.fakePrinter()
        defer { try? FileManager.default.removeItem(atPath: printer) }
        let t = try TmuxSession(script: Self.script(printer, mode: "", printSeconds: 120, lpSleep: 60))
        try Self.toOutcome(t)
        try t.keys("p")
        try t.waitFor("Printing…", timeout: 3)
        let pid = try #require(try RobustnessEndToEndTests.lotrPID(t))
        kill(pid, SIGTERM)
        let screen = try t.waitFor("EXITED", timeout: 8)
        #expect(screen.contains("STATUS 143"), "128 + SIGTERM: \(screen)")
    }

    @Test func sighupEndsWith129() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: Self.script(data, mode: "--no-save", printSeconds: 5, lpSleep: 0))
        try t.waitFor("Press Enter to start.")
        let pid = try #require(try RobustnessEndToEndTests.lotrPID(t))
        kill(pid, SIGHUP)
        let screen = try t.waitFor("EXITED", timeout: 8)
        #expect(screen.contains("STATUS 129"), "\(screen)")
    }
}
