import Foundation
import Synchronization
import Testing
@testable import LotrFlow
import LotrTestSupport

/// A copy of some flow files in a folder of its own, and a cache directory beside it.
struct CacheSandbox {
    let root: String
    var flows: String { root + "/flows" }
    var cacheDirectory: String { root + "/cache/lotr" }
    var cache: FlowCache { FlowCache(directory: cacheDirectory, programID: Array("build-1".utf8)) }

    init(copying source: String = TestFixtures.shippedFlows) throws {
        root = NSTemporaryDirectory() + "lotr-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/flows", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: root + "/flows/" + name)
        }
    }

    init(files: [(path: String, contents: String)]) throws {
        root = NSTemporaryDirectory() + "lotr-cache-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/flows", withIntermediateDirectories: true)
        for f in files { try f.contents.write(toFile: root + "/flows/" + f.path, atomically: false, encoding: .utf8) }
    }

    var cacheFile: String { cache.cachePath(for: flows) }

    func edit(_ name: String, _ change: (String) -> String) throws {
        let path = flows + "/" + name
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: false, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite("Compact coding of the flow model")
struct CompactCodingTests {
    /// Every stored property of the model must survive: `==` is synthesized, so it compares all of them.
    @Test("the shipped flows, and every valid fixture set, read back equal to what the YAML gave")
    func roundTrip() throws {
        let sets: [FlowSet] = [
            try #require(FlowLoader.load(directory: TestFixtures.shippedFlows).flows),
            TestFixtures.load(["base", "valid"]),
        ]
        for flows in sets {
            let bytes = CompactCoding.encode(flows)
            let back = try bytes.withUnsafeBytes { try CompactCoding.decode($0) }
            #expect(back == flows)
            // Pieces that the comparison of whole sets could hide behind a wrong count.
            #expect(back.questionOrder == flows.questionOrder)
            #expect(back.questions.keys.sorted() == flows.questions.keys.sorted())
        }
    }

    @Test("outcomes are read when first used, once, whichever thread asks first; copies stay values")
    func deferredOutcomes() throws {
        let flows = try #require(FlowLoader.load(directory: TestFixtures.shippedFlows).flows)
        let back = try CompactCoding.encode(flows).withUnsafeBytes { try CompactCoding.decode($0) }
        #expect(!back.outcomesStore.isMade)
        #expect(back.questions == flows.questions)
        #expect(!back.outcomesStore.isMade, "reading the questions does not read the outcomes")
        let counts = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if back.outcomes == flows.outcomes { counts.withLock { $0 += 1 } }
        }
        #expect(counts.withLock { $0 } == 8)
        #expect(back.outcomesStore.isMade)
        var changed = back
        let id = try #require(flows.outcomeOrder.first)
        changed.outcomes[id]?.title = LocalizedText(en: "changed")
        #expect(back.outcomes[id]?.title == flows.outcomes[id]?.title)
        #expect(changed.outcomes[id]?.title.en == "changed")
        #expect(changed != back)
    }

    @Test("the same flows always give the same bytes")
    func deterministic() throws {
        let flows = try #require(FlowLoader.load(directory: TestFixtures.shippedFlows).flows)
        let again = try #require(FlowLoader.load(directory: TestFixtures.shippedFlows).flows)
        #expect(CompactCoding.encode(flows) == CompactCoding.encode(again))
    }

    @Test("a cut-off or damaged payload throws and never crashes")
    func damagedPayload() throws {
        let flows = TestFixtures.load(["base", "valid"])
        let bytes = CompactCoding.encode(flows)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            let short = Array(bytes[..<cut])
            #expect(throws: CompactCoding.Failure.self) { try short.withUnsafeBytes { try CompactCoding.decode($0) } }
        }
        var random = SeededRandom(seed: 18)
        for _ in 0..<300 {
            var damaged = bytes
            let at = Int.random(in: 0..<damaged.count, using: &random)
            damaged[at] ^= UInt8.random(in: 1...255, using: &random)
            // A changed byte may still decode (a different line number, say): the cache's
            // checksum is what refuses those. Here it must only never crash or hang.
            _ = try? damaged.withUnsafeBytes { try CompactCoding.decode($0) }
        }
    }
}

@Suite("Flow cache")
struct FlowCacheTests {
    @Test("the first load builds and writes the cache; the next is served from it, equal to the YAML")
    func servedSecondTime() throws {
        let box = try CacheSandbox()
        defer { box.remove() }
        let first = box.cache.load(box.flows)
        #expect(first.use == .built(written: true))
        #expect(FileManager.default.fileExists(atPath: box.cacheFile))
        let second = box.cache.load(box.flows)
        #expect(second.use == .served)
        let yaml = try #require(FlowLoader.load(directory: box.flows).flows)
        #expect(second.result.flows == yaml)
        #expect(first.result.flows == yaml)
    }

    @Test("one changed byte in one flow file: the YAML is read again, and the change shows")
    func changedByte() throws {
        let box = try CacheSandbox()
        defer { box.remove() }
        _ = box.cache.load(box.flows)
        try box.edit("forms.yaml") { $0.replacingOccurrences(of: "FLR(HRO)", with: "FLR(HRP)") }
        let again = box.cache.load(box.flows)
        #expect(again.use == .built(written: true))
        let forms = try #require(again.result.flows?.forms.values.map(\.code))
        #expect(forms.contains("FLR(HRP)"))
        #expect(!forms.contains("FLR(HRO)"))
        #expect(box.cache.load(box.flows).use == .served)
    }

    @Test("a file added or taken away: not served")
    func filesAddedOrRemoved() throws {
        let box = try CacheSandbox()
        defer { box.remove() }
        _ = box.cache.load(box.flows)
        try FileManager.default.moveItem(atPath: box.flows + "/glossary.yaml", toPath: box.root + "/glossary.yaml")
        let fewer = box.cache.load(box.flows)
        #expect(fewer.use != .served)
        #expect(fewer.result.flows == FlowLoader.load(directory: box.flows).flows)
        try FileManager.default.moveItem(atPath: box.root + "/glossary.yaml", toPath: box.flows + "/glossary.yaml")
        // Exactly the files the cache was built from again (the set without the glossary has errors, so was not cached).
        #expect(fewer.use == .notCached)
        #expect(box.cache.load(box.flows).use == .served)
        try FileManager.default.copyItem(atPath: box.flows + "/glossary.yaml", toPath: box.flows + "/glossary-copy.yml")
        // The copy's terms clash with the original's, so the flows have errors: nothing is cached or served.
        let more = box.cache.load(box.flows)
        #expect(more.use == .notCached)
        #expect(more.result.flows == nil)
    }

    @Test("another build of the program never reads this build's cache, and keeps its own")
    func otherProgram() throws {
        let box = try CacheSandbox()
        defer { box.remove() }
        _ = box.cache.load(box.flows)
        let other = FlowCache(directory: box.cacheDirectory, programID: Array("build-2".utf8))
        #expect(other.load(box.flows).use == .built(written: true))
        // Each build keeps its own file, so two builds used in turn do not rebuild each other's.
        #expect(other.cachePath(for: box.flows) != box.cacheFile)
        #expect(box.cache.load(box.flows).use == .served)
        #expect(other.load(box.flows).use == .served)
        // A file of another build put in this build's place is not read.
        try FileManager.default.removeItem(atPath: box.cacheFile)
        try FileManager.default.copyItem(atPath: other.cachePath(for: box.flows), toPath: box.cacheFile)
        #expect(box.cache.load(box.flows).use == .built(written: true))
    }

    @Test("a damaged cache file (a flipped byte anywhere, cut short, empty) is not used, and is rewritten")
    func damagedFile() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        _ = box.cache.load(box.flows)
        let good = try #require(FileManager.default.contents(atPath: box.cacheFile))
        let yaml = FlowLoader.load(directory: box.flows).flows
        var random = SeededRandom(seed: 7)
        var damages: [Data] = [Data(), good.prefix(good.count - 1), good.prefix(good.count / 2)]
        for _ in 0..<40 {
            var d = good
            d[Int.random(in: 0..<d.count, using: &random)] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            damages.append(d)
        }
        for damaged in damages {
            try damaged.write(to: URL(fileURLWithPath: box.cacheFile))
            let loaded = box.cache.load(box.flows)
            #expect(loaded.use == .built(written: true))
            #expect(loaded.result.flows == yaml)
            #expect(FileManager.default.contents(atPath: box.cacheFile) == good)
        }
    }

    @Test("a cache file others can write, or a link, is never read")
    func untrustedFile() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        _ = box.cache.load(box.flows)
        chmod(box.cacheFile, 0o666)
        #expect(box.cache.load(box.flows).use == .built(written: true))
        #expect(box.cache.load(box.flows).use == .served)
        let elsewhere = box.root + "/elsewhere.cache"
        try FileManager.default.moveItem(atPath: box.cacheFile, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: box.cacheFile, withDestinationPath: elsewhere)
        #expect(box.cache.load(box.flows).use == .built(written: true))
        // The link was replaced by a file of the cache's own, not written through.
        var info = stat()
        #expect(lstat(box.cacheFile, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    @Test("a cache that cannot be written changes nothing but the speed")
    func unwritable() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        FileManager.default.createFile(atPath: box.root + "/not-a-folder", contents: Data("x".utf8))
        let cache = FlowCache(directory: box.root + "/not-a-folder/lotr", programID: [1])
        let loaded = cache.load(box.flows)
        #expect(loaded.use == .built(written: false))
        #expect(loaded.result.flows == FlowLoader.load(directory: box.flows).flows)
        #expect(cache.load(box.flows).use == .built(written: false))
    }

    @Test("flows with errors are reported as the YAML loader reports them, and never cached")
    func errorsNotCached() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        try "kind: stage\n".write(toFile: box.flows + "/zz-broken.yaml", atomically: false, encoding: .utf8)
        let loaded = box.cache.load(box.flows)
        #expect(loaded.use == .notCached)
        #expect(loaded.result.diagnostics == FlowLoader.load(directory: box.flows).diagnostics)
        #expect(!loaded.result.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: box.cacheFile))
        #expect(box.cache.load("/nonexistent/flows").result.errors.first?.message == "no flow folder here")
    }

    /// What `lotr check` relies on: the loader it uses reads the YAML, whatever the cache holds.
    @Test("a forged cache with a valid checksum is served to the interview, but never to the YAML loader")
    func forgedCache() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        let folder = try FlowFolder.read(box.flows).get()
        var forged = try #require(FlowLoader.load(folder).flows)
        let id = try #require(forged.questionOrder.first)
        forged.questions[id]?.text = LocalizedText(en: "FORGED")
        try FileManager.default.createDirectory(atPath: box.cacheDirectory, withIntermediateDirectories: true)
        try Data(FlowCache.encode(forged, folder: folder, programID: box.cache.programID)).write(to: URL(fileURLWithPath: box.cacheFile))
        #expect(box.cache.load(box.flows).result.flows?.questions[id]?.text.en == "FORGED")
        #expect(FlowLoader.load(directory: box.flows).flows?.questions[id]?.text.en != "FORGED")
    }

    @Test("the model's file paths follow the folder as it was given, so another spelling is not served")
    func spelling() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        _ = box.cache.load(box.flows)
        let other = box.cache.load(box.flows + "/.")
        #expect(other.use == .built(written: true))
        #expect(other.result.flows?.files.allSatisfy { $0.path.hasPrefix(box.flows + "/./") } == true)
        #expect(box.cache.load(box.flows).result.flows?.files.allSatisfy { $0.path.hasPrefix(box.flows + "/") && !$0.path.contains("/./") } == true)
    }

    @Test("at most 16 cache files are kept: the least recently written go first")
    func pruned() throws {
        let box = try CacheSandbox(files: TestFixtures.files(in: ["base", "valid"]))
        defer { box.remove() }
        try FileManager.default.createDirectory(atPath: box.cacheDirectory, withIntermediateDirectories: true)
        for i in 0..<20 {
            let path = box.cacheDirectory + "/flows-\(String(repeating: "0", count: 14))\(String(format: "%02d", i)).cache"
            FileManager.default.createFile(atPath: path, contents: Data("old".utf8))
            var times = [timespec(tv_sec: 1_000_000 + i, tv_nsec: 0), timespec(tv_sec: 1_000_000 + i, tv_nsec: 0)]
            utimensat(AT_FDCWD, path, &times, 0)
        }
        let stale = box.cacheDirectory + "/flows-x.cache.1.tmp", fresh = box.cacheDirectory + "/flows-y.cache.2.tmp"
        FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        FileManager.default.createFile(atPath: fresh, contents: Data("being written".utf8))
        var old = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, stale, &old, 0)
        _ = box.cache.load(box.flows)
        let left = try FileManager.default.contentsOfDirectory(atPath: box.cacheDirectory).sorted()
        #expect(left.filter { $0.hasSuffix(".cache") }.count == 16)
        #expect(left.contains("flows-y.cache.2.tmp"))
        #expect(left.contains((box.cacheFile as NSString).lastPathComponent))
        #expect(!left.contains("flows-0000000000000000.cache"))
        #expect(left.contains("flows-0000000000000019.cache"))
        #expect(!left.contains("flows-x.cache.1.tmp"))
    }

    @Test("the cache goes in XDG_CACHE_HOME, else ~/.cache; relative paths are ignored")
    func location() {
        func directory(_ env: [String: String]) -> String? { FlowCache.defaultDirectory { env[$0] } }
        #expect(directory(["XDG_CACHE_HOME": "/x/c", "HOME": "/h"]) == "/x/c/lotr")
        #expect(directory(["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/lotr")
        #expect(directory([:]) == nil)
    }
}
