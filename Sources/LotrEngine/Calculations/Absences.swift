import LotrFlow

// How days outside the UK are counted.
//
// An absence is `DateRange(from: the day the person left the UK, to: the day they came back)`.
// Only whole days outside the UK count: the day of departure and the day of return are part
// days and are not counted, so leaving on 1 May and returning on 5 May is 3 days (2, 3, 4 May),
// and a same-day or overnight trip is 0 days.
// [S] Reported, not read at source: the Home Office caseworker guidance "Indefinite leave to
// remain: calculating continuous period in UK" has a section "180 whole days absence" (v17.0,
// 6 July 2018, contents page) and is quoted as "You must only count whole days as absences.
// Part day absences, for example, less than 24 hours, are not counted" (immigrationboards.com,
// 2014) and cited for "only full days outside the UK" (v22.0, p. 9, by Lisa's Law). Its
// successor, "Continuous residence" (v4.0, 12 April 2024; v7.0, 28 November 2024), was found
// but its wording on this point could not be read. With dates and no times, "whole days" can
// only mean the calendar days strictly between leaving and coming back.
//
// A range whose return is before its departure counts for nothing: it is a typing mistake that
// `validate` reports, and guessing what was meant could hide a real absence or invent one.
// Where ranges overlap, a day is counted once (a person is either in the UK on a day or not);
// `validate` reports the overlap so the person can correct it.

extension Calculations {
    /// Whole days outside the UK in one absence (0 for a same-day trip or a reversed range).
    public static func absenceDays(_ r: DateRange) -> Int {
        max(0, r.to.dayNumber - r.from.dayNumber - 1)
    }

    /// `total_days(r)`: whole days outside the UK across all ranges, each day counted once.
    public static func totalDays(_ rs: [DateRange]) -> Int {
        AbsentDays(rs).total
    }

    /// `longest_days(r)`: the whole days of the longest single absence (0 for no absences).
    public static func longestDays(_ rs: [DateRange]) -> Int {
        rs.map(absenceDays).max() ?? 0
    }

    /// `total_days_before(r, d)`: whole days outside the UK that fall strictly before `cutoff`.
    ///
    /// For Appendix Continuous Residence CR 3.3(a) [V: Immigration Rules as published
    /// 25 November 2025]: an applicant under Appendix Long Residence must not have "spent a total
    /// of more than 548 days outside the UK during their qualifying period, where that 548-day
    /// total was reached before 11 April 2024". With `cutoff` 11 April 2024 this counts days up to
    /// and including 10 April 2024; days of an absence that continues past the cutoff are counted
    /// only up to that point. [S] Lisa's Law, reporting the guidance as updated in July 2024:
    /// the Home Office counts absences up to 10 April 2024 against the 548 days and disregards
    /// later ones. Limiting the count to the qualifying period is the flow's job.
    public static func totalDaysBefore(_ rs: [DateRange], _ cutoff: CivilDate) -> Int {
        AbsentDays(rs).count(before: cutoff.dayNumber)
    }

    /// `longest_days_before(r, d)`: the whole days of the longest single absence that started
    /// (the person left the UK) strictly before `cutoff`, counted in full — including any days
    /// after the cutoff.
    ///
    /// For CR 3.3(b) [V: Immigration Rules as published 25 November 2025]: the applicant must not
    /// have "been outside the UK for more than 184 days at any one time during their qualifying
    /// period, where that absence started before 11 April 2024". The rule looks at when the
    /// absence started, not at which of its days fell before the date, so the whole absence
    /// counts: an absence from 1 March to 1 October 2024 is 213 days and breaks the limit.
    /// [S] Free Movement quotes the Long residence guidance (updated 8 July 2024) to the same
    /// effect: more than 184 days at any one time "where that absence started before
    /// 11 April 2024".
    public static func longestDaysBefore(_ rs: [DateRange], _ cutoff: CivilDate) -> Int {
        rs.filter { $0.from < cutoff }.map(absenceDays).max() ?? 0
    }

    /// `earliest_date(r)`: the earliest departure date; nil when there are no ranges.
    public static func earliestDate(_ rs: [DateRange]) -> CivilDate? {
        rs.map(\.from).min()
    }

    /// `latest_date(r)`: the latest return date; nil when there are no ranges.
    public static func latestDate(_ rs: [DateRange]) -> CivilDate? {
        rs.map(\.to).max()
    }
}

/// The set of whole days outside the UK, as sorted, disjoint runs of day numbers, with running
/// totals so that "how many absent days before day x" is a binary search.
struct AbsentDays {
    /// Inclusive first and last day number of each run; sorted, disjoint and not adjacent.
    private(set) var runs: [(first: Int, last: Int)] = []
    /// `before[i]`: absent days in runs `0..<i`.
    private var before: [Int] = [0]

    init(_ rs: [DateRange]) {
        let spans = rs.compactMap { r -> (first: Int, last: Int)? in
            let first = r.from.dayNumber + 1, last = r.to.dayNumber - 1
            return first <= last ? (first, last) : nil
        }.sorted { $0.first < $1.first }
        for s in spans {
            if let tail = runs.last, s.first <= tail.last + 1 {
                runs[runs.count - 1].last = max(tail.last, s.last)
            } else {
                runs.append(s)
            }
        }
        for r in runs { before.append(before.last! + r.last - r.first + 1) }
    }

    var total: Int { before.last! }

    /// Absent days with day number strictly less than `day`.
    func count(before day: Int) -> Int {
        // First run that starts at or after `day`: every run before it starts before `day`.
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if runs[mid].first < day { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return 0 }
        let r = runs[lo - 1]
        return before[lo - 1] + min(r.last + 1, day) - r.first
    }
}
