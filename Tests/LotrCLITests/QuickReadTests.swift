import Foundation
import Testing

/// `lotr` with interview options only is read without ArgumentParser (it is faster to the first
/// frame); whatever it accepts or refuses must come out exactly as `lotr interview …` does.
@Suite(.serialized) struct QuickReadTests {
    static let plain = ["--plain", "--no-save", "--flows", "flows", "--today", "2026-11-23"]

    func expectSame(_ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let quick = try CLI.run(args, stdin: stdin)
        let full = try CLI.run(["interview"] + args, stdin: stdin)
        #expect(quick.status == full.status, "\(args)", sourceLocation: sourceLocation)
        #expect(quick.stdout == full.stdout, "\(args)", sourceLocation: sourceLocation)
        #expect(quick.stderr == full.stderr, "\(args)", sourceLocation: sourceLocation)
    }

    @Test func refusedSettingsReadTheSameEitherWay() throws {
        for args in [["--idle-seconds", "2"], ["--idle-seconds", "ten"], ["--lang", "xx"], ["--today", "2026-02-30"],
                     ["--kiosk", "--resume", "K7M-42Q"], ["--resume", "K7M-42Q", "--no-save"], ["--bogus"], ["--flows"],
                     ["--plain=yes"], ["--today", "--plain"], ["--flows", "a", "--flows", "b"]] {
            try expectSame(args)
        }
        let refused = try CLI.run(["--idle-seconds", "2"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--idle-seconds must be at least 5"))
    }

    @Test func acceptedCallsRunTheSameInterview() throws {
        try expectSame(Self.plain, stdin: "quit\n")
        try expectSame(["--plain", "--no-save", "--flows=flows", "--today=2026-11-23", "--lang=zh-Hant"], stdin: "1\nquit\n")
        let r = try CLI.run(Self.plain, stdin: "quit\n")
        #expect(r.status == 3, "quitting before an outcome is an incomplete interview")
        #expect(r.stdout.contains("Questions come one at a time"))
    }

    /// An installed copy (`PREFIX/bin/lotr`) finds its flows in `PREFIX/share/lotr/flows` when
    /// run from a folder without `flows` and with no `--flows` or LOTR_FLOWS.
    @Test func anInstalledCopyFindsItsOwnFlows() throws {
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("lotr-prefix-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: prefix) }
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/lotr", withIntermediateDirectories: true)
        try fm.linkItem(atPath: CLI.binary, toPath: prefix + "/bin/lotr")
        try fm.createSymbolicLink(atPath: prefix + "/share/lotr/flows", withDestinationPath: CLI.repo.appendingPathComponent("flows").path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: prefix + "/bin/lotr")
        p.arguments = ["--plain", "--no-save", "--today", "2026-11-23"]
        p.currentDirectoryURL = URL(fileURLWithPath: prefix)
        var env = ProcessInfo.processInfo.environment
        env["LOTR_FLOWS"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        (p.standardOutput, p.standardError, p.standardInput) = (out, err, input)
        try p.run()
        input.fileHandleForWriting.write(Data("quit\n".utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 3, "\(String(decoding: e, as: UTF8.self))")
        #expect(e.isEmpty)
        #expect(String(decoding: o, as: UTF8.self).contains("Questions come one at a time"))
    }
}

/// `lotr decide --answers FILE …` is read without ArgumentParser; the same call written with
/// `--answers=FILE` goes to ArgumentParser. Both must give the same output, status and errors.
@Suite(.serialized) struct DecideQuickReadTests {
    /// The separate-value spelling (read quickly) and the attached one (read by ArgumentParser).
    func expectSame(_ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var attached: [String] = []
        var i = 0
        while i < args.count {
            if args[i].hasPrefix("--"), args[i] != "--trace", i + 1 < args.count {
                attached.append(args[i] + "=" + args[i + 1])
                i += 2
            } else {
                attached.append(args[i])
                i += 1
            }
        }
        let quick = try CLI.run(["decide"] + args, stdin: stdin)
        let full = try CLI.run(["decide"] + attached, stdin: stdin)
        #expect(quick.status == full.status, "\(args)", sourceLocation: sourceLocation)
        #expect(quick.stdout == full.stdout, "\(args)", sourceLocation: sourceLocation)
        #expect(quick.stderr == full.stderr, "\(args)", sourceLocation: sourceLocation)
    }

    @Test func everyFormatAndOutcomeReadsTheSame() throws {
        let incomplete = try CLI.writeTemp(#"{"in_uk": true}"#)
        let complete = try CLI.writeTemp(#"{"in_uk": false}"#)
        let wrong = try CLI.writeTemp(#"{"in_uk": "maybe"}"#)
        for answers in [incomplete, complete, wrong] {
            for format in ["json", "text", "markdown"] {
                try expectSame(["--flows", "flows", "--answers", answers, "--today", "2026-11-23", "--format", format])
            }
            try expectSame(["--answers", answers, "--flows", "flows", "--lang", "zh-Hant", "--today", "2026-11-23", "--trace"])
        }
        try expectSame(["--flows", "flows", "--answers", "-", "--today", "2026-11-23"], stdin: #"{"in_uk": false}"#)
        let r = try CLI.run(["decide", "--flows", "flows", "--answers", complete, "--today", "2026-11-23"])
        #expect([0, 3].contains(r.status) && r.stdout.contains("\"status\""), "\(r.stderr)")
    }

    @Test func refusedCallsReadTheSame() throws {
        let answers = try CLI.writeTemp(#"{"in_uk": true}"#)
        for args in [["--flows", "flows"], ["--answers", answers, "--format", "xml"], ["--answers", answers, "--today", "2026-02-30"],
                     ["--answers", answers, "--answers", answers], ["--answers", answers, "--bogus"], ["--answers"],
                     ["--answers", answers, "--flows", "/nonexistent"], ["--answers", "/nonexistent.json", "--flows", "flows"],
                     ["--answers", answers, "--trace", "--trace"], ["--help"]] {
            try expectSame(args)
        }
    }
}

/// Options that mean nothing without the kiosk are refused, not ignored; references are read as
/// people write them; the program says how to carry on when it ends.
@Suite(.serialized) struct CaseReferenceAndOptionsTests {
    @Test func idleSecondsWithoutAKioskIsAnError() throws {
        for args in [["--idle-seconds", "60", "--plain", "--no-save"], ["--plain", "--no-save", "--idle-seconds=60"]] {
            let quick = try CLI.run(args, stdin: "quit\n")
            let full = try CLI.run(["interview"] + args, stdin: "quit\n")
            #expect(quick.status != 0 && quick.stderr.contains("--idle-seconds only applies with --kiosk"), "\(args): \(quick.stderr)")
            #expect(quick.status == full.status && quick.stderr == full.stderr, "the quick reader agrees with ArgumentParser")
        }
        // --export-dir outside a kiosk is the default folder for file notes: accepted.
        let r = try CLI.run(["--plain", "--no-save", "--export-dir", "/tmp", "--flows", "flows", "--today", "2026-11-23"], stdin: "quit\n")
        #expect(r.status == 3, "\(r.stderr)")
    }

    @Test func anUnknownTerminalFallsBackToTheLineMode() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let script = "TERM=no-such-terminal '\(CLI.binary)' --no-save --flows '\(E2E.flows)' --today 2026-11-23; echo EXITED; sleep 60"
        let t = try TmuxSession(script: script)
        let screen = try t.waitFor("asking one question per line instead")
        #expect(screen.contains("unknown terminal type") && screen.contains("no-such-terminal"))
        #expect(!screen.contains("EXITED"), "the interview goes on in the line mode")
        try t.keys("q", "u", "i", "t", "Enter")
        try t.waitFor("EXITED")
    }

    @Test func exitPrintsTheReferenceAndAFinishedCaseResumesOnItsResult() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data))
        try E2E.answerUpToArrived(t)
        try t.type("09042015")
        try t.keys("Enter")
        try E2E.answerFromChildren(t)
        try t.waitFor("Form: FORM(K)")
        let after = try E2E.quit(t)
        let line = try #require(after.split(separator: "\n").first { $0.contains("To carry on later: lotr --resume ") }, Comment(rawValue: after))
        let ref = String(line.split(separator: " ").last!)
        #expect(ref.count == 7 && ref.contains("-"))
        // Typed in lower case and without its dash, the reference still opens the case — on its result.
        let typed = ref.lowercased().replacingOccurrences(of: "-", with: "")
        let resume = "XDG_DATA_HOME='\(data)' '\(CLI.binary)' --flows '\(E2E.flows)' --today 2026-11-23 --resume \(typed); echo EXITED; sleep 60"
        let u = try TmuxSession(script: resume)
        let result = try u.waitFor("Form: FORM(K)")
        #expect(result.contains("Resumed case \(ref)"))
        try E2E.quit(u)
    }
}
