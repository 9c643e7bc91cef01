import LotrFlow

// The long-residence qualifying period (Appendix Long Residence LR 3.1, LR 3.2, LR 11.1, LR 11.2;
// Appendix Continuous Residence CR 1.1, CR 4.2) [V: Immigration Rules as published 25 November 2025].
//
// Time that does not count: the person gives two lists.
// - Gaps between permissions (`gaps`): from the last day of the old permission to the day the new
//   one was granted. Only the days strictly between are without permission, the same counting as
//   an absence (`Calculations.absenceDays`). LR 3.2(b)-(d), LR 11.2(b)-(d) and CR 4.2: an excused
//   gap does not break residence but "will not be included in any calculation of the qualifying
//   period", so its days are left out and the 10 years run on across it.
// - Time as a visitor, short-term student (English language), seasonal worker or under the
//   Ukraine Scheme, and time on immigration bail, temporary admission or release (`excluded`).
//   This time does not merely go uncounted: LR 3.1 and LR 11.1 ask for 10 years "for the entirety
//   of which" permission that counts applied, and bail is time without permission, which breaks
//   continuous residence (CR 4.1(d); none of its exceptions covers bail). CR 1.1 counts the period
//   back from the application, so no 10 years can run across such time: they count from the day
//   after the last of it (both its first and its last day are given and neither counts).
//
// The date the 10 years are complete is the day that many calendar years after that start
// (`CivilDate.adding(years:)`), moved later by one day for each gap day before it. Moving the date
// later can bring more gap days before it, so the move is repeated until the date no longer
// changes; it always stops, because each repeat only adds days that were not yet added.

extension Calculations {
    /// CR 1.1(b): the qualifying period may be counted back from "any date up to 28 days after the
    /// date of application". The flows read the same number from the rate `lr_early_days`; a test
    /// checks that the two agree.
    public static let applicationWindowDays = 28

    /// Calendar years added with the same clamping the expression functions use, so that any
    /// typed date stays a real date.
    static func shifted(_ d: CivilDate, years: Int) -> CivilDate {
        let limit = 9999 * 12
        return d.adding(months: max(-limit, min(limit, max(-10_000, min(10_000, years)) * 12)))
    }

    /// The first day the 10 years can count from: `start`, or the day after the last period of
    /// visitor or bail time that ends on or after it (see the top of this file).
    public static func countingStart(_ start: CivilDate, excluded: [DateRange]) -> CivilDate {
        var first = start
        for r in excluded where r.from <= r.to && r.to >= start { first = max(first, r.to.adding(days: 1)) }
        return first
    }

    /// `qualifying_date(start, years, gaps, excluded)`: the day on which `years` years that count
    /// are complete, counting from `countingStart` and leaving out the gap days.
    public static func qualifyingDate(start: CivilDate, years: Int, gaps: [DateRange], excluded: [DateRange]) -> CivilDate {
        let start = countingStart(start, excluded: excluded)
        let uncounted = AbsentDays(gaps)
        let base = shifted(start, years: years)
        let fromStart = uncounted.count(before: start.dayNumber)
        var date = base
        while true {
            let moved = base.adding(days: uncounted.count(before: date.dayNumber) - fromStart)
            if moved == date { return date }
            date = moved
        }
    }

    /// The last day of the qualifying period used to test absences: CR 1.1 counts back from the
    /// date most beneficial to the applicant, up to 28 days after the application (CR 1.1(b)).
    /// A person who can apply today (`today` is at most 28 days before the qualifying date) is
    /// tested on the period ending 28 days from today; a person who must wait is tested on the
    /// period ending on the qualifying date, the first they could use. Days after today are taken
    /// to be days in the UK: the flows warn that later trips count too.
    public static func qualifyingPeriodEnd(start: CivilDate, years: Int, gaps: [DateRange], excluded: [DateRange],
                                           today: CivilDate) -> CivilDate {
        max(today.adding(days: applicationWindowDays), qualifyingDate(start: start, years: years, gaps: gaps, excluded: excluded))
    }

    /// The first day of the qualifying period that ends on `end`: counting back `years` years
    /// and further back by one day for each gap day inside, never before `countingStart` (the
    /// person's residence began on `start`, and no period runs across visitor or bail time).
    public static func qualifyingPeriodStart(start: CivilDate, years: Int, gaps: [DateRange], excluded: [DateRange],
                                             end: CivilDate) -> CivilDate {
        let start = countingStart(start, excluded: excluded)
        let uncounted = AbsentDays(gaps)
        let base = shifted(end, years: -years)
        let toEnd = uncounted.count(before: end.dayNumber)
        var date = base
        while true {
            let moved = base.adding(days: -(toEnd - uncounted.count(before: date.dayNumber)))
            if moved == date || moved < start { return max(moved, start) }
            date = moved
        }
    }

    /// `in_qualifying_period(trips, start, years, gaps, excluded)`: the trips abroad cut to the
    /// qualifying period (CR 1.1, CR 3.3 "during their qualifying period"), from its first day to
    /// its last day as `qualifyingPeriodEnd` and `qualifyingPeriodStart` give them. A trip that
    /// began before the period keeps only its days inside it; trips with no day abroad inside the
    /// period are left out.
    public static func inQualifyingPeriod(_ trips: [DateRange], start: CivilDate, years: Int, gaps: [DateRange],
                                          excluded: [DateRange], today: CivilDate) -> [DateRange] {
        let end = qualifyingPeriodEnd(start: start, years: years, gaps: gaps, excluded: excluded, today: today)
        let first = qualifyingPeriodStart(start: start, years: years, gaps: gaps, excluded: excluded, end: end)
        return clipped(trips, first: first, last: end)
    }

    /// `trips_excluding(trips, excused)`: the trips with the days abroad in `excused` taken out
    /// (CR 3.4: "any period spent outside the UK will not count where the absence was for" one of
    /// its reasons). Both lists count days as absences do: the days strictly between leaving and
    /// coming back. A trip whose middle days are excused becomes two shorter trips; a trip wholly
    /// excused is left out. The trips keep their order.
    public static func tripsExcluding(_ trips: [DateRange], _ excused: [DateRange]) -> [DateRange] {
        let away = AbsentDays(excused)
        guard !away.runs.isEmpty else { return trips }
        var out: [DateRange] = []
        for t in trips {
            var first = t.from.dayNumber + 1
            let last = t.to.dayNumber - 1
            guard first <= last else { out.append(t); continue }
            for run in away.runs where run.last >= first && run.first <= last {
                if run.first > first {
                    out.append(DateRange(from: CivilDate(dayNumber: first - 1), to: CivilDate(dayNumber: run.first)))
                }
                first = max(first, run.last + 1)
            }
            if first <= last {
                out.append(DateRange(from: CivilDate(dayNumber: first - 1), to: CivilDate(dayNumber: last + 1)))
            }
        }
        return out
    }

    /// `absences_in_qualifying_period(trips, excused, start, years, gaps, uncounted)`: the days
    /// abroad that the absence limits count — the trips without their excused days
    /// (`tripsExcluding`), cut to the qualifying period (`inQualifyingPeriod`).
    public static func absencesInQualifyingPeriod(_ trips: [DateRange], excused: [DateRange], start: CivilDate, years: Int,
                                                  gaps: [DateRange], uncounted: [DateRange], today: CivilDate) -> [DateRange] {
        inQualifyingPeriod(tripsExcluding(trips, excused), start: start, years: years, gaps: gaps, excluded: uncounted, today: today)
    }

    /// Trips cut to the days from `first` to `last` (both included).
    static func clipped(_ trips: [DateRange], first: CivilDate, last: CivilDate) -> [DateRange] {
        trips.compactMap { t in
            guard t.from <= t.to else { return nil }
            let from = max(t.from, first.adding(days: -1)), to = min(t.to, last.adding(days: 1))
            return absenceDays(DateRange(from: from, to: to)) > 0 ? DateRange(from: from, to: to) : nil
        }
    }

    /// `trips_started_before(trips, d)`: the trips on which the person left the UK before `d`
    /// (CR 3.3(b): "where that absence started before 11 April 2024").
    public static func tripsStartedBefore(_ trips: [DateRange], _ d: CivilDate) -> [DateRange] {
        trips.filter { $0.from < d }
    }

    /// `trips_started_from(trips, d)`: the trips on which the person left the UK on or after `d`
    /// (the absences CR 3.1 or CR 3.2 govern for a long-residence application, CR 3.3 covering the
    /// earlier ones).
    public static func tripsStartedFrom(_ trips: [DateRange], _ d: CivilDate) -> [DateRange] {
        trips.filter { $0.from >= d }
    }

    /// `max_days_in_fixed_12_months(trips, end)`: CR 3.2, for absences with permission granted
    /// before 11 January 2018: not more than 180 days "during any consecutive 12-month period,
    /// ending on the same date of their current application". The periods are fixed: the 12 months
    /// ending on `end` (the application date), the 12 months ending on the same date a year earlier,
    /// and so on. Each period runs from the day after `end` minus 12 months to `end`, both
    /// included. Days are counted as in `totalDays`. Returns the most days in any one period.
    public static func maxDaysInFixed12Months(_ trips: [DateRange], end: CivilDate) -> Int {
        let absent = AbsentDays(trips)
        guard let firstRun = absent.runs.first else { return 0 }
        var best = 0
        var periodLast = end.dayNumber
        var k = 1
        while true {
            let periodFirst = shiftedMonths(end, -12 * k).dayNumber + 1
            let days = absent.count(before: periodLast + 1) - absent.count(before: periodFirst)
            best = max(best, days)
            if periodFirst <= firstRun.first || k > 10_000 { return best }
            periodLast = periodFirst - 1
            k += 1
        }
    }

    static func shiftedMonths(_ d: CivilDate, _ months: Int) -> CivilDate {
        let limit = 9999 * 12
        return d.adding(months: max(-limit, min(limit, months)))
    }
}
