import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Crash reports, core files, the kiosk's memory and its PIN: nothing may carry answers off.
@Suite(.serialized) struct ProcessSafetyTests {
    /// `lotr decide --answers -` waits for its answers on standard input: a process to inspect
    /// and to crash at a moment of the test's choosing.
    final class WaitingDecide {
        let pid: pid_t
        let writeEnd: Int32
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-crash-\(UUID().uuidString).err").path

        /// Started with posix_spawn and a clear signal mask (the test runner's threads block
        /// signals, and a child started by `Process` would inherit that: SIGSEGV would wait).
        init(environment extra: [String: String], shell: String? = nil) throws {
            var env = ProcessInfo.processInfo.environment
            for (k, v) in extra { env[k] = v }
            let command = [CLI.binary, "decide", "--flows", CLI.repo.path + "/flows", "--answers", "-"]
            let argv = shell.map { ["/bin/sh", "-c", $0 + "; exec \"$@\"", "sh"] + command } ?? command
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw E2EError.tmux("pipe failed") }
            writeEnd = fds[1]
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
            posix_spawn_file_actions_addclose(&actions, fds[1])
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(fds[0]) }
            do {
                pid = try TmuxSession.spawnWithSignals(argv, environment: env, actions: &actions)
            } catch {
                close(fds[1])
                throw error
            }
            // Started when the pid runs lotr itself (after the shell's exec) and has read its flows.
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
                if exe.hasSuffix("/lotr") { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
            Thread.sleep(forTimeInterval: 0.5)
        }

        deinit {
            close(writeEnd)
            unlink(errorPath)
        }

        /// The soft limit on core files, as the kernel reports it ("0", "unlimited", …).
        var coreLimit: String? {
            guard let limits = try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8) else { return nil }
            let line = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
            return line?.dropFirst("Max core file size".count).split(separator: " ").first.map(String.init)
        }

        /// Sends `signal` and waits: (exit status or signal number, whether it died of a signal, stderr).
        func end(with signal: Int32 = SIGSEGV) -> (status: Int32, signalled: Bool, stderr: String) {
            kill(pid, signal)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            let signalled = status & 0x7f != 0
            return (signalled ? status & 0x7f : (status >> 8) & 0xff, signalled, stderr)
        }
    }

    @Test func aCrashPrintsNoBacktraceEvenWhenTheBacktracerIsAskedFor() throws {
        let d = try WaitingDecide(environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no,output-to=stderr"])
        let r = d.end()
        #expect(r.signalled && r.status == SIGSEGV, "dies of the signal itself: \(r.status)")
        // At most the runtime's own start-up notice (a static build cannot find its backtracer
        // and says so when SWIFT_BACKTRACE asks for it); never a report of the crash.
        for marker in ["*** Signal", "Program crashed", "Registers", "Thread 0", "Backtracing from"] {
            #expect(!r.stderr.contains(marker), "crash report on standard error: \(r.stderr.prefix(400))")
        }
        for line in r.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("swift runtime:"), "unexpected standard error: \(line)")
        }
    }

    @Test func noCoreFilesUnlessThePersonAsks() throws {
        // The shell allows core files; lotr turns them off for itself…
        let off = try WaitingDecide(environment: [:], shell: "ulimit -S -c unlimited")
        #expect(off.coreLimit == "0")
        _ = off.end(with: SIGTERM)
        // …unless asked to keep them.
        let on = try WaitingDecide(environment: ["LOTR_ALLOW_CORE_DUMPS": "1"], shell: "ulimit -S -c 1000")
        #expect(on.coreLimit == "512000" || on.coreLimit == "1024000", "\(on.coreLimit ?? "none")")
        _ = on.end(with: SIGTERM)
    }

    @Test func aPinThatCannotBeTypedIsRefusedAtStart() throws {
        for pin in ["12a4", "1234567890123", "١٢٣٤", "", " 1234", "１２３４"] {
            var env = ProcessInfo.processInfo.environment
            env["LOTR_KIOSK_PIN"] = pin
            let r = try TmuxSession.spawn([CLI.binary, "--kiosk", "--flows", "flows"], environment: env)
            #expect(r.status == 2, "PIN '\(pin)': \(r.output)")
            #expect(r.output.contains("LOTR_KIOSK_PIN"), "PIN '\(pin)': \(r.output)")
            #expect(!pin.isEmpty ? !r.output.contains(pin) : true, "the PIN itself is never shown")
        }
        // Twelve ASCII digits are fine: the kiosk then only lacks a terminal here.
        var env = ProcessInfo.processInfo.environment
        env["LOTR_KIOSK_PIN"] = "123456789012"
        let ok = try TmuxSession.spawn([CLI.binary, "--kiosk", "--flows", "flows"], environment: env)
        #expect(ok.status == 1 && ok.output.contains("cannot start the full-screen mode"), "\(ok.output)")
    }

    /// The pid of `lotr` under the pane's shell, once it is running lotr itself.
    static func lotrPID(_ t: TmuxSession) throws -> pid_t? {
        for _ in 0..<100 {
            if let pid = try RobustnessEndToEndTests.lotrPID(t),
               let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe"), exe.hasSuffix("/lotr") {
                return pid
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// Run as an ordinary user, a process's /proc files belong to that user while it is
    /// dumpable and to root once it is not: how another program of the same user is kept out.
    @Test(arguments: [true, false])
    func theKioskIsNotDumpableAndItsPinLeavesTheEnvironment(_ kiosk: Bool) throws {
        guard TmuxSession.available, getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: needs tmux, root and setpriv"); return
        }
        let mode = kiosk ? "--kiosk" : "--no-save"
        // The flows where the other user can read them, wherever this checkout is (a private
        // temporary folder, say).
        let fm = FileManager.default
        let flows = fm.temporaryDirectory.appendingPathComponent("lotr-flows-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: flows) }
        try fm.createDirectory(atPath: flows, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for name in try fm.contentsOfDirectory(atPath: E2E.flows) where name.hasSuffix(".yaml") {
            try fm.copyItem(atPath: E2E.flows + "/" + name, toPath: flows + "/" + name)
            try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: flows + "/" + name)
        }
        let t = try TmuxSession(script: "LOTR_KIOSK_PIN=4711 /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "
                                + "'\(CLI.binary)' \(mode) --flows '\(flows)' --today 2026-11-23; echo EXITED; sleep 60")
        try t.waitFor("Press Enter to start.")
        let pid = try #require(try Self.lotrPID(t))
        var st = stat()
        #expect(stat("/proc/\(pid)/mem", &st) == 0)
        if kiosk {
            #expect(st.st_uid == 0, "a kiosk is not dumpable")
        } else {
            #expect(st.st_uid == 65534, "an ordinary interview stays dumpable (the test can tell the difference)")
        }
        let environment = try String(decoding: Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ")), as: UTF8.self)
        #expect(!environment.contains("4711"), "the PIN is not left in the environment block")
        #expect(!environment.contains("LOTR_KIOSK_PIN"))
    }
}
