/// A small strict JSON reader for answer files. Hand-written so that booleans and numbers keep
/// their JSON types exactly and errors can name the line.
public enum JSONReader {
    public struct Failure: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        /// The message without any text from the document (which holds answers).
        public var withoutValues: String
        init(line: Int, message: String, withoutValues: String? = nil) {
            self.line = line
            self.message = message
            self.withoutValues = withoutValues ?? message
        }
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses a JSON document into an `AnswerInput` tree (objects keep their keys).
    public static func parse(_ text: String) -> Result<AnswerInput, Failure> {
        var reader = Reader(chars: Array(text.unicodeScalars))
        do {
            reader.skipSpace()
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.i == reader.chars.count else { throw reader.fail("unexpected text after the JSON value") }
            return .success(value)
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(line: 1, message: "\(error)"))
        }
    }

    struct Reader {
        let chars: [Unicode.Scalar]
        var i = 0

        func fail(_ message: String, withoutValues: String? = nil) -> Failure {
            let line = chars[..<min(i, chars.count)].filter { $0 == "\n" }.count + 1
            return Failure(line: line, message: message, withoutValues: withoutValues)
        }

        mutating func skipSpace() {
            while i < chars.count, [" ", "\n", "\r", "\t"].contains(chars[i]) { i += 1 }
        }

        mutating func expect(_ word: String) throws {
            for c in word.unicodeScalars {
                guard i < chars.count, chars[i] == c else { throw fail("expected `\(word)`") }
                i += 1
            }
        }

        mutating func value(depth: Int) throws -> AnswerInput {
            guard depth < 64 else { throw fail("the JSON is nested too deeply") }
            guard i < chars.count else { throw fail("the JSON ends too early") }
            switch chars[i] {
            case "{":
                i += 1
                var object: [String: AnswerInput] = [:]
                skipSpace()
                if i < chars.count, chars[i] == "}" { i += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard i < chars.count, chars[i] == "\"" else { throw fail("expected a quoted key") }
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    if object[key] != nil { throw fail("the key \"\(key)\" appears twice", withoutValues: "a key appears twice") }
                    object[key] = try value(depth: depth + 1)
                    skipSpace()
                    guard i < chars.count else { throw fail("the object is not closed with }") }
                    if chars[i] == "," { i += 1; continue }
                    if chars[i] == "}" { i += 1; return .object(object) }
                    throw fail("expected , or } in the object")
                }
            case "[":
                i += 1
                var items: [AnswerInput] = []
                skipSpace()
                if i < chars.count, chars[i] == "]" { i += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < chars.count else { throw fail("the list is not closed with ]") }
                    if chars[i] == "," { i += 1; continue }
                    if chars[i] == "]" { i += 1; return .array(items) }
                    throw fail("expected , or ] in the list")
                }
            case "\"": return .string(try string())
            case "t": try expect("true"); return .bool(true)
            case "f": try expect("false"); return .bool(false)
            case "n": try expect("null"); return .null
            default: return try number()
            }
        }

        mutating func string() throws -> String {
            i += 1
            var out = String.UnicodeScalarView()
            while i < chars.count {
                let c = chars[i]
                i += 1
                if c == "\"" { return String(out) }
                if c == "\\" {
                    guard i < chars.count else { break }
                    let e = chars[i]
                    i += 1
                    switch e {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    case "b": out.append("\u{8}")
                    case "f": out.append("\u{c}")
                    case "u":
                        let code = try hex4()
                        // Characters beyond the first plane come as a surrogate pair: \uD83D\uDE00.
                        if (0xD800..<0xDC00).contains(code), i + 1 < chars.count, chars[i] == "\\", chars[i + 1] == "u" {
                            let save = i
                            i += 2
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                out.append(Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}")
                                continue
                            }
                            i = save
                        }
                        out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default: out.append(e)
                    }
                } else {
                    out.append(c)
                }
            }
            throw fail("a text value is not closed with \"")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= chars.count, let code = UInt32(String(String.UnicodeScalarView(chars[i..<i + 4])), radix: 16) else {
                throw fail("bad \\u escape")
            }
            i += 4
            return code
        }

        mutating func number() throws -> AnswerInput {
            let start = i
            while i < chars.count, "-+.eE0123456789".unicodeScalars.contains(chars[i]) { i += 1 }
            let text = String(String.UnicodeScalarView(chars[start..<i]))
            guard !text.isEmpty else { throw fail("unexpected character `\(chars[i])`", withoutValues: "unexpected character") }
            if let n = Int(text) { return .integer(n) }
            guard text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), text.filter({ $0 == "." }).count == 1 else {
                throw fail("`\(text)` is not a number this tool accepts",
                           withoutValues: "a number this tool does not accept (whole numbers, or amounts such as 1258.50)")
            }
            return .decimal(text)
        }
    }
}
