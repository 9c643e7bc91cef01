import Foundation
import LotrEngine
import Testing
@testable import LotrStore

private let writerDirKey = "LOTR_STORE_KILL_TEST_DIR"
private let childDir = ProcessInfo.processInfo.environment[writerDirKey]

/// The child half of the kill test: saves answers as fast as it can and, after each save
/// returns, appends the answer's number to a log. It runs only when the parent starts it.
@Test(.enabled(if: childDir != nil)) func childWriterForKillTest() throws {
    let dir = try #require(childDir)
    let store = try SessionStore.open(directory: dir + "/lotr")
    let ref = try store.create(flowVersion: "v", language: "en").reference
    let log = try #require(FileHandle(forWritingAtPath: dir + "/confirmed.log"))
    // Bounded, in case the parent dies before it can kill this process.
    let stop = Date().addingTimeInterval(60)
    for n in 0..<1_000_000 where Date() < stop {
        try store.saveAnswer(ref, question: "q\(n)", value: KillTest.value(n))
        log.write(Data("\(n)\n".utf8))
    }
}

enum KillTest {
    /// Answers of varying kinds and sizes, so that kills land in small and large writes.
    static func value(_ n: Int) -> Value {
        switch n % 3 {
        case 0: return .number(n)
        case 1: return .text(String(repeating: "answer \(n) ", count: 1 + n % 400))
        default: return .list([.money(n), .option("o\(n)")])
        }
    }
}

#if os(Linux)
/// Runs the writer in a child process (the test binary itself, filtered to the child test; on
/// Linux the test bundle is that executable) and kills it (SIGKILL) at random moments: every answer
/// the child confirmed is on disk exactly, at most the one in flight is missing or present,
/// and the file opens cleanly.
@Test(.enabled(if: childDir == nil)) func killedWriterKeepsEveryConfirmedAnswer() throws {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).path
    try #require(FileManager.default.isExecutableFile(atPath: executable))
    var g = SeededGenerator(seed: 424242)
    for _ in 0..<3 {
        let dir = TempDir()
        #expect(FileManager.default.createFile(atPath: dir.path + "/confirmed.log", contents: nil))
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["--testing-library", "swift-testing", "--filter", "childWriterForKillTest"]
        child.environment = ProcessInfo.processInfo.environment.merging([writerDirKey: dir.path]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        let target = Int.random(in: 5...150, using: &g)
        let deadline = Date().addingTimeInterval(60)
        func confirmed() -> [Int] {
            let text = String(decoding: FileManager.default.contents(atPath: dir.path + "/confirmed.log") ?? Data(), as: UTF8.self)
            // A line is complete only with its newline; a half-written last line is ignored.
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { Int($0) }
        }
        while confirmed().count < target && Date() < deadline && child.isRunning { usleep(2000) }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal, "the child was killed, not finished")
        let done = confirmed()
        #expect(done.count >= target, "the child saved \(done.count) answers before the kill")

        let store = try SessionStore.open(directory: dir.store)
        let sessions = try store.list()
        try #require(sessions.count == 1)
        let saved = try store.load(sessions[0].reference)
        let byQuestion = Dictionary(uniqueKeysWithValues: saved.answers.map { ($0.question, $0.value) })
        for n in done { #expect(byQuestion["q\(n)"] == KillTest.value(n), "confirmed answer \(n)") }
        #expect(saved.answers.count <= done.count + 1, "only the answer in flight can be extra")
        #expect(saved.answers.allSatisfy { $0.value != nil })
    }
}
#endif
