import Foundation
import LotrEngine
import LotrFlow
@testable import LotrStore
import Testing

@Suite struct ScrubTests {
    /// A rendered file note is overwritten in its own storage: a second value sharing that
    /// storage (as a lingering copy would) reads nothing of it afterwards.
    @Test func aRenderedNoteIsOverwrittenInPlace() {
        let answers: Answers = ["in_uk": .bool(true), "status": .option("visitor"), "crisis": .bool(true)]
        var text = FileNote(flows: StoreFixtures.flows, reference: "K7M-42Q", today: StoreFixtures.today, answers: answers,
                            notes: ["status": "Partner's visa was refused in 2019"], ticks: [], language: "en").markdown()
        #expect(text.contains("Partner's visa was refused"))
        let sharing = text
        Scrub.overwrite(&text)
        #expect(text.isEmpty)
        #expect(!sharing.contains("visa"))
        #expect(sharing.utf8.allSatisfy { $0 == 0 }, "every byte of the storage is zero")
    }

    @Test func shortTextAndBytesAreOverwrittenToo() {
        var short = "PIN 4711"
        Scrub.overwrite(&short)
        #expect(short.isEmpty)
        var bytes = Array("refused in 2019".utf8)
        Scrub.overwrite(&bytes)
        #expect(bytes.count == 15 && bytes.allSatisfy { $0 == 0 })
    }

    /// An export writes the note and keeps no copy of its bytes.
    @Test func exportStillWritesTheWholeNote() throws {
        let dir = TempDir()
        let text = String(repeating: "a line of a file note\n", count: 500)
        try ExportFile.write(text, to: dir.path + "/note.md")
        #expect(try String(contentsOfFile: dir.path + "/note.md", encoding: .utf8) == text)
    }
}
