/// The type of an answer or expression, checked when flows load so that evaluation cannot fail.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case bool, number, money, date, text
    /// The answer to a `choice` question: one of its option ids.
    case option(question: String, options: [String])
    /// The answer to a `multi_choice` question: a set of its option ids.
    case optionSet(question: String, options: [String])
    case dateRanges
    case list(ValueType)
    /// `[]`, whose element type is not known.
    case emptyList

    public var description: String {
        switch self {
        case .bool: return "yes/no"
        case .number: return "number"
        case .money: return "money"
        case .date: return "date"
        case .text: return "text"
        case .option(let q, _): return "choice (\(q))"
        case .optionSet(let q, _): return "set of choices (\(q))"
        case .dateRanges: return "list of date ranges"
        case .list(let t): return "list of \(t)"
        case .emptyList: return "empty list"
        }
    }
}

/// The functions a flow may call, with their types. The engine implements each one; a test
/// makes sure both lists agree.
public struct FunctionSignature: Sendable {
    public enum Parameter: Sendable { case date, number, dateRanges, countable, orderable }
    public var name: String
    public var parameters: [Parameter]
    /// nil: the same type as the arguments (`min`, `max`).
    public var result: ValueType?
    public var summary: String

    public static let all: [FunctionSignature] = [
        .init(name: "days_between", parameters: [.date, .date], result: .number, summary: "days from the first date to the second"),
        .init(name: "years_between", parameters: [.date, .date], result: .number, summary: "whole years completed from the first date to the second"),
        .init(name: "months_between", parameters: [.date, .date], result: .number, summary: "whole months completed from the first date to the second"),
        .init(name: "add_days", parameters: [.date, .number], result: .date, summary: "the date a number of days later (earlier if negative)"),
        .init(name: "add_months", parameters: [.date, .number], result: .date, summary: "the date a number of calendar months later"),
        .init(name: "add_years", parameters: [.date, .number], result: .date, summary: "the date a number of years later"),
        .init(name: "min", parameters: [.orderable, .orderable], result: nil, summary: "the smaller of two numbers, amounts or dates"),
        .init(name: "max", parameters: [.orderable, .orderable], result: nil, summary: "the larger of two numbers, amounts or dates"),
        .init(name: "count", parameters: [.countable], result: .number, summary: "how many ranges or chosen options"),
        .init(name: "total_days", parameters: [.dateRanges], result: .number, summary: "whole days outside the UK across all ranges"),
        .init(name: "longest_days", parameters: [.dateRanges], result: .number, summary: "whole days of the longest single range"),
        .init(name: "max_days_in_any_12_months", parameters: [.dateRanges], result: .number, summary: "the most whole days outside the UK in any rolling 12 months"),
        .init(name: "total_days_before", parameters: [.dateRanges, .date], result: .number, summary: "as total_days, counting only days before the date"),
        .init(name: "longest_days_before", parameters: [.dateRanges, .date], result: .number, summary: "as longest_days, counting only days before the date"),
        .init(name: "earliest_date", parameters: [.dateRanges], result: .date, summary: "the first start date (today when the list is empty)"),
        .init(name: "latest_date", parameters: [.dateRanges], result: .date, summary: "the last end date (today when the list is empty)"),
        .init(name: "qualifying_date", parameters: [.date, .number, .dateRanges, .dateRanges], result: .date,
              summary: "qualifying_date(start, years, gaps, excluded): the day the years that count are complete, leaving out gaps and excluded time"),
        .init(name: "qualifying_period_end", parameters: [.date, .number, .dateRanges, .dateRanges], result: .date,
              summary: "the last day of the qualifying period absences are tested on: the later of today + 28 days and qualifying_date (CR 1.1)"),
        .init(name: "qualifying_period_start", parameters: [.date, .number, .dateRanges, .dateRanges], result: .date,
              summary: "the first day of that qualifying period, counting back from qualifying_period_end (never before the start date)"),
        .init(name: "in_qualifying_period", parameters: [.dateRanges, .date, .number, .dateRanges, .dateRanges], result: .dateRanges,
              summary: "in_qualifying_period(trips, start, years, gaps, excluded): the trips cut to that qualifying period"),
        .init(name: "trips_excluding", parameters: [.dateRanges, .dateRanges], result: .dateRanges,
              summary: "trips_excluding(trips, excused): the trips with the excused days abroad taken out (CR 3.4)"),
        .init(name: "absences_in_qualifying_period", parameters: [.dateRanges, .dateRanges, .date, .number, .dateRanges, .dateRanges], result: .dateRanges,
              summary: "absences_in_qualifying_period(trips, excused, start, years, gaps, uncounted): trips without excused days, cut to the qualifying period"),
        .init(name: "trips_started_before", parameters: [.dateRanges, .date], result: .dateRanges, summary: "the ranges that start before the date"),
        .init(name: "trips_started_from", parameters: [.dateRanges, .date], result: .dateRanges, summary: "the ranges that start on or after the date"),
        .init(name: "max_days_in_fixed_12_months", parameters: [.dateRanges, .date], result: .number,
              summary: "the most whole days outside the UK in one of the fixed 12-month periods ending on the date and its anniversaries (CR 3.2)"),
    ]

    public static let byName: [String: FunctionSignature] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
