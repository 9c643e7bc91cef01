import Foundation
import Testing

/// `lotr book` and `lotr graph --format svg`, run as a reviewer would, with and without Graphviz.
@Suite(.serialized) struct BookCLITests {
    /// Runs the binary with PATH set: PATH decides whether `dot` is found.
    func run(_ args: [String], path: String? = nil) throws -> CLI.Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = args
        p.currentDirectoryURL = CLI.repo
        var env = ProcessInfo.processInfo.environment
        if let path { env["PATH"] = path }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-book-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func bookWritesOneHTMLFileWithTheDrawing() throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/dot"), "Graphviz is missing: run `make test-deps` (as root) or `apt-get install graphviz`")
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/new/folder/index.html"
        let r = try run(["book", "--flows", "flows", "--output", target])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
        let html = try String(contentsOfFile: target, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<div class=\"drawing\">\n<svg"), "the picture is embedded")
        #expect(html.contains("xlink:href=\"#in_uk\"") || html.contains("href=\"#"), "the picture's boxes link into the book")
        #expect(html.contains("id=\"coverage-untaken\""), "coverage read from the default scenario folder")
    }

    @Test func withoutGraphvizTheBookIsWrittenAndSaysWhy() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(["book", "--output", dir + "/b.html"], path: dir)
        #expect(r.status == 0)
        #expect(r.stderr.contains("graphviz"), "standard error says the picture is missing and why: \(r.stderr)")
        let html = try String(contentsOfFile: dir + "/b.html", encoding: .utf8)
        #expect(!html.contains("<svg") && html.contains("No picture") && html.contains("graphviz"))
        #expect(html.contains("id=\"index-paragraphs\""), "the rest of the book is all there")
    }

    @Test func markdownInChineseToStandardOutput() throws {
        let r = try run(["book", "--format", "markdown", "--lang", "zh-Hant"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("審閱手冊") && r.stdout.contains("```mermaid"))
        #expect(!r.stdout.contains("<svg"))
    }

    @Test func badArgumentsAreRefusedClearly() throws {
        let lang = try run(["book", "--lang", "fr"])
        #expect(lang.status == 64 && lang.stderr.contains("--lang must be one of"))
        let scenarios = try run(["book", "--scenarios", "/nonexistent-scenarios"])
        #expect(scenarios.status == 2 && scenarios.stderr.contains("no scenario folder"))
        #expect(scenarios.stdout.isEmpty, "no half book on standard output")
        let output = try run(["book", "--output", "/proc/lotr-cannot-write/index.html"])
        #expect(output.status == 2 && output.stderr.contains("cannot write the book"))
        let flows = try run(["book", "--flows", "/nonexistent-flows"])
        #expect(flows.status == 1)
    }

    @Test func scenariosFromAnotherFolderAreMeasured() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "- name: only a start\n  answers: {in_uk: yes}\n  expect: {outcome: x, stage: rules}\n"
            .write(toFile: dir + "/one.yaml", atomically: true, encoding: .utf8)
        let r = try run(["book", "--scenarios", dir, "--format", "markdown"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 scenario rows") && r.stdout.contains("only a start"))
    }

    @Test func outsideTheSourceTreeTheBookSaysItHasNoCoverage() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["book", "--flows", CLI.repo.appendingPathComponent("flows").path, "--format", "markdown", "--output", dir + "/b.md"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(message.contains("no scenario tables found"))
        #expect(try String(contentsOfFile: dir + "/b.md", encoding: .utf8).contains("No scenario tables were read."))
    }

    @Test func graphAsSVG() throws {
        let r = try run(["graph", "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<svg") && r.stdout.contains("</svg>"))
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let without = try run(["graph", "--format", "svg"], path: dir)
        #expect(without.status == 1 && without.stderr.contains("apt-get install graphviz") && without.stdout.isEmpty)
    }
}
