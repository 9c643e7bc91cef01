import Testing
import LotrFlow
@testable import LotrEngine

private func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
private func r(_ from: String, _ to: String) -> DateRange { DateRange(from: d(from), to: d(to)) }

@Suite struct CalculationsCalendarTests {
    @Test func daysBetweenCountsCalendarDaysWithSign() {
        #expect(Calculations.daysBetween(d("2024-04-11"), d("2024-04-11")) == 0)
        #expect(Calculations.daysBetween(d("2023-12-31"), d("2024-01-01")) == 1)
        #expect(Calculations.daysBetween(d("2024-02-28"), d("2024-03-01")) == 2)
        #expect(Calculations.daysBetween(d("2023-02-28"), d("2023-03-01")) == 1)
        #expect(Calculations.daysBetween(d("2024-03-01"), d("2024-02-28")) == -2)
        #expect(Calculations.daysBetween(d("2014-04-11"), d("2024-04-11")) == 3653)
    }

    @Test func monthsBetweenUsesCorrespondingDates() {
        #expect(Calculations.monthsBetween(d("2024-01-15"), d("2024-02-14")) == 0)
        #expect(Calculations.monthsBetween(d("2024-01-15"), d("2024-02-15")) == 1)
        #expect(Calculations.monthsBetween(d("2024-01-15"), d("2025-01-15")) == 12)
        #expect(Calculations.monthsBetween(d("2024-01-15"), d("2024-01-15")) == 0)
    }

    @Test func monthsBetweenClampsToMonthEnd() {
        // No 31 February: the month from 31 January is complete on the last day of February.
        #expect(Calculations.monthsBetween(d("2023-01-31"), d("2023-02-27")) == 0)
        #expect(Calculations.monthsBetween(d("2023-01-31"), d("2023-02-28")) == 1)
        #expect(Calculations.monthsBetween(d("2024-01-31"), d("2024-02-28")) == 0)
        #expect(Calculations.monthsBetween(d("2024-01-31"), d("2024-02-29")) == 1)
        #expect(Calculations.monthsBetween(d("2024-03-31"), d("2024-04-30")) == 1)
        #expect(Calculations.monthsBetween(d("2024-03-31"), d("2024-05-30")) == 1)
        #expect(Calculations.monthsBetween(d("2024-03-31"), d("2024-05-31")) == 2)
    }

    @Test func monthsBetweenBackwardsIsNegatedForwards() {
        #expect(Calculations.monthsBetween(d("2024-03-15"), d("2024-01-15")) == -2)
        #expect(Calculations.monthsBetween(d("2024-03-15"), d("2024-01-16")) == -1)
        #expect(Calculations.monthsBetween(d("2024-03-15"), d("2024-03-01")) == 0)
    }

    @Test func yearsBetweenCountsCompletedYears() {
        #expect(Calculations.yearsBetween(d("2014-04-11"), d("2024-04-10")) == 9)
        #expect(Calculations.yearsBetween(d("2014-04-11"), d("2024-04-11")) == 10)
        #expect(Calculations.yearsBetween(d("2006-11-23"), d("2026-11-23")) == 20)
        #expect(Calculations.yearsBetween(d("2024-04-11"), d("2014-04-11")) == -10)
        #expect(Calculations.yearsBetween(d("2024-04-11"), d("2014-04-12")) == -9)
        #expect(Calculations.yearsBetween(d("2024-04-11"), d("2024-01-01")) == 0)
    }

    @Test func yearFromLeapDayCompletesOnTwentyEighthFebruary() {
        #expect(Calculations.yearsBetween(d("2020-02-29"), d("2021-02-27")) == 0)
        #expect(Calculations.yearsBetween(d("2020-02-29"), d("2021-02-28")) == 1)
        #expect(Calculations.yearsBetween(d("2020-02-29"), d("2024-02-28")) == 3)
        #expect(Calculations.yearsBetween(d("2020-02-29"), d("2024-02-29")) == 4)
        // Agrees with add_years, which lands on 28 February in a common year.
        #expect(d("2020-02-29").adding(years: 1) == d("2021-02-28"))
    }

    @Test func periodsAgreeWithCalendarAdditionEverywhere() {
        var rng = CalculationsTestRandom(seed: 0x1ead)
        for _ in 0..<4000 {
            let a = CivilDate(dayNumber: rng.int(in: 10_000...22_000))
            let b = CivilDate(dayNumber: a.dayNumber + rng.int(in: -1_500...4_000))
            let m = Calculations.monthsBetween(a, b)
            if b >= a {
                #expect(a.adding(months: m) <= b, "\(a) \(b)")
                #expect(a.adding(months: m + 1) > b, "\(a) \(b)")
                let y = Calculations.yearsBetween(a, b)
                #expect(a.adding(years: y) <= b && a.adding(years: y + 1) > b, "\(a) \(b)")
            } else {
                #expect(m == -Calculations.monthsBetween(b, a))
            }
        }
    }

    @Test func periodsNeverTrapPastYear9999() {
        // add_days can produce such a date; counting from it must not crash the program.
        let last = d("9999-12-31")
        let beyond = last.adding(days: 40)          // 9 February 10000
        #expect(Calculations.monthsBetween(last, beyond) == 1)
        #expect(Calculations.yearsBetween(beyond, last) == 0)
    }
}

@Suite struct CalculationsAbsenceTests {
    @Test func departureAndReturnDaysAreNotCounted() {
        #expect(Calculations.absenceDays(r("2024-05-01", "2024-05-05")) == 3)
        #expect(Calculations.absenceDays(r("2024-05-01", "2024-05-03")) == 1)
    }

    @Test func sameDayAndOvernightTripsCountZero() {
        #expect(Calculations.absenceDays(r("2024-05-01", "2024-05-01")) == 0)
        #expect(Calculations.absenceDays(r("2024-05-01", "2024-05-02")) == 0)
    }

    @Test func reversedRangeCountsNothing() {
        #expect(Calculations.absenceDays(r("2024-05-05", "2024-05-01")) == 0)
        #expect(Calculations.totalDays([r("2024-05-05", "2024-05-01")]) == 0)
    }

    @Test func absenceOverLeapDayCountsIt() {
        #expect(Calculations.absenceDays(r("2024-02-27", "2024-03-02")) == 3)   // 28, 29, 1
        #expect(Calculations.absenceDays(r("2023-02-27", "2023-03-02")) == 2)   // 28, 1
    }

    @Test func emptyListsGiveZeroAndNoDates() {
        #expect(Calculations.totalDays([]) == 0)
        #expect(Calculations.longestDays([]) == 0)
        #expect(Calculations.maxDaysInAny12Months([]) == 0)
        #expect(Calculations.totalDaysBefore([], d("2024-04-11")) == 0)
        #expect(Calculations.longestDaysBefore([], d("2024-04-11")) == 0)
        #expect(Calculations.earliestDate([]) == nil)
        #expect(Calculations.latestDate([]) == nil)
    }

    @Test func totalAddsSeparateAbsences() {
        let rs = [r("2020-01-01", "2020-01-11"), r("2021-06-01", "2021-06-04"), r("2022-03-03", "2022-03-03")]
        #expect(Calculations.totalDays(rs) == 9 + 2 + 0)
        #expect(Calculations.longestDays(rs) == 9)
    }

    @Test func overlappingDaysAreCountedOnce() {
        let rs = [r("2020-01-01", "2020-01-11"), r("2020-01-05", "2020-01-20")]   // 2..10 ∪ 6..19
        #expect(Calculations.totalDays(rs) == 18)
        #expect(Calculations.longestDays(rs) == 14)
    }

    @Test func returningAndLeavingOnOneDayDoesNotCountThatDay() {
        let rs = [r("2020-01-01", "2020-01-10"), r("2020-01-10", "2020-01-20")]
        #expect(Calculations.totalDays(rs) == 8 + 9)
    }

    @Test func earliestAndLatestDates() {
        let rs = [r("2021-06-01", "2021-06-04"), r("2019-01-01", "2019-02-01"), r("2022-03-03", "2022-03-03")]
        #expect(Calculations.earliestDate(rs) == d("2019-01-01"))
        #expect(Calculations.latestDate(rs) == d("2022-03-03"))
    }
}

@Suite struct CalculationsCutoffTests {
    private let cutoff = d("2024-04-11")

    @Test func onlyDaysStrictlyBeforeTheCutoffCount() {
        // Outside 2 to 19 April; 2 to 10 April are before 11 April.
        #expect(Calculations.totalDaysBefore([r("2024-04-01", "2024-04-20")], cutoff) == 9)
        // Back on 11 April: every whole day abroad was before the cutoff.
        #expect(Calculations.totalDaysBefore([r("2024-04-01", "2024-04-11")], cutoff) == 9)
        // Left on 10 April: the first whole day abroad is 11 April itself.
        #expect(Calculations.totalDaysBefore([r("2024-04-10", "2024-04-20")], cutoff) == 0)
        #expect(Calculations.totalDaysBefore([r("2024-04-11", "2024-04-20")], cutoff) == 0)
        // Back on 12 April: 11 April was a whole day abroad, but not before the cutoff.
        #expect(Calculations.totalDaysBefore([r("2024-04-09", "2024-04-12")], cutoff) == 1)
    }

    @Test func the548DayTotalBoundary() {
        let exactly548 = DateRange(from: cutoff.adding(days: -549), to: cutoff.adding(days: 30))
        #expect(Calculations.totalDaysBefore([exactly548], cutoff) == 548)
        #expect(Calculations.totalDays([exactly548]) == 548 + 30)
        let plusOne = [exactly548, r("2015-06-01", "2015-06-03")]
        #expect(Calculations.totalDaysBefore(plusOne, cutoff) == 549)
    }

    @Test func longestBeforeCountsAnAbsenceThatStartedBeforeInFull() {
        let acrossCutoff = r("2024-03-01", "2024-10-01")
        #expect(Calculations.absenceDays(acrossCutoff) == 213)
        #expect(Calculations.longestDaysBefore([acrossCutoff], cutoff) == 213)
        #expect(Calculations.longestDaysBefore([r("2024-04-10", "2024-04-20")], cutoff) == 9)
        #expect(Calculations.longestDaysBefore([r("2024-04-11", "2024-12-20")], cutoff) == 0)
    }

    @Test func the184DayBoundary() {
        let first = d("2023-01-01")
        let days184 = DateRange(from: first, to: first.adding(days: 185))
        let days185 = DateRange(from: first, to: first.adding(days: 186))
        #expect(Calculations.longestDaysBefore([days184], cutoff) == 184)
        #expect(Calculations.longestDaysBefore([days185], cutoff) == 185)
        let later = DateRange(from: d("2024-05-01"), to: d("2025-01-01"))    // longer, but after
        #expect(Calculations.longestDaysBefore([days184, later], cutoff) == 184)
        #expect(Calculations.longestDays([days184, later]) > 184)
    }
}
