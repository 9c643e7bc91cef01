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

@Test func exportErrorsGiveTheRealReason() throws {
    let dir = TempDir()
    try FileManager.default.createDirectory(atPath: dir.path + "/a-folder", withIntermediateDirectories: false)
    func reason(_ path: String) -> String {
        do { try ExportFile.write("x", to: path); return "written" } catch let f as ExportFile.Failure { return f.reason } catch { return "\(error)" }
    }
    #expect(reason(dir.path + "/a-folder").contains("it is a folder"))
    #expect(reason(dir.path + "/a-folder/").contains("names a folder"))
    for name in [".", "..", dir.path + "/.", dir.path + "/a-folder/.."] {
        #expect(reason(name).contains("is not a file name"), "\(name): \(reason(name))")
    }
    #expect(reason(dir.path + "/missing/note.md") == "the folder does not exist")
    #expect(reason(dir.path + "/a-folder/note.md/x.md").contains("folder does not exist") || reason(dir.path + "/a-folder/note.md/x.md").contains("not a folder"))
    if FileManager.default.fileExists(atPath: "/sys/kernel") {
        #expect(reason("/sys/kernel/note.md") == "permission denied")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a-folder"], "nothing left behind")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/a-folder").isEmpty)
}
