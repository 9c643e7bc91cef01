import Foundation
import LotrFlow
import LotrTestSupport

/// Fixtures live beside this file so that tests and `lotr check` read the same files.
enum Fixtures {
    static let root = TestFixtures.fixturesRoot

    /// The shared catalogues plus one fixture folder, named by file name only. Unlike
    /// `TestFixtures.load`, a broken fixture is the point here, so the result is returned as is.
    static func load(_ fixture: String) -> LoadResult {
        FlowLoader.load(files: TestFixtures.files(in: ["base", fixture]))
    }
}
