import Foundation
import LotrFlow

/// Fixtures live beside this file so that tests and `lotr check` read the same files.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func files(in dir: String) -> [(path: String, contents: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        return names.map { (path: $0, contents: try! String(contentsOfFile: dir + "/" + $0, encoding: .utf8)) }
    }

    /// The shared catalogues plus one fixture folder, named by file name only.
    static func load(_ fixture: String) -> LoadResult {
        FlowLoader.load(files: files(in: root + "/base") + files(in: root + "/" + fixture))
    }
}
