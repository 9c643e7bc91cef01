import Foundation
import GRDB
import LotrEngine
@testable import LotrStore
import Testing

/// The open, check and read-only paths: a damaged file is never changed, a symbolic link is
/// never followed, and saved cases can be read without writing anything.
@Suite struct StoreSafetyTests {
    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    /// A sessions file with a damaged page, written in SQLite's rollback-journal mode (as any
    /// other program would leave it): switching it to WAL for writing would rewrite its header.
    static func damagedFile(in dir: TempDir) throws -> String {
        try FileManager.default.createDirectory(atPath: dir.store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = dir.store + "/" + SessionStore.fileName
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE session (ref TEXT PRIMARY KEY, note TEXT)")
            for i in 0..<400 { try db.execute(sql: "INSERT INTO session VALUES (?, ?)", arguments: ["R\(i)", String(repeating: "x", count: 200)]) }
        }
        try queue.close()
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 4096 * 3 + 8)
        handle.write(Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try handle.close()
        return path
    }

    @Test func aDamagedFileIsReportedAndLeftByteForByte() throws {
        let dir = TempDir()
        let path = try Self.damagedFile(in: dir)
        let before = Self.bytes(path)
        #expect(throws: SessionStoreError.corrupt(path: path)) { try SessionStore.open(directory: dir.store) }
        #expect(Self.bytes(path) == before, "the damaged file must not be modified")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(throws: SessionStoreError.corrupt(path: path)) { try SessionStore.openForReading(directory: dir.store) }
        #expect(Self.bytes(path) == before)
    }

    @Test func aFileThatIsNotADatabaseIsLeftAlone() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.store, withIntermediateDirectories: true)
        let path = dir.store + "/" + SessionStore.fileName
        try Data(String(repeating: "my notes, not a database\n", count: 300).utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        let before = Self.bytes(path)
        #expect(throws: SessionStoreError.corrupt(path: path)) { try SessionStore.open(directory: dir.store) }
        #expect(Self.bytes(path) == before && Self.mode(path) == 0o644, "neither its bytes nor its permissions change")
    }

    @Test func aSymbolicLinkIsRefusedAndNothingIsDoneThroughIt() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.store, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let target = dir.path + "/elsewhere.txt"
        try Data("someone else's file".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o644)
        let link = dir.store + "/" + SessionStore.fileName
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        do {
            _ = try SessionStore.open(directory: dir.store)
            Issue.record("opened through a symbolic link")
        } catch let e as SessionStoreError {
            #expect(e.description.contains("symbolic link"), "\(e)")
        }
        #expect(Self.bytes(target) == Data("someone else's file".utf8) && Self.mode(target) == 0o644)
        #expect(throws: SessionStoreError.self) { try SessionStore.openForReading(directory: dir.store) }

        // A dangling link: the file it names is not created either.
        try FileManager.default.removeItem(atPath: link)
        let missing = dir.path + "/not-there"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: missing)
        #expect(throws: SessionStoreError.self) { try SessionStore.open(directory: dir.store) }
        #expect(!FileManager.default.fileExists(atPath: missing))

        // The folder itself a link: refused, and its target's permissions untouched.
        let realFolder = dir.path + "/real"
        try FileManager.default.createDirectory(atPath: realFolder, withIntermediateDirectories: true)
        chmod(realFolder, 0o755)
        let linkedFolder = dir.path + "/linked"
        try FileManager.default.createSymbolicLink(atPath: linkedFolder, withDestinationPath: realFolder)
        #expect(throws: SessionStoreError.self) { try SessionStore.open(directory: linkedFolder) }
        #expect(Self.mode(realFolder) == 0o755)
        #expect(!FileManager.default.fileExists(atPath: realFolder + "/" + SessionStore.fileName))
    }

    @Test func aReadOnlyFileIsReadWithoutChangingIt() throws {
        let dir = TempDir()
        let writer = try SessionStore.open(directory: dir.store)
        let ref = try writer.create(flowVersion: "v", language: "en").reference
        try writer.saveAnswer(ref, question: "in_uk", value: .bool(true))
        let path = writer.path
        try writer.queue.close()
        chmod(path, 0o400)
        chmod(dir.store, 0o500)
        defer { chmod(dir.store, 0o700) }
        let before = Self.bytes(path)
        let reader = try #require(try SessionStore.openForReading(directory: dir.store))
        #expect(try reader.list().map(\.reference) == [ref])
        #expect(try reader.load(ref).answers.count == 1)
        try reader.queue.close()
        #expect(Self.mode(path) == 0o400 && Self.mode(dir.store) == 0o500, "permissions stay as the person set them")
        #expect(Self.bytes(path) == before)
    }

    @Test func readingAMissingStoreCreatesNothing() throws {
        let dir = TempDir()
        #expect(try SessionStore.openForReading(directory: dir.store) == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.store))
    }
}
