import Foundation
import LotrEngine
import LotrFlow
import Testing
@testable import LotrStore

private let flows = StoreFixtures.flows
private let today = StoreFixtures.today

extension TestClock {
    func advance(days: Double) { advance(days * 86_400) }
}

private func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

@Test func aLabelIsStoredListedClearedAndKeptToOneShortLine() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: flows.version, language: "en").reference
    #expect(try store.load(ref).session.label == nil)
    try store.setLabel(ref, label: "  JB file\n2026/114  ")
    #expect(try store.load(ref).session.label == "JB file 2026/114")
    #expect(try store.list().first?.session.label == "JB file 2026/114")
    try store.setLabel(ref, label: String(repeating: "x", count: 500))
    #expect(try store.load(ref).session.label?.count == SessionStore.maximumLabelLength)
    try store.setLabel(ref, label: "   ")
    #expect(try store.load(ref).session.label == nil)
    #expect(throws: SessionStoreError.notFound(reference: "AAA-AAA")) { try store.setLabel("AAA-AAA", label: "x") }
}

@Test func theCaseListShowsStatusOutcomeOrQuestionAndSearchesReferenceAndLabel() throws {
    let dir = TempDir()
    let clock = TestClock(Date(timeIntervalSince1970: 1_790_000_000))
    let store = try SessionStore.open(directory: dir.store, now: { clock.now })
    let finished = try store.create(flowVersion: flows.version, language: "en").reference
    try store.saveAnswer(finished, question: "in_uk", value: .bool(true))
    try store.saveAnswer(finished, question: "status", value: .option("worker"))
    try store.saveAnswer(finished, question: "absences", value: .ranges([]))
    try store.setLabel(finished, label: "Mrs K. 0114")
    clock.advance(days: 1)
    let open = try store.create(flowVersion: flows.version, language: "en").reference
    try store.saveAnswer(open, question: "in_uk", value: .bool(true))
    try store.saveNote(open, question: "in_uk", text: "Came in 2015")

    let cases = try store.cases(flows: flows, today: today)
    #expect(cases.map(\.reference) == [open, finished], "newest first")
    let done = try #require(cases.last)
    #expect(done.status == .outcome && done.outcome?.id == "settled" && done.outcome?.title == "Apply on form A")
    #expect(done.outcome?.form == "FORM(A)")
    #expect(done.question == nil && done.label == "Mrs K. 0114")
    let going = try #require(cases.first)
    #expect(going.status == .inProgress && going.outcome == nil && going.question?.id == "status" && going.notes == 1)

    #expect(done.matches("mrs k") && !going.matches("mrs k"))
    #expect(done.matches(finished.lowercased().replacingOccurrences(of: "-", with: "")))
    #expect(going.matches(String(open.suffix(3))))

    let json = JSON.array(cases.map { $0.json() }).serialized()
    guard case .success(.array(let items)) = JSONReader.parse(json) else { Issue.record("not JSON: \(json)"); return }
    #expect(items.count == 2)
    for item in items {
        guard case .object(let o) = item else { Issue.record("not an object"); continue }
        #expect(o.keys.sorted() == ["label", "notes", "outcome", "question", "reference", "started", "status", "updated"])
    }
    #expect(json.contains("\"status\": \"in_progress\"") && json.contains("\"status\": \"outcome\""))
    #expect(json.contains("\"started\": \"2026-09-21T"), "times in UTC, ISO 8601: \(json)")
}

@Test func purgeDeletesByLastSaveAndLeavesNothingInTheFileOrItsWAL() throws {
    let dir = TempDir()
    let clock = TestClock(Date(timeIntervalSince1970: 1_790_000_000))
    let store = try SessionStore.open(directory: dir.store, now: { clock.now })
    let old = try store.create(flowVersion: flows.version, language: "en").reference
    try store.saveAnswer(old, question: "in_uk", value: .bool(true))
    try store.setLabel(old, label: "ZEBRA-QUOKKA-OLD")
    clock.advance(days: 50)
    let recent = try store.create(flowVersion: flows.version, language: "en").reference
    try store.setLabel(recent, label: "ZEBRA-QUOKKA-NEW")
    clock.advance(days: 45)
    // old: last saved 95 days ago; recent: 45 days ago.
    let first = try store.purge(olderThanDays: 90)
    #expect(first.deleted.map(\.reference) == [old] && first.skipped.isEmpty)
    #expect(try store.list().map(\.reference) == [recent])
    #expect(try store.purge(olderThanDays: 90).deleted.isEmpty)
    // 45 days since the last save is not more than 46.
    #expect(try store.purge(olderThanDays: 46).deleted.isEmpty)

    let all = try store.purge(olderThanDays: 0)
    #expect(all.deleted.map(\.reference) == [recent])
    #expect(try store.list().isEmpty)
    let db = dir.store + "/" + SessionStore.fileName
    for file in [db, db + "-wal", db + "-journal"] {
        let content = bytes(file)
        #expect(content.range(of: Data("ZEBRA-QUOKKA".utf8)) == nil, "\(file) still holds a deleted label")
    }
    #expect(fileSize(db + "-wal") == 0, "the WAL is emptied")
}

@Test func purgeLeavesACaseOpenInAnotherRunningLotr() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: flows.version, language: "en").reference
    // pid 1 always exists: a live holder on this machine.
    #expect(try store.lock(ref, pid: 1) == .acquired)
    let result = try store.purge(olderThanDays: 0)
    #expect(result.deleted.isEmpty && result.skipped.map(\.reference) == [ref])
}

@Test func aSecondWindowIsToldStaleLocksAreReplacedAndTakeOverWorks() throws {
    let dir = TempDir()
    let store = try SessionStore.open(directory: dir.store)
    let ref = try store.create(flowVersion: flows.version, language: "en").reference
    #expect(try store.lock(ref) == .acquired)
    #expect(try store.lock(ref) == .acquired, "taking our own lock again is fine")
    // Another live process on this machine (pid 1) asks: it is told who has the case.
    guard case .heldBy(let holder) = try store.lock(ref, pid: 1) else { Issue.record("the second window was not told"); return }
    #expect(holder.pid == getpid() && holder.host == SessionLock.thisHost && !holder.isStale && holder.isMine)
    // It takes the case over; now the first window is the one told.
    try store.takeOver(ref, pid: 1)
    guard case .heldBy(let other) = try store.lock(ref) else { Issue.record("the first window was not told"); return }
    #expect(other.pid == 1 && !other.isMine)
    // A lock left by a process that has ended is stale and replaced.
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    try store.takeOver(ref, pid: gone.processIdentifier)
    #expect(try store.currentLock(ref)?.isStale == true)
    #expect(try store.lock(ref) == .acquired)
    // A lock from another machine cannot be checked, so it counts as live.
    try store.takeOver(ref, pid: 999_999, host: "elsewhere.example")
    #expect(try store.currentLock(ref)?.isStale == false)
    let before = try #require(try store.currentLock(ref)).generation
    try store.unlock(ref, pid: 999_999, host: "elsewhere.example")
    // Released: free, and the generation kept, so a window it was taken from can still tell.
    let free = try #require(try store.currentLock(ref))
    #expect(free.isFree && free.isStale && free.generation == before)
    try store.unlock(ref)  // not ours: changes nothing
    #expect(try store.lock(ref) == .acquired && store.currentLock(ref)?.generation == before, "taking a free lock is not a take-over")
    try store.takeOver(ref, pid: 1)
    #expect(try store.currentLock(ref)?.generation == before + 1)
    // Deleting the case deletes its lock.
    _ = try store.lock(ref)
    try store.delete(ref)
    #expect(throws: SessionStoreError.notFound(reference: ref)) { try store.lock(ref) }
}

@Test func retentionConfigReadsDaysAndNamesTheLineOfAMistake() {
    #expect(RetentionConfig.parse("# how long\nretention_days = 90\n", path: "c") == .success(RetentionConfig(path: "c", retentionDays: 90)))
    #expect(RetentionConfig.parse("", path: "c") == .success(RetentionConfig(path: "c", retentionDays: nil)))
    #expect(RetentionConfig.parse("retention_days=30 # a month", path: "c") == .success(RetentionConfig(path: "c", retentionDays: 30)))
    guard case .failure(let bad) = RetentionConfig.parse("\nretention_days = ninety\n", path: "/x/config") else { Issue.record("accepted"); return }
    #expect(bad.line == 2 && bad.description.hasPrefix("/x/config:2: retention_days must be a whole number"))
    guard case .failure(let unknown) = RetentionConfig.parse("keep = 3", path: "c") else { Issue.record("accepted"); return }
    #expect(unknown.line == 1 && unknown.message.contains("unknown setting"))
    guard case .failure(let zero) = RetentionConfig.parse("retention_days = 0", path: "c") else { Issue.record("accepted"); return }
    #expect(zero.line == 1)
    #expect(RetentionConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/h"]) == "/cfg/lotr/config")
    #expect(RetentionConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]) == "/h/.config/lotr/config")
    #expect(RetentionPeriod.days("90d") == 90 && RetentionPeriod.days("0d") == 0 && RetentionPeriod.days("7") == 7)
    #expect(RetentionPeriod.days("-1d") == nil && RetentionPeriod.days("d") == nil && RetentionPeriod.days("9w") == nil)
}
