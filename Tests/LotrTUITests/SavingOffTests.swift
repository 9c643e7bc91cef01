import Foundation
import LotrEngine
import LotrFlow
import Testing
@testable import LotrTUI

/// While saving is off the screen says so until it works again, and the quit question says
/// exactly what would be lost, with the whole reason.
@Suite struct SavingOffTests {
    static let reason = "Saving is off: the saved-sessions file /home/adviser/.local/share/lotr/sessions.sqlite is in use by another program (probably another lotr); close it and try again."

    static func driveToStatus() -> Drive {
        var d = Drive(InterviewFixtures.small)
        d.press(.enter, .enter)  // welcome, then in_uk: yes
        d.m.caseReference = "K7M-42Q"
        d.m.savingOff = SavingOff(sinceQuestion: 1, reason: reason)
        d.m.message = nil
        return d
    }

    @Test func theHeaderSaysNotSavedInsteadOfTheCaseReference() {
        var d = Self.driveToStatus()
        for size in [Size(rows: 24, cols: 80), Size(rows: 24, cols: 60), Size(rows: 30, cols: 120)] {
            let header = d.screen(size).text.split(separator: "\n").first ?? ""
            #expect(header.contains("NOT SAVED"), "\(size): \(header)")
            #expect(!header.contains("K7M-42Q"), "\(size): \(header)")
        }
        // Several keys later it is still there.
        d.press(.down, .up)
        #expect(d.screen().text.split(separator: "\n").first?.contains("NOT SAVED") == true)
        d.m.savingOff = nil
        let header = d.screen(Size(rows: 30, cols: 120)).text.split(separator: "\n").first ?? ""
        #expect(header.contains("K7M-42Q") && !header.contains("NOT SAVED"))
    }

    @Test func theQuitQuestionSaysWhatIsLostAndWhy() {
        var d = Self.driveToStatus()
        d.m.savingOff = SavingOff(sinceQuestion: 3, reason: Self.reason)
        d.send(.interrupt)
        let text = d.screen().text
        #expect(text.contains("Do you want to quit?"))
        #expect(text.contains("Nothing since question 3 is saved"))
        // The whole reason, wrapped inside the box: its last words are on screen.
        let flat = text.split(separator: "\n").map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("close it and try again."), "\(text)")
        #expect(flat.contains("(probably another lotr)"), "\(text)")
    }

    @Test func aLongMessageIsWrappedNotCut() {
        var d = Self.driveToStatus()
        d.m.message = Self.reason + " Your answers are kept only until you quit."
        d.m.messageIsError = true
        let rows = d.screen().text.split(separator: "\n", omittingEmptySubsequences: false)
        let bottom = rows[19...22].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(bottom.contains("Saving is off:") && bottom.contains("in use by another program") && bottom.contains("until you quit."), "\(bottom)")
    }
}
