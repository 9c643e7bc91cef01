import Foundation
import Testing

/// The intake desk on the real screen: the case list on the welcome screen, the same case in two
/// windows, and trips read from a file.
@Suite(.serialized) struct DeskEndToEndTests {
    static func cases(data: String) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = data
        return try TmuxSession.spawn([CLI.binary, "sessions", "list", "--format", "json", "--flows", E2E.flows, "--today", "2026-11-23"],
                                     environment: env).output
    }

    /// From the welcome screen, opens `ref` from the case list (typing `search` first).
    static func openFromList(_ t: TmuxSession, _ ref: String, search: String = "") throws {
        try t.waitFor("o open a case")
        try t.keys("o")
        try t.waitFor("Saved cases")
        if !search.isEmpty { try t.type(search) }
        try t.waitFor(ref)
        try t.keys("Enter")
    }

    @Test func theCaseListFindsByLabelAndASecondWindowIsToldAndMayReadOnly() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        // A first case, left at the date question.
        let first = try TmuxSession(script: E2E.script(data: data))
        try E2E.answerUpToArrived(first)
        try E2E.quit(first, with: "C-c")
        let json = try Self.cases(data: data)
        let ref = try #require(json.firstMatch(of: /"reference": "([A-Z0-9]{3}-[A-Z0-9]{3})"/).map { String($0.1) }, "\(json)")
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = data
        _ = try TmuxSession.spawn([CLI.binary, "sessions", "label", ref, "Okafor 0114"], environment: env)

        // Window A opens it from the case list by typing part of the label.
        let a = try TmuxSession(script: E2E.script(data: data))
        try Self.openFromList(a, ref, search: "okaf")
        try a.waitFor("Resumed case \(ref).")
        try a.waitFor("When did you first arrive in the UK?")

        // Window B asks for the same case: it is told, and opens it read-only.
        let b = try TmuxSession(script: E2E.script(data: data))
        try Self.openFromList(b, ref)
        let told = try b.waitFor("Open in another window")
        #expect(told.contains("r read-only") && told.contains("t take over"))
        try b.keys("r")
        try b.waitFor("is open read-only")
        try b.waitFor("When did you first arrive in the UK?")
        try E2E.quit(b, with: "C-c")

        // Window A carries on saving to the case.
        try a.type("09042015")
        try a.keys("Enter")
        try a.waitFor("How many children under 18 live with you?")
        try E2E.quit(a, with: "C-c")
        let after = try Self.cases(data: data)
        #expect(after.contains("\"label\": \"Okafor 0114\"") && after.contains("How many children"), "\(after)")
        #expect(after.components(separatedBy: "\"reference\"").count == 2, "still one case: \(after)")
    }

    @Test func aTakeOverLosesNothing() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        // Window A starts a case and stays on the date question.
        let a = try TmuxSession(script: E2E.script(data: data))
        try E2E.answerUpToArrived(a)
        let json = try Self.cases(data: data)
        let ref = try #require(json.firstMatch(of: /"reference": "([A-Z0-9]{3}-[A-Z0-9]{3})"/).map { String($0.1) }, "\(json)")
        // Window B takes it over, answers the date and closes.
        let b = try TmuxSession(script: E2E.script(data: data))
        try Self.openFromList(b, ref)
        try b.waitFor("Open in another window")
        try b.keys("t")
        try b.waitFor("You took over case \(ref)")
        try b.type("01012016")
        try b.keys("Enter")
        try b.waitFor("How many children under 18 live with you?")
        try E2E.quit(b, with: "C-c")
        // Window A answers: its answers go to a new case, the take-over's stay in the old one.
        try a.type("09042015")
        try a.keys("Enter")
        let screen = try a.waitFor("was taken over in another window")
        #expect(screen.contains(ref))
        try E2E.quit(a, with: "C-c")
        let after = try Self.cases(data: data)
        #expect(after.components(separatedBy: "\"reference\"").count == 3, "two cases: \(after)")
    }

    @Test func thirtyTripsFromACSVFileOnTheListScreen() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        var csv = "left,returned\n"
        for i in 0..<30 {
            let month = i % 12 + 1, year = 2016 + i / 12
            csv += String(format: "05/%02d/%d,09/%02d/%d\n", month, year, month, year)
        }
        let file = data + "/trips.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let t = try TmuxSession(script: E2E.script(data: data))
        try E2E.answerUpToArrived(t)
        try t.type("09042015")
        try t.keys("Enter")
        try E2E.answerChildrenToList(t)
        try t.keys("i")
        try t.waitFor("Trips from a file")
        try t.type(file)
        try t.keys("Enter")
        try t.waitFor("Added 30 trips from the file; the list now has 30.")
        try E2E.quit(t, with: "C-c")
    }
}

/// A public kiosk with an export folder: the file note goes there, and the person is told it stays.
@Suite(.serialized) struct KioskExportEndToEndTests {
    @Test func aKioskExportSaysTheFileStaysOnThisComputer() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let exports = data + "/exports"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let script = "cd '\(data)' && XDG_DATA_HOME='\(data)' '\(CLI.binary)' --kiosk --export-dir '\(exports)' --flows '\(E2E.flows)' --today 2026-11-23; echo EXITED; sleep 60"
        let t = try TmuxSession(script: script)
        try t.waitFor("Press Enter to start.")
        let welcome = try t.screen()
        #expect(!welcome.contains("q quit") && !welcome.contains("o open a case") && !welcome.contains("Ctrl-C to quit"))
        try E2E.answerUpToArrived(t)
        try t.type("09042015")
        try t.keys("Enter")
        try E2E.answerFromChildren(t)
        try t.waitFor("Evidence checklist")
        try t.keys("e")
        try t.waitFor("Save a file note")
        try t.keys("Enter")
        let saved = try t.waitFor("stays on this computer")
        // Named by the time it was made (a kiosk case has no reference).
        #expect(saved.contains("Saved as lotr-") && saved.contains(".md. The file stays on this computer"), "\(saved)")
        let files = try FileManager.default.contentsOfDirectory(atPath: exports)
        #expect(files.count == 1, "\(files)")
        // Nothing was saved as a case.
        #expect(!FileManager.default.fileExists(atPath: data + "/lotr/sessions.sqlite"))
    }
}

/// `lotr --answers FILE` on the full screen: the case starts with the file's answers, saved.
@Suite(.serialized) struct AnswersFileEndToEndTests {
    @Test func theFullScreenStartsFromAnAnswersFile() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let answers = data + "/prepared.json"
        try #"{"in_uk": true, "status": "student", "reasons": ["family"]}"#.write(toFile: answers, atomically: true, encoding: .utf8)
        let script = "XDG_DATA_HOME='\(data)' '\(CLI.binary)' --flows '\(E2E.flows)' --today 2026-11-23 --answers '\(answers)'; echo EXITED; sleep 60"
        let t = try TmuxSession(script: script)
        try t.waitFor("Started from the answers in")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("y", "Enter")
        // The prepared answer is the one chosen on screen.
        let visa = try t.waitFor("What kind of visa do you have now?")
        #expect(visa.contains("▸") || visa.contains("(•)") || visa.contains("A student visa"))
        try t.keys("Enter")
        try t.waitFor("Why do you want to stay in the UK?")
        try t.keys("Enter")
        try t.waitFor("When did you first arrive in the UK?")
        try E2E.quit(t, with: "C-c")
        let list = try DeskEndToEndTests.cases(data: data)
        #expect(list.contains("\"status\": \"in_progress\"") && list.contains("\"id\": \"arrived\""), "\(list)")
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = data
        let ref = try #require(list.firstMatch(of: /"reference": "([A-Z0-9]{3}-[A-Z0-9]{3})"/).map { String($0.1) })
        let note = try TmuxSession.spawn([CLI.binary, "sessions", "show", ref, "--flows", E2E.flows, "--today", "2026-11-23"], environment: env).output
        #expect(note.contains("A student visa") && note.contains("My family is here"), "\(note)")

        // A wrong answer in the file: the terminal is given back, then the answer at fault is named.
        try #"{"in_uk": "perhaps"}"#.write(toFile: answers, atomically: true, encoding: .utf8)
        let bad = try TmuxSession(script: script)
        let screen = try bad.waitFor("EXITED")
        #expect(screen.contains("in_uk") && !screen.contains("perhaps"), "\(screen)")
    }
}

@Suite(.serialized) struct LabelEndToEndTests {
    @Test func f3LabelsTheCaseOnScreen() throws {
        guard TmuxSession.available else { print("skipped: tmux or the lotr binary is missing"); return }
        let data = try E2E.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let t = try TmuxSession(script: E2E.script(data: data), cols: 100)
        try t.waitFor("Press Enter to start.")
        // A label typed before the first answer is saved with the case when it is created.
        try t.keys("F3")
        try t.waitFor("Case label")
        try t.type("AO 2026/114")
        try t.keys("Enter")
        try t.waitFor("Label saved.")
        try t.keys("Enter")
        try t.waitFor("Are you in the UK with leave now?")
        try t.keys("y", "Enter")
        try t.waitFor("AO 2026/114")
        try t.waitFor("What kind of visa do you have now?")
        try E2E.quit(t, with: "C-c")
        let list = try DeskEndToEndTests.cases(data: data)
        #expect(list.contains("\"label\": \"AO 2026/114\""), "\(list)")
    }
}
