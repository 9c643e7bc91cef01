import LotrFlow

/// Something wrong with the date ranges a person typed, for a front end to show next to the
/// ranges concerned. Indices are positions in the list passed to `Calculations.validate`.
public enum RangeProblem: Hashable, Sendable {
    /// The return date is before the departure date.
    case returnBeforeDeparture(index: Int)
    /// The two ranges overlap: the person left again before coming back (`first < second`).
    case overlap(first: Int, second: Int)
    /// More ranges than a question accepts (`Calculations.maximumRanges`).
    case tooMany(count: Int, limit: Int)
}

extension Calculations {
    /// The most ranges one answer may hold. Ten years of weekly trips is about 520; a list
    /// longer than this is a mistake (or an attack on the time it takes to check it), and is
    /// refused with a message before any work that grows with its length.
    public static let maximumRanges = 1_000

    /// The first problem with a list of absences, or nil: too many ranges, else the first range
    /// whose return is before its departure, else the first overlap the sweep meets. Sorting by
    /// departure and sweeping once, remembering the latest return so far, costs n log n time and
    /// linear memory whatever the list holds (10,000 identical trips included), where listing
    /// every overlapping pair (`validate`) costs the square of the list in both.
    public static func firstProblem(_ rs: [DateRange]) -> RangeProblem? {
        if rs.count > maximumRanges { return .tooMany(count: rs.count, limit: maximumRanges) }
        if let i = rs.indices.first(where: { rs[$0].to < rs[$0].from }) { return .returnBeforeDeparture(index: i) }
        let order = rs.indices.sorted { (rs[$0].from, $0) < (rs[$1].from, $1) }
        // `latest`: of the ranges departing before the current departure day, the one that
        // returns last. A range overlaps an earlier-departing one exactly when it leaves before
        // that one's return, so comparing with `latest` alone finds an overlap if there is one.
        var latest: Int?
        var k = 0
        while k < order.count {
            let day = rs[order[k]].from
            var end = k
            while end < order.count && rs[order[end]].from == day { end += 1 }
            // Ranges leaving on the same day overlap when two of them last past that day
            // (same-day trips are part days, never overlaps).
            var longer: Int?
            for i in order[k..<end] {
                if let l = latest, rs[i].from < rs[l].to { return .overlap(first: min(l, i), second: max(l, i)) }
                if rs[i].to > day {
                    if let other = longer { return .overlap(first: min(other, i), second: max(other, i)) }
                    longer = i
                }
            }
            for i in order[k..<end] where latest.map({ rs[i].to > rs[$0].to }) ?? true { latest = i }
            k = end
        }
        return nil
    }

    /// Problems with a list of absences: one per range whose return is before its departure,
    /// then one per overlapping pair, in index order.
    ///
    /// Two ranges overlap when each departure is before the other's return. Coming back and
    /// leaving again on the same day is not an overlap (both are part days in the UK), nor are
    /// two same-day trips on one day. Reversed ranges are left out of the overlap check: their
    /// dates are already known to be wrong, and one mistake should be reported once.
    ///
    /// Every pair is listed, so the work grows with the number of overlaps (the square of the
    /// list when every trip overlaps every other): front ends use `firstProblem`, and a list
    /// longer than `maximumRanges` gets only `.tooMany`.
    public static func validate(_ rs: [DateRange]) -> [RangeProblem] {
        if rs.count > maximumRanges { return [.tooMany(count: rs.count, limit: maximumRanges)] }
        var problems = rs.indices.filter { rs[$0].to < rs[$0].from }
            .map { RangeProblem.returnBeforeDeparture(index: $0) }

        // Sweep in order of departure: a range can only overlap later-departing ranges that
        // leave before it returns, so the inner loop stops at the first that does not and the
        // work stays proportional to the overlaps found rather than to every pair.
        let order = rs.indices.filter { rs[$0].from <= rs[$0].to }
            .sorted { (rs[$0].from, $0) < (rs[$1].from, $1) }
        var pairs: [(Int, Int)] = []
        for (k, i) in order.enumerated() {
            for j in order[(k + 1)...] {
                guard rs[j].from < rs[i].to else { break }
                if rs[i].from < rs[j].to { pairs.append((min(i, j), max(i, j))) }
            }
        }
        problems += pairs.sorted { $0 < $1 }.map { RangeProblem.overlap(first: $0.0, second: $0.1) }
        return problems
    }
}
