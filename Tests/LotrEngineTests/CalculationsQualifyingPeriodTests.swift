import Testing
import LotrFlow
@testable import LotrEngine

private func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
private func r(_ a: String, _ b: String) -> DateRange { DateRange(from: d(a), to: d(b)) }

// LR 3.1, LR 3.2, LR 11.1, LR 11.2, CR 4.2: time that does not count moves the qualifying date.

@Test func qualifyingDateWithNothingLeftOutIsTheTenthAnniversary() {
    #expect(Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [], excluded: []) == d("2026-11-23"))
}

@Test func aGapMovesTheQualifyingDateByItsDaysWithoutPermission() {
    // Old permission ended 1 March 2020, new one granted 12 March 2020: 10 days without permission.
    let q = Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [r("2020-03-01", "2020-03-12")], excluded: [])
    #expect(q == d("2026-12-03"))
    // A same-day regrant is no gap at all.
    #expect(Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [r("2020-03-01", "2020-03-02")], excluded: []) == d("2026-11-23"))
}

@Test func visitorOrBailTimeRestartsTheTenYearsTheDayAfterItEnds() {
    // LR 3.1 ("for the entirety of which"), CR 4.1(d): visitor from 1 to 10 June 2018, so the
    // 10 years count from 11 June 2018.
    let q = Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [], excluded: [r("2018-06-01", "2018-06-10")])
    #expect(q == d("2028-06-11"))
    // One day of bail is enough: both sides of it.
    #expect(Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [], excluded: [r("2018-06-01", "2018-06-01")]) == d("2028-06-02"))
    #expect(Calculations.countingStart(d("2016-11-23"), excluded: [r("2018-06-01", "2018-06-01")]) == d("2018-06-02"))
    // Several periods: the last one decides.
    #expect(Calculations.countingStart(d("2016-11-23"), excluded: [r("2019-01-01", "2019-01-05"), r("2018-06-01", "2018-06-10")]) == d("2019-01-06"))
}

@Test func excludedTimeBeforeTheStartDateDoesNotMoveTheDate() {
    let q = Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [r("2015-01-01", "2015-03-01")],
                                        excluded: [r("2016-01-01", "2016-11-22")])
    #expect(q == d("2026-11-23"))
    // Ending on the start day itself: the 10 years count from the next day.
    #expect(Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [], excluded: [r("2016-11-20", "2016-11-23")]) == d("2026-11-24"))
}

@Test func gapsBeforeTheRestartNoLongerMatter() {
    // A gap in 2017, bail in June 2018: the 10 years count from 13 June 2018 with no gap in them.
    let q = Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [r("2017-03-01", "2017-03-12")],
                                        excluded: [r("2018-06-05", "2018-06-12")])
    #expect(q == d("2028-06-13"))
    // A gap after the restart moves the date by its days, as always.
    let later = Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [r("2020-03-01", "2020-03-12")],
                                            excluded: [r("2018-06-05", "2018-06-12")])
    #expect(later == d("2028-06-23"))
}

@Test func gapDaysNearTheEndAreFoundByRepeatingTheMove() {
    // A gap that starts after the plain anniversary still moves the date once the first move
    // reaches it: 10 gap days in 2018, then 4 gap days from 25 November 2026.
    let q = Calculations.qualifyingDate(start: d("2016-11-23"), years: 10,
                                        gaps: [r("2018-05-31", "2018-06-11"), r("2026-11-24", "2026-11-29")], excluded: [])
    #expect(q == d("2026-12-07"))
}

@Test func reversedExcludedRangesCountForNothing() {
    #expect(Calculations.qualifyingDate(start: d("2016-11-23"), years: 10, gaps: [], excluded: [r("2018-06-10", "2018-06-01")]) == d("2026-11-23"))
}

// CR 1.1(b): the period absences are tested on.

@Test func periodEndIs28DaysAheadWhenThePersonCanApplyNow() {
    let today = d("2026-11-23")
    // Qualifying date 21 December 2026 = today + 28: the end is that day either way.
    #expect(Calculations.qualifyingPeriodEnd(start: d("2016-12-21"), years: 10, gaps: [], excluded: [], today: today) == d("2026-12-21"))
    // Already 10 years: the end is today + 28 days.
    #expect(Calculations.qualifyingPeriodEnd(start: d("2010-01-01"), years: 10, gaps: [], excluded: [], today: today) == d("2026-12-21"))
    // Must wait: the end is the qualifying date.
    #expect(Calculations.qualifyingPeriodEnd(start: d("2017-06-01"), years: 10, gaps: [], excluded: [], today: today) == d("2027-06-01"))
}

@Test func periodStartCountsBackAndLeavesOutUncountedDays() {
    let end = d("2026-12-21")
    #expect(Calculations.qualifyingPeriodStart(start: d("2005-01-01"), years: 10, gaps: [], excluded: [], end: end) == d("2016-12-21"))
    // 10 gap days inside: the period starts 10 days earlier.
    #expect(Calculations.qualifyingPeriodStart(start: d("2005-01-01"), years: 10, gaps: [r("2018-05-31", "2018-06-11")],
                                               excluded: [], end: end) == d("2016-12-11"))
    // Visitor time inside: the period cannot reach back across it.
    #expect(Calculations.qualifyingPeriodStart(start: d("2005-01-01"), years: 10, gaps: [],
                                               excluded: [r("2018-06-01", "2018-06-10")], end: end) == d("2018-06-11"))
    // Never before the start date.
    #expect(Calculations.qualifyingPeriodStart(start: d("2016-12-20"), years: 10, gaps: [], excluded: [], end: end) == d("2016-12-21"))
    #expect(Calculations.qualifyingPeriodStart(start: d("2016-12-25"), years: 10, gaps: [], excluded: [], end: end) == d("2016-12-25"))
}

@Test func forwardAndBackwardAgree() {
    // Counting forward from the period start reaches the period end.
    let gaps = [r("2019-02-01", "2019-02-20")], excluded = [r("2008-05-01", "2008-07-31")]
    let end = d("2026-12-21")
    let first = Calculations.qualifyingPeriodStart(start: d("2000-01-01"), years: 10, gaps: gaps, excluded: excluded, end: end)
    #expect(Calculations.qualifyingDate(start: first, years: 10, gaps: gaps, excluded: excluded) == end)
}

@Test func tripsAreCutToTheQualifyingPeriod() {
    let today = d("2026-11-23")   // can apply: period 21 Dec 2016 – 21 Dec 2026
    let trips = [r("2014-01-01", "2014-08-01"), r("2016-12-01", "2017-01-10"), r("2019-01-01", "2019-01-05")]
    let cut = Calculations.inQualifyingPeriod(trips, start: d("2010-01-01"), years: 10, gaps: [], excluded: [], today: today)
    // The 2014 trip is gone; the trip across the period start keeps 21 Dec 2016 – 9 Jan 2017 (20 days).
    #expect(cut.count == 2)
    #expect(Calculations.longestDays(cut) == 20)
    #expect(Calculations.totalDays(cut) == 23)
    // A trip ending on the period's first day has no day abroad inside it.
    let edge = Calculations.inQualifyingPeriod([r("2016-12-01", "2016-12-21")], start: d("2010-01-01"), years: 10,
                                               gaps: [], excluded: [], today: today)
    #expect(edge.isEmpty)
    let inside = Calculations.inQualifyingPeriod([r("2016-12-01", "2016-12-22")], start: d("2010-01-01"), years: 10,
                                                 gaps: [], excluded: [], today: today)
    #expect(Calculations.totalDays(inside) == 1)
}

@Test func tripsSplitOn11April2024ByTheDayTheyStarted() {
    let trips = [r("2024-04-10", "2024-05-01"), r("2024-04-11", "2024-05-01")]
    #expect(Calculations.tripsStartedBefore(trips, d("2024-04-11")) == [trips[0]])
    #expect(Calculations.tripsStartedFrom(trips, d("2024-04-11")) == [trips[1]])
}

// CR 3.2: fixed 12-month periods ending on the application date.

@Test func fixedPeriodsAreNotRolling() {
    // 100 days abroad either side of the anniversary 1 June 2025 of an application on 1 June 2026:
    // a rolling window sees 200, the fixed periods see 100 each.
    let trips = [r("2025-02-20", "2025-06-01"), r("2025-06-01", "2025-09-10")]
    #expect(Calculations.maxDaysInAny12Months(trips) >= 180)
    #expect(Calculations.maxDaysInFixed12Months(trips, end: d("2026-06-01")) == 100)
}

@Test func fixedPeriodLimitBothSides() {
    // The period 2 June 2025 – 1 June 2026. 180 days abroad inside it, then 181.
    let end = d("2026-06-01")
    let in180 = [r("2025-06-01", "2025-11-29")]     // 2 June – 28 November 2025: 180 days
    #expect(Calculations.maxDaysInFixed12Months(in180, end: end) == 180)
    let in181 = [r("2025-06-01", "2025-11-30")]
    #expect(Calculations.maxDaysInFixed12Months(in181, end: end) == 181)
    // The same 181 days with the period boundary inside them are split between two periods.
    #expect(Calculations.maxDaysInFixed12Months(in181, end: d("2026-09-01")) < 181)
}

@Test func fixedPeriodsCountTheApplicationDayAndNotTheDayAfter() {
    // A day abroad on the application date counts; a day after it does not.
    #expect(Calculations.maxDaysInFixed12Months([r("2026-05-31", "2026-06-02")], end: d("2026-06-01")) == 1)
    #expect(Calculations.maxDaysInFixed12Months([r("2026-06-01", "2026-06-03")], end: d("2026-06-01")) == 0)
    #expect(Calculations.maxDaysInFixed12Months([], end: d("2026-06-01")) == 0)
}

@Test func theWindowConstantMatchesTheRate() throws {
    guard let flows = ShippedFlows.loaded.flows, let rate = flows.rates["lr_early_days"] else {
        Issue.record("the shipped flows do not load or lack lr_early_days"); return
    }
    #expect(rate.values.allSatisfy { $0.value == Calculations.applicationWindowDays }, "\(rate.values.map(\.value))")
}

// CR 3.4: excused days come out of the trips they belong to.

@Test func excusedDaysAreTakenOutOfTheirTrip() {
    // A 14-day holiday (1–16 March) kept abroad by a pandemic until 16 June; the excused days
    // are 16 March – 15 June, listed as left 15 March, back 16 June.
    let trip = r("2020-03-01", "2020-06-16")
    let left = Calculations.tripsExcluding([trip], [r("2020-03-15", "2020-06-16")])
    #expect(Calculations.totalDays(left) == 14)
    #expect(Calculations.longestDays(left) == 14)
    // Without the excused days the same trip is 106 days.
    #expect(Calculations.totalDays([trip]) == 106)
}

@Test func excusedDaysInTheMiddleSplitATrip() {
    // Abroad 2–30 June (29 days); 10–19 June excused: 8 days before, 11 days after.
    let parts = Calculations.tripsExcluding([r("2021-06-01", "2021-07-01")], [r("2021-06-09", "2021-06-20")])
    #expect(parts.count == 2)
    #expect(parts.map(Calculations.absenceDays) == [8, 11])
    // Fully excused: nothing left. No excused days: the trip as it was.
    #expect(Calculations.tripsExcluding([r("2021-06-01", "2021-07-01")], [r("2021-05-01", "2021-08-01")]).isEmpty)
    #expect(Calculations.tripsExcluding([r("2021-06-01", "2021-07-01")], []) == [r("2021-06-01", "2021-07-01")])
}

@Test func absencesInThePeriodLeaveOutExcusedDaysAndOldTrips() {
    let today = d("2026-11-23")
    let trips = [r("2014-01-01", "2014-09-01"), r("2020-03-01", "2020-06-16")]
    let counted = Calculations.absencesInQualifyingPeriod(trips, excused: [r("2020-03-15", "2020-06-16")], start: d("2010-01-01"),
                                                         years: 10, gaps: [], uncounted: [], today: today)
    #expect(Calculations.totalDays(counted) == 14)
}
