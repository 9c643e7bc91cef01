import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// The intake desk on the full screen: trips from a file, the case list, a case open elsewhere.
@Suite struct DeskInterviewTests {
    /// in_uk yes → status worker → the absences list.
    static func atTrips() -> Drive {
        var d = Drive(InterviewFixtures.small)
        d.press(.enter, .character("y"), .enter, .character("1"), .enter)
        #expect(d.questionID == "absences")
        return d
    }

    static func csv(_ count: Int) -> String {
        var s = "from,to\n"
        for i in 0..<count {
            let month = i % 12 + 1, year = 2019 + i / 12
            s += "\(year)-\(month < 10 ? "0" : "")\(month)-02,12/\(month < 10 ? "0" : "")\(month)/\(year)\n"
        }
        return s
    }

    @Test func iReadsThirtyTripsFromAFileInOneStep() {
        var d = Self.atTrips()
        d.press(.character("i"))
        guard case .importFile("absences", "")? = d.m.overlay else { Issue.record("no file prompt: \(String(describing: d.m.overlay))"); return }
        #expect(d.screen().text.contains("Trips from a file"))
        d.type("/tmp/trips.csv")
        d.press(.enter)
        #expect(d.effects.last == .importTrips(question: "absences", path: "/tmp/trips.csv") && d.m.overlay == nil)
        // The host reads the file and hands the text back.
        d.m.importTrips(Self.csv(30), into: "absences")
        #expect(d.m.field("absences").ranges.count == 30)
        #expect(d.m.message == "Added 30 trips from the file; the list now has 30." && !d.m.messageIsError)
        // c confirms the list as typed trips are confirmed.
        d.press(.character("c"))
        guard case .ranges(let saved)? = d.m.answers["absences"] else { Issue.record("not confirmed"); return }
        #expect(saved.count == 30 && saved == saved.sorted { $0.from < $1.from })
    }

    @Test func aBadRowNamesItsLineAndNothingIsAdded() {
        var d = Self.atTrips()
        d.m.importTrips("01/01/2024,05/01/2024\n", into: "absences")
        #expect(d.m.field("absences").ranges.count == 1)
        let cases: [(String, String)] = [
            ("from,to\n01/02/2024,03/02/2024\n2024-03-01\n", "Line 3: expected two dates"),
            ("01/02/2024,03/02/2024\n05/02/2024,04/02/2024\n", "Line 2: the second date is before the first"),
            ("01/02/2024,03/02/2024\n30/02/2024,04/03/2024\n", "Line 2: the first date: February 2024 has 29 days"),
            ("03/01/2024,04/01/2024\n", "Line 1: this trip overlaps a trip already in the list"),
            ("01/03/2024,10/03/2024\n05/03/2024,06/03/2024\n", "Line 2: this trip overlaps line 1"),
            ("01/03/2099,02/03/2099\n", "Line 1:"),
            ("from,to\n\n", "The file has no trips in it."),
        ]
        for (text, expected) in cases {
            d.m.importTrips(text, into: "absences")
            #expect(d.m.messageIsError && d.m.message?.hasPrefix("Nothing added. " + expected) == true, "\(text): \(d.m.message ?? "")")
            #expect(d.m.field("absences").ranges.count == 1, "nothing from a bad file is added")
        }
        // In Chinese, the line and the reason are in Chinese too.
        d.m.language = "zh-Hant"
        d.m.importTrips("01/02/2024,03/02/2024\n30/02/2024,04/03/2024\n", into: "absences")
        #expect(d.m.message == "沒有加入任何項目。第 2 行：第一個日期：2024年2月只有 29 日，所以沒有 30 日。", "\(d.m.message ?? "")")
        d.m.importTrips("01/03/2024,10/03/2024\n05/03/2024,06/03/2024\n", into: "absences")
        #expect(d.m.message?.hasPrefix("沒有加入任何項目。第 2 行：這次行程與第 1 行") == true, "\(d.m.message ?? "")")
        d.m.importTrips("20/03/2024,21/03/2024\n", into: "absences")
        #expect(d.m.message == "已從檔案加入 1 項；清單現在共有 2 項。")
    }

    @Test func theCaseListSearchesAsYouTypeAndEnterOpens() {
        var d = Drive(InterviewFixtures.small)
        d.press(.character("o"))
        #expect(d.effects == [.loadCases])
        d.m.savedCases = [
            CaseRow(reference: "K7M-42Q", label: "Mrs Okafor", summary: "Result: Apply on form A (FORM(A))", updated: "2026-11-23 10:00"),
            CaseRow(reference: "PQR-234", label: "JB 0114", summary: "What is your status?", updated: "2026-11-22 16:30"),
            CaseRow(reference: "XYZ-679", label: nil, summary: "Are you in the UK?", updated: "2026-11-20 09:15"),
        ]
        var text = d.screen().text
        #expect(text.contains("Saved cases") && text.contains("K7M-42Q") && text.contains("Mrs Okafor") && text.contains("XYZ-679"))
        d.type("0114")
        text = d.screen().text
        #expect(text.contains("PQR-234") && !text.contains("K7M-42Q") && !text.contains("XYZ-679"))
        d.press(.enter)
        #expect(d.effects.last == .openCase("PQR-234") && d.m.overlay == nil)
        // By reference, without the dash, any case; ↓ moves through the matches.
        d.press(.character("o"))
        d.type("xyz6")
        d.press(.enter)
        #expect(d.effects.last == .openCase("XYZ-679"))
        d.press(.character("o"))
        d.press(.down, .enter)
        #expect(d.effects.last == .openCase("PQR-234"))
        d.press(.character("o"))
        d.type("nobody")
        #expect(d.screen().text.contains("No saved case matches."))
        d.press(.enter)
        #expect(d.m.messageIsError && d.effects.last == .loadCases, "nothing is opened")
        d.press(.escape)
        #expect(d.m.overlay == nil && d.m.page == .welcome)
        // Without saving there is nothing to open.
        var unsaved = Drive(InterviewFixtures.small)
        unsaved.m.canOpenCases = false
        unsaved.press(.character("o"))
        #expect(unsaved.m.overlay == nil && unsaved.effects.isEmpty && unsaved.m.message?.contains("Saving is off") == true)
    }

    @Test func aCaseOpenElsewhereIsReadOnlyOrTakenOver() {
        var d = Drive(InterviewFixtures.small)
        d.m.overlay = .caseInUse(reference: "K7M-42Q", holder: "process 4242 on desk-3, since 2026-11-23 09:00")
        let text = d.screen().text
        #expect(text.contains("K7M-42Q") && text.contains("4242") && text.contains("r read-only") && text.contains("t take over"))
        d.press(.character("r"))
        #expect(d.effects.last == .openReadOnly("K7M-42Q") && d.m.overlay == nil)
        d.m.overlay = .caseInUse(reference: "K7M-42Q", holder: "x")
        d.press(.character("t"))
        #expect(d.effects.last == .takeOver("K7M-42Q"))
        d.m.overlay = .caseInUse(reference: "K7M-42Q", holder: "x")
        let before = d.effects.count
        d.press(.escape)
        #expect(d.m.overlay == nil && d.effects.count == before)
    }
}

@Suite struct CaseNoteTests {
    /// in_uk yes → status visitor → crisis yes: the result.
    static func atResult() -> Drive {
        var d = Drive(InterviewFixtures.small)
        d.press(.enter, .character("y"), .enter, .character("3"), .enter, .character("y"), .enter)
        #expect(d.m.page == .outcome)
        return d
    }

    @Test func aCaseNoteOnTheResultAndReviewScreensAndQuestionNotesMarked() {
        var d = Self.atResult()
        d.press(.function(2))
        #expect(d.m.overlay == .note(question: FileNote.caseNoteKey, text: ""))
        #expect(d.screen().text.contains("the whole case"))
        d.type("Client to bring passport Tuesday")
        d.press(.enter)
        #expect(d.m.notes[FileNote.caseNoteKey] == "Client to bring passport Tuesday")
        #expect(d.effects.last == .saveNote(FileNote.caseNoteKey))
        #expect(d.screen(Size(rows: 24, cols: 100)).text.contains("✎ Case note: Client to bring passport Tuesday"))
        // A question note shows on its question and is marked in the review.
        d.m.notes["status"] = "Visa expired 2025"
        d.press(.character("r"))
        #expect(d.m.page == .review)
        let review = d.screen(Size(rows: 24, cols: 100)).text
        // The note is marked under its question (the second), and only there.
        #expect(review.components(separatedBy: "✎ ").count == 3, "\(review)")
        #expect(review.contains("Visa expired 2025"), "\(review)")
        #expect(review.contains("✎ Case note: Client to bring passport Tuesday"))
        d.press(.ctrl("n"))
        #expect(d.m.overlay == .note(question: FileNote.caseNoteKey, text: "Client to bring passport Tuesday"))
        d.press(.escape, .up, .enter)
        #expect(d.m.page == .question("status"))
        #expect(d.screen(Size(rows: 24, cols: 100)).text.contains("✎ Adviser note: Visa expired 2025"))
        // The file note carries the case note, and not among the notes on other questions.
        let note = FileNote(flows: InterviewFixtures.small, reference: "K7M-42Q", today: InterviewFixtures.today,
                            answers: d.m.answers, notes: d.m.notes, ticks: [], language: "en")
        #expect(note.caseNote == "Client to bring passport Tuesday" && note.otherNotes.isEmpty)
        #expect(note.text().contains("Case note: Client to bring passport Tuesday"))
        #expect(note.markdown().contains("**Case note:** Client to bring passport Tuesday"))
        #expect(note.json().serialized().contains("\"case_note\": \"Client to bring passport Tuesday\""))
    }
}
