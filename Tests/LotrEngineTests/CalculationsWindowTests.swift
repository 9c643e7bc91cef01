import Testing
import LotrFlow
@testable import LotrEngine

private func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// An absence whose first whole day abroad is `first` and which lasts `days` whole days.
private func trip(_ first: String, days: Int) -> DateRange {
    DateRange(from: d(first).adding(days: -1), to: d(first).adding(days: days))
}

/// SplitMix64: reproducible pseudo-random numbers, so a failing case can be replayed.
struct CalculationsTestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

/// The definition, day by day: every start date D, every day from D up to D + 12 months.
/// Uses `CivilDate.adding(months:)` for the period end, independently of the code under test.
private func oracleMaxDays(_ rs: [DateRange]) -> Int {
    var absent = Set<Int>()
    for r in rs where r.to.dayNumber - r.from.dayNumber >= 2 {
        for day in (r.from.dayNumber + 1)...(r.to.dayNumber - 1) { absent.insert(day) }
    }
    guard let lo = absent.min(), let hi = absent.max() else { return 0 }
    let base = lo - 400
    var prefix = [0]
    for day in base...(hi + 400) { prefix.append(prefix.last! + (absent.contains(day) ? 1 : 0)) }
    var best = 0
    for start in (lo - 370)...hi {
        let end = CivilDate(dayNumber: start).adding(months: 12).dayNumber
        best = max(best, prefix[end - base] - prefix[start - base])
    }
    return best
}

@Suite struct CalculationsWindowTests {
    @Test func singleAbsencesUpToAYear() {
        #expect(Calculations.maxDaysInAny12Months([trip("2022-03-10", days: 180)]) == 180)
        #expect(Calculations.maxDaysInAny12Months([trip("2022-03-10", days: 181)]) == 181)
        #expect(Calculations.maxDaysInAny12Months([trip("2022-03-10", days: 0)]) == 0)
        #expect(Calculations.maxDaysInAny12Months([DateRange(from: d("2022-03-10"), to: d("2022-03-10"))]) == 0)
    }

    @Test func a180Versus181DayBoundaryAcrossTwoTrips() {
        // 1 January to 31 December 2023 is one 12-month period.
        let a = trip("2023-01-01", days: 100)
        let b80 = DateRange(from: d("2023-10-12"), to: d("2024-01-01"))     // 13 Oct … 31 Dec
        #expect(Calculations.absenceDays(b80) == 80)
        #expect(Calculations.maxDaysInAny12Months([a, b80]) == 180)
        let b81 = DateRange(from: d("2023-10-11"), to: d("2024-01-01"))
        #expect(Calculations.maxDaysInAny12Months([a, b81]) == 181)
    }

    @Test func absenceCrossingThePeriodEdgeCountsOnlyTheDaysInside() {
        // The second trip runs one day past the period that begins with the first trip, so any
        // one period misses a day of one trip or the other.
        let a = trip("2023-01-01", days: 100)
        let b = DateRange(from: d("2023-10-13"), to: d("2024-01-02"))       // 14 Oct … 1 Jan
        #expect(Calculations.absenceDays(b) == 80)
        #expect(Calculations.maxDaysInAny12Months([a, b]) == 179)
    }

    @Test func tripsMoreThanTwelveMonthsApartAreNotAdded() {
        let a = trip("2021-01-01", days: 170)                 // to 19 June 2021
        let b = trip("2022-06-21", days: 170)
        #expect(Calculations.maxDaysInAny12Months([a, b]) == 170)
    }

    @Test func aPeriodHoldingTheWholeGapBetweenTwoTripsGetsTheRest() {
        // 186 days in the UK between the trips (20 June to 22 December 2021): a 365-day period
        // that spans the gap holds 365 − 186 = 179 days abroad, however it is placed.
        let a = trip("2021-01-01", days: 170)
        let b = trip("2021-12-23", days: 170)
        #expect(Calculations.maxDaysInAny12Months([a, b]) == 179)
        #expect(Calculations.maxDaysInAny12Months([a, b]) == oracleMaxDays([a, b]))
    }

    @Test func aPeriodContainingTwentyNinthFebruaryHas366Days() {
        #expect(Calculations.maxDaysInAny12Months([trip("2023-03-01", days: 400)]) == 366)
        #expect(Calculations.maxDaysInAny12Months([trip("2021-03-01", days: 400)]) == 365)
        // 2024 is a leap year: 1 January to 31 December 2024 is one period of 366 days.
        let a = trip("2024-01-01", days: 100)
        let b = DateRange(from: d("2024-10-12"), to: d("2025-01-01"))
        #expect(Calculations.absenceDays(b) == 80)
        #expect(Calculations.maxDaysInAny12Months([a, b]) == 180)
    }

    @Test func aPeriodStartingOnTwentyNinthFebruaryEndsOnTwentySeventh() {
        // 29 Feb 2024 + 12 months = 28 Feb 2025, so that period is 29 Feb 2024 … 27 Feb 2025.
        #expect(Calculations.periodEnd(d("2024-02-29").dayNumber) == d("2025-02-28").dayNumber)
        let a = trip("2024-02-29", days: 1)
        let b = trip("2025-02-27", days: 1)
        #expect(Calculations.maxDaysInAny12Months([a, b]) == 2)
        let c = trip("2025-02-28", days: 1)
        #expect(Calculations.maxDaysInAny12Months([a, c]) == 1)
        // …but 28 Feb 2024 + 12 months = 28 Feb 2025 too, and that period holds 28 Feb 2024.
        let e = trip("2024-02-28", days: 1)
        #expect(Calculations.maxDaysInAny12Months([e, b]) == 2)
        #expect(Calculations.maxDaysInAny12Months([e, c]) == 1)
    }

    @Test func overlappingRangesAreCountedOnce() {
        let rs = [trip("2023-05-01", days: 100), trip("2023-06-01", days: 100)]
        #expect(Calculations.maxDaysInAny12Months(rs) == 131)
    }

    @Test func datesAtTheEdgesOfTheCalendarDoNotTrap() {
        let early = [DateRange(from: d("0001-01-05"), to: d("0001-03-01"))]
        #expect(Calculations.maxDaysInAny12Months(early) == 54)
        let late = [DateRange(from: d("9999-11-01"), to: d("9999-12-31"))]
        #expect(Calculations.maxDaysInAny12Months(late) == 59)
    }

    @Test func periodEndMatchesAddingTwelveMonths() {
        var days = Array(d("1899-01-01").dayNumber...d("1905-12-31").dayNumber)
        days += Array(d("1996-01-01").dayNumber...d("2030-12-31").dayNumber)
        days += Array(d("0001-01-01").dayNumber...d("0001-12-31").dayNumber)
        days += Array(d("9998-01-01").dayNumber...d("9998-12-31").dayNumber)
        for day in days {
            let date = CivilDate(dayNumber: day)
            #expect(Calculations.periodEnd(day) == date.adding(months: 12).dayNumber, "\(date)")
        }
    }

    @Test func firstOfMarchMatchesTheCalendar() {
        for year in Array(1...450) + Array(1580...2500) + Array(9600...9999) {
            #expect(Calculations.firstOfMarch(year) == CivilDate(year: year, month: 3, day: 1)!.dayNumber)
        }
        // Year 0 is a leap year, but its 29 February comes before 1 March.
        #expect(Calculations.firstOfMarch(0) == d("0001-03-01").dayNumber - 365)
        #expect(Calculations.firstOfMarch(-1) == d("0001-03-01").dayNumber - 365 - 366)
    }

    @Test func matchesTheDayByDayDefinitionOnRandomInputs() {
        var rng = CalculationsTestRandom(seed: 20_240_411)
        let start = d("2019-01-01").dayNumber, end = d("2027-12-31").dayNumber
        let marches = (2019...2027).map { CivilDate(year: $0, month: 3, day: 1)!.dayNumber }
        var mismatches = 0
        for caseNumber in 0..<3000 {
            var rs: [DateRange] = []
            for _ in 0..<rng.int(in: 0...7) {
                // A third of the dates fall next to 1 March, where periods change length.
                func endpoint() -> Int {
                    rng.int(in: 0...2) == 0
                        ? marches[rng.int(in: 0...(marches.count - 1))] + rng.int(in: -3...3)
                        : rng.int(in: start...end)
                }
                let from = endpoint()
                let length: Int
                switch rng.int(in: 0...3) {
                case 0: length = rng.int(in: 0...3)
                case 1: length = rng.int(in: 0...60)
                case 2: length = rng.int(in: 100...220)
                default: length = rng.int(in: 0...500)
                }
                let to = rng.int(in: 0...1) == 0 ? from + length : endpoint()    // some reversed
                rs.append(DateRange(from: CivilDate(dayNumber: from), to: CivilDate(dayNumber: to)))
            }
            let fast = Calculations.maxDaysInAny12Months(rs), slow = oracleMaxDays(rs)
            if fast != slow {
                mismatches += 1
                Issue.record("case \(caseNumber): \(fast) != \(slow) for \(rs)")
                if mismatches > 5 { break }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func manyRangesOverDecadesMatchTheDefinition() {
        var rng = CalculationsTestRandom(seed: 7)
        var day = d("1990-01-01").dayNumber
        var rs: [DateRange] = []
        for _ in 0..<1500 {
            day += rng.int(in: 0...20)
            let length = rng.int(in: 0...12)
            rs.append(DateRange(from: CivilDate(dayNumber: day), to: CivilDate(dayNumber: day + length)))
            day += length
        }
        #expect(Calculations.maxDaysInAny12Months(rs) == oracleMaxDays(rs))
        #expect(Calculations.maxDaysInAny12Months(rs.reversed()) == oracleMaxDays(rs))
    }
}
