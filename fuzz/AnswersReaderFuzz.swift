// libFuzzer entry point: one answers file through what `lotr decide` does with it — the JSON
// reader, the answers parser against the shipped flows, the engine and the JSON report.
// Built by fuzz/build.sh in one module with the LotrEngine sources, against LotrFlow.
import LotrFlow

/// The shipped flows, loaded once (run.sh runs the fuzzer from the repository's root).
private let shippedFlows: FlowSet = {
    guard let flows = FlowLoader.load(directory: "flows").flows else { fatalError("the shipped flows in ./flows do not load") }
    return flows
}()

private let fuzzToday = CivilDate(iso: "2026-11-23")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswersReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch AnswersFile.parse(text, flows: shippedFlows, today: fuzzToday) {
    case .failure(let problem):
        // decide's promise: every refusal says why, in both forms.
        if problem.message.isEmpty || problem.withoutValues.isEmpty { fatalError("a refusal without a reason") }
    case .success(let answers):
        let assessment = Engine.assess(shippedFlows, answers: answers, today: fuzzToday)
        if assessment.outcome == nil && assessment.next == nil { fatalError("accepted answers lead nowhere") }
        let report = Report(flows: shippedFlows, assessment: assessment, answers: answers, language: "en")
        _ = report.json().serialized()
        _ = report.text()
    }
    return 0
}
