import LotrFlow

/// What a person types for one answer, checked the same way by every front end so that the
/// full-screen and the plain line modes give the same messages.
public enum TypedInput {
    /// Parses a typed date `DD/MM/YYYY` (also `-` or `.` between parts, or ISO `YYYY-MM-DD`)
    /// and checks the question's limits.
    public static func date(_ text: String, for q: Question, today: CivilDate) -> Result<CivilDate, AnswerProblem> {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return .failure(AnswerProblem("Please type a date as DD/MM/YYYY, for example 09/04/2025.")) }
        guard let d = CivilDate(ukText: t) ?? CivilDate(iso: t) else {
            return .failure(AnswerProblem(dateProblem(t)))
        }
        if let problem = AnswerParser.check(.date(d), for: q, today: today) { return .failure(AnswerProblem(sentence(problem))) }
        return .success(d)
    }

    /// Explains what is wrong with a typed date, as precisely as the text allows.
    public static func dateProblem(_ t: String) -> String {
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return "Please type the date as DD/MM/YYYY, for example 09/04/2025."
        }
        guard parts[2].count == 4 else { return "Please type the year with four digits, for example 2025." }
        let day = Int(parts[0]) ?? 0, month = Int(parts[1]) ?? 0, year = Int(parts[2]) ?? 0
        guard (1...12).contains(month) else { return "There is no month \(month). The month comes second: DD/MM/YYYY." }
        let last = CivilDate.daysInMonth(year: year, month: month)
        return "\(CivilDate.monthNames[month - 1]) \(year) has \(last) days, so day \(day) does not exist."
    }

    /// Checks what has been typed so far in a date field, for feedback while typing: nil while
    /// the text could still become a valid date.
    public static func partialDateProblem(_ text: String) -> String? {
        for c in text where !(c.isASCII && c.isNumber) && c != "/" {
            return "Only digits and / please, as DD/MM/YYYY."
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 3 { return "A date has three parts: DD/MM/YYYY." }
        if let d = parts.first, d.count > 2 || (d.count == 2 && !(1...31).contains(Int(d) ?? 0)) { return "The day must be 01 to 31." }
        if parts.count > 1, parts[1].count > 2 || (parts[1].count == 2 && !(1...12).contains(Int(parts[1]) ?? 0)) {
            return "The month must be 01 to 12."
        }
        if parts.count > 2, parts[2].count > 4 { return "The year has four digits." }
        return nil
    }

    public static func number(_ text: String, for q: Question, today: CivilDate) -> Result<Int, AnswerProblem> {
        let t = text.trimmingSpaces.filter { $0 != "," }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) || (t.hasPrefix("-") && t.dropFirst().allSatisfy { $0.isASCII && $0.isNumber } && t.count > 1),
              let n = Int(t) else {
            return .failure(AnswerProblem("Please type a whole number using digits, for example 3."))
        }
        if let problem = AnswerParser.check(.number(n), for: q, today: today) { return .failure(AnswerProblem(sentence(problem))) }
        return .success(n)
    }

    public static func money(_ text: String, for q: Question, today: CivilDate) -> Result<Int, AnswerProblem> {
        guard let p = AnswerParser.parseMoney(text.trimmingSpaces) else {
            return .failure(AnswerProblem("Please type an amount in pounds, for example 1258 or 1258.50."))
        }
        if let problem = AnswerParser.check(.money(p), for: q, today: today) { return .failure(AnswerProblem(sentence(problem))) }
        return .success(p)
    }

    public static func text(_ text: String, for q: Question, today: CivilDate) -> Result<String, AnswerProblem> {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return .failure(AnswerProblem("Please type an answer.")) }
        if let problem = AnswerParser.check(.text(t), for: q, today: today) { return .failure(AnswerProblem(sentence(problem))) }
        return .success(t)
    }

    /// Checks a whole list of date ranges (order, overlaps, future dates).
    public static func ranges(_ rs: [DateRange], for q: Question, today: CivilDate) -> AnswerProblem? {
        AnswerParser.check(.ranges(rs), for: q, today: today).map { AnswerProblem(sentence($0)) }
    }

    static func sentence(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst() + (s.hasSuffix(".") ? "" : ".")
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
