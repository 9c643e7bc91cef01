import LotrFlow

/// An answer, or the value of an expression.
public enum Value: Hashable, Sendable {
    case bool(Bool)
    case number(Int)
    /// Pence.
    case money(Int)
    case date(CivilDate)
    case text(String)
    /// A `choice` answer: the option id.
    case option(String)
    /// A `multi_choice` answer: option ids in the order of the question's options.
    case options([String])
    case ranges([DateRange])
    case list([Value])
}

/// Answers keyed by question id. Answers to questions that are not on the current path are
/// kept (so going back and forth loses nothing) but never read.
public typealias Answers = [String: Value]

public enum Format {
    /// £1,258.00
    public static func money(_ pence: Int) -> String {
        let sign = pence < 0 ? "-" : ""
        let p = pence.magnitude
        let pounds = String(p / 100)
        var grouped = ""
        for (i, c) in pounds.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let pennies = p % 100
        return "\(sign)£\(String(grouped.reversed())).\(pennies < 10 ? "0" : "")\(pennies)"
    }

    /// 2.5 years from tenths.
    public static func years(tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// How a value reads to a person: dates as `12 March 2027`, options by their text.
    public static func value(_ v: Value, question: Question? = nil, language: String = "en") -> String {
        switch v {
        case .bool(let b): return Strings.text(b ? .yes : .no, language)
        case .number(let n): return String(n)
        case .money(let p): return money(p)
        case .date(let d): return Strings.date(d, language)
        case .text(let s): return s
        case .option(let id): return question?.options.first { $0.id == id }?.text.text(language) ?? id
        case .options(let ids):
            if ids.isEmpty { return Strings.text(.noneOfThese, language) }
            return ids.map { id in question?.options.first { $0.id == id }?.text.text(language) ?? id }.joined(separator: "; ")
        case .ranges(let rs):
            if rs.isEmpty { return Strings.text(.none, language) }
            return rs.map { "\(Strings.date($0.from, language)) \(Strings.text(.to, language)) \(Strings.date($0.to, language))" }.joined(separator: "; ")
        case .list(let items): return items.map { value($0, language: language) }.joined(separator: ", ")
        }
    }
}
