import LotrFlow

/// `TypedInput` and `AnswerParser` write their messages in English so that every front end
/// gives the same ones; this is the one table that says them in the person's language, so the
/// full-screen and plain modes cannot drift apart in wording. A message no pattern fits (one
/// added to the engine later) is given in English rather than lost.
public enum EngineMessages {
    /// `message` in `language`: itself for English, for a language without a table, or when
    /// no pattern fits. Accepts both spellings the engine uses: `AnswerParser`'s ("the number
    /// must be at least 2") and `TypedInput`'s sentence ("The number must be at least 2.").
    public static func translate(_ message: String, to language: String) -> String {
        guard language == "zh-Hant" else { return message }
        var key = Substring(message)
        if key.hasSuffix(".") { key = key.dropLast() }
        let normalised = (key.first.map { $0.lowercased() } ?? "") + key.dropFirst()
        for pattern in patterns {
            if let captures = pattern.match(normalised) { return pattern.fill(captures) }
        }
        return message
    }

    /// Written as `AnswerParser.check` returns them: first letter in lower case, no final full
    /// stop (`TypedInput` capitalises and adds one; `translate` undoes that before matching).
    static let patterns: [MessagePattern] = [
        // TypedInput: dates
        MessagePattern("please type a date as DD/MM/YYYY, for example 09/04/2025", "請輸入日期，按日/月/年（DD/MM/YYYY），例如 09/04/2025。"),
        MessagePattern("please type the date as DD/MM/YYYY, for example 09/04/2025", "請輸入日期，按日/月/年（DD/MM/YYYY），例如 09/04/2025。"),
        MessagePattern("please type the year with four digits, for example 2025", "年份要有四位數字，例如 2025。"),
        MessagePattern("there is no month {0}. The month comes second: DD/MM/YYYY", "沒有 {0} 月。月份排在第二：日/月/年（DD/MM/YYYY）。"),
        MessagePattern("{0} {1} has {2} days, so day {3} does not exist", "{1}年{0}月只有 {2} 日，所以沒有 {3} 日。") { c in
            // Chinese names months by number; a word that is not one of the engine's month names is no match.
            guard let m = CivilDate.monthNames.firstIndex(where: { $0.lowercased() == c[0].lowercased() }) else { return nil }
            return [String(m + 1)] + c.dropFirst()
        },
        MessagePattern("only digits and / please, as DD/MM/YYYY", "請只輸入數字和 /，按日/月/年（DD/MM/YYYY）。"),
        MessagePattern("a date has three parts: DD/MM/YYYY", "日期有三個部分：日/月/年（DD/MM/YYYY）。"),
        MessagePattern("the day must be 01 to 31", "日子必須是 01 至 31。"),
        MessagePattern("the month must be 01 to 12", "月份必須是 01 至 12。"),
        MessagePattern("the year has four digits", "年份有四位數字。"),
        // TypedInput: numbers, money, text
        MessagePattern("please type a whole number using digits, for example 3", "請用阿拉伯數字輸入整數，例如 3。"),
        MessagePattern("please type an amount in pounds, for example 1258 or 1258.50", "請輸入以英鎊計的金額，例如 1258 或 1258.50。"),
        MessagePattern("please type an answer", "請輸入答案。"),
        // AnswerParser.check
        MessagePattern("this date is in the future; it must be today or earlier", "這個日期在將來；日期必須是今天或以前。"),
        MessagePattern("this date is in the past; it must be today or later", "這個日期已經過去；日期必須是今天或以後。"),
        MessagePattern("this date is too long ago; check the year", "這個日期太久以前；請檢查年份。"),
        MessagePattern("the number must be at least {0}", "數字最少要是 {0}。"),
        MessagePattern("the number must be at most {0}", "數字最多只可以是 {0}。"),
        MessagePattern("the number cannot be negative", "數字不可以是負數。"),
        MessagePattern("the amount must be at least {0}", "金額最少要是 {0}。"),
        MessagePattern("the amount must be at most {0}", "金額最多只可以是 {0}。"),
        MessagePattern("the amount cannot be negative", "金額不可以是負數。"),
        MessagePattern("please keep this to {0} characters", "請把答案限制在 {0} 個字以內。"),
        MessagePattern("item {0} ends in the future; only periods that have ended count", "第 {0} 項在將來才結束；只計算已經結束的期間。"),
        MessagePattern("item {0} starts too long ago; check the year", "第 {0} 項的開始日期太久以前；請檢查年份。"),
        MessagePattern("item {0}: the return date is before the departure date", "第 {0} 項：回來的日期早於離開的日期。"),
        MessagePattern("items {0} and {1} overlap; you cannot leave again before coming back", "第 {0} 項和第 {1} 項重疊；你不能在回來之前再次離開。"),
        // AnswerMigration (a resumed session whose questions were replaced)
        MessagePattern("your earlier answers to {0} questions were joined into one list: “{1}”. Please check it",
                       "你早前對 {0} 條問題的答案已合併為一個清單：「{1}」。請核對。"),
        // AnswerParser.parse (answers files)
        MessagePattern("answer yes or no", "請回答是或否（yes / no）。"),
        MessagePattern("'{0}' is not one of the options: {1}", "「{0}」不是其中一個選項（{1}）。"),
        MessagePattern("each choice must be one of the options: {0}", "每個選擇都必須是其中一個選項（{0}）。"),
        MessagePattern("'{0}' is not a real date (write YYYY-MM-DD or DD/MM/YYYY)", "「{0}」不是真實的日期（請寫成 YYYY-MM-DD 或 DD/MM/YYYY）。"),
        MessagePattern("'{0}' is not a whole number", "「{0}」不是整數。"),
        MessagePattern("that amount is too large", "金額太大。"),
        MessagePattern("'{0}' is not an amount of money (e.g. 1258.00)", "「{0}」不是金額（例如 1258.00）。"),
        MessagePattern("item {0} must be {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}", "第 {0} 項的格式必須是（{\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}）。"),
        MessagePattern("item {0}: '{1}' is not a real date", "第 {0} 項：「{1}」不是真實的日期。"),
        MessagePattern("expected {0}", "應該是{0}。") { c in kindDescriptions[c[0]].map { [$0] } },
    ]

    /// `AnswerParser.describe(kind)` in Chinese, keyed by the English.
    static let kindDescriptions: [String: String] = Dictionary(uniqueKeysWithValues: QuestionKind.allCases.map { kind in
        let chinese: String
        switch kind {
        case .yesNo: chinese = "是或否（true/false）"
        case .choice: chinese = "一個選項代號（文字）"
        case .multiChoice: chinese = "選項代號的清單"
        case .date: chinese = "日期（\"YYYY-MM-DD\"）"
        case .number: chinese = "整數"
        case .money: chinese = "金額，例如 1258.00"
        case .text: chinese = "文字"
        case .dateRanges: chinese = "日期範圍的清單（{\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}）"
        }
        return (AnswerParser.describe(kind), chinese)
    })
}

/// One engine message shape with `{n}` holes for the values the engine puts in, and its Chinese.
struct MessagePattern: Sendable {
    /// Literal pieces around the holes: `pieces.count == holes + 1`.
    let pieces: [String]
    let chinese: String
    /// Rewrites the captured values (an English month name as its number); nil rejects the match.
    let convert: @Sendable ([String]) -> [String]?

    init(_ english: String, _ chinese: String, convert: @escaping @Sendable ([String]) -> [String]? = { $0 }) {
        var pieces: [String] = [], current = ""
        var rest = Substring(english)
        while let c = rest.first {
            if let width = Self.holeWidth(rest) {
                pieces.append(current)
                current = ""
                rest = rest.dropFirst(width)
            } else {
                current.append(c)
                rest = rest.dropFirst()
            }
        }
        pieces.append(current)
        self.pieces = pieces
        self.chinese = chinese
        self.convert = convert
    }

    /// The length of a `{n}` hole at the start of `s`, if there is one; `{"from"` is not a hole.
    static func holeWidth(_ s: Substring) -> Int? {
        guard s.first == "{" else { return nil }
        let digits = s.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, s.dropFirst(1 + digits.count).first == "}" else { return nil }
        return digits.count + 2
    }

    /// The values in the holes if `s` has this shape. A hole ends at the first place the next
    /// literal occurs (the engine fills holes with numbers, month names, amounts and what the
    /// person wrote); the last literal must end the message. A hole may be empty, since what
    /// a person wrote in an answers file can be.
    func match(_ s: String) -> [String]? {
        guard s.hasPrefix(pieces[0]) else { return nil }
        var rest = Substring(s).dropFirst(pieces[0].count)
        var captures: [String] = []
        for (i, literal) in pieces.enumerated().dropFirst() {
            if i == pieces.count - 1 {
                guard rest.hasSuffix(literal) else { return nil }
                captures.append(String(rest.dropLast(literal.count)))
                rest = rest.suffix(0)
            } else {
                guard !literal.isEmpty, let r = rest.firstRange(ofExactly: literal) else { return nil }
                captures.append(String(rest[..<r.lowerBound]))
                rest = rest[r.upperBound...]
            }
        }
        guard rest.isEmpty else { return nil }
        return convert(captures)
    }

    /// The Chinese with its holes filled in one pass, so a value that itself contains `{1}`
    /// is not filled in again.
    func fill(_ captures: [String]) -> String {
        var out = ""
        var rest = Substring(chinese)
        while let c = rest.first {
            if let width = Self.holeWidth(rest), let n = Int(rest.dropFirst().prefix(width - 2)), captures.indices.contains(n) {
                out += captures[n]
                rest = rest.dropFirst(width)
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
