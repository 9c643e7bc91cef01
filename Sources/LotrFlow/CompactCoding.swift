/// The flow model in a small binary form, for the flow cache (FlowCache.swift).
///
/// Written by hand, not through `Codable`: decoding the shipped flows through `Codable` took
/// 14 ms, most of it the runtime looking up generic types and conformances; this takes well
/// under 1 ms (BENCHMARKS.md). What keeps it complete:
/// - each `init(from:)` assigns the properties itself, so the compiler refuses one that forgets
///   a property (the only exception, `Question.replaces`, has a default and is covered below);
/// - `FlowCacheTests` decodes what was encoded for the shipped flows, the generated flow sets and
///   every valid fixture, and requires the result to be `==` to what the YAML gave (synthesized
///   `Equatable` compares every stored property), so a property left out of a `write` fails;
/// - the cache file records the program's build ID, so a file written by another build of this
///   code is never read.
///
/// The form: every distinct string once, in a table, then values with no type tags; integers
/// are zigzag varints, optionals and enum cases a tag byte, lists and maps their count first.
protocol CompactValue {
    init(from input: inout CompactInput) throws
    func write(to output: inout CompactOutput)
}

public enum CompactCoding {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func encode(_ flows: FlowSet) -> [UInt8] {
        var output = CompactOutput()
        flows.write(to: &output)
        return output.finish()
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> FlowSet {
        var input = try CompactInput(bytes)
        let flows = try FlowSet(from: &input)
        guard input.isAtEnd else { throw input.failure("data left over after the flows") }
        return flows
    }
}

struct CompactOutput {
    private var values: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private var strings: [String] = []

    mutating func varint(_ value: UInt64) { Self.varint(value, into: &values) }

    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    mutating func write(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func write(_ value: Bool) { values.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        if let i = stringIndex[value] { return varint(UInt64(i)) }
        stringIndex[value] = strings.count
        strings.append(value)
        varint(UInt64(strings.count - 1))
    }

    mutating func tag(_ value: UInt8) { values.append(value) }

    /// What `body` writes, preceded by its length, so that a reader can keep it for later.
    mutating func block(_ body: (inout CompactOutput) -> Void) {
        let before = values
        values = []
        body(&self)
        let inner = values
        values = before
        varint(UInt64(inner.count))
        values.append(contentsOf: inner)
    }

    mutating func write<T: CompactValue>(_ value: T) { value.write(to: &self) }

    func finish() -> [UInt8] {
        var out: [UInt8] = []
        Self.varint(UInt64(strings.count), into: &out)
        for s in strings {
            Self.varint(UInt64(s.utf8.count), into: &out)
            out.append(contentsOf: s.utf8)
        }
        out.append(contentsOf: values)
        return out
    }
}

/// The strings of a compact form, each made the first time a value refers to it: the outcomes'
/// own texts are then made only when the outcomes are first used. Used by one reader at a time
/// (the load, then the outcomes' `Deferred`, under its lock).
final class StringTable: @unchecked Sendable {
    private let bytes: [UInt8]
    /// The start and the end of each string's bytes, one after the other.
    private let spans: [Int]
    /// Plain memory rather than an array: every string read comes here, and an array held by a
    /// class would be checked for exclusive access and copy-on-write at each one.
    private let made: UnsafeMutablePointer<String?>
    let count: Int

    convenience init() { self.init(UnsafeRawBufferPointer(start: nil, count: 0), spans: []) }

    /// `spans` say where each string's bytes are in `raw`, which is copied: it may be a mapping
    /// that does not outlive the load.
    init(_ raw: UnsafeRawBufferPointer, spans: [Int]) {
        bytes = Array(raw)
        self.spans = spans
        count = spans.count / 2
        made = .allocate(capacity: max(1, count))
        made.initialize(repeating: nil, count: count)
    }

    deinit {
        made.deinitialize(count: count)
        made.deallocate()
    }

    /// `i` is below `count` (the reader checks).
    subscript(i: Int) -> String {
        if let s = made[i] { return s }
        let (start, end) = (spans[2 * i], spans[2 * i + 1])
        let s = bytes.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
        made[i] = s
        return s
    }
}

/// Reads never past the end: a damaged or foreign file throws, it cannot crash.
struct CompactInput {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0
    private let strings: StringTable

    /// Values written in a `block`, read later with the strings of the input they came from.
    init(block: UnsafeRawBufferPointer, strings: StringTable) {
        self.bytes = block
        self.strings = strings
    }

    init(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes = bytes
        var table = CompactInput(block: bytes, strings: StringTable())
        let count = try table.length()
        var spans: [Int] = []
        spans.reserveCapacity(2 * count)
        for _ in 0..<count {
            let n = try table.length()
            spans.append(table.position)
            spans.append(table.position + n)
            table.position += n
        }
        strings = StringTable(UnsafeRawBufferPointer(rebasing: bytes[..<table.position]), spans: spans)
        position = table.position
    }

    var isAtEnd: Bool { position == bytes.count }

    func failure(_ what: String) -> CompactCoding.Failure {
        CompactCoding.Failure(description: "flow cache, byte \(position): \(what)")
    }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw failure("the data ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64 {
            let b = try byte()
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
        throw failure("a number is too long")
    }

    /// A count or a length: never more than the bytes left, since each item takes at least one.
    mutating func length() throws -> Int {
        let v = try varint()
        guard v <= UInt64(bytes.count - position) else { throw failure("a count is larger than the data") }
        return Int(v)
    }

    /// A `block`'s bytes, copied (the input may be a mapping that does not outlive the load),
    /// and the strings they refer to.
    mutating func block() throws -> (bytes: [UInt8], strings: StringTable) {
        let n = try length()
        defer { position += n }
        return (Array(UnsafeRawBufferPointer(rebasing: bytes[position..<position + n])), strings)
    }

    mutating func tag(below limit: UInt8) throws -> UInt8 {
        let t = try byte()
        guard t < limit else { throw failure("an unknown tag \(t)") }
        return t
    }

    mutating func read() throws -> Int {
        let v = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func read() throws -> Bool { try tag(below: 2) == 1 }

    mutating func read() throws -> String {
        let i = try varint()
        guard i < UInt64(strings.count) else { throw failure("a string index is out of range") }
        return strings[Int(i)]
    }

    mutating func read<T: CompactValue>() throws -> T { try T(from: &self) }
}

// MARK: - Containers

extension String: CompactValue {
    init(from input: inout CompactInput) throws { self = try input.read() }
    func write(to output: inout CompactOutput) { output.write(self) }
}

extension Int: CompactValue {
    init(from input: inout CompactInput) throws { self = try input.read() }
    func write(to output: inout CompactOutput) { output.write(self) }
}

extension Bool: CompactValue {
    init(from input: inout CompactInput) throws { self = try input.read() }
    func write(to output: inout CompactOutput) { output.write(self) }
}

extension Optional: CompactValue where Wrapped: CompactValue {
    init(from input: inout CompactInput) throws {
        self = try input.tag(below: 2) == 1 ? try Wrapped(from: &input) : nil
    }
    func write(to output: inout CompactOutput) {
        if let value = self { output.tag(1); value.write(to: &output) } else { output.tag(0) }
    }
}

extension Array: CompactValue where Element: CompactValue {
    init(from input: inout CompactInput) throws {
        let n = try input.length()
        self = []
        reserveCapacity(n)
        for _ in 0..<n { append(try Element(from: &input)) }
    }
    func write(to output: inout CompactOutput) {
        output.varint(UInt64(count))
        for e in self { e.write(to: &output) }
    }
}

extension Dictionary: CompactValue where Key == String, Value: CompactValue {
    init(from input: inout CompactInput) throws {
        let n = try input.length()
        self.init(minimumCapacity: n)
        for _ in 0..<n {
            let key: String = try input.read()
            self[key] = try Value(from: &input)
        }
        guard count == n else { throw input.failure("a key appears twice") }
    }
    /// In key order, so that the same flows always give the same bytes.
    func write(to output: inout CompactOutput) {
        output.varint(UInt64(count))
        for key in keys.sorted() {
            output.write(key)
            self[key]!.write(to: &output)
        }
    }
}

/// Enums with names for raw values: stored by name, so a renamed case fails to read.
protocol CompactByName: CompactValue, RawRepresentable where RawValue == String {}

extension CompactByName {
    init(from input: inout CompactInput) throws {
        let name: String = try input.read()
        guard let value = Self(rawValue: name) else { throw input.failure("`\(name)` is not a \(Self.self)") }
        self = value
    }
    func write(to output: inout CompactOutput) { output.write(rawValue) }
}

extension Stage: CompactByName {}
extension SourceDocument.Status: CompactByName {}
extension QuestionKind: CompactByName {}
extension RouteStatus: CompactByName {}
extension Form.Place: CompactByName {}
extension Rate.Per: CompactByName {}
extension UnaryOp: CompactByName {}
extension BinaryOp: CompactByName {}

// MARK: - Small values

extension CivilDate: CompactValue {
    init(from input: inout CompactInput) throws {
        let (y, m, d): (Int, Int, Int) = (try input.read(), try input.read(), try input.read())
        guard let date = CivilDate(year: y, month: m, day: d) else { throw input.failure("\(y)-\(m)-\(d) is not a date") }
        self = date
    }
    func write(to output: inout CompactOutput) { output.write(year); output.write(month); output.write(day) }
}

extension SourceLocation: CompactValue {
    init(from input: inout CompactInput) throws {
        self.init(file: try input.read(), line: try input.read(), column: try input.read())
    }
    func write(to output: inout CompactOutput) { output.write(file); output.write(line); output.write(column) }
}

extension LocalizedText: CompactValue {
    init(from input: inout CompactInput) throws { self.init(try input.read()) }
    func write(to output: inout CompactOutput) { output.write(values) }
}

extension SourceDocument: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); title = try input.read(); version = try input.read(); status = try input.read(); url = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(title); output.write(version); output.write(status); output.write(url)
    }
}

extension Citation: CompactValue {
    init(from input: inout CompactInput) throws {
        document = try input.read(); section = try input.read(); status = try input.read()
    }
    func write(to output: inout CompactOutput) { output.write(document); output.write(section); output.write(status) }
}

// MARK: - Expressions

extension ExprKind: CompactValue {
    init(from input: inout CompactInput) throws {
        switch try input.tag(below: 11) {
        case 0: self = .bool(try input.read())
        case 1: self = .number(try input.read())
        case 2: self = .money(try input.read())
        case 3: self = .date(try input.read())
        case 4: self = .string(try input.read())
        case 5: self = .list(try input.read())
        case 6: self = .identifier(try input.read())
        case 7: self = .today
        case 8: self = .unary(try input.read(), try input.read())
        case 9: self = .binary(try input.read(), try input.read(), try input.read())
        default: self = .call(try input.read(), try input.read())
        }
    }
    func write(to output: inout CompactOutput) {
        switch self {
        case .bool(let v): output.tag(0); output.write(v)
        case .number(let v): output.tag(1); output.write(v)
        case .money(let v): output.tag(2); output.write(v)
        case .date(let v): output.tag(3); output.write(v)
        case .string(let v): output.tag(4); output.write(v)
        case .list(let v): output.tag(5); output.write(v)
        case .identifier(let v): output.tag(6); output.write(v)
        case .today: output.tag(7)
        case .unary(let op, let x): output.tag(8); output.write(op); output.write(x)
        case .binary(let op, let a, let b): output.tag(9); output.write(op); output.write(a); output.write(b)
        case .call(let name, let args): output.tag(10); output.write(name); output.write(args)
        }
    }
}

extension Expr: CompactValue {
    /// `height` is worked out again by `init(_:at:)`, and the parser's limit is kept.
    init(from input: inout CompactInput) throws {
        self.init(try input.read(), at: try input.read())
        guard height <= Expr.maximumHeight else { throw input.failure("an expression nested too deeply") }
    }
    func write(to output: inout CompactOutput) { output.write(kind); output.write(offset) }
}

extension SourcedExpr: CompactValue {
    init(from input: inout CompactInput) throws {
        self.init(expr: try input.read(), text: try input.read(), location: try input.read())
    }
    func write(to output: inout CompactOutput) { output.write(expr); output.write(text); output.write(location) }
}

extension ValueType: CompactValue {
    init(from input: inout CompactInput) throws {
        switch try input.tag(below: 10) {
        case 0: self = .bool
        case 1: self = .number
        case 2: self = .money
        case 3: self = .date
        case 4: self = .text
        case 5: self = .option(question: try input.read(), options: try input.read())
        case 6: self = .optionSet(question: try input.read(), options: try input.read())
        case 7: self = .dateRanges
        case 8: self = .list(try input.read())
        default: self = .emptyList
        }
    }
    func write(to output: inout CompactOutput) {
        switch self {
        case .bool: output.tag(0)
        case .number: output.tag(1)
        case .money: output.tag(2)
        case .date: output.tag(3)
        case .text: output.tag(4)
        case .option(let q, let options): output.tag(5); output.write(q); output.write(options)
        case .optionSet(let q, let options): output.tag(6); output.write(q); output.write(options)
        case .dateRanges: output.tag(7)
        case .list(let t): output.tag(8); output.write(t)
        case .emptyList: output.tag(9)
        }
    }
}

// MARK: - Texts and routes

extension Template.Part: CompactValue {
    init(from input: inout CompactInput) throws {
        self = try input.tag(below: 2) == 0 ? .text(try input.read()) : .expr(try input.read())
    }
    func write(to output: inout CompactOutput) {
        switch self {
        case .text(let s): output.tag(0); output.write(s)
        case .expr(let e): output.tag(1); output.write(e)
        }
    }
}

extension Template: CompactValue {
    init(from input: inout CompactInput) throws { parts = try input.read(); raw = try input.read() }
    func write(to output: inout CompactOutput) { output.write(parts); output.write(raw) }
}

extension ConditionalText: CompactValue {
    init(from input: inout CompactInput) throws { condition = try input.read(); text = try input.read() }
    func write(to output: inout CompactOutput) { output.write(condition); output.write(text) }
}

extension Target: CompactValue {
    init(from input: inout CompactInput) throws {
        self = try input.tag(below: 2) == 0 ? .node(try input.read()) : .nextStage
    }
    func write(to output: inout CompactOutput) {
        switch self {
        case .node(let id): output.tag(0); output.write(id)
        case .nextStage: output.tag(1)
        }
    }
}

extension DateRule: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); condition = try input.read(); date = try input.read()
        text = try input.read(); source = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(condition); output.write(date)
        output.write(text); output.write(source); output.write(location)
    }
}

extension Route: CompactValue {
    init(from input: inout CompactInput) throws {
        condition = try input.read(); target = try input.read(); location = try input.read()
        because = try input.read(); source = try input.read(); status = try input.read(); dates = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(condition); output.write(target); output.write(location)
        output.write(because); output.write(source); output.write(status); output.write(dates)
    }
}

extension ChoiceOption: CompactValue {
    init(from input: inout CompactInput) throws { id = try input.read(); text = try input.read(); help = try input.read() }
    func write(to output: inout CompactOutput) { output.write(id); output.write(text); output.write(help) }
}

// MARK: - Questions, outcomes, catalogues

extension Question: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); stage = try input.read(); kind = try input.read()
        text = try input.read(); help = try input.read(); why = try input.read()
        terms = try input.read(); source = try input.read(); options = try input.read()
        mustBePast = try input.read(); mustBeFuture = try input.read()
        minimum = try input.read(); maximum = try input.read(); unit = try input.read(); maxLength = try input.read()
        showTotals = try input.read(); itemName = try input.read(); next = try input.read()
        location = try input.read(); replaces = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(stage); output.write(kind)
        output.write(text); output.write(help); output.write(why)
        output.write(terms); output.write(source); output.write(options)
        output.write(mustBePast); output.write(mustBeFuture)
        output.write(minimum); output.write(maximum); output.write(unit); output.write(maxLength)
        output.write(showTotals); output.write(itemName); output.write(next)
        output.write(location); output.write(replaces)
    }
}

extension EvidenceRule: CompactValue {
    init(from input: inout CompactInput) throws {
        item = try input.read(); condition = try input.read(); why = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(item); output.write(condition); output.write(why); output.write(location)
    }
}

extension Surcharge: CompactValue {
    init(from input: inout CompactInput) throws { rate = try input.read(); tenthsOfYears = try input.read() }
    func write(to output: inout CompactOutput) { output.write(rate); output.write(tenthsOfYears) }
}

extension Outcome: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); stage = try input.read(); definedIn = try input.read(); form = try input.read()
        title = try input.read(); explanation = try input.read(); reasons = try input.read()
        grant = try input.read(); conditions = try input.read(); fee = try input.read(); ihs = try input.read()
        feeWaiver = try input.read(); appeal = try input.read(); warnings = try input.read(); evidence = try input.read()
        source = try input.read(); dates = try input.read(); because = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(stage); output.write(definedIn); output.write(form)
        output.write(title); output.write(explanation); output.write(reasons)
        output.write(grant); output.write(conditions); output.write(fee); output.write(ihs)
        output.write(feeWaiver); output.write(appeal); output.write(warnings); output.write(evidence)
        output.write(source); output.write(dates); output.write(because); output.write(location)
    }
}

extension FileInfo: CompactValue {
    init(from input: inout CompactInput) throws {
        path = try input.read(); kind = try input.read(); reviewed = try input.read(); reviewBy = try input.read()
        rulesVersion = try input.read(); sources = try input.read(); reviewByLocation = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(path); output.write(kind); output.write(reviewed); output.write(reviewBy)
        output.write(rulesVersion); output.write(sources); output.write(reviewByLocation)
    }
}

extension StageFlow: CompactValue {
    init(from input: inout CompactInput) throws {
        stage = try input.read(); title = try input.read(); start = try input.read()
        startLocation = try input.read(); info = try input.read(); notReached = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(stage); output.write(title); output.write(start)
        output.write(startLocation); output.write(info); output.write(notReached)
    }
}

extension Form: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); code = try input.read(); name = try input.read()
        place = try input.read(); source = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(code); output.write(name)
        output.write(place); output.write(source); output.write(location)
    }
}

extension EvidenceItem: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); text = try input.read(); help = try input.read(); source = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(text); output.write(help); output.write(source); output.write(location)
    }
}

extension GlossaryTerm: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); term = try input.read(); text = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(term); output.write(text); output.write(location)
    }
}

extension Rate.Value: CompactValue {
    init(from input: inout CompactInput) throws { from = try input.read(); value = try input.read(); source = try input.read() }
    func write(to output: inout CompactOutput) { output.write(from); output.write(value); output.write(source) }
}

extension Rate: CompactValue {
    init(from input: inout CompactInput) throws {
        id = try input.read(); name = try input.read(); type = try input.read()
        per = try input.read(); values = try input.read(); location = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(id); output.write(name); output.write(type)
        output.write(per); output.write(values); output.write(location)
    }
}

extension FlowSet: CompactValue {
    /// The outcomes are a block of their own, read when first used (`FlowSet.outcomes`). The
    /// cache's checksum has covered them and the same build wrote them, so failing to read
    /// them then can only be a fault in this file; it stops the program rather than go on
    /// without them.
    init(from input: inout CompactInput) throws {
        stages = try input.read(); questions = try input.read()
        let (block, strings) = try input.block()
        outcomesStore = Deferred(making: {
            block.withUnsafeBytes { raw in
                var deferred = CompactInput(block: raw, strings: strings)
                do {
                    let outcomes = try [String: Outcome](from: &deferred)
                    guard deferred.isAtEnd else { throw deferred.failure("data left over after the outcomes") }
                    return outcomes
                } catch {
                    fatalError("lotr: the flow cache's outcomes could not be read (\(error)); delete ~/.cache/lotr and start again")
                }
            }
        })
        forms = try input.read(); evidence = try input.read(); glossary = try input.read(); rates = try input.read()
        files = try input.read(); questionOrder = try input.read(); outcomeOrder = try input.read(); version = try input.read()
    }
    func write(to output: inout CompactOutput) {
        output.write(stages); output.write(questions); output.block { $0.write(outcomes) }
        output.write(forms); output.write(evidence); output.write(glossary); output.write(rates)
        output.write(files); output.write(questionOrder); output.write(outcomeOrder); output.write(version)
    }
}
