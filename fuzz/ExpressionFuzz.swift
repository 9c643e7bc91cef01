// libFuzzer entry point: one expression through the parser, then the type checker with a
// small fixed set of answers and rates (one of each kind a flow can ask for).

let environment: [String: ValueType] = [
    "in_uk": .bool,
    "years": .number,
    "income": .money,
    "start_date": .date,
    "name": .text,
    "status": .option(question: "status", options: ["visitor", "student", "worker"]),
    "reasons": .optionSet(question: "reasons", options: ["crisis", "illness", "family"]),
    "absences": .dateRanges,
    "max_absence_days": .number,
    "ilr_fee": .money,
]

let checker = TypeChecker { name in
    if let type = environment[name] { return .success(type) }
    return .failure(ExprError(offset: 0, message: "no question or rate `\(name)`", fix: nil))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let length = text.count
    switch ExpressionParser.parse(text) {
    case .failure(let error):
        // Errors point into the text (or just past its end), so the column shown is real.
        if error.offset < 0 || error.offset > length { fatalError("parse error offset \(error.offset) outside 0...\(length)") }
    case .success(let expr):
        _ = expr.identifiers
        switch checker.check(expr) {
        case .failure(let error):
            if error.offset < 0 || error.offset > length { fatalError("type error offset \(error.offset) outside 0...\(length)") }
        case .success:
            break
        }
    }
    return 0
}
