// libFuzzer entry point: one YAML flow file through the whole loader (YAML, model, validator).
// Built by fuzz/build.sh together with the LotrFlow sources, so internal names are visible.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlowLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = FlowLoader.load(files: [(path: "fuzz.yaml", contents: text)])
    // The loader's promise: flows are withheld only with an error that says why.
    if result.flows == nil && result.errors.isEmpty {
        fatalError("the loader rejected the flows without reporting an error")
    }
    for diagnostic in result.diagnostics where diagnostic.location.line < 1 || diagnostic.location.column < 1 {
        fatalError("a diagnostic points before the start of the file: \(diagnostic.location)")
    }
    return 0
}
