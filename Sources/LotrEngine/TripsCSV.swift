import LotrFlow

/// A list of date ranges (trips abroad) read from a CSV file: one range a line, `from,to`, each
/// date `DD/MM/YYYY` or `YYYY-MM-DD`, an optional header line. Every row is checked as a typed
/// range is; the whole file is taken or none of it.
public enum TripsCSV {
    public struct Problem: Error, Equatable, Sendable {
        /// The line at fault (1-based), nil for a problem with the list as a whole.
        public var line: Int?
        public var message: String
        public var description: String { line.map { "Line \($0): \(message)" } ?? message }
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
                return .failure(Problem(line: number, message: "expected two dates separated by a comma (from,to), found \(cells.count) \(cells.count == 1 ? "value" : "values")."))
            }
            var dates: [CivilDate] = []
            for (which, cell) in cells.enumerated() {
                switch TypedInput.date(cell, for: dateQ, today: today) {
                case .success(let d): dates.append(d)
                case .failure(let p):
                    return .failure(Problem(line: number, message: (which == 0 ? "the first date: " : "the second date: ") + p.message))
                }
            }
            guard dates[1] >= dates[0] else {
                return .failure(Problem(line: number, message: "the second date is before the first."))
            }
            rows.append((number, DateRange(from: dates[0], to: dates[1])))
        }
        guard !rows.isEmpty else { return .failure(Problem(line: nil, message: "The file has no trips in it.")) }
        let candidate = existing + rows.map(\.range)
        for problem in Calculations.validate(candidate) {
            guard case .overlap(let a, let b) = problem else { continue }
            let (earlier, later) = (min(a, b), max(a, b))
            let other = candidate[earlier]
            let span = "\(other.from.uk) to \(other.to.uk)"
            let with = earlier < existing.count ? "a trip already in the list (\(span))" : "line \(rows[earlier - existing.count].line) (\(span))"
            return .failure(Problem(line: later >= existing.count ? rows[later - existing.count].line : nil,
                                    message: "this trip overlaps \(with); one cannot start before the other ends."))
        }
        let sorted = candidate.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        if let problem = TypedInput.ranges(sorted, for: q, today: today) {
            return .failure(Problem(line: nil, message: problem.message))
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
