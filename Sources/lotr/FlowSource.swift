import CProgramInfo
import LotrFlow

/// Where the interview, plain mode and `decide` get their flows: through the flow cache when
/// this build can name itself (its build ID), straight from the YAML otherwise. `lotr check`
/// does not come here: it always reads and checks the YAML.
enum FlowSource {
    static func load(_ directory: String) -> LoadResult {
        guard let cache else { return FlowLoader.load(directory: directory) }
        return cache.load(directory).result
    }

    /// Off with `LOTR_FLOW_CACHE=off` (e.g. to time the YAML load).
    static let cache: FlowCache? = {
        if environmentValue("LOTR_FLOW_CACHE") == "off" { return nil }
        guard let id = ProgramIdentity.buildID, let directory = FlowCache.defaultDirectory(environment: environmentValue) else { return nil }
        return FlowCache(directory: directory, programID: id)
    }()
}

/// The program's GNU build ID: it changes whenever the program does, so a cache keyed by it
/// cannot outlive the code that wrote it.
enum ProgramIdentity {
    static let buildID: [UInt8]? = {
        var bytes: UnsafePointer<UInt8>?
        let count = lotr_program_build_id(&bytes)
        guard count > 0, let bytes else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }()
}
