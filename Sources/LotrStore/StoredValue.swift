import LotrEngine
import LotrFlow

/// The text form of an answer in the database: JSON tagged by case, so that every `Value` reads
/// back exactly as it was written (a whole number never comes back as money, an option never as
/// free text), and so that a file written today stays readable after the engine gains new cases.
///
///     {"bool":true}  {"number":12}  {"money":125800}  {"date":"2026-03-01"}  {"text":"…"}
///     {"option":"worker"}  {"options":["a","b"]}  {"ranges":[["2025-01-01","2025-01-05"]]}
///     {"list":[{"number":1},{"text":"x"}]}
public enum StoredValue {
    // Written and read with the engine's own JSON writer and reader: Foundation's Codable JSON
    // would pull a large amount of code into the first save, and these values are simple.
    public static func encode(_ value: Value) -> String {
        tagged(value).serialized(pretty: false)
    }

    /// nil when the text is not a value this version can read.
    public static func decode(_ text: String) -> Value? {
        guard case .success(let input) = JSONReader.parse(text) else { return nil }
        return value(input)
    }

    static func tagged(_ value: Value) -> JSON {
        func tag(_ key: String, _ json: JSON) -> JSON { .object([(key, json)]) }
        switch value {
        case .bool(let b): return tag("bool", .bool(b))
        case .number(let n): return tag("number", .number(n))
        case .money(let p): return tag("money", .number(p))
        case .date(let d): return tag("date", .string(d.iso))
        case .text(let s): return tag("text", .string(s))
        case .option(let id): return tag("option", .string(id))
        case .options(let ids): return tag("options", .array(ids.map(JSON.string)))
        case .ranges(let rs): return tag("ranges", .array(rs.map { .array([.string($0.from.iso), .string($0.to.iso)]) }))
        case .list(let items): return tag("list", .array(items.map(tagged)))
        }
    }

    static func value(_ input: AnswerInput) -> Value? {
        guard case .object(let object) = input, object.count == 1, let (key, body) = object.first else { return nil }
        func strings(_ items: [AnswerInput]) -> [String]? {
            var out: [String] = []
            for item in items {
                guard case .string(let s) = item else { return nil }
                out.append(s)
            }
            return out
        }
        switch (key, body) {
        case ("bool", .bool(let b)): return .bool(b)
        case ("number", .integer(let n)): return .number(n)
        case ("money", .integer(let p)): return .money(p)
        case ("date", .string(let s)): return CivilDate(iso: s).map(Value.date)
        case ("text", .string(let s)): return .text(s)
        case ("option", .string(let id)): return .option(id)
        case ("options", .array(let items)): return strings(items).map(Value.options)
        case ("ranges", .array(let pairs)):
            var ranges: [DateRange] = []
            for pair in pairs {
                guard case .array(let ends) = pair, let isos = strings(ends), isos.count == 2,
                      let from = CivilDate(iso: isos[0]), let to = CivilDate(iso: isos[1]) else { return nil }
                ranges.append(DateRange(from: from, to: to))
            }
            return .ranges(ranges)
        case ("list", .array(let items)):
            var values: [Value] = []
            for item in items {
                guard let v = value(item) else { return nil }
                values.append(v)
            }
            return .list(values)
        default: return nil
        }
    }
}

/// Whether a saved answer still fits its question in the current flows: the same kind, and for
/// choices, options that still exist. Limits that depend on the day (a date that must be in the
/// future) are left to the front end when the question is shown again.
public enum AnswerFit {
    public static func problem(_ value: Value, for q: Question) -> String? {
        let ids = Set(q.options.map(\.id))
        switch (q.kind, value) {
        case (.yesNo, .bool), (.date, .date), (.number, .number), (.money, .money), (.text, .text), (.dateRanges, .ranges):
            return nil
        case (.choice, .option(let id)):
            return ids.contains(id) ? nil : "the option chosen is no longer offered"
        case (.multiChoice, .options(let chosen)):
            return chosen.allSatisfy(ids.contains) ? nil : "an option chosen is no longer offered"
        default:
            return "the question now asks for \(AnswerParser.describe(q.kind))"
        }
    }
}
