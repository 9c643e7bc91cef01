import LotrFlow

extension Calculations {
    /// `max_days_in_any_12_months(r)`: the most whole days outside the UK (counted as in
    /// `totalDays`) that fall in any 12-month period. A period runs from any date D to the day
    /// before D + 12 months (`D.adding(months: 12)`, so a period starting 29 February ends on
    /// 27 February). CR 3.1 limits absences to "180 days in any 12-month period"
    /// [V: Immigration Rules as published 25 November 2025]; reading "any" as a period starting
    /// on any date (a rolling period) is how practitioners describe it [S]. Absences under
    /// permission granted before 11 January 2018 use fixed periods ending on the anniversary of
    /// the application date instead (CR 3.2); those are not what this computes.
    ///
    /// Exact without trying every start date. The end of a period, D + 12 months, never moves
    /// back as its start D moves forward. So moving a start forward to the first
    /// day abroad at or after it loses only days in the UK: some best period starts on a day
    /// abroad. Moving a start back by one day inside a run of days abroad gains that day and
    /// moves the end back one day, losing at most one — except from 1 March to 28 February
    /// before a leap year, where the end skips 29 February and moves back two. So stepping back
    /// from a best start towards the first day of its run never loses until it would cross a
    /// 1 March: the best period starts on the first day of a run or on a 1 March. Counting each
    /// of those O(n + years) candidates is a binary search: O((n + years) log n) in all.
    public static func maxDaysInAny12Months(_ rs: [DateRange]) -> Int {
        let absent = AbsentDays(rs)
        guard let firstRun = absent.runs.first, let lastRun = absent.runs.last else { return 0 }
        var candidates = absent.runs.map(\.first)
        let firstYear = CivilDate(dayNumber: firstRun.first).year
        let lastYear = CivilDate(dayNumber: lastRun.last).year
        candidates += (firstYear...lastYear).map(firstOfMarch)
        return candidates.map { start in
            absent.count(before: periodEnd(start)) - absent.count(before: start)
        }.max() ?? 0
    }

    /// Day number of `D.adding(months: 12)` for the day numbered `start`, by day arithmetic so that
    /// it never traps on years `CivilDate(year:month:day:)` rejects.
    static func periodEnd(_ start: Int) -> Int {
        let d = CivilDate(dayNumber: start)
        if d.month == 2 && d.day == 29 { return start + 365 }     // ends on 28 February
        let crossesLeapDay = d.month <= 2
            ? CivilDate.isLeapYear(d.year)          // 29 February of this year lies ahead
            : CivilDate.isLeapYear(d.year + 1)      // 29 February of next year lies ahead
        return start + (crossesLeapDay ? 366 : 365)
    }

    /// Day number of 1 March of any year, including years `CivilDate(year:month:day:)` rejects:
    /// Hinnant's days_from_civil, in which the year starts on 1 March.
    static func firstOfMarch(_ year: Int) -> Int {
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 - 719468
    }
}
