import Foundation
import GRDB
import LotrTestSupport
import LotrEngine
import LotrFlow
import Testing
@testable import LotrStore

private let flows = StoreFixtures.flows
private let today = StoreFixtures.today

/// For random sequences of answers, every committed change is on disk at once (a second,
/// independent connection sees it while the first is still open and never closed cleanly),
/// and resuming from disk restores the same answers and the same next question.
@Test(arguments: 0..<12) func savedAnswersSurviveAndResumeWhereTheyStopped(seed: Int) throws {
    var g = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
    let dir = TempDir()
    let writer = try SessionStore.open(directory: dir.store)
    let session = try writer.create(flowVersion: flows.version, language: "en")
    let ref = session.reference
    var model: [(String, Value)] = []
    var position: String?
    let questions = flows.questionOrder
    for _ in 0..<Int.random(in: 1...14, using: &g) {
        switch Int.random(in: 0..<10, using: &g) {
        case 0..<6:
            let id = questions.randomElement(using: &g)!
            let v = Gen.answer(for: flows.questions[id]!, &g)
            let next = Bool.random(using: &g) ? questions.randomElement(using: &g) : nil
            try writer.saveAnswer(ref, question: id, value: v, position: next)
            position = next ?? id
            if let i = model.firstIndex(where: { $0.0 == id }) { model[i].1 = v } else { model.append((id, v)) }
        case 6, 7:
            // Answers of every kind, to ids the flows do not know: kept exactly, set aside on resume.
            let id = "gone_\(Int.random(in: 0..<4, using: &g))"
            let v = Gen.value(&g)
            try writer.saveAnswer(ref, question: id, value: v)
            position = id
            if let i = model.firstIndex(where: { $0.0 == id }) { model[i].1 = v } else { model.append((id, v)) }
        default:
            guard let victim = model.randomElement(using: &g)?.0 else { continue }
            try writer.removeAnswer(ref, question: victim)
            model.removeAll { $0.0 == victim }
        }
        // A second connection, opened from disk while the writer is still open.
        let reader = try SessionStore.open(directory: dir.store)
        let saved = try reader.load(ref)
        #expect(saved.answers.map(\.question) == model.map(\.0))
        #expect(zip(saved.answers, model).allSatisfy { saved, expected in saved.value.map { identical($0, expected.1) } ?? false })
        #expect(saved.session.position == position)
    }
    let resumed = try SessionStore.open(directory: dir.store).resume(ref, flows: flows, today: today)
    let known = model.filter { flows.questions[$0.0] != nil }
    #expect(resumed.answers == Dictionary(uniqueKeysWithValues: known))
    #expect(resumed.keptAside.map(\.question) == model.filter { flows.questions[$0.0] == nil }.map(\.0))
    #expect(resumed.keptAside.allSatisfy { $0.reason == .questionRemoved })
    let expected = Engine.assess(flows, answers: Dictionary(uniqueKeysWithValues: known), today: today)
    #expect(resumed.next?.id == expected.next?.id)
    #expect(resumed.lastQuestion == (position.flatMap { flows.questions[$0] != nil ? $0 : nil } ?? expected.next?.id))
    #expect(!resumed.flowsChanged)
}

@Test func folderIsPrivateAndFilesOwnerOnly() throws {
    let dir = TempDir()
    // A folder that already exists with looser permissions is tightened.
    try FileManager.default.createDirectory(atPath: dir.store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: "v", language: "en").reference
    try store.saveAnswer(ref, question: "in_uk", value: .bool(true))
    #expect(fileMode(dir.store) == 0o700)
    let db = dir.store + "/sessions.sqlite"
    #expect(FileManager.default.fileExists(atPath: db + "-wal"), "the WAL file exists while the store is open")
    for suffix in ["", "-wal", "-shm"] {
        #expect(fileMode(db + suffix) == 0o600, "sessions.sqlite\(suffix)")
    }
    // A database file left readable by others is tightened when opened.
    chmod(db, 0o644)
    _ = try SessionStore.open(directory: dir.store)
    #expect(fileMode(db) == 0o600)
}

@Test func dataFolderFollowsXDG() throws {
    #expect(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/p"]) == "/x/data/lotr")
    #expect(SessionStore.defaultDirectory(environment: ["HOME": "/home/p"]) == "/home/p/.local/share/lotr")
    #expect(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/p"]) == "/home/p/.local/share/lotr")
    #expect(SessionStore.defaultDirectory(environment: [:]) == nil)
    #expect(throws: SessionStoreError.unavailable(path: "~/.local/share/lotr", reason: "neither HOME nor XDG_DATA_HOME is set")) {
        try SessionStore.openDefault(environment: [:])
    }
    let dir = TempDir()
    let store = try SessionStore.openDefault(environment: ["XDG_DATA_HOME": dir.path, "HOME": "/nonexistent"])
    #expect(store.path == dir.path + "/lotr/sessions.sqlite")
}

@Test func aDamagedFileGivesATypedErrorAndIsLeftAlone() throws {
    let dir = TempDir()
    try FileManager.default.createDirectory(atPath: dir.store, withIntermediateDirectories: true)
    let db = dir.store + "/sessions.sqlite"
    let junk = Data(String(repeating: "this is not a database. ", count: 400).utf8)
    #expect(FileManager.default.createFile(atPath: db, contents: junk))
    #expect(throws: SessionStoreError.corrupt(path: db)) { try SessionStore.open(directory: dir.store) }
    #expect(FileManager.default.contents(atPath: db) == junk, "nothing in it was changed")
    let message = SessionStoreError.corrupt(path: db).savingOffMessage
    #expect(message.hasPrefix("Saving is off: ") && message.contains(db) && message.contains("damaged"))
}

@Test func aDatabaseWithDamagedPagesIsReportedAsCorrupt() throws {
    let dir = TempDir()
    do {
        let store = try SessionStore.open(directory: dir.store)
        let ref = try store.create(flowVersion: "v", language: "en").reference
        for i in 0..<200 { try store.saveAnswer(ref, question: "q\(i)", value: .text(String(repeating: "x", count: 200))) }
        try store.delete(try store.create(flowVersion: "v", language: "en").reference) // checkpoints into the main file
    }
    let db = dir.store + "/sessions.sqlite"
    var bytes = try #require(FileManager.default.contents(atPath: db))
    #expect(bytes.count > 8192)
    // Scribble over the b-tree pages, keeping the 100-byte header intact.
    for i in stride(from: 4096, to: bytes.count, by: 1) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
    try bytes.write(to: URL(fileURLWithPath: db))
    #expect(throws: SessionStoreError.corrupt(path: db)) { try SessionStore.open(directory: dir.store) }
}

@Test func aLockedDatabaseGivesATypedErrorAndWorksAgainOnceFree() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store, busyTimeout: 0.1)
    let ref = try store.create(flowVersion: "v", language: "en").reference
    let other = try DatabaseQueue(path: dir.store + "/sessions.sqlite")
    try other.writeWithoutTransaction { db in
        try db.execute(sql: "BEGIN EXCLUSIVE")
        try db.execute(sql: "UPDATE session SET language = language")
        #expect(throws: SessionStoreError.locked(path: store.path)) {
            try store.saveAnswer(ref, question: "in_uk", value: .bool(true))
        }
        #expect(throws: SessionStoreError.locked(path: store.path)) { try store.create(flowVersion: "v", language: "en") }
        try db.execute(sql: "ROLLBACK")
    }
    try store.saveAnswer(ref, question: "in_uk", value: .bool(true))
    #expect(try store.load(ref).answerValues == ["in_uk": .bool(true)])
    #expect(SessionStoreError.locked(path: "/p").savingOffMessage.contains("in use"))
}

@Test func unknownReferencesAreNotFound() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let missing = SessionStoreError.notFound(reference: "AAA-AAA")
    #expect(throws: missing) { try store.saveAnswer("AAA-AAA", question: "in_uk", value: .bool(true)) }
    #expect(throws: missing) { try store.load("AAA-AAA") }
    #expect(throws: missing) { try store.resume("AAA-AAA", flows: flows, today: today) }
    #expect(throws: missing) { try store.delete("AAA-AAA") }
    #expect(throws: missing) { try store.saveNote("AAA-AAA", question: "in_uk", text: "n") }
    #expect(throws: missing) { try store.setTick("AAA-AAA", item: "passport", ticked: true) }
    #expect(try store.list().isEmpty, "a failed save creates nothing")
    #expect(missing.description.contains("AAA-AAA"))
}

@Test func changedFlowsKeepOldAnswersAsideWithoutLosingThem() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: "an-older-version", language: "en").reference
    try store.saveAnswer(ref, question: "in_uk", value: .bool(true))
    try store.saveAnswer(ref, question: "status", value: .option("retired"))
    try store.saveAnswer(ref, question: "crisis", value: .text("yes"))
    try store.saveAnswer(ref, question: "removed_question", value: .number(3))
    try store.saveAnswer(ref, question: "absences", value: .ranges([]), position: "removed_question")
    // A value written by some later version that this one cannot read.
    let other = try DatabaseQueue(path: store.path)
    try other.write { db in
        try db.execute(sql: "INSERT INTO answer (ref, question, value, seq) VALUES (?, 'future', '{\"hologram\":1}', 99)", arguments: [ref])
    }
    let r = try store.resume(ref, flows: flows, today: today)
    #expect(r.flowsChanged)
    #expect(r.answers == ["in_uk": .bool(true), "absences": .ranges([])])
    #expect(r.keptAside.map(\.question) == ["status", "crisis", "removed_question", "future"])
    #expect(r.keptAside[0].reason == .doesNotFit("the option chosen is no longer offered"))
    #expect(r.keptAside[1].explanation.contains("yes or no"))
    #expect(r.keptAside[2].reason == .questionRemoved && r.keptAside[2].value == .number(3))
    #expect(r.keptAside[3].reason == .unreadable && r.keptAside[3].stored == #"{"hologram":1}"#)
    #expect(r.next?.id == "status", "the question whose answer was set aside is asked again")
    #expect(r.lastQuestion == "status", "a saved position on a removed question falls back to the next question")
    // Still in the database, exactly.
    let saved = try store.load(ref)
    #expect(saved.answers.count == 6)
    #expect(saved.answerValues["status"] == .option("retired"))
    // Answering again replaces the kept-aside answer.
    try store.saveAnswer(ref, question: "status", value: .option("worker"))
    #expect(try store.resume(ref, flows: flows, today: today).keptAside.map(\.question) == ["crisis", "removed_question", "future"])
    // The file note reports what was kept aside.
    let note = r.fileNote(flows: flows, today: today).text().split(whereSeparator: \.isNewline).joined(separator: " ")
    #expect(note.contains("Answers kept aside") && note.contains("no longer asked") && note.contains("(unreadable)"))
    #expect(note.contains("saved under version an-older-version"))
}

@Test func deleteRemovesEverythingAndShrinksTheFile() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let keep = try store.create(flowVersion: "v", language: "en").reference
    try store.saveAnswer(keep, question: "in_uk", value: .bool(false))
    let gone = try store.create(flowVersion: "v", language: "en").reference
    let marker = "QZXJ-PRIVATE-MARKER"
    for i in 0..<300 {
        try store.saveAnswer(gone, question: "q\(i)", value: .text(marker + String(repeating: "·", count: 600)))
    }
    try store.saveNote(gone, question: "q1", text: marker)
    try store.setTick(gone, item: "passport", ticked: true)
    func onDisk() -> (size: Int, bytes: Data) {
        let db = store.path
        let parts = ["", "-wal"].map { FileManager.default.contents(atPath: db + $0) ?? Data() }
        return (fileSize(db) + fileSize(db + "-wal"), parts.reduce(Data(), +))
    }
    // Move everything into the main file first, so that only rebuilding the file can shrink it.
    try DatabaseQueue(path: store.path).writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    let before = onDisk()
    #expect(fileSize(store.path + "-wal") == 0)
    #expect(before.bytes.range(of: Data(marker.utf8)) != nil, "the marker is there to be found")
    let summary = try store.delete(gone)
    #expect(summary.reference == gone && summary.answerCount == 300 && summary.noteCount == 1)
    #expect(throws: SessionStoreError.notFound(reference: gone)) { try store.load(gone) }
    #expect(try store.list().map(\.reference) == [keep])
    #expect(try store.load(keep).answerValues == ["in_uk": .bool(false)])
    let after = onDisk()
    #expect(after.size < before.size / 4, "\(before.size) → \(after.size)")
    #expect(after.bytes.range(of: Data(marker.utf8)) == nil, "nothing of the deleted session remains")
    let rows = try DatabaseQueue(path: store.path).read { db in
        try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM answer WHERE ref = ?) + (SELECT COUNT(*) FROM note WHERE ref = ?) + (SELECT COUNT(*) FROM tick WHERE ref = ?)",
                         arguments: [gone, gone, gone])
    }
    #expect(rows == 0)
}

@Test func notesTicksAndListing() throws {
    let dir = TempDir()
    let clock = TestClock(Date(timeIntervalSince1970: 1_790_000_000))
    let store = try SessionStore.open(directory: dir.store, now: { clock.now })
    let first = try store.create(flowVersion: "v", language: "en")
    clock.advance(60)
    let second = try store.create(flowVersion: "v", language: "zh-Hant")
    #expect(first.reference != second.reference)
    clock.advance(60)
    try store.saveAnswer(first.reference, question: "in_uk", value: .bool(true))
    try store.saveNote(first.reference, question: "in_uk", text: "Checked the passport stamp.")
    try store.saveNote(first.reference, question: "status", text: "Ask about the visa.")
    try store.saveNote(first.reference, question: "status", text: "")
    try store.setTick(first.reference, item: "passport", ticked: true)
    try store.setTick(first.reference, item: "travel", ticked: true)
    try store.setTick(first.reference, item: "travel", ticked: false)
    let list = try store.list()
    #expect(list.map(\.reference) == [first.reference, second.reference], "most recently saved first")
    #expect(list[0].answerCount == 1 && list[0].noteCount == 1)
    #expect(list[0].session.updated > list[0].session.created)
    #expect(list[1].session.language == "zh-Hant")
    let saved = try store.load(first.reference)
    #expect(saved.notes == ["in_uk": "Checked the passport stamp."])
    #expect(saved.ticks == ["passport"])
    #expect(saved.session.flowVersion == "v")
}

@Test func manyReferencesAreUnique() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let refs = try (0..<300).map { _ in try store.create(flowVersion: "v", language: "en").reference }
    #expect(Set(refs).count == 300)
    #expect(refs.allSatisfy { SessionReference.normalize($0) == $0 })
}

@Test func resumedSessionMakesAFileNoteWithTicksAndNotes() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: flows.version, language: "en").reference
    try store.saveAnswer(ref, question: "in_uk", value: .bool(true))
    try store.saveAnswer(ref, question: "status", value: .option("visitor"))
    try store.saveAnswer(ref, question: "crisis", value: .bool(true))
    try store.saveNote(ref, question: "crisis", text: "Hospital letter seen.")
    try store.setTick(ref, item: "passport", ticked: true)
    let note = try store.resume(ref, flows: flows, today: today).fileNote(flows: flows, today: today)
    #expect(note.reference == ref && note.keptAside.isEmpty && !note.flowsChanged)
    let text = note.text()
    #expect(text.contains("[x] Your passport."))
    #expect(text.contains("Hospital letter seen."))
    #expect(text.contains("CASE \(ref)"))
}

/// A clock the test moves by hand, so that "last saved" ordering does not depend on timing.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date { lock.withLock { value } }
    func advance(_ seconds: TimeInterval) { lock.withLock { value += seconds } }
}

/// A session saved when stage 1 asked for trips in two lists (before and from 11 April 2024)
/// resumes with one list: `lr_trips` replaces both, the trips are joined, the person is told,
/// and nothing is reported as kept aside.
@Test func theTwoOldTripListsAreJoinedOnResume() throws {
    let loaded = FlowLoader.load(directory: TestFixtures.shippedFlows)
    let shipped = try #require(loaded.flows, "the shipped flows load")
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: "before-one-trip-list", language: "en").reference
    let before = DateRange(from: CivilDate(iso: "2019-01-01")!, to: CivilDate(iso: "2019-02-01")!)
    let after = DateRange(from: CivilDate(iso: "2025-03-01")!, to: CivilDate(iso: "2025-03-10")!)
    try store.saveAnswer(ref, question: "in_uk", value: .bool(true))
    try store.saveAnswer(ref, question: "lr_absences_before", value: .ranges([before]))
    try store.saveAnswer(ref, question: "lr_absences", value: .ranges([after]))
    let r = try store.resume(ref, flows: shipped, today: today)
    #expect(r.answers["lr_trips"] == .ranges([before, after]))
    #expect(r.merged == [AnswerMigration.Merged(into: "lr_trips", from: ["lr_absences_before", "lr_absences"])])
    #expect(r.keptAside.isEmpty, "\(r.keptAside.map(\.question))")
    #expect(AnswerMigration.message(r.merged, flows: shipped) ==
            "Your earlier answers to 2 questions were joined into one list: “List every trip outside the UK since your start date”. Please check it.")
    #expect(AnswerMigration.message(r.merged, flows: shipped, language: "zh-Hant") ==
            "你早前對 2 條問題的答案已合併為一個清單：「請列出自你的開始日期以來的每一次出國行程」。請核對。")
    // Once the new list is answered, the old lists are neither joined again nor reported.
    try store.saveAnswer(ref, question: "lr_trips", value: .ranges([after]))
    let again = try store.resume(ref, flows: shipped, today: today)
    #expect(again.answers["lr_trips"] == .ranges([after]))
    #expect(again.merged.isEmpty && again.keptAside.isEmpty)
}

@Test func onlyOneOldTripListIsJoinedToo() throws {
    let shipped = try #require(FlowLoader.load(directory: TestFixtures.shippedFlows).flows)
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: "old", language: "en").reference
    try store.saveAnswer(ref, question: "lr_absences", value: .ranges([]))
    let r = try store.resume(ref, flows: shipped, today: today)
    #expect(r.answers["lr_trips"] == .ranges([]))
    #expect(r.merged.map(\.from) == [["lr_absences"]])
}
