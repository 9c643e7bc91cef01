import Foundation
import Testing
@testable import LotrStore

@Test func exportsAreWholeAndOwnerOnly() throws {
    let dir = TempDir()
    let target = dir.path + "/note.md"
    // An older export readable by others is replaced, not reused.
    #expect(FileManager.default.createFile(atPath: target, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
    try ExportFile.write("# New note\n£ – 中文\n", to: target)
    #expect(String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self) == "# New note\n£ – 中文\n")
    #expect(fileMode(target) == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["note.md"], "no temporary file is left behind")
}

@Test func aFailedExportLeavesNothingAndSaysWhy() throws {
    let dir = TempDir()
    let target = dir.path + "/missing-folder/note.md"
    #expect(throws: ExportFile.Failure.self) { try ExportFile.write("x", to: target) }
    do { try ExportFile.write("x", to: target) } catch let f as ExportFile.Failure {
        #expect(f.description.contains("folder does not exist"))
    }
    // Writing over a folder fails, and the temporary file is removed.
    try FileManager.default.createDirectory(atPath: dir.path + "/a-folder", withIntermediateDirectories: false)
    #expect(throws: ExportFile.Failure.self) { try ExportFile.write("x", to: dir.path + "/a-folder") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a-folder"])
}
