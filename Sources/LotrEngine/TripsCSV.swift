import LotrFlow

/// A list of date ranges (trips abroad) read from a CSV file: one range a line, `from,to`, each
/// date `DD/MM/YYYY` or `YYYY-MM-DD`, an optional header line. Every row is checked as a typed
/// range is; the whole file is taken or none of it.
public enum TripsCSV {
    public struct Problem: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case columns(Int)
            /// Which date (0 the first, 1 the second) and the engine's message about it.
            case date(Int, String)
            case reversed
            /// Overlaps a range already in the list, or the one on a line of the file (nil: in the list).
            case overlap(line: Int?, from: CivilDate, to: CivilDate)
            case empty
            /// The whole list breaks one of the question's limits (the engine's message).
            case list(String)
        }
        /// The line at fault (1-based), nil for a problem with the list as a whole.
        public var line: Int?
        public var kind: Kind

        public var message: String { message(in: "en") }
        public var description: String { description(in: "en") }

        /// `Line 18: the first date: …` in the language.
        public func description(in language: String) -> String {
            guard let line else { return message(in: language) }
            return language == "zh-Hant" ? "第 \(line) 行：\(message(in: language))" : "Line \(line): \(message(in: language))"
        }

        public func message(in language: String) -> String {
            let zh = language == "zh-Hant"
            switch kind {
            case .columns(let n):
                return zh ? "每行要有兩個以逗號分隔的日期（離開,回來），這行有 \(n) 個值。"
                    : "expected two dates separated by a comma (from,to), found \(n) \(n == 1 ? "value" : "values")."
            case .date(let which, let problem):
                let inner = EngineMessages.translate(problem, to: language)
                if zh { return (which == 0 ? "第一個日期：" : "第二個日期：") + inner }
                return (which == 0 ? "the first date: " : "the second date: ") + problem
            case .reversed:
                return zh ? "第二個日期早於第一個日期。" : "the second date is before the first."
            case .overlap(let other, let from, let to):
                if zh {
                    let with = other.map { "第 \($0) 行" } ?? "清單中已有的一項"
                    return "這次行程與\(with)（\(Strings.date(from, language))至\(Strings.date(to, language))）重疊；一段期間不可以在另一段結束之前開始。"
                }
                let with = other.map { "line \($0)" } ?? "a trip already in the list"
                return "this trip overlaps \(with) (\(from.uk) to \(to.uk)); one cannot start before the other ends."
            case .empty:
                return zh ? "檔案中沒有任何行程。" : "The file has no trips in it."
            case .list(let problem):
                return EngineMessages.translate(problem, to: language)
            }
        }
    }

    /// Parses `text` and adds its ranges to `existing`, checked against the question's limits.
    /// Returns the new list, sorted, and how many ranges the file added.
    public static func merge(_ text: String, into existing: [DateRange], for q: Question,
                             today: CivilDate) -> Result<(ranges: [DateRange], added: Int), Problem> {
        var dateQ = q
        dateQ.kind = .date
        var rows: [(line: Int, range: DateRange)] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1 && line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let cells = line.split(separator: line.contains(";") && !line.contains(",") ? ";" : ",",
                                   omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces.trimmingQuotes }
            if cells.allSatisfy(\.isEmpty) { continue }
            // A header: the first line, with no digit in its first cell.
            if rows.isEmpty && number == firstContentLine(lines) && !(cells[0].contains { $0.isASCII && $0.isNumber }) { continue }
            guard cells.count == 2 else {
                return .failure(Problem(line: number, kind: .columns(cells.count)))
            }
            var dates: [CivilDate] = []
            for (which, cell) in cells.enumerated() {
                switch TypedInput.date(cell, for: dateQ, today: today) {
                case .success(let d): dates.append(d)
                case .failure(let p):
                    return .failure(Problem(line: number, kind: .date(which, p.message)))
                }
            }
            guard dates[1] >= dates[0] else {
                return .failure(Problem(line: number, kind: .reversed))
            }
            rows.append((number, DateRange(from: dates[0], to: dates[1])))
        }
        guard !rows.isEmpty else { return .failure(Problem(line: nil, kind: .empty)) }
        let candidate = existing + rows.map(\.range)
        for problem in Calculations.validate(candidate) {
            guard case .overlap(let a, let b) = problem else { continue }
            let (earlier, later) = (min(a, b), max(a, b))
            let other = candidate[earlier]
            return .failure(Problem(line: later >= existing.count ? rows[later - existing.count].line : nil,
                                    kind: .overlap(line: earlier < existing.count ? nil : rows[earlier - existing.count].line,
                                                   from: other.from, to: other.to)))
        }
        let sorted = candidate.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        if let problem = TypedInput.ranges(sorted, for: q, today: today) {
            return .failure(Problem(line: nil, kind: .list(problem.message)))
        }
        return .success((sorted, rows.count))
    }

    static func firstContentLine(_ lines: [Substring]) -> Int {
        for (i, l) in lines.enumerated() where !l.trimmingSpaces.replacingOccurrences(",", "").isEmpty { return i + 1 }
        return 1
    }
}

private extension String {
    var trimmingQuotes: String {
        guard count >= 2, first == "\"", last == "\"" else { return self }
        return String(dropFirst().dropLast()).trimmingSpaces
    }

    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        String(filter { $0 != target })
    }
}

private extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        String(filter { $0 != target })
    }
}

extension TripsCSV {
    /// `Added 30 trips from the file; the list now has 31.`
    public static func addedMessage(_ added: Int, total: Int, language: String) -> String {
        if language == "zh-Hant" { return "已從檔案加入 \(added) 項；清單現在共有 \(total) 項。" }
        return "Added \(added) \(added == 1 ? "trip" : "trips") from the file; the list now has \(total)."
    }
}
