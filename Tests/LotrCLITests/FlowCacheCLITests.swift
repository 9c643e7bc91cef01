import Foundation
import Testing

/// The flow cache as people meet it: the same answers whether the flows come from the cache or
/// from the YAML, `lotr check` never touching it, and nothing lost when it cannot be written.
@Suite struct FlowCacheCLITests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("lotr-cache-cli-\(UUID().uuidString)").path
    var cacheFolder: String { home + "/cache/lotr" }

    func decide(_ extra: [String: String] = [:]) throws -> CLI.Output {
        let answers = try CLI.writeTemp(#"{"in_uk": true, "date_of_birth": "1980-05-01", "lr_status_now": "permission"}"#)
        return try CLI.run(["decide", "--flows", "flows", "--answers", answers, "--today", "2026-11-23", "--format", "text"],
                           environment: ["XDG_CACHE_HOME": home + "/cache"].merging(extra) { $1 })
    }

    func cacheFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []).filter { $0.hasSuffix(".cache") }
    }

    @Test("decide writes the cache once, then gives the same result from it as from the YAML")
    func sameResult() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = try decide()
        #expect(cacheFiles().count == 1)
        let cached = try decide()
        let yaml = try decide(["LOTR_FLOW_CACHE": "off"])
        #expect(!first.stdout.isEmpty)
        #expect(cached.stdout == first.stdout)
        #expect(yaml.stdout == first.stdout)
        #expect(cached.status == yaml.status && cached.stderr == yaml.stderr)
        #expect(cacheFiles().count == 1)
    }

    @Test("lotr check neither reads nor writes the cache")
    func checkLeavesItAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let r = try CLI.run(["check", "flows", "--quiet"], environment: ["XDG_CACHE_HOME": home + "/cache"])
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: cacheFolder))
    }

    @Test("a cache place that cannot be written: the same result, nothing on stderr about it")
    func unwritable() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: home + "/cache", contents: Data("not a folder".utf8))
        let r = try decide()
        let yaml = try decide(["LOTR_FLOW_CACHE": "off"])
        #expect(r.stdout == yaml.stdout && r.status == yaml.status && r.stderr == yaml.stderr)
    }
}
