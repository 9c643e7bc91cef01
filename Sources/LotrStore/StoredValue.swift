import Foundation
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
    public static func encode(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of strings, integers and arrays cannot fail.
        let data = (try? encoder.encode(Tagged(value))) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// nil when the text is not a value this version can read.
    public static func decode(_ text: String) -> Value? {
        try? JSONDecoder().decode(Tagged.self, from: Data(text.utf8)).value
    }

    struct Tagged: Codable {
        let value: Value
        init(_ value: Value) { self.value = value }

        enum Key: String, CodingKey { case bool, number, money, date, text, option, options, ranges, list }

        struct Unreadable: Error {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            guard c.allKeys.count == 1, let key = c.allKeys.first else { throw Unreadable() }
            func date(_ s: String) throws -> CivilDate {
                guard let d = CivilDate(iso: s) else { throw Unreadable() }
                return d
            }
            switch key {
            case .bool: value = .bool(try c.decode(Bool.self, forKey: key))
            case .number: value = .number(try c.decode(Int.self, forKey: key))
            case .money: value = .money(try c.decode(Int.self, forKey: key))
            case .date: value = .date(try date(try c.decode(String.self, forKey: key)))
            case .text: value = .text(try c.decode(String.self, forKey: key))
            case .option: value = .option(try c.decode(String.self, forKey: key))
            case .options: value = .options(try c.decode([String].self, forKey: key))
            case .ranges:
                let pairs = try c.decode([[String]].self, forKey: key)
                value = .ranges(try pairs.map { pair in
                    guard pair.count == 2 else { throw Unreadable() }
                    return DateRange(from: try date(pair[0]), to: try date(pair[1]))
                })
            case .list: value = .list(try c.decode([Tagged].self, forKey: key).map(\.value))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch value {
            case .bool(let b): try c.encode(b, forKey: .bool)
            case .number(let n): try c.encode(n, forKey: .number)
            case .money(let p): try c.encode(p, forKey: .money)
            case .date(let d): try c.encode(d.iso, forKey: .date)
            case .text(let s): try c.encode(s, forKey: .text)
            case .option(let id): try c.encode(id, forKey: .option)
            case .options(let ids): try c.encode(ids, forKey: .options)
            case .ranges(let rs): try c.encode(rs.map { [$0.from.iso, $0.to.iso] }, forKey: .ranges)
            case .list(let items): try c.encode(items.map(Tagged.init), forKey: .list)
            }
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
