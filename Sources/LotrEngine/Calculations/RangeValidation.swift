import LotrFlow

/// Something wrong with the date ranges a person typed, for a front end to show next to the
/// ranges concerned. Indices are positions in the list passed to `Calculations.validate`.
public enum RangeProblem: Hashable, Sendable {
    /// The return date is before the departure date.
    case returnBeforeDeparture(index: Int)
    /// The two ranges overlap: the person left again before coming back (`first < second`).
    case overlap(first: Int, second: Int)
}

extension Calculations {
    /// Problems with a list of absences: one per range whose return is before its departure,
    /// then one per overlapping pair, in index order.
    ///
    /// Two ranges overlap when each departure is before the other's return. Coming back and
    /// leaving again on the same day is not an overlap (both are part days in the UK), nor are
    /// two same-day trips on one day. Reversed ranges are left out of the overlap check: their
    /// dates are already known to be wrong, and one mistake should be reported once.
    public static func validate(_ rs: [DateRange]) -> [RangeProblem] {
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
