import Foundation
import GRDB
import Testing

/// The intake desk from the command line: the case list, labels, purge and retention, and the
/// plain mode keeping cases like the full screen. Each test has its own data and config folders.
final class DeskFolders {
    let root: String
    let flows: String
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-desk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/config/lotr", withIntermediateDirectories: true)
        flows = try CLI.fixtureFolder("valid")
    }
    deinit {
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.removeItem(atPath: flows)
    }

    var database: String { root + "/data/lotr/sessions.sqlite" }

    func run(_ args: [String], stdin: String? = nil) throws -> CLI.Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = root + "/data"
        env["XDG_CONFIG_HOME"] = root + "/config"
        env["LOTR_FLOWS"] = flows
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A piped plain-mode interview; returns the reference it was saved as.
    func interview(_ lines: [String], extra: [String] = []) throws -> (CLI.Output, String?) {
        let r = try run(["--plain", "--today", "2026-11-23"] + extra, stdin: lines.joined(separator: "\n") + "\n")
        let ref = r.stdout.firstMatch(of: /Saved as case ([A-Z0-9]{3}-[A-Z0-9]{3})/).map { String($0.1) }
        return (r, ref)
    }

    func listJSON(_ extra: [String] = []) throws -> [[String: Any]] {
        let r = try run(["sessions", "list", "--format", "json", "--today", "2026-11-23"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]) ?? []
    }
}

@Suite(.serialized) struct DeskCLITests {
    /// Done when: the JSON list shows label, status and outcome for a finished and an unfinished
    /// case, and --search finds by label.
    @Test func theJSONCaseListShowsLabelStatusAndOutcomeAndSearchFindsByLabel() throws {
        let d = try DeskFolders()
        let (done, finished) = try d.interview(["1", "1", "none", "label Mrs Okafor 0114", "q"])
        #expect(done.status == 0, "\(done.stdout)")
        let (_, open) = try d.interview(["1", "q"])
        let finishedRef = try #require(finished), openRef = try #require(open)
        let label = try d.run(["sessions", "label", openRef.lowercased(), "JB/2026/7"])
        #expect(label.status == 0 && label.stdout.contains("Labelled \(openRef)"), "\(label.stderr)")

        let all = try d.listJSON()
        #expect(all.map { $0["reference"] as? String } == [openRef, finishedRef], "newest first")
        for item in all { #expect(Set(item.keys) == ["reference", "label", "status", "outcome", "question", "started", "updated", "notes"]) }
        let f = try #require(all.last), o = try #require(all.first)
        #expect(f["label"] as? String == "Mrs Okafor 0114" && f["status"] as? String == "outcome")
        let outcome = try #require(f["outcome"] as? [String: Any])
        #expect(outcome["id"] as? String == "settled" && outcome["title"] as? String == "Apply on form A" && outcome["form"] as? String == "FORM(A)")
        #expect(f["question"] is NSNull)
        #expect(o["label"] as? String == "JB/2026/7" && o["status"] as? String == "in_progress" && o["outcome"] is NSNull)
        #expect((o["question"] as? [String: Any])?["id"] as? String == "status")

        #expect(try d.listJSON(["--search", "okafor"]).map { $0["reference"] as? String } == [finishedRef])
        #expect(try d.listJSON(["--search", String(openRef.prefix(3))]).map { $0["reference"] as? String }.contains(openRef))
        #expect(try d.listJSON(["--status", "in_progress"]).map { $0["reference"] as? String } == [openRef])
        #expect(try d.listJSON(["--search", "nobody-has-this"]).isEmpty)

        let table = try d.run(["sessions", "list", "--today", "2026-11-23"])
        #expect(table.stdout.contains("Apply on form A (FORM(A))") && table.stdout.contains("What is your status?"), "\(table.stdout)")
        #expect(table.stdout.contains("Mrs Okafor 0114") && table.stdout.contains("in progress") && table.stdout.contains("result"))
        // The label is personal data: never on standard error.
        #expect(!done.stderr.contains("Okafor") && !label.stderr.contains("JB/2026"))
    }

    /// Done when: purge --older-than 0d removes every case and a grep of the database and its
    /// WAL for a distinctive label finds nothing.
    @Test func purgeRemovesEveryCaseAndLeavesNoTraceOfTheLabel() throws {
        let d = try DeskFolders()
        let (_, a) = try d.interview(["1", "label QUOKKA-LABEL-7731", "q"])
        let (_, b) = try d.interview(["2", "q"])
        let first = try #require(a), second = try #require(b)
        let before = (FileManager.default.contents(atPath: d.database) ?? Data()) + (FileManager.default.contents(atPath: d.database + "-wal") ?? Data())
        #expect(before.range(of: Data("QUOKKA-LABEL-7731".utf8)) != nil, "the label was saved (so the check below can fail)")
        let purge = try d.run(["sessions", "purge", "--older-than", "0d"])
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(purge.stdout.contains("Deleted 2 cases") && purge.stdout.contains(first) && purge.stdout.contains(second), "\(purge.stdout)")
        #expect(!purge.stdout.contains("QUOKKA"), "what it deleted is named by reference, not by label")
        for file in [d.database, d.database + "-wal"] {
            let content = FileManager.default.contents(atPath: file) ?? Data()
            #expect(content.range(of: Data("QUOKKA-LABEL".utf8)) == nil, "\(file) still holds the label")
        }
        #expect(try d.listJSON().isEmpty)
        let bad = try d.run(["sessions", "purge", "--older-than", "soon"])
        #expect(bad.status != 0 && bad.stderr.contains("--older-than must be a number of days"))
    }

    /// retention_days in the config file deletes old cases when lotr starts.
    @Test func theConfiguredRetentionPeriodIsAppliedAtStart() throws {
        let d = try DeskFolders()
        let (_, a) = try d.interview(["1", "q"])
        let (_, b) = try d.interview(["2", "q"])
        let old = try #require(a), recent = try #require(b)
        // Age the first case: last saved 100 days ago.
        let queue = try DatabaseQueue(path: d.database)
        try queue.write { db in
            try db.execute(sql: "UPDATE session SET updated_ms = updated_ms - 100 * 86400000 WHERE ref = ?", arguments: [old])
        }
        try queue.close()
        try "# keep cases three months\nretention_days = 90\n".write(toFile: d.root + "/config/lotr/config", atomically: true, encoding: .utf8)
        let (start, _) = try d.interview(["q"])
        #expect(start.stdout.contains("Deleted 1 saved case last saved more than 90 days ago") && start.stdout.contains(old), "\(start.stdout)")
        #expect(try d.listJSON().map { $0["reference"] as? String } == [recent])
        // A mistake in the file is named by line, and nothing is deleted.
        try "retention_days = three months\n".write(toFile: d.root + "/config/lotr/config", atomically: true, encoding: .utf8)
        let list = try d.run(["sessions", "list"])
        #expect(list.stderr.contains("config:1: retention_days must be a whole number"), "\(list.stderr)")
        #expect(list.stdout.contains(recent))
    }

    /// Done when: a piped plain-mode interview is listed by `lotr sessions list` and resumes with --resume.
    @Test func aPipedPlainInterviewIsListedAndResumes() throws {
        let d = try DeskFolders()
        let (first, saved) = try d.interview(["1", "q"])
        #expect(first.status == 3)
        let ref = try #require(saved, "the reference is printed: \(first.stdout)")
        let list = try d.run(["sessions", "list"])
        #expect(list.stdout.contains(ref) && list.stdout.contains("in progress"), "\(list.stdout)")
        // Resuming goes straight to the question reached, and the answers carry on into the same case.
        let (resumed, newRef) = try d.interview(["2", "none", "q"], extra: ["--resume", ref.lowercased()])
        #expect(newRef == nil, "no new case is started")
        #expect(resumed.stdout.contains("Resumed case \(ref)."), "\(resumed.stdout)")
        #expect(!resumed.stdout.contains("Question 1: Are you in the UK?"))
        #expect(resumed.stdout.contains("Question 2: What is your status?"))
        #expect(resumed.status == 0 && resumed.stdout.contains("Apply on form A"), "\(resumed.stdout)")
        let after = try d.listJSON()
        #expect(after.count == 1 && after.first?["status"] as? String == "outcome")
        // --no-save keeps nothing; an unknown reference is refused.
        let (unsaved, none) = try d.interview(["1", "save", "q"], extra: ["--no-save"])
        #expect(none == nil && unsaved.stdout.contains("Saving is off for this interview"))
        #expect(try d.listJSON().count == 1)
        let unknown = try d.run(["--plain", "--resume", "AAA-AAA"], stdin: "")
        #expect(unknown.status == 2 && unknown.stderr.contains("AAA-AAA"))
    }

    /// Plain mode: export writes the file note; ticks are saved and read back as words.
    @Test func plainModeExportsAndTicksTheChecklist() throws {
        let d = try DeskFolders()
        let note = d.root + "/note.md"
        let (r, saved) = try d.interview(["note Came in on a work visa", "1", "note", "1", "none", "checklist", "tick 1", "tick 9",
                                          "note Bring payslips Tuesday", "export \(note)", "q"])
        let ref = try #require(saved)
        #expect(r.stdout.contains("Evidence checklist: 0 of 1 gathered."), "\(r.stdout)")
        #expect(r.stdout.contains("(not yet gathered)") && r.stdout.contains("Item 1 marked as gathered"))
        #expect(r.stdout.contains("from 1 to 1"), "a number out of range says what to type")
        #expect(!r.stdout.contains("=====") && !r.stdout.contains("APPLY ON FORM A") && !r.stdout.contains("[ ]"))
        #expect(r.stdout.contains("Wrote the file note to \(note)."))
        let written = try String(contentsOfFile: note, encoding: .utf8)
        #expect(written.contains(ref) && written.contains("Apply on form A"))
        #expect(r.stdout.contains("Note saved on this question.") && r.stdout.contains("It is kept with the case from the first answer."))
        #expect(r.stdout.contains("There is no note."), "the second question has none yet")
        #expect(r.stdout.contains("Case note saved."))
        let show = try d.run(["sessions", "show", ref, "--today", "2026-11-23"])
        #expect(show.stdout.contains("1 of 1 ticked"), "\(show.stdout)")
        #expect(show.stdout.contains("Adviser's note: Came in on a work visa") && show.stdout.contains("Case note: Bring payslips Tuesday"), "\(show.stdout)")
        #expect(try d.listJSON().first?["notes"] as? Int == 2)
    }

    /// `--answers FILE` starts from a `decide` answers file; the answers are saved as the case.
    @Test func anAnswersFileStartsTheInterviewPrefilled() throws {
        let d = try DeskFolders()
        let answers = d.root + "/answers.json"
        try #"{"in_uk": true, "status": "worker"}"#.write(toFile: answers, atomically: true, encoding: .utf8)
        let (r, saved) = try d.interview(["none", "q"], extra: ["--answers", answers])
        #expect(saved != nil && r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("Started from the answers in"))
        #expect(!r.stdout.contains("Question 1: Are you in the UK?") && r.stdout.contains("Question 3: When were you away?"))
        #expect(try d.listJSON().first?["status"] as? String == "outcome")
        try #"{"in_uk": "perhaps"}"#.write(toFile: answers, atomically: true, encoding: .utf8)
        let bad = try d.run(["--plain", "--answers", answers], stdin: "")
        #expect(bad.status == 2 && bad.stderr.contains("in_uk") && !bad.stderr.contains("perhaps"), "\(bad.stderr)")
    }

    /// Done when: a CSV of 30 trips loads into the trips question in one step.
    @Test func thirtyTripsFromACSVFileInOneStep() throws {
        let d = try DeskFolders()
        var csv = "from,to\n"
        for i in 0..<30 {
            let month = i % 12 + 1, year = 2020 + i / 12
            csv += String(format: "%02d/%02d/%d,%d-%02d-%02d\n", 3, month, year, year, month, 8)
        }
        let file = d.root + "/trips.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        var broken = csv.replacingOccurrences(of: "03/05/2021", with: "31/02/2021")
        broken += "\n"
        let bad = d.root + "/bad.csv"
        try broken.write(toFile: bad, atomically: true, encoding: .utf8)
        let (r, _) = try d.interview(["1", "1", "import \(bad)", "list", "import \(file)", "done", "q"])
        #expect(r.stdout.contains("Nothing added. Line 18:"), "\(r.stdout)")
        #expect(r.stdout.contains("The list is empty."), "nothing from the bad file was added")
        #expect(r.stdout.contains("Added 30 trips from the file; the list now has 30."), "\(r.stdout)")
        // The whole-list prompt is said once; after that a short one.
        let full = r.stdout.components(separatedBy: "Type add to add an absence, list, delete and a number, or done when the list is complete").count - 1
        #expect(full == 1, "the long list prompt is not repeated after every entry")
    }

    /// The same case in two plain windows: the second is told and may read it or take it over;
    /// after a take-over the first window's answers go to a new case, so nothing is lost.
    @Test func aSecondPlainWindowIsToldAndMayReadOnlyOrTakeOver() throws {
        let d = try DeskFolders()
        // Window A: answers the first question and stays open.
        let a = Process()
        a.executableURL = URL(fileURLWithPath: CLI.binary)
        a.arguments = ["--plain", "--today", "2026-11-23"]
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = d.root + "/data"
        env["XDG_CONFIG_HOME"] = d.root + "/config"
        env["LOTR_FLOWS"] = d.flows
        a.environment = env
        let aIn = Pipe(), aOut = Pipe()
        a.standardInput = aIn
        a.standardOutput = aOut
        a.standardError = FileHandle.nullDevice
        try a.run()
        aIn.fileHandleForWriting.write(Data("1\n".utf8))
        var ref: String?
        for _ in 0..<200 where ref == nil {
            Thread.sleep(forTimeInterval: 0.05)
            ref = try d.listJSON().first?["reference"] as? String
        }
        let shared = try #require(ref, "window A saved its first answer")

        let (readOnly, _) = try d.interview(["r", "2", "q"], extra: ["--resume", shared])
        #expect(readOnly.stdout.contains("Case \(shared) is open in another window (process \(a.processIdentifier) on "), "\(readOnly.stdout)")
        #expect(readOnly.stdout.contains("Opened read-only"))
        #expect((try d.listJSON().first?["question"] as? [String: Any])?["id"] as? String == "status", "read-only saved nothing")

        let (takeOver, _) = try d.interview(["t", "2", "q"], extra: ["--resume", shared])
        #expect(takeOver.stdout.contains("Resumed case \(shared).") && takeOver.stdout.contains("When were you away?"), "\(takeOver.stdout)")

        // Window A answers again: its case was taken over, so its answers go to a new case.
        aIn.fileHandleForWriting.write(Data("3\n".utf8))
        try aIn.fileHandleForWriting.close()
        let aText = String(decoding: aOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        a.waitUntilExit()
        #expect(aText.contains("Case \(shared) was taken over in another window. So that nothing is lost, your answers are now saved as a new case"), "\(aText)")
        let all = try d.listJSON()
        #expect(all.count == 2)
        let original = try #require(all.first { $0["reference"] as? String == shared })
        #expect((original["question"] as? [String: Any])?["id"] as? String == "absences", "the take-over's answer is in the case")
        let copy = try #require(all.first { $0["reference"] as? String != shared })
        #expect(copy["status"] as? String == "in_progress", "window A's own answers (in_uk yes, status visitor) are kept")
    }

    @Test func aKioskRefusesAnExportFolderThatIsMissingOrReadableByAll() throws {
        let d = try DeskFolders()
        let missing = try d.run(["--kiosk", "--export-dir", d.root + "/nope"])
        #expect(missing.status == 2 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        let open = d.root + "/open"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let readable = try d.run(["--kiosk", "--export-dir", open])
        #expect(readable.status == 2 && readable.stderr.contains("anyone on this computer can read it"), "\(readable.stderr)")
    }
}
