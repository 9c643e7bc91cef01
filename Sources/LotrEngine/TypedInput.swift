import LotrFlow

/// What a person types for one answer, checked the same way by every front end so that the
/// full-screen and the plain line modes give the same messages.
public enum TypedInput {
    /// Parses a typed date — `DD/MM/YYYY` (also `-` or `.` between parts), ISO `YYYY-MM-DD`, or
    /// `9 April 2025` — and checks the question's limits.
    public static func date(_ text: String, for q: Question, today: CivilDate) -> Result<CivilDate, AnswerProblem> {
        let t = text.trimmingSpaces
        guard !t.isEmpty else { return .failure(AnswerProblem(DateWords.typeADate)) }
        guard let d = CivilDate(written: t) else {
            return .failure(AnswerProblem(dateProblem(t)))
        }
        if let problem = AnswerParser.check(.date(d), for: q, today: today) { return .failure(AnswerProblem(sentence(problem))) }
        return .success(d)
    }

    /// The words every front end (and `decide`) uses about a date, so that they cannot drift apart.
    public enum DateWords {
        public static let typeADate = "Please type a date as DD/MM/YYYY, for example 09/04/2025 or 9 April 2025."
        public static let shape = "Please type the date as DD/MM/YYYY, for example 09/04/2025 or 9 April 2025."
        public static let onlyDigits = "Only digits, / or a month name in English, please: 09/04/2025 or 9 April 2025."
        public static let monthName = "Please write the month in English, for example 9 April 2025."
        public static let threeParts = "A date has three parts: day, month and year."
        public static let yearDigits = "Please type the year with four digits, for example 2025."
    }

    /// Explains what is wrong with a typed date, as precisely as the text allows. Never repeats
    /// what was typed: the message may reach a log.
    public static func dateProblem(_ t: String) -> String {
        let words = t.split(whereSeparator: { $0 == " " || $0 == "," })
        if t.contains(where: \.isLetter) {
            guard words.count == 3 else { return DateWords.shape }
            guard CivilDate.month(named: String(words[1])) != nil else { return DateWords.monthName }
            guard words[0].allSatisfy({ $0.isASCII && $0.isNumber }), words[2].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return DateWords.shape
            }
            guard words[2].count == 4 else { return DateWords.yearDigits }
            let month = CivilDate.month(named: String(words[1]))!, year = Int(words[2]) ?? 0, day = Int(words[0]) ?? 0
            return daysProblem(day: day, month: month, year: year)
        }
        var parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return DateWords.shape
        }
        // Year first (ISO) is told apart by its four digits.
        if parts[0].count == 4 && parts[2].count <= 2 { parts.reverse() }
        guard parts[2].count == 4 else { return DateWords.yearDigits }
        let day = Int(parts[0]) ?? 0, month = Int(parts[1]) ?? 0, year = Int(parts[2]) ?? 0
        guard (1...12).contains(month) else { return "There is no month \(month). The month comes second: DD/MM/YYYY." }
        return daysProblem(day: day, month: month, year: year)
    }

    static func daysProblem(day: Int, month: Int, year: Int) -> String {
        let last = CivilDate.daysInMonth(year: year, month: month)
        return "\(CivilDate.monthNames[month - 1]) \(year) has \(last) days, so day \(day) does not exist."
    }

    /// Checks what has been typed so far in a date field, for feedback while typing: nil while
    /// the text could still become a valid date.
    public static func partialDateProblem(_ text: String) -> String? {
        let hasLetters = text.contains(where: \.isLetter)
        for c in text where !(c.isASCII && (c.isNumber || c.isLetter)) && !"/-. ,".contains(c) {
            return DateWords.onlyDigits
        }
        if hasLetters || text.contains(" ") || text.contains(",") {
            if text.contains(where: { "/-.".contains($0) }) { return DateWords.onlyDigits }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
            for (i, w) in words.enumerated() {
                let digits = w.allSatisfy { $0.isASCII && $0.isNumber }
                switch i {
                case 0:
                    guard digits else { return w.allSatisfy(\.isLetter) ? "Please type the day first, for example 9 April 2025." : DateWords.onlyDigits }
                    if w.count > 2 || (w.count == 2 && !(1...31).contains(Int(w) ?? 0)) { return "The day must be 01 to 31." }
                case 1:
                    guard w.allSatisfy({ $0.isASCII && $0.isLetter }) else { return DateWords.monthName }
                    let complete = words.count > 2 || text.last == " " || text.last == ","
                    if complete ? CivilDate.month(named: String(w)) == nil : !CivilDate.couldBeMonth(String(w)) { return DateWords.monthName }
                case 2:
                    guard digits else { return DateWords.onlyDigits }
                    if w.count > 4 { return "The year has four digits." }
                default:
                    return DateWords.threeParts
                }
            }
            return nil
        }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "/-.".contains($0) })
        if parts.count > 3 { return "A date has three parts: DD/MM/YYYY." }
        if let first = parts.first, first.count > 2, parts.count == 1 || first.count == 4 {
            // Year first, ISO style: YYYY-MM-DD.
            if first.count > 4 { return "The year has four digits." }
            if parts.count > 1, parts[1].count > 2 || (parts[1].count == 2 && !(1...12).contains(Int(parts[1]) ?? 0)) {
                return "The month must be 01 to 12."
            }
            if parts.count > 2, parts[2].count > 2 || (parts[2].count == 2 && !(1...31).contains(Int(parts[2]) ?? 0)) {
                return "The day must be 01 to 31."
            }
            return nil
        }
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

    public static func sentence(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst() + (s.hasSuffix(".") ? "" : ".")
    }
}

extension String {
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
