import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real `lotr` full-screen interview inside a detached tmux session, the way a person
/// at an 80×24 terminal would, and reads the screen back with `capture-pane`.
final class TmuxSession {
    static let tmux: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()
    static var available: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: CLI.binary) }

    /// A private server per session, so parallel runs and a person's own tmux never collide.
    let socket = "lotr-e2e-\(UUID().uuidString.prefix(12))"
    let target = "e2e"

    /// Starts `script` (run by sh) in a new 80×24 window.
    init(script: String, cols: Int = 80, rows: Int = 24) throws {
        let r = try tmux(["new-session", "-d", "-s", target, "-x", "\(cols)", "-y", "\(rows)", script])
        guard r.status == 0 else { throw E2EError.tmux("new-session failed: \(r.output)") }
        // A window size set by hand stays as set; no client is attached to change it.
        _ = try tmux(["set-option", "-t", target, "window-size", "manual"])
        socketPath = try tmux(["display-message", "-p", "#{socket_path}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var socketPath = ""

    deinit {
        _ = try? tmux(["kill-server"])
        // tmux leaves its socket file behind; it is ours alone, so remove it.
        if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> (status: Int32, output: String) {
        var env = ProcessInfo.processInfo.environment
        // The program must learn its size from the terminal, never from these.
        env["LINES"] = nil
        env["COLUMNS"] = nil
        env["TMUX"] = nil
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        return try TmuxSession.spawn([TmuxSession.tmux!, "-L", socket, "-f", "/dev/null"] + args, environment: env)
    }

    /// Runs a program and returns its exit status and output. Not `Process`: the test runner's
    /// threads block signals and a spawned child would inherit that mask, so the tmux server and
    /// `lotr` under it would never see SIGWINCH (resize) or SIGTERM. Output goes through a file,
    /// because the tmux server started by the first command keeps whatever it inherits open.
    static func spawn(_ argv: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-e2e-\(UUID().uuidString).out").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let pid = try spawnWithSignals(argv, environment: environment, actions: &actions)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// posix_spawn with every signal unblocked and at its default action, whatever the test
    /// runner's thread has blocked or ignored.
    static func spawnWithSignals(_ argv: [String], environment: [String: String],
                                 actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, cArgs, cEnv)
        guard rc == 0 else { throw E2EError.tmux("cannot start \(argv[0]): error \(rc)") }
        return pid
    }

    /// Key names as tmux understands them (`Enter`, `C-c`, `PageDown`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", target] + names) }

    /// Text entered into the field being edited, as a (bracketed) paste: sent with send-keys
    /// it would reach the program as a burst, which it takes as pasted text too, but a key sent
    /// just before it (Tab, Enter) could then be read in the same burst and count as part of
    /// the paste. Waits until the screen shows all of it arrived. PasteEndToEndTests sends
    /// bursts on purpose.
    func type(_ text: String) throws {
        let before = try screen()
        try tmux(["set-buffer", "-b", "typed", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "typed", "-t", target])
        let deadline = Date().addingTimeInterval(3)
        var last = before
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let now = try screen()
            // Changed, and then held still: all of the text has been read.
            if now != before && now == last { break }
            last = now
        }
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", target]).output }

    func resize(cols: Int, rows: Int) throws {
        let r = try tmux(["resize-window", "-t", target, "-x", "\(cols)", "-y", "\(rows)"])
        guard r.status == 0 else { throw E2EError.tmux("resize-window failed: \(r.output)") }
    }

    func paneSize() throws -> String {
        try tmux(["display-message", "-p", "-t", target, "#{pane_width}x#{pane_height}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds; fails the test with the last screen if it never does.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                // A capture can fall in the middle of a repaint: trust only a frame that holds still.
                Thread.sleep(forTimeInterval: 0.03)
                let again = try screen()
                if again == last { return last }
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw E2EError.timeout(what)
    }

    /// Waits until the program has redrawn for a window `cols` wide: its title bar reaches the
    /// last-but-one column (what the pane shows before that is the old frame, cut or padded).
    @discardableResult
    func waitForRedraw(cols: Int, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("a \(cols)-column frame showing “\(text)”", sourceLocation: sourceLocation) { screen in
            let first = screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            return first.hasPrefix(" lotr") && first.trimmingCharacters(in: .whitespaces).count + 1 == cols - 1 && screen.contains(text)
        }
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }
}

enum E2EError: Error {
    case tmux(String)
    case timeout(String)
}

enum E2E {
    static let flows = CLI.repo.appendingPathComponent("Tests/LotrTUITests/Golden/flows").path

    /// The interview on the fixture flows, then a report of whether the terminal was left in
    /// its normal (canonical) mode, then a marker showing the shell has control again.
    /// Saved sessions go to a folder of the test's own (`data`), never the real user's.
    static func script(data: String) -> String {
        "XDG_DATA_HOME='\(data)' '\(CLI.binary)' --flows '\(flows)' --today 2026-11-23; "
            + "if stty -a | grep -q -- -icanon; then echo TTY-RAW; else echo TTY-COOKED; fi; echo EXITED; sleep 60"
    }

    /// The interview in Traditional Chinese, keeping nothing on disk.
    static func chineseScript() -> String {
        "'\(CLI.binary)' --lang zh-Hant --no-save --flows '\(flows)' --today 2026-11-23; "
            + "if stty -a | grep -q -- -icanon; then echo TTY-RAW; else echo TTY-COOKED; fi; echo EXITED; sleep 60"
    }

    /// Asks to quit with `key`, waits for `question`, confirms with y, and returns the screen once
    /// the shell has control again (the script's EXITED marker).
    @discardableResult
    static func quit(_ t: TmuxSession, with key: String = "q", question: String = "Do you want to quit?") throws -> String {
        try t.keys(key)
        try t.waitFor(question)
        try t.keys("y")
        return try t.waitFor("EXITED")
    }

    /// A fresh, private data folder for one test, removed by the caller.
    static func dataFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-e2e-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return dir
    }

    /// From the welcome screen to the date question.
    static func answerUpToArrived(_ t: TmuxSession) throws {
        try t.waitFor("Press Enter to start.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("y", "Enter")
        try t.waitFor("What kind of visa do you have now?")
        try t.keys("1", "Enter")
        try t.waitFor("Why do you want to stay in the UK?")
        try t.keys("Space", "Enter")
        try t.waitFor("When did you first arrive in the UK?")
    }

    /// From the question after the date to the list of absences.
    static func answerChildrenToList(_ t: TmuxSession) throws {
        try t.waitFor("How many children under 18 live with you?")
        try t.type("2")
        try t.keys("Enter")
        try t.waitFor("How much money do you have in savings?")
        try t.type("1500")
        try t.keys("Enter")
        try t.waitFor("What name should the file note show?")
        try t.type("Sam")
        try t.keys("Enter")
        try t.waitFor("List each absence from the UK")
    }

    /// From the question after the date to the outcome.
    static func answerFromChildren(_ t: TmuxSession) throws {
        try answerChildrenToList(t)
        try t.keys("a")
        try t.waitFor("New absence:")
        // Each step waits for its echo: keys that arrive together in one read are taken as a
        // paste, which never confirms (issue 14), so a loaded machine must not merge them.
        try t.type("01032019")
        try t.waitFor("Left the UK 01/03/2019")
        try t.keys("Tab")
        // Nothing on screen shows the move to the other date, so give the key its own read.
        Thread.sleep(forTimeInterval: 0.3)
        try t.type("20032019")
        try t.waitFor("Came back 20/03/2019")
        try t.keys("Enter")
        try t.waitFor("1 absence · 18 whole days in all")
        try t.keys("c")
    }
}

/// The end-to-end tests run on this flow set, so it must stay valid.
@Test func interviewFixtureFlowsPassCheck() throws {
    let r = try CLI.run(["check", E2E.flows])
    #expect(r.status == 0, "\(r.stdout.suffix(2000))")
    #expect(r.stdout.contains("8 questions, 1 outcomes") && r.stdout.contains(" 0 errors"))
}

@Suite(.serialized, .enabled(if: TmuxSession.available, "tmux or .build/debug/lotr is missing: terminal end-to-end tests skipped"))
struct TerminalEndToEndTests {
    @Test func answersToAnOutcomeWithFormAndChecklist() throws {
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        #expect(try t.paneSize() == "80x24")
        try E2E.answerUpToArrived(t)
        try t.type("09042015")
        try t.waitFor("09/04/2015")
        try t.keys("Enter")
        try E2E.answerFromChildren(t)
        let result = try t.waitFor("Form: FORM(K)")
        #expect(result.contains("Apply on form K"))
        #expect(result.contains("[ ] Your passport and any old passports."), "a checklist item is shown")
        try t.keys("Space")
        try t.waitFor("[x] Your passport and any old passports.")
        try t.keys("PageDown")
        try t.waitFor("A list of your trips abroad.")
        let after = try E2E.quit(t)
        #expect(after.contains("TTY-COOKED"), "the terminal is back in its normal mode")
    }

    @Test func resizingMidDateKeepsTheTypingAndFinishes() throws {
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try E2E.answerUpToArrived(t)
        try t.type("0904")
        try t.waitFor("Date (DD/MM/YYYY): 09/04")
        try t.resize(cols: 100, rows: 30)
        #expect(try t.paneSize() == "100x30")
        try t.waitForRedraw(cols: 100, containing: "Date (DD/MM/YYYY): 09/04")
        try t.resize(cols: 50, rows: 15)
        try t.waitFor("Please make the window larger")
        try t.type("99")  // withheld while the notice is up
        try t.resize(cols: 60, rows: 18)
        let narrow = try t.waitForRedraw(cols: 60, containing: "Date (DD/MM/YYYY): 09/04")
        #expect(!narrow.contains("09/04/99"), "keys pressed under the notice did not reach the field")
        try t.resize(cols: 80, rows: 24)
        try t.waitForRedraw(cols: 80, containing: "Date (DD/MM/YYYY): 09/04")
        try t.type("2015")
        try t.waitFor("Date (DD/MM/YYYY): 09/04/2015")
        try t.keys("Enter")
        try E2E.answerFromChildren(t)
        let result = try t.waitFor("Form: FORM(K)")
        #expect(result.contains("Your passport and any old passports."))
        try E2E.quit(t, with: "C-c")
    }

    @Test func chineseInterviewToAnOutcome() throws {
        let t = try TmuxSession(script: E2E.chineseScript())
        let welcome = try t.waitFor("按 Enter 開始。")
        #expect(welcome.contains("l: English"), "the way back to English is offered")
        #expect(welcome.contains("歡迎"))
        try t.keys("Enter")
        let first = try t.waitFor("你現在是否持有居留許可身在英國？")
        #expect(first.contains("第 1 題") && first.contains("1. 是") && first.contains("2. 否"))
        try t.keys("1", "Enter")
        try t.waitFor("你現在持有哪一種簽證？")
        try t.keys("1", "Enter")
        try t.waitFor("你為甚麼想留在英國？")
        try t.keys("Space", "Enter")
        try t.waitFor("你第一次抵達英國是甚麼時候？")
        try t.type("31022025")
        try t.waitFor("2025年2月只有 28 日，所以沒有 31 日。")
        try t.keys("C-u")
        try t.type("09042015")
        try t.waitFor("日期（日/月/年）： 09/04/2015")
        try t.keys("Enter")
        try t.waitFor("有多少名 18 歲以下的子女和你同住？")
        try t.type("2")
        try t.keys("Enter")
        try t.waitFor("你有多少儲蓄？")
        try t.type("1500")
        try t.keys("Enter")
        try t.waitFor("檔案記錄上應該顯示甚麼名字？")
        try t.type("Sam")
        try t.keys("Enter")
        try t.waitFor("請列出你抵達英國以來每一次離開英國的時間。")
        try t.keys("a")
        try t.waitFor("新增離境：")
        try t.type("01032019")
        try t.keys("Tab")
        try t.type("20032019")
        try t.keys("Enter")
        try t.waitFor("1 段離境 · 合共 18 整日")
        try t.keys("c")
        let result = try t.waitFor("表格：FORM(K)")
        for label in ["結果", "用表格 K 申請", "原因", "你可能獲批的居留", "空白鍵 剔選"] {
            #expect(result.contains(label), "\(label)")
        }
        try t.keys("PageDown")
        let checklist = try t.waitFor("[ ] 你家人寫的信。")
        #expect(checklist.contains("資料來源："))
        // "Routes checked" follows the checklist, then the footer.
        try t.keys("PageDown")
        let end = try t.waitFor("這是資訊，不是法律意見。")
        #expect(end.contains("已檢查的途徑") || end.contains("適合"))
        try t.keys("End", "Space")
        try t.waitFor("[x] 你家人寫的信。")
        let after = try E2E.quit(t, question: "你想離開嗎？")
        #expect(after.contains("TTY-COOKED"), "the terminal is back in its normal mode")
    }

    @Test func ctrlCAsksThenYQuitsAndRestoresTheTerminal() throws {
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try t.waitFor("Press Enter to start.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("C-c")
        try t.waitFor("Do you want to quit?")
        try t.keys("n")
        try t.waitFor("the quit question closed") { !$0.contains("Do you want to quit?") && $0.contains("Are you in the UK with leave now?") }
        let after = try E2E.quit(t, with: "C-c")
        #expect(after.contains("TTY-COOKED"), "the terminal is back in its normal mode")
        #expect(!after.contains("Are you in the UK"), "the full-screen page is gone")
    }
}
